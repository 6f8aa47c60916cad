"""The report as one self-contained HTML page: markup from templates, values escaped here.

The templates (``kb/report/templates/``) hold all markup, style and script; this module
only fills them in. Text is escaped with :func:`html.escape`; the data the script draws
from is embedded as JSON in a ``<script type="application/json">`` block, with ``<`` escaped
so that no value can close it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from html import escape
from importlib import resources
from string import Template

from .data import Dated, Disagreement, ReportData, Source, Statement, local

# Languages written right to left (BCP 47 primary subtags).
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"})
LANGUAGE_NAMES = {
    "en": "English", "uk": "Ukrainian", "ru": "Russian", "fa": "Persian", "ar": "Arabic",
    "az": "Azerbaijani", "tr": "Turkish", "hy": "Armenian", "ka": "Georgian", "fr": "French",
    "de": "German",
}  # fmt: skip
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@cache
def template(name: str) -> Template:
    """A template file of this package, read once."""
    text = resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")
    return Template(text)


def asset(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


def fill(name: str, **values: object) -> str:
    return template(name).substitute({k: "" if v is None else v for k, v in values.items()})


def direction(language: str) -> str:
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code.split("-")[0].lower(), code or "unknown language")


def day(iso: str) -> str:
    """``2023-10-04`` as ``4 Oct 2023``; months and years as they are."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return iso


def when(item: Dated) -> str:
    """A date as a person says it: exact, between two days, before or after one, or undated."""
    first, last = item.earliest, item.latest
    if first and last:
        if first == last:
            return day(first)
        if first[:7] == last[:7]:
            return f"{int(first[8:10])}–{day(last)}"
        if first[:4] == last[:4] and first[5:] == "01-01" and last[5:] == "12-31":
            return first[:4]
        if first[:4] == last[:4]:
            return f"{day(first)[:-5]} – {day(last)}"
        return f"{day(first)} – {day(last)}"
    if last:
        return f"by {day(last)}"
    if first:
        return f"from {day(first)}"
    return day(item.date) if item.date else "undated"


def is_exact(item: Dated) -> bool:
    return bool(item.earliest) and item.earliest == item.latest


def stance_id(iri: str) -> str:
    return iri.rpartition("/")[2]


def span_anchor(source_id: str, start: int, end: int) -> str:
    return f"s-{source_id}-{start}-{end}"


def source_link(statement: Statement, sources: dict[str, Source]) -> str:
    source = sources.get(statement.source)
    sid = local(statement.source)
    label = source.label if source else sid
    return fill(
        "source-link.html",
        href="#" + span_anchor(sid, statement.start, statement.end),
        label=escape(label),
        start=statement.start,
        end=statement.end,
        language=escape(language_name(statement.language)),
    )


def quote_block(statement: Statement) -> str:
    language = statement.quote_language or statement.language
    if statement.gloss:
        gloss = fill("gloss.html", gloss=escape(statement.gloss))
    elif language.startswith("en"):
        gloss = ""  # an English quote needs no gloss
    else:
        gloss = fill("gloss-none.html", language=escape(language_name(language)))
    return fill(
        "quote.html",
        lang=escape(language),
        dir=direction(language),
        language=escape(language_name(language)),
        code=escape(language.upper()),
        quote=escape(statement.quote),
        gloss=gloss,
        english="english" if language.startswith("en") else "",
    )


def statement_card(statement: Statement, sources: dict[str, Source], prefix: str) -> str:
    return fill(
        "statement.html",
        id=f"{prefix}-{statement.id}",
        stance=escape(stance_id(statement.stance)),
        stance_label=escape(statement.stance_label),
        position=escape(local(statement.position)),
        position_label=escape(statement.position_label),
        country=escape(local(statement.country)) if statement.country else "",
        country_label=escape(statement.country_label or "no country"),
        language=escape(statement.language),
        speaker_label=escape(statement.speaker_label),
        when=escape(when(statement)),
        exact="exact" if is_exact(statement) else "bounded",
        basis=escape(statement.basis or "no date basis recorded"),
        speech="quoted" if statement.speech == "DirectSpeech" else "reported",
        quote=quote_block(statement),
        source=source_link(statement, sources),
        statement_iri=escape(statement.iri),
    )


def disagreement_card(item: Disagreement) -> str:
    rows = []
    values = {
        "dates": {when(a) for a in item.accounts},
        "place": {a.place for a in item.accounts},
        "participants": {a.participants for a in item.accounts},
    }
    for account in item.accounts:
        rows.append(
            fill(
                "account-row.html",
                source_label=escape(account.source_label),
                href="#src-" + local(account.source),
                language=escape(language_name(account.language)),
                when=escape(when(account)),
                basis=escape(account.basis),
                place=escape(account.place or "not printed"),
                participants=escape(account.participants),
                date_class="differs" if len(values["dates"]) > 1 else "",
                place_class="differs" if len(values["place"]) > 1 else "",
                participants_class="differs" if len(values["participants"]) > 1 else "",
            )
        )
    if item.dates_contradict:
        verdict = "The dates contradict each other: no single day fits every account."
    elif "dates" in item.differs:
        verdict = "The dates differ in precision but are compatible: some day fits every account."
    else:
        verdict = "The accounts agree on the date."
    return fill(
        "disagreement.html",
        id="d-" + item.meeting_id,
        meeting=escape(item.meeting_id),
        meeting_iri=escape(item.meeting),
        differs=escape(", ".join(item.differs)),
        verdict=escape(verdict),
        severity="contradiction" if item.dates_contradict else "imprecision",
        rows="\n".join(rows),
        count=len(item.accounts),
    )


