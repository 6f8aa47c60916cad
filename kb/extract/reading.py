"""The extractors' shared reading state and partner rules.

A ``Reading`` is one sentence as the extractors read it; the ``Context`` is what the reader
remembers from the sentences before (people named, speakers, meetings). The partner rules say
which mention is the object of "with" (or of a postposed "with": "Aliyev ile") and which people
a subject-like mention stands for. Attribution (who speaks) and meetings (who met whom) both
read these; neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .lexicon import Model
from .mentions import Found, Match, Matcher, Mention
from .segment import Doc, Sentence

PEOPLE = ("person", "new-person")
PARTNER_MARKERS = ("with_markers", "agent_markers")


@dataclass
class Person:
    """Someone the article has named so far, with what it said of them."""

    id: str
    country: str | None
    offices: list[str]
    new_name: str = ""
    roles: list[str] = field(default_factory=list)  # role nouns that introduced them ("adviser")


@dataclass
class Act:
    """One reporting verb of a sentence and who speaks by it.

    ``form`` is the verb's (finite, converb, participle) or ``quotation`` for a sentence of
    a quoted block attributed elsewhere; ``how`` says how the speaker was found (name,
    pronoun, role, sides, continuity, ...)."""

    verb: Match | None
    form: str
    speakers: list[str] = field(default_factory=list)
    how: str = ""
    subject_span: tuple[int, int] = (0, 0)
    colon: int | None = None


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
    acts: list[Act] = field(default_factory=list)
    window: int = 0  # first token a subject may start at (the reporting verb read last)


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
    visits: list[tuple[str, str, int]] = field(default_factory=list)  # visitor, country, token
    # the partner of a meeting whose other side is no one named: (partner, token, whether that
    # side is a country or ministry: "Iran summoned X")
    unmet: list[tuple[str, int, bool]] = field(default_factory=list)
    quoted: set[int] = field(default_factory=set)  # every quoted token of the article
    unclosed: set[int] = field(default_factory=set)  # quoted up to a paragraph's end, no mark
    verbs: list[Match] = field(default_factory=list)  # every reporting verb (speech.verbs_of)
    current: list[str] = field(default_factory=list)  # who spoke last (speaker continuity)
    direct: tuple[list[str], int] | None = None  # direct speech after a colon: who, last line

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
            offices = list(x.offices)
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
        """The most recent subject, then person of the latest meeting, then person, whose
        office fits a role noun ("X received Y. Y conveyed the greetings of President Z. The
        head of state noted ...": X, whom Y met, not Z)."""
        met = self.meeting_people[-1] if self.meeting_people else []
        for pool in (self.subjects, [pid for pid in self.recent if pid in met], self.recent):
            for pid in reversed(pool):
                if pid == exclude:
                    continue
                person = self.people.get(pid)
                if person is None or (country and person.country != country):
                    continue
                if any(self.model.fills_role(o, patterns) for o in person.offices) or any(
                    p in person.roles for p in patterns
                ):
                    return pid
        return None

    def introduced_with(self, offices: list[str]) -> str | None:
        """The person named last whom the article introduced with one of these offices."""
        for pid in reversed(self.recent):
            person = self.people.get(pid)
            if person is not None and any(office in person.offices for office in offices):
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


def partner_markers(reading: Reading) -> list[Match]:
    """ "with" and agent markers ("by", "من قبل") outside the phrases that only look like them."""
    return [
        c
        for c in reading.cues
        if c.kind in PARTNER_MARKERS
        and not any(n.kind == "not_with" and n.i <= c.i < n.j for n in reading.cues)
    ]


def comitative(ctx: Context, x: Mention) -> bool:
    """A name with a "with" suffix fused to it ("Gülerlə"): the marker is the name's ending."""
    if x.how != "stem":
        return False
    word = ctx.doc.words[x.j - 1]
    return any(
        word.endswith(suffix) and ctx.matcher.stem(word) == word[: -len(suffix)]
        for suffix in ctx.matcher.lexicon.get("with_suffixes") or []
    )


def postposition_ends(ctx: Context, reading: Reading) -> list[int]:
    """Token positions where a partner of a postposed "with" ends."""
    ends = [c.i for c in partner_markers(reading) if c.i not in reading.quoted]
    ends += [x.j for x in reading.mentions if x.kind in PEOPLE and comitative(ctx, x)]
    return sorted(ends)


def conjunction_tokens(reading: Reading) -> set[int]:
    """The tokens of the sentence's conjunctions ("and", "و", "и")."""
    return {t for c in reading.cues if c.kind == "conjunctions" for t in range(c.i, c.j)}


def is_object(ctx: Context, reading: Reading, x: Mention) -> bool:
    """Whether a mention follows "with" (or a verb addressed to it) in its clause, or, where
    "with" is a postposition, comes right before it ("Aliyev ile", "Gülerlə")."""
    if ctx.matcher.lexicon.get("with_follows"):
        conjunctions = {c.i for c in reading.cues if c.kind == "conjunctions"}
        for end in postposition_ends(ctx, reading):
            if end == x.j:
                return True
            # the first of two partners ("Mirzoyan ve Bayramov ile"), not the subject set off
            # by a comma at the clause's start ("Bayramov, Arakçi ile ... söyledi")
            if (
                x.j in conjunctions
                and not _subject_by_comma(ctx, reading, x)
                and any(y.i == x.j + 1 and y.j == end for y in reading.mentions)
            ):
                return True
        return False  # what follows a postposition is not its object ("X ile görüşen Y")
    for c in reading.cues:
        if c.kind in ("with_markers", "addressed_verbs") and c.j <= x.i:
            start = past_titles(reading.mentions, c.j)
            if x.i - start > 3 or _after_partner(reading, start, x):
                continue
            if any(n.kind == "not_with" and n.i <= c.i < n.j for n in reading.cues):
                continue
            between = ctx.doc.words[c.j : x.i]
            if "," not in between and "،" not in between:
                return True
    return False


def name_start(reading: Reading, x: Mention) -> int:
    """Where a name starts with the title attached to it ("President X")."""
    start = x.i
    for y in reading.mentions:
        if y.attached and y.j == start:
            start = y.i
    return start


def _after_partner(reading: Reading, start: int, x: Mention) -> bool:
    """Whether a person stands between token ``start`` and x with no "and" joining them
    ("during the talks with X Y said": Y is the subject, not a second partner)."""
    joins = {c.i for c in reading.cues if c.kind == "conjunctions"}
    return any(
        y.kind in PEOPLE and start <= y.i and y.j <= x.i and not joins & set(range(y.j, x.i))
        for y in reading.mentions
        if y is not x
    )


def past_titles(mentions: list[Mention], t: int) -> int:
    """The token after the titles, offices and countries that start at token t ("with the
    foreign minister of Armenia X": X's token)."""
    moved = True
    while moved:
        moved = False
        for y in mentions:
            if y.i == t and y.j > t and y.kind in ("office", "title", "country", "demonym", "role"):
                t, moved = y.j, True
    return t


def _subject_by_comma(ctx: Context, reading: Reading, x: Mention) -> bool:
    """Whether a person opens the sentence (after at most its title) and a comma follows the
    name: the subject, set off as verb-final languages do, not the first of a list."""
    if ctx.doc.words[x.j] not in (",", "،"):
        return False
    first = min((y.i for y in reading.mentions if y.kind in PEOPLE + ("office",)), default=x.i)
    return x.i == first or all(y.kind == "office" for y in reading.mentions if first <= y.i < x.i)


def country_near(reading: Reading, x: Mention) -> str | None:
    for y in reading.mentions:
        if y.kind in ("country", "demonym") and (0 <= y.i - x.j <= 3 or 0 <= x.i - y.j <= 1):
            return y.country
    return None


def country_side(reading: Reading, cue: Match) -> Mention | None:
    """The country or demonym right next to "side" ("the Russian side", "طرف ایرانی")."""
    for x in reading.mentions:
        if x.kind in ("country", "demonym") and (x.j == cue.i or x.i == cue.j):
            return x
    return None


def resolve(ctx: Context, reading: Reading, x: Mention) -> tuple[list[str], str]:
    """The people a subject-like mention stands for, and how they were found."""
    if x.kind in PEOPLE and x.entity:
        return [x.entity], x.how
    if x.kind == "office" and x.offices and (not x.entity or x.how == "office"):
        # a title standing alone is the person the article introduced with it, else the
        # registry's holder at the article's date, else no one ("Deputy PM Karim Zahidov ...
        # Azerbaijan's deputy prime minister")
        introduced = ctx.introduced_with(x.offices)
        if introduced:
            return [introduced], "title"
        if x.entity and ctx.era == (None, None):
            return [], ""
    if x.kind == "office" and x.entity:
        return [x.entity], "office"
    if x.kind == "office" and not x.country and x.offices:
        pid = ctx.by_role(x.offices, country_near(reading, x))
        return ([pid], "role") if pid else ([], "")
    if x.kind == "role" and x.role:
        country = country_near(reading, x)
        if x.with_country and not country:
            return [], ""  # "the Azerbaijani leader" is Aliyev, "the opposition leader" no one
        pid = ctx.by_role(x.role, country)
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
        if x.kind == "office" and x.plural and not x.country and not x.entity:
            out.append((x.i, x.j, "sides", None))  # "the presidents": the meeting's people
            continue
        if (
            x.kind in PEOPLE
            or (x.kind == "office" and (x.entity or not x.country or x.offices))
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
        elif c.kind == "both_sides" and not country_side(reading, c):
            out.append((c.i, c.j, "sides", None))
        elif c.kind == "sides":
            country = country_side(reading, c)
            if country is not None:
                out.append((min(c.i, country.i), max(c.j, country.j), "side", country))
    out.sort(key=lambda t: (t[0], -t[1]))
    # a possessive ("his Iranian counterpart", "його колега") is not the subject, nor is one
    # before a title attached to a name ("His Armenian counterpart Ararat Mirzoyan said")
    starts = {t[0] for t in out if t[2] == "mention"} | {
        x.i for x in reading.mentions if x.attached or x.kind in ("title", "office", "counterpart")
    }
    return [t for t in out if not (t[2] == "pronoun" and t[1] in starts)]
