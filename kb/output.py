"""Query results as a table for people, or CSV, TSV and SPARQL JSON for other tools."""

from __future__ import annotations

import csv
import io
import json
import textwrap
import unicodedata

import pyoxigraph as ox

from .namespaces import curie
from .store import Solutions

FORMATS = ("table", "csv", "tsv", "json")
_CELL_WIDTH = 44


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
