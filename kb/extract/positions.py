"""Stated positions: one statement per reporting act of a sentence (attribution.Act: a
finite verb, a converb, a participle, or a sentence of a quoted block) and per content clause
of it, for each speaker of the act.

The content of an act is what it reports (``_content``): the words after its colon, the
quotation before it ("«...», – said X"), the clause after "that", in a verb-final language the
clause before the verb, else the words after the verb or before its subject ("..., the ministry
said"). A content span is cut at nominalised clauses joined by "and" ("...geliştiğini ve
...gösterdiğini") and at semicolons. Each topic cue (positions.ttl) in a clause makes a
statement whose quote is the clause (the quotation inside it, when the topic is quoted); its
stance is chosen by kb.extract.stance (the act's own verb when it is more than a saying, else
the clause's stance cues, ...).

A clause with no topic cue still states something where the text is political (a stance cue or
a country in it, a verb that is a stance, or an article with topic cues or meetings): one
statement of ``unclassified`` for a curator to classify, with a low confidence. Weaker speaker
rules (pronoun, role, sides, continuity) lower the confidence too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .mentions import Match
from .normalize import lexicon_phrases, normalizer
from .quotations import marks
from .reading import Act, Context, Reading, conjunction_tokens, resolve
from .segment import CLAUSE_MARKS, initial_stop, unbroken
from .stance import FRAMES, stance_of, stated, verb_stance
from .topic_reference import (
    BACK_REFERENCE_CONFIDENCE,
    FRAMING,
    FRAMING_CONFIDENCE,
    referred_topic,
)
from .truncation import cut_short
from .verb_final import (
    anaphoric,
    announces,
    content_before,
    content_start,
    converb_clause,
    frame_closed,
    inner_content,
    opens_quotation,
    quotation_after,
    quoted_after_subject,
    settings,
)

BOUNDARY_WORDS = (".", ";", ":", "«", "»", "“", "”", '"', "؛", "!", "?", "؟", "(", ")")
BOUNDARY_KINDS = ("speech_verbs", "complementizers", "addressed_verbs")
SOFT = (",", "،")
MAX_CLAUSE = 30
UNCLASSIFIED = "unclassified"  # pos:unclassified: stated, topic not yet assigned
UNCLASSIFIED_CONFIDENCE = 0.3
HOPES = ("hopes",)  # the stance of a verb whose content may be talks to come ("hoped the talks")
MAX_SAID = 45  # tokens: the longest quote of an unclassified statement
MIN_SAID = 3  # words: the shortest
TRAILING_SUBJECT = (
    3  # words: the longest subject of a later verb after a comma ("..., officials said")
)
# words: the shortest unclassified statement outside quotation marks ("In this regard", "You
# are welcome" are no positions; a quoted phrase may be shorter: «...»)
MIN_UNCLASSIFIED = 4
ENDS = (".", ";", "؛", "!", "?", "؟")
CLAUSE_ENDS = (";", "؛")
THAT_AFTER = 16  # tokens: the farthest "that" follows a reporting verb ("said at the talks that")
SETTING_SPAN = 16  # tokens: the longest setting before what a verb says ("في اتصال هاتفي مع ...")
THAT_NEAR = 4  # tokens: "that" so close after a verb introduces its content ("said later, that")
QUOTE_TO_VERB = 10  # tokens: the farthest a reporting verb follows the quotation it reports
DASHES = ("-", "–", "—")
NEAR = 8  # tokens: how close a discussion verb must be to a topic cue to govern it
# Stances that judge what they are about: a verb of one judging talks or a meeting ("welcomed
# the peace talks") states a position, where another verb's content reporting a meeting does not.
EVALUATIVE = ("welcomes", "supports", "opposes", "rejects")


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
    if cue.i not in reading.quoted and hi + 1 < s.j and hi + 1 in reading.quoted:
        # the clause goes on in a quotation: "wanted relations to "reach a new level""
        while hi + 1 < s.j and hi + 1 in reading.quoted:
            hi += 1
        hi = min(hi + 2, s.j)  # and its closing mark
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


def _nominal(ctx: Context, reading: Reading, cue: Match) -> tuple[Match, str, int] | None:
    """A position held by someone named in a nominal phrase before it ("تاکید رهبر انقلاب به
    ...", the leader's emphasis on ...): the noun, its holder, and where the holder's name ends."""
    for noun in reversed([c for c in reading.cues if c.kind == "nominal_speech" and c.j <= cue.i]):
        if not unbroken(ctx.doc, noun.i, cue.i):
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
        c.kind == "background_markers" and c.j <= cue.i and unbroken(ctx.doc, c.i, cue.i)
        for c in reading.cues
    )


