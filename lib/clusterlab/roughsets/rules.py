"""Decision rules: LEM2 (certain and possible rules), all minimal certain rules, classification.

Every rule has exactly one decision value: ``IF T THEN d = v``.

**Rule measures** (``[T]`` = objects matching the conditions, ``X_v`` = decision class of v):

* support   = |[T] & X_v|;
* strength  = support / n;
* certainty = |[T] & X_v| / |[T]| (confidence);
* coverage  = |[T] & X_v| / |X_v|;
* objects   = the supporting objects [T] & X_v.

**LEM2** (Grzymala-Busse 1992, "LERS - a system for learning from examples based on rough sets").
For a concept B (a union of IND classes) and the attribute-value pairs t = (a, v) with blocks
[t]: while some object of B is uncovered (goal G), grow a conjunction T by the pair t with the
largest |[t] & G| (ties: the smallest |[t]|, then the first pair in condition order, value order),
narrowing G to [t] & G, until [T] is contained in B; then drop every condition whose removal keeps
[T] inside B (condition order), and finally drop every rule whose objects the other rules already
cover (generation order). LEM2 here is run on:

* the lower approximation of each decision class -> **certain** rules ``IF T THEN d = v``
  (certainty 1);
* every boundary region of one *generalised decision* S (the set of decision values met in an
  IND class; |S| >= 2): the objects whose generalised decision is S. Each conjunction T found
  there gives one **possible** rule ``IF T THEN d = v`` *per decision v in S*, with its own
  measures (Pawlak's approximate rules, as chapter 3 of the book teaches them: a boundary class
  with 3 firms of one decision and 1 of the other gives two rules, certainty 0.75 and 0.25).
  Because [T] lies inside that boundary region, every v in S occurs in [T]: the certainty of a
  possible rule is strictly between 0 and 1.

**All minimal certain rules** ("minimal"): every conjunction T of one or more attribute-value
pairs that matches at least one object, whose matching objects all have one decision value
(consistent), and no proper non-empty sub-conjunction of which is consistent. Exhaustive:
every attribute subset is partitioned once, O(2^|B| * n * |B|) time; refused above
``MAX_EXACT_ATTRIBUTES`` attributes.

**Order**: certain rules before possible ones, then by decision value in value order, then by
decreasing support, then by the conditions (condition order, value order). Rules do not depend
on the row order of the table.

**Classification** (:func:`classify`): the rules whose conditions a row matches vote. If any
certain rule fires, only the certain rules vote; else the possible rules that fire vote. Each
rule votes for its decision with weight = its support among the training objects, |[T] & X_v|
(a rule given with several decisions votes for each with its count). The value with the
largest total wins (ties: value order); ``None`` when no rule fires.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from clusterlab.roughsets._bitsets import union
from clusterlab.roughsets._encoded import EncodedTable
from clusterlab.roughsets.errors import EmptyTableError, RoughSetError, UnknownAttributeError

__all__ = ["METHODS", "Rule", "classify", "induce", "loo_accuracy"]

#: Rule induction methods.
METHODS = ("lem2", "minimal")

_KINDS = ("certain", "possible")


@dataclass(frozen=True)
class Rule:
    """A decision rule ``IF a1 = v1 AND ... THEN d = v``.

    ``conditions`` are (attribute, value) pairs in condition order; ``decisions`` is a 1-tuple
    ``(v,)`` for every rule the engine makes; measures as defined in the module docstring;
    ``objects`` are the labels of the supporting objects.
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

    def __init__(self, table: EncodedTable, idx: Sequence[int]) -> None:
        self.table = table
        self.idx = tuple(idx)
        self.all = table.everyone
        self.blocks: list[tuple[int, int, int, int]] = []  # (attribute, code, bits, |block|)
        self.block_of: dict[tuple[int, int], int] = {}
        for a in self.idx:
            for v, bits in enumerate(table.ops.value_bits(table.cols[a], len(table.domains[a]))):
                if bits:
                    self.block_of[(a, v)] = bits
                    self.blocks.append((a, v, bits, bits.bit_count()))
        self.dec_bits = table.decision_bits()

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


