"""Chronique's error types, each with a stable code (as spaCy's ``Errors``)."""

from __future__ import annotations


class ChroniqueError(Exception):
    """Base class of every error Chronique raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(ChroniqueError):
    """An input (file, line, stdin) cannot be turned into an article.

    Raised per input: the batch reports it with the file name and goes on.
    """

    code = "E100"

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class StoreError(ChroniqueError):
    """The database cannot be opened, is of an unknown schema, or refused a write."""

    code = "E200"


class GoldError(ChroniqueError):
    """A gold annotation file does not follow ``gold-format.md``."""

    code = "E300"
