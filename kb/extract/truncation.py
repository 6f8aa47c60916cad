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

ENDS = (".", "!", "?", "؟", "…", "»", "”", '"', ")", "؛", ";")
SOFT = (",", "،")


def cut_short(ctx: Context, reading: Reading, span: tuple[int, int]) -> tuple[int, int] | None:
    """The part of a content span that the text's cut leaves whole: the span itself when it
    does not run into an unfinished last sentence, its complete clauses when it does, else
    None."""
    doc, s = ctx.doc, reading.sentence
    if span[1] < s.j - 1 or doc.words[s.j - 1] in ENDS:
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


@cache
def complement_endings(language: str) -> tuple[str, ...]:
    listed = language_lexicon(language).get("complement_endings") or []
    return tuple(normalizer().key(str(e)) for e in listed)
