"""Stated positions: for each sentence with a speaker, every topic cue (positions.ttl) makes
a statement; its quote is the clause around the cue (the smallest span that carries the
position, bounded by quotation marks, reporting verbs and "that"), its stance the stance cue
(stances.ttl) nearest the topic cue, else the reporting verb's, else "affirms".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .attribution import Context, Reading
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


def positions_in(ctx: Context, reading: Reading) -> list[Position]:
    if not reading.speakers:
        return []
    if reading.speech is None and not reading.continuation:
        return []
    subject = reading.subject_span
    topics = [c for c in reading.cues if c.kind == "topic" and not (subject[0] <= c.i < subject[1])]
    topics = _narrowest(ctx, topics)
    stances = [c for c in reading.cues if c.kind == "stance"]
    out: list[Position] = []
    seen: dict[tuple[str, tuple[int, int]], Position] = {}
    for cue in topics:
        span = _clause(ctx, reading, cue)
        key = (cue.payload, span)
        if key in seen:
            continue
        in_clause = [c for c in stances if span[0] <= c.i and c.j <= span[1]]
        if not in_clause and any(
            c.kind == "discussion_verbs"
            and span[0] <= c.i < span[1] + 2
            and cue.i - NEAR <= c.i <= cue.j + NEAR
            for c in reading.cues
        ):
            continue  # "the sides discussed military cooperation": a subject of talks, no stance
        rules = ["topic-cue", f"speaker-{reading.speaker_how or 'name'}"]
        if in_clause:
            stance = min(in_clause, key=lambda c: abs(c.i - cue.i)).payload
            rules.append("stance-cue")
            confidence = 0.75
        elif [c for c in stances if span[0] - 12 <= c.i < span[0]]:
            stance = max(
                (c for c in stances if span[0] - 12 <= c.i < span[0]), key=lambda c: c.i
            ).payload
            rules.append("stance-cue-before")
            confidence = 0.65
        else:
            near = [c for c in stances if reading.speech and abs(c.i - reading.speech.i) <= 2]
            stance = near[0].payload if near else "affirms"
            rules.append("stance-verb" if near else "stance-default")
            confidence = 0.6 if near else 0.45
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
