"""Saved SPARQL queries: their headers, safe parameter binding, and read-only checks.

A saved query is a ``.rq`` file in ``queries/`` whose leading comment lines declare it::

    # title: Who affirmed a country's territorial integrity, and when?
    # description: One row per statement ...
    # param: country iri = ent:azerbaijan | the country whose integrity was affirmed
    # table: speakerLabel date earliest latest quote gloss sourceLabel

The optional ``table`` line names the columns a person sees in ``--format table``; the
other formats carry every column.

A sorted listing may declare how to stream, ``# stream-by: ?sortMonth kb:sortMonth``: a
variable whose order agrees with the first key of the query's ORDER BY, and the derived
property whose values the derived view's bucket list (``kb.view.BUCKETS``) holds for it
(``kb:sortMonth``, the months; ``kb:sourceBucket``); or, instead of the property, any graph
pattern that lists its values (``?source a kb:Source``). ``stream`` then runs the query for
the first values one at a time, each an index lookup, until one gives rows, and the rest in
one more query: the first rows print after one small bucket, not after the whole sort, and
the rows are those of the query run whole, in the same order.

A listing whose sort key is computed over several claims (a meeting's date, over all its
accounts) may still stream by a bucket of one of them: ``# bucket-keys: ?meeting ?account
kb:meeting ?meeting ; kb:sortMonth ?sortMonth`` says that the rows of a bucket are among those of
the ``?meeting`` values this pattern gives with the bucket bound. For a bucket, ``stream`` asks
for those values first, and every sub-select of the query that projects ``?meeting`` then starts
from them (``VALUES``: a few index lookups rather than the whole KB); the query's own stream
variable, bound to the bucket at its top, keeps the rows that are in it. The query run whole, and
the rest after the probed buckets, read everything as before. Several such lines may name
several variables. Where the query does not bind the stream variable itself, ``# bucket-of:
EXPRESSION`` gives a row's bucket from the variables it has (a meeting's month from its
``?earliest`` and ``?latest``): a bucket's query then keeps the rows whose EXPRESSION is the
bucket (a FILTER at its top), and the query run whole is the query as written.

A listing sorted largest first says so: ``# stream-by: DESC(?sourceCount) PATTERN`` (the first
bucket is then the largest value, the rest those below the last probed). Where the values are
computed (a count per meeting, a sub-select in the pattern), ``# bucket-keys: ?meeting``
without a pattern says that the stream-by pattern also binds the key: one pass over the
pattern in the listing's order gives the buckets and each one's keys, read only as far as the
first buckets asked for. A later ``bucket-keys`` pattern
starts from the values of the keys found before it that it names (``?counted kb:meeting
?meeting``: the accounts of the bucket's meetings, by index lookups). The stream-by and key
patterns see the query's parameters (meetings-corroborated lists only the counts of at least
``minSources``). A bucket listed with more than ``BUCKET_KEYS_READ_ALONE`` keys is read with the
rest (a lookup per key would read more than the whole query's scans).

A key pattern written in the header that names a parameter narrows the listing run with that
parameter, on any store: evidence-spans' ``?claim kb:sourceBucket ?sourceBucket ; kb:source
?source`` with a ``source`` lists that source's claims, and the query, run whole, reads only
those in every sub-select that projects ``?claim``. (The rows of every bucket are among the keys
its pattern gives, so the rows of all buckets are among those the pattern gives unbound.) Such a
listing is then one query, not streamed: a parameter with a default that a key pattern names
would never stream it, and none of the shipped queries has one.

A query may be another one under its own name and defaults: ``# same-as: meeting-timeline``
takes that query's text and parameters, the file's own ``param`` lines giving their defaults
(``country-pair-timeline`` is ``meeting-timeline`` between Iran and Azerbaijan). Names people
and tools already use keep working when two near-identical queries become one.

Parameters are bound as RDF terms in a ``VALUES`` block placed at the top of the query's
WHERE clause: a value is parsed into one IRI or literal by pyoxigraph and written back in
N-Triples form, so no value can change the query's text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby, islice
from pathlib import Path

from pyoxigraph import Literal, NamedNode
from rapidfuzz import fuzz, process
from rdflib.plugins.sparql import parser as sparql_parser

from . import view
from .errors import InputError
from .namespaces import XSD, curie, expand, sparql_prologue
from .resources import QUERIES_DIR
from .store import Solutions, Store

_HEADER = re.compile(r"^#\s*([\w-]+)\s*:\s*(.*)$")
_PARAM = re.compile(
    r"^(\w+)\s+(iri|string|date|integer|decimal|lang)\s*(?:=\s*([^|]*?))?\s*(?:\|\s*(.*))?$"
)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_STREAM_BY = re.compile(r"^\?(\w+)\s+(.+)$")
_DESCENDING = re.compile(r"^DESC\(\s*(\?\w+)\s*\)\s+", re.IGNORECASE)
_BUCKET_KEY = re.compile(r"^\?(\w+)(?:\s+(.+))?$")
_DATATYPES = {"date": XSD.date, "integer": XSD.integer, "decimal": XSD.decimal}


def _stream_by(path: Path, value: str) -> tuple[tuple[str, str], bool]:
    """A ``stream-by`` header as (variable, pattern listing its values) and whether the listing
    runs down from the largest value: ``?VAR PROPERTY`` reads the bucket list of the derived
    view, ``?VAR PATTERN`` any pattern; ``DESC(?VAR) ...`` either, largest first."""
    descending = _DESCENDING.match(value)
    if descending:
        value = descending.group(1) + " " + value[descending.end() :]
    return _stream_pattern(path, value), descending is not None


def _stream_pattern(path: Path, value: str) -> tuple[str, str]:
    """``?VAR PROPERTY`` or ``?VAR PATTERN`` as (variable, pattern listing its values)."""
    by = _STREAM_BY.match(value)
    if not by:
        raise InputError(f"{path}: bad stream-by header {value!r} (?VAR PROPERTY or ?VAR PATTERN)")
    var, rest = by.groups()
    if len(rest.split()) > 1:
        return var, rest
    try:
        prop = expand(rest)
    except ValueError:
        prop = None
    if prop not in view.BUCKET_PROPERTIES:
        listed = ", ".join(curie(p.value) for p in view.BUCKET_PROPERTIES)
        raise InputError(
            f"{path}: stream-by {rest!r} is not a property the derived view lists buckets of "
            f"({listed}); or give a pattern: ?VAR PATTERN"
        )
    return var, f"{view.BUCKETS} {rest} ?{var}"


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    default: str | None
    description: str


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    title: str = ""
    description: str = ""
    params: dict[str, Param] = field(default_factory=dict)
    table_columns: list[str] = field(default_factory=list)
    same_as: str = ""
    stream_by: tuple[str, str] | None = None  # (variable, pattern listing its values)
    descending: bool = False  # stream-by DESC(?VAR): the largest values first
    bucket_keys: list[tuple[str, str]] = field(default_factory=list)  # (variable, pattern)
    bucket_of: str = ""  # a row's bucket, as an expression of its variables

    @classmethod
    def from_file(cls, path: Path) -> SavedQuery:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: cannot read query: {error}") from error
        query = cls(path.stem, path, text)
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            match = _HEADER.match(line)
            if not match:
                continue
            key, value = match.groups()
            if key == "title":
                query.title = value
            elif key == "description":
                query.description = (query.description + " " + value).strip()
            elif key == "table":
                query.table_columns = value.split()
            elif key == "same-as":
                query.same_as = value.strip()
            elif key == "stream-by":
                query.stream_by, query.descending = _stream_by(path, value)
            elif key == "bucket-of":
                query.bucket_of = value.strip()
            elif key == "bucket-keys":
                keys = _BUCKET_KEY.match(value.strip())
                if not keys:
                    raise InputError(f"{path}: bad bucket-keys header {value!r} (?VAR PATTERN)")
                query.bucket_keys.append((keys.group(1), keys.group(2) or ""))
            elif key == "param":
                param = _PARAM.match(value)
                if not param:
                    raise InputError(
                        f"{path}: bad param header {value!r} (NAME TYPE = DEFAULT | text)"
                    )
                name, kind, default, description = param.groups()
                query.params[name] = Param(name, kind, default or None, description or "")
        if query.same_as:
            query._take_from(path.parent / f"{query.same_as}.rq")
        query._listed_keys(path)
        return query

    def _listed_keys(self, path: Path) -> None:
        """A ``bucket-keys`` line without a pattern takes its values from the stream-by pattern,
        with each bucket (the key is listed with the buckets)."""
        for number, (key, pattern) in enumerate(self.bucket_keys):
            if pattern:
                continue
            if self.stream_by is None or not re.search(rf"\?{key}\b", self.stream_by[1]):
                raise InputError(
                    f"{path}: bucket-keys ?{key} without a pattern needs a stream-by pattern "
                    f"that binds ?{key}"
                )
            self.bucket_keys[number] = (key, self.stream_by[1])

    def _take_from(self, target_path: Path) -> None:
        """Become the query at ``target_path``: its text, and its parameters (this file's own
        parameters first, as this file declares them)."""
        if not target_path.is_file():
            raise InputError(f"{self.path}: same-as {self.same_as!r}: no {target_path.name}")
        target = SavedQuery.from_file(target_path)
        if target.same_as:
            raise InputError(f"{self.path}: same-as {self.same_as!r} is itself an alias")
        for name, param in self.params.items():
            known = target.params.get(name)
            if known is None or known.kind != param.kind:
                raise InputError(
                    f"{self.path}: {self.same_as} has no {param.kind} parameter {name!r}"
                )
        self.text = target.text
        self.params = {
            **self.params,
            **{n: p for n, p in target.params.items() if n not in self.params},
        }
        self.table_columns = self.table_columns or target.table_columns
        if not self.stream_by:
            self.stream_by, self.descending = target.stream_by, target.descending
        self.bucket_keys = self.bucket_keys or target.bucket_keys
        self.bucket_of = self.bucket_of or target.bucket_of

    def bound(self, values: dict[str, str]) -> str:
        """The query text with its parameters bound to terms (defaults for those not given)."""
        return bind(self.text, self.terms(values))

    def terms(self, values: dict[str, str]) -> dict[str, NamedNode | Literal]:
        """The parameters as terms: those given, else their defaults."""
        unknown = sorted(set(values) - set(self.params))
        if unknown:
            valid = ", ".join(self.params) or "none"
            raise InputError(
                f"query {self.name}: unknown parameter {', '.join(unknown)}; valid: {valid}"
            )
        terms = {}
        for name, param in self.params.items():
            raw = values.get(name, param.default)
            if raw is None:
                continue
            terms[name] = to_term(raw, param)
        return terms


def absent_iris(
    store: Store, terms: dict[str, NamedNode | Literal]
) -> list[tuple[str, str, str | None]]:
    """The IRI parameters that name nothing in the KB (a misspelt entity gives an empty
    answer, not an error) as (parameter, IRI as a CURIE, the closest IRI of its namespace that
    a label names, or None): ``("country", "ent:azerbijan", "ent:azerbaijan")``."""
    absent = []
    for name, term in terms.items():
        if not isinstance(term, NamedNode):
            continue
        if store.ask(f"ASK {{ {{ {term} ?p ?o }} UNION {{ ?s ?p {term} }} }}"):
            continue
        namespace = term.value[: max(term.value.rfind("/"), term.value.rfind("#")) + 1]
        labelled = store.select(
            "SELECT DISTINCT ?iri WHERE { ?iri <http://www.w3.org/2000/01/rdf-schema#label> ?l "
            f"FILTER (STRSTARTS(STR(?iri), {Literal(namespace)})) }}"
        )
        iris = [row["iri"] for row in labelled.rows]
        names = [iri.value[len(namespace) :] for iri in iris if isinstance(iri, NamedNode)]
        best = process.extractOne(
            term.value[len(namespace) :], names, scorer=fuzz.ratio, score_cutoff=80
        )
        absent.append((name, curie(term.value), curie(namespace + best[0]) if best else None))
    return absent


def saved_queries(directory: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    return {p.stem: SavedQuery.from_file(p) for p in sorted(directory.glob("*.rq"))}


def load_query(name_or_path: str) -> SavedQuery:
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.exists():
        return SavedQuery.from_file(path)
    if path.suffix == ".rq":
        raise InputError(f"{path}: no such file")
    queries = saved_queries()
    if name_or_path not in queries:
        close = process.extractOne(name_or_path, list(queries), scorer=fuzz.ratio, score_cutoff=70)
        hint = f"did you mean {close[0]}? " if close else ""
        raise InputError(
            f"no saved query {name_or_path!r}; {hint}`kb queries` lists them: {', '.join(queries)}"
        )
    return queries[name_or_path]


def to_term(raw: str, param: Param) -> NamedNode | Literal:
    """A parameter value as one RDF term; IRIs may be CURIEs (ent:iran) or <full IRIs>."""
    raw = raw.strip()
    try:
        if param.kind == "iri":
            return expand(raw)
        if param.kind in _DATATYPES:
            literal = Literal(raw, datatype=_DATATYPES[param.kind])
            _check_lexical(raw, param.kind)
            return literal
        return Literal(raw)
    except ValueError as error:
        raise InputError(f"parameter {param.name}={raw!r}: {error}") from error


def _check_lexical(raw: str, kind: str) -> None:
    patterns = {
        "date": r"\d{4}-\d{2}-\d{2}",
        "integer": r"[+-]?\d+",
        "decimal": r"[+-]?\d+(\.\d+)?",
    }
    if not re.fullmatch(patterns[kind], raw):
        raise ValueError(f"not a valid {kind}")


def bind(query: str, terms: dict[str, NamedNode | Literal]) -> str:
    """Insert ``VALUES (?a ?b) { (t1 t2) }`` at the top of the outermost WHERE group, and the
    values of the variables a sub-select projects as they are at the top of its own WHERE.

    A sub-select is evaluated on its own before it is joined, so a parameter bound only outside
    it would let it compute its answer for every value (every person, every meeting) first;
    bound inside too, it computes only what the parameter selects. The answer is the same: the
    sub-select's projected variable is joined with the same value outside.
    """
    if not terms:
        return query
    code = _strip_comments(query)
    if not _WHERE.search(code):
        raise InputError("a query with parameters needs a WHERE clause")
    inserts: list[tuple[int, str]] = []
    for offset, projected in _where_groups(code):
        inner = terms if projected is None else {n: t for n, t in terms.items() if n in projected}
        if inner:
            inserts.append((offset, _values_block(inner)))
    return _inserted(query, inserts)


def _where_groups(code: str) -> Iterator[tuple[int, set[str] | None]]:
    """Where each WHERE group of a query (comments blanked) opens, just after its ``{``, with
    the variables its sub-select projects: None for the outermost query's own group. A
    sub-select with its own LIMIT or OFFSET is left out: a VALUES block inside it would change
    which of its rows it keeps (the first three of one source's claims, not of the KB's)."""
    matches = list(_WHERE.finditer(code))
    for match in matches:
        if match is matches[0] and not _nested(code, match.start()):
            yield match.end(), None
            continue
        select = _SUBSELECT.search(code[: match.start()])
        if select is not None and select.end() == match.start() and not _sliced(code, match.end()):
            yield match.end(), set(_PROJECTED.findall(_without_aliases(select.group("projection"))))


def _sliced(code: str, start: int) -> bool:
    """Whether the sub-select whose WHERE group opens at ``start`` has a LIMIT or OFFSET (in
    the modifiers between the group's ``}`` and the sub-select's own)."""
    depth = 1
    end = start
    while depth and end < len(code):
        depth += (code[end] == "{") - (code[end] == "}")
        end += 1
    return _SLICE.search(code[end:].split("}", 1)[0]) is not None


_SLICE = re.compile(r"\b(LIMIT|OFFSET)\b", re.IGNORECASE)


def _inserted(query: str, inserts: list[tuple[int, str]]) -> str:
    """``query`` with each text put in at its offset."""
    for offset, text in sorted(inserts, key=lambda item: item[0], reverse=True):
        query = query[:offset] + text + query[offset:]
    return query


_SUBSELECT = re.compile(
    r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(?P<projection>(?:[^{}](?!\bSELECT\b))*?)\s*$",
    re.IGNORECASE,
)
_PROJECTED = re.compile(r"\?(\w+)")


def _without_aliases(projection: str) -> str:
    """A projection with its ``(EXPRESSION AS ?v)`` parts removed: what is left is bare vars."""
    depth, out = 0, []
    for char in projection:
        depth += char == "("
        if depth == 0:
            out.append(char)
        depth -= char == ")"
    return "".join(out)


def _nested(code: str, offset: int) -> bool:
    """Whether ``offset`` lies inside a ``{ ... }`` group."""
    return code[:offset].count("{") > code[:offset].count("}")


def _values_block(terms: dict[str, NamedNode | Literal]) -> str:
    names = " ".join(f"?{name}" for name in terms)
    row = " ".join(str(term) for term in terms.values())
    return f"\n  VALUES ({names}) {{ ({row}) }}\n"


def _strip_comments(query: str) -> str:
    """The query with whole-line comments blanked out (same length, so offsets still hold)."""
    return "\n".join(
        " " * len(line) if line.lstrip().startswith("#") else line for line in query.split("\n")
    )


@lru_cache(maxsize=256)
def check_read_only(query: str) -> str:
    """The query's form (SELECT, ASK, CONSTRUCT, DESCRIBE); refuses updates and SERVICE.

    rdflib's parser (pyparsing) is not safe to use from several threads at once (``kb serve``
    answers in threads): two first parses at the same moment break its grammar for good. So one
    parse at a time.
    """
    with _PARSING:
        return _check_read_only(query)


_PARSING = threading.Lock()


def _check_read_only(query: str) -> str:
    try:
        parsed = sparql_parser.parseQuery(sparql_prologue() + query)
    except Exception as error:  # pyparsing raises its own exception types
        try:
            sparql_parser.parseUpdate(query)
        except Exception:
            raise InputError(f"SPARQL syntax error{_where_in(query, error)}") from None
        raise InputError("this is a SPARQL update; kb query only runs read-only queries") from None
    if _uses_service(parsed) or _service_in_algebra(parsed):
        raise InputError("SERVICE is not allowed: kb queries never reach other endpoints")
    form = parsed[1].name  # e.g. SelectQuery
    return form.removesuffix("Query").upper()


def _where_in(query: str, error: Exception) -> str:
    """Where pyparsing's error is, counted in the query as written (kb parses it after its
    prologue of prefixes), and what it expected."""
    loc = getattr(error, "loc", None)
    message = getattr(error, "msg", None) or str(error)
    offset = len(sparql_prologue())
    if not isinstance(loc, int) or loc < offset:
        return f": {message}"
    before = query[: loc - offset]
    line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    text = query.split("\n")[line - 1].strip()
    near = f' (near "{text[:60]}")' if text else ""
    return f" at line {line}, column {column}{near}: {message}"


def _service_in_algebra(parsed: object) -> bool:
    """SERVICE anywhere in the query's algebra (the parse tree hides some SERVICE clauses)."""
    from rdflib.plugins.sparql.algebra import translateQuery

    try:
        algebra = translateQuery(parsed).algebra  # type: ignore[arg-type]
    except Exception as error:  # rdflib raises assorted types for queries it cannot translate
        raise InputError(f"cannot check the query: {error}") from None
    stack: list[object] = [algebra]
    while stack:
        node = stack.pop()
        if getattr(node, "name", None) == "ServiceGraphPattern":
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return False


