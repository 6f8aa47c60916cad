"""What a reporting verb says where the verb ends the clause (az, tr, fa: "X, ... olduğunu
vurğulayıb", "X ... را ... دانست"), and the constructions around it.

The content is the clause between the verb's subject and the verb. It starts after:

- the subject and the title that follows its name ("X, minister of ..., ..."), or, for a
  converb or a finite verb that took its speaker from another act of the sentence ("... dile
  getiren X, ... belirtti"), after that act's subject;
- a connective that says the same speaker goes on ("Ayrıca", "همچنین": ``continuity_markers``)
  or that the turn passes to this subject ("X ise", as for X: ``turn_markers``);
- the setting ("bu görüşmede", "در این دیدار", at this meeting: ``setting_phrases``), which
  reports no meeting of its own, or a leading phrase ending in the setting and a comma ("Y ile
  düzenlediği basın toplantısında, ...");
- a clause closed by a converb that reports nothing ("selamlarını ileterek, ...": the greetings
  were conveyed, what follows is what was said).

A converb that is a prepositional phrase ("ضمن قدردانی از X، ...", thanking for X) says what
stands up to the comma closing it; the verb after it says what follows the comma.

A verb that opens a frame closed by a light verb ("خواستار X شد", called for X:
``frame_verbs``, ``frame_closers``) has its content inside the frame, after it.

A content that goes on into a further "that" clause after a verb of its own ("X تاکید کرد A
اثبات کرد که B", X stressed that A proved that B) states B: the clause after that verb
(``clause_verbs``: the words that end a finite verb before "that").

A content clause that ends in a colon opening a quotation ("deyib ki, X: «Y»") is followed by
a second one, the quotation.

A verb whose content is a demonstrative pointing back ("Bunu ... bildirib", "this was said by
...": ``anaphoric_content``) says nothing of its own: what it reports is the quotation before it.
A content that runs to a colon closing its sentence ("... şöyle:", as follows) only announces
the speech in the paragraphs after it: no statement.
"""

from __future__ import annotations

from functools import cache

from .lexicon import language_lexicon
from .normalize import lexicon_phrases, normalizer
from .reading import Act, Context, Reading

SOFT = (",", "،")
TITLES = ("office", "role", "person", "new-person")  # mentions that may follow a name


def content_before(ctx: Context, act: Act) -> bool:
    """Whether the act's content comes before its verb: a verb-final language, except for
    converbs that are prepositional phrases followed by what they report ("با اشاره به ...")
    and verbs that open a frame closed by a light verb ("خواستار ... شد")."""
    lex = ctx.matcher.lexicon
    return (
        bool(lex.get("verb_final"))
        and not (act.form == "converb" and lex.get("converbs_before_content"))
        and not _opens_frame(ctx, act)
    )


def _opens_frame(ctx: Context, act: Act) -> bool:
    if act.verb is None:
        return False
    opened = tuple(ctx.doc.words[act.verb.i : act.verb.j])
    return opened in frame_openers(ctx.matcher.language)


def frame_closed(ctx: Context, act: Act, span: tuple[int, int]) -> tuple[int, int]:
    """The content of a verb that opens a frame, without the light verb closing it at its end
    ("خواستار X شد": X)."""
    if not _opens_frame(ctx, act) or span[1] - span[0] < 2:
        return span
    words = ctx.doc.words
    for closer in frame_closers(ctx.matcher.language):
        if tuple(words[span[1] - len(closer) : span[1]]) == closer:
            return span[0], span[1] - len(closer)
    return span


def converb_clause(
    ctx: Context, reading: Reading, k: int, span: tuple[int, int]
) -> tuple[int, int]:
    """The content of a converb that is a prepositional phrase ("ضمن قدردانی از X، ..."):
    up to the comma that closes the phrase before the next verb; else the span."""
    end = _phrase_end(ctx, reading, k)
    return (span[0], end) if end is not None and span[0] < end < span[1] else span


