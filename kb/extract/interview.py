"""Interviews, press conferences and transcripts laid out as turns of speech.

A body line that starts with a question label ("Q:", "پرسش:", "Вопрос:") is the journalist's:
it may report a meeting but states no one's position. A line that starts with an answer label
("A:", "Ответ:") or with a person's name and a colon ("کنعانی:", with initials "В.Фамилия:",
with an aside "Фамилия (как переведено):", after a title "President of Iran X:") is the
interviewee's, in direct speech: each of its sentences without a speaker of its own (or with
only a country or body as its subject: "Иран выступает за ...") is theirs, and so are the body
lines after it up to the next turn. The interviewee of a bare "A:" is the first person the
article names before the first question. With no question, the lines are turns when at least
two open with a person's name and a colon (a transcript); one such line alone is read as a
colon after a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from .quotations import DASHES, dash_speech
from .reading import PEOPLE, Act, Context, Reading, past_titles
from .segment import Line, initial_stop

LABEL_END = (":",)
ASIDE = 6  # tokens: the longest aside between a name and its colon ("(как переведено)")
TRANSCRIPT = 2  # lines opening with a name and a colon: a transcript even with no question


@dataclass
class Turn:
    kind: str  # question, answer
    speaker: str | None
    label_end: int  # token after the label's colon
    going_on: bool = False  # a line after the answer's label line, with no label of its own
    named: bool = False  # labelled with the speaker's name ("В.Путин:"), not "A:"


def _label(ctx: Context, line: Line, phrases: list[tuple[str, ...]]) -> int | None:
    """The token after "<label>:" at the start of the line, if the line starts with a label."""
    words = ctx.doc.words
    for phrase in phrases:
        end = line.i + len(phrase)
        if tuple(words[line.i : end]) == phrase and end < line.j and words[end] in LABEL_END:
            return end + 1
    return None


def turns_of(
    ctx: Context, lines: list[Line], question: list[tuple[str, ...]], answer: list[tuple[str, ...]]
) -> dict[int, Turn]:
    """Question and answer lines of the body, by line number (empty when there is none)."""
    turns: dict[int, Turn] = {}
    for number, line in enumerate(lines):
        if line.role != "body" or line.j - line.i < 2:
            continue
        end = _label(ctx, line, question)
        if end is not None:
            turns[number] = Turn("question", None, end)
            continue
        end = _label(ctx, line, answer)
        if end is not None:
            turns[number] = Turn("answer", None, end)
            continue
        for x in ctx.found.mentions:
            if x.kind not in PEOPLE or not x.entity or not line.i <= x.i < line.j:
                continue
            start = past_titles(ctx.found.mentions, line.i)
            end = _label_after(ctx, x.j, line.j) if _initials(ctx, start, x.i) else None
            if end is not None:
                turns[number] = Turn("answer", x.entity, end, named=True)
            break  # only the line's first name may be its speaker's label
    questions = any(t.kind == "question" for t in turns.values())
    dashed = False
    if not turns:
        turns = _dash_dialogue(ctx, lines)
        questions = dashed = bool(turns)
    if not questions and sum(t.speaker is not None for t in turns.values()) < TRANSCRIPT:
        return {}  # one line "X: ..." is read as a colon after a name, not as a turn
    _going_on(lines, turns)
    if dashed:  # the lines after the last dashed turn are the article's again
        last = max(n for n, t in turns.items() if not t.going_on)
        turns = {n: t for n, t in turns.items() if n <= last}
    if not questions:
        return turns
    first_question = min(n for n, t in turns.items() if t.kind == "question")
    before = lines[first_question].i
    interviewee = next(
        (
            x.entity
            for x in ctx.found.mentions
            if x.kind in PEOPLE
            and x.entity
            and x.i < before
            and any(line.i <= x.i < line.j and line.role in ("body", "title") for line in lines)
        ),
        None,
    )
    for turn in turns.values():
        if turn.kind == "answer" and turn.speaker is None:
            turn.speaker = interviewee
    return turns


def _dash_dialogue(ctx: Context, lines: list[Line]) -> dict[int, Turn]:
    """The turns of an interview printed as a dialogue of paragraphs opened by dashes, with no
    label ("— Как вы оцениваете ...? / — Мы считаем ..."): a dashed paragraph ending with a
    question mark is a question, the dashed paragraph right after a question its answer, and
    one right after an answer the next question. Paragraphs whose dash speech the author's
    words interrupt ("— A, — said X.") are quotations, not turns. Empty unless the article
    has a question and an answer."""
    words = ctx.doc.words
    turns: dict[int, Turn] = {}
    before: Turn | None = None
    for number, line in enumerate(lines):
        if line.role != "body":
            continue
        if line.j - line.i < 2 or words[line.i] not in DASHES or dash_speech(words, line):
            before = None
            continue
        if words[line.j - 1] == "?":
            kind: str | None = "question"
        elif before is not None:
            kind = "answer" if before.kind == "question" else "question"
        else:
            kind = None
        before = Turn(kind, None, line.i + 1) if kind else None
        if before is not None:
            turns[number] = before
    kinds = {t.kind for t in turns.values()}
    return turns if kinds == {"question", "answer"} else {}


def _initials(ctx: Context, start: int, i: int) -> bool:
    """Whether tokens start..i-1 are only a name's initials ("В.", "С.В.") or nothing."""
    words = ctx.doc.words
    return all(
        (len(words[t]) == 1 and words[t].isalpha() and t + 1 < i and words[t + 1] == ".")
        or (words[t] == "." and initial_stop(ctx.doc, t))
        for t in range(start, i)
    )


