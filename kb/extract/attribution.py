"""Who is speaking in each sentence, and on whose authority.

The speaker is the first person (or office, role noun, pronoun, counterpart, "the sides")
that is the subject of a reporting verb: not inside a quotation, not the object of "with",
not a name inside another person's title. Pronouns and role nouns ("the minister", "the
diplomat") refer back to the people already named; "the sides" are the participants of the
meeting being reported. Attribution phrases ("according to IRNA", "as quoted by IRNA")
name the agents the claim is reported through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .lexicon import Model
from .mentions import Found, Match, Matcher, Mention
from .segment import Doc, Sentence

PEOPLE = ("person", "new-person")
QUOTE_OPEN = {"«": "»", "“": "”", "„": "“", '"': '"', "”": "”"}


@dataclass
class Person:
    """Someone the article has named so far, with what it said of them."""

    id: str
    country: str | None
    offices: list[str]
    new_name: str = ""


@dataclass
class Reading:
    """One sentence as the extractors read it."""

    sentence: Sentence
    mentions: list[Mention]
    cues: list[Match]
    quoted: set[int]
    speech: Match | None = None
    speakers: list[str] = field(default_factory=list)
    speaker_how: str = ""
    subject: Mention | None = None
    subject_span: tuple[int, int] = (0, 0)
    continuation: bool = False
    colon: int | None = None  # token after which direct speech follows ("اظهار داشت: ...")
    according_to: list[str] = field(default_factory=list)
    attribution: str | None = None
    pronoun_referent: str | None = None


@dataclass
class Context:
    """What the reader remembers from the sentences before."""

    doc: Doc
    found: Found
    matcher: Matcher
    model: Model
    era: tuple[date | None, date | None]
    people: dict[str, Person] = field(default_factory=dict)
    recent: list[str] = field(default_factory=list)  # people in order of last mention
    subjects: list[str] = field(default_factory=list)  # speakers and meeting subjects
    meeting_people: list[list[str]] = field(default_factory=list)

    def person_of(self, x: Mention) -> str | None:
        if x.kind == "new-person":
            return x.entity
        return x.entity if x.kind in ("person", "office") else None

    def remember(self, x: Mention) -> None:
        pid = self.person_of(x)
        if not pid:
            return
        person = self.people.get(pid)
        if person is None:
            offices = list(x.offices) if x.kind in ("person", "new-person") else list(x.offices)
            if not offices and x.kind == "person":
                offices = self.model.offices_held(pid, *self.era)
            person = Person(pid, x.country, offices, x.name)
            self.people[pid] = person
        else:
            for office in x.offices:
                if office not in person.offices:
                    person.offices.append(office)
        if pid in self.recent:
            self.recent.remove(pid)
        self.recent.append(pid)

    def by_role(
        self, patterns: list[str], country: str | None, exclude: str | None = None
    ) -> str | None:
        """The most recent subject, then person, whose office fits a role noun."""
        for pool in (self.subjects, self.recent):
            for pid in reversed(pool):
                if pid == exclude:
                    continue
                person = self.people.get(pid)
                if person is None or (country and person.country != country):
                    continue
                if any(self.model.fills_role(o, patterns) for o in person.offices):
                    return pid
        return None

    def sides(self, reading: Reading, previous: Reading | None) -> list[str]:
        """The people of the meeting being reported: the latest meeting whose people this or
        the previous sentence names all of ("In the talks between X and Y ... The sides ..."),
        else the latest meeting."""
        named = {
            pid
            for r in (reading, previous)
            if r is not None
            for x in r.mentions
            for pid in [self.person_of(x)]
            if pid
        }
        for group in reversed(self.meeting_people):
            if len(group) >= 2 and all(pid in named for pid in group):
                return list(group)
        return list(self.meeting_people[-1]) if self.meeting_people else []

    def last_subject(self) -> str | None:
        if self.subjects:
            return self.subjects[-1]
        return self.recent[-1] if self.recent else None

    def counterpart(self, country: str | None, other: str | None) -> str | None:
        for group in reversed(self.meeting_people):
            for pid in group:
                person = self.people.get(pid)
                if pid != other and person and (country is None or person.country == country):
                    return pid
        for pid in reversed(self.recent):
            person = self.people.get(pid)
            if pid != other and person and (country is None or person.country == country):
                return pid
        return None


def quoted_tokens(doc: Doc, sentence: Sentence) -> set[int]:
    """Tokens inside quotation marks in a sentence."""
    inside: set[int] = set()
    opener: str | None = None
    start = 0
    for t in range(sentence.i, sentence.j):
        word = doc.words[t]
        if opener is None and word in QUOTE_OPEN:
            opener, start = QUOTE_OPEN[word], t
        elif opener is not None and (word == opener or (opener == '"' and word in '”"')):
            inside.update(range(start + 1, t))
            opener = None
    if opener is not None and sentence.j - start > 3:
        inside.update(range(start + 1, sentence.j))
    if not inside and _open_before(doc, sentence):
        closers = [t for t in range(sentence.i, sentence.j) if doc.words[t] in ("»", "”", '"')]
        if closers and closers[0] - sentence.i > 3:
            inside.update(range(sentence.i, closers[0]))
    return inside


def _open_before(doc: Doc, sentence: Sentence) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open where the sentence
    starts (else a closing mark with no opener is a stray)."""
    text = doc.text[doc.text.rfind("\n", 0, sentence.start) + 1 : sentence.start]
    depth = 0
    for char in text:
        if char in "«“„":
            depth += 1
        elif char in "»”" and depth:
            depth -= 1
    return depth > 0 or text.count('"') % 2 == 1


