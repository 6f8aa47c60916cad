"""The article as folded tokens, its lines, which lines are body and which boilerplate, and
its sentences.

Boilerplate is recognised by curated markers (a "read also" line ends the body; cookie and
social lines are dropped anywhere), by lines in another script than the article, and by
short lines that are not sentences (navigation, headlines of other stories, credits): in the
body, such a line is kept only as a subheading or caption, alone between the text's lines.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from ..lexicons import LANGUAGES, language_lexicon, words_in_every_language
from .normalize import normalizer, tokens_of

# A line ends a sentence with a full stop (or "!", "?", "…"), maybe inside closing quotation
# marks or a bracket; a headline ending with a quotation ('X: "We are ready"') does not.
_SENTENCE_END = re.compile(r"[.!?؟…][\"”»’)]*\s*$")
# Items of a navigation bar or a ticker: "Politics | Economy | World"
_MENU_SEPARATOR = re.compile(r"\s[|•·]\s")
MENU_SEPARATORS = 2
# An item of a list of links: a bullet, a hyphen with no second dash in its line, or a
# ticker's clock time ("12:40 X meets Y"), before a short line. The typographic dashes (— –)
# open direct speech: a dialogue of dashes ("— Как вы оцениваете...?", "— Мы приветствуем...")
# is an interview, and "- A, - said X" has a second dash.
_BULLET = re.compile(r"^(?:[•▪►◦●*·]|-(?!.*\s[-–—]\s)|\d{1,2}:\d{2})\s")
ITEM_WORDS = 20
# A paragraph: a line of at least this many tokens
PARAGRAPH_WORDS = 15
# A ticker of other stories before the article: two or more short sentences (fewer tokens than
# this each), one a line, before the article's headline
TICKER_ITEMS = 2
TICKER_WORDS = 12
# Other stories' headlines as short sentences under a heading (no sentence) after the article:
# at least this many, with no prose after them
TAIL_ITEMS = 3
# A sentence ends before a word, an opening quotation mark (of any style: "“«„"), or a dash
# that opens direct speech ("... he said. — We are ready, — he added.").
_SPLIT = re.compile(r"(?<=[.!?؟])[\"”»“]?\s+(?=[\"“«„]?\w|[—–]\s)|(?<=[.!?؟][\"”»“])\s*(?=\w)")
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
    plain: bool = True  # nothing in the text that folding deletes (``printed`` is a slice)

    @classmethod
    def of(cls, text: str) -> Doc:
        folded, index = normalizer().fold(text)
        toks = tokens_of(folded)
        doc = cls(text, folded, index, toks, [folded[a:b] for a, b in toks])
        doc.starts = [doc.orig(a) for a, _ in toks]
        doc.plain = len(normalizer().visible(text)) == len(text)
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

    def verbatim(self, i: int, j: int) -> str:
        """The original text of tokens i..j-1, as the article prints it."""
        a, b = self.span(i, j)
        return self.text[a:b]

    def printed(self, start: int, end: int) -> str:
        """The original text of a span as a reader sees it (``Normalizer.visible``): what case,
        spelling and inflection are read from."""
        span = self.text[start:end]
        return span if self.plain else normalizer().visible(span)

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after an original offset."""
        return bisect.bisect_left(self.starts, offset)


def initial_stop(doc: Doc, t: int) -> bool:
    """Whether token t is the full stop of an initial ("S." of "S.V. Lavrov"), not a clause end."""
    if t <= 0 or doc.words[t] != "." or len(doc.words[t - 1]) != 1:
        return False
    start = doc.starts[t - 1]
    return doc.text[start].isupper() and doc.starts[t] == start + 1


SENTENCE_ENDS = (".", "!", "?", "؟")
CLAUSE_MARKS = (".", ";", ":", "،", ",", "!", "?", "؟", "؛")  # punctuation that ends a phrase