def positions_in(ctx: Context, reading: Reading) -> list[Position]:
    """The statements of a sentence: one per reporting act and content clause (and topic),
    plus the positions held in nominal phrases ("the leader's emphasis on ...")."""
    subject = reading.subject_span
    topics = [c for c in reading.cues if c.kind == "topic" and not (subject[0] <= c.i < subject[1])]
    topics = _narrowest(ctx, topics)
    out: list[Position] = []
    nominal: set[int] = set()
    for cue in topics:
        held = _nominal(ctx, reading, cue)
        if held is not None and cue.i not in reading.quoted:
            nominal.add(id(cue))
            noun, holder, _ = held
            span = (noun.i, _clause(ctx, reading, cue)[1])
            stance = stance_of(ctx, reading, cue, span)[0]
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
    topics = [c for c in topics if id(c) not in nominal and not _background(ctx, reading, c)]
    seen: set[tuple[str, tuple[int, int], tuple[str, ...]]] = set()
    merged: set[int] = set()
    for k, act in enumerate(reading.acts):
        if not act.speakers or k in merged:
            continue
        found = _content(ctx, reading, k)
        if found is None:
            continue
        span, how = found
        inside = _said_inside(ctx, reading, k, span)
        if _refers_back(ctx, reading, k) or inside:
            # "أكدا على X، واعتبراها Y" (stressed X and considered it Y), "said that Russia
            # stands for X": one statement
            after = _content(ctx, reading, k + 1)
            inner = reading.acts[k + 1].verb
            if after is None and inside and inner is not None:
                after = ((inner.j, _said_end(ctx, reading, inner.j)), "speech-verb")
            if after is not None and after[0][1] > span[1]:
                span = (span[0], after[0][1])
                merged.add(k + 1)
        span = converb_clause(ctx, reading, k, frame_closed(ctx, act, span))
        if announces(ctx, reading, span):
            continue  # "... şöyle:": what is said follows in the next paragraphs
        if how == "speech-verb" and _only_refers(ctx, reading, act, span):
            continue
        clauses = [inner_content(ctx, reading, p) for p in _pieces(ctx, reading, span)]
        quoted = quotation_after(ctx, reading, span) + quoted_after_subject(ctx, reading, act)
        if how == "quotation":
            quoted += _resumed(ctx, reading, act)
        for whole in clauses + quoted:
            piece = cut_short(ctx, reading, whole)  # the text ends mid-sentence
            if piece is None:
                continue
            trimmed = _trim(ctx, reading, piece)
            if trimmed is None or _names_only(ctx, reading, trimmed):
                continue
            # a quotation in the third person ("'X was received by Y,' it said") reports
            # its meeting as the narrative would
            reported = _quoted_in_third_person(reading, trimmed)
            meeting = (
                (how in ("speech-verb", "verb-final", "colon") or reported)
                and _reports_meeting(reading, trimmed, quoted_too=reported)
                and not any(
                    c.kind == "stance" and trimmed[0] <= c.i < trimmed[1] for c in reading.cues
                )
                and not verb_stance(reading, act, EVALUATIVE)
                and (reported or not any(t in reading.quoted for t in range(*trimmed)))
                and not _judges(ctx, trimmed)
            )  # "the importance of the meeting", "welcomed the peace talks", "the talks had
            # been "constructive"" are positions, "while X met Y" and a quoted report of a
            # meeting in the third person are not
            for position in _stated_in(ctx, reading, act, trimmed, how, topics, meeting):
                key = (position.concept, position.span, tuple(position.speakers))
                if key not in seen:
                    seen.add(key)
                    _add_widest(out, position)
    return _referred(ctx, reading, out)


def _referred(ctx: Context, reading: Reading, out: list[Position]) -> list[Position]:
    """The unclassified statements whose clause refers to a topic named before it ("this
    project", kb.extract.topic_reference) take that topic, with a lower confidence and the
    rule that found it; one that then repeats a statement of the sentence goes."""
    kept: list[Position] = []
    for position in out:
        found = None
        if position.concept == UNCLASSIFIED:
            found = referred_topic(ctx, reading, position.span)
        if found is not None:
            concept, rule = found
            confidence = FRAMING_CONFIDENCE if rule == FRAMING else BACK_REFERENCE_CONFIDENCE
            weak = round(UNCLASSIFIED_CONFIDENCE - position.confidence, 2)
            position.concept = concept
            position.rules = [rule, *position.rules[1:]]
            position.confidence = round(confidence - weak, 2)
        if not any(
            (k.concept, k.span, k.speakers) == (position.concept, position.span, position.speakers)
            for k in kept
        ):
            kept.append(position)
    return kept


def _add_widest(out: list[Position], position: Position) -> None:
    """Add a position unless the same speakers already state it on words around it (two verbs
    of one clause: "X گفت ایران از ... حمایت می‌کند"); one it holds gives way to it."""
    a, b = position.span

    def same(other: Position) -> bool:
        return (other.concept, other.stance, other.speakers) == (
            position.concept,
            position.stance,
            position.speakers,
        )

    if any(same(o) and o.span[0] <= a and b <= o.span[1] for o in out):
        return
    out[:] = [o for o in out if not (same(o) and a <= o.span[0] and o.span[1] <= b)]
    out.append(position)


POLITICAL = ("country", "demonym")  # mention kinds that make a clause political
WEAK_SPEAKERS = ("pronoun", "role", "title", "counterpart", "sides", "continuation", "continuity")


