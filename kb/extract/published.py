"""The source's metadata as the page prints it: language, title, publication date, publisher.

The publication date is the first date printed in the page's head (or on a line marked
"Published:"), or in the dateline that opens the body; a date after a current-date widget
marker ("Today:") is the site's clock, not the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .dates import FoundDate, find_dates, parse_fallback
from .lexicon import LANGUAGES, language_lexicon
from .mentions import Found, matcher
from .normalize import key_tokens, normalizer
from .segment import Doc, Line, script_of

SHORT_DATELINE = 12  # tokens: a line this short after the first body line may be the date line
# Ranks of the candidates for the page's date, best first: marked by a published marker 0, at
# the page's head 1, the body's dateline 2, a date opening another story's headline at the head
# (at least HEADLINE_WORDS words after it: a ticker's or an archive's item) 3, a date only
# dateparser reads 4.
TICKER_RANK = 3
FALLBACK_RANK = 4
HEADLINE_WORDS = 4


@dataclass
class Published:
    printed: str
    day: date
    value: str  # xsd:date or xsd:dateTime lexical form
    rule: str


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.ENGLISH,
        Language.UKRAINIAN,
        Language.RUSSIAN,
        Language.PERSIAN,
        Language.ARABIC,
        Language.AZERBAIJANI,
        Language.TURKISH,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(doc: Doc, lines: list[Line]) -> str:
    """The article's language (one of the seven), from its longest lines."""
    longest = sorted(lines, key=lambda line: line.end - line.start, reverse=True)[:6]
    sample = " ".join(doc.text[line.start : line.end] for line in longest)[:1500]
    if not sample.strip():
        return "en"
    language = _detector().detect_language_of(sample)
    if language is None:
        script = script_of(sample)
        return {"cyrillic": "ru", "arabic": "ar"}.get(script or "", "en")
    code = language.iso_code_639_1.name.lower()
    return code if code in LANGUAGES else "en"


def title_of(doc: Doc, lines: list[Line], language: str) -> str | None:
    for line in lines:
        if line.role == "title":
            return doc.text[line.start : line.end]
    for line in lines:
        if line.role not in ("header", "title"):
            continue
        text = doc.text[line.start : line.end]
        folded = normalizer().key(text)
        if line.j - line.i < 3 or find_dates(folded, language) or _is_marker(folded, language):
            continue
        line.role = "title"
        return text
    for line in lines:
        if line.role == "body":
            return doc.text[line.start : line.end][:200]
    return None


def _is_marker(folded: str, language: str) -> bool:
    lex = language_lexicon(language)
    markers = list(lex.get("published_markers") or []) + list(lex.get("widget_markers") or [])
    return any(folded.startswith(normalizer().key(m)) for m in markers)


def published_of(doc: Doc, lines: list[Line], language: str) -> Published | None:
    lex = language_lexicon(language)
    key = normalizer().key
    marks = [key(m) for m in lex.get("published_markers") or []]
    widgets = [key(m) for m in lex.get("widget_markers") or []]
    timezones = {key(k): v for k, v in (lex.get("timezones") or {}).items()}
    first_body = next((n for n, line in enumerate(lines) if line.role == "body"), len(lines))
    candidates: list[tuple[int, int, Line, FoundDate | None, str]] = []
    after_marker = False
    for n, line in enumerate(lines[: first_body + 2]):
        if n == first_body + 1 and line.j - line.i > SHORT_DATELINE:
            break  # a headline taken for the body's first line: a short date line may follow
        folded, index = normalizer().fold(doc.text[line.start : line.end])
        marked = after_marker or any(m in folded for m in marks)
        after_marker = any(
            folded.strip() == m.rstrip(":").strip() or folded.strip() == m for m in marks
        )
        dates = find_dates(folded, language)
        if n >= first_body:
            dates = [d for d in dates if d.start < 40]
        for found in dates:
            before = folded[: found.start]
            if any(w in before for w in widgets):
                continue
            rank = 0 if marked else 1 if n < first_body else 2
            if rank == 1 and _opens_a_headline(folded, found):
                rank = TICKER_RANK
            candidates.append((rank, n, line, found, folded))
        if not dates and n < first_body and not marked:
            day = parse_fallback(doc.text[line.start : line.end], language)
            if day is not None:
                candidates.append((FALLBACK_RANK, n, line, None, folded))
    if not any(c[0] == 0 for c in candidates):
        candidates += _marked_below(doc, lines[first_body + 2 :], marks, language)
    if not candidates:
        return None
    rank, _, line, best, folded = min(candidates, key=lambda c: (c[0], c[1]))
    text = doc.text[line.start : line.end]
    if best is None:
        day = parse_fallback(text, language)
        assert day is not None
        return Published(text, day, day.isoformat(), "published-fallback-dateparser")
    _, index = normalizer().fold(text)
    start = index[best.start] if index else best.start
    end = (index[best.end - 1] + 1) if index else best.end
    tail = folded[best.end :]
    zone = next(
        (v for k, v in timezones.items() if tail.strip().startswith(k) or f" {k}" in tail[:30]), ""
    )
    printed = text[start:end]
    if zone or rank == 0 or re.match(r"^[\s,\-–]*\w+$", text[end:]):
        printed = text[start:].strip() if len(text) - start < 60 else printed
    printed = _with_weekday_before(text, start, printed)
    value = best.day.isoformat()
    if best.time:
        value += f"T{best.time[0]:02d}:{best.time[1]:02d}:00" + (zone if zone == "Z" else zone)
    rule = "published-" + (
        "marked" if rank == 0 else "head" if rank in (1, TICKER_RANK) else "dateline"
    )
    return Published(printed, best.day, value, rule)


