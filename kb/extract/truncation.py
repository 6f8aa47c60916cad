"""Statements cut off where the stored text ends mid-sentence.

Pages are often stored cut at a fixed size, in the middle of a sentence ("... علاقه مند به
گسترش همکار"). What is said in that last, unfinished sentence is kept only up to its last
complete clause: a nominalised content clause followed by "and" or a comma ("...
vardıklarını ve iliş": the first clause); with none, it is no statement.
"""

from __future__ import annotations

from functools import cache

from .lexicon import language_lexicon
from .normalize import normalizer
from .reading import Context, Reading

ENDS = (".", "!", "?", "؟", "…", ")", "؛", ";")
SOFT = (",", "،")
CLOSING = ("»", "”", '"', "“")
OPENING = ("«", "“", '"', "„")
SHORT_TERM = 4  # tokens: a quoted term, not a quoted sentence («3+3», "Heart of Asia")


def cut_short(ctx: Context, reading: Reading, span: tuple[int, int]) -> tuple[int, int] | None:
    """The part of a content span that the text's cut leaves whole: the span itself when it
    does not run into an unfinished last sentence, its complete clauses when it does, else
    None."""
    doc, s = ctx.doc, reading.sentence
    if span[1] < s.j - 1 or _ends_whole(doc.words, s.i, s.j):
        return span
    if doc.span(s.i, s.j)[1] < len(doc.text.rstrip()):
        return span  # the sentence ends the paragraph, not the text
    words = doc.words
    joined = {c.i for c in reading.cues if c.kind == "conjunctions"}
    endings = complement_endings(ctx.matcher.language)
    for t in range(span[1] - 2, span[0], -1):
        if endings and words[t].endswith(endings) and (t + 1 in joined or words[t + 1] in SOFT):
            return span[0], t + 1
    return None


def _ends_whole(words: list[str], i: int, j: int) -> bool:
    """Whether tokens i..j-1 end a sentence: a full stop (or "!", "?"), or a closing quotation
    mark after one ("...peace.\""); a term in marks with nothing after it («3+3») was cut."""
    last = j - 1
    while last > i and words[last] in CLOSING and words[last - 1] in CLOSING + ENDS:
        last -= 1
    if words[last] in CLOSING and last > i and words[last - 1] not in ENDS:
        return not _short_term(words, i, last)
    return words[last] in ENDS


def _short_term(words: list[str], i: int, close: int) -> bool:
    """Whether a closing mark at ``close`` ends a short quoted term («3+3») rather than a
    quoted sentence."""
    opened = max((t for t in range(i, close) if words[t] in OPENING), default=i)
    return close - opened <= SHORT_TERM


@cache
def complement_endings(language: str) -> tuple[str, ...]:
    listed = language_lexicon(language).get("complement_endings") or []
    return tuple(normalizer().key(str(e)) for e in listed)
