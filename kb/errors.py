"""One small error hierarchy; the CLI maps each class to an exit code."""

from __future__ import annotations


class KBError(Exception):
    """Anything kb refuses to do, with a message a person can act on."""

    exit_code = 2


class InputError(KBError):
    """Input that cannot be read: bad syntax, bad encoding, missing file, unsafe query."""

    exit_code = 2


class ValidationFailed(KBError):
    """Claims that were read but break a rule; carries the report."""

    exit_code = 1

    def __init__(self, message: str, report: object = None) -> None:
        super().__init__(message)
        self.report = report


class StoreError(KBError):
    """The store cannot be opened, reached or written."""

    exit_code = 3