def _stated_in(
    ctx: Context,
    reading: Reading,
    act: Act,
    span: tuple[int, int],
    how: str,
    topics: list[Match],
    meeting: bool,
) -> list[Position]:
    """What one act states in one content clause: a statement per topic named there, else
    one unclassified statement (with a stance cue, where no verb reports it; never where the
    clause reports a meeting: "..., the ministry said, while X met Y")."""

    def speech(span: tuple[int, int]) -> tuple[bool, list[str]]:
        direct = (
            span[0] in reading.quoted
            or (act.colon is not None and span[0] > act.colon)
            or (act.form in ("continuation", "quotation", "turn") and bool(reading.quoted))
        )
        return direct, ["speech-direct" if direct else "speech-reported"]

    speaker_rule = f"speaker-{act.how or 'name'}"
    weak = 0.1 if act.how in WEAK_SPEAKERS else 0.0
    stances = [c for c in reading.cues if c.kind == "stance"]
    out: list[Position] = []
    inside = [c for c in topics if span[0] <= c.i and c.j <= span[1]]
    concepts: set[str] = set()
    first: Match | None = None
    whole = span
    runs = [r for r in _quoted_runs(reading) if whole[0] <= r[0] and r[1] <= whole[1]]
    for cue in inside:
        if cue.payload in concepts:
            continue
        if _same_phrase(ctx, reading, first, cue):
            if first is None or not (
                ctx.model.broader.get(cue.payload) == first.payload
                or _opens_to(reading, first, cue)
            ):
                continue
            # "the corridor ... through Iran": the narrower topic named later in the phrase
            # is what it is about, in place of the broader one named first; so is the topic
            # after a cue that ends with "with" ("relations with Israel")
            out = [o for o in out if o.concept != first.payload]
            first = None
        concepts.add(cue.payload)
        first = first or cue
        # a topic inside a quotation within the clause: the quotation is the quote
        span = next((r for r in runs if r[0] <= cue.i < r[1] and r != whole), whole)
        in_clause = [c for c in stances if span[0] <= c.i and c.j <= span[1]]
        if not in_clause and any(
            c.kind == "discussion_verbs"
            and span[0] <= c.i < span[1] + 2
            and cue.i - NEAR <= c.i <= cue.j + NEAR
            for c in reading.cues
        ):
            continue  # "the sides discussed military cooperation": a subject of talks, no stance
        if meeting and not in_clause and not verb_stance(reading, act):
            continue  # "noted the meeting of the commission on trade": a meeting, no stance
        stance, rule, confidence = stance_of(ctx, reading, cue, span, act)
        direct, how_said = speech(span)
        out.append(
            Position(
                list(act.speakers),
                cue.payload,
                stance,
                span,
                direct,
                reading,
                ["topic-cue", speaker_rule, rule, f"act-{act.form}", *how_said],
                round(confidence - weak, 2),
            )
        )
    if out or inside:
        return out
    hoped = verb_stance(reading, act)
    # "hoped that the talks will resume" is a position; "noted that X met Y", "proposed to
    # open the meeting with X" are none
    if (meeting and not verb_stance(reading, act, HOPES)) or not (
        _political(reading, span) or hoped or _political_article(ctx)
    ):
        return []
    if act.form == "turn" and not (_political(reading, span) or hoped):
        return []  # a further line of a speaker's turn: small talk, unless political itself
    if _discussed_only(reading, span):
        return []  # "we discussed the border crossings": a subject of talks, no stance
    if not _says_enough(ctx, reading, act, span):
        return []
    if act.form == "continuation" and not any(span[0] <= c.i < span[1] for c in stances):
        return []  # a further sentence of an answer or quotation: only with a stance cue
    stance, rule, _ = stated(ctx, reading, Match("said", None, span[0], span[1]), span, act)
    direct, how_said = speech(span)
    return [
        Position(
            list(act.speakers),
            UNCLASSIFIED,
            stance,
            span,
            direct,
            reading,
            [f"unclassified-{how}", speaker_rule, rule, f"act-{act.form}", *how_said],
            round(UNCLASSIFIED_CONFIDENCE - weak, 2),
        )
    ]


NAMED = ("person", "new-person", "office", "role", "country", "organization", "counterpart")
NAME_CUES = ("title", "role", "honorifics")


def _names_only(ctx: Context, reading: Reading, span: tuple[int, int]) -> bool:
    """Whether a clause said in the speaker's words (not quoted) is only who the verb is about
    ("eleştirdi" after "İsrail Başbakanı X'i": whom he criticised, not what he said): every
    word is in a mention of a person, office, country or organisation or a title, or is a
    capitalised name, with its case ending; punctuation and numbers aside (a dateline,
    "TEHRAN, March 12 (AFP)", says nothing either)."""
    if any(t in reading.quoted for t in range(*span)):
        return False
    covers = [(x.i, x.j) for x in reading.mentions if x.kind in NAMED]
    covers += [(c.i, c.j) for c in reading.cues if c.kind in NAME_CUES]
    printed = [ctx.doc.text[slice(*ctx.doc.span(t, t + 1))] for t in range(*span)]
    rest = [
        word
        for t, word in zip(range(*span), printed, strict=True)
        if not any(i <= t < j for i, j in covers) and any(ch.isalpha() for ch in word)
    ]
    return all(word[0].isupper() for word in rest)


