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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from clusterlab.roughsets._encoding import (
    encode,
    factorize,
    is_missing,
    is_number,
    natural_key,
    to_native,
)
from clusterlab.roughsets._partition import class_counts, partition
from clusterlab.roughsets.approximations import Approximation
from clusterlab.roughsets.errors import (
    DecisionAmongConditionsError,
    DuplicateError,
    EmptyTableError,
    MissingValueError,
    RoughSetError,
    TooManyAttributesError,
    TooManyValuesError,
    UnknownAttributeError,
    UnknownObjectError,
)
from clusterlab.roughsets.reducts import (
    MAX_EXACT_ATTRIBUTES,
    PositiveRegionOracle,
    discernibility_entries,
)
from clusterlab.roughsets.vprs import as_fraction, region_masks

if TYPE_CHECKING:
    import pandas as pd

    from clusterlab.roughsets.rules import Rule
    from clusterlab.roughsets.stability import ReductStability

__all__ = ["MAX_NUMERIC_VALUES", "DecisionTable"]

#: A column of numbers with more distinct values than this, and more distinct values than half
#: its rows, is taken to be continuous and rejected with :class:`TooManyValuesError`.
MAX_NUMERIC_VALUES = 10


def _column_names(data: Any) -> list[Any]:
    if hasattr(data, "columns"):
        return list(data.columns)
    if isinstance(data, Mapping):
        return list(data.keys())
    raise TypeError(
        f"DecisionTable needs a pandas.DataFrame or a mapping of column -> values, "
        f"not {type(data).__name__}"
    )


def _extract(data: Any, name: Any) -> tuple[np.ndarray, list[Any], int | None]:
    """First-seen codes and uniques of a column, or the 0-based index of its first missing value."""
    if hasattr(data, "iloc"):
        import pandas as pd

        col = data[name]
        na = col.isna().to_numpy()
        if na.any():
            return np.empty(0, np.int64), [], int(np.argmax(na))
        codes, uniques = pd.factorize(col, sort=False)
        return codes.astype(np.int64), [to_native(u) for u in uniques], None
    values = list(data[name])
    codes, uniques = factorize(values)
    if any(map(is_missing, uniques)):  # only then look for the first missing row
        return np.empty(0, np.int64), [], next(i for i, v in enumerate(values) if is_missing(v))
    return codes, [to_native(u) for u in uniques], None


def _column_values(data: Any, name: Any) -> list[Any]:
    if hasattr(data, "iloc"):
        return [to_native(v) for v in data[name].tolist()]
    return [to_native(v) for v in data[name]]