def _phrase_end(ctx: Context, reading: Reading, k: int) -> int | None:
    """The comma closing act k's phrase, where act k is a converb before what it reports
    ("با اشاره به X، ...") and another verb follows the comma; else None."""
    act = reading.acts[k]
    if act.verb is None or act.form != "converb":
        return None
    if not ctx.matcher.lexicon.get("converbs_before_content") or k + 1 >= len(reading.acts):
        return None
    following = reading.acts[k + 1].verb
    if following is None:
        return None
    words = ctx.doc.words
    return next((t for t in range(act.verb.j, following.i) if words[t] in SOFT), None)


def content_start(ctx: Context, reading: Reading, k: int, lo: int) -> int:
    """The first token of act k's content before its verb; ``lo`` is where the clause may
    start (the sentence's start or the verb read before)."""
    act = reading.acts[k]
    assert act.verb is not None
    verb = act.verb
    first = lo
    closed = _phrase_end(ctx, reading, k - 1) if k else None
    if closed is not None and lo <= closed < verb.i:
        first = lo = closed + 1  # after "با اشاره به X،": what this verb says

    def before_verb(span: tuple[int, int]) -> bool:
        return span[1] > span[0] and lo <= span[0] and span[1] <= verb.i

    donors = [a.subject_span for a in reading.acts if a is not act and a.speakers == act.speakers]
    ends = (
        [act.subject_span[1]]
        if before_verb(act.subject_span)
        else [span[1] for span in donors if before_verb(span)]
    )
    if ends:
        first = max(ends)
        while any(x.i == first and x.j <= verb.i and x.kind in TITLES for x in reading.mentions):
            # the subject's title after the name ("X, minister of ..."), not a country that
            # opens what is said ("X İranla Azərbaycan arasında ...")
            first = next(x.j for x in reading.mentions if x.i == first and x.kind in TITLES)
    first = _after_connectives(ctx, first, verb.i)
    first = _after_setting_clause(ctx, first, verb.i)
    return _after_converb_clause(ctx, reading, first, verb.i)


def _after_setting_clause(ctx: Context, first: int, end: int) -> int:
    """After a leading phrase that ends in the setting and a comma ("Y ile düzenlediği ortak
    basın toplantısında, ..."): what is said follows the comma."""
    words = ctx.doc.words
    for t in range(first + 1, end - 1):
        if words[t] in SOFT:
            if any(tuple(words[t - len(m) : t]) == m for m in settings(ctx.matcher.language)):
                return t + 1
            return first  # only the first comma may close the setting
    return first


def _after_connectives(ctx: Context, first: int, end: int) -> int:
    """Past commas, continuity and turn markers and the meeting's setting at the clause's
    start ("X, Ayrıca, ...", "X ise ...", "X bu görüşmede ...")."""
    words = ctx.doc.words
    language = ctx.matcher.language
    markers = continuity_markers(language) + turn_markers(language) + settings(language)
    moved = True
    while moved and first < end:
        moved = False
        if words[first] in SOFT:
            first, moved = first + 1, True
            continue
        for marker in markers:
            if tuple(words[first : first + len(marker)]) == marker:
                first, moved = first + len(marker), True
                break
    return first


def _after_converb_clause(ctx: Context, reading: Reading, first: int, end: int) -> int:
    """After the last "<converb>," before the verb that is no reporting act of its own."""
    words = ctx.doc.words
    suffixes = converb_suffixes(ctx.matcher.language)
    if not suffixes:
        return first
    acts = {t for a in reading.acts if a.verb is not None for t in range(a.verb.i, a.verb.j)}
    for t in range(end - 2, first, -1):
        if (
            words[t + 1] in SOFT
            and t not in acts
            and t not in reading.quoted
            and words[t].endswith(suffixes)
        ):
            return t + 2
    return first


def anaphoric(ctx: Context, reading: Reading, act: Act) -> bool:
    """Whether the act's clause opens with a demonstrative standing for what was said before
    ("Bunu ... bildirib", "Об этом заявил X"): the act reports what was said before it,
    nothing in its sentence."""
    if act.verb is None or (ctx.matcher.lexicon.get("verb_final") and not content_before(ctx, act)):
        return False
    words = ctx.doc.words
    start = reading.sentence.i
    return any(
        tuple(words[start : start + len(m)]) == m and start + len(m) <= act.verb.i
        for m in anaphoric_markers(ctx.matcher.language)
    )