def _discussed_only(reading: Reading, span: tuple[int, int]) -> bool:
    """Whether a clause only reports what was discussed: a discussion verb ends it (or
    stands in it) and no stance cue is there."""
    return any(
        c.kind == "discussion_verbs" and span[0] <= c.i < span[1] + 2 for c in reading.cues
    ) and not any(c.kind == "stance" and span[0] <= c.i < span[1] for c in reading.cues)


def _same_phrase(ctx: Context, reading: Reading, first: Match | None, cue: Match) -> bool:
    """A second topic in the first's clause with no comma or "and" between them ("the corridor
    is an obstacle to a peace agreement") is part of the same statement, about the first."""
    if first is None or first.j > cue.i:
        return False
    conjunctions = {c.i for c in reading.cues if c.kind == "conjunctions"}
    return not any(
        t in conjunctions or ctx.doc.words[t] in SOFT or ctx.doc.words[t] in CLAUSE_MARKS
        for t in range(first.j, cue.i)
    )


def _opens_to(reading: Reading, first: Match, cue: Match) -> bool:
    """Whether a word of ``with_markers`` ends the first topic cue or follows it, with the
    second right after it ("relations with Israel", "развития отношений с Израилем"): the
    second names the other side of what the first names ("a peace treaty with Armenia on the
    basis of territorial integrity" is the treaty)."""
    return any(
        c.kind == "with_markers" and first.j - 1 <= c.i and cue.i - 1 <= c.j <= cue.i
        for c in reading.cues
    )


JOINED = 2  # tokens: the most between two cues of one noun phrase ("X's sovereignty and ...")


def _narrowest(ctx: Context, topics: list[Match]) -> list[Match]:
    """A broader concept's cue inside a narrower concept's cue, or joined to one by a word or
    two ("Azerbaijan's sovereignty and territorial integrity"), is the same statement; so is any
    cue inside a longer cue (the longer phrase says what it is about)."""
    out = []
    for cue in topics:
        broader_of_other = any(
            ctx.model.broader.get(other.payload) == cue.payload
            and (
                (other.i <= cue.i and cue.j <= other.j)
                or _joined(ctx, other, cue)
                or _joined(ctx, cue, other)
            )
            for other in topics
            if other is not cue
        )
        inside_longer = any(
            other.i <= cue.i and cue.j <= other.j and (other.j - other.i) > (cue.j - cue.i)
            for other in topics
        )  # "normalisation of relations between Armenia and Azerbaijan": not "relations between"
        if not broader_of_other and not inside_longer:
            out.append(cue)
    return out


def _joined(ctx: Context, first: Match, second: Match) -> bool:
    """Whether the second cue follows the first within JOINED tokens, no punctuation between."""
    return 0 <= second.i - first.j <= JOINED and unbroken(ctx.doc, first.j, second.i)


