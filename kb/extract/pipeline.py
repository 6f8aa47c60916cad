"""One pipeline for every language: raw article text in, a draft claim form out, which
kb.claimform compiles into RDF exactly as it compiles curated claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pyoxigraph import Literal, NamedNode

from ..claimform import CompiledSource, compile_form
from ..dates import DateBounds, parse_partial
from ..intake.page import PageMeta
from ..namespaces import KB, XSD
from ..registry import Registry
from . import EXTRACTOR_VERSION
from .attribution import read
from .dates import find_dates, month_bounds, relative, to_gregorian, year_of
from .interview import apply as apply_turn
from .interview import turns_of
from .lexicon import language_lexicon, model, script_of_language
from .meetings import Meeting, meetings_in
from .mentions import Match, Mention, matcher
from .normalize import key_tokens, lexicon_phrases, normalizer
from .positions import Position, positions_in
from .published import credited_source, detect_language
from .quotations import QuotedBlocks, antecedent, quotations_of, quoted_set
from .reading import Context, Reading
from .segment import Doc, classify, lines_of, page_markers, sentences_of
from .source import language_of, source_section
from .speech import verbs_of

CURRENT_NEWS_DAYS = 7
# A relative year next to a month name ("in June last year", "ötən ilin oktyabrında"): how
# many years before the publication's; the month and the year phrase at most this many
# tokens apart.
YEARS_BACK = {"last_year": 1, "year_to_date": 0}
MONTH_YEAR_GAP = 3


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
    previous: Reading | None = None
    blocks = QuotedBlocks(quotations, lines)
    accounts: list[tuple[str, list[str], DateBounds]] = []
    seen_meetings: list[tuple[frozenset[str], DateBounds]] = []
    dated: list[tuple[frozenset[str], DateBounds]] = []  # meetings with a date of their own
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
            when, date_rules = _meeting_bounds(ctx, meeting, published_day, language, dated)
            if any(k == key and _may_overlap(b, when) for k, b in seen_meetings):
                # the same meeting again (a meeting of the same people at another time, "they
                # last met in April", is another): it is the meeting now spoken of
                ctx.meeting_people.append(list(meeting.people))
                continue
            seen_meetings.append((key, when))
            if "date-current-news" not in date_rules:
                dated.append((key, when))
            ctx.meeting_people.append(list(meeting.people))
            local = f"m{len(draft.form['meetings']) + 1}"
            meeting.rules += date_rules
            item, bounds = _meeting_item(ctx, draft, meeting, local, when)
            if item is None:
                continue
            draft.form["meetings"].append(item)
            draft.extra[local] = _notes(meeting.rules, meeting.confidence)
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


def _verbatim(doc: Doc, i: int, j: int) -> str:
    a, b = doc.span(i, j)
    return doc.text[a:b]


def _occurrence(text: str, quote: str, start: int) -> int:
    count, at = 0, -1
    while True:
        at = text.find(quote, at + 1)
        if at < 0 or at > start:
            break
        count += 1
    return max(count, 1)


def _meeting_bounds(
    ctx: Context,
    meeting: Meeting,
    published: date | None,
    language: str,
    before: list[tuple[frozenset[str], DateBounds]],
) -> tuple[DateBounds, list[str]]:
    """When a meeting took place, from the date phrase nearest the words that report it, else
    from the meeting reported before it (``before``: earlier meetings with a date of their
    own), else as current news on the publication day."""
    reading = meeting.reading
    doc = ctx.doc
    first, last = meeting.trigger if meeting.trigger != (0, 0) else meeting.evidence
    # direct speech after a colon ("X said at the meeting: in the past year ...") dates
    # what is said, not the meeting
    speech = reading.colon if reading.colon is not None and reading.colon >= last else None
    told = speech if speech is not None else reading.sentence.j
    if published is None:  # only a date printed in full dates the meeting
        return _printed_date(ctx, reading, told, language, None) or (DateBounds(), [])
    cues = sorted(
        (c for c in reading.cues if c.i not in reading.quoted and c.i < told),
        key=lambda c: (max(first - c.j, c.i - last, 0), c.i, c.i - c.j),
    )  # the date phrase nearest the word that reports the meeting first, the longest first
    for same in [c for c in cues if c.kind == "same_day_markers"]:
        # "اليوم نفسه" (the same day) is not "اليوم" (today); "later that day" not "later"
        cues = [c for c in cues if c is same or not (same.i <= c.i and c.j <= same.j)]
    months = [c for c in cues if c.kind == "month" and _month_alone(ctx, c)]
    years = [c for c in cues if c.kind == "relperiod" and c.payload in YEARS_BACK]
    for month in months:
        year = next(
            (
                y
                for y in years
                if -MONTH_YEAR_GAP <= y.i - month.j <= MONTH_YEAR_GAP
                or -MONTH_YEAR_GAP <= month.i - y.j <= MONTH_YEAR_GAP
            ),
            None,
        )
        if year is None:
            continue
        part = _month_part(ctx, reading, month)
        a, b = min(month.i, year.i, part.i), max(month.j, year.j, part.j)
        calendar, number = month.payload
        bounds = month_bounds(
            calendar,
            number,
            _verbatim(doc, a, b),
            published,
            YEARS_BACK[year.payload],
            part.payload,
        )
        if bounds is not None:
            return DateBounds(bounds.earliest, bounds.latest, (bounds.basis,)), [
                "date-month-relative-year"
            ]
    for cue in cues:
        if cue.kind in ("weekday", "reldays", "relperiod"):
            past = cue.kind == "weekday" and _said_past(ctx, cue)
            phrase = _verbatim(doc, cue.i, cue.j)
            bounds = relative(cue.kind, cue.payload, phrase, published, past=past)
            if bounds is not None:
                return DateBounds(bounds.earliest, bounds.latest, (bounds.basis,)), [
                    f"date-{cue.kind}"
                ]
    printed = _printed_date(ctx, reading, told, language, published)
    if printed is not None:
        return printed
    a, b = doc.span(reading.sentence.i, told)
    printed_years = {m.start() for m in re.finditer(r"\b\d{4}\b", doc.text[a:b])}
    for month in months:
        if printed_years:
            break  # "in June 2022" that the patterns above did not read: no guess
        calendar, number = month.payload
        day = _day_next_to(doc, month)
        if day is not None:
            t, number_of_day = day
            phrase = _verbatim(doc, min(t, month.i), max(t + 1, month.j))
            bounds = month_bounds(calendar, number, phrase, published, None)
            if bounds is not None and bounds.earliest is not None:
                try:  # a day of the month's own calendar ("20 آبان")
                    in_year = year_of(calendar, bounds.earliest)
                    when = to_gregorian(calendar, in_year, number, number_of_day)
                    if when > published:  # later this month: the month a year before
                        when = to_gregorian(calendar, in_year - 1, number, number_of_day)
                except (ValueError, OverflowError, IndexError):
                    continue  # no such day in that month ("31 June")
                if when <= published:
                    why = f"'{phrase}' in an article published on {published.isoformat()}"
                    return DateBounds(when, when, (why,)), ["date-day-month"]
        part = _month_part(ctx, reading, month)
        phrase = _verbatim(doc, min(month.i, part.i), max(month.j, part.j))
        bounds = month_bounds(calendar, number, phrase, published, None, part.payload)
        if bounds is not None:
            return DateBounds(bounds.earliest, bounds.latest, (bounds.basis,)), ["date-month"]
    earlier = _date_of_earlier(meeting, before, cues, published)
    if earlier is not None:
        return earlier
    earliest = published - timedelta(days=CURRENT_NEWS_DAYS)
    why = f"reported as current news on the publication date ({published.isoformat()})"
    return DateBounds(earliest, published, (why,)), ["date-current-news"]


def _date_of_earlier(
    meeting: Meeting,
    before: list[tuple[frozenset[str], DateBounds]],
    cues: list[Match],
    published: date,
) -> tuple[DateBounds, list[str]] | None:
    """The date of a meeting with no date phrase of its own, from the last meeting before it
    with one that shares a participant (a visit's next talks: "Shoigu also met Bagheri"), or
    from the last dated one when said to be the same day or later: on that meeting's days
    (through a shared participant, only a meeting of the news, not one recalled),
    or, said to be later ("afterwards", "daha sonra"), from them to the publication day; said
    to be earlier ("Ранее X провел переговоры"), on some day before them (or publication)."""
    same_day = any(c.kind == "same_day_markers" for c in cues)
    later = not same_day and any(c.kind == "later_markers" for c in cues)
    sooner = not same_day and any(c.kind == "earlier_markers" for c in cues)
    recent = published - timedelta(days=CURRENT_NEWS_DAYS)
    shared = [  # a meeting of the news, not one recalled ("they last met in April")
        b
        for people, b in before
        if people & set(meeting.people) and b.latest is not None and b.latest >= recent
    ]
    if sooner:  # "Earlier, X met Y": before the meeting reported before it, or publication
        latest = (before[-1][1].earliest if before else None) or published
        why = "no date of its own: said to be earlier than"
        what = "the meeting reported before it" if before else "publication"
        return DateBounds(None, latest, (f"{why} {what}",)), ["date-before-earlier-meeting"]
    if shared:
        earlier = shared[-1]
    elif (same_day or later) and before:
        earlier = before[-1][1]
    else:
        return None
    why = "no date of its own: that of the meeting reported before it"
    basis = (f"{why} ({'; '.join(earlier.basis)})",) if earlier.basis else (why,)
    if later:
        return DateBounds(earlier.earliest, published, basis), ["date-after-earlier-meeting"]
    return DateBounds(earlier.earliest, earlier.latest, basis), ["date-earlier-meeting"]


def _printed_date(
    ctx: Context, reading: Reading, told: int, language: str, published: date | None
) -> tuple[DateBounds, list[str]] | None:
    """The first date printed in the sentence before what is told, not after publication."""
    a, b = ctx.doc.span(reading.sentence.i, told)
    for found in find_dates(normalizer().key(ctx.doc.text[a:b]), language):
        if found.day == published and found.start < 40:
            continue  # the dateline's publication date, not the meeting's
        if published is None or found.day <= published:
            if found.precision == "month":
                end = found.last or parse_partial(found.day.isoformat()[:7])[1]
                return DateBounds(found.day, end, ("printed in the sentence",)), ["date-printed"]
            return DateBounds(found.day, found.day, ("printed in the sentence",)), ["date-printed"]
    return None


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
            participant["mention"] = _verbatim(doc, mention.i, mention.j)
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
    evidence = _verbatim(doc, *meeting.evidence)
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
    quote = _verbatim(doc, *position.span).strip()
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


def _said_past(ctx: Context, cue: Any) -> bool:
    """Whether a weekday is said to be past ("last Thursday", "الخميس الماضي", "پنجشنبه
    گذشته": one of the language's ``past_weekday_markers`` right before or after it): on
    that weekday's own publication day, it is the week before."""
    words = ctx.doc.words
    markers = {m[0] for m in lexicon_phrases(ctx.matcher.language, "past_weekday_markers")}
    return any(0 <= t < len(words) and words[t] in markers for t in (cue.i - 1, cue.j))


def _month_alone(ctx: Context, cue: Any) -> bool:
    """Whether a month name can be read as a month: at least three letters (Persian "می" is
    also a verb prefix) and, where the language capitalises months, capitalised ("May")."""
    word = ctx.doc.words[cue.i]
    if len(word) < 3:
        return False
    if ctx.matcher.lexicon.get("months_capitalised"):
        following = ctx.doc.words[cue.j] if cue.j < len(ctx.doc.words) else ""
        # "eylül ayında": a lowercase month before the word for month is one
        return ctx.doc.text[ctx.doc.starts[cue.i]].isupper() or following in _month_nouns(ctx)
    return True


def _month_part(ctx: Context, reading: Reading, month: Match) -> Match:
    """The part of a month named right before or after it ("early October", "в начале
    октября", "oktyabrın əvvəlində"), with at most the word for month between ("Ekim ayının
    başında", "مطلع شهر أكتوبر"); else an empty match at the month."""
    nouns = _month_nouns(ctx)
    for cue in reading.cues:
        if cue.kind != "month_part" or (month.i < cue.j and cue.i < month.j):
            continue
        gap = range(cue.j, month.i) if cue.j <= month.i else range(month.j, cue.i)
        if len(gap) <= 1 and all(ctx.doc.words[t] in nouns for t in gap):
            return cue
    return Match("month_part", None, month.i, month.i)


def _month_nouns(ctx: Context) -> set[str]:
    """The language's words for month (``month_nouns``), folded."""
    return {phrase[0] for phrase in lexicon_phrases(ctx.matcher.language, "month_nouns")}


# "29", with a case ending ("19-da", "19-го") or an ordinal's ("9th")
DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|-\w{1,3})?")


def _day_next_to(doc: Doc, month: Any) -> tuple[int, int] | None:
    """The day printed right before or after a month name ("29 марта", "March 29", "Oct. 9",
    "November 9th", "19-го мая", "mayın 19-da"): its token and number, if any."""
    after = [month.j]
    if month.j < len(doc.words) and doc.words[month.j] == ".":
        after.append(month.j + 1)  # the abbreviation's full stop ("Oct. 9")
    for t in (month.i - 1, *after):
        day = DAY.fullmatch(doc.words[t]) if 0 <= t < len(doc.words) else None
        if day is None or not 1 <= int(day.group(1)) <= 31:
            continue
        first, second = (
            ((t, t + 1), (month.i, month.j)) if t < month.i else ((month.i, month.j), (t, t + 1))
        )
        gap = doc.text[doc.span(*first)[1] : doc.span(*second)[0]]
        if gap.strip(" \t") in ("", ".") and len(gap) <= 2:  # same line, at most a full stop
            return t, int(day.group(1))
    return None


def _may_overlap(a: DateBounds, b: DateBounds) -> bool:
    """Whether two date ranges (open where a bound is unknown) may share a day."""
    return (a.earliest is None or b.latest is None or a.earliest <= b.latest) and (
        b.earliest is None or a.latest is None or b.earliest <= a.latest
    )
