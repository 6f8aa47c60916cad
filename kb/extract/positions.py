"""Stated positions: for each sentence with a speaker, every topic cue (positions.ttl) makes
a statement; its quote is the clause around the cue (the smallest span that carries the
position, bounded by quotation marks, reporting verbs and "that"), its stance the stance cue
(stances.ttl) nearest the topic cue, else the reporting verb's, else "affirms".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .attribution import Context, Reading, resolve
from .mentions import Match
from .segment import initial_stop

BOUNDARY_WORDS = (".", ";", ":", "«", "»", "“", "”", '"', "؛", "!", "?", "؟", "(", ")")
BOUNDARY_KINDS = ("speech_verbs", "complementizers", "addressed_verbs")
SOFT = (",", "،")
MAX_CLAUSE = 30
NEAR = 8  # tokens: how close a discussion verb must be to a topic cue to govern it


@dataclass
class Position:
    speakers: list[str]
    concept: str
    stance: str
    span: tuple[int, int]  # tokens
    direct: bool
    reading: Reading
    rules: list[str] = field(default_factory=list)
    confidence: float = 0.6


def _clause(ctx: Context, reading: Reading, cue: Match) -> tuple[int, int]:
    words = ctx.doc.words
    s = reading.sentence
    bounds = {c.i for c in reading.cues if c.kind in BOUNDARY_KINDS} | {
        c.j for c in reading.cues if c.kind in BOUNDARY_KINDS
    }

    def boundary(t: int) -> bool:
        return words[t] in BOUNDARY_WORDS and not initial_stop(ctx.doc, t)

    lo = cue.i
    while lo > s.i and not boundary(lo - 1) and lo not in bounds:
        lo -= 1
    hi = cue.j
    while hi < s.j and not boundary(hi) and hi not in bounds:
        hi += 1
    if (
        reading.subject_span[1] > lo
        and reading.subject_span[0] <= cue.i
        and reading.subject_span[1] <= cue.i
    ):
        lo = reading.subject_span[1]
    if hi - lo > MAX_CLAUSE:
        left = max((t for t in range(lo, cue.i) if words[t] in SOFT), default=lo - 1) + 1
        right = min((t for t in range(cue.j, hi) if words[t] in SOFT), default=hi)
        lo, hi = left, right
    while lo < cue.i and (
        words[lo] in SOFT or any(c.kind == "conjunctions" and c.i == lo for c in reading.cues)
    ):
        lo += 1
    while hi > cue.j and (
        words[hi - 1] in SOFT or any(c.kind == "conjunctions" and c.j == hi for c in reading.cues)
    ):
        hi -= 1
    return lo, hi


HARD = (".", ";", ":", "،", ",", "!", "?", "؟", "؛")


def _unbroken(ctx: Context, i: int, j: int) -> bool:
    """Whether no punctuation separates tokens i..j-1 (the same phrase)."""
    return not any(ctx.doc.words[t] in HARD and not initial_stop(ctx.doc, t) for t in range(i, j))


def _nominal(ctx: Context, reading: Reading, cue: Match) -> tuple[Match, str, int] | None:
    """A position held by someone named in a nominal phrase before it ("تاکید رهبر انقلاب به
    ...", the leader's emphasis on ...): the noun, its holder, and where the holder's name ends."""
    for noun in reversed([c for c in reading.cues if c.kind == "nominal_speech" and c.j <= cue.i]):
        if not _unbroken(ctx, noun.i, cue.i):
            continue
        holder = next(
            (x for x in reading.mentions if x.i == noun.j and x.j <= cue.i and not x.attached),
            None,
        )
        if holder is None:
            continue
        people, _ = resolve(ctx, reading, holder)
        if people:
            return noun, people[0], holder.j
    return None


def _background(ctx: Context, reading: Reading, cue: Match) -> bool:
    """A topic inside a "given ..." phrase is the reason for what is said, not a statement."""
    return any(
        c.kind == "background_markers" and c.j <= cue.i and _unbroken(ctx, c.i, cue.i)
        for c in reading.cues
    )


def positions_in(ctx: Context, reading: Reading) -> list[Position]:
    subject = reading.subject_span
    topics = [c for c in reading.cues if c.kind == "topic" and not (subject[0] <= c.i < subject[1])]
    topics = _narrowest(ctx, topics)
    out: list[Position] = []
    nominal: dict[int, tuple[Match, str, int]] = {}
    for cue in topics:
        held = _nominal(ctx, reading, cue)
        if held is not None and cue.i not in reading.quoted:
            nominal[id(cue)] = held
            noun, holder, _ = held
            span = (noun.i, _clause(ctx, reading, cue)[1])
            stance = _stance(ctx, reading, cue, span)[0]
            out.append(
                Position(
                    [holder],
                    cue.payload,
                    stance,
                    span,
                    False,
                    reading,
                    ["topic-cue", "speaker-nominal", "speech-reported"],
                    0.5,
                )
            )
    if not reading.speakers:
        return out
    if reading.speech is None and not reading.continuation:
        return out
    topics = [c for c in topics if id(c) not in nominal and not _background(ctx, reading, c)]
    stances = [c for c in reading.cues if c.kind == "stance"]
    seen: dict[tuple[str, tuple[int, int]], Position] = {}
    firsts: dict[tuple[int, int], Match] = {}
    for cue in topics:
        span = _clause(ctx, reading, cue)
        key = (cue.payload, span)
        if key in seen or _same_phrase(ctx, reading, firsts.get(span), cue):
            continue
        firsts.setdefault(span, cue)
        in_clause = [c for c in stances if span[0] <= c.i and c.j <= span[1]]
        if not in_clause and any(
            c.kind == "discussion_verbs"
            and span[0] <= c.i < span[1] + 2
            and cue.i - NEAR <= c.i <= cue.j + NEAR
            for c in reading.cues
        ):
            continue  # "the sides discussed military cooperation": a subject of talks, no stance
        rules = ["topic-cue", f"speaker-{reading.speaker_how or 'name'}"]
        stance, rule, confidence = _stance(ctx, reading, cue, span)
        rules.append(rule)
        direct = (
            span[0] in reading.quoted
            or (reading.colon is not None and span[0] > reading.colon)
            or reading.speaker_how == "continuation"
            and bool(reading.quoted)
        )
        rules.append("speech-direct" if direct else "speech-reported")
        if reading.speaker_how in ("pronoun", "role", "counterpart", "sides", "continuation"):
            confidence -= 0.1
        position = Position(
            list(reading.speakers),
            cue.payload,
            stance,
            span,
            direct,
            reading,
            rules,
            round(confidence, 2),
        )
        seen[key] = position
        out.append(position)
    return out


def _same_phrase(ctx: Context, reading: Reading, first: Match | None, cue: Match) -> bool:
    """A second topic in the first's clause with no comma or "and" between them ("the corridor
    is an obstacle to a peace agreement") is part of the same statement, about the first."""
    if first is None or first.j > cue.i:
        return False
    conjunctions = {c.i for c in reading.cues if c.kind == "conjunctions"}
    return not any(
        t in conjunctions or ctx.doc.words[t] in SOFT or ctx.doc.words[t] in HARD
        for t in range(first.j, cue.i)
    )


def _stance(
    ctx: Context, reading: Reading, cue: Match, span: tuple[int, int]
) -> tuple[str, str, float]:
    """The stance of a topic, with the rule that decided and a confidence: what the text says
    (_stated), unless the position admits no such stance or the text only affirms it and the
    position has a default stance of its own (positions.ttl: kb:admitsStance, kb:defaultStance)."""
    stance, rule, confidence = _stated(ctx, reading, cue, span)
    concept = str(cue.payload)
    default = ctx.model.default_stance.get(concept)
    admits = ctx.model.admits_stance.get(concept)
    if default and ((admits and stance not in admits) or stance == "affirms"):
        return default, "stance-of-position", confidence
    return stance, rule, confidence


def _stated(
    ctx: Context, reading: Reading, cue: Match, span: tuple[int, int]
) -> tuple[str, str, float]:
    """The stance cue nearest the topic in its clause, else just before the clause, else the
    reporting verb's, else "affirms"."""
    stances = [c for c in reading.cues if c.kind == "stance"]
    in_clause = [c for c in stances if span[0] <= c.i and c.j <= span[1]]
    if in_clause:
        return min(in_clause, key=lambda c: abs(c.i - cue.i)).payload, "stance-cue", 0.75
    before = [c for c in stances if span[0] - 12 <= c.i < span[0]]
    if before:
        return max(before, key=lambda c: c.i).payload, "stance-cue-before", 0.65
    near = [c for c in stances if reading.speech and abs(c.i - reading.speech.i) <= 2]
    if near:
        return near[0].payload, "stance-verb", 0.6
    return "affirms", "stance-default", 0.45


def _narrowest(ctx: Context, topics: list[Match]) -> list[Match]:
    """A broader concept's cue inside a narrower concept's cue is the same statement."""
    out = []
    for cue in topics:
        broader_of_other = any(
            ctx.model.broader.get(other.payload) == cue.payload
            and other.i <= cue.i
            and cue.j <= other.j
            for other in topics
            if other is not cue
        )
        inside_same = any(
            other.payload == cue.payload
            and other.i <= cue.i
            and cue.j <= other.j
            and (other.j - other.i) > (cue.j - cue.i)
            for other in topics
        )
        if not broader_of_other and not inside_same:
            out.append(cue)
    return out
