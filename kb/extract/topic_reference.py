"""The topic of a content clause that names none but refers to one: "expressed confidence that
this project will ...", "цей конфлікт досі не врегульований". The clause holds a phrase of the
language's ``topic_references`` (a demonstrative and a general noun: "цей конфлікт"); its
topic is that of the nearest topic cue before it, in the same sentence outside the clause (the
framing: "touched upon the North-South corridor and ...") or in the two sentences before (a
back-reference), or that of an earlier referring phrase that near ("... that conflict ... .
This conflict ..."). A clause with no such phrase takes the topic a phrase of
``topic_framers`` names before it ("Speaking about the corridor, X said that ..."); with
neither it keeps no topic: nothing is guessed from the article's other topics.
"""

from __future__ import annotations

from .phrases import Match
from .reading import Context, Reading
from .segment import ends_sentence, sentence_ends_between, unbroken

FRAMING = "topic-framing"  # the rule of a topic named in the sentence outside the clause
BACK_REFERENCE = "topic-back-reference"  # the rule of a topic of the sentences before
FRAMING_CONFIDENCE = 0.45
BACK_REFERENCE_CONFIDENCE = 0.4
BACK_SENTENCES = 2  # how many sentences back a referring phrase may reach
HOPS = 2  # how many earlier referring phrases a back-reference may go through
FRAMER_TO_CUE = 4  # tokens: the farthest a topic cue follows a framing phrase ("speaking of the")


def referred_topic(ctx: Context, reading: Reading, span: tuple[int, int]) -> tuple[str, str] | None:
    """The concept a clause with no topic cue refers to, and the rule that found it: None
    unless the clause holds a referring phrase."""
    start = _last_reference(ctx, span)
    if start is None:
        return _framed(ctx, reading, span)
    s = reading.sentence
    subject = reading.subject_span
    framing = [
        c
        for c in reading.cues
        if c.kind == "topic"
        and s.i <= c.i
        and c.j <= start
        and not (span[0] <= c.i < span[1])
        and not (subject[0] <= c.i < subject[1])
    ]
    if framing:
        return _nearest(framing).payload, FRAMING
    concept = _told_before(ctx, s.i, HOPS)
    return (concept, BACK_REFERENCE) if concept is not None else None


def _framed(ctx: Context, reading: Reading, span: tuple[int, int]) -> tuple[str, str] | None:
    """The topic a phrase of the language's ``topic_framers`` puts before the clause: the cue a
    few words after it, no punctuation between ("Speaking about the North-South corridor, X
    said that ...", "Говоря о мирном процессе, X отметил, что ..."), or right before it, as a
    postposition ("Şimal-Cənub dəhlizinə toxunaraq ...")."""
    s = reading.sentence
    before = _starts(ctx, (s.i, span[0]), "topic_framers")
    after = _starts(ctx, (s.i, span[0]), "topic_postpositions")
    cues = [
        c
        for c in reading.cues
        if c.kind == "topic"
        and c.j <= span[0]
        and (
            any(0 <= c.i - f <= FRAMER_TO_CUE and unbroken(ctx.doc, f, c.i) for f in before)
            or any(c.j <= f <= c.j + 1 for f in after)
        )
    ]
    return (_nearest(cues).payload, FRAMING) if cues else None


def _told_before(ctx: Context, t: int, hops: int) -> str | None:
    """The concept of the nearest topic cue at most BACK_SENTENCES sentences before token t,
    or, through a referring phrase that near ("... the conflict ... . This conflict ..."), the
    concept that phrase refers to, over at most ``hops`` such phrases."""
    before = [c for c in ctx.found.cues if c.kind == "topic" and c.j <= t]
    if before and sentence_ends_between(ctx.doc, _nearest(before).j, t) <= BACK_SENTENCES:
        return str(_nearest(before).payload)
    lo = _sentences_back(ctx, t)
    phrase = _last_reference(ctx, (lo, t))
    if phrase is None or hops == 0:
        return None
    return _told_before(ctx, _sentence_start(ctx, phrase), hops - 1)


def _sentences_back(ctx: Context, t: int) -> int:
    """The first token of the sentence BACK_SENTENCES before the one at token t."""
    ends = 0
    k = t
    while k > 0:
        k -= 1
        if ends_sentence(ctx.doc, k):
            ends += 1
            if ends > BACK_SENTENCES:
                return k + 1
    return 0


def _sentence_start(ctx: Context, t: int) -> int:
    k = t
    while k > 0 and not ends_sentence(ctx.doc, k - 1):
        k -= 1
    return k


def _nearest(cues: list[Match]) -> Match:
    """The cue that ends last, the longest of those (the narrower topic of nested cues)."""
    return max(cues, key=lambda c: (c.j, c.j - c.i))


def _last_reference(ctx: Context, span: tuple[int, int]) -> int | None:
    """Where the last referring phrase of a span (a ``topic_references`` phrase) starts."""
    return max(_starts(ctx, span, "topic_references"), default=None)


def _starts(ctx: Context, span: tuple[int, int], kind: str) -> list[int]:
    """Where the phrases of a lexicon list (matched as every cue is, by form or lemma) start
    in a span."""
    return [c.i for c in ctx.found.cues if c.kind == kind and span[0] <= c.i and c.j <= span[1]]