def opens_quotation(ctx: Context, reading: Reading, t: int) -> bool:
    """Whether token t is a colon right before a quotation."""
    return ctx.doc.words[t] == ":" and (t + 1 in reading.quoted or t + 2 in reading.quoted)


def announces(ctx: Context, reading: Reading, span: tuple[int, int]) -> bool:
    """Whether a span only announces what follows: it runs to a colon that ends its sentence
    ("the highlights of his speech were as follows:"), the speech being in the paragraphs
    after."""
    words, last = ctx.doc.words, reading.sentence.j - 1
    return words[last] == ":" and span[0] <= last <= span[1]


def quotation_after(ctx: Context, reading: Reading, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The quotation after the colon that ends a content span ("... ki, X: «Y»": Y), if any."""
    end = span[1]
    if end >= reading.sentence.j or not opens_quotation(ctx, reading, end):
        return []
    start = end + 1 if end + 1 in reading.quoted else end + 2
    if span[0] <= end and start in reading.quoted and span[0] not in reading.quoted:
        stop = start
        while stop in reading.quoted:
            stop += 1
        return [(start, stop)]
    return []


def inner_content(ctx: Context, reading: Reading, span: tuple[int, int]) -> tuple[int, int]:
    """The "that" clause inside a content, after a finite verb of its own; else the span."""
    words = ctx.doc.words
    verbs = clause_verbs(ctx.matcher.language)
    if not verbs:
        return span
    for c in reading.cues:
        if (
            c.kind == "complementizers"
            and span[0] + 2 < c.i
            and c.j < span[1] - 2
            and c.i not in reading.quoted
            and words[c.i - 1] in verbs
        ):
            return c.j, span[1]
    return span


@cache
def clause_verbs(language: str) -> frozenset[str]:
    listed = language_lexicon(language).get("clause_verbs") or []
    return frozenset(normalizer().key(str(v)) for v in listed)


@cache
def frame_openers(language: str) -> tuple[tuple[str, ...], ...]:
    return lexicon_phrases(language, "frame_verbs")


@cache
def frame_closers(language: str) -> tuple[tuple[str, ...], ...]:
    return lexicon_phrases(language, "frame_closers")


@cache
def continuity_markers(language: str) -> tuple[tuple[str, ...], ...]:
    return lexicon_phrases(language, "continuity_markers")


def quoted_after_subject(ctx: Context, reading: Reading, act: Act) -> list[tuple[int, int]]:
    """The quotation right after the subject of a participle ("... değerlendiren X, «...»
    dedi"): X's words, though the verb that reports them comes after the quotation."""
    if act.form != "participle" or act.verb is None:
        return []
    start = act.subject_span[1]
    words = ctx.doc.words
    while start < reading.sentence.j and start not in reading.quoted and words[start] in SOFT:
        start += 1
    if start < reading.sentence.j and start not in reading.quoted:
        start += 1  # the opening mark
    if start not in reading.quoted or act.subject_span[1] <= act.verb.i:
        return []
    end = start
    while end in reading.quoted:
        end += 1
    verbs = {a.verb.i for a in reading.acts if a.verb is not None}
    rest = [t for t in range(end + 1, reading.sentence.j) if words[t] not in (".", ",", "،")]
    if rest and rest[0] not in verbs:
        return []  # a quoted title ("«...» mövzusunda"), not what was said
    return [(start, end)]


@cache
def settings(language: str) -> tuple[tuple[str, ...], ...]:
    return lexicon_phrases(language, "setting_phrases")


@cache
def turn_markers(language: str) -> tuple[tuple[str, ...], ...]:
    return lexicon_phrases(language, "turn_markers")


@cache
def anaphoric_markers(language: str) -> tuple[tuple[str, ...], ...]:
    return lexicon_phrases(language, "anaphoric_content")


@cache
def converb_suffixes(language: str) -> tuple[str, ...]:
    listed = language_lexicon(language).get("converb_suffixes") or []
    return tuple(normalizer().key(str(s)) for s in listed)
