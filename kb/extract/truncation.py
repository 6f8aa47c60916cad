"""Statements cut off where the stored text ends mid-sentence.

Pages are often stored cut at a fixed size, in the middle of a sentence ("... آماده ساخت
جاده های مرز"). What is said in that last, unfinished sentence is kept only up to its last
complete clause: a nominalised content clause followed by "and" or a comma ("...
desteklediklerini ve lima": the first clause); with none, it is no statement. Inside a
quotation the cut leaves open, a comma ends no clause (the speaker's sentence is cut off: «...
и за то, чтобы все»); only a nominalised clause before "and" is complete there.
"""

from __future__ import annotations

from functools import cache

from .lexicon import language_lexicon
from .normalize import normalizer
from .reading import Context, Reading

TERMINAL = (".", "!", "?", "؟", ")", "…")
CLOSING = ("»", "”", '"', "“")
SOFT = (",", "،")


def ends_whole(words: list[str]) -> bool:
    """Whether an article's last token ends a sentence: a full stop (or "!", "?"), or a closing
    quotation mark after one ("...peace.\""); a text ending «the talks» with nothing after it
    was cut."""
    last = len(words) - 1
    while last > 0 and words[last] in CLOSING:
        last -= 1
    return words[last] in TERMINAL


def cut_short(ctx: Context, reading: Reading, span: tuple[int, int]) -> tuple[int, int] | None:
    """The part of a content span that the text's cut leaves whole: the span itself when it
    does not run into the unfinished end of the text; else up to its last comma, or "and"
    after a nominalised verb ("...desteklediklerini ve lima": the first clause; "and" between
    two nouns does not end a clause: "музеев и театров"); a comma only outside a quotation
    the cut leaves open; with none, None."""
    words = ctx.doc.words
    if not words or span[1] < len(words) - 1 or ends_whole(words):
        return span
    endings = complement_endings(ctx.matcher.language)
    joins = {
        c.i
        for c in reading.cues
        if c.kind == "conjunctions" and endings and words[c.i - 1].endswith(endings)
    }
    cuts = [
        t
        for t in range(span[0] + 1, span[1])
        if (words[t] in SOFT and t not in ctx.unclosed) or t in joins
    ]
    return (span[0], cuts[-1]) if cuts else None


@cache
def complement_endings(language: str) -> tuple[str, ...]:
    listed = language_lexicon(language).get("complement_endings") or []
    return tuple(normalizer().key(str(e)) for e in listed)
