"""Reduct stability under resampling.

For small tables (the book's has 21 objects) the reducts can hinge on single objects. This
module recomputes the reducts (exact, positive-region definition) and the core on resampled
tables and reports, for every attribute, the share of samples in which it belongs to at least
one reduct (``attribute_share``) and to the core (``core_share``), and for every reduct found in
any sample the share of samples in which it is a reduct (``reduct_share``).

* ``method="bootstrap"``: ``n_samples`` samples of n objects drawn with replacement
  (``random.Random(seed).randrange(n)``, the standard library's Mersenne Twister, so the samples
  are the same with and without numpy); repeated objects do not change the partitions, so a
  sample is the sub-table of the distinct objects drawn.
* ``method="loo"``: the n leave-one-out tables (``n_samples`` is ignored).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from clusterlab.roughsets._encoded import EncodedTable
from clusterlab.roughsets.errors import RoughSetError
from clusterlab.roughsets.reducts import PositiveRegionOracle

__all__ = ["ReductStability", "reduct_stability"]


@dataclass(frozen=True)
class ReductStability:
    """Shares in [0, 1] over ``n_samples`` resampled tables (see the module docstring).

    ``attribute_share`` and ``core_share`` list the conditions in condition order;
    ``reduct_share`` lists reducts by decreasing share, then size, then condition order.
    """

    method: str
    n_samples: int
    attribute_share: dict[str, float]
    core_share: dict[str, float]
    reduct_share: dict[tuple[str, ...], float]


def _samples(n: int, method: str, n_samples: int, seed: int) -> list[list[int]]:
    """The row sets of the resampled tables (ascending indices)."""
    if method == "bootstrap":
        if isinstance(n_samples, bool) or not isinstance(n_samples, int) or n_samples < 1:
            raise RoughSetError(f"n_samples = {n_samples!r}: must be a positive integer")
        rng = random.Random(seed)
        return [sorted({rng.randrange(n) for _ in range(n)}) for _ in range(n_samples)]
    if method == "loo":
        if n < 2:
            raise RoughSetError("leave-one-out resampling needs at least 2 objects")
        return [[j for j in range(n) if j != i] for i in range(n)]
    raise RoughSetError(f"unknown resampling method {method!r}: use 'bootstrap' or 'loo'")


def reduct_stability(
    table: EncodedTable,
    idx: Sequence[int],
    method: str = "bootstrap",
    n_samples: int = 200,
    seed: int = 0,
) -> ReductStability:
    """Resample ``table`` and count attributes and reducts over the conditions ``idx`` (module
    docstring)."""
    samples = _samples(table.n, method, n_samples, seed)
    m = len(idx)
    in_reduct = [0] * m
    in_core = [0] * m
    reduct_count: dict[int, int] = {}
    for rows in samples:
        sample = table.take(rows)
        oracle = PositiveRegionOracle(
            [sample.cols[i] for i in idx],
            [sample.cards[i] for i in idx],
            sample.d,
            sample.nd,
            sample.ops,
        )
        union = 0
        for mask in oracle.reducts():
            reduct_count[mask] = reduct_count.get(mask, 0) + 1
            union |= mask
        core = oracle.core()
        for a in range(m):
            in_reduct[a] += union >> a & 1
            in_core[a] += core >> a & 1
    total = len(samples)
    names = [table.conditions[i] for i in idx]
    ordered = sorted(
        reduct_count.items(),
        key=lambda item: (-item[1], item[0].bit_count(), [not item[0] >> a & 1 for a in range(m)]),
    )
    return ReductStability(
        method=method,
        n_samples=total,
        attribute_share={names[a]: in_reduct[a] / total for a in range(m)},
        core_share={names[a]: in_core[a] / total for a in range(m)},
        reduct_share={
            tuple(names[a] for a in range(m) if mask >> a & 1): count / total
            for mask, count in ordered
        },
    )