def _kind_at(cues: list[Match], kinds: tuple[str, ...], i: int, j: int) -> list[Match]:
    return [c for c in cues if c.kind in kinds and i <= c.i and c.j <= j]


def read(ctx: Context, sentence: Sentence, previous: Reading | None) -> Reading:
    doc = ctx.doc
    mentions = [x for x in ctx.found.mentions if sentence.i <= x.i < sentence.j]
    cues = [c for c in ctx.found.cues if sentence.i <= c.i < sentence.j]
    quoted = quoted_tokens(doc, sentence)
    reading = Reading(sentence, mentions, cues, quoted)
    speech = [
        c for c in cues if c.kind in ("speech_verbs", "addressed_verbs") and c.i not in quoted
    ]
    _attribution(ctx, reading)
    reading.pronoun_referent = _pronoun_referent(ctx, previous)
    verbs: list[Match | None] = list(speech) or [None]
    for verb in verbs:
        reading.speech = verb
        _speaker(ctx, reading, previous)
        if reading.speakers:
            break
    if not reading.speakers and speech:
        reading.speech = speech[0]
    if not reading.speakers:
        _impersonal(ctx, reading)
    for x in mentions:
        if x.i not in quoted:
            ctx.remember(x)
    if reading.speakers and reading.speaker_how != "sides":
        for pid in reading.speakers:
            if pid in ctx.subjects:
                ctx.subjects.remove(pid)
            ctx.subjects.append(pid)
    return reading


def _impersonal(ctx: Context, reading: Reading) -> None:
    """ "It was noted that ...", "Отмечена ...": the sides of the meeting being reported."""
    group = ctx.meeting_people[-1] if ctx.meeting_people else []
    cue = next(
        (c for c in reading.cues if c.kind == "impersonal_speech" and c.i not in reading.quoted),
        None,
    )
    if cue is not None and len(group) >= 2:
        reading.speech, reading.speakers, reading.speaker_how = cue, list(group), "sides"


def _pronoun_referent(ctx: Context, previous: Reading | None) -> str | None:
    """ "he" is the previous sentence's speaker, else the last person it named (not after
    "with"), else the last speaker before."""
    if previous is not None:
        if previous.speakers and previous.speaker_how != "sides":
            return previous.speakers[0]
        named = [
            x
            for x in previous.mentions
            if x.i not in previous.quoted
            and not x.complement
            and not is_object(ctx, previous, x)
            and ctx.person_of(x)
        ]
        if named:
            return ctx.person_of(named[-1])
    return ctx.last_subject()


