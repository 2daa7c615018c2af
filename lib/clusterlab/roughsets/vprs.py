"""Variable-precision rough sets (Ziarko 1993), inclusion-threshold convention.

Ziarko, W. (1993). Variable precision rough set model. *Journal of Computer and System Sciences*
46(1), 39-59.

Convention used here: ``beta`` is the *majority inclusion* threshold with ``0.5 < beta <= 1``.
For an indiscernibility class X and a decision class Y with inclusion degree
``c(X, Y) = |X & Y| / |X|``:

* X is in the beta-lower approximation of Y when ``c(X, Y) >= beta``;
* X is in the beta-upper approximation of Y when ``c(X, Y) > 1 - beta``;
* beta-boundary = upper - lower; beta-positive region = union of the beta-lower approximations;
  ``gamma_beta = |POS_beta| / n``.

``beta = 1`` gives Pawlak's model exactly. (Ziarko's original paper writes the error threshold
``1 - beta`` in [0, 0.5); the two conventions describe the same model.) Comparisons are exact
integer arithmetic: a float (or string) beta is read as the nearest fraction with denominator at
most 10^6 (``0.6`` is 3/5, ``2/3`` is 2/3), so an inclusion degree 3/5 reaches ``beta=0.6``;
pass a ``fractions.Fraction`` for any other exact value.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from clusterlab.roughsets.errors import BetaOutOfRangeError

__all__ = ["as_fraction", "region_flags"]

_MAX_DENOMINATOR = 10**6


def as_fraction(beta: Any) -> Fraction:
    """Validate ``beta`` (0.5 < beta <= 1) and return it as an exact fraction."""
    if isinstance(beta, bool):
        raise BetaOutOfRangeError(f"beta = {beta!r}: must be a number with 0.5 < beta <= 1")
    try:
        exact = Fraction(beta) if isinstance(beta, Fraction | int) else Fraction(float(beta))
    except (TypeError, ValueError, OverflowError):
        raise BetaOutOfRangeError(
            f"beta = {beta!r}: must be a number with 0.5 < beta <= 1 (Ziarko's inclusion "
            "threshold; beta = 1 is Pawlak's model)"
        ) from None
    if not Fraction(1, 2) < exact <= 1:
        raise BetaOutOfRangeError(
            f"beta = {beta!r} is out of range: use 0.5 < beta <= 1 (Ziarko's inclusion "
            "threshold; beta = 1 is Pawlak's model)"
        )
    if isinstance(beta, Fraction | int):
        return exact
    value = exact.limit_denominator(_MAX_DENOMINATOR)
    return value if Fraction(1, 2) < value <= 1 else exact


def region_flags(
    counts: Sequence[Sequence[int]], beta: Fraction | None
) -> tuple[list[list[bool]], list[list[bool]]]:
    """Class-level lower and upper approximation flags, per decision value.

    ``counts[c][v]`` = objects of IND class ``c`` with decision ``v``. Returns ``(lower, upper)``
    with ``lower[v][c]`` true when class ``c`` is in the (beta-)lower approximation of decision
    ``v`` (likewise ``upper``). ``beta=None`` is Pawlak's model (same as ``beta=1``).
    """
    nd = len(counts[0]) if counts else 0
    sizes = [sum(row) for row in counts]
    if beta is None or beta == 1:
        lower = [
            [row[v] == size for row, size in zip(counts, sizes, strict=True)] for v in range(nd)
        ]
        upper = [[row[v] > 0 for row in counts] for v in range(nd)]
        return lower, upper
    num, den = beta.numerator, beta.denominator
    lower = [
        [row[v] * den >= num * size for row, size in zip(counts, sizes, strict=True)]
        for v in range(nd)
    ]
    upper = [
        [row[v] * den > (den - num) * size for row, size in zip(counts, sizes, strict=True)]
        for v in range(nd)
    ]
    return lower, upper