def unbroken(doc: Doc, i: int, j: int) -> bool:
    """Whether no punctuation separates tokens i..j-1 (one phrase; an initial's full stop is
    no break)."""
    return not any(doc.words[t] in CLAUSE_MARKS and not initial_stop(doc, t) for t in range(i, j))


def ends_sentence(doc: Doc, t: int) -> bool:
    """Whether token t ends a sentence: a full stop that is no initial's, "!" or "?"."""
    return doc.words[t] in SENTENCE_ENDS and not initial_stop(doc, t)


def sentence_ends_between(doc: Doc, i: int, j: int) -> int:
    """How many sentence ends stand between tokens i and j."""
    return sum(1 for t in range(i, j) if ends_sentence(doc, t))


@dataclass
class Line:
    start: int
    end: int
    i: int  # first token
    j: int  # end token
    role: str = "body"  # header, title, body, boilerplate
    after_blank: bool = False  # a blank line before it


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
    blank = False
    for raw in doc.text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        start += len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        lines.append(Line(start, end, doc.token_at(start), doc.token_at(end), after_blank=blank))
        blank = False
    return _unwrapped(doc, lines)


# A paragraph hard-wrapped at a fixed width (some wires and mirrors): at least this many lines
# in a row with no blank line between them, each but the last unfinished (no sentence end) and
# of at least WRAP_WORDS words and WRAP_SHARE of the longest line's length, the longest at
# least WRAP_WIDTH characters, and one of its breaks inside a phrase (``_breaks_phrase``): a
# list of headlines, one a line, is no paragraph. A page whose paragraphs (runs of lines ending
# in a sentence end) have at least WRAP_LINES unfinished lines is wrapped at the width of the
# WRAP_LINES-th widest of them (if at least WRAP_WIDTH): there a paragraph of two lines or more
# is joined too when it ends in a sentence end (or ends the page, cut mid-sentence) and each
# line but its last fills at least WRAP_FILL of that width. A list of headlines, each followed
# by its section's name, ends in no sentence end and shows no width.
WRAP_LINES = 3
WRAP_WORDS = 5
WRAP_SHARE = 0.5
WRAP_WIDTH = 40
WRAP_FILL = 0.75


