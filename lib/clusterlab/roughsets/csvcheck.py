"""Warnings about a table's text cells, the same for every reader (labels are never changed).

Computed from ``{column: {cell text: count}}`` (:attr:`clusterlab.roughsets.csvio.CsvTable.counts`):

* ``similar_values``: values of one column that differ only in leading zeros or number format
  (``1``, ``01``, ``1.0``, ``1,0``, ``1e0``), in case (``Yes``, ``yes``) or in surrounding spaces
  (``yes``, ``"yes "``). They stay different values; the warning says so.
* ``placeholders``: cells that usually mean "unknown" - ``?``, ``-``, ``n/a``, ``NA``,
  ``null`` ... (:data:`PLACEHOLDERS`, compared without case and surrounding spaces). They stay
  ordinary values. (An empty cell is not a value: :func:`first_empty_cell` finds it, and the
  command line refuses the table naming the line, as the engine refuses missing values.)
* ``decimal_numbers``: a condition or decision column whose every value is a number (ASCII
  digits, optional sign, ``.`` or ``,`` decimal separator) and some have decimals (``12,5``):
  a measurement read as labels; each distinct number is its own category.
* ``mostly_distinct``: a condition column of at least :data:`MIN_ROWS_DISTINCT` rows in which at
  least :data:`DISTINCT_SHARE` of the rows have a value of their own (an id, or numbers read as
  labels): it tells the objects apart without explaining the decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "DISTINCT_SHARE",
    "MIN_ROWS_DISTINCT",
    "PLACEHOLDERS",
    "InputWarning",
    "column_warnings",
    "first_empty_cell",
]

#: Cell texts (case-folded, stripped) that usually stand for an unknown value ("none" is not
#: one: it is often a real category, e.g. no partners, no path).
PLACEHOLDERS = frozenset(
    {"?", "??", "-", "--", ".", "n/a", "na", "n.a.", "nan", "null", "#n/a", "missing"}
)
#: ``mostly_distinct`` needs at least this many rows ...
MIN_ROWS_DISTINCT = 10
#: ... and at least this share of distinct values.
DISTINCT_SHARE = 0.9

_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)", re.ASCII)
_NUMBER_EXP = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_SHOW = 4


@dataclass(frozen=True)
class InputWarning:
    """One warning: ``kind`` (see the module docstring), the column and a one-line message."""

    kind: str
    column: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """``{"kind", "column", "message"}`` as in the ``--json`` output."""
        return {"kind": self.kind, "column": self.column, "message": self.message}


def _quote(values: Iterable[str]) -> str:
    return ", ".join(repr(v) for v in values)


def _similarity_key(value: str) -> tuple[str, str]:
    folded = value.strip().casefold()
    if _NUMBER_EXP.fullmatch(folded):
        try:
            number = Decimal(folded.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
            return ("text", folded)
        return ("number", str(number.normalize()) if number else "0")
    return ("text", folded)


def _similar(column: str, values: Iterable[str]) -> InputWarning | None:
    groups: dict[tuple[str, str], list[str]] = {}
    for value in values:
        groups.setdefault(_similarity_key(value), []).append(value)
    clashes = [sorted(g) for g in groups.values() if len(g) > 1]
    if not clashes:
        return None
    reasons = []
    if any(k == "number" for k, _ in (_similarity_key(g[0]) for g in clashes)):
        reasons.append("leading zeros or number format")
    if any(len({v.strip() for v in g}) > len({v.strip().casefold() for v in g}) for g in clashes):
        reasons.append("case")
    if any(any(v != v.strip() for v in g) for g in clashes):
        reasons.append("surrounding spaces")
    shown = "; ".join(_quote(g[:_SHOW]) + (" ..." if len(g) > _SHOW else "") for g in clashes[:3])
    more = f" (and {len(clashes) - 3} more groups)" if len(clashes) > 3 else ""
    return InputWarning(
        "similar_values",
        column,
        f"column {column!r}: values that differ only in {' or '.join(reasons) or 'form'} are "
        f"kept as different values: {shown}{more}; make them equal in the file if they mean "
        "the same",
    )


def _placeholders(column: str, counts: Mapping[str, int], n: int) -> InputWarning | None:
    found = {v: c for v, c in counts.items() if v.strip().casefold() in PLACEHOLDERS}
    if not found:
        return None
    total = sum(found.values())
    shown = ", ".join(f"{v!r} {c}x" for v, c in sorted(found.items())[:_SHOW])
    return InputWarning(
        "placeholders",
        column,
        f"column {column!r}: {total} of {n} cells look like placeholders for an unknown value "
        f"({shown}); they are kept as ordinary values - fill them in or leave those rows out "
        "if they mean 'unknown'",
    )


def _decimal_numbers(column: str, values: Sequence[str]) -> InputWarning | None:
    if not values or not all(_NUMBER.fullmatch(v) for v in values):
        return None
    decimals = [v for v in values if "," in v or "." in v]
    if not decimals:
        return None
    return InputWarning(
        "decimal_numbers",
        column,
        f"column {column!r} holds numbers with decimals (e.g. {_quote(decimals[:2])}), read as "
        f"labels: each of its {len(values)} distinct numbers is its own category; if it is a "
        "measurement, bin it into classes (e.g. low/high) first",
    )


def _mostly_distinct(column: str, k: int, n: int) -> InputWarning | None:
    if n < MIN_ROWS_DISTINCT or k < DISTINCT_SHARE * n:
        return None
    return InputWarning(
        "mostly_distinct",
        column,
        f"condition column {column!r} has {k} distinct values in {n} rows: nearly every object "
        "has its own value (an id, or numbers read as labels?); such a column tells the objects "
        "apart without explaining the decision - leave it out (--conditions) or pass it as --id",
    )


def first_empty_cell(
    counts: Mapping[str, Mapping[str, int]], columns: Iterable[str]
) -> tuple[str, str] | None:
    """``(column, cell)`` of the first column (in ``columns`` order) holding an empty or
    all-space cell, or None."""
    for column in columns:
        for value in counts[column]:
            if not value.strip():
                return column, value
    return None


def column_warnings(
    counts: Mapping[str, Mapping[str, int]],
    n: int,
    conditions: Sequence[str],
    decision: str,
    id_column: str | None = None,
) -> list[InputWarning]:
    """Warnings for the columns used (conditions, decision, id), in that order."""
    out: list[InputWarning] = []
    used = [*conditions, decision, *([id_column] if id_column else [])]
    for column in used:
        values = list(counts[column])
        found = [_similar(column, values), _placeholders(column, counts[column], n)]
        if column != id_column:
            found.append(_decimal_numbers(column, values))
        if column in conditions:
            found.append(_mostly_distinct(column, len(values), n))
        out += [w for w in found if w is not None]
    return out
