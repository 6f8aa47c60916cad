"""The default backend: an on-disk pyoxigraph (RocksDB) store in one directory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError, StoreError
from . import Solutions


def write_update(
    replace: Mapping[ox.NamedNode, Iterable[ox.Triple]],
    insert: Mapping[ox.NamedNode, Iterable[ox.Triple]],
) -> str:
    """One SPARQL update request that replaces and extends named graphs."""
    operations = [f"DROP SILENT GRAPH {name}" for name in replace]
    for graphs in (replace, insert):
        for name, triples in graphs.items():
            body = " .\n".join(f"{t.subject} {t.predicate} {t.object}" for t in triples)
            if body:
                operations.append(f"INSERT DATA {{ GRAPH {name} {{\n{body} .\n}} }}")
    return " ;\n".join(operations)


class EmbeddedStore:
    """A pyoxigraph store on disk; every write is one transaction."""

    def __init__(self, path: str | Path) -> None:
        self.location = str(path)
        try:
            self._store = ox.Store(str(path))
        except OSError as error:
            raise StoreError(f"cannot open the store at {path}: {error}") from error

    @classmethod
    def in_memory(cls) -> EmbeddedStore:
        """A throw-away store, for validation contexts and tests."""
        self = cls.__new__(cls)
        self.location = ":memory:"
        self._store = ox.Store()
        return self

    def _query(self, sparql: str) -> object:
        try:
            return self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as error:
            raise InputError(f"SPARQL syntax error: {error}") from error
        except OSError as error:
            raise StoreError(f"query failed on {self.location}: {error}") from error

    def select(self, sparql: str) -> Solutions:
        result = self._query(sparql)
        if not isinstance(result, ox.QuerySolutions):
            raise InputError("expected a SELECT query")
        variables = [v.value for v in result.variables]
        rows = [
            {name: solution[name] for name in variables if solution[name] is not None}
            for solution in result
        ]
        return Solutions(variables, rows)

    def ask(self, sparql: str) -> bool:
        result = self._query(sparql)
        if not isinstance(result, ox.QueryBoolean):
            raise InputError("expected an ASK query")
        return bool(result)

    def construct(self, sparql: str) -> list[ox.Triple]:
        result = self._query(sparql)
        if not isinstance(result, ox.QueryTriples):
            raise InputError("expected a CONSTRUCT or DESCRIBE query")
        return list(result)

    def write(
        self,
        replace: Mapping[ox.NamedNode, Iterable[ox.Triple]] | None = None,
        insert: Mapping[ox.NamedNode, Iterable[ox.Triple]] | None = None,
    ) -> None:
        self._update(write_update(replace or {}, insert or {}))

    def remove_graphs(self, names: Iterable[ox.NamedNode]) -> None:
        self._update(" ;\n".join(f"DROP SILENT GRAPH {name}" for name in names))

    def _update(self, sparql: str) -> None:
        if not sparql.strip():
            return
        try:
            self._store.update(sparql)
            self._store.flush()
        except OSError as error:
            raise StoreError(f"write failed on {self.location}: {error}") from error

    def graph_names(self) -> list[ox.NamedNode]:
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._store)

    def close(self) -> None:
        del self._store
