"""What every kb command shares: the store it works on, and errors as one line and an exit code.

Exit codes: 0 success (validation conforms), 1 violations, 2 unreadable input,
3 the store cannot be opened or reached, 4 the system refused a read or a write (a missing
folder, no permission, a full disk), 70 an internal error (a bug; ``KB_DEBUG=1`` shows the
traceback). Every error is one line on stderr.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import click
import yaml

from ..errors import InputError, KBError, StoreError, ValidationFailed
from ..progress import Progress
from ..store import Store, masked, open_store
from ..store.embedded import EmbeddedStore

# Seconds a writer queues for the store's lock by default.
DEFAULT_WAIT = 60.0
EXIT_SYSTEM = 4  # an OSError no layer below turned into a KBError
EXIT_BUG = 70  # sysexits' EX_SOFTWARE
EXIT_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a command whose reader went away


class KBGroup(click.Group):
    """Turns every error into one line on stderr and its exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk under redirected output fails here, not at exit
            return result
        except ValidationFailed as error:
            if error.report is not None:
                fmt = ctx.meta.get("kb.report_format", "text")
                click.echo(error.report.render(fmt), err=fmt == "text")  # type: ignore[attr-defined]
            click.echo(f"kb: {error}", err=True)
            ctx.exit(error.exit_code)
        except KBError as error:
            click.echo(f"kb: {error}", err=True)
            ctx.exit(error.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except yaml.YAMLError as error:  # a data file (a lexicon, say) no layer below checked
            click.echo(f"kb: {_malformed_yaml(error)}", err=True)
            ctx.exit(InputError.exit_code)
        except OSError as error:
            _drop_unwritable_stdout()
            if error.errno == errno.EPIPE:
                ctx.exit(EXIT_PIPE)  # the reader of stdout has gone (| head): quietly
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"kb: {where}{error.strerror or error}", err=True)
            ctx.exit(EXIT_SYSTEM)
        except Exception as error:
            if os.environ.get("KB_DEBUG"):
                raise
            first_line = (str(error).splitlines() or [""])[0]
            click.echo(
                f"kb: internal error: {type(error).__name__}: {first_line} "
                "(a bug; KB_DEBUG=1 shows the traceback)",
                err=True,
            )
            ctx.exit(EXIT_BUG)


def _malformed_yaml(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f"{mark.name}: line {mark.line + 1}: " if mark else ""
    return f"{where}malformed YAML: {getattr(error, 'problem', None) or error}"


def _drop_unwritable_stdout() -> None:
    """Point stdout at /dev/null if it cannot be flushed, so that exiting does not fail again."""
    try:
        sys.stdout.flush()
    except OSError:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # not a real file (a test's captured output)
            pass


class Context:
    """The store a command works on: opened read-only for readers, queued for writers."""

    def __init__(self, location: str, quiet: bool, wait: float = DEFAULT_WAIT) -> None:
        self._location = location
        self.location = masked(location)  # what messages show: never a password
        self.quiet = quiet
        self.wait = wait
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The store for writing: waits (up to ``--wait`` s) while another command writes.
        A location that holds no KB is refused, as a reader refuses it: a misspelt ``--store``
        must not become a new, empty store (``kb init`` and ``kb build`` create one)."""
        if self._store is None and self.new_store_path() is not None:
            raise StoreError(f"no KB at {self.location}: create one with kb build or kb init")
        return self.store_or_new

    @property
    def store_or_new(self) -> Store:
        """The store for writing, created empty where none exists yet (``kb init``)."""
        if self._store is None:
            self._store = open_store(self._location, wait=self.wait, on_wait=self._waiting)
        return self._store

    @property
    def reader(self) -> Store:
        """The store for reading: never takes the write lock, so it never waits for a writer."""
        if self._store is None:
            self._store = open_store(self._location, read_only=True)
        return self._store

    def new_store_path(self) -> Path | None:
        """The location as a path when it holds no store yet (nothing there, or an empty
        directory), so that a command may create the store whole; else None."""
        if self._store is not None or "://" in self._location:
            return None
        path = Path(self._location)
        if not path.exists() or (path.is_dir() and not any(path.iterdir())):
            return path
        return None

    def reader_or_empty(self) -> Store:
        """The store for reading, or an empty one when none exists yet (validating a file
        against the shipped model alone)."""
        if (
            self._store is None
            and "://" not in self._location
            and not Path(self._location).exists()
        ):
            self._store = EmbeddedStore.in_memory()
        return self.reader

    def _waiting(self) -> None:
        if not self.quiet and sys.stderr.isatty():
            click.echo("waiting for the store: another kb command is writing", err=True)

    def close(self) -> None:
        """Release the store (an embedded store's lock, a remote store's connections)."""

        if self._store is not None:
            self._store.close()
            self._store = None

    def progress(self, total: int | None, label: str) -> Progress:
        """A progress bar on stderr for ``total`` steps; silent when piped or with --quiet."""
        return Progress(total, label, quiet=self.quiet)


pass_context = click.make_pass_decorator(Context)
