"""The stance of a statement (stances.ttl): the one of the verb that says the clause when it
is more than a saying, else the clause's own stance cues (a frame such as readiness or hope
first), else cues around it, else "affirms"; a position's default stance (positions.ttl:
kb:defaultStance, kb:admitsStance) replaces a stance it does not admit, or a mere affirming.
"""

from __future__ import annotations

from .mentions import Match
from .reading import Act, Context, Reading

# Stances that say how the speaker holds what the rest of a clause says ("ready to contribute",
# "hope for the support of", "must support", "has no intention of joining operations against"):
# in a clause with other stance cues, they decide.
FRAMES = ("hopes", "offers", "calls-for", "rejects")
BEFORE = 12  # tokens: the farthest a cue before a clause may stand and still be its stance
PUNCTUATION = frozenset('.,;:!?،؛؟()"«»“”—–')


def stance_of(
    ctx: Context, reading: Reading, cue: Match, span: tuple[int, int], act: Act | None = None
) -> tuple[str, str, float]:
    """The stance of a topic, with the rule that decided and a confidence: what the text says
    (``stated``), unless the position admits no such stance or the text only affirms it and the
    position has a default stance of its own (positions.ttl: kb:admitsStance, kb:defaultStance)."""
    stance, rule, confidence = stated(ctx, reading, cue, span, act)
    concept = str(cue.payload)
    default = ctx.model.default_stance.get(concept)
    admits = ctx.model.admits_stance.get(concept)
    if default and ((admits and stance not in admits) or stance == "affirms"):
        return default, "stance-of-position", confidence
    return stance, rule, confidence


def stated(
    ctx: Context, reading: Reading, cue: Match, span: tuple[int, int], act: Act | None = None
) -> tuple[str, str, float]:
    """The stance of the verb that says the clause (the act's), when it is more than a saying
    and the clause is not a quotation; else a frame just before the clause, with no
    punctuation between ("has no intention of joining operations that threaten"); else the
    stance cue of the clause nearest the topic, a frame first ("ready to contribute": FRAMES;
    in a verb-final language the verb that closes the clause is in it: "X گفت ایران از ...
    حمایت می‌کند", and the last cue other than the act's verb decides, as the clause's
    predicate: "... destekten dolayı memnuniyet duyduğunu"); else the act's verb's; else one
    just before the clause that is no other act's verb ("welcomed X and said that Y": Y is not
    welcomed; none in a verb-final language, where it ends the clause before); else, for an
    act with no verb (a quotation), the sentence's reporting verb's; else "affirms". A cue
    inside a longer one is part of it ("supports" in "does not support")."""
    stances = _whole_cues([c for c in reading.cues if c.kind == "stance"])
    closing = span[1] if ctx.matcher.lexicon.get("verb_final") else -1
    in_clause = [
        c for c in stances if span[0] <= c.i and (c.j <= span[1] or c.i <= closing)
    ]  # a verb-final clause's cue may run into its verb ("... hazır olduğunu söyledi")
    own = verb_cue(reading, act)
    if own is not None and own.payload != "affirms" and span[0] not in reading.quoted:
        return own.payload, "stance-verb", 0.75
    before = _cues_before(ctx, reading, act, stances, span)
    leading = [c for c in before if c.payload in FRAMES and _unbroken(ctx, reading, c.j, span[0])]
    if leading:  # "hope that the meeting is held as soon as possible": the frame takes it all
        return max(leading, key=lambda c: c.i).payload, "stance-frame-before", 0.7
    framing = [c for c in in_clause if c.payload in FRAMES]
    if framing:  # "ready to contribute to", "hope for support of": the frame decides
        return min(framing, key=lambda c: abs(c.i - cue.i)).payload, "stance-cue", 0.75
    if in_clause and closing >= 0:  # the predicate closes a verb-final clause and governs it
        said = [c for c in in_clause if own is None or not (own.i <= c.i < own.j)] or in_clause
        return max(said, key=lambda c: c.j).payload, "stance-cue", 0.75
    if in_clause:
        return min(in_clause, key=lambda c: abs(c.i - cue.i)).payload, "stance-cue", 0.75
    if own is not None:
        return own.payload, "stance-verb", 0.7
    if before:
        return max(before, key=lambda c: c.i).payload, "stance-cue-before", 0.65
    # the sentence's reporting verb, for an act with no verb of its own (a quotation)
    speech = reading.speech if act is None or act.verb is None else None
    near = [c for c in stances if speech and abs(c.i - speech.i) <= 2]
    if near:
        return near[0].payload, "stance-verb", 0.6
    return "affirms", "stance-default", 0.45


def _cues_before(
    ctx: Context, reading: Reading, act: Act | None, stances: list[Match], span: tuple[int, int]
) -> list[Match]:
    """The stance cues just before a clause that are no other act's verb; none in a
    verb-final language, where a cue before a clause ends the one before."""
    if ctx.matcher.lexicon.get("verb_final"):
        return []
    others = [a.verb for a in reading.acts if a is not act and a.verb is not None]
    return [
        c
        for c in stances
        if span[0] - BEFORE <= c.i < span[0]
        and not (act is not None and any(v.i <= c.i < v.j for v in others))
    ]


def _unbroken(ctx: Context, reading: Reading, i: int, j: int) -> bool:
    """Whether no punctuation or "and" stands between tokens i and j (a frame reaches that
    far: "is ready to help and that Tehran supports X" is two things said)."""
    words = ctx.doc.words
    joins = {
        t
        for c in reading.cues
        if c.kind == "conjunctions"
        for t in range(c.i, c.j)
        if words[t].isalpha()
    }
    return not any(w in PUNCTUATION for w in words[i:j]) and not joins & set(range(i, j))


def _whole_cues(cues: list[Match]) -> list[Match]:
    """The cues that no longer cue holds."""
    return [
        c
        for c in cues
        if not any(o.i <= c.i and c.j <= o.j and o.j - o.i > c.j - c.i for o in cues)
    ]


def verb_stance(reading: Reading, act: Act, stances: tuple[str, ...] = ()) -> bool:
    """Whether the act's verb is a stance of its own ("hopes", "welcomed", "выступили за"),
    not "noted" (one of ``stances``, where given)."""
    found = verb_cue(reading, act)
    return (
        found is not None
        and found.payload != "affirms"
        and (not stances or found.payload in stances)
    )


def verb_cue(reading: Reading, act: Act | None) -> Match | None:
    """The stance cue that starts on the act's own verb ("welcomed", "expressed hope",
    "призвал", "خواستار"), wherever the verb stands: before its content or after it."""
    if act is None or act.verb is None:
        return None
    verb = act.verb
    return next((c for c in reading.cues if c.kind == "stance" and verb.i <= c.i < verb.j), None)
