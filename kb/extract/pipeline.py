"""One pipeline for every language: raw article text in, a draft claim form out, which
kb.claimform compiles into RDF exactly as it compiles curated claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import Literal, NamedNode

from ..claimform import CompiledSource, compile_form
from ..dates import DateBounds
from ..intake.page import PageMeta
from ..namespaces import KB, XSD
from ..registry import Registry
from . import EXTRACTOR_VERSION
from .attribution import read
from .interview import apply as apply_turn
from .interview import turns_of
from .lexicon import language_lexicon, model, script_of_language
from .meeting_dates import AS_NEWS, UNDATED, dateline_of, may_overlap, meeting_bounds
from .meetings import Meeting, meetings_in
from .mentions import Mention, matcher
from .normalize import key_tokens
from .positions import Position, positions_in
from .published import credited_source, detect_language
from .quotations import QuotedBlocks, antecedent, quotations_of, quoted_set
from .reading import Context, Reading
from .segment import Doc, classify, lines_of, page_markers, sentences_of
from .source import language_of, source_section
from .speech import verbs_of


@dataclass
class Options:
    """What the user supplies or overrides (the CLI's --published, --publisher, --url, --lang)."""

    file: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    lang: str | None = None
    page: PageMeta | None = None  # what a saved web page declares about itself
    page_sha256: str | None = None  # the page's SHA-256, when the text was read from one


@dataclass
class Draft:
    """A draft claim form, the extractor's notes on each claim, and the people it introduced."""

    text: str
    form: dict[str, Any]
    extra: dict[str, list[tuple[NamedNode, Literal | NamedNode]]] = field(default_factory=dict)
    new_people: dict[str, tuple[str, str, str | None]] = field(
        default_factory=dict
    )  # id -> (name, lang, country)
    language: str = "en"
    reads_as: str = ""  # the language the text reads as, when --lang named another one

    def entities(self) -> list[dict[str, Any]]:
        """The claim form's ``entities:`` section: the people the extractors introduced."""
        known = model().entities
        out = []
        for pid, (name, _, country) in self.new_people.items():
            if pid in known:
                continue
            item: dict[str, Any] = {"id": pid, "type": "person", "label": _english_label(pid)}
            if country and country in known:
                item["country"] = country
            if name and name in self.text:
                item["mention"] = name
                if _english_label(pid) != name:
                    item["transliterated"] = True
            out.append(item)
        return out

    def notes(self) -> dict[str, dict[str, Any]]:
        """The extractor's notes on each claim, by local id: the rules that fired and the
        confidence (a reviewer sorts drafts by it; weaker rules give lower values)."""
        out: dict[str, dict[str, Any]] = {}
        for local, notes in self.extra.items():
            rules = [str(v.value) for p, v in notes if p == KB.rule]
            confidence = [float(str(v.value)) for p, v in notes if p == KB.confidence]
            out[local] = {"rules": rules, "confidence": confidence[0] if confidence else None}
        return out

    def compile(self, registry: Registry) -> CompiledSource:
        """The draft's triples: the claim form with its ``entities:`` compiled by the same
        compiler a reviewed form goes through, so a new person has the same labels either way."""
        return compile_form(
            self.form, self.text, registry, origin="extracted", where="draft", extra=self.extra
        )


def _english_label(pid: str) -> str:
    return " ".join(part.capitalize() for part in pid.split("-"))


def _notes(rules: list[str], confidence: float) -> list[tuple[NamedNode, Literal | NamedNode]]:
    notes: list[tuple[NamedNode, Literal | NamedNode]] = [
        (KB.extractorVersion, Literal(EXTRACTOR_VERSION))
    ]
    notes += [(KB.rule, Literal(rule)) for rule in dict.fromkeys(rules)]
    notes.append(
        (KB.confidence, Literal(f"{max(0.0, min(1.0, confidence)):.2f}", datatype=XSD.decimal))
    )
    return notes


def extract(text: str, options: Options | None = None) -> Draft:
    """Draft claims of one article (any text: never raises on odd input)."""
    options = options or Options()
    doc = Doc.of(text)
    lines = lines_of(doc)
    language, language_basis = language_of(doc, lines, options.lang, options.page)
    lex = language_lexicon(language)
    classify(doc, lines, page_markers(language), script_of_language(language))
    section = source_section(doc, lines, language, options)
    source, published_day, found = section.source, section.published_day, section.found
    era = (published_day, published_day)
    source["basis"] = {"language": language_basis, **section.basis}
    draft = Draft(text, {"source": source, "meetings": [], "statements": []}, language=language)
    if options.lang and (detected := detect_language(doc, lines)) != language:
        draft.reads_as = detected
    ctx = Context(doc, found, matcher(language), model(), era)
    quotations = quotations_of(doc, lines)
    ctx.quoted = quoted_set(quotations)
    ctx.unclosed = quoted_set([q for q in quotations if not q.closed])
    ctx.verbs = verbs_of(doc, language)
    sentences = sentences_of(doc, lines)
    dateline = dateline_of(ctx, lines, published_day)
    previous: Reading | None = None
    blocks = QuotedBlocks(quotations, lines)
    accounts: list[tuple[str, list[str], DateBounds]] = []
    seen_meetings: list[tuple[frozenset[str], DateBounds]] = []
    dated: list[tuple[frozenset[str], DateBounds]] = []  # meetings with a date of their own
    # meetings dated only as the day's news, by their place in seen_meetings
    news_only: dict[int, tuple[Meeting, dict[str, Any]]] = {}
    said: list[str] = []  # the ids of the statements of the sentence before
    turns = turns_of(
        ctx,
        lines,
        [key_tokens(str(p)) for p in lex.get("question_labels") or []],
        [key_tokens(str(p)) for p in lex.get("answer_labels") or []],
    )
    for sentence in sentences:
        reading = read(ctx, sentence, previous)
        if sentence.line in turns:
            apply_turn(turns[sentence.line], reading)
        for meeting in meetings_in(ctx, reading):
            key = frozenset(meeting.people)
            when, date_rules = meeting_bounds(
                ctx, meeting, published_day, language, dated, dateline
            )
            again = next(
                (n for n, (k, b) in enumerate(seen_meetings) if k == key and may_overlap(b, when)),
                None,
            )
            if again is not None:
                # the same meeting again (a meeting of the same people at another time, "they
                # last met in April", is another): it is the meeting now spoken of, and the
                # date it is given now may be the first of its own
                first = news_only.pop(again, None)
                if first is not None and _dates_again(meeting, first[1], when, date_rules):
                    _date_again(draft, first, when, date_rules)
                    seen_meetings[again] = (key, when)
                    dated.append((key, when))
                elif first is not None:
                    news_only[again] = first
                ctx.meeting_people.append(list(meeting.people))
                continue
            seen_meetings.append((key, when))
            if not UNDATED & set(date_rules):
                dated.append((key, when))
            ctx.meeting_people.append(list(meeting.people))
            local = f"m{len(draft.form['meetings']) + 1}"
            meeting.rules += date_rules
            item, bounds = _meeting_item(ctx, draft, meeting, local, when)
            if item is None:
                continue
            draft.form["meetings"].append(item)
            draft.extra[local] = _notes(meeting.rules, meeting.confidence)
            if AS_NEWS & set(date_rules):
                news_only[len(seen_meetings) - 1] = (meeting, item)
            accounts.append((local, meeting.people, bounds))
        for waiting in blocks.read(ctx, reading):
            _statements(ctx, draft, waiting, accounts)
        said_before = antecedent(ctx, reading, previous)
        if said_before is not None:
            _retract(draft, said)  # what the sentence before gave a country is X's
            _statements(ctx, draft, said_before, accounts)
        said = _statements(ctx, draft, reading, accounts)
        previous = reading
    credit = credited_source(doc, lines, found, language)
    if credit:
        for item in draft.form["meetings"] + draft.form["statements"]:
            chain = item.setdefault("according_to", [])
            if credit not in chain:
                chain.append(credit)
    draft.form["entities"] = draft.entities()
    if not draft.form["entities"]:
        del draft.form["entities"]
    return draft


def _dates_again(
    meeting: Meeting, first: dict[str, Any], when: DateBounds, rules: list[str]
) -> bool:
    """Whether a meeting reported again gives the one first reported as the day's news its
    day: a day of its own, no place other than one it had, and not said to be earlier ("had
    previously met in Tehran last week" is another meeting)."""
    return (
        not UNDATED & set(rules)
        and when.earliest is not None
        and when.earliest == when.latest
        and (meeting.place is None or first.get("place") in (None, meeting.place))
        and not any(c.kind == "earlier_markers" for c in meeting.reading.cues)
    )


def _date_again(
    draft: Draft, first: tuple[Meeting, dict[str, Any]], when: DateBounds, rules: list[str]
) -> None:
    """Give a meeting dated only as the day's news the date it is given when reported again
    ("X, who is visiting Tehran, met Y. ... X met Y on Wednesday evening")."""
    meeting, item = first
    meeting.rules = [r for r in meeting.rules if not r.startswith("date-")] + rules
    dates = (("earliest", when.earliest), ("latest", when.latest), ("basis", "; ".join(when.basis)))
    item["date"] = {k: v for k, v in dates if v}
    draft.extra[item["id"]] = _notes(meeting.rules, meeting.confidence)


def _statements(
    ctx: Context, draft: Draft, reading: Reading, accounts: list[tuple[str, list[str], DateBounds]]
) -> list[str]:
    """The statements of a sentence's positions, one per position and speaker (a speaker
    named both in a group and alone, "the participants reaffirmed X, Fidan told", states X
    once); their ids."""
    made: list[str] = []
    for position in positions_in(ctx, reading):
        for speaker in position.speakers:
            local = f"s{len(draft.form['statements']) + 1}"
            item = _statement_item(ctx, draft, position, speaker, accounts)
            if item is None or any(_same_statement(item, s) for s in draft.form["statements"]):
                continue
            draft.form["statements"].append(item)
            rules = position.rules + (["shared-statement"] if len(position.speakers) > 1 else [])
            draft.extra[local] = _notes(rules, position.confidence)
            made.append(local)
    return made


def _retract(draft: Draft, ids: list[str]) -> None:
    """Drop these statements, the others numbered again in order."""
    if not ids:
        return
    kept = [item for item in draft.form["statements"] if item["id"] not in ids]
    notes = [draft.extra.pop(item["id"]) for item in kept]
    for local in ids:
        draft.extra.pop(local, None)
    for n, (item, note) in enumerate(zip(kept, notes, strict=True), 1):
        item["id"] = f"s{n}"
        draft.extra[item["id"]] = note
    draft.form["statements"] = kept


def _same_statement(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two statements are one claim (the shapes refuse a copy): the same speaker,
    position and quote at the same place."""
    return all(a[k] == b[k] for k in ("speaker", "position", "quote", "occurrence"))


def _occurrence(text: str, quote: str, start: int) -> int:
    count, at = 0, -1
    while True:
        at = text.find(quote, at + 1)
        if at < 0 or at > start:
            break
        count += 1
    return max(count, 1)


def _meeting_item(
    ctx: Context, draft: Draft, meeting: Meeting, local: str, bounds: DateBounds
) -> tuple[dict[str, Any] | None, DateBounds]:
    doc = ctx.doc
    participants = []
    for pid in meeting.people:
        mention = meeting.mentions.get(pid)
        participant: dict[str, Any] = {"person": pid}
        person = ctx.people.get(pid)
        entity = ctx.model.entities.get(pid)
        if entity is None:
            name = (
                person.new_name
                if person and person.new_name
                else (mention.name if mention else pid)
            )
            draft.new_people[pid] = (name, draft.language, person.country if person else None)
        office = _office_at(ctx, pid, mention, bounds)
        if office:
            participant["office"] = office
            terms = [
                t
                for t in ctx.model.term_bounds(pid, office)
                if t.covers(bounds.earliest, bounds.latest)
            ]
            if terms:
                bounds = bounds.narrowed(
                    min((t.start for t in terms if t.start), default=None),
                    max((t.end for t in terms if t.end), default=None),
                )
        country = (entity.country if entity else None) or (person.country if person else None)
        if country:
            participant["country"] = country
        if mention is not None:
            participant["mention"] = doc.verbatim(mention.i, mention.j)
        participants.append(participant)
    if len(participants) < 2:
        return None, bounds
    item: dict[str, Any] = {"id": local, "participants": participants}
    if meeting.place:
        item["place"] = meeting.place
    if bounds.known:
        item["date"] = {
            k: v
            for k, v in (
                ("earliest", bounds.earliest),
                ("latest", bounds.latest),
                ("basis", "; ".join(bounds.basis)),
            )
            if v
        }
    evidence = doc.verbatim(*meeting.evidence)
    item["evidence"] = evidence
    item["occurrence"] = _occurrence(doc.text, evidence, doc.span(*meeting.evidence)[0])
    if meeting.reading.according_to:
        item["according_to"] = list(meeting.reading.according_to)
        item["attribution"] = meeting.reading.attribution
    return item, bounds


def _office_at(ctx: Context, pid: str, mention: Mention | None, bounds: DateBounds) -> str | None:
    """The office the person held at the meeting's date, preferring the one the article names."""
    named = list(mention.offices) if mention is not None else []
    person = ctx.people.get(pid)
    if person:
        named += person.offices
    held = ctx.model.offices_held(pid, bounds.earliest, bounds.latest)
    for office in named:
        if office in held:
            return office
    if held and bounds.known:
        return held[0]
    if held and len({t.office for t in ctx.model.terms_by_holder.get(pid, [])}) == 1:
        return held[0]
    return None


def _statement_item(
    ctx: Context,
    draft: Draft,
    position: Position,
    speaker: str,
    accounts: list[tuple[str, list[str], DateBounds]],
) -> dict[str, Any] | None:
    doc = ctx.doc
    quote = doc.verbatim(*position.span).strip()
    if not quote:
        return None
    start = doc.span(*position.span)[0]
    if speaker not in ctx.model.entities:
        person = ctx.people.get(speaker)
        draft.new_people[speaker] = (
            person.new_name if person and person.new_name else speaker,
            draft.language,
            person.country if person else None,
        )
    item: dict[str, Any] = {
        "id": f"s{len(draft.form['statements']) + 1}",
        "speaker": speaker,
        "position": position.concept,
        "stance": position.stance,
        "quote": quote,
        "occurrence": _occurrence(doc.text, quote, start),
        "speech": "direct" if position.direct else "reported",
    }
    for local, people, _ in reversed(accounts):
        if speaker in people:
            item["at"] = local
            break
    if position.reading.according_to:
        item["according_to"] = list(position.reading.according_to)
        item["attribution"] = position.reading.attribution
    return item
