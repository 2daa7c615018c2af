"""The decision table: encoding of a categorical table and Pawlak's basic notions.

A decision table is (U, C, d): objects U (rows), condition attributes C and one decision
attribute d, all categorical. Definitions (Pawlak 1991; Komorowski et al. 1999):

* IND(B) for B subset of C: x IND(B) y iff a(x) = a(y) for every a in B; its classes are the
  *indiscernibility classes* (elementary sets) of B. IND of the empty set is one class, U.
* Decision classes: the classes of IND({d}).
* Lower / upper approximation, boundary, outside region and accuracy: see :mod:`.approximations`.
* POS_B(D) = union of the B-lower approximations of the decision classes (the objects whose
  B-class has a single decision value); quality of classification ``gamma_B = |POS_B(D)| / n``.
* Significance of a in B: ``gamma_B - gamma_{B - {a}}`` (Pawlak's "significance of attributes";
  some texts divide by gamma_B - we do not).

Objects are labelled by the id column's values (as ``str``) or, without one, by their 1-based row
numbers (``"1"``, ``"2"``, ...). Every result lists labels in natural order (``x2`` before
``x10``), classes by their first label, decision values in value order (numbers, then strings):
results do not depend on the row order or the column order of the input.

Input checks live in :mod:`._validate`; the algorithms work on the encoded table
(:mod:`._encoded`) through a partition backend (:mod:`._backend`: numpy for big tables, plain
Python for small ones and when numpy cannot be imported), with the same results either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from clusterlab.roughsets import rules as _rules
from clusterlab.roughsets import stability as _stability
from clusterlab.roughsets._bitsets import union
from clusterlab.roughsets._encoded import EncodedTable
from clusterlab.roughsets._validate import (
    MAX_NUMERIC_VALUES,
    column_names,
    column_values,
    encode_table,
)
from clusterlab.roughsets.approximations import Approximation
from clusterlab.roughsets.errors import (
    DecisionAmongConditionsError,
    DuplicateError,
    EmptyTableError,
    RoughSetError,
    TooManyAttributesError,
    UnknownAttributeError,
    UnknownObjectError,
)
from clusterlab.roughsets.reducts import (
    DEFAULT_REDUCT_LIMIT,
    MAX_EXACT_ATTRIBUTES,
    PositiveRegionOracle,
    ReductSearch,
)
from clusterlab.roughsets.rules import Rule
from clusterlab.roughsets.stability import ReductStability
from clusterlab.roughsets.vprs import as_fraction, region_flags

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_NUMERIC_VALUES", "DecisionTable"]


class DecisionTable:
    """A categorical decision table (U, C, d) with Pawlak's rough-set analysis.

    Parameters
    ----------
    data:
        a ``pandas.DataFrame`` or a mapping ``column -> sequence of values`` (which needs
        neither pandas nor numpy).
    decision:
        the decision column d.
    conditions:
        condition attributes C in the order to use (default: every column except ``decision`` and
        ``id_column``, in table order).
    id_column:
        column whose values (as ``str``) label the objects; default: 1-based row numbers.

    Raises :class:`~clusterlab.roughsets.errors.RoughSetError` subclasses for an unknown column,
    the decision (or id) among the conditions, a missing value (row number and column), an empty
    table, duplicate labels/columns, and a numeric column with too many distinct values (see
    :mod:`._validate`).
    """

    def __init__(
        self,
        data: pd.DataFrame | Mapping[str, Sequence[Any]],
        decision: str,
        conditions: Sequence[str] | None = None,
        id_column: str | None = None,
    ) -> None:
        self._init(encode_table(data, decision, conditions, id_column))

    def _init(self, encoded: EncodedTable) -> None:
        self._enc = encoded
        self._oracles: dict[tuple[int, ...], PositiveRegionOracle] = {}

    @classmethod
    def _wrap(cls, encoded: EncodedTable) -> DecisionTable:
        table = cls.__new__(cls)
        table._init(encoded)
        return table

    @classmethod
    def from_csv(
        cls,
        path: str,
        decision: str,
        conditions: Sequence[str] | None = None,
        id_column: str | None = None,
    ) -> DecisionTable:
        """Read a CSV with the ``csv`` module (no pandas) and build the table; see
        :func:`clusterlab.roughsets.csvio.read_csv_columns` for parsing rules."""
        from clusterlab.roughsets.csvio import read_csv_columns

        return cls(read_csv_columns(path), decision, conditions, id_column)

    # ------------------------------------------------------------------ basic properties
    @property
    def objects(self) -> tuple[str, ...]:
        """Object labels in natural order."""
        return self._enc.labels

    @property
    def conditions(self) -> tuple[str, ...]:
        """Condition attributes C in the given order."""
        return self._enc.conditions

    @property
    def decision(self) -> str:
        """Name of the decision attribute d."""
        return self._enc.decision

    @property
    def n(self) -> int:
        """Number of objects |U|."""
        return self._enc.n

    @property
    def decision_values(self) -> tuple[Any, ...]:
        """Decision values in value order."""
        return self._enc.dvalues

    def domain(self, attribute: str) -> tuple[Any, ...]:
        """Values of a condition attribute that occur in the table, in value order."""
        return self._enc.domains[self._resolve([attribute])[0]]

    def __repr__(self) -> str:
        return (
            f"DecisionTable(n={self.n}, conditions={list(self.conditions)!r}, "
            f"decision={self.decision!r})"
        )

    # ------------------------------------------------------------------ helpers
    def _resolve(self, attributes: Iterable[str] | str | None) -> tuple[int, ...]:
        """Indices (sorted, condition order) of an attribute subset; None = all conditions."""
        if attributes is None:
            return tuple(range(len(self.conditions)))
        attrs = [attributes] if isinstance(attributes, str) else list(attributes)
        index = self._enc.index
        out: list[int] = []
        for a in attrs:
            if a == self.decision:
                raise DecisionAmongConditionsError(
                    f"the decision {a!r} cannot be used as a condition attribute"
                )
            if a not in index:
                raise UnknownAttributeError(
                    f"unknown attribute {a!r} (conditions: {', '.join(self.conditions)})"
                )
            if index[a] in out:
                raise DuplicateError(f"attribute {a!r} is listed twice")
            out.append(index[a])
        return tuple(sorted(out))

    def _names(self, idx: Iterable[int]) -> tuple[str, ...]:
        return tuple(self.conditions[i] for i in idx)

    def _oracle(self, idx: tuple[int, ...]) -> PositiveRegionOracle:
        if idx not in self._oracles:
            enc = self._enc
            self._oracles[idx] = PositiveRegionOracle(
                [enc.cols[i] for i in idx], [enc.cards[i] for i in idx], enc.d, enc.nd, enc.ops
            )
        return self._oracles[idx]

    def _regions(self, idx: Sequence[int], beta: Any) -> tuple[list[int], list[int]]:
        """Lower and upper approximation of every decision class, as object bitsets."""
        frac: Fraction | None = None if beta is None else as_fraction(beta)
        enc = self._enc
        cls, k = enc.partition(idx)
        lower, upper = region_flags(enc.ops.class_counts(cls, k, enc.d, enc.nd), frac)
        return (
            [enc.ops.objects_in(cls, flags) for flags in lower],
            [enc.ops.objects_in(cls, flags) for flags in upper],
        )

    # ------------------------------------------------------------------ classes and regions
    def decision_classes(self) -> dict[Any, tuple[str, ...]]:
        """Decision classes: ``{decision value: labels}``, values in value order."""
        bits = self._enc.decision_bits()
        return {v: self._enc.labels_of(bits[i]) for i, v in enumerate(self.decision_values)}

    def indiscernibility_classes(
        self, attributes: Iterable[str] | None = None
    ) -> list[tuple[str, ...]]:
        """Classes of IND(B) (default B = all conditions), each in label order, listed by
        their first label."""
        enc = self._enc
        groups = enc.ops.class_members(*enc.partition(self._resolve(attributes)))
        groups.sort(key=lambda g: g[0])
        return [tuple(enc.labels[i] for i in g) for g in groups]

    def approximations(
        self, attributes: Iterable[str] | None = None, beta: float | None = None
    ) -> dict[Any, Approximation]:
        """Lower/upper approximation, boundary, outside region and accuracy of every decision
        class w.r.t. B (default all conditions); with ``beta`` Ziarko's VPRS (see ``.vprs``)."""
        lower, upper = self._regions(self._resolve(attributes), beta)
        labels_of = self._enc.labels_of
        everyone = self._enc.everyone
        out: dict[Any, Approximation] = {}
        for lo, up, value in zip(lower, upper, self.decision_values, strict=True):
            n_up = up.bit_count()
            out[value] = Approximation(
                lower=labels_of(lo),
                upper=labels_of(up),
                boundary=labels_of(up & ~lo),
                outside=labels_of(everyone & ~up),
                accuracy=lo.bit_count() / n_up if n_up else 0.0,
            )
        return out

    def positive_region(
        self, attributes: Iterable[str] | None = None, beta: float | None = None
    ) -> tuple[str, ...]:
        """POS_B(D): union of the (beta-)lower approximations of all decision classes."""
        lower, _ = self._regions(self._resolve(attributes), beta)
        return self._enc.labels_of(union(lower))

    def boundary_region(
        self, attributes: Iterable[str] | None = None, beta: float | None = None
    ) -> tuple[str, ...]:
        """Union of the (beta-)boundaries of all decision classes (Pawlak: U - POS_B(D))."""
        lower, upper = self._regions(self._resolve(attributes), beta)
        return self._enc.labels_of(union(up & ~lo for lo, up in zip(lower, upper, strict=True)))

    def quality(self, attributes: Iterable[str] | None = None, beta: float | None = None) -> float:
        """Quality of classification gamma_B(D) = |POS_B(D)| / n (with beta: |POS_beta| / n)."""
        idx = self._resolve(attributes)
        if beta is None:
            enc = self._enc
            cls, k = enc.partition(idx)
            return enc.ops.n_positive(cls, k, enc.d, enc.nd) / self.n
        lower, _ = self._regions(idx, beta)
        return union(lower).bit_count() / self.n

    def significance(
        self, attributes: Iterable[str] | None = None, beta: float | None = None
    ) -> dict[str, float]:
        """Significance of each a in B: gamma_B - gamma_{B - {a}} (B default all conditions)."""
        idx = self._resolve(attributes)
        names = self._names(idx)
        full = self.quality(names, beta)
        return {a: full - self.quality([b for b in names if b != a], beta) for a in names}

    # ------------------------------------------------------------------ reducts
    def _exact_idx(self, attributes: Iterable[str] | None) -> tuple[int, ...]:
        idx = self._resolve(attributes)
        if len(idx) > MAX_EXACT_ATTRIBUTES:
            raise TooManyAttributesError(
                f"{len(idx)} condition attributes: exact reducts are limited to "
                f"{MAX_EXACT_ATTRIBUTES} (2^m subsets); use heuristic_reduct() (command line: "
                "--heuristic) for one good reduct, or fewer conditions"
            )
        return idx

    def _mask_names(self, idx: Sequence[int], mask: int) -> tuple[str, ...]:
        return self._names(idx[i] for i in range(len(idx)) if mask >> i & 1)

    def _sorted_reducts(self, idx: Sequence[int], masks: Iterable[int]) -> list[tuple[str, ...]]:
        local = sorted(
            (tuple(i for i in range(len(idx)) if mk >> i & 1) for mk in masks),
            key=lambda r: (len(r), r),
        )
        return [self._names(idx[i] for i in r) for r in local]

    def reducts(self, attributes: Iterable[str] | None = None) -> list[tuple[str, ...]]:
        """All reducts of B (default C): minimal subsets R with POS_R(D) = POS_B(D) (Pawlak's
        positive-region definition, also for inconsistent tables). Each reduct in condition
        order; the list sorted by size, then condition order. When POS_B(D) is empty (or the
        whole table has one decision) the only reduct is the empty tuple. Exact and unbounded:
        at most ``MAX_EXACT_ATTRIBUTES`` attributes (``TooManyAttributesError``); see
        :meth:`reduct_search` for a bounded search and ``.reducts`` for the algorithm."""
        idx = self._exact_idx(attributes)
        return self._sorted_reducts(idx, self._oracle(idx).reducts())

    def reduct_search(
        self,
        attributes: Iterable[str] | None = None,
        *,
        limit: int | None = DEFAULT_REDUCT_LIMIT,
        time_limit: float | None = None,
    ) -> ReductSearch:
        """Reducts as :meth:`reducts`, but the enumeration stops after ``limit`` reducts
        (default 1000; None = no cap) or ``time_limit`` seconds (default none). The result says
        whether the list is complete and what stopped it; :meth:`core` and :meth:`quality` are
        not affected (they stay exact)."""
        if limit is not None and (
            isinstance(limit, bool) or not isinstance(limit, int) or limit < 1
        ):
            raise RoughSetError(f"limit = {limit!r}: must be a positive integer or None")
        if time_limit is not None and not time_limit > 0:
            raise RoughSetError(
                f"time_limit = {time_limit!r}: must be a positive number of seconds"
            )
        idx = self._exact_idx(attributes)
        masks, stopped_by = self._oracle(idx).search(limit, time_limit)
        return ReductSearch(
            reducts=tuple(self._sorted_reducts(idx, masks)),
            complete=stopped_by is None,
            stopped_by=stopped_by,
        )

    def core(self, attributes: Iterable[str] | None = None) -> tuple[str, ...]:
        """Core = intersection of all reducts = indispensable attributes
        {a in B : POS_{B-{a}}(D) != POS_B(D)}, in condition order."""
        idx = self._resolve(attributes)
        return self._mask_names(idx, self._oracle(idx).core())

    def heuristic_reduct(self, attributes: Iterable[str] | None = None) -> tuple[str, ...]:
        """One reduct found greedily: start from the core, repeatedly add the attribute that
        enlarges the positive region most (ties: condition order) until POS_B(D) is reached,
        then remove redundant attributes (reverse order of addition). Linear in n per step;
        no attribute limit."""
        idx = self._resolve(attributes)
        return self._mask_names(idx, self._oracle(idx).heuristic())

    def discernibility_matrix(
        self, attributes: Iterable[str] | None = None, all_pairs: bool = False
    ) -> dict[tuple[str, str], frozenset[str]]:
        """Decision-relative discernibility matrix: ``{(x, y): attributes of B on which x and
        y differ}`` for every pair (x before y in label order) that must be discerned.

        Default (positive-region matrix): pairs with different decisions and at least one object
        in POS_B(D); its minimal hitting sets are exactly :meth:`reducts`. ``all_pairs=True``:
        every pair with different decisions (Skowron's matrix as in R's RoughSets; entries of
        C-indiscernible pairs are empty). O(n^2 |B|) - for teaching-size tables.
        """
        idx = self._resolve(attributes)
        enc = self._enc
        lower, _ = self._regions(idx, None)
        names = self._names(idx)
        entries = enc.ops.discernibility_entries(
            [enc.cols[i] for i in idx], enc.d, union(lower), all_pairs
        )
        cache: dict[int, frozenset[str]] = {}
        out: dict[tuple[str, str], frozenset[str]] = {}
        for i, j, mk in entries:
            if mk not in cache:
                cache[mk] = frozenset(a for b, a in enumerate(names) if mk >> b & 1)
            out[(enc.labels[i], enc.labels[j])] = cache[mk]
        return out

    def reduct_stability(
        self, method: str = "bootstrap", n_samples: int = 200, seed: int = 0
    ) -> ReductStability:
        """Share of resamples in which each attribute / reduct appears; see ``.stability``."""
        idx = self._exact_idx(None)
        return _stability.reduct_stability(self._enc, idx, method, n_samples, seed)

    # ------------------------------------------------------------------ rules
    def _rule_idx(self, method: str, attributes: Iterable[str] | None) -> tuple[int, ...]:
        _rules.check_method(method)
        return self._exact_idx(attributes) if method == "minimal" else self._resolve(attributes)

    def rules(
        self,
        method: str = "lem2",
        attributes: Iterable[str] | None = None,
        min_support: int = 1,
    ) -> list[Rule]:
        """Decision rules over B (default C); see :mod:`.rules` for LEM2 ("lem2": certain rules
        and possible rules, one per decision) and "minimal" (all minimal certain rules),
        measures and order."""
        idx = self._rule_idx(method, attributes)
        return _rules.induce(self._enc, idx, method=method, min_support=min_support)

    def classify(
        self, rules: Sequence[Rule], data: pd.DataFrame | Mapping[str, Sequence[Any]]
    ) -> list[Any]:
        """Predicted decision value per row of ``data`` (None when no rule fires); voting
        scheme in :func:`clusterlab.roughsets.rules.classify`."""
        names = column_names(data)
        used = sorted({a for rule in rules for a, _ in rule.conditions} & set(names))
        columns = {a: column_values(data, a) for a in used}
        n_rows = len(column_values(data, names[0])) if names else 0
        return _rules.classify(self._enc, rules, columns, n_rows)

    def loo_accuracy(self, method: str = "lem2", attributes: Iterable[str] | None = None) -> float:
        """Leave-one-out accuracy: each object classified by rules induced without it (an
        object no rule fires for counts as an error)."""
        idx = self._rule_idx(method, attributes)
        return _rules.loo_accuracy(self._enc, idx, method=method)

    # ------------------------------------------------------------------ derived tables
    def subset(self, attributes: Iterable[str]) -> DecisionTable:
        """The same objects with only the given condition attributes (kept in condition order)."""
        return DecisionTable._wrap(self._enc.select(self._resolve(attributes)))

    def drop_objects(self, labels: Iterable[str]) -> DecisionTable:
        """The table without the given objects (labels must exist; the result must be
        non-empty). Attribute domains are kept."""
        drop = [labels] if isinstance(labels, str) else list(labels)
        where = {lab: i for i, lab in enumerate(self.objects)}
        for lab in drop:
            if lab not in where:
                raise UnknownObjectError(f"unknown object label {lab!r}")
        gone = {where[lab] for lab in drop}
        keep = [i for i in range(self.n) if i not in gone]
        if not keep:
            raise EmptyTableError("dropping these objects leaves an empty table")
        return DecisionTable._wrap(self._enc.take(keep))