def _best_pair(
    cand: Sequence[int], goal: int, bits: Sequence[int], sizes: Sequence[int]
) -> tuple[int, list[int]]:
    """The pair meeting ``goal`` most (ties: smaller block, then first), and the pairs meeting
    ``goal`` at all."""
    best, best_count, best_size = -1, 0, 0
    alive = []
    for i in cand:  # ascending, so the first pair wins a full tie
        count = (bits[i] & goal).bit_count()
        if count:
            alive.append(i)
            if count > best_count or (count == best_count and sizes[i] < best_size):
                best, best_count, best_size = i, count, sizes[i]
    return best, alive


def _conjunction(
    concept: int, goal: int, bits: Sequence[int], sizes: Sequence[int]
) -> tuple[list[int], int]:
    """Grow a conjunction for ``goal`` until its block lies inside ``concept``; then drop the
    conditions it does not need. Returns the block indices and the block of the conjunction."""
    chosen: list[int] = []
    cover = -1  # all objects
    cand = list(range(len(bits)))
    while not chosen or cover & ~concept:
        best, alive = _best_pair(cand, goal, bits, sizes)
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
    return sorted(chosen), cover


def _drop_redundant(rules: list[list[int]], covers: list[int]) -> None:
    """Remove, in generation order, every rule whose objects the other rules cover."""
    twice = _covered_twice(covers)
    i = 0
    while i < len(rules):
        if len(rules) > 1 and not covers[i] & ~twice:
            del rules[i], covers[i]
            twice = _covered_twice(covers)
        else:
            i += 1


def _lem2(concept: int, blocks: Sequence[tuple[int, int, int, int]]) -> list[list[int]]:
    """LEM2 local covering of ``concept`` as lists of block indices (see module docstring)."""
    if not blocks:  # rules are non-empty conjunctions: no attribute, no rule
        return []
    bits = [b[2] for b in blocks]
    sizes = [b[3] for b in blocks]
    rules: list[list[int]] = []
    covers: list[int] = []
    covered = 0
    while concept & ~covered:
        chosen, cover = _conjunction(concept, concept & ~covered, bits, sizes)
        rules.append(chosen)
        covers.append(cover & concept)
        covered |= cover
    _drop_redundant(rules, covers)
    return rules


def _decision_sets(table: EncodedTable, cls: Any, k: int) -> list[tuple[int, ...]]:
    """The generalised decision of every class: the decision codes met in it (a class is
    pure - inside a lower approximation - when there is one)."""
    counts = table.ops.class_counts(cls, k, table.d, table.nd)
    return [tuple(v for v, c in enumerate(row) if c) for row in counts]


def _induce_lem2(ctx: _Context) -> list[_Raw]:
    table = ctx.table
    ops = table.ops
    cls, k = table.partition(ctx.idx)
    present = _decision_sets(table, cls, k)
    out: list[_Raw] = []
    blocks = ctx.blocks
    for v in range(table.nd):
        lower = ops.objects_in(cls, [p == (v,) for p in present])
        for rule in _lem2(lower, blocks):
            out.append(ctx.make(0, (blocks[i][:2] for i in rule), (v,)))
    for decs in sorted({p for p in present if len(p) > 1}):
        concept = ops.objects_in(cls, [p == decs for p in present])
        for rule in _lem2(concept, blocks):
            for v in decs:
                out.append(ctx.make(1, (blocks[i][:2] for i in rule), (v,)))
    return out


def _induce_minimal(ctx: _Context) -> list[_Raw]:
    table = ctx.table
    ops = table.ops
    out: list[_Raw] = []
    previous: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for size in range(1, len(ctx.idx) + 1):
        current: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
        for combo in combinations(ctx.idx, size):
            cls, k = table.partition(combo)
            present = _decision_sets(table, cls, k)
            for c, rep in enumerate(ops.first_members(cls, k)):
                if len(present[c]) != 1:
                    continue
                values = tuple(int(table.cols[a][rep]) for a in combo)
                current.add((combo, values))
                if size > 1 and any(
                    (combo[:j] + combo[j + 1 :], values[:j] + values[j + 1 :]) in previous
                    for j in range(size)
                ):
                    continue
                out.append(ctx.make(0, zip(combo, values, strict=True), present[c]))
        previous = current
    return out


def _induce_raw(table: EncodedTable, idx: Sequence[int], method: str) -> list[_Raw]:
    ctx = _Context(table, idx)
    raws = _induce_lem2(ctx) if method == "lem2" else _induce_minimal(ctx)
    raws.sort(key=lambda r: (r.kind, r.decs, -r.support, r.conds))
    return raws