def _attribution(ctx: Context, reading: Reading) -> None:
    doc = ctx.doc
    for x in reading.mentions:
        if x.kind not in ("media", "organization") or not x.entity:
            continue
        for pre, post in ctx.matcher.attribution:
            for gap in (0, 1):
                start = x.i - len(pre) - gap
                if start < reading.sentence.i or tuple(doc.words[start : start + len(pre)]) != pre:
                    continue
                if tuple(doc.words[x.j : x.j + len(post)]) != post:
                    continue
                if not pre and not post:
                    continue
                end = x.j + len(post)
                a, b = doc.span(start, end)
                reading.according_to.append(x.entity)
                reading.attribution = doc.text[a:b]
                return


def is_object(ctx: Context, reading: Reading, x: Mention) -> bool:
    """Whether a mention follows "with" (or a verb addressed to it) in its clause, or, where
    "with" is a postposition, comes right before it ("Aliyev ile", "Gülerlə")."""
    if ctx.matcher.lexicon.get("with_follows"):
        from .meetings import postposition_ends

        conjunctions = {c.i for c in reading.cues if c.kind == "conjunctions"}
        for end in postposition_ends(ctx, reading):
            if end == x.j:
                return True
            # the first of two partners ("Mirzoyan ve Bayramov ile")
            if x.j in conjunctions and any(y.i == x.j + 1 and y.j == end for y in reading.mentions):
                return True
        return False  # what follows a postposition is not its object ("X ile görüşen Y")
    for c in reading.cues:
        if c.kind in ("with_markers", "addressed_verbs") and c.j <= x.i and x.i - c.j <= 3:
            if any(n.kind == "not_with" and n.i <= c.i < n.j for n in reading.cues):
                continue
            between = ctx.doc.words[c.j : x.i]
            if "," not in between and "،" not in between:
                return True
    return False


def _country_near(reading: Reading, x: Mention) -> str | None:
    for y in reading.mentions:
        if y.kind in ("country", "demonym") and (0 <= y.i - x.j <= 3 or 0 <= x.i - y.j <= 1):
            return y.country
    return None


def resolve(ctx: Context, reading: Reading, x: Mention) -> tuple[list[str], str]:
    """The people a subject-like mention stands for, and how they were found."""
    if x.kind in PEOPLE and x.entity:
        return [x.entity], x.how
    if x.kind == "office" and x.entity:
        return [x.entity], "office"
    if x.kind == "office" and not x.country and x.offices:
        pid = ctx.by_role(x.offices, _country_near(reading, x))
        return ([pid], "role") if pid else ([], "")
    if x.kind == "role" and x.role:
        pid = ctx.by_role(x.role, _country_near(reading, x))
        return ([pid], "role") if pid else ([], "")
    if x.kind == "counterpart":
        pid = ctx.counterpart(x.country, ctx.last_subject())
        return ([pid], "counterpart") if pid else ([], "")
    return [], ""


def subject_candidates(
    ctx: Context, reading: Reading
) -> list[tuple[int, int, str, Mention | None]]:
    """(start, end, kind, mention) of what may be a subject, in order."""
    out: list[tuple[int, int, str, Mention | None]] = []
    for x in reading.mentions:
        if x.i in reading.quoted or x.complement or x.attached:
            continue
        if (
            x.kind in PEOPLE
            or (x.kind == "office" and (x.entity or not x.country))
            or x.kind in ("role", "counterpart")
        ):
            if x.kind in ("office",) and not x.entity and not x.offices:
                continue
            out.append((x.i, x.j, "mention", x))
        elif x.kind in ("country", "organization"):
            out.append((x.i, x.j, "agent", x))
    turns = [c for c in reading.cues if c.kind == "turn_markers"]
    for c in reading.cues:
        if c.i in reading.quoted or any(t.i <= c.i < t.j for t in turns):
            continue
        if c.kind == "pronouns":
            out.append((c.i, c.j, "pronoun", None))
        elif c.kind == "both_sides" and not _country_side(reading, c):
            out.append((c.i, c.j, "sides", None))
        elif c.kind == "sides":
            country = _country_side(reading, c)
            if country is not None:
                out.append((min(c.i, country.i), max(c.j, country.j), "side", country))
    out.sort(key=lambda t: (t[0], -t[1]))
    # a possessive ("his Iranian counterpart", "його колега") is not the subject
    starts = {t[0] for t in out if t[2] == "mention"}
    return [t for t in out if not (t[2] == "pronoun" and t[1] in starts)]