class DecisionTable:
    """A categorical decision table (U, C, d) with Pawlak's rough-set analysis.

    Parameters
    ----------
    data:
        a ``pandas.DataFrame`` (or a mapping ``column -> sequence of values``, which is how the
        command line passes a CSV without importing pandas).
    decision:
        the decision column d.
    conditions:
        condition attributes C in the order to use (default: every column except ``decision`` and
        ``id_column``, in table order).
    id_column:
        column whose values (as ``str``) label the objects; default: 1-based row numbers.

    Raises :class:`~clusterlab.roughsets.errors.RoughSetError` subclasses for an unknown column,
    the decision (or id) among the conditions, a missing value (row number and column), an empty
    table, duplicate labels/columns, and a numeric column with too many distinct values.
    """

    def __init__(
        self,
        data: pd.DataFrame | Mapping[str, Sequence[Any]],
        decision: str,
        conditions: Sequence[str] | None = None,
        id_column: str | None = None,
    ) -> None:
        names = _column_names(data)
        seen: set[Any] = set()
        for name in names:
            if name in seen:
                raise DuplicateError(f"duplicate column name {name!r}")
            seen.add(name)
        available = ", ".join(map(str, names))
        if decision not in seen:
            raise UnknownAttributeError(
                f"decision column {decision!r} not found (columns: {available})"
            )
        if id_column is not None:
            if id_column not in seen:
                raise UnknownAttributeError(
                    f"id column {id_column!r} not found (columns: {available})"
                )
            if id_column == decision:
                raise DecisionAmongConditionsError(
                    f"column {decision!r} cannot be both the decision and the id column"
                )
        if conditions is None:
            conds = [c for c in names if c != decision and c != id_column]
        else:
            conds = [conditions] if isinstance(conditions, str) else list(conditions)
            for c in conds:
                if c not in seen:
                    raise UnknownAttributeError(
                        f"condition column {c!r} not found (columns: {available})"
                    )
                if c == decision:
                    raise DecisionAmongConditionsError(
                        f"the decision column {c!r} is listed among the conditions"
                    )
                if c == id_column:
                    raise DecisionAmongConditionsError(
                        f"the id column {c!r} is listed among the conditions"
                    )
            if len(set(conds)) != len(conds):
                dup = next(c for i, c in enumerate(conds) if c in conds[:i])
                raise DuplicateError(f"condition {dup!r} is listed twice")
        n = len(data[decision])
        if n == 0:
            raise EmptyTableError("the table has no rows (objects)")

        raw_labels: list[str] | None = None
        if id_column is not None:
            ids = _column_values(data, id_column)
            for i, v in enumerate(ids):
                if is_missing(v):
                    raise MissingValueError(
                        f"missing value in id column {id_column!r} at row {i + 1}",
                        row=i + 1,
                        column=str(id_column),
                    )
            raw_labels = [str(v) for v in ids]
            first: dict[str, int] = {}
            for i, lab in enumerate(raw_labels):
                if lab in first:
                    raise DuplicateError(
                        f"id column {id_column!r}: label {lab!r} occurs in rows "
                        f"{first[lab] + 1} and {i + 1}"
                    )
                first[lab] = i

        encoded: list[tuple[np.ndarray, tuple[Any, ...]]] = []
        for name in [*conds, decision]:
            codes, uniques, missing = _extract(data, name)
            if missing is not None:
                where = f" (object {raw_labels[missing]!r})" if raw_labels else ""
                raise MissingValueError(
                    f"missing value in column {name!r} at row {missing + 1}{where}",
                    row=missing + 1,
                    column=str(name),
                )
            if codes.shape[0] != n:
                raise RoughSetError(f"column {name!r} has {codes.shape[0]} values, expected {n}")
            k = len(uniques)
            if k > MAX_NUMERIC_VALUES and 2 * k > n and all(map(is_number, uniques)):
                raise TooManyValuesError(
                    f"column {name!r} is numeric with {k} distinct values in {n} rows; rough "
                    f"sets need categories: bin it first, e.g. pandas.cut(df[{name!r}], bins=3) "
                    f"or a threshold (df[{name!r}] > t)"
                )
            encoded.append(encode(codes, uniques))

        if raw_labels is None:
            labels = tuple(str(i + 1) for i in range(n))
            perm = None
        else:
            order = sorted(range(n), key=lambda i: natural_key(raw_labels[i]))
            labels = tuple(raw_labels[i] for i in order)
            perm = np.asarray(order, dtype=np.int64)
        cols = [c if perm is None else c[perm] for c, _ in encoded]
        self._init(
            labels=labels,
            conditions=tuple(str(c) for c in conds),
            decision=str(decision),
            cols=cols[:-1],
            domains=tuple(dom for _, dom in encoded[:-1]),
            d=cols[-1],
            dvalues=encoded[-1][1],
        )

    def _init(
        self,
        *,
        labels: tuple[str, ...],
        conditions: tuple[str, ...],
        decision: str,
        cols: list[np.ndarray],
        domains: tuple[tuple[Any, ...], ...],
        d: np.ndarray,
        dvalues: tuple[Any, ...],
    ) -> None:
        self._labels = labels
        self._conditions = conditions
        self._decision = decision
        self._cols = cols
        self._domains = domains
        self._cards = [max(len(dom), 1) for dom in domains]
        self._d = d
        self._dvalues = dvalues
        self._nd = max(len(dvalues), 1)
        self._index = {a: i for i, a in enumerate(conditions)}
        self._oracles: dict[tuple[int, ...], PositiveRegionOracle] = {}

    @classmethod
    def _from_encoded(
        cls,
        labels: tuple[str, ...],
        conditions: tuple[str, ...],
        decision: str,
        cols: list[np.ndarray],
        domains: tuple[tuple[Any, ...], ...],
        d: np.ndarray,
        dvalues: tuple[Any, ...],
    ) -> DecisionTable:
        table = cls.__new__(cls)
        table._init(
            labels=labels,
            conditions=conditions,
            decision=decision,
            cols=cols,
            domains=domains,
            d=d,
            dvalues=dvalues,
        )
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
        return self._labels

    @property
    def conditions(self) -> tuple[str, ...]:
        """Condition attributes C in the given order."""
        return self._conditions

    @property
    def decision(self) -> str:
        """Name of the decision attribute d."""
        return self._decision

    @property
    def n(self) -> int:
        """Number of objects |U|."""
        return len(self._labels)

    @property
    def decision_values(self) -> tuple[Any, ...]:
        """Decision values in value order."""
        return self._dvalues

    def domain(self, attribute: str) -> tuple[Any, ...]:
        """Values of a condition attribute that occur in the table, in value order."""
        return self._domains[self._resolve([attribute])[0]]

    def __repr__(self) -> str:
        return (
            f"DecisionTable(n={self.n}, conditions={list(self._conditions)!r}, "
            f"decision={self._decision!r})"
        )

    # ------------------------------------------------------------------ helpers
    def _resolve(self, attributes: Iterable[str] | str | None) -> tuple[int, ...]:
        """Indices (sorted, condition order) of an attribute subset; None = all conditions."""
        if attributes is None:
            return tuple(range(len(self._conditions)))
        attrs = [attributes] if isinstance(attributes, str) else list(attributes)
        out: list[int] = []
        for a in attrs:
            if a == self._decision:
                raise DecisionAmongConditionsError(
                    f"the decision {a!r} cannot be used as a condition attribute"
                )
            if a not in self._index:
                raise UnknownAttributeError(
                    f"unknown attribute {a!r} (conditions: {', '.join(self._conditions)})"
                )
            if self._index[a] in out:
                raise DuplicateError(f"attribute {a!r} is listed twice")
            out.append(self._index[a])
        return tuple(sorted(out))

    def _names(self, idx: Iterable[int]) -> tuple[str, ...]:
        return tuple(self._conditions[i] for i in idx)

    def _labels_of(self, mask: np.ndarray) -> tuple[str, ...]:
        return tuple(self._labels[i] for i in np.flatnonzero(mask))

    def _partition(self, idx: Sequence[int]) -> tuple[np.ndarray, int]:
        return partition([self._cols[i] for i in idx], [self._cards[i] for i in idx], self.n)

    def _oracle(self, idx: tuple[int, ...]) -> PositiveRegionOracle:
        if idx not in self._oracles:
            self._oracles[idx] = PositiveRegionOracle(
                [self._cols[i] for i in idx], [self._cards[i] for i in idx], self._d, self._nd
            )
        return self._oracles[idx]

    def _regions(self, idx: Sequence[int], beta: Any) -> tuple[np.ndarray, np.ndarray]:
        """Object-level (n, nd) lower and upper masks for attribute indices ``idx``."""
        frac: Fraction | None = None if beta is None else as_fraction(beta)
        cls, k = self._partition(idx)
        lower, upper = region_masks(class_counts(cls, k, self._d, self._nd), frac)
        return lower[cls], upper[cls]

    # ------------------------------------------------------------------ classes and regions
    def decision_classes(self) -> dict[Any, tuple[str, ...]]:
        """Decision classes: ``{decision value: labels}``, values in value order."""
        return {v: self._labels_of(self._d == i) for i, v in enumerate(self._dvalues)}

    def indiscernibility_classes(
        self, attributes: Iterable[str] | None = None
    ) -> list[tuple[str, ...]]:
        """Classes of IND(B) (default B = all conditions), each in label order, listed by
        their first label."""
        cls, _ = self._partition(self._resolve(attributes))
        order = np.argsort(cls, kind="stable")
        _, starts = np.unique(cls[order], return_index=True)
        groups = np.split(order, starts[1:])
        groups.sort(key=lambda g: int(g[0]))
        return [tuple(self._labels[i] for i in g) for g in groups]

    def approximations(
        self, attributes: Iterable[str] | None = None, beta: float | None = None
    ) -> dict[Any, Approximation]:
        """Lower/upper approximation, boundary, outside region and accuracy of every decision
        class w.r.t. B (default all conditions); with ``beta`` Ziarko's VPRS (see ``.vprs``)."""
        lower, upper = self._regions(self._resolve(attributes), beta)
        out: dict[Any, Approximation] = {}
        for v, value in enumerate(self._dvalues):
            lo, up = lower[:, v], upper[:, v]
            n_up = int(np.count_nonzero(up))
            out[value] = Approximation(
                lower=self._labels_of(lo),
                upper=self._labels_of(up),
                boundary=self._labels_of(up & ~lo),
                outside=self._labels_of(~up),
                accuracy=int(np.count_nonzero(lo)) / n_up if n_up else 0.0,
            )
        return out

    def positive_region(
        self, attributes: Iterable[str] | None = None, beta: float | None = None
    ) -> tuple[str, ...]:
        """POS_B(D): union of the (beta-)lower approximations of all decision classes."""
        lower, _ = self._regions(self._resolve(attributes), beta)
        return self._labels_of(lower.any(axis=1))

    def boundary_region(
        self, attributes: Iterable[str] | None = None, beta: float | None = None
    ) -> tuple[str, ...]:
        """Union of the (beta-)boundaries of all decision classes (Pawlak: U - POS_B(D))."""
        lower, upper = self._regions(self._resolve(attributes), beta)
        return self._labels_of((upper & ~lower).any(axis=1))

    def quality(self, attributes: Iterable[str] | None = None, beta: float | None = None) -> float:
        """Quality of classification gamma_B(D) = |POS_B(D)| / n (with beta: |POS_beta| / n)."""
        idx = self._resolve(attributes)
        if beta is None:
            cls, k = self._partition(idx)
            counts = class_counts(cls, k, self._d, self._nd)
            pure = counts.max(axis=1) == counts.sum(axis=1)
            return int(counts.sum(axis=1)[pure].sum()) / self.n
        lower, _ = self._regions(idx, beta)
        return int(np.count_nonzero(lower.any(axis=1))) / self.n

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
                f"{MAX_EXACT_ATTRIBUTES} (2^m subsets); use heuristic_reduct() or fewer "
                "conditions"
            )
        return idx

    def reducts(self, attributes: Iterable[str] | None = None) -> list[tuple[str, ...]]:
        """All reducts of B (default C): minimal subsets R with POS_R(D) = POS_B(D) (Pawlak's
        positive-region definition, also for inconsistent tables). Each reduct in condition
        order; the list sorted by size, then condition order. When POS_B(D) is empty (or the
        whole table has one decision) the only reduct is the empty tuple. Exact: at most
        ``MAX_EXACT_ATTRIBUTES`` attributes (``TooManyAttributesError``); see ``.reducts``."""
        idx = self._exact_idx(attributes)
        masks = self._oracle(idx).reducts()
        local = sorted(
            (tuple(i for i in range(len(idx)) if mk >> i & 1) for mk in masks),
            key=lambda r: (len(r), r),
        )
        return [self._names(idx[i] for i in r) for r in local]

    def core(self, attributes: Iterable[str] | None = None) -> tuple[str, ...]:
        """Core = intersection of all reducts = indispensable attributes
        {a in B : POS_{B-{a}}(D) != POS_B(D)}, in condition order."""
        idx = self._resolve(attributes)
        mask = self._oracle(idx).core()
        return self._names(idx[i] for i in range(len(idx)) if mask >> i & 1)

    def heuristic_reduct(self, attributes: Iterable[str] | None = None) -> tuple[str, ...]:
        """One reduct found greedily: start from the core, repeatedly add the attribute that
        enlarges the positive region most (ties: condition order) until POS_B(D) is reached,
        then remove redundant attributes (reverse order of addition). Linear in n per step;
        no attribute limit."""
        idx = self._resolve(attributes)
        mask = self._oracle(idx).heuristic()
        return self._names(idx[i] for i in range(len(idx)) if mask >> i & 1)

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
        cls, k = self._partition(idx)
        counts = class_counts(cls, k, self._d, self._nd)
        pos = (counts.max(axis=1) == counts.sum(axis=1))[cls]
        names = self._names(idx)
        entries = discernibility_entries([self._cols[i] for i in idx], self._d, pos, all_pairs)
        cache: dict[int, frozenset[str]] = {}
        out: dict[tuple[str, str], frozenset[str]] = {}
        for i, j, mk in entries:
            if mk not in cache:
                cache[mk] = frozenset(a for b, a in enumerate(names) if mk >> b & 1)
            out[(self._labels[i], self._labels[j])] = cache[mk]
        return out

    def reduct_stability(
        self, method: str = "bootstrap", n_samples: int = 200, seed: int = 0
    ) -> ReductStability:
        """Share of resamples in which each attribute / reduct appears; see ``.stability``."""
        from clusterlab.roughsets.stability import reduct_stability

        return reduct_stability(self, method=method, n_samples=n_samples, seed=seed)

    # ------------------------------------------------------------------ rules
    def rules(
        self,
        method: str = "lem2",
        attributes: Iterable[str] | None = None,
        min_support: int = 1,
    ) -> list[Rule]:
        """Decision rules over B (default C); see :mod:`.rules` for LEM2 ("lem2": certain and
        possible rules) and "minimal" (all minimal certain rules), measures and order."""
        from clusterlab.roughsets.rules import induce

        return induce(self, method=method, attributes=attributes, min_support=min_support)

    def classify(
        self, rules: Sequence[Rule], data: pd.DataFrame | Mapping[str, Sequence[Any]]
    ) -> list[Any]:
        """Predicted decision value per row of ``data`` (None when no rule fires); voting
        scheme in :func:`clusterlab.roughsets.rules.classify`."""
        from clusterlab.roughsets.rules import classify

        return classify(self, rules, data)

    def loo_accuracy(self, method: str = "lem2", attributes: Iterable[str] | None = None) -> float:
        """Leave-one-out accuracy: each object classified by rules induced without it (an
        object no rule fires for counts as an error)."""
        from clusterlab.roughsets.rules import loo_accuracy

        return loo_accuracy(self, method=method, attributes=attributes)

    # ------------------------------------------------------------------ derived tables
    def subset(self, attributes: Iterable[str]) -> DecisionTable:
        """The same objects with only the given condition attributes (kept in condition order)."""
        idx = self._resolve(attributes)
        return DecisionTable._from_encoded(
            self._labels,
            self._names(idx),
            self._decision,
            [self._cols[i] for i in idx],
            tuple(self._domains[i] for i in idx),
            self._d,
            self._dvalues,
        )

    def drop_objects(self, labels: Iterable[str]) -> DecisionTable:
        """The table without the given objects (labels must exist; the result must be
        non-empty). Attribute domains are kept."""
        drop = [labels] if isinstance(labels, str) else list(labels)
        where = {lab: i for i, lab in enumerate(self._labels)}
        for lab in drop:
            if lab not in where:
                raise UnknownObjectError(f"unknown object label {lab!r}")
        keep = np.ones(self.n, dtype=bool)
        keep[[where[lab] for lab in drop]] = False
        if not keep.any():
            raise EmptyTableError("dropping these objects leaves an empty table")
        return self._take(np.flatnonzero(keep))

    def _take(self, rows: np.ndarray) -> DecisionTable:
        return DecisionTable._from_encoded(
            tuple(self._labels[i] for i in rows),
            self._conditions,
            self._decision,
            [c[rows] for c in self._cols],
            self._domains,
            self._d[rows],
            self._dvalues,
        )
