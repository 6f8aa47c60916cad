"""Stated positions: for each sentence with a speaker, every topic cue (positions.ttl) makes
a statement; its quote is the clause around the cue (the smallest span that carries the
position, bounded by quotation marks, reporting verbs and "that"), its stance the stance cue
(stances.ttl) nearest the topic cue, else the reporting verb's, else "affirms".

A sentence that reports speech (a reporting verb, a quotation, speech after a colon) by a
resolved speaker but names no topic still states something: it makes one statement of the
concept ``unclassified`` (a curator assigns the topic), with a low confidence; its quote is
what was said (the complement after the verb, the quoted span, the words after the colon).
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
UNCLASSIFIED = "unclassified"  # pos:unclassified: stated, topic not yet assigned
UNCLASSIFIED_CONFIDENCE = 0.3
MAX_SAID = 45  # tokens: the longest quote of an unclassified statement
MIN_SAID = 3  # words: the shortest
ENDS = (".", ";", "؛", "!", "?", "؟")
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
    if not topics:
        said = _unclassified(ctx, reading)
        return out + ([said] if said is not None else [])
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


def _unclassified(ctx: Context, reading: Reading) -> Position | None:
    """The statement of a sentence that reports speech but names no topic (see module doc)."""
    found = _said(ctx, reading)
    if found is None:
        return None
    span, how = found
    direct = (
        span[0] in reading.quoted
        or (reading.colon is not None and span[0] > reading.colon)
        or (reading.speaker_how == "continuation" and bool(reading.quoted))
    )
    stance, rule, _ = _stated(ctx, reading, Match("said", None, span[0], span[1]), span)
    confidence = UNCLASSIFIED_CONFIDENCE - (
        0.1 if reading.speaker_how in ("pronoun", "role", "counterpart", "continuation") else 0.0
    )
    return Position(
        list(reading.speakers),
        UNCLASSIFIED,
        stance,
        span,
        direct,
        reading,
        [
            f"unclassified-{how}",
            f"speaker-{reading.speaker_how or 'name'}",
            rule,
            "speech-direct" if direct else "speech-reported",
        ],
        round(confidence, 2),
    )


def _said(ctx: Context, reading: Reading) -> tuple[tuple[int, int], str] | None:
    """What a reporting construction says, as a token span, and which construction it is:
    the words after a colon, the quotation before the verb ("«...», – said X"), the complement
    after the verb ("said that ..."), else the words between the subject and a final verb
    ("X ... dedi"), else the words before the subject ("..., the ministry said")."""
    s = reading.sentence
    words = ctx.doc.words
    runs = _quoted_runs(reading)
    verb = (
        reading.speech
        if reading.speech is not None and reading.speech.i not in reading.quoted
        else None
    )
    candidates: list[tuple[tuple[int, int], str]] = []
    if reading.colon is not None and reading.colon + 1 < s.j:
        candidates.append(((reading.colon + 1, s.j), "colon"))
    if verb is not None:
        subject = reading.subject_span
        has_subject = subject[1] > subject[0]
        before = [r for r in runs if r[1] <= verb.i and (not has_subject or r[1] <= subject[0])]
        if before:
            candidates.append((before[-1], "quotation"))
        start = verb.j
        if has_subject and 0 <= subject[0] - verb.j <= 2:
            start = subject[1]  # "به گفته X، ...", "said X that ..."
        that = [
            c.j
            for c in reading.cues
            if c.kind == "complementizers"
            and start <= c.i <= start + 4
            and c.i not in reading.quoted
        ]
        if that:
            start = that[0]  # "told journalists that ..."
        candidates.append(((start, _said_end(ctx, reading, start)), "speech-verb"))
        if has_subject and subject[1] <= verb.i:
            candidates.append(((subject[1], verb.i), "speech-verb"))
            if subject[0] > s.i and words[subject[0] - 1] in SOFT + ("-", "–", "—", "»", "”", '"'):
                candidates.append(((s.i, subject[0]), "speech-verb"))  # "..., the ministry said"
        else:
            candidates.append(((s.i, verb.i), "speech-verb"))
    elif reading.continuation and runs:
        candidates.append((max(runs, key=lambda r: r[1] - r[0]), "quotation"))
    for span, how in candidates:
        trimmed = _trim(ctx, reading, span)
        if trimmed is None:
            continue
        if _reports_meeting(reading, trimmed):
            return None
        if verb is None and not any(
            c.kind == "stance" and trimmed[0] <= c.i < trimmed[1] for c in reading.cues
        ):
            return None  # a further sentence of an answer or quotation: only with a stance cue
        return trimmed, how
    return None


def _reports_meeting(reading: Reading, span: tuple[int, int]) -> bool:
    """ "..., the ministry said, while X met Y": what is said reports a meeting, no position."""
    weak = {(c.i, c.j) for c in reading.cues if c.kind == "weak_triggers"}
    return any(
        c.kind == "meeting_triggers"
        and (c.i, c.j) not in weak
        and span[0] <= c.i < span[1]
        and c.i not in reading.quoted
        for c in reading.cues
    )


def _quoted_runs(reading: Reading) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for t in sorted(reading.quoted):
        if runs and runs[-1][1] == t:
            runs[-1] = (runs[-1][0], t + 1)
        else:
            runs.append((t, t + 1))
    return runs


def _said_end(ctx: Context, reading: Reading, start: int) -> int:
    """Where the complement of a reporting verb ends: the sentence's end, a semicolon, or the
    next reporting verb joined by "and" or a comma ("... and called for ...")."""
    words = ctx.doc.words
    joined = {c.j for c in reading.cues if c.kind == "conjunctions"}
    verbs = {
        c.i
        for c in reading.cues
        if c.kind in ("speech_verbs", "addressed_verbs")
        and c.i > start
        and c.i not in reading.quoted
        and (c.i in joined or words[c.i - 1] in SOFT)
    }
    for t in range(start, reading.sentence.j):
        if t in verbs or (words[t] in ENDS and not initial_stop(ctx.doc, t)):
            return t
    return reading.sentence.j


def _trim(ctx: Context, reading: Reading, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span without punctuation, "that" and "and" at its edges, cut to MAX_SAID tokens at a
    comma; None when fewer than MIN_SAID words are left."""
    words = ctx.doc.words
    edge = {
        c.i: c.j
        for c in reading.cues
        if c.kind in ("complementizers", "conjunctions") and span[0] <= c.i < span[1]
    }
    lo, hi = span
    while lo < hi and (words[lo] in SOFT or words[lo] in HARD or words[lo] in "-–—" or lo in edge):
        lo = edge.get(lo, lo + 1)
    while hi > lo and (words[hi - 1] in SOFT or words[hi - 1] in HARD or words[hi - 1] in "-–—"):
        hi -= 1
    while hi > lo and any(c.kind == "conjunctions" and c.j == hi for c in reading.cues):
        hi = next(c.i for c in reading.cues if c.kind == "conjunctions" and c.j == hi)
    if hi - lo > MAX_SAID:
        cut = [t for t in range(lo + MIN_SAID, lo + MAX_SAID) if words[t] in SOFT]
        hi = cut[-1] if cut else lo + MAX_SAID
    if sum(1 for t in range(lo, hi) if words[t][:1].isalnum()) < MIN_SAID:
        return None
    return lo, hi