def _content(ctx: Context, reading: Reading, k: int) -> tuple[tuple[int, int], str] | None:
    """What act k of a sentence says, as a token span, and the construction that says so:
    the words after a colon; the quotation before the verb ("«...», – said X"); the clause
    after "that"; the clause before a verb that follows a comma ("..., заверил Лавров"); in a
    verb-final language the clause before the verb ("... olduğunu vurğulayıb"); else the
    words after the verb, or before its subject ("..., the ministry said")."""
    s = reading.sentence
    words = ctx.doc.words
    act = reading.acts[k]
    verb = act.verb
    runs = _quoted_runs(reading)
    if verb is None:
        if act.colon is not None and act.colon + 1 < s.j:
            return (act.colon + 1, s.j), "colon"
        if runs:
            return max(runs, key=lambda r: r[1] - r[0]), "quotation"
        if act.subject_span[1] > act.subject_span[0]:
            return (act.subject_span[1], s.j), "continuation"  # "In his view, ..."
        if act.form == "antecedent":
            return (s.i, s.j), "antecedent"  # "... . Об этом заявил X": the sentence before
        return None
    earlier = [a.verb for a in reading.acts[:k] if a.verb is not None]
    later = [a.verb for a in reading.acts[k + 1 :] if a.verb is not None]
    lo = earlier[-1].j if earlier else s.i
    hi = _before_subject(reading, words, verb.j + MIN_SAID, later[0].i) if later else s.j
    following = reading.acts[k + 1] if k + 1 < len(reading.acts) else None
    if act.form == "converb" and following is not None:
        head = _with_titles(reading, following.subject_span[0])
        if verb.j <= head < hi:
            hi = head  # "Welcoming the guests, President X said": the guests, not X
    subject = act.subject_span
    has_subject = subject[1] > subject[0]
    subject_before = has_subject and subject[1] <= verb.i
    if act.colon is not None and act.colon + 1 < s.j and act.colon - verb.j <= 6:
        return (act.colon + 1, s.j), "colon"
    start = verb.j
    named_at = _with_titles(reading, subject[0])
    if has_subject and (verb.j <= subject[0] < hi or 0 <= named_at - verb.j <= 2):
        # "به گفته X، ...", "said X that ...", "заявил журналистам X ...", "according to
        # Minister X, ..."
        start = subject[1]
    start = _past_setting(ctx, start, hi)
    joins = {  # "and", not a comma ("said later, that ...")
        c.i
        for c in reading.cues
        if c.kind == "conjunctions" and c.j - c.i == 1 and words[c.i] not in CLAUSE_MARKS
    }
    that = [
        c.j
        for c in reading.cues
        if c.kind == "complementizers"
        and verb.i < c.j
        and c.i
        < hi  # a later verb's "that" is the later verb's ("congratulated and stressed that")
        and c.i <= start + THAT_AFTER
        and c.i not in reading.quoted
        and not any(words[t] in CLAUSE_MARKS for t in range(start, c.i - 1))
        and (c.i == start or words[c.i - 1] in SOFT or words[c.i - 1] not in CLAUSE_MARKS)
        and not (c.i - 1 > start and c.i - 1 in joins)  # "said A and that B": A is said too
    ]
    # a verb joined to the one before ("said "A" but warned against "B""): the quotation
    # before it is the first verb's
    joined = bool(earlier) and any(c.kind == "conjunctions" and c.j == verb.i for c in reading.cues)
    for run in reversed(runs):
        # «...», – said X / "...," the minister told ...; not where "that" follows the verb
        # ("called it «useful», saying later that ...": what the verb says is after "that")
        if (
            not joined
            and lo <= run[0]
            and run[1] < verb.i <= run[1] + QUOTE_TO_VERB
            and not any(
                words[t] in CLAUSE_MARKS and words[t] not in SOFT for t in range(run[1], verb.i)
            )
            and not (that and that[0] - start <= THAT_NEAR)
        ):
            return run, "quotation"
    if that:
        return (that[0], min(hi, _said_end(ctx, reading, that[0]))), "speech-verb"
    after_subject = (subject[1], min(hi, _said_end(ctx, reading, subject[1])))
    if (
        has_subject
        and subject[0] >= verb.j
        and verb.i - 1 > lo
        and words[verb.i - 1] in SOFT + DASHES
        and _words(ctx, lo, verb.i) >= MIN_SAID
        and not _asked(ctx, lo)
        and (
            _words(ctx, *after_subject) < MIN_SAID
            or _meeting_only(reading, after_subject)
            or _weight(reading, (lo, verb.i)) >= _weight(reading, after_subject)
        )
    ):
        # "..., заверил Лавров", "..., — said X"; what follows the subject says no more
        # ("..., заявила X на брифинге в среду")
        return (lo, verb.i), "speech-verb"
    if anaphoric(ctx, reading, act):
        return None  # "Bunu ... bildirib", "Об этом заявил X": it reports what was said before
    if content_before(ctx, act):
        first = content_start(ctx, reading, k, lo)
        for t in range(first, verb.i):
            # "در این دیدار که ... برگزار شد، بر ...": a leading phrase about the meeting
            if words[t] in SOFT and _reports_meeting(reading, (first, t)):
                first = t + 1
        if _words(ctx, first, verb.i) >= MIN_SAID:
            return (first, verb.i), "verb-final"
    after = (start, min(hi, _said_end(ctx, reading, start)))
    head = _with_titles(reading, subject[0])
    before = (lo, head)
    if (
        subject_before
        and lo < head
        and words[head - 1] in SOFT + DASHES
        and _words(ctx, *before) >= MIN_SAID
        and not _asked(ctx, lo)
        and (
            _words(ctx, *after) < MIN_SAID
            or _weight(reading, before) > _weight(reading, after)
            # the verb's clause ends with it ("..., the ministry said, while X met Y"); a verb
            # with an object of its own ("In this regard, they stressed X") says X
            or (verb.j >= s.j or words[verb.j] in SOFT + DASHES)
            and _meeting_only(reading, after)
        )
    ):
        return before, "speech-verb"  # "..., the ministry said"
    if _words(ctx, *after) >= MIN_SAID:
        return after, "speech-verb"
    return None


def _with_titles(reading: Reading, head: int) -> int:
    """Where the name at token ``head`` starts with the titles and countries right before it
    ("Iran's foreign minister X")."""
    while any(x.j == head and x.i < head for x in reading.mentions):
        head = next(x.i for x in reading.mentions if x.j == head and x.i < head)
    return head


def _past_setting(ctx: Context, start: int, end: int) -> int:
    """Where what a verb says starts when the setting opens it ("شدد X خلال اللقاء على ...",
    "في اتصال هاتفي مع Y مساء الثلاثاء على ...": a ``setting_phrases`` phrase): at the
    first word that opens the verb's object (``object_openers``) before any punctuation,
    else where it started."""
    words = ctx.doc.words
    language = ctx.matcher.language
    if not any(tuple(words[start : start + len(m)]) == m for m in settings(language)):
        return start
    openers = {m[0] for m in lexicon_phrases(language, "object_openers") if len(m) == 1}
    for t in range(start + 1, min(end, start + SETTING_SPAN)):
        if words[t] in CLAUSE_MARKS and not initial_stop(ctx.doc, t):
            break
        if words[t] in openers:
            return t
    return start


