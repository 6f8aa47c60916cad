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
from .speech import verbs_of

PEOPLE = ("person", "new-person")
SUBJECT_AFTER = 6  # tokens: the farthest a subject follows its verb ("قال وزير ...", "said X")
TITLE_GAP = 3  # tokens: the farthest a title follows the country it belongs to
AGENT_GAP = 2  # tokens: the most an agent subject stands before its verb ("X has said")
CLAUSE_BREAKS = (".", ";", "؛", ",", "،", ":", "!", "?", "؟")
QUOTE_OPEN = {"«": "»", "“": "”", "„": "“", '"': '"', "‹": "›"}


@dataclass
class Person:
    """Someone the article has named so far, with what it said of them."""

    id: str
    country: str | None
    offices: list[str]
    new_name: str = ""


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
    """The sentence's mentions, cues, quoted tokens, reporting acts and speaker."""
    doc = ctx.doc
    mentions = [x for x in ctx.found.mentions if sentence.i <= x.i < sentence.j]
    cues = [c for c in ctx.found.cues if sentence.i <= c.i < sentence.j]
    if ctx.verbs or ctx.quoted:
        quoted = {t for t in range(sentence.i, sentence.j) if t in ctx.quoted}
    else:
        quoted = quoted_tokens(doc, sentence)
    reading = Reading(sentence, mentions, cues, quoted, window=sentence.i)
    verbs = [
        v
        for v in (ctx.verbs or verbs_of(doc, ctx.matcher.language, sentence.i, sentence.j))
        # a reporting verb in a quotation never closed may be the scraper's lost mark's
        if sentence.i <= v.i < sentence.j and (v.i not in quoted or v.i in ctx.unclosed)
    ]
    _attribution(ctx, reading)
    reading.pronoun_referent = _pronoun_referent(ctx, previous)
    reading.acts = _acts(ctx, reading, previous, verbs)
    spoken = [a for a in reading.acts if a.speakers]
    primary = next((a for a in spoken if a.form == "finite"), spoken[0] if spoken else None)
    if primary is not None:
        reading.speech, reading.speakers, reading.speaker_how = (
            primary.verb,
            list(primary.speakers),
            primary.how,
        )
        reading.subject_span = primary.subject_span
        reading.colon = next((a.colon for a in spoken if a.colon is not None), None)
        reading.subject = next((x for x in mentions if (x.i, x.j) == primary.subject_span), None)
    else:
        reading.speech = None
        _speaker(ctx, reading, previous)  # no reporting verb: speech going on
        if reading.speakers:
            form = "quotation" if reading.colon is not None else "continuation"
            reading.acts = [
                Act(
                    None,
                    form,
                    list(reading.speakers),
                    reading.speaker_how,
                    reading.subject_span,
                    reading.colon,
                )
            ]
        elif verbs:
            reading.speech = verbs[0]
    _direct_speech(ctx, reading)
    if not reading.speakers:
        _impersonal(ctx, reading)
        if reading.speakers:
            reading.acts = [Act(reading.speech, "impersonal", list(reading.speakers), "sides")]
    for x in mentions:
        if x.i not in quoted:
            ctx.remember(x)
    if reading.speakers and reading.speaker_how != "sides":
        for pid in reading.speakers:
            if pid in ctx.subjects:
                ctx.subjects.remove(pid)
            ctx.subjects.append(pid)
    spoken = [a for a in reading.acts if a.speakers]
    if spoken:
        ctx.current = list(spoken[-1].speakers)
    return reading


def _direct_speech(ctx: Context, reading: Reading) -> None:
    """Direct speech after a colon without quotation marks ("X said: You are welcome! I am
    glad ...") goes on, sentence after sentence, to the end of the paragraph and into the next
    paragraphs whose sentences speak in the first person, until someone else is reported."""
    line = reading.sentence.line
    spoken = [a for a in reading.acts if a.speakers and a.verb is not None]
    if spoken:
        colon = [a for a in spoken if a.colon is not None]
        ctx.direct = (list(colon[-1].speakers), line) if colon else None
        return
    if ctx.direct is None:
        return
    speakers, last = ctx.direct
    if line not in (last, last + 1):
        ctx.direct = None
        return
    ctx.direct = (speakers, line)
    if reading.speakers or reading.quoted:
        return
    if line == last or any(c.kind == "first_person" for c in reading.cues):
        reading.speakers, reading.speaker_how = list(speakers), "continuation"
        reading.colon = reading.sentence.i - 1
        reading.acts = [
            Act(None, "quotation", list(speakers), "continuation", (0, 0), reading.colon)
        ]