def _opens_a_headline(folded: str, found: FoundDate) -> bool:
    """Whether a date at the head of the page opens another story's headline ("12.05.2023
    X met Y in the capital", an item of a ticker or an archive), not a date line."""
    return len(re.findall(r"[^\W\d_]+", folded[found.end :])) >= HEADLINE_WORDS


def _marked_below(
    doc: Doc, lines: list[Line], marks: list[str], language: str
) -> list[tuple[int, int, Line, FoundDate | None, str]]:
    """A date line under the article ("Published: 14.11.2024" after its text), when none is
    marked above it: a short line that opens with a published marker. It outranks the dates
    of the page's head, which may be a sidebar's."""
    out: list[tuple[int, int, Line, FoundDate | None, str]] = []
    for line in lines:
        folded = normalizer().fold(doc.text[line.start : line.end])[0]
        if line.j - line.i > SHORT_DATELINE or not any(folded.startswith(m) for m in marks):
            continue
        out += [(0, line.i, line, found, folded) for found in find_dates(folded, language)[:1]]
    return out


def _with_weekday_before(text: str, start: int, printed: str) -> str:
    before = text[:start].rstrip()
    match = re.search(r"(\w+)[,\s]*$", before)
    if (
        match
        and not any(c.isdigit() for c in match.group(1))
        and len(before) - match.start() < 25
        and match.start() == 0
    ):
        return text[match.start() : start] + printed
    return printed


def publisher_of(
    doc: Doc, lines: list[Line], found: Found, language: str
) -> tuple[str | None, str]:
    """The outlet that published the page: named in a dateline, a self-reference or a credit."""
    m = matcher(language)
    media = [x for x in found.mentions if x.kind == "media"]
    if not media:
        return None, ""
    templates = [str(t) for t in language_lexicon(language).get("publisher") or []]
    attribution_pre = [pre for pre, _ in m.attribution if pre]
    first_body = next((line for line in lines if line.role == "body"), None)
    for x in media:
        line = next((line for line in lines if line.i <= x.i < line.j), None)
        if line is None:
            continue
        before = doc.words[line.i : x.i]
        after = doc.words[x.j : line.j]
        for template in templates:
            pre, _, post = template.partition("{source}")
            if _fits(before, pre, end=True) and _fits(after, post, end=False):
                return x.entity, "publisher-template"
        cited = any(tuple(before[-len(p) :]) == p for p in attribution_pre if len(before) >= len(p))
        if (
            line is first_body
            and x.i - line.i <= 8
            and not cited
            and any(w in ("/", ":") for w in doc.words[line.i : x.j + 1])
        ):
            return x.entity, "publisher-dateline"
    return None, ""


def _fits(words: list[str], template: str, end: bool) -> bool:
    """Whether a template ({any}, {place}, {date} slots) matches the words next to the outlet."""
    pieces = re.split(r"\{(\w+)\}", template.strip())
    pattern = ""
    for n, piece in enumerate(pieces):
        if n % 2:
            pattern += r"(?:\S+ ){0,12}?" if piece == "any" else r"\S+ (?:\S+ )?"
        elif piece.strip():
            pattern += "".join(re.escape(w) + " " for w in key_tokens(piece))
    if not pattern:
        return True
    text = "".join(w + " " for w in words)
    return (
        re.search(pattern + "$", text) is not None if end else re.match(pattern, text) is not None
    )


def credited_source(doc: Doc, lines: list[Line], found: Found, language: str) -> str | None:
    """The agency a credit line names ("Source: AFP", on that line or the next), if any."""
    markers = [key_tokens(str(m)) for m in language_lexicon(language).get("wire_credit") or []]
    agencies = [x for x in found.mentions if x.kind in ("media", "organization") and x.entity]
    for n, line in enumerate(lines):
        words = tuple(doc.words[line.i : line.j])
        marker = next((m for m in markers if m and words[: len(m)] == m), None)
        if marker is None:
            continue
        end = lines[n + 1].j if line.j - line.i == len(marker) and n + 1 < len(lines) else line.j
        named = [x.entity for x in agencies if line.i + len(marker) <= x.i < end]
        if named:
            return named[0]
    return None
