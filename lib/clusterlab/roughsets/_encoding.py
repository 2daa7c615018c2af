"""Value handling shared by the engine: native values, value order, label order, integer codes.

Standard library only (numpy values are unwrapped when numpy is loaded, without importing it).

* Values are converted to plain Python objects (``numpy.int64(3)`` -> ``3``) so rules, JSON and
  comparisons behave the same whether a table came from pandas or from the ``csv`` module.
* Value order (used to sort domains, decision classes and to break ties): numbers first, in
  numeric order, then strings in natural order (runs of ASCII digits compare as integers, so
  ``"2" < "10"`` and ``"x2" < "x10"``; ties, such as ``"7"`` and ``"007"``, by code point), then
  anything else by ``str``.
* Label order: the same natural order. Objects are kept internally in this order, which makes
  every result independent of the row order of the input.
* Numeric text (:func:`is_numeric`): a number, or a string of ASCII digits with an optional sign
  and at most one ``.`` or ``,`` decimal separator (``"12"``, ``"-3.5"``, ``"12,5"``). Only the
  continuous-column check uses it; the values themselves stay labels.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

_DIGITS = re.compile(r"([0-9]+)")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")


def to_native(value: Any) -> Any:
    """Return ``value`` as a plain Python object (numpy scalars unwrapped)."""
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.generic):
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


def is_numeric(value: Any) -> bool:
    """True for a number or numeric text (ASCII digits, optional sign, ``.`` or ``,`` decimal
    separator; no exponent, no spaces)."""
    if isinstance(value, str):
        return _NUMBER.fullmatch(value) is not None
    return is_number(value)


def natural_key(label: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """Sort key of the natural order (ASCII digit runs compare as integers, ties by code
    point)."""
    parts = tuple(
        (0, int(chunk), chunk) if chunk.isdigit() and chunk.isascii() else (1, 0, chunk)
        for chunk in _DIGITS.split(label)
        if chunk
    )
    return parts, label


def value_key(value: Any) -> tuple[int, Any]:
    """Sort key of the value order: numbers, then strings (natural order), then others by
    ``str``."""
    if isinstance(value, bool):
        return (0, int(value))
    if is_number(value):
        return (0, value)
    if isinstance(value, str):
        return (1, natural_key(value))
    return (2, str(value))


def sort_values(values: Iterable[Hashable]) -> list[Hashable]:
    """``values`` sorted in the value order."""
    return sorted(values, key=value_key)


def value_order(uniques: Sequence[Any]) -> tuple[list[int], tuple[Any, ...]]:
    """Renumbering of first-seen codes so that code ``i`` is the ``i``-th value in value order.

    Returns ``(rank, domain)``: first-seen code ``c`` becomes ``rank[c]``, and ``domain`` lists
    the values (native) in value order.
    """
    native = [to_native(u) for u in uniques]
    order = sorted(range(len(native)), key=lambda i: value_key(native[i]))
    rank = [0] * len(native)
    for position, i in enumerate(order):
        rank[i] = position
    return rank, tuple(native[i] for i in order)


def factorize(values: Iterable[Any]) -> tuple[list[int], list[Any]]:
    """First-seen integer codes of a plain sequence and its distinct values."""
    seen: dict[Any, int] = {}
    codes = [seen.setdefault(v, len(seen)) for v in values]
    return codes, list(seen)
