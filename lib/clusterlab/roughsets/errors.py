"""Typed errors of the rough-set engine.

Every error is a :class:`RoughSetError`, itself a :class:`ValueError`, so callers can catch one
class. Messages name the problem and the place (column, row number, object label) and, where there
is one, the fix.
"""

from __future__ import annotations

__all__ = [
    "BetaOutOfRangeError",
    "DecisionAmongConditionsError",
    "DuplicateError",
    "EmptyTableError",
    "MissingValueError",
    "RoughSetError",
    "TooManyAttributesError",
    "TooManyValuesError",
    "UnknownAttributeError",
    "UnknownObjectError",
]


class RoughSetError(ValueError):
    """Base class of all input errors of :mod:`clusterlab.roughsets`."""


class UnknownAttributeError(RoughSetError):
    """A named column or attribute does not exist in the table."""


class UnknownObjectError(RoughSetError):
    """A named object label does not exist in the table."""


class DecisionAmongConditionsError(RoughSetError):
    """The decision attribute (or the id column) was listed among the condition attributes."""


class MissingValueError(RoughSetError):
    """A cell is empty / NaN; the message names the 1-based data row and the column."""

    def __init__(self, message: str, *, row: int, column: str) -> None:
        super().__init__(message)
        self.row = row
        self.column = column


class EmptyTableError(RoughSetError):
    """The table has no objects (rows) or the file has no header."""


class DuplicateError(RoughSetError):
    """Duplicate column names, duplicate object labels or a repeated attribute in a list."""


class TooManyValuesError(RoughSetError):
    """A numeric column looks continuous, not categorical.

    Threshold (see ``clusterlab.roughsets.MAX_NUMERIC_VALUES``): a column whose values are all
    numbers or numeric text (ASCII digits, optional sign, ``.`` or ``,`` as decimal separator:
    ``"12"``, ``"12,5"``) is rejected when it has more than 10 distinct values *and* more than
    half of its values are distinct. Bin it first (``pandas.cut`` or a threshold).
    """


class BetaOutOfRangeError(RoughSetError):
    """Ziarko's precision ``beta`` must be a number with 0.5 < beta <= 1 (inclusion convention)."""


class TooManyAttributesError(RoughSetError):
    """An exhaustive computation (all reducts, all minimal rules) was asked on too many attributes.

    Limit: ``clusterlab.roughsets.MAX_EXACT_ATTRIBUTES`` (20) condition attributes; use
    ``DecisionTable.heuristic_reduct()`` (command line: ``--heuristic``) or LEM2 rules instead.
    Below the limit, ``DecisionTable.reduct_search()`` bounds the enumeration by a number of
    reducts and a time limit.
    """