def _acts(
    ctx: Context, reading: Reading, previous: Reading | None, verbs: list[Match]
) -> list[Act]:
    """One act per reporting verb. A finite verb's subject is looked for after the verb read
    before it; a participle's is the name right after it ("dile getiren Vaizi"); a converb,
    or a verb with no subject of its own, takes the speaker of the sentence's other acts, or,
    opening the sentence, the speaker of the sentences before (continuity)."""
    acts: list[Act] = []
    colons = [t for t in range(reading.sentence.i, reading.sentence.j) if ctx.doc.words[t] == ":"]
    for verb in verbs:
        if acts and any(acts[-1].verb and acts[-1].verb.j <= t < verb.i for t in colons):
            break  # a verb inside the direct speech after "X said:" is part of what is said
        act = Act(verb, verb.kind)
        if verb.kind == "participle":
            named = [
                c
                for c in subject_candidates(ctx, reading)
                if c[2] in ("mention", "pronoun")
                and 0 <= c[0] - verb.j <= 1
                and (c[3] is None or not is_object(ctx, reading, c[3]))
            ]
            if named and named[0][3] is not None:
                people, how = resolve(ctx, reading, named[0][3])
                if people:
                    act.speakers, act.how, act.subject_span = people, how, named[0][:2]
        elif verb.kind == "finite":
            if any(
                x.kind in ("media", "organization") and verb.j <= x.i <= verb.j + 1
                for x in reading.mentions
            ):
                continue  # "according to IRNA": whose report, not who speaks
            joined = acts and any(c.kind == "conjunctions" and c.j == verb.i for c in reading.cues)
            if joined and acts[-1].speakers:
                act.speakers, act.how = list(acts[-1].speakers), acts[-1].how  # "... and added"
                acts.append(act)
                continue
            scratch = Reading(
                reading.sentence,
                reading.mentions,
                reading.cues,
                reading.quoted,
                speech=verb,
                according_to=reading.according_to,
                attribution=reading.attribution,
                pronoun_referent=reading.pronoun_referent,
                window=max(
                    (a.verb.j for a in acts if a.verb and a.form == "finite"),
                    default=reading.sentence.i,
                ),
            )
            _speaker(ctx, scratch, previous)
            act.speakers, act.how = scratch.speakers, scratch.speaker_how
            act.subject_span, act.colon = scratch.subject_span, scratch.colon
            outer = acts[-1] if acts else None
            if (
                act.how == "agent"
                and outer is not None
                and outer.speakers
                and outer.how != "agent"
                and outer.verb is not None
                and not any(
                    ctx.doc.words[t] in CLAUSE_BREAKS
                    for t in range(outer.verb.j, act.subject_span[0])
                )
            ):
                # "X said Iran stressed ...": the country speaks inside X's statement
                act.speakers, act.how = list(outer.speakers), outer.how
        acts.append(act)
    for k, act in enumerate(acts):
        assert act.verb is not None
        following = acts[k + 1].verb if k + 1 < len(acts) else None
        end = following.i if following is not None else reading.sentence.j
        act.colon = next(
            (
                t
                for t in range(act.verb.j, end)
                if ctx.doc.words[t] == ":" and t not in reading.quoted
            ),
            None,
        )
        if act.speakers:
            continue
        donors = [a for a in reversed(acts[:k]) if a.speakers]
        if act.form != "finite":
            donors += [a for a in acts[k + 1 :] if a.speakers and a.form == "finite"]
        if donors:
            act.speakers, act.how = list(donors[0].speakers), donors[0].how
        elif k == 0 and act.form != "participle" and ctx.current and _opens(ctx, reading, act):
            act.speakers, act.how = list(ctx.current), "continuity"
    return acts


