"""Quotations over sentences and paragraphs: which tokens of an article are quoted, and which
quotations form one block of direct speech.

Marks come from ``_common.yaml`` (``quotes``: each opening mark and the marks that may close
it). A closing-only mark (» ” ›) never opens a quotation. A quotation still open at the end of
a paragraph continues into the next when that paragraph opens again with a mark (the
convention for quotations over several paragraphs) or closes the quotation before opening
another; otherwise it ends with its paragraph. Quotations joined that way are one block.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..normalize import common
from .reading import PEOPLE, Act, Context, Reading
from .segment import Doc, Line
from .verb_final import anaphoric

# Fewer tokens than this between the marks are a name or a term set off ("Hassan Rouhani",
# «3+3»), not speech; unclosed, a stray mark.
MIN_TOKENS = 4
# The author's words inside a quotation ("«A, — said X. — B»"): a dash after a comma or a
# sentence end opens them, a dash after a comma, full stop or colon closes them, at most this
# many tokens later.
DASHES = ("-", "–", "—")
INTERJECTION_OPENS = (",", ".", "!", "?", "…")
INTERJECTION_CLOSES = (",", ".", ":")
MAX_INTERJECTION = 12
SPEECH_DASH = "—"  # the mark of direct speech opened by a dash, on the stack of open quotations


@dataclass(frozen=True)
class Quotation:
    """Tokens i..j-1 inside quotation marks; quotations of one block share its number."""

    i: int
    j: int
    block: int
    closed: bool  # ended by its closing mark (not by the end of a paragraph)


@lru_cache(maxsize=1)
def marks() -> dict[str, tuple[str, ...]]:
    """Opening mark -> the marks that may close it."""
    return {str(k): tuple(str(c) for c in v) for k, v in common()["quotes"].items()}


def quotations_of(doc: Doc, lines: list[Line]) -> list[Quotation]:
    """The quotations of the body lines, in order."""
    opening = marks()
    words = doc.words
    body = [line for line in lines if line.role == "body"]
    out: list[Quotation] = []
    stack: list[tuple[str, int]] = []
    block = 0

    def close(t: int, closed: bool) -> None:
        _, start = stack.pop()
        if not stack and t - start - 1 >= MIN_TOKENS:
            out.append(Quotation(start + 1, t, block, closed))

    for number, line in enumerate(body):
        if stack:  # carried over from the paragraph before: the same block goes on
            stack = [(mark, line.i - 1) for mark, _ in stack[:1]]
        elif dash_speech(words, line):
            stack.append((SPEECH_DASH, line.i))
        t = line.i + 1 if stack and stack[0][0] == SPEECH_DASH else line.i
        while t < line.j:
            word = words[t]
            opens_aside = bool(stack) and word in DASHES and words[t - 1] in INTERJECTION_OPENS
            resumed = interjection_at(words, t, line.j) if stack else None
            if resumed is not None:  # the author's words: the quotation resumes after them
                mark = stack[0][0]
                while len(stack) > 1:
                    stack.pop()
                close(t, True)
                stack.append((mark, resumed - 1))
                t = resumed
                continue
            if opens_aside and stack[0][0] == SPEECH_DASH:  # "— A, — said X.": A ends here
                while stack:
                    close(t, True)
                block += 1
                t += 1
                continue
            if stack and word in opening.get(stack[-1][0], ()):
                close(t, True)
                if not stack:
                    block += 1
            elif word in opening:
                stack.append((word, t))
            t += 1
        if stack and stack[0][0] == SPEECH_DASH:  # direct speech after a dash ends with its line
            while stack:
                close(line.j, True)
            block += 1
        if stack:
            following = body[number + 1] if number + 1 < len(body) else None
            if following is None or not _continues(doc, following, stack[0][0]):
                while stack:
                    close(line.j, False)
                block += 1
            elif following is not None and words[following.i] not in opening:
                # closed further on in the next paragraph: this paragraph's part is quoted too
                mark = stack[0][0]
                while len(stack) > 1:
                    stack.pop()
                close(line.j, False)
                stack.append((mark, following.i - 1))
            elif following is not None and words[following.i] in opening:
                while len(stack) > 1:
                    stack.pop()
                close(line.j, False)
                stack.append((words[following.i], following.i))  # reopened: same block
                # the opener is consumed here, skip it when the line is read
                body[number + 1] = Line(
                    following.start, following.end, following.i + 1, following.j, following.role
                )
    return out


def dash_speech(words: list[str], line: Line) -> bool:
    """Whether a paragraph is direct speech opened by a dash and interrupted by the author's
    words ("— A. B, — said X."): it starts with a dash, and a dash after a comma or a sentence
    end follows."""
    if line.j - line.i < 2 or words[line.i] not in DASHES:
        return False
    return any(
        words[t] in DASHES and words[t - 1] in INTERJECTION_OPENS for t in range(line.i + 2, line.j)
    )


def interjection_at(words: list[str], t: int, end: int) -> int | None:
    """Where the author's words that open at token t of a quotation end (the token after
    their closing dash: "«A, — said X. — B»"), if they open there; None otherwise."""
    if t == 0 or words[t] not in DASHES or words[t - 1] not in INTERJECTION_OPENS:
        return None
    for u in range(t + 2, min(end, t + MAX_INTERJECTION)):
        if words[u] in DASHES and words[u - 1] in INTERJECTION_CLOSES:
            return u + 1
    return None


def _continues(doc: Doc, line: Line, opener: str) -> bool:
    """Whether a quotation open at the end of a paragraph goes on in the next one: it opens
    with a quotation mark, or closes the quotation before opening another."""
    words = doc.words
    opening = marks()
    if line.j > line.i and words[line.i] in opening:
        return True
    for t in range(line.i, line.j):
        if words[t] in opening.get(opener, ()):
            return True
        if words[t] in opening:
            return False
    return False


def quoted_set(quotations: list[Quotation]) -> set[int]:
    return {t for q in quotations for t in range(q.i, q.j)}


class QuotedBlocks:
    """Who speaks each block of direct speech. A block is attributed by a sentence that
    touches it and has a reporting verb with a speaker (before, inside or after the quoted
    text: "X said: «...»", "«...», – said X"), by the sentence right after it, or by a
    detached line after it ("– Mehdi Sanaei"). Its sentences without a reporting verb of their
    own are that speaker's direct speech; those read before the attribution wait for it."""

    def __init__(self, quotations: list[Quotation], lines: list[Line]) -> None:
        self.block_of = {t: q.block for q in quotations for t in range(q.i, q.j)}
        self.end: dict[int, int] = {}
        for q in quotations:
            self.end[q.block] = max(self.end.get(q.block, 0), q.j)
        self.lines = lines
        self.speakers: dict[int, list[str]] = {}
        self.pending: dict[int, list[Reading]] = {}

    def read(self, ctx: Context, reading: Reading) -> list[Reading]:
        """Attribute what this reading attributes; return the readings waiting for it (now
        attributed). A quoted sentence still without a speaker waits (its acts cleared)."""
        s = reading.sentence
        touched = sorted({self.block_of[t] for t in reading.quoted if t in self.block_of})
        spoken = [a for a in reading.acts if a.speakers and a.verb is not None]
        if spoken:
            first = spoken[0].verb
            assert first is not None
            words = ctx.doc.words
            trailing = (
                words[s.i] in DASHES + (",", "،")
                or first.i - s.i <= 1
                or anaphoric(ctx, reading, spoken[0])  # "Bunu X bildirib"
            )
            just_closed = [
                b
                for b in self.pending
                if b not in touched and 0 <= s.i - self.end[b] <= 2 and trailing
            ]
            out: list[Reading] = []
            for block in touched + just_closed:
                out += self._attribute(block, spoken[0].speakers)
            return out
        if not touched or 2 * len(reading.quoted) < s.j - s.i:
            return []
        block = touched[0]
        named = [a for a in reading.acts if a.speakers and a.colon == a.subject_span[1] > 0]
        if block not in self.speakers and named:
            self._attribute(block, named[0].speakers)
            return []  # "X: «...»": the line's own act says it
        going_on = [
            a
            for a in reading.acts
            if a.speakers and (a.form in ("continuation", "turn") or a.how == "interview")
        ]
        if block not in self.speakers and going_on:
            self._attribute(block, going_on[0].speakers)  # the speaker of the paragraph
        if (
            block not in self.speakers
            and ctx.direct is not None
            and self._after_colon(ctx, reading)
        ):
            self._attribute(block, ctx.direct[0])  # "X said:" ending the paragraph before
        if block not in self.speakers:
            detached = self._detached(ctx, block)
            if detached:
                self._attribute(block, detached)
        if block in self.speakers:
            _speak(reading, self.speakers[block])
            return []
        self.pending.setdefault(block, []).append(reading)
        reading.acts, reading.speakers = [], []
        return []

    def _attribute(self, block: int, speakers: list[str]) -> list[Reading]:
        self.speakers.setdefault(block, list(speakers))
        waiting = self.pending.pop(block, [])
        for reading in waiting:
            _speak(reading, self.speakers[block])
        return waiting

    def _after_colon(self, ctx: Context, reading: Reading) -> bool:
        """Whether the sentence opens a paragraph, with a quotation mark, right after a
        paragraph that ends with a colon ("X said:" / «...»)."""
        number = reading.sentence.line
        if number < 1 or number >= len(self.lines):
            return False
        line, before = self.lines[number], self.lines[number - 1]
        words = ctx.doc.words
        return (
            reading.sentence.i == line.i
            and words[line.i] in marks()
            and before.role == "body"
            and before.j > before.i
            and words[before.j - 1] == ":"
        )

    def _detached(self, ctx: Context, block: int) -> list[str]:
        """The speaker on a short line right after the block that starts with a dash."""
        end = self.end[block]
        line = next((ln for ln in self.lines if ln.i > end), None)
        words = ctx.doc.words
        if line is None or line.j - line.i > DETACHED_MAX or words[line.i] not in DASHES:
            return []
        named = [
            ctx.person_of(x)
            for x in ctx.found.mentions
            if line.i <= x.i < line.j and x.kind in PEOPLE
        ]
        return [pid for pid in named if pid][:1]


