"""The article as folded tokens, its lines, which lines are body and which boilerplate, and
its sentences.

Boilerplate is recognised by curated markers (a "read also" line ends the body; cookie and
social lines are dropped anywhere), by lines in another script than the article, and by
short lines that are not sentences (navigation, headlines of other stories, credits).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .normalize import normalizer, tokens_of

_SENTENCE_END = re.compile(r"[.!?؟»”\"]\s*$")
# A sentence ends before a word, an opening quotation mark, or a dash that opens direct speech
# ("... he said. — We are ready, — he added.").
_SPLIT = re.compile(r"(?<=[.!?؟])[\"”»]?\s+(?=[\"“«]?\w|[—–]\s)|(?<=[.!?؟][\"”»])\s*(?=\w)")
_ABBREVIATION = re.compile(
    r"(?:\b\w|\b(?:Mr|Mrs|Dr|Gen|Lt|Col|St|No|vs|etc|y|U\.S|г|м|ул|Jr|Sr))\.$"
)
# a short capitalised word and its full stop before a number: an abbreviated month ("Oct. 9",
# "Sept. 12, 2024"), no sentence's end
_BEFORE_NUMBER = re.compile(r"\b[A-Z][a-z]{2,3}\.$")
_SCRIPTS = (
    ("cyrillic", re.compile(r"[\u0400-\u04FF]")),
    ("arabic", re.compile(r"[\u0600-\u06FF]")),
    ("latin", re.compile(r"[A-Za-z\u00C0-\u024F\u0259]")),
)


@dataclass
class Doc:
    """An article: its text, the folded text used for matching and the tokens of that."""

    text: str
    folded: str
    index: list[int] | None
    toks: list[tuple[int, int]]
    words: list[str]
    starts: list[int] = field(default_factory=list)  # original start of each token

    @classmethod
    def of(cls, text: str) -> Doc:
        folded, index = normalizer().fold(text)
        toks = tokens_of(folded)
        doc = cls(text, folded, index, toks, [folded[a:b] for a, b in toks])
        doc.starts = [doc.orig(a) for a, _ in toks]
        return doc

    def orig(self, position: int) -> int:
        if self.index is None:
            return position
        if position >= len(self.index):
            return len(self.text)
        return self.index[position]

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original character span of tokens i..j-1."""
        if j <= i:
            start = self.starts[i] if i < len(self.starts) else len(self.text)
            return start, start
        return self.starts[i], self.orig(self.toks[j - 1][1] - 1) + 1

    def printed(self, start: int, end: int) -> str:
        """The original text of a span as a reader sees it (``Normalizer.visible``): what case,
        spelling and inflection are read from."""
        return normalizer().visible(self.text[start:end])

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after an original offset."""
        return bisect.bisect_left(self.starts, offset)


def initial_stop(doc: Doc, t: int) -> bool:
    """Whether token t is the full stop of an initial ("S." of "S.V. Lavrov"), not a clause end."""
    if t <= 0 or doc.words[t] != "." or len(doc.words[t - 1]) != 1:
        return False
    start = doc.starts[t - 1]
    return doc.text[start].isupper() and doc.starts[t] == start + 1


@dataclass
class Line:
    start: int
    end: int
    i: int  # first token
    j: int  # end token
    role: str = "body"  # header, title, body, boilerplate


@dataclass
class Sentence:
    start: int
    end: int
    i: int
    j: int
    line: int


def script_of(text: str) -> str | None:
    counts = [(len(pattern.findall(text)), name) for name, pattern in _SCRIPTS]
    best = max(counts)
    return best[1] if best[0] else None


def lines_of(doc: Doc) -> list[Line]:
    lines = []
    offset = 0
    for raw in doc.text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        stripped = raw.strip()
        if not stripped:
            continue
        start += len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        lines.append(Line(start, end, doc.token_at(start), doc.token_at(end)))
    return _unwrapped(doc, lines)


# A paragraph hard-wrapped at a fixed width (some wires and mirrors): at least this many lines
# in a row, each but the last unfinished (no sentence end) and of at least WRAP_WORDS words and
# WRAP_SHARE of the longest line's length, the longest at least WRAP_WIDTH characters. A page
# whose paragraphs (runs of lines ending in a sentence end) have at least WRAP_LINES unfinished
# lines is wrapped at the width of the WRAP_LINES-th widest of them (if at least WRAP_WIDTH):
# there a paragraph of two lines or more is joined too when it ends in a sentence end (or ends
# the page, cut mid-sentence) and each line but its last fills at least WRAP_FILL of that
# width. A list of headlines, each followed by its section's name, ends in no sentence end and
# shows no width.
WRAP_LINES = 3
WRAP_WORDS = 5
WRAP_SHARE = 0.5
WRAP_WIDTH = 40
WRAP_FILL = 0.75


def _unwrapped(doc: Doc, lines: list[Line]) -> list[Line]:
    """Lines with every hard-wrapped paragraph joined into one line (offsets kept: the line
    breaks inside it are read as spaces), so that its sentences are read whole."""
    unfinished = sorted(
        (
            line.end - line.start
            for block in _blocks(doc, lines, lambda block: True)
            if _finished(doc, block[-1])
            for line in block[:-1]
        ),
        reverse=True,
    )
    page_width = unfinished[WRAP_LINES - 1] if len(unfinished) >= WRAP_LINES else 0

    def filled(block: list[Line]) -> bool:
        return (
            page_width >= WRAP_WIDTH
            and (_finished(doc, block[-1]) or block[-1] is lines[-1])
            and all(line.end - line.start >= WRAP_FILL * page_width for line in block[:-1])
        )

    out: list[Line] = []
    for block in _blocks(doc, lines, lambda block: _wrapped(block) or filled(block)):
        if len(block) > 1:
            out.append(Line(block[0].start, block[-1].end, block[0].i, block[-1].j))
        else:
            out.extend(block)
    return out


def _finished(doc: Doc, line: Line) -> bool:
    """Whether a line ends a sentence."""
    return _SENTENCE_END.search(doc.text[line.start : line.end]) is not None


def _blocks(
    doc: Doc, lines: list[Line], accept: Callable[[list[Line]], bool]
) -> Iterator[list[Line]]:
    """The lines in blocks: the longest run of lines from each line on, each going on in the
    next, when ``accept`` takes it, else the line alone."""
    k = 0
    while k < len(lines):
        run = k
        while run + 1 < len(lines) and _continues(doc, lines[run], lines[run + 1]):
            run += 1
        block = lines[k : run + 1]
        if len(block) > 1 and accept(block):
            yield block
            k = run + 1
        else:
            yield [lines[k]]
            k += 1


def _wrapped(block: list[Line]) -> bool:
    """Whether a run of lines is a paragraph wrapped at a fixed width."""
    widest = max(line.end - line.start for line in block)
    return (
        len(block) >= WRAP_LINES
        and widest >= WRAP_WIDTH
        and all(line.end - line.start >= WRAP_SHARE * widest for line in block[:-1])
    )


def _continues(doc: Doc, line: Line, following: Line) -> bool:
    """Whether a line stops mid-sentence and the next line goes on with it: long enough, no
    sentence end, and no blank line between them (a blank line ends a paragraph)."""
    text = doc.text[line.start : line.end]
    return (
        line.j - line.i >= WRAP_WORDS
        and (not _finished(doc, line) or _ABBREVIATION.search(text) is not None)
        and doc.text.count("\n", line.end, following.start) == 1
    )


def classify(
    doc: Doc, lines: list[Line], boilerplate: dict[str, list[str]], script: str | None
) -> None:
    """Mark each line header, title, body or boilerplate (in place)."""
    key = normalizer().key
    cut = [key(m) for m in boilerplate.get("cut", [])]
    drop = [key(m) for m in boilerplate.get("drop", [])]
    credit = [key(m) for m in boilerplate.get("credit", [])]
    body_started = False
    ended = False
    seen: set[str] = set()

    def is_prose(line: Line) -> bool:
        words = line.j - line.i
        folded = key(doc.text[line.start : line.end])
        return words >= 8 and (_SENTENCE_END.search(folded) is not None or words >= 15)

    for number, line in enumerate(lines):
        folded = key(doc.text[line.start : line.end])
        words = line.j - line.i
        prose = is_prose(line)
        if ended:
            line.role = "boilerplate"
            continue
        if any(folded.startswith(marker) for marker in cut) and (body_started or words < 8):
            # An inline link ("Read also: <headline>") between two paragraphs of prose is
            # dropped alone; a marker followed by anything else ends the body.
            following = lines[number + 1] if number + 1 < len(lines) else None
            inline = any(folded.startswith(m) and len(folded) > len(m) + 12 for m in cut)
            if body_started and not (inline and following is not None and is_prose(following)):
                ended = True
            line.role = "boilerplate"
            continue
        if any(marker in folded for marker in drop) or any(folded.startswith(m) for m in credit):
            line.role = "boilerplate"
            continue
        line_script = script_of(folded)
        if script and line_script and line_script != script and words >= 3:
            line.role = "boilerplate"
            continue
        if folded in seen:
            line.role = "header" if not body_started else "boilerplate"
            continue
        seen.add(folded)
        if not body_started:
            if (
                not any(other.role == "title" for other in lines)
                and words < 40
                and not _SENTENCE_END.search(folded)
            ):
                line.role = "title"
                continue
            if prose:
                body_started = True
                line.role = "body"
            else:
                line.role = "header"
            continue
        line.role = "body" if prose or words >= 6 else "boilerplate"
    # Lines after the last body line that are not prose are the page's tail.
    last = max((n for n, line in enumerate(lines) if line.role == "body"), default=-1)
    for line in lines[last + 1 :]:
        if line.role == "body":
            line.role = "boilerplate"


def sentences_of(doc: Doc, lines: list[Line]) -> list[Sentence]:
    out = []
    for number, line in enumerate(lines):
        if line.role != "body":
            continue
        text = doc.text[line.start : line.end]
        start = 0
        for match in _SPLIT.finditer(text):
            if _ABBREVIATION.search(text[: match.start()].rstrip('"”»')):
                continue
            if _BEFORE_NUMBER.search(text[: match.start()]) and text[match.end() :][:1].isdigit():
                continue
            out.append(_sentence(doc, line.start + start, line.start + match.start(), number))
            start = match.end()
        out.append(_sentence(doc, line.start + start, line.end, number))
    return [s for s in out if s.j > s.i]


def _sentence(doc: Doc, start: int, end: int, line: int) -> Sentence:
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, doc.token_at(start), doc.token_at(end), line)
