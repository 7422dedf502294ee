"""Typed errors with a message for people; the CLI maps each class to one exit code."""

from __future__ import annotations


class HmicError(Exception):
    """Base class: ``str(err)`` is a one-line message that says what went wrong and what to do."""

    exit_code = 1


class UnreadableInput(HmicError):
    """The input is not a PDF we can open (missing, not a PDF, corrupt, encrypted without password)."""

    exit_code = 3


class PasswordNeeded(UnreadableInput):
    """The PDF needs a user password to open, and none or a wrong one was given (the review page asks for it)."""


class NothingFound(HmicError):
    """The PDF opened fine but holds no annex table and no inspection findings."""

    exit_code = 4


class OutputExists(HmicError):
    """The output file exists and ``--force`` was not given."""

    exit_code = 5


class OutputError(HmicError):
    """The output could not be written (permissions, disk full, bad folder)."""

    exit_code = 6


class LimitExceeded(HmicError):
    """A per-file safety limit (pages, time) was hit."""

    exit_code = 7


class PartlyRead(HmicError):
    """Rows were written, but some scanned pages could not be read by OCR (their rows are missing).

    Not raised: the file's outcome carries this exit code, so "partial" differs from full success.
    """

    exit_code = 8