def _unwrapped(doc: Doc, lines: list[Line]) -> list[Line]:
    """Lines with every hard-wrapped paragraph joined into one line (offsets kept: the line
    breaks inside it are read as spaces), so that its sentences are read whole."""
    goes_on = [_continues(doc, a, b) for a, b in pairwise(lines)]
    unfinished = sorted(
        (
            line.end - line.start
            for block in _blocks(lines, goes_on, lambda block: True)
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
    for block in _blocks(lines, goes_on, lambda block: _wrapped(doc, block) or filled(block)):
        if len(block) > 1:
            out.append(Line(block[0].start, block[-1].end, block[0].i, block[-1].j))
        else:
            out.extend(block)
    return out


def _finished(doc: Doc, line: Line) -> bool:
    """Whether a line ends a sentence."""
    return _SENTENCE_END.search(doc.text[line.start : line.end]) is not None


def _blocks(
    lines: list[Line], goes_on: list[bool], accept: Callable[[list[Line]], bool]
) -> Iterator[list[Line]]:
    """The lines in blocks: the longest run of lines from each line on, each going on in the
    next (``goes_on[k]``: line k goes on in line k + 1), when ``accept`` takes it, else the
    line alone."""
    k = 0
    while k < len(lines):
        run = k
        while run + 1 < len(lines) and goes_on[run]:
            run += 1
        block = lines[k : run + 1]
        if len(block) > 1 and accept(block):
            yield block
            k = run + 1
        else:
            yield [lines[k]]
            k += 1


def _wrapped(doc: Doc, block: list[Line]) -> bool:
    """Whether a run of lines is a paragraph wrapped at a fixed width."""
    widest = max(line.end - line.start for line in block)
    return (
        len(block) >= WRAP_LINES
        and widest >= WRAP_WIDTH
        and all(line.end - line.start >= WRAP_SHARE * widest for line in block[:-1])
        and any(_breaks_phrase(doc, a, b) for a, b in pairwise(block))
    )


ABBREVIATION_TAIL = 24  # characters: the end of a line an abbreviation is looked for in


def _continues(doc: Doc, line: Line, following: Line) -> bool:
    """Whether a line stops mid-sentence and the next line goes on with it: long enough, no
    sentence end (an abbreviation's full stop is none), and no blank line between them."""
    text = doc.text[line.start : line.end]
    return (
        line.j - line.i >= WRAP_WORDS
        and (
            not _finished(doc, line) or _ABBREVIATION.search(text[-ABBREVIATION_TAIL:]) is not None
        )
        and not following.after_blank
    )


def _breaks_phrase(doc: Doc, line: Line, following: Line) -> bool:
    """Whether the break between two lines falls inside a phrase: the next line goes on in
    lower case, or the line ends with a comma, a hyphen or a function word (the stopwords of
    any language: "of", "в", "و")."""
    text = doc.text[line.start : line.end]
    if doc.text[following.start].islower() or text[-1] in ",،-":
        return True
    return normalizer().key(text.split()[-1]) in _function_words()


@cache
def _function_words() -> frozenset[str]:
    return frozenset(normalizer().key(w) for w in words_in_every_language("stopwords"))


def classify(
    doc: Doc, lines: list[Line], boilerplate: dict[str, list[str]], script: str | None
) -> None:
    """Mark each line header, title, body or boilerplate (in place)."""
    key = normalizer().key
    cut = _keys(tuple(boilerplate.get("cut", [])))
    drop = _keys(tuple(boilerplate.get("drop", [])))
    credit = _keys(tuple(boilerplate.get("credit", [])))
    body_started = False
    ended = False
    seen: set[str] = set()

    def is_prose(line: Line) -> bool:
        words = line.j - line.i
        text = doc.text[line.start : line.end]
        if len(_MENU_SEPARATOR.findall(text)) >= MENU_SEPARATORS:
            return False
        return words >= 8 and (_SENTENCE_END.search(text) is not None or words >= PARAGRAPH_WORDS)

    items = _list_items(doc, lines)
    for number, line in enumerate(lines):
        folded = key(doc.text[line.start : line.end])
        words = line.j - line.i
        prose = is_prose(line)
        if ended:
            line.role = "boilerplate"
            continue
        if number in items:
            line.role = "boilerplate"
            continue
        if (
            folded.startswith(cut)
            and (body_started or words < 8)
            and not (prose and _SENTENCE_END.search(folded) and not _labelled(folded, cut))
        ):
            # An inline link ("Read also: <headline>") between two paragraphs of prose is
            # dropped alone; a marker followed by anything else ends the body.
            following = lines[number + 1] if number + 1 < len(lines) else None
            inline = any(folded.startswith(m) and len(folded) > len(m) + 12 for m in cut)
            if body_started and not (inline and following is not None and is_prose(following)):
                ended = True
            line.role = "boilerplate"
            continue
        if any(marker in folded for marker in drop) or folded.startswith(credit):
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
        if body_started and _headline_after_list(lines, number, words, folded, is_prose):
            # the short sentences taken for the body's start were a list (a ticker of other
            # stories' headlines): the article starts after this headline
            for earlier in lines[:number]:
                if earlier.role == "body":
                    earlier.role = "header"
            body_started = False
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
        if prose or (words >= 6 and _SENTENCE_END.search(folded)):
            line.role = "body"
        elif words >= 6 and _alone_in_text(lines, number, is_prose):
            line.role = "body"
        else:
            line.role = "boilerplate"


@cache
def _keys(markers: tuple[str, ...]) -> tuple[str, ...]:
    """Page markers folded as cues are (a page's markers are the same for every article of its
    language, so they are folded once)."""
    return tuple(normalizer().key(m) for m in markers)


def _labelled(folded: str, markers: tuple[str, ...]) -> bool:
    """Whether a line opens with a marker as a label ("About the author: X is ...")."""
    return any(folded.startswith(m) and folded[len(m) :].lstrip()[:1] == ":" for m in markers)


def _list_items(doc: Doc, lines: list[Line]) -> set[int]:
    """The lines that are items of a list of links: two or more in a row, each a short line
    opened by a bullet or a hyphen ("• X met Y.", "- X: ...")."""
    marked = [
        bool(_BULLET.match(doc.text[line.start : line.end])) and line.j - line.i < ITEM_WORDS
        for line in lines
    ]
    items = {
        n
        for n, is_item in enumerate(marked)
        if is_item and ((n > 0 and marked[n - 1]) or (n + 1 < len(marked) and marked[n + 1]))
    }
    return items | _headlines_at_the_end(doc, lines)


def _headlines_at_the_end(doc: Doc, lines: list[Line]) -> set[int]:
    """Short sentences, one a line, under a heading that is no sentence, with no paragraph of
    prose after them: a list of other stories ("More from us:" and headlines with full
    stops), after the article's first paragraph. Two short closing paragraphs after a
    subheading are too few to be one."""

    ends = [_finished(doc, line) for line in lines]
    paragraphs = [n for n, line in enumerate(lines) if ends[n] and line.j - line.i >= TICKER_WORDS]
    if not paragraphs:
        return set()
    n = paragraphs[0] + 1
    while n < len(lines) - TAIL_ITEMS:
        run = n + 1
        while run < len(lines) and ends[run] and lines[run].j - lines[run].i < TICKER_WORDS:
            run += 1
        if not ends[n] and run - n - 1 >= TAIL_ITEMS and run > paragraphs[-1]:
            return set(range(n + 1, run))
        n = run  # the lines of the run are sentences: none is a heading
    return set()


def _headline_after_list(
    lines: list[Line], number: int, words: int, folded: str, is_prose: Callable[[Line], bool]
) -> bool:
    """Whether a line is the article's headline after a list taken for the body's start: a
    line that is no sentence, with prose in the next two lines, while every body line before
    it is short: two or more sentences of a ticker, no paragraph yet."""
    if _SENTENCE_END.search(folded) or not 3 <= words < PARAGRAPH_WORDS + 10:
        return False
    if not any(is_prose(following) for following in lines[number + 1 : number + 3]):
        return False
    body = [line for line in lines[:number] if line.role == "body"]
    return len(body) >= TICKER_ITEMS and all(line.j - line.i < TICKER_WORDS for line in body)


@cache
def page_markers(language: str) -> dict[str, list[str]]:
    """The boilerplate markers of a page in this language: its own, then every other
    language's (sites label their furniture in another language than the article's). The
    caller must not change the lists."""
    own = language_lexicon(language).get("boilerplate") or {}
    out: dict[str, list[str]] = {}
    for kind in ("cut", "drop", "credit"):
        markers = [str(m) for m in own.get(kind) or []]
        for other in LANGUAGES:
            if other != language:
                markers += [
                    str(m)
                    for m in (language_lexicon(other).get("boilerplate") or {}).get(kind) or []
                ]
        out[kind] = list(dict.fromkeys(markers))
    return out


def _alone_in_text(lines: list[Line], number: int, is_prose: Callable[[Line], bool]) -> bool:
    """Whether a line that is no sentence, in the body, is a subheading or a caption: right
    after a body line and before prose (or before the text's last line); or the text's last
    line, right after a body line (the page stored cut there). A run of such lines (headlines
    of other stories, a ticker) or one before the page's furniture is not the article's."""
    if number == 0 or lines[number - 1].role != "body":
        return False
    last = len(lines) - 1
    return number == last or number + 1 == last or is_prose(lines[number + 1])


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
