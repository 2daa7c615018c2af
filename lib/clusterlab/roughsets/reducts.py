"""Reducts, core, heuristic reduct and the discernibility matrix (positive-region definitions).

Definitions (Pawlak 1991; Komorowski, Pawlak, Polkowski & Skowron 1999):

* POS_B(D) = union of the B-lower approximations of all decision classes;
  ``gamma_B = |POS_B(D)| / n`` (quality of classification, degree of dependency).
* A **reduct** is a minimal B subset of C with POS_B(D) = POS_C(D). This positive-region definition
  is valid for inconsistent tables; it is *not* the all-pairs discernibility variant of the R
  package RoughSets (which also asks to discern two boundary objects with different decisions).
* The **core** is the intersection of all reducts, which equals the set of indispensable
  attributes {a in C : POS_{C-{a}}(D) != POS_C(D)}.

Algorithm (no O(n^2) matrix): B preserves POS_C(D) iff every IND(B) class is pure for the
*positive-region decision* d'(x) = d(x) for x in POS_C(D) and a shared marker for boundary objects.
That test costs one partition (numpy, linear). Because "preserves POS" is monotone (supersets of a
preserving set preserve it), all reducts are found level-wise, Apriori style, over supersets of
the core, either bottom-up (a set of size k+1 is tested only when all its k-subsets fail) or
top-down (a set of size k-1 is tested only when all its k-supersets preserve POS); the direction
is chosen from the size of a greedy reduct, whichever side of the subset lattice is smaller.
Worst case O(2^|C| * n); exact search is refused above :data:`MAX_EXACT_ATTRIBUTES` attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import comb

import numpy as np

from clusterlab.roughsets._partition import (
    n_distinct,
    partition,
    pure_objects,
    refine,
)

__all__ = ["MAX_EXACT_ATTRIBUTES", "PositiveRegionOracle"]

#: Exact reducts and all minimal rules are refused for more condition attributes than this.
MAX_EXACT_ATTRIBUTES = 20

# Cached partitions kept by the bottom-up search (objects x sets), ~8 bytes each.
_CACHE_BUDGET = 20_000_000

# Up to this many objects partitions are Python lists (faster than numpy calls on tiny arrays).
_SMALL = 50

#: A partition: class id per object (numpy array, or a list for small tables).
Partition = np.ndarray | list[int]


def _bits(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


class PositiveRegionOracle:
    """Answers "does attribute subset B preserve POS_C(D)?" for subsets given as bitmasks.

    ``cols``/``cards``: integer codes and number of values of the condition attributes C (bit i
    of a mask = ``cols[i]``); ``d``/``nd``: decision codes and number of decision values.
    Partitions are numpy arrays, or plain lists for tables of at most :data:`_SMALL` objects,
    where Python's per-element cost is below numpy's per-call overhead.
    """

    def __init__(
        self, cols: Sequence[np.ndarray], cards: Sequence[int], d: np.ndarray, nd: int
    ) -> None:
        self.cols = list(cols)
        self.cards = list(cards)
        self.d = d
        self.nd = nd
        self.n = int(d.shape[0])
        self.m = len(self.cols)
        self.full = (1 << self.m) - 1
        cls, k = partition(self.cols, self.cards, self.n)
        pure = pure_objects(cls, k, d, nd)
        self.n_pos = int(np.count_nonzero(pure))
        self.dprime = np.where(pure, d, nd)
        self._lists: list[list[int]] | None = None
        if self.n <= _SMALL:
            self._lists = [c.tolist() for c in self.cols]
            self._d_list = d.tolist()
            self._dprime_list = self.dprime.tolist()

    def refine_part(self, cls: Partition, k: int, a: int) -> tuple[Partition, int]:
        """Partition of B + {a} from the partition of B."""
        if self._lists is None:
            return refine(cls, k, self.cols[a], self.cards[a])
        card = self.cards[a]
        seen: dict[int, int] = {}
        col = self._lists[a]
        out = [seen.setdefault(c * card + v, len(seen)) for c, v in zip(cls, col, strict=True)]
        return out, len(seen)

    def part(self, mask: int) -> tuple[Partition, int]:
        """Partition IND(B) for the attributes in ``mask``."""
        idx = _bits(mask)
        if self._lists is None:
            return partition([self.cols[i] for i in idx], [self.cards[i] for i in idx], self.n)
        cls: Partition = [0] * self.n
        k = 1 if self.n else 0
        for a in idx:
            cls, k = self.refine_part(cls, k, a)
        return cls, k

    def preserves_part(self, cls: Partition, k: int) -> bool:
        """True when the partition's classes are pure for the positive-region decision."""
        if self._lists is None:
            return n_distinct(cls, k, self.dprime, self.nd + 1) == k
        return len(set(zip(cls, self._dprime_list, strict=True))) == k

    def preserves(self, mask: int) -> bool:
        """POS_B(D) == POS_C(D) for B = the attributes in ``mask``."""
        return self.preserves_part(*self.part(mask))

    def n_positive(self, cls: Partition, k: int) -> int:
        """|POS_B(D)| for the partition of B."""
        if self._lists is None:
            return int(np.count_nonzero(pure_objects(cls, k, self.d, self.nd)))
        first: dict[int, int] = {}
        mixed = {c for c, v in zip(cls, self._d_list, strict=True) if first.setdefault(c, v) != v}
        return sum(c not in mixed for c in cls)

    def core(self) -> int:
        """Mask of the indispensable attributes: POS_{C-{a}} != POS_C."""
        return sum(1 << a for a in range(self.m) if not self.preserves(self.full ^ (1 << a)))

    def heuristic(self, core: int | None = None) -> int:
        """Greedy reduct: from the core add the attribute giving the largest |POS| (ties: first
        in condition order) until POS_C is reached, then drop, in reverse order of addition, every
        attribute whose removal keeps POS_C. The result is minimal (a reduct)."""
        mask = self.core() if core is None else core
        cls, k = self.part(mask)
        added: list[int] = []
        while not self.preserves_part(cls, k):
            best: tuple[int, int, Partition, int] | None = None
            for a in range(self.m):
                if mask >> a & 1:
                    continue
                c2, k2 = self.refine_part(cls, k, a)
                score = self.n_positive(c2, k2)
                if best is None or score > best[0]:
                    best = (score, a, c2, k2)
            assert best is not None  # the full set preserves POS, so the loop ends before
            _, a, cls, k = best
            mask |= 1 << a
            added.append(a)
        for a in reversed(added):
            if self.preserves(mask ^ (1 << a)):
                mask ^= 1 << a
        return mask

    def reducts(self) -> list[int]:
        """Masks of all reducts (unsorted)."""
        core = self.core()
        free = [a for a in range(self.m) if not core >> a & 1]
        if self.preserves(core):
            return [core]
        h = self.heuristic(core).bit_count() - core.bit_count()
        below = sum(comb(len(free), k) for k in range(h))
        if below <= 2 ** len(free) - below:
            return self._bottom_up(core, free)
        return self._top_down(free)

    def _bottom_up(self, core: int, free: list[int]) -> list[int]:
        free_mask = sum(1 << a for a in free)
        level: dict[int, tuple[Partition, int] | None] = {core: self.part(core)}
        found: list[int] = []
        while level:
            nxt: dict[int, tuple[Partition, int] | None] = {}
            for mask, cached in level.items():
                top = (mask & free_mask).bit_length() - 1
                for a in free:
                    if a <= top:
                        continue
                    new = mask | (1 << a)
                    if any(new ^ (1 << b) not in level for b in free if b != a and new >> b & 1):
                        continue
                    if cached is None:
                        cls, k = self.part(new)
                    else:
                        cls, k = self.refine_part(cached[0], cached[1], a)
                    if self.preserves_part(cls, k):
                        found.append(new)
                    else:
                        keep = (len(nxt) + 1) * self.n <= _CACHE_BUDGET
                        nxt[new] = (cls, k) if keep else None
            level = nxt
        return found

    def _top_down(self, free: list[int]) -> list[int]:
        level = {self.full}
        known: dict[int, bool] = {}
        found: list[int] = []
        while level:
            nxt: set[int] = set()
            for mask in level:
                minimal = True
                for b in free:
                    if not mask >> b & 1:
                        continue
                    child = mask ^ (1 << b)
                    ok = known.get(child)
                    if ok is None:
                        ok = all(
                            child | (1 << x) in level for x in free if not child >> x & 1
                        ) and self.preserves(child)
                        known[child] = ok
                    if ok:
                        minimal = False
                        nxt.add(child)
                if minimal:
                    found.append(mask)
            level = nxt
        return found


def discernibility_entries(
    cols: Sequence[np.ndarray], d: np.ndarray, pos: np.ndarray, all_pairs: bool
) -> list[tuple[int, int, int]]:
    """Decision-relative discernibility matrix as ``(i, j, attribute mask)`` for i < j.

    Pairs listed: objects with different decisions; unless ``all_pairs``, only pairs with at
    least one object in POS_C(D) (the positive-region matrix, whose prime implicants are the
    reducts). O(n^2 |C|) time.
    """
    n = int(d.shape[0])
    out: list[tuple[int, int, int]] = []
    for i in range(n - 1):
        need = d[i + 1 :] != d[i]
        if not all_pairs and not pos[i]:
            need &= pos[i + 1 :]
        js = np.flatnonzero(need) + i + 1
        if js.size == 0:
            continue
        masks = np.zeros(js.size, dtype=np.int64)
        for a, col in enumerate(cols):
            masks |= (col[js] != col[i]).astype(np.int64) << a
        out.extend((i, int(j), int(mk)) for j, mk in zip(js, masks, strict=True))
    return out