def _judges(ctx: Context, span: tuple[int, int]) -> bool:
    """Whether a clause holds a word that judges what it is about ("the talks were
    constructive", "كانت المحادثات مثمرة": the language's ``judgement_words``): the speaker's
    view of a meeting is a position, where a report of it is not."""
    words = ctx.doc.words
    return any(
        tuple(words[t : t + len(phrase)]) == phrase
        for phrase in lexicon_phrases(ctx.matcher.language, "judgement_words")
        for t in range(span[0], span[1] - len(phrase) + 1)
    )


def _asked(ctx: Context, t: int) -> bool:
    """Whether the words from token t open a journalist's question ("Asked whether ...,",
    "When asked about ...": the language's ``question_openers``): what the question says
    before the speaker's verb is not what the speaker says."""
    words = ctx.doc.words
    return any(
        tuple(words[t : t + len(phrase)]) == phrase
        for phrase in lexicon_phrases(ctx.matcher.language, "question_openers")
    )


def _resumed(ctx: Context, reading: Reading, act: Act) -> list[tuple[int, int]]:
    """The quotation that goes on right after the verb and speaker that interrupt it ("«A, —
    said X, — and B»": B is X's too), with only punctuation between."""
    if act.verb is None:
        return []
    t = max(act.verb.j, act.subject_span[1])
    while t < reading.sentence.j and t not in reading.quoted:
        if ctx.doc.words[t] not in SOFT + DASHES + ("«", "“", '"', "„"):
            return []
        t += 1
    end = t
    while end in reading.quoted:
        end += 1
    return [(t, end)] if end > t else []


def _before_subject(reading: Reading, words: list[str], lo: int, verb: int) -> int:
    """Where what comes before a later reporting verb ends: at the comma before the verb's
    short subject, when one stands there after ``lo`` ("... corridor, officials said"); not
    where a "that" opens the later verb's clause ("заявил, что Россия выступает")."""
    clause = {c.i for c in reading.cues if c.kind == "complementizers"}
    for t in range(verb - 1, max(lo, verb - TRAILING_SUBJECT - 2), -1):
        if t in clause:
            break
        if words[t] in SOFT:
            return t
        if not words[t][:1].isalpha():
            break
    return verb


def _refers_back(ctx: Context, reading: Reading, k: int) -> bool:
    """Whether the act after act k is the same speakers' verb joined to it that takes what act
    k said as its object by a pronoun suffix (the language's ``object_clitics``: "واعتبراها",
    and considered it)."""
    if k + 1 >= len(reading.acts):
        return False
    act, following = reading.acts[k], reading.acts[k + 1]
    if following.verb is None or following.speakers != act.speakers:
        return False
    word = ctx.doc.words[following.verb.j - 1]
    clitics = [c[0] for c in lexicon_phrases(ctx.matcher.language, "object_clitics")]
    return any(word.endswith(c) and len(word) > len(c) + 3 for c in clitics)


def _only_refers(ctx: Context, reading: Reading, act: Act, span: tuple[int, int]) -> bool:
    """A verb of reference ("أشار إلى", pointed to: the language's ``reference_verbs``) with a
    noun phrase after it and a converb of saying after that ("أشار إلى X قائلا: Y") names what
    the speaker spoke about, and the converb what he said; with "that" after it ("أشار إلى أن
    ..."), alone or joined to another finite verb ("أشار إلى X وقال Y"), it reports what was
    said."""
    if act.verb is None:
        return False
    verb = tuple(ctx.doc.words[act.verb.i : act.verb.j])
    if verb not in lexicon_phrases(ctx.matcher.language, "reference_verbs"):
        return False
    saying = any(
        a.verb is not None
        and a.verb.i > act.verb.i
        and a.form == "converb"
        and a.speakers == act.speakers
        for a in reading.acts
    )  # "أشار إلى X قائلا: Y": Y is what he said, X what he said it about
    return saying and not any(
        c.kind == "complementizers" and act.verb.j <= c.i and c.j <= span[0] + 1
        for c in reading.cues
    )


def _says_enough(ctx: Context, reading: Reading, act: Act, span: tuple[int, int]) -> bool:
    """Whether a clause with no topic cue has the content of a position: at least
    MIN_UNCLASSIFIED words (MIN_SAID after a verb that is a stance; any, quoted), not a courtesy ("greetings", "you are
    welcome"), and, said by a converb before its clause ("Welcoming the guests, ..."), a stance
    or a country."""
    quoted = any(r[0] <= span[0] and span[1] <= r[1] + 1 for r in _quoted_runs(reading))
    # a verb that is a stance of its own needs less after it ("condemned the border attacks")
    shortest = MIN_SAID if verb_stance(reading, act) else MIN_UNCLASSIFIED
    if not quoted and _words(ctx, *span) < shortest:
        return False
    if _courteous(ctx, span):
        return False
    return not _before_its_clause(ctx, reading, act) or _political(reading, span)