def _label_after(ctx: Context, t: int, end: int) -> int | None:
    """The token after the colon that ends a speaker's label at token t ("NAME: ...",
    "NAME (как переведено): ..."), if the colon is there and speech follows it."""
    words = ctx.doc.words
    if t < end and words[t] == "(":
        close = next((u for u in range(t + 1, min(t + ASIDE, end)) if words[u] == ")"), None)
        if close is None:
            return None
        t = close + 1
    return t + 1 if t + 1 < end and words[t] in LABEL_END else None


def _going_on(lines: list[Line], turns: dict[int, Turn]) -> None:
    """Body lines after an answer, up to the next turn, are more of that answer."""
    current: Turn | None = None
    for number, line in enumerate(lines):
        if number in turns:
            current = turns[number] if turns[number].kind == "answer" else None
        elif line.role == "body" and line.j > line.i and current is not None:
            turns[number] = Turn("answer", current.speaker, line.i, True, current.named)


def apply(turn: Turn, reading: Reading) -> None:
    """A question states no position; an answer's sentences are the interviewee's, direct
    (a sentence whose subject is only a country or body is the interviewee's too)."""
    if turn.kind == "question":
        reading.speakers, reading.speech, reading.continuation = [], None, False
        reading.acts = []  # not even as direct speech going on from the answer before
        return
    if turn.speaker is None or (
        reading.speakers and reading.speech is not None and reading.speaker_how != "agent"
    ):
        return
    reading.speakers, reading.speaker_how = [turn.speaker], "interview"
    reading.continuation = True
    reading.colon = reading.sentence.i - 1
    if reading.sentence.i < turn.label_end:
        reading.colon = turn.label_end - 1
    # the answer's own act, after its label ("A: ..."), in place of speech going on; in the
    # lines after it, and in any answer labelled with the speaker's name (a transcript's
    # remarks open with greetings: "Mr President, I am glad to see you"), a sentence with no
    # topic states something only where it names a country or takes a stance (a "turn":
    # positions._stated_in)
    form = "turn" if turn.going_on or turn.named else "quotation"
    reading.acts = [Act(None, form, [turn.speaker], "interview", (0, 0), reading.colon)]
