"""Reduct stability under resampling.

For small tables (the book's has 21 objects) the reducts can hinge on single objects. This
module recomputes the reducts (exact, positive-region definition) and the core on resampled
tables and reports, for every attribute, the share of samples in which it belongs to at least
one reduct (``attribute_share``) and to the core (``core_share``), and for every reduct found in
any sample the share of samples in which it is a reduct (``reduct_share``).

* ``method="bootstrap"``: ``n_samples`` samples of n objects drawn with replacement
  (``numpy.random.default_rng(seed)``); repeated objects do not change the partitions, so a
  sample is the sub-table of the distinct objects drawn.
* ``method="loo"``: the n leave-one-out tables (``n_samples`` is ignored).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from clusterlab.roughsets.errors import RoughSetError
from clusterlab.roughsets.reducts import PositiveRegionOracle

if TYPE_CHECKING:
    from clusterlab.roughsets.table import DecisionTable

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


def reduct_stability(
    table: DecisionTable, method: str = "bootstrap", n_samples: int = 200, seed: int = 0
) -> ReductStability:
    """Resample ``table`` and count attributes and reducts (module docstring)."""
    idx = table._exact_idx(None)
    n = table.n
    if method == "bootstrap":
        if isinstance(n_samples, bool) or not isinstance(n_samples, int) or n_samples < 1:
            raise RoughSetError(f"n_samples = {n_samples!r}: must be a positive integer")
        rng = np.random.default_rng(seed)
        samples = [np.unique(rng.integers(0, n, size=n)) for _ in range(n_samples)]
    elif method == "loo":
        if n < 2:
            raise RoughSetError("leave-one-out resampling needs at least 2 objects")
        samples = [np.delete(np.arange(n), i) for i in range(n)]
    else:
        raise RoughSetError(f"unknown resampling method {method!r}: use 'bootstrap' or 'loo'")
    m = len(idx)
    in_reduct = np.zeros(m)
    in_core = np.zeros(m)
    reduct_count: dict[int, int] = {}
    for rows in samples:
        oracle = PositiveRegionOracle(
            [table._cols[i][rows] for i in idx],
            [table._cards[i] for i in idx],
            table._d[rows],
            table._nd,
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
    names = table.conditions
    ordered = sorted(
        reduct_count.items(),
        key=lambda item: (-item[1], item[0].bit_count(), [not item[0] >> a & 1 for a in range(m)]),
    )
    return ReductStability(
        method=method,
        n_samples=total,
        attribute_share={names[a]: float(in_reduct[a] / total) for a in range(m)},
        core_share={names[a]: float(in_core[a] / total) for a in range(m)},
        reduct_share={
            tuple(names[a] for a in range(m) if mask >> a & 1): count / total
            for mask, count in ordered
        },
    )
