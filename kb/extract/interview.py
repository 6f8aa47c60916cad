"""Interviews and press conferences laid out as questions and answers.

A body line that starts with a question label ("Q:", "پرسش:", "Вопрос:") is the journalist's:
it may report a meeting but states no one's position. A line that starts with an answer label
("A:", "Ответ:") or with a person's name and a colon ("کنعانی:") is the interviewee's, in direct
speech: each of its sentences without a speaker of its own is theirs. The interviewee of a bare
"A:" is the first person the article names before the first question.
"""

from __future__ import annotations

from dataclasses import dataclass

from .reading import PEOPLE, Act, Context, Reading
from .segment import Line

LABEL_END = (":",)


@dataclass
class Turn:
    kind: str  # question, answer
    speaker: str | None
    label_end: int  # token after the label's colon


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
    """Question and answer lines of the body, by line number (empty when there is no Q/A)."""
    words = ctx.doc.words
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
        named = next(
            (
                x
                for x in ctx.found.mentions
                if x.kind in PEOPLE
                and x.entity
                and x.i == line.i
                and x.j < line.j
                and words[x.j] in LABEL_END
            ),
            None,
        )
        if named is not None:
            turns[number] = Turn("answer", named.entity, named.j + 1)
    if not any(t.kind == "question" for t in turns.values()):
        return {}
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


def apply(turn: Turn, reading: Reading) -> None:
    """A question states no position; an answer's sentences are the interviewee's, direct."""
    if turn.kind == "question":
        reading.speakers, reading.speech, reading.continuation = [], None, False
        reading.acts = []  # not even as direct speech going on from the answer before
        return
    if turn.speaker is None or (reading.speakers and reading.speech is not None):
        return
    reading.speakers, reading.speaker_how = [turn.speaker], "interview"
    reading.continuation = True
    reading.colon = reading.sentence.i - 1
    if reading.sentence.i < turn.label_end:
        reading.colon = turn.label_end - 1
    # the answer's own act, after its label ("A: ..."), in place of speech going on
    reading.acts = [Act(None, "quotation", [turn.speaker], "interview", (0, 0), reading.colon)]
