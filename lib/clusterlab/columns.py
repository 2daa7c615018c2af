"""The one check that a table has the columns a function needs, and its one error type.

Every function of the library that reads named columns of a table calls
:func:`require_columns` first, so a missing column always gives the same one-line message:
which table (``where``), which column(s) are missing, and which columns the table has.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

__all__ = ["MissingColumnError", "require_columns"]


class _HasColumns(Protocol):
    @property
    def columns(self) -> Iterable[object]: ...


class MissingColumnError(KeyError, ValueError):
    """A table lacks one or more columns a function needs.

    A ``KeyError`` (what pandas raises for an unknown column) and a ``ValueError`` (bad input,
    which the command line reports in one line), so existing handlers of either keep working.
    ``missing`` lists the missing names, ``where`` names the table.
    """

    def __init__(self, where: str, missing: list[str], present: list[str]) -> None:
        self.where = where
        self.missing = missing
        self.present = present
        names = ", ".join(repr(c) for c in missing)
        s = "" if len(missing) == 1 else "s"
        has = ", ".join(present) if present else "no columns"
        self.message = f"{where} lacks the column{s} {names}; it has: {has}"
        super().__init__(self.message)

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


def require_columns(frame: _HasColumns, columns: Iterable[str], where: str = "the table") -> None:
    """Raise :class:`MissingColumnError` unless every name in ``columns`` is a column of
    ``frame`` (anything with a ``columns`` attribute, such as a pandas DataFrame).

    ``where`` names the table in the message, e.g. ``"the firm table"``. Order and duplicates
    of ``columns`` do not matter; the message lists the missing names in the order given.
    """
    present = [str(c) for c in frame.columns]
    have = set(present)
    missing = list(dict.fromkeys(c for c in columns if c not in have))
    if missing:
        raise MissingColumnError(where, missing, present)