def _before_its_clause(ctx: Context, reading: Reading, act: Act) -> bool:
    """Whether an act is a converb ahead of the clause it belongs to, whose subject follows it
    ("Welcoming the guests, President X said ...")."""
    if act.form != "converb" or act.verb is None or ctx.matcher.lexicon.get("verb_final"):
        return False
    return any(
        a.verb is not None and a.verb.i > act.verb.i and a.subject_span[0] >= act.verb.j
        for a in reading.acts
        if a.subject_span[1] > a.subject_span[0]
    )


def _courteous(ctx: Context, span: tuple[int, int]) -> bool:
    """Whether a clause holds a courtesy of the language's ``courtesy`` list (greetings,
    welcome, regards): a greeting conveyed states no position."""
    phrases = lexicon_phrases(ctx.matcher.language, "courtesy")
    words = ctx.doc.words
    for t in range(span[0], span[1]):
        for phrase in phrases:
            if tuple(words[t : t + len(phrase)]) == phrase and t + len(phrase) <= span[1]:
                return True
    return False


def _political(reading: Reading, span: tuple[int, int]) -> bool:
    """Whether a clause without a topic cue still reads as a position: it has a stance cue or
    names a country or its people (an official on a fire's causes states no position)."""
    return any(
        c.kind in ("stance", "demonym") and span[0] <= c.i < span[1] for c in reading.cues
    ) or any(x.kind in POLITICAL for x in reading.mentions if span[0] <= x.i < span[1])


def _political_article(ctx: Context) -> bool:
    """Whether the article speaks of politics at all: a topic cue of positions.ttl or a meeting
    reported so far (a disaster report with officials quoted does not)."""
    return bool(ctx.meeting_people) or any(c.kind == "topic" for c in ctx.found.cues)


def _weight(reading: Reading, span: tuple[int, int]) -> int:
    """How many topic and stance cues a span holds."""
    return sum(
        1 for c in reading.cues if c.kind in ("topic", "stance") and span[0] <= c.i < span[1]
    )


def _words(ctx: Context, i: int, j: int) -> int:
    return sum(1 for t in range(i, j) if ctx.doc.words[t][:1].isalnum())