def _country_side(reading: Reading, cue: Match) -> Mention | None:
    """The country or demonym right next to "side" ("the Russian side", "طرف ایرانی")."""
    for x in reading.mentions:
        if x.kind in ("country", "demonym") and (x.j == cue.i or x.i == cue.j):
            return x
    return None


def _speaker(ctx: Context, reading: Reading, previous: Reading | None) -> None:
    candidates = [
        c
        for c in subject_candidates(ctx, reading)
        if c[3] is None or not is_object(ctx, reading, c[3])
    ]
    speech = reading.speech
    chosen = None
    if speech is not None:
        before = [c for c in candidates if c[1] <= speech.i or (c[0] <= speech.i < c[1])]
        after = [c for c in candidates if c[0] >= speech.j and c[0] - speech.j <= 6]
        people_before = [c for c in before if c[2] != "agent"]
        if people_before:
            chosen = people_before[0]
        elif before and speech.i - before[-1][1] <= 2:
            chosen = before[-1]
        elif after:
            chosen = after[0]
        elif before:
            chosen = None
        colon = next(
            (
                t
                for t in range(speech.j, reading.sentence.j)
                if ctx.doc.words[t] == ":" and t not in reading.quoted
            ),
            None,
        )
        reading.colon = colon
    else:
        # no reporting verb: an opening pronoun continues the speech before
        opening = [c for c in candidates if c[0] - reading.sentence.i <= 4]
        if opening and opening[0][2] in ("pronoun",):
            chosen = opening[0]
            reading.continuation = True
        elif (
            not [c for c in candidates if c[2] != "agent"]
            and previous is not None
            and previous.speakers
            and previous.sentence.line == reading.sentence.line
            and (
                reading.quoted
                or previous.colon is not None
                or previous.speaker_how == "continuation"
            )
        ):
            reading.speakers = list(previous.speakers)
            reading.speaker_how = "continuation"
            reading.continuation = True
            reading.colon = reading.sentence.i - 1 if previous.colon is not None else None
            reading.according_to, reading.attribution = (
                list(previous.according_to),
                previous.attribution,
            )
            return
    if chosen is None:
        return
    start, end, kind, x = chosen
    reading.subject = x
    reading.subject_span = (start, end)
    if kind == "pronoun":
        pid = reading.pronoun_referent
        if pid:
            reading.speakers, reading.speaker_how = [pid], "pronoun"
            if (
                previous is not None
                and previous.speakers == [pid]
                and previous.according_to
                and not reading.according_to
            ):
                reading.according_to, reading.attribution = (
                    list(previous.according_to),
                    previous.attribution,
                )
    elif kind == "sides":
        group = ctx.sides(reading, previous)
        if len(group) < 2:
            group = list(dict.fromkeys(reversed(ctx.subjects)))[:2]
        if len(group) >= 2:
            reading.speakers, reading.speaker_how = list(group), "sides"
    elif kind == "side" and x is not None and x.country:
        present = [
            pid
            for group in reversed(ctx.meeting_people)
            for pid in group
            if ctx.people.get(pid) and ctx.people[pid].country == x.country
        ]
        entity = present[0] if present else ctx.model.government_of.get(x.country)
        if entity:
            reading.speakers, reading.speaker_how = [entity], "side"
    elif kind == "agent" and x is not None and x.entity:
        entity = x.entity
        if x.kind == "country":
            entity = ctx.model.government_of.get(entity, entity)
        reading.speakers, reading.speaker_how = [entity], "agent"
    elif x is not None:
        people, how = resolve(ctx, reading, x)
        if people:
            reading.speakers, reading.speaker_how = people, how