def _opens(ctx: Context, reading: Reading, act: Act) -> bool:
    """Whether a reporting verb has no subject of its own before it in its sentence (it
    opens the sentence, after at most a connective: "وأضاف", "Bildirib ki", "He added")."""
    assert act.verb is not None
    before = [c for c in subject_candidates(ctx, reading) if c[1] <= act.verb.i and c[2] != "agent"]
    words = ctx.doc.words
    that = {c.i for c in reading.cues if c.kind == "complementizers"}
    # what follows is what is said ("وأضاف أن", "Bildirib ki,", "added:"), not a name
    content = any(
        t in that or words[t] == ":" for t in range(act.verb.j, min(act.verb.j + 2, len(words)))
    )
    # or a connective before the verb says the same speaker goes on ("كما رحب", "He also")
    going_on = any(c.kind == "turn_markers" and c.j == act.verb.i for c in reading.cues)
    return not before and act.verb.i - reading.sentence.i <= 3 and (content or going_on)


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


def _genitive(ctx: Context) -> tuple[str, ...]:
    """Genitive endings of the language (a country so ended owns something: not a subject)."""
    return tuple(str(g) for g in ctx.matcher.lexicon.get("genitive_endings") or []) or ("\0",)


def _modifies_a_title(reading: Reading, end: int) -> bool:
    """Whether a title, an office or a person follows within a few tokens of a country."""
    return any(
        c.kind in ("title", "role") and 0 <= c.i - end <= TITLE_GAP for c in reading.cues
    ) or any(
        x.kind in PEOPLE + ("office",) and 0 <= x.i - end <= TITLE_GAP for x in reading.mentions
    )


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
        if (c[3] is None or not is_object(ctx, reading, c[3])) and c[0] >= reading.window
    ]
    speech = reading.speech
    chosen = None
    conjunctions = {t for c in reading.cues if c.kind == "conjunctions" for t in range(c.i, c.j)}
    if speech is not None:
        before = [c for c in candidates if c[1] <= speech.i or (c[0] <= speech.i < c[1])]
        content = min(
            (
                c.i
                for c in reading.cues
                if c.kind == "complementizers" and c.i >= speech.j and c.i not in reading.quoted
            ),
            default=reading.sentence.j,
        )
        # after the verb (VSO, "said X"): a person within a few words, an agent right after
        # it; never in the content after "that"
        after = [
            c
            for c in candidates
            if speech.j <= c[0] < content
            and c[0] - speech.j <= (SUBJECT_AFTER if c[2] != "agent" else 1)
            and ":" not in ctx.doc.words[speech.j : c[0]]
        ]
        people_before = [c for c in before if c[2] != "agent"]
        if people_before:
            chosen = people_before[0]
        elif ctx.matcher.lexicon.get("verb_final"):
            # subject, content, verb: an agent is the subject only opening the clause, and not
            # as the country of a title or name after it ("İran'ın ... büyükelçisi X")
            if (
                before
                and before[0][0] - reading.window <= AGENT_GAP
                and not _modifies_a_title(reading, before[0][1])
                and not ctx.doc.words[before[0][1] - 1].endswith(_genitive(ctx))
            ):
                chosen = before[0]
        elif (
            before
            and speech.i - before[-1][1] <= AGENT_GAP
            and not any(
                ctx.doc.words[t] in CLAUSE_BREAKS or t in conjunctions
                for t in range(before[-1][1], speech.i)
            )
        ):
            chosen = before[-1]  # an agent right before the verb ("Iran's foreign ministry said")
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
            and (
                previous.sentence.line == reading.sentence.line
                and (
                    reading.quoted
                    or previous.colon is not None
                    or previous.speaker_how == "continuation"
                )
                # direct speech after a colon goes on in the next paragraph ("We ...")
                or previous.sentence.line + 1 == reading.sentence.line
                and previous.colon is not None
                and any(c.kind == "first_person" for c in reading.cues)
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
            # no meeting read: the last two people the article named
            group = list(dict.fromkeys(reversed(ctx.subjects + ctx.recent)))[:2]
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
