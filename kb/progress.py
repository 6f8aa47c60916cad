"""Progress bars for long work: drawn on a terminal, silent when piped or asked to be quiet.

Library code reports progress through a plain callback, ``Callable[[str], None]``, called
once per step with what it is doing (``kbase.build`` does so); the CLI hands it a
:class:`Progress`, which draws a bar on stderr only when stderr is a terminal.

>>> import io
>>> with Progress(3, "building", stream=io.StringIO()) as step:  # not a TTY: draws nothing
...     for name in ("a", "b", "c"):
...         step(f"compiling {name}")
>>> list(track(range(3), "counting", stream=io.StringIO()))
[0, 1, 2]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import IO, Any, TextIO, TypeVar, cast

import click

T = TypeVar("T")


def should_draw(stream: IO[str] | None = None, quiet: bool = False) -> bool:
    """Whether to draw: never when quiet, only when the stream is an interactive terminal."""
    if quiet:
        return False
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stream
        return False


class Progress:
    """A step counter with a bar. Call it with a message as each step begins (the previous
    step then counts as done), or count finished steps with :meth:`advance`.

    ``total`` may be ``None`` when the number of steps is unknown. Steps beyond ``total``
    are allowed and simply fill the bar; leaving the ``with`` block normally fills it.
    """

    def __init__(
        self,
        total: int | None,
        label: str,
        *,
        quiet: bool = False,
        stream: IO[str] | None = None,
    ) -> None:
        self.total = total
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = should_draw(self.stream, quiet)
        self.done = 0
        self._begun = False
        self._message = ""
        self._bar: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            self._bar = click.progressbar(
                length=self.total,
                label=self.label,
                file=cast(TextIO, self.stream),
                show_pos=True,
                item_show_func=lambda _: self._message or None,
            )
            self._bar.__enter__()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            if kind is None and self.total is not None:
                self._message = ""
                self._bar.update(max(0, self.total - self._bar.pos))
            self._bar.__exit__(kind, error, trace)
            self._bar = None

    def __call__(self, message: str = "") -> None:
        """A step begins: show ``message``; the step before it, if any, is done."""
        self.advance(1 if self._begun else 0, message)
        self._begun = True

    def advance(self, steps: int = 1, message: str = "") -> None:
        """Count ``steps`` more steps done, showing ``message`` beside the bar."""
        self.done += steps
        self._message = message
        if self._bar is not None:
            if self.total is not None and self._bar.pos + steps > self.total:
                steps = max(0, self.total - self._bar.pos)
            if steps:
                self._bar.update(steps)
            else:
                self._bar.render_progress()  # the message changed, the count did not


def track(
    items: Iterable[T],
    label: str,
    *,
    length: int | None = None,
    describe: Callable[[T], str] | None = None,
    quiet: bool = False,
    stream: IO[str] | None = None,
) -> Iterator[T]:
    """Iterate over ``items`` with a bar (when drawing); ``length`` defaults to ``len(items)``.

    ``describe`` turns an item into the text shown beside the bar (e.g. a file name).
    """
    if length is None and hasattr(items, "__len__"):
        length = len(items)  # type: ignore[arg-type]
    with Progress(length, label, quiet=quiet, stream=stream) as progress:
        for item in items:
            yield item
            progress.advance(1, describe(item) if describe else "")