def run(store: Store, saved: SavedQuery, values: dict[str, str] | None = None) -> Solutions:
    """A saved SELECT query's solutions, its parameters bound as terms, after the read-only
    and SERVICE checks every query kb runs goes through."""
    text = saved.bound(values or {})
    form = check_read_only(text)
    if form != "SELECT":
        raise InputError(f"{saved.name} is a {form} query; only SELECT results are printed")
    view.require(store, text)
    narrowed = _narrowed_by_parameters(store, saved, saved.terms(values or {}))
    return store.select(sparql_prologue() + (narrowed or text))


Rows = Iterator[dict[str, object]]


def stream(
    store: Store,
    saved: SavedQuery,
    values: dict[str, str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[str], Rows]:
    """Like :func:`run`, but the rows come as the store produces them (where it can stream:
    the embedded store; another store answers whole), from ``offset`` on, at most ``limit``.

    The page is asked of the engine (``LIMIT``/``OFFSET`` after the query) unless the query
    has its own, in which case it is cut here.
    """
    text = saved.bound(values or {})
    form = check_read_only(text)
    if form != "SELECT":
        raise InputError(f"{saved.name} is a {form} query; only SELECT results are printed")
    if limit is not None and limit < 0 or offset < 0:
        raise InputError("--limit and --offset take numbers from 0")
    view.require(store, text)
    terms = saved.terms(values or {})
    # a listing narrowed bucket by bucket by its bucket-keys streams where the store streams
    # (the embedded one): a server answers each query whole anyway, and Virtuoso 7.2 refuses
    # buckets' narrowed queries (an estimated time over its limit); narrowed by a parameter,
    # it is one query, on any store
    streams = not saved.bucket_keys or hasattr(store, "select_stream")
    narrowed = _narrowed_by_parameters(store, saved, terms)
    if narrowed is not None:
        text = narrowed  # a few keys: the query whole reads them alone, by lookups
    elif (
        saved.stream_by and saved.stream_by[0] not in terms and not _PAGED.search(text) and streams
    ):
        variables, rows = _bucketed(store, saved, terms)
        if limit is not None or offset:
            rows = islice(rows, offset, None if limit is None else offset + limit)
        return variables, rows
    paged = (limit is not None or offset) and not _PAGED.search(_strip_comments(text))
    if paged:
        text += (
            "\n"
            + (f"LIMIT {limit} " if limit is not None else "")
            + (f"OFFSET {offset}" if offset else "")
        )
    variables, rows = _select_stream(store, sparql_prologue() + text)
    if not paged and (limit is not None or offset):
        rows = islice(rows, offset, None if limit is None else offset + limit)
    return variables, rows


_PAGED = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*$", re.IGNORECASE)

# How many buckets a streamed listing asks for one at a time, looking for its first rows,
# before it asks for the rest in one query.
PROBED_BUCKETS = 12


def _select_stream(store: Store, sparql: str) -> tuple[list[str], Rows]:
    """Rows as the store produces them where it can stream (the embedded store), else whole."""
    select_stream = getattr(store, "select_stream", None)
    if select_stream is not None:
        variables, rows = select_stream(sparql)
        return variables, rows
    solutions = store.select(sparql)
    return solutions.variables, iter(solutions.rows)


def _bucketed(
    store: Store, saved: SavedQuery, terms: dict[str, NamedNode | Literal]
) -> tuple[list[str], Rows]:
    """A sorted listing run bucket by bucket (see ``stream-by`` in the module's docstring):
    the first values of its stream variable in the listing's order (the smallest, or the
    largest when descending) one at a time until one has rows, then every later value in one
    query. The buckets' rows, in bucket order, are the listing's rows. Its ``bucket-keys``
    narrow each bucket's sub-selects to the bucket's keys."""
    assert saved.stream_by is not None
    var, _ = saved.stream_by
    every = _buckets(store, saved.stream_by, saved.bucket_keys, terms, saved.descending)
    probed = islice(every, PROBED_BUCKETS)
    # a bucket listed with so many keys that the query run whole reads less is left to the rest
    unread: list[object] = []

    def following() -> tuple[object, dict[str, list[object]]] | None:
        bucket = next(probed, None)
        if bucket is not None and not _small(bucket[1]):
            unread.append(bucket[0])
            return None
        return bucket

    def run(bucket: object, listed: dict[str, list[object]]) -> tuple[list[str], Rows]:
        return bucket_rows(
            store, saved.text, terms, var, saved.bucket_keys, bucket, saved.bucket_of, listed
        )

    first_bucket = following()
    if first_bucket is None:
        return _select_stream(store, sparql_prologue() + bind(saved.text, terms))
    variables, first = run(*first_bucket)

    def rows() -> Rows:
        current: Rows | None = first
        last = first_bucket[0]
        found = False
        while current is not None:
            for row in current:
                found = True
                yield row
            bucket = following() if not found else None
            if bucket is None:
                break
            last, current = bucket[0], run(*bucket)[1]
        if found or unread or next(every, None) is not None:
            bucket_of = saved.bucket_of or f"?{var}"
            rest = _after(bind(saved.text, terms), bucket_of, last, saved.descending)
            yield from _select_stream(store, sparql_prologue() + rest)[1]

    return variables, rows()


# The most keys a bucket listed with its keys is read by on its own: a bucket with more (the
# meetings one source reports, for a count) is read with the rest, whose query reads the KB
# by scans rather than a lookup per key.
BUCKET_KEYS_READ_ALONE = 1000


def _narrowed_by_parameters(
    store: Store, saved: SavedQuery, terms: dict[str, NamedNode | Literal]
) -> str | None:
    """The query, its parameters bound, with its sub-selects narrowed to the keys its own
    ``bucket-keys`` patterns give with those parameters (see the module's docstring); None
    where no such pattern names a bound parameter, or where the keys are too many to be looked
    up one by one. A key the parameters give no value of narrows nothing (Virtuoso 7.2 refuses
    ``VALUES ?key { }``: an estimated time over its limit); the query as written finds the
    parameter's rows, none, on its own (evidence-spans at once, meeting-sources in 25 ms of CPU
    at 10^5 statements)."""
    own = [  # not a key listed with the buckets (its pattern is the stream-by pattern)
        (key, pattern)
        for key, pattern in saved.bucket_keys
        if saved.stream_by is None or pattern != saved.stream_by[1]
    ]
    named = [
        (key, pattern)
        for key, pattern in own
        if any(re.search(rf"\?{name}\b", pattern) for name in terms)
    ]
    if not named:
        return None
    found = _bucket_keys(store, named, None, None, terms)
    keys = {key: values for key, values in found.items() if values}
    if not keys or not _small(keys):
        return None
    return bind(narrow(saved.text, keys), terms)


def _small(listed: dict[str, list[object]]) -> bool:
    """Whether a bucket's keys are few enough to be looked up one by one."""
    return all(len(values) <= BUCKET_KEYS_READ_ALONE for values in listed.values())


def _buckets(
    store: Store,
    by: tuple[str, str],
    keys: list[tuple[str, str]],
    terms: dict[str, NamedNode | Literal],
    descending: bool,
) -> Iterator[tuple[object, dict[str, list[object]]]]:
    """The buckets in the listing's order, each with the values of the keys listed with it
    (those whose ``bucket-keys`` pattern is the stream-by pattern: one ordered pass over the
    pattern gives both, read only as far as the buckets asked for)."""
    with_buckets = [key for key, pattern in keys if pattern == by[1]]
    if not with_buckets:
        for bucket in bucket_values(store, by, descending, terms):
            yield bucket, {}
        return
    var, pattern = by
    projection = " ".join(f"?{name}" for name in (var, *with_buckets))
    order = f"DESC(?{var})" if descending else f"?{var}"
    sparql = f"SELECT {projection} WHERE {{ {pattern} }} ORDER BY {order}"
    _, rows = _select_stream(store, sparql_prologue() + bind(sparql, terms))
    for bucket, group in groupby((row for row in rows if var in row), key=lambda row: row[var]):
        found: dict[str, dict[object, None]] = {key: {} for key in with_buckets}  # ordered sets
        for row in group:
            for key in with_buckets:
                if key in row:
                    found[key][row[key]] = None
            if any(len(values) > BUCKET_KEYS_READ_ALONE for values in found.values()):
                break  # a large bucket, read with the rest: its keys are not needed
        yield bucket, {key: list(values) for key, values in found.items()}


def bucket_values(
    store: Store,
    by: tuple[str, str],
    descending: bool = False,
    terms: dict[str, NamedNode | Literal] | None = None,
) -> list[object]:
    """The values of a ``stream-by`` variable the store lists (its pattern seeing the query's
    parameters), in the order of the listing."""
    var, pattern = by
    sparql = bind(f"SELECT ?{var} WHERE {{ {pattern} }}", terms or {})
    _, rows = _select_stream(store, sparql_prologue() + sparql)
    values = {row[var] for row in rows if var in row}
    return sorted(values, key=_bucket_order, reverse=descending)


def bucket_rows(
    store: Store,
    text: str,
    terms: dict[str, NamedNode | Literal],
    var: str,
    keys: list[tuple[str, str]],
    bucket: object,
    bucket_of: str = "",
    listed: dict[str, list[object]] | None = None,
) -> tuple[list[str], Rows]:
    """The rows of a listing's query in one bucket: ``var`` bound to it (or ``bucket_of``, a
    row's bucket, equal to it), the sub-selects narrowed to the bucket's keys (those
    ``listed`` with the bucket already known)."""
    narrowed = narrow(text, _bucket_keys(store, keys, var, bucket, terms, listed or {}))
    if bucket_of:
        query = _filtered(bind(narrowed, terms), f"{bucket_of} = {bucket}")
    else:
        query = bind(narrowed, {**terms, var: bucket})  # type: ignore[dict-item]
    return _select_stream(store, sparql_prologue() + query)


def narrow(query: str, keys: dict[str, list[object]]) -> str:
    """``query`` with each sub-select that projects a key variable starting from the key's
    values: ``VALUES ?KEY { ... }`` at the top of its WHERE group (``bucket-keys`` in the
    module's docstring: the engine then reads from those values, by index lookups)."""
    if not keys:
        return query
    inserts: list[tuple[int, str]] = []
    for offset, projected in _where_groups(_strip_comments(query)):
        if projected is None:
            continue  # the outermost WHERE: the stream variable, bound there, keeps the bucket
        for key, values in keys.items():
            if key in projected:
                inserts.append((offset, _listed_values(key, values)))
    return _inserted(query, inserts)


def _listed_values(key: str, values: list[object]) -> str:
    """``VALUES ?KEY { ... }`` of the values, as a line of its own."""
    return f"\n  VALUES ?{key} {{ {' '.join(str(value) for value in values)} }}\n"


def _bucket_keys(
    store: Store,
    keys: list[tuple[str, str]],
    var: str | None,
    bucket: object,
    terms: dict[str, NamedNode | Literal] | None = None,
    listed: dict[str, list[object]] | None = None,
) -> dict[str, list[object]]:
    """Each ``bucket-keys`` variable's values in ``bucket`` (in every bucket where ``var`` is
    None): those ``listed`` with it, the others one small query each, with the bucket, the
    parameters, and the values of the keys found before it that its pattern names, bound."""
    found: dict[str, list[object]] = dict(listed or {})
    in_bucket = "" if var is None else _values_block({var: bucket})  # type: ignore[dict-item]
    for key, pattern in keys:
        if key in found:
            continue
        starts = "".join(
            _listed_values(name, values)
            for name, values in found.items()
            if re.search(rf"\?{name}\b", pattern)
        )
        query = f"SELECT DISTINCT ?{key} WHERE {{{in_bucket}{starts} {pattern} }}"
        _, rows = _select_stream(store, sparql_prologue() + bind(query, terms or {}))
        found[key] = [row[key] for row in rows if key in row]
    return found


def _bucket_order(term: object) -> tuple[int, float, str]:
    """SPARQL's order of the bucket values kb uses: numbers by value, IRIs by their text."""
    if isinstance(term, Literal) and term.datatype == XSD.integer:
        return (0, float(term.value), "")
    return (1, 0.0, getattr(term, "value", str(term)))


def _after(query: str, bucket: str, last: object, descending: bool = False) -> str:
    """The query restricted to rows whose ``bucket`` (a variable or expression) comes after
    ``last`` in the listing's order (below it when ``descending``)."""
    comparison = "<" if descending else ">"
    if isinstance(last, Literal) and last.datatype != XSD.string and not last.language:
        condition = f"{bucket} {comparison} {last}"
    else:
        # IRIs and strings by their text: Virtuoso 7.2 finds no stored string greater than a
        # string given in the query (`?sourceBucket > "..."`), its STR() it compares
        condition = f"STR({bucket}) {comparison} {Literal(getattr(last, 'value', str(last)))}"
    return _filtered(query, condition)


def _filtered(query: str, condition: str) -> str:
    """The query with ``FILTER (condition)`` at the top of its outermost WHERE group."""
    match = _WHERE.search(_strip_comments(query))
    if match is None:
        raise InputError("a streamed query needs a WHERE clause")
    return query[: match.end()] + f"\n  FILTER ({condition})\n" + query[match.end() :]


def _uses_service(node: object) -> bool:
    """Whether a parse tree of rdflib's SPARQL grammar holds a SERVICE pattern."""
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_uses_service(v) for v in node.values())
    if isinstance(node, (str, bytes)) or not hasattr(node, "__iter__"):
        return False
    # a ParseResults' values() are its named results only; the query is positional
    return any(_uses_service(v) for v in node)  # type: ignore[attr-defined]
