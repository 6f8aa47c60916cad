"""Query results as a table for people, or CSV, TSV and SPARQL JSON for other tools."""

from __future__ import annotations

import csv
import io
import json
import textwrap
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import islice

import pyoxigraph as ox

from .namespaces import curie
from .store import Solutions

FORMATS = ("table", "csv", "tsv", "json")
_CELL_WIDTH = 44
# A streamed table takes its column widths from its first rows (all of a short answer), then
# prints each further row as it comes, its cells wrapped to those widths.
TABLE_SAMPLE = 200


def render(solutions: Solutions, fmt: str, table_columns: list[str] | None = None) -> str:
    """Results in ``fmt``; a table shows ``table_columns`` (all when not given), the rest all columns."""
    if fmt == "table":
        return to_table(solutions, table_columns)
    return {"csv": to_csv, "tsv": to_tsv, "json": to_json}[fmt](solutions)


def plain(term: object) -> str:
    """A term as a person reads it: CURIEs for IRIs, bare lexical forms for literals."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return curie(term.value)
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _wrap(text: str) -> list[str]:
    """Long text wraps at spaces; identifiers (no spaces) stay whole."""
    return textwrap.wrap(text, _CELL_WIDTH, break_long_words=False, break_on_hyphens=False) or [""]


def _width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def to_table(solutions: Solutions, columns: list[str] | None = None) -> str:
    """An aligned text table for people; long cells wrap onto several lines."""
    headers = [c for c in columns if c in solutions.variables] if columns else solutions.variables
    rows = [[_wrap(plain(row.get(v))) for v in headers] for row in solutions.rows]
    widths = [_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], *(_width(line) for line in cell))

    def line(cells: list[str]) -> str:
        return " | ".join(
            c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    out = [line(headers), "-+-".join("-" * w for w in widths)]
    for row in rows:
        for k in range(max(len(cell) for cell in row)):
            out.append(line([cell[k] if k < len(cell) else "" for cell in row]))
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _delimited(solutions: Solutions, dialect: str) -> str:
    buffer = io.StringIO()
    if dialect == "csv":
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(solutions.variables)
        for row in solutions.rows:
            writer.writerow([_csv_value(row.get(v)) for v in solutions.variables])
        return buffer.getvalue()
    lines = ["\t".join("?" + v for v in solutions.variables)]
    for row in solutions.rows:
        lines.append("\t".join(str(row[v]) if v in row else "" for v in solutions.variables))
    return "\n".join(lines) + "\n"


def _csv_value(term: object) -> str:
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return "" if term is None else str(term)


def to_csv(solutions: Solutions) -> str:
    """W3C SPARQL 1.1 Query Results CSV."""
    return _delimited(solutions, "csv")


def to_tsv(solutions: Solutions) -> str:
    """W3C SPARQL 1.1 Query Results TSV (terms in N-Triples form)."""
    return _delimited(solutions, "tsv")


def term_json(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    assert isinstance(term, ox.Literal)
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def to_json(solutions: Solutions) -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    bindings = [{v: term_json(t) for v, t in row.items()} for row in solutions.rows]
    return json.dumps(
        {"head": {"vars": solutions.variables}, "results": {"bindings": bindings}},
        ensure_ascii=False,
        indent=1,
    )


def render_stream(
    variables: list[str],
    rows: Iterable[dict[str, object]],
    fmt: str,
    table_columns: list[str] | None = None,
) -> Iterator[str]:
    """Results in ``fmt`` piece by piece as the rows come, so a long listing starts printing
    before its last row is computed: the text of :func:`render` and a newline, except that a
    table longer than TABLE_SAMPLE rows keeps the column widths of its first TABLE_SAMPLE (a
    wider cell further down overflows its column)."""
    rows = iter(rows)
    if fmt == "table":
        yield from _table_stream(variables, rows, table_columns)
    elif fmt == "json":
        # the same text as to_json, the bindings written one by one
        head = to_json(Solutions(variables, []))
        yield head[: head.rindex("[]")] + "["
        first = True
        for row in rows:
            binding = json.dumps(
                {v: term_json(t) for v, t in row.items()}, ensure_ascii=False, indent=1
            )
            yield ("\n" if first else ",\n") + textwrap.indent(binding, "   ")
            first = False
        yield ("]" if first else "\n  ]") + "\n }\n}\n"
    else:  # the W3C CSV and TSV results, each line ended once (no blank line after the last)
        header = True
        while True:
            chunk = list(islice(rows, 1000))
            if not chunk and not header:
                return
            text = _delimited(Solutions(variables, chunk), fmt)
            if not header:  # the header line once, at the top
                text = text.split("\r\n" if fmt == "csv" else "\n", 1)[1]
            yield text
            header = False
            if not chunk:
                return


def _table_stream(
    variables: list[str], rows: Iterator[dict[str, object]], columns: list[str] | None
) -> Iterator[str]:
    sample = list(islice(rows, TABLE_SAMPLE))
    whole = to_table(Solutions(variables, sample), columns)  # type: ignore[arg-type]
    following = next(rows, None)
    if following is None:
        yield whole + "\n"
        return
    lines = whole.split("\n")
    yield "\n".join(lines[:-1]) + "\n"  # all but the "(N rows)" line
    headers = [c for c in columns if c in variables] if columns else variables
    widths = [len(cell) for cell in lines[1].split("-+-")]
    count = len(sample)
    for row in _chain_one(following, rows):
        cells = [_wrap(plain(row.get(v))) for v in headers]  # a wider cell overflows its column
        out = []
        for k in range(max(len(cell) for cell in cells)):
            parts = [cell[k] if k < len(cell) else "" for cell in cells]
            out.append(
                " | ".join(
                    p + " " * max(0, w - _width(p)) for p, w in zip(parts, widths, strict=True)
                ).rstrip()
            )
        count += 1
        yield "\n".join(out) + "\n"
    yield f"({count} rows)\n"


def _chain_one(
    first: dict[str, object], rest: Iterator[dict[str, object]]
) -> Iterator[dict[str, object]]:
    yield first
    yield from rest