DETACHED_MAX = 10  # tokens: the longest line that only names who spoke


def _speak(reading: Reading, speakers: list[str]) -> None:
    reading.acts = [Act(None, "quotation", list(speakers), "quotation")]
    reading.speakers, reading.speaker_how = list(speakers), "quotation"


def antecedent(ctx: Context, reading: Reading, previous: Reading | None) -> Reading | None:
    """The sentence before a clause that opens with a demonstrative standing for it ("... .
    Об этом заявил X", the language's ``anaphoric_content``), unquoted and with no speaker
    of its own but a country or body ("Россия выступает за ... . Об этом заявил Лавров": the
    country's stand is what X said): X's statement, returned to be read; else None."""
    if previous is None or previous.quoted:
        return None
    if any(a.speakers and a.how != "agent" for a in previous.acts):
        return None
    spoken = [a for a in reading.acts if a.speakers and a.verb is not None]
    if not spoken or not anaphoric(ctx, reading, spoken[0]):
        return None
    if spoken[0].how == "agent" and any(a.speakers for a in previous.acts):
        return None  # a body's words said again by a body: they stay the first's
    previous.acts = [Act(None, "antecedent", list(spoken[0].speakers), spoken[0].how)]
    previous.speakers, previous.speaker_how = list(spoken[0].speakers), spoken[0].how
    return previous