def _pieces(ctx: Context, reading: Reading, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A content span cut into its clauses: after a nominalised verb followed by "and" or a
    comma ("...geliştiğini ve ...gösterdiğini söyledi"), before "and that", before "and"
    followed by a frame of its own ("supports X and is ready to Y": two stances), and at a comma
    before "as well as" (the language's ``list_joins``: "X, а также Y"), unless what comes
    before is what was discussed ("обсудили X, а также Y")."""
    words = ctx.doc.words
    endings = tuple(
        normalizer().key(str(e)) for e in ctx.matcher.lexicon.get("complement_endings") or []
    )
    joined = {c.i: c.j for c in reading.cues if c.kind == "conjunctions"}
    thats = {c.i for c in reading.cues if c.kind == "complementizers"}
    frames = {c.i for c in reading.cues if c.kind == "stance" and c.payload in FRAMES}
    cuts: list[tuple[int, int]] = []  # (end of a piece, start of the next)
    lists = lexicon_phrases(ctx.matcher.language, "list_joins")
    for t in range(span[0], span[1] - 1):
        nxt = t + 1
        joining = next(
            (m for m in lists if words[t] in SOFT and tuple(words[nxt : nxt + len(m)]) == m), None
        )
        if joining is not None and t > span[0] and not _discussed_before(reading, span[0], t):
            cuts.append((t, nxt + len(joining)))  # "X, а также Y": X and Y said apart
        elif endings and words[t].endswith(endings) and (nxt in joined or words[nxt] in SOFT):
            cuts.append((nxt, joined.get(nxt, nxt + 1)))
        elif (
            t in joined
            and t > span[0]
            and words[t] not in SOFT
            # "and that ...", and "supports X and is ready to Y": two stances
            and (joined[t] in thats or _frame_opens(ctx, frames, joined[t]))
        ):
            cuts.append((t, joined[t]))
        elif words[t] in CLAUSE_ENDS and t > span[0]:
            cuts.append((t, nxt))
    out: list[tuple[int, int]] = []
    lo = span[0]
    for end, start in cuts:
        if _words(ctx, lo, end) >= MIN_SAID and _words(ctx, start, span[1]) >= MIN_SAID:
            out.append((lo, end))
            lo = start
    out.append((lo, span[1]))
    return out


def _frame_opens(ctx: Context, frames: set[int], t: int) -> bool:
    """Whether a frame starts at token t, or after one word in lower case ("is ready to"; not
    "Baku and Yerevan must", where a new subject opens the clause)."""
    if t in frames:
        return True
    printed = ctx.doc.verbatim(t, t + 1)
    return t + 1 in frames and printed.isalpha() and printed.islower()


def _discussed_before(reading: Reading, start: int, t: int) -> bool:
    """Whether a discussion verb stands between ``start`` and ``t``: the list after it ("обсудили
    X, а также Y") is what was discussed, one object, not statements said apart."""
    return any(c.kind == "discussion_verbs" and start <= c.i < t for c in reading.cues)


def _said_inside(ctx: Context, reading: Reading, k: int, span: tuple[int, int]) -> bool:
    """Whether the next act's verb stands inside act k's "that" clause, said by the same
    speakers ("заявил, что Россия выступает за ...": the country speaks inside the statement),
    so that the clause runs on past it."""
    if k + 1 >= len(reading.acts):
        return False
    act, inner = reading.acts[k], reading.acts[k + 1]
    if inner.verb is None or inner.speakers != act.speakers or span[1] != inner.verb.i:
        return False
    # the verb's own subject only between "that" and it: no comma, no "and" ("..., and added")
    joins = conjunction_tokens(reading)
    if any(ctx.doc.words[t] in CLAUSE_MARKS or t in joins for t in range(span[0], inner.verb.i)):
        return False
    return any(c.kind == "complementizers" and c.j == span[0] for c in reading.cues)


def _reports_meeting(reading: Reading, span: tuple[int, int], quoted_too: bool = False) -> bool:
    """ "..., the ministry said, while X met Y": what is said reports a meeting, no position.
    A trigger inside a phrase that reports no meeting ("the negotiation process") is none; one
    inside a quotation counts only with ``quoted_too``."""
    triggers = [
        c
        for c in reading.cues
        if c.kind == "meeting_triggers"
        and span[0] <= c.i < span[1]
        and (quoted_too or c.i not in reading.quoted)
    ]
    if not triggers:
        return False
    weak = {(c.i, c.j) for c in reading.cues if c.kind == "weak_triggers"}
    phrases = [c for c in reading.cues if c.kind == "not_meeting"]
    return any(
        (c.i, c.j) not in weak and not any(p.i <= c.i < p.j for p in phrases) for c in triggers
    )


def _quoted_in_third_person(reading: Reading, span: tuple[int, int]) -> bool:
    """Whether a span is a quotation with no first or second person in it ("we", "your")
    that names a person and someone's partner ("with", "by": "X was summoned by Y"), as a
    report does."""
    inside = [t for t in range(*span) if t in reading.quoted]
    kinds = {c.kind for c in reading.cues if span[0] <= c.i < span[1]}
    people = any(
        x.kind in ("person", "new-person", "office", "title") and span[0] <= x.i < span[1]
        for x in reading.mentions
    )
    return (
        len(inside) >= span[1] - span[0] - 2
        and people
        and not kinds & {"first_person", "second_person"}
        and bool(kinds & {"with_markers", "agent_markers"})
    )


def _meeting_only(reading: Reading, span: tuple[int, int]) -> bool:
    """A span that reports a meeting and takes no stance on anything."""
    return _reports_meeting(reading, span) and not any(
        c.kind == "stance" and span[0] <= c.i < span[1] for c in reading.cues
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
        if opens_quotation(ctx, reading, t):
            return t  # "... ki, X: «Y»": the quotation is said on its own
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
    moved = True
    while moved:  # a mark of a quotation open at one edge only goes, and the punctuation it held
        moved = False
        while lo < hi and (
            words[lo] in SOFT or words[lo] in CLAUSE_MARKS or words[lo] in "-–—" or lo in edge
        ):
            lo = edge.get(lo, lo + 1)
        while hi > lo and (
            words[hi - 1] in SOFT or words[hi - 1] in CLAUSE_MARKS or words[hi - 1] in "-–—"
        ):
            hi -= 1
        if lo < hi and _unclosed_opening(words, lo, hi):
            lo, moved = lo + 1, True
        if lo < hi and _unopened_closing(words, lo, hi):
            hi, moved = hi - 1, True
    while hi > lo and any(c.kind == "conjunctions" and c.j == hi for c in reading.cues):
        hi = next(c.i for c in reading.cues if c.kind == "conjunctions" and c.j == hi)
    if hi - lo > MAX_SAID:
        cut = [t for t in range(lo + MIN_SAID, lo + MAX_SAID) if words[t] in SOFT]
        hi = cut[-1] if cut else lo + MAX_SAID
    if sum(1 for t in range(lo, hi) if words[t][:1].isalnum()) < MIN_SAID:
        return None
    return lo, hi


def _unclosed_opening(words: list[str], lo: int, hi: int) -> bool:
    """Whether the span opens with a quotation mark that nothing in it closes ('"A. B."' cut
    into sentences: the first keeps the opening mark)."""
    closers = marks().get(words[lo])
    return closers is not None and not any(words[t] in closers for t in range(lo + 1, hi))


def _unopened_closing(words: list[str], lo: int, hi: int) -> bool:
    """Whether the span ends with a closing quotation mark that nothing in it opens."""
    last = words[hi - 1]
    openers = [o for o, closers in marks().items() if last in closers]
    return bool(openers) and not any(words[t] in openers for t in range(lo, hi - 1))
