"""Value handling shared by the engine: native values, value order, label order, integer codes.

* Values are converted to plain Python objects (``numpy.int64(3)`` -> ``3``) so rules, JSON and
  comparisons behave the same whether a table came from pandas or from the ``csv`` module.
* Value order (used to sort domains, decision classes and to break ties): numbers first, in
  numeric order, then strings in code-point order, then anything else by ``str``.
* Label order ("natural" order): runs of digits compare as integers, so ``x2 < x10`` and
  ``"9" < "10"``. Objects are kept internally in this order, which makes every result
  independent of the row order of the input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

_DIGITS = re.compile(r"(\d+)")


def to_native(value: Any) -> Any:
    """Return ``value`` as a plain Python object (numpy scalars unwrapped)."""
    if isinstance(value, np.generic):
        return value.item()
    return value


def is_missing(value: Any) -> bool:
    """True for ``None``, NaN and pandas' ``NA``/``NaT`` (anything that is not equal to itself)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # pandas.NA raises on bool()
        return True


def is_number(value: Any) -> bool:
    """True for int and float values, False for bool."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def value_key(value: Any) -> tuple[int, Any]:
    """Sort key of the value order: numbers, then strings, then others by ``str``."""
    if isinstance(value, bool):
        return (0, int(value))
    if is_number(value):
        return (0, value)
    if isinstance(value, str):
        return (1, value)
    return (2, str(value))


def natural_key(label: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """Sort key of the natural label order (digit runs compare as integers)."""
    parts = tuple(
        (0, int(chunk), chunk) if chunk.isdigit() else (1, 0, chunk)
        for chunk in _DIGITS.split(label)
        if chunk
    )
    return parts, label


def sort_values(values: Sequence[Hashable]) -> list[Hashable]:
    """``values`` sorted in the value order."""
    return sorted(values, key=value_key)


def encode(codes: np.ndarray, uniques: Sequence[Any]) -> tuple[np.ndarray, tuple[Any, ...]]:
    """Re-number first-seen codes so that code ``i`` is the ``i``-th value in value order.

    ``codes`` index ``uniques``; returns ``(codes, domain)`` with ``domain`` sorted.
    """
    uniques = [to_native(u) for u in uniques]
    order = sorted(range(len(uniques)), key=lambda i: value_key(uniques[i]))
    rank = np.empty(len(uniques), dtype=np.int64)
    rank[order] = np.arange(len(uniques), dtype=np.int64)
    return rank[codes], tuple(uniques[i] for i in order)


def factorize(values: Sequence[Any]) -> tuple[np.ndarray, list[Any]]:
    """First-seen integer codes of a plain sequence (no pandas needed)."""
    seen: dict[Any, int] = {}
    codes = [seen.setdefault(v, len(seen)) for v in values]
    return np.asarray(codes, dtype=np.int64), list(seen)
