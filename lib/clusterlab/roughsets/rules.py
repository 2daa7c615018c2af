"""Decision rules: LEM2 (certain and possible rules), all minimal certain rules, classification.

**Rule measures** (for a rule ``IF T THEN d in D``, ``[T]`` = objects matching the conditions):

* support   = |[T] & X_D|, X_D = objects whose decision is in D (for a certain rule D = {v});
* strength  = support / n;
* certainty = support / |[T]| (confidence);
* coverage  = support / |X_D| (for a possible rule: the size of the *union* of its decision
  classes);
* objects   = the supporting objects [T] & X_D.

**LEM2** (Grzymala-Busse 1992, "LERS - a system for learning from examples based on rough sets").
For a concept B (a union of IND classes) and the attribute-value pairs t = (a, v) with blocks
[t]: while some object of B is uncovered (goal G), grow a conjunction T by the pair t with the
largest |[t] & G| (ties: the smallest |[t]|, then the first pair in condition order, value order),
narrowing G to [t] & G, until [T] is contained in B; then drop every condition whose removal keeps
[T] inside B (condition order), and finally drop every rule whose objects the other rules already
cover (generation order). LEM2 here is run on:

* the lower approximation of each decision class -> **certain** rules (certainty 1);
* for every *generalised decision* S (the set of decision values in an IND class) with |S| >= 2,
  the objects whose generalised decision is S -> **possible** rules ``IF T THEN d in S`` (the
  ROSE convention: a rule per boundary region, its decision the set of values present there).
  Every object such a rule matches has its decision in S, so its certainty is 1 in the
  "any of its decisions" sense; the counts per decision value are what the classifier uses.

**All minimal certain rules** ("minimal"): every conjunction T of one or more attribute-value
pairs that matches at least one object, whose matching objects all have one decision value
(consistent), and no proper non-empty sub-conjunction of which is consistent. Exhaustive:
every attribute subset is partitioned once, O(2^|B| * n * |B|) time; refused above
``MAX_EXACT_ATTRIBUTES`` attributes.

**Order**: certain rules before possible ones, then by decision value(s) in value order, then by
decreasing support, then by the conditions (condition order, value order). Rules do not depend
on the row order of the table.

**Classification** (:func:`classify`): the rules whose conditions a row matches vote. If any
certain rule fires, only certain rules vote, each for its decision with weight = its support; else
the possible rules that fire vote, each for every decision value d in its set with weight = the
number of training objects matching the rule with decision d. The value with the largest total
wins (ties: value order); ``None`` when no rule fires.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Any

import numpy as np

from clusterlab.roughsets._partition import (
    class_counts,
    int_to_indices,
    mask_to_int,
    partition,
)
from clusterlab.roughsets.errors import EmptyTableError, RoughSetError, UnknownAttributeError

if TYPE_CHECKING:
    import pandas as pd

    from clusterlab.roughsets.table import DecisionTable

__all__ = ["METHODS", "Rule", "classify", "induce", "loo_accuracy"]

#: Rule induction methods.
METHODS = ("lem2", "minimal")

_KINDS = ("certain", "possible")


@dataclass(frozen=True)
class Rule:
    """A decision rule ``IF a1 = v1 AND ... THEN d = v`` (possible: ``d = v1 OR d = v2``).

    ``conditions`` are (attribute, value) pairs in condition order; measures as defined in the
    module docstring; ``objects`` are the labels of the supporting objects.
    """

    conditions: tuple[tuple[str, Any], ...]
    decisions: tuple[Any, ...]
    kind: str
    support: int
    strength: float
    certainty: float
    coverage: float
    objects: tuple[str, ...]
    decision_attribute: str = "decision"

    def to_dict(self) -> dict[str, Any]:
        """``{"if", "then", "type", "support", "strength", "certainty", "coverage", "objects"}``."""
        return {
            "if": dict(self.conditions),
            "then": list(self.decisions),
            "type": self.kind,
            "support": self.support,
            "strength": self.strength,
            "certainty": self.certainty,
            "coverage": self.coverage,
            "objects": list(self.objects),
        }

    def matches(self, row: Mapping[str, Any]) -> bool:
        """True when ``row`` (attribute -> value) satisfies every condition."""
        return all(row.get(a) == v for a, v in self.conditions)

    def condition_text(self, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
        """``a = v AND b = w`` (``TRUE`` without conditions); ``labels[a][v]`` replaces a value
        that has a label (see :mod:`clusterlab.words`)."""
        return " AND ".join(f"{a} = {_shown(a, v, labels)}" for a, v in self.conditions) or "TRUE"

    def decision_text(self, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
        """The decision value(s), labelled like :meth:`condition_text`, joined by ``or``."""
        return " or ".join(_shown(self.decision_attribute, v, labels) for v in self.decisions)

    def conclusion_text(self, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
        """``d = w`` (possible: ``d = v OR d = w``), values labelled like :meth:`condition_text`."""
        d = self.decision_attribute
        return " OR ".join(f"{d} = {_shown(d, v, labels)}" for v in self.decisions)

    def text(self, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
        """``IF a = v AND ... THEN d = w``, values labelled like :meth:`condition_text`."""
        return f"IF {self.condition_text(labels)} THEN {self.conclusion_text(labels)}"

    def __str__(self) -> str:
        return self.text()


def _shown(attribute: str, value: Any, labels: Mapping[str, Mapping[str, str]] | None) -> str:
    """A value as a rule shows it: its label when ``labels`` has one, else the value."""
    return str(value) if labels is None else labels.get(attribute, {}).get(str(value), str(value))


@dataclass(frozen=True)
class _Raw:
    """A rule in codes: kind 0 certain / 1 possible, conditions (condition index, value code)."""

    kind: int
    conds: tuple[tuple[int, int], ...]
    decs: tuple[int, ...]
    cover: int  # bitset of the objects matching the conditions
    weights: tuple[int, ...]  # objects matching the conditions, per decision in decs

    @property
    def support(self) -> int:
        return sum(self.weights)


class _Context:
    """Blocks [t] (bitsets) of the attribute-value pairs of B and the decision classes."""

    def __init__(self, table: DecisionTable, idx: Sequence[int]) -> None:
        self.table = table
        self.idx = tuple(idx)
        self.all = (1 << table.n) - 1
        self.blocks: list[tuple[int, int, int, int]] = []  # (attribute, code, bits, |block|)
        self.block_of: dict[tuple[int, int], int] = {}
        for a in self.idx:
            col = table._cols[a]
            for v in range(len(table._domains[a])):
                hit = col == v
                size = int(np.count_nonzero(hit))
                if size:
                    self.block_of[(a, v)] = mask_to_int(hit)
                    self.blocks.append((a, v, self.block_of[(a, v)], size))
        self.dec_bits = [mask_to_int(table._d == v) for v in range(table._nd)]

    def make(self, kind: int, pairs: Iterable[tuple[int, int]], decs: tuple[int, ...]) -> _Raw:
        conds = tuple(sorted(pairs))
        cover = self.all
        for pair in conds:
            cover &= self.block_of[pair]
        return _Raw(
            kind, conds, decs, cover, tuple((cover & self.dec_bits[d]).bit_count() for d in decs)
        )


def _covered_twice(covers: Sequence[int]) -> int:
    """Bitset of the objects in at least two of ``covers``."""
    once = twice = 0
    for c in covers:
        twice |= once & c
        once |= c
    return twice


def _lem2(concept: int, blocks: Sequence[tuple[int, int, int, int]]) -> list[list[int]]:
    """LEM2 local covering of ``concept`` as lists of block indices (see module docstring)."""
    if not blocks:  # rules are non-empty conjunctions: no attribute, no rule
        return []
    bits = [b[2] for b in blocks]
    sizes = [b[3] for b in blocks]
    rules: list[list[int]] = []
    covers: list[int] = []
    covered = 0
    goal_all = concept
    while goal_all:
        goal = goal_all
        chosen: list[int] = []
        cover = -1  # all objects
        cand = list(range(len(bits)))
        while not chosen or cover & ~concept:
            best, best_count, best_size = -1, 0, 0
            alive = []
            for i in cand:  # ascending, so the first pair wins a full tie
                count = (bits[i] & goal).bit_count()
                if count:
                    alive.append(i)
                    if count > best_count or (count == best_count and sizes[i] < best_size):
                        best, best_count, best_size = i, count, sizes[i]
            chosen.append(best)
            cover &= bits[best]
            goal &= bits[best]
            cand = [i for i in alive if i != best]
        for t in sorted(chosen):
            if len(chosen) == 1:
                break
            rest = [u for u in chosen if u != t]
            rest_cover = -1
            for u in rest:
                rest_cover &= bits[u]
            if not rest_cover & ~concept:
                chosen, cover = rest, rest_cover
        rules.append(sorted(chosen))
        covers.append(cover & concept)
        covered |= cover
        goal_all = concept & ~covered
    twice = _covered_twice(covers)
    i = 0
    while i < len(rules):
        if len(rules) > 1 and not covers[i] & ~twice:  # the other rules cover its objects
            del rules[i], covers[i]
            twice = _covered_twice(covers)
        else:
            i += 1
    return rules


def _induce_lem2(ctx: _Context) -> list[_Raw]:
    table = ctx.table
    cls, k = table._partition(ctx.idx)
    counts = class_counts(cls, k, table._d, table._nd)
    pure = counts.max(axis=1) == counts.sum(axis=1)
    out: list[_Raw] = []
    blocks = ctx.blocks
    for v in range(table._nd):
        lower = mask_to_int((pure & (counts[:, v] > 0))[cls])
        for rule in _lem2(lower, blocks):
            out.append(ctx.make(0, (blocks[i][:2] for i in rule), (v,)))
    groups: dict[tuple[int, ...], list[int]] = {}
    for c in np.flatnonzero(~pure):
        groups.setdefault(tuple(np.flatnonzero(counts[c]).tolist()), []).append(int(c))
    for decs, classes in sorted(groups.items()):
        concept = mask_to_int(np.isin(cls, classes))
        for rule in _lem2(concept, blocks):
            out.append(ctx.make(1, (blocks[i][:2] for i in rule), decs))
    return out


def _induce_minimal(ctx: _Context) -> list[_Raw]:
    table = ctx.table
    out: list[_Raw] = []
    previous: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for size in range(1, len(ctx.idx) + 1):
        current: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
        for combo in combinations(ctx.idx, size):
            cols = [table._cols[a] for a in combo]
            cls, k = partition(cols, [table._cards[a] for a in combo], table.n)
            counts = class_counts(cls, k, table._d, table._nd)
            pure = counts.max(axis=1) == counts.sum(axis=1)
            _, first = np.unique(cls, return_index=True)
            for c in np.flatnonzero(pure):
                rep = int(first[c])
                values = tuple(int(col[rep]) for col in cols)
                current.add((combo, values))
                if size > 1 and any(
                    (combo[:j] + combo[j + 1 :], values[:j] + values[j + 1 :]) in previous
                    for j in range(size)
                ):
                    continue
                out.append(ctx.make(0, zip(combo, values, strict=True), (int(table._d[rep]),)))
        previous = current
    return out


def _induce_raw(table: DecisionTable, idx: Sequence[int], method: str) -> list[_Raw]:
    ctx = _Context(table, idx)
    raws = _induce_lem2(ctx) if method == "lem2" else _induce_minimal(ctx)
    raws.sort(key=lambda r: (r.kind, r.decs, -r.support, r.conds))
    return raws


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise RoughSetError(f"unknown rule method {method!r}: use 'lem2' or 'minimal'")


def induce(
    table: DecisionTable,
    method: str = "lem2",
    attributes: Iterable[str] | None = None,
    min_support: int = 1,
) -> list[Rule]:
    """Rules of ``table`` over the attributes B (default all conditions), those with support
    below ``min_support`` left out. ``method``: "lem2" (certain + possible) or "minimal" (all
    minimal certain rules)."""
    _check_method(method)
    if isinstance(min_support, bool) or not isinstance(min_support, int) or min_support < 0:
        raise RoughSetError(f"min_support = {min_support!r}: must be a non-negative integer")
    idx = table._exact_idx(attributes) if method == "minimal" else table._resolve(attributes)
    dec_bits = _Context(table, ()).dec_bits
    class_sizes = [bits.bit_count() for bits in dec_bits]
    rules: list[Rule] = []
    for raw in _induce_raw(table, idx, method):
        support = raw.support
        if support < min_support:
            continue
        wanted = 0
        for d in raw.decs:
            wanted |= dec_bits[d]
        objects = tuple(table._labels[i] for i in int_to_indices(raw.cover & wanted))
        rules.append(
            Rule(
                conditions=tuple(
                    (table._conditions[a], table._domains[a][v]) for a, v in raw.conds
                ),
                decisions=tuple(table._dvalues[d] for d in raw.decs),
                kind=_KINDS[raw.kind],
                support=support,
                strength=support / table.n,
                certainty=support / raw.cover.bit_count(),
                coverage=support / sum(class_sizes[d] for d in raw.decs),
                objects=objects,
                decision_attribute=table.decision,
            )
        )
    return rules


def _vote(fired: Iterable[_Raw]) -> int | None:
    """Decision code chosen by the rules that fired (see module docstring), or None."""
    fired = list(fired)
    pool = [r for r in fired if r.kind == 0] or fired
    score: dict[int, int] = {}
    for r in pool:
        for d, w in zip(r.decs, r.weights, strict=True):
            score[d] = score.get(d, 0) + w
    if not score:
        return None
    return min(score, key=lambda d: (-score[d], d))


def classify(
    table: DecisionTable,
    rules: Sequence[Rule],
    data: pd.DataFrame | Mapping[str, Sequence[Any]],
) -> list[Any]:
    """Predicted decision value for every row of ``data`` (``None`` when no rule fires).

    Rules are weighted by the objects of ``table`` they match (module docstring), so pass the
    table the rules were induced from.
    """
    from clusterlab.roughsets.table import _column_names, _column_values

    names = set(_column_names(data))
    ctx = _Context(table, range(len(table.conditions)))
    raws: list[_Raw] = []
    for rule in rules:
        for a, _ in rule.conditions:
            if a not in table._index:
                raise UnknownAttributeError(f"rule attribute {a!r} is not a condition of the table")
            if a not in names:
                raise UnknownAttributeError(f"rule attribute {a!r} is not a column of the data")
        unknown = [v for v in rule.decisions if v not in table._dvalues]
        if unknown:
            raise RoughSetError(
                f"rule decision {unknown[0]!r} is not a value of {table.decision!r}"
            )
        decs = tuple(table._dvalues.index(v) for v in rule.decisions)
        pairs = []
        cover = ctx.all
        for a, v in rule.conditions:
            i = table._index[a]
            code = table._domains[i].index(v) if v in table._domains[i] else -1
            pairs.append((i, code))
            cover &= ctx.block_of.get((i, code), 0)
        weights = tuple((cover & ctx.dec_bits[d]).bit_count() for d in decs)
        raws.append(_Raw(_KINDS.index(rule.kind), tuple(pairs), decs, cover, weights))
    used = sorted({a for rule in rules for a, _ in rule.conditions})
    values = {a: _column_values(data, a) for a in used}
    n_rows = len(next(iter(values.values()))) if values else len(data)
    out: list[Any] = []
    for i in range(n_rows):
        fired = (
            raw
            for raw, rule in zip(raws, rules, strict=True)
            if all(values[a][i] == v for a, v in rule.conditions)
        )
        code = _vote(fired)
        out.append(None if code is None else table._dvalues[code])
    return out


def loo_accuracy(
    table: DecisionTable, method: str = "lem2", attributes: Iterable[str] | None = None
) -> float:
    """Leave-one-out accuracy: object i is classified by the rules induced from the table
    without i; an object no rule fires for counts as misclassified."""
    _check_method(method)
    idx = table._exact_idx(attributes) if method == "minimal" else table._resolve(attributes)
    if table.n < 2:
        raise EmptyTableError("leave-one-out accuracy needs at least 2 objects")
    correct = 0
    everyone = np.arange(table.n)
    for i in range(table.n):
        train = table._take(np.delete(everyone, i))
        fired = (
            raw
            for raw in _induce_raw(train, idx, method)
            if all(int(table._cols[a][i]) == v for a, v in raw.conds)
        )
        correct += _vote(fired) == int(table._d[i])
    return correct / table.n