def marked_text(source: Source) -> str:
    """The source text with every claim's span in ``<mark>``; an anchor where each span starts.

    Spans may overlap (several claims quote the same words), so the text is cut at every
    span boundary and each piece is marked with the claims that cover it.
    """
    text = source.text
    cuts = sorted({0, len(text), *(s.start for s in source.spans), *(s.end for s in source.spans)})
    starts: dict[int, list[str]] = {}
    for span in source.spans:
        anchor = span_anchor(source.id, span.start, span.end)
        if anchor not in starts.setdefault(span.start, []):
            starts[span.start].append(anchor)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for anchor in starts.get(a, []):
            out.append(f'<a class="anchor" id="{anchor}"></a>')
        covering = [s for s in source.spans if s.start <= a and b <= s.end]
        piece = escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        kinds = {s.kind for s in covering}
        ids = " ".join(sorted({span_anchor(source.id, s.start, s.end) for s in covering}))
        claims = " ".join(sorted({local(s.claim) for s in covering}))
        kind = "m-statement" if "statement" in kinds else "m-meeting"
        out.append(
            f'<mark class="{kind} depth-{min(len(covering), 3)}" data-spans="{ids}" '
            f'data-claims="{claims}">{piece}</mark>'
        )
    return "".join(out)


def source_card(source: Source) -> str:
    statements = sum(1 for s in source.spans if s.kind == "statement")
    meetings = sum(1 for s in source.spans if s.kind == "meeting")
    return fill(
        "source.html",
        id="src-" + source.id,
        publisher=escape(source.publisher or "unknown publisher"),
        lang=escape(source.language),
        dir=direction(source.language),
        language=escape(language_name(source.language)),
        title=escape(source.title),
        published=escape(day(source.published[:10]) if source.published else "no date printed"),
        printed=escape(source.printed or "—"),
        file_name=escape(source.file_name),
        sha256=escape(source.sha256),
        iri=escape(source.iri),
        statements=statements,
        meetings=meetings,
        text=marked_text(source),
    )


def script_data(data: ReportData) -> str:
    """The data the script draws from, as JSON safe to embed in a script element."""

    def statement(s: Statement) -> dict[str, object]:
        source = data.sources.get(s.source)
        return {
            "id": s.id,
            "speaker": local(s.speaker),
            "speakerLabel": s.speaker_label,
            "country": local(s.country) if s.country else "",
            "countryLabel": s.country_label,
            "position": local(s.position),
            "positionLabel": s.position_label,
            "stance": stance_id(s.stance),
            "stanceLabel": s.stance_label,
            "earliest": s.earliest,
            "latest": s.latest,
            "when": when(s),
            "quote": s.quote,
            "lang": s.quote_language or s.language,
            "gloss": s.gloss,
            "language": s.language,
            "sourceLabel": source.label if source else "",
        }

    meetings = []
    for m in data.meetings:
        labels = [data.sources[i].label for i in m.sources if i in data.sources]
        record = asdict(m)
        record["participants"] = [
            {
                "id": local(p.id),
                "label": p.label,
                "country": local(p.country) if p.country else "",
                "countryLabel": p.country_label,
            }
            for p in m.participants
        ]
        record.update(
            when=when(m),
            sourceLabels=labels,
            disputed=any(d.meeting == m.iri for d in data.disagreements),
        )
        record.pop("sources")
        record.pop("basis")
        meetings.append(record)
    payload = {
        "statements": [statement(s) for s in data.statements],
        "meetings": meetings,
        "pairs": [
            {
                "a": local(p.person1),
                "aLabel": p.person1_label,
                "b": local(p.person2),
                "bLabel": p.person2_label,
                "meetings": p.meetings,
            }
            for p in data.pairs
        ],
        "languageNames": {
            code: language_name(code)
            for code in sorted(
                {s.language for s in data.statements}
                | {c for m in data.meetings for c in m.languages}
            )
        },
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """``1 meeting``, ``2 meetings``."""
    return f"{n} {singular if n == 1 else plural_form or singular + 's'}"


def stat(n: int, singular: str, plural_form: str | None = None) -> str:
    """A count for the masthead, the number in bold."""
    number, _, words = plural(n, singular, plural_form).partition(" ")
    return f"<b>{number}</b> {escape(words)}"


def render(data: ReportData, store_label: str) -> str:
    """The whole page."""
    answer = [statement_card(s, data.sources, "a") for s in data.answer]
    quotes = [statement_card(s, data.sources, "q") for s in data.statements]
    languages = sorted({s.language for s in data.sources.values()})
    disagreements = [disagreement_card(d) for d in data.disagreements]
    return fill(
        "page.html",
        style=asset("report.css"),
        script=asset("report.js"),
        data=script_data(data),
        store=escape(store_label),
        country_label=escape(data.country_label),
        country=escape(data.country),
        answer="\n".join(answer) or fill("empty.html", text="No statement in the KB affirms it."),
        answer_stat=stat(len(answer), "statement"),
        answer_count=plural(len(answer), "statement"),
        statement_stat=stat(len(data.statements), "stated position"),
        statement_count=plural(len(data.statements), "stated position"),
        meeting_stat=stat(len(data.meetings), "meeting"),
        source_stat=stat(len(data.sources), "source"),
        source_count=plural(len(data.sources), "article"),
        language_stat=stat(len(languages), "language"),
        language_list=escape(", ".join(language_name(c) for c in languages)),
        disagreement_stat=stat(len(disagreements), "disagreement"),
        disagreement_count=plural(len(disagreements), "meeting"),
        quotes="\n".join(quotes),
        disagreements="\n".join(disagreements)
        or fill("empty.html", text="Every meeting reported by several sources is reported alike."),
        sources="\n".join(source_card(s) for s in data.sources.values()),
        pair_count=plural(len(data.pairs), "pair"),
    )
