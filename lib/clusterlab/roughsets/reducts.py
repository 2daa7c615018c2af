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

Wide lattices: when that level-wise search would test many subsets of a table with few enough
objects for the pair matrix (:data:`LATTICE_BUDGET`, :data:`MAX_PAIR_OBJECTS`), the reducts are
enumerated depth-first instead, as the minimal hitting sets (minimal transversals) of the
inclusion-minimal entries of the positive-region discernibility matrix - a pair (x, y) with
different decisions and x or y in POS_C(D) must be discerned, and B preserves POS_C(D) iff it
discerns all such pairs - with the MMCS algorithm (Murakami & Uno 2014, "Efficient algorithms
for dualizing large-scale hypergraphs", Discrete Applied Mathematics 170). Depth-first search
finds the first reducts at once, where the level-wise search must first exhaust every larger
or smaller subset; both give the same reducts.

**Bounded search** (:meth:`PositiveRegionOracle.search`): the enumeration stops after ``limit``
reducts or when a deadline passes. Every reduct it returns is a true reduct; the result says
whether the list is complete (a search stopped by the limit has found one reduct more than it
lists, so "incomplete" is never said of a complete list). The core and the quality do not depend
on the enumeration and stay exact.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import comb

from clusterlab.roughsets._backend import Backend, Codes
from clusterlab.roughsets._bitsets import indices, union

__all__ = [
    "DEFAULT_REDUCT_LIMIT",
    "LATTICE_BUDGET",
    "MAX_EXACT_ATTRIBUTES",
    "MAX_PAIR_OBJECTS",
    "PositiveRegionOracle",
    "ReductSearch",
]

#: Exact reducts and all minimal rules are refused for more condition attributes than this.
MAX_EXACT_ATTRIBUTES = 20

#: Default cap on the number of reducts an enumeration lists.
DEFAULT_REDUCT_LIMIT = 1000

# Cached partitions kept by the bottom-up search (objects x sets), ~8 bytes each.
_CACHE_BUDGET = 20_000_000

#: Above this many (subsets to test x objects) the depth-first transversal search is used ...
LATTICE_BUDGET = 50_000_000
#: ... when the table has at most this many objects (the pair matrix is O(n^2)).
MAX_PAIR_OBJECTS = 3000


@dataclass(frozen=True)
class ReductSearch:
    """Result of a bounded reduct enumeration.

    ``reducts``: the reducts found (each in condition order; sorted by size, then condition
    order); ``complete``: True when these are all reducts; ``stopped_by``: None (complete),
    ``"limit"`` (more reducts exist than the limit) or ``"time"`` (the time limit passed).
    """

    reducts: tuple[tuple[str, ...], ...]
    complete: bool
    stopped_by: str | None


class _Stop(Exception):
    """Raised inside the enumeration when the time limit has passed."""


class _Full(Exception):
    """Raised inside the enumeration when enough reducts have been found."""


def _transversals(
    edges: Sequence[int], m: int, found: list[int], cap: int | None, tick: Callable[[], None]
) -> None:
    """Append to ``found`` the minimal hitting sets of ``edges`` (attribute masks over ``m``
    attributes), depth-first (MMCS); raise :class:`_Full` once ``cap`` sets are found."""
    order = sorted(edges, key=lambda mk: (mk.bit_count(), mk))  # small edges chosen first
    hits = [0] * m  # hits[a]: bitset of the edges containing attribute a
    for e, mask in enumerate(order):
        for a in indices(mask):
            hits[a] |= 1 << e
    cand = union(order)

    def visit(chosen: int, uncovered: int, crit: dict[int, int]) -> None:
        nonlocal cand
        tick()
        if not uncovered:
            found.append(chosen)
            if cap is not None and len(found) >= cap:
                raise _Full
            return
        edge = order[(uncovered & -uncovered).bit_length() - 1]  # the smallest uncovered edge
        branch = cand & edge
        cand &= ~branch
        for v in indices(branch):
            new_crit = {f: c & ~hits[v] for f, c in crit.items()}
            new_crit[v] = hits[v] & uncovered
            if all(new_crit.values()):  # every chosen attribute still has a private edge
                visit(chosen | 1 << v, uncovered & ~hits[v], new_crit)
            cand |= 1 << v

    visit(0, (1 << len(order)) - 1, {})


class PositiveRegionOracle:
    """Answers "does attribute subset B preserve POS_C(D)?" for subsets given as bitmasks.

    ``cols``/``cards``: integer codes and number of values of the condition attributes C (bit i
    of a mask = ``cols[i]``); ``d``/``nd``: decision codes and number of decision values; ``ops``:
    the partition backend the columns belong to (:mod:`._backend`).
    """

    def __init__(
        self, cols: Sequence[Codes], cards: Sequence[int], d: Codes, nd: int, ops: Backend
    ) -> None:
        self.ops = ops
        self.cols = list(cols)
        self.cards = list(cards)
        self.d = d
        self.nd = nd
        self.n = len(d)
        self.m = len(self.cols)
        self.full = (1 << self.m) - 1
        cls, k = ops.partition(self.cols, self.cards, self.n)
        self.dprime = ops.positive_decision(cls, k, d, nd)
        self._deadline: float | None = None

    def refine_part(self, cls: Codes, k: int, a: int) -> tuple[Codes, int]:
        """Partition of B + {a} from the partition of B."""
        return self.ops.refine(cls, k, self.cols[a], self.cards[a])

    def part(self, mask: int) -> tuple[Codes, int]:
        """Partition IND(B) for the attributes in ``mask``."""
        idx = indices(mask)
        return self.ops.partition([self.cols[i] for i in idx], [self.cards[i] for i in idx], self.n)

    def _tick(self) -> None:
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise _Stop

    def preserves_part(self, cls: Codes, k: int) -> bool:
        """True when the partition's classes are pure for the positive-region decision."""
        self._tick()
        return self.ops.n_distinct(cls, k, self.dprime, self.nd + 1) == k

    def preserves(self, mask: int) -> bool:
        """POS_B(D) == POS_C(D) for B = the attributes in ``mask``."""
        return self.preserves_part(*self.part(mask))

    def n_positive(self, cls: Codes, k: int) -> int:
        """|POS_B(D)| for the partition of B."""
        return self.ops.n_positive(cls, k, self.d, self.nd)

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
            best: tuple[int, int, Codes, int] | None = None
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
        return self.search()[0]

    def search(
        self, limit: int | None = None, time_limit: float | None = None, method: str | None = None
    ) -> tuple[list[int], str | None]:
        """Masks of at most ``limit`` reducts found within ``time_limit`` seconds, and why the
        search stopped (None: complete, "limit", "time"). ``method``: "lattice" (level-wise),
        "transversal" (depth-first) or None (chosen by size, see the module docstring)."""
        core = self.core()
        if self.preserves(core):
            return [core], None
        free = [a for a in range(self.m) if not core >> a & 1]
        cap = None if limit is None else limit + 1  # one more: proof that the list is incomplete
        self._deadline = None if time_limit is None else time.monotonic() + time_limit
        found: list[int] = []
        try:
            h = self.heuristic(core).bit_count() - core.bit_count()
            below = sum(comb(len(free), k) for k in range(h))
            tests = min(below, 2 ** len(free) - below)
            if method is None:
                wide = tests * self.n > LATTICE_BUDGET and self.n <= MAX_PAIR_OBJECTS
                method = "transversal" if wide else "lattice"
            if method == "transversal":
                edges = self.ops.minimal_entries(self.cols, self.d, self._positive())
                _transversals(edges, self.m, found, cap, self._tick)
            elif below <= 2 ** len(free) - below:
                self._bottom_up(core, free, found, cap)
            else:
                self._top_down(free, found, cap)
        except _Stop:
            return found, "time"
        except _Full:
            pass
        finally:
            self._deadline = None
        if limit is not None and len(found) > limit:
            return found[:limit], "limit"
        return found, None

    def _positive(self) -> int:
        """Bitset of POS_C(D) (objects whose positive-region decision is a real decision)."""
        return union(self.ops.value_bits(self.dprime, self.nd + 1)[: self.nd])

    def _bottom_up(self, core: int, free: list[int], found: list[int], cap: int | None) -> None:
        free_mask = sum(1 << a for a in free)
        level: dict[int, tuple[Codes, int] | None] = {core: self.part(core)}
        while level:
            nxt: dict[int, tuple[Codes, int] | None] = {}
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
                        if cap is not None and len(found) >= cap:
                            raise _Full
                    else:
                        keep = (len(nxt) + 1) * self.n <= _CACHE_BUDGET
                        nxt[new] = (cls, k) if keep else None
            level = nxt

    def _child_preserves(
        self, child: int, level: set[int], free: list[int], known: dict[int, bool]
    ) -> bool:
        ok = known.get(child)
        if ok is None:
            ok = all(
                child | (1 << x) in level for x in free if not child >> x & 1
            ) and self.preserves(child)
            known[child] = ok
        return ok

    def _top_down(self, free: list[int], found: list[int], cap: int | None) -> None:
        level = {self.full}
        known: dict[int, bool] = {}
        while level:
            nxt: set[int] = set()
            for mask in sorted(level):
                minimal = True
                for b in free:
                    if not mask >> b & 1:
                        continue
                    child = mask ^ (1 << b)
                    if self._child_preserves(child, level, free, known):
                        minimal = False
                        nxt.add(child)
                if minimal:
                    found.append(mask)
                    if cap is not None and len(found) >= cap:
                        raise _Full
            level = nxt