def check_method(method: str) -> None:
    """Refuse an unknown rule method."""
    if method not in METHODS:
        raise RoughSetError(f"unknown rule method {method!r}: use 'lem2' or 'minimal'")


def _rule(table: EncodedTable, raw: _Raw, dec_bits: Sequence[int]) -> Rule:
    support = raw.support
    wanted = union(dec_bits[d] for d in raw.decs)
    return Rule(
        conditions=tuple((table.conditions[a], table.domains[a][v]) for a, v in raw.conds),
        decisions=tuple(table.dvalues[d] for d in raw.decs),
        kind=_KINDS[raw.kind],
        support=support,
        strength=support / table.n,
        certainty=support / raw.cover.bit_count(),
        coverage=support / sum(dec_bits[d].bit_count() for d in raw.decs),
        objects=table.labels_of(raw.cover & wanted),
        decision_attribute=table.decision,
    )


def induce(
    table: EncodedTable, idx: Sequence[int], method: str = "lem2", min_support: int = 1
) -> list[Rule]:
    """Rules of ``table`` over the condition indices ``idx``, those with support below
    ``min_support`` left out. ``method``: "lem2" (certain + possible) or "minimal" (all minimal
    certain rules)."""
    check_method(method)
    if isinstance(min_support, bool) or not isinstance(min_support, int) or min_support < 0:
        raise RoughSetError(f"min_support = {min_support!r}: must be a non-negative integer")
    dec_bits = table.decision_bits()
    return [
        _rule(table, raw, dec_bits)
        for raw in _induce_raw(table, idx, method)
        if raw.support >= min_support
    ]


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


def _encode_rule(table: EncodedTable, ctx: _Context, rule: Rule, names: set[Any]) -> _Raw:
    """A given rule in the codes of ``table``, weighted by the objects it matches there."""
    for a, _ in rule.conditions:
        if a not in table.index:
            raise UnknownAttributeError(f"rule attribute {a!r} is not a condition of the table")
        if a not in names:
            raise UnknownAttributeError(f"rule attribute {a!r} is not a column of the data")
    unknown = [v for v in rule.decisions if v not in table.dvalues]
    if unknown:
        raise RoughSetError(f"rule decision {unknown[0]!r} is not a value of {table.decision!r}")
    decs = tuple(table.dvalues.index(v) for v in rule.decisions)
    pairs = []
    cover = ctx.all
    for a, v in rule.conditions:
        i = table.index[a]
        code = table.domains[i].index(v) if v in table.domains[i] else -1
        pairs.append((i, code))
        cover &= ctx.block_of.get((i, code), 0)
    weights = tuple((cover & ctx.dec_bits[d]).bit_count() for d in decs)
    return _Raw(_KINDS.index(rule.kind), tuple(pairs), decs, cover, weights)


def classify(
    table: EncodedTable,
    rules: Sequence[Rule],
    columns: Mapping[str, Sequence[Any]],
    n_rows: int,
) -> list[Any]:
    """Predicted decision value for each of ``n_rows`` rows (``None`` when no rule fires).

    ``columns`` holds the values of (at least) the attributes the rules use. Rules are weighted
    by the objects of ``table`` they match (module docstring), so pass the table the rules were
    induced from.
    """
    ctx = _Context(table, range(len(table.conditions)))
    names = set(columns)
    raws = [_encode_rule(table, ctx, rule, names) for rule in rules]
    out: list[Any] = []
    for i in range(n_rows):
        fired = (
            raw
            for raw, rule in zip(raws, rules, strict=True)
            if all(columns[a][i] == v for a, v in rule.conditions)
        )
        code = _vote(fired)
        out.append(None if code is None else table.dvalues[code])
    return out


def loo_accuracy(table: EncodedTable, idx: Sequence[int], method: str = "lem2") -> float:
    """Leave-one-out accuracy: object i is classified by the rules induced from the table
    without i; an object no rule fires for counts as misclassified."""
    check_method(method)
    if table.n < 2:
        raise EmptyTableError("leave-one-out accuracy needs at least 2 objects")
    correct = 0
    for i in range(table.n):
        train = table.take([j for j in range(table.n) if j != i])
        fired = (
            raw
            for raw in _induce_raw(train, idx, method)
            if all(int(table.cols[a][i]) == v for a, v in raw.conds)
        )
        correct += _vote(fired) == int(table.d[i])
    return correct / table.n
