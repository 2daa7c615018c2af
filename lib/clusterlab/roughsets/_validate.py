"""Checking and encoding the input of :class:`~clusterlab.roughsets.DecisionTable`.

:func:`encode_table` turns a ``pandas.DataFrame`` or a mapping ``column -> values`` into an
:class:`~._encoded.EncodedTable`, or raises a :class:`~.errors.RoughSetError` subclass naming the
problem and the place: an unknown column, the decision (or id) among the conditions, duplicate
column names / conditions / labels, an empty table, a missing value (1-based row and column),
and a continuous column (:data:`MAX_NUMERIC_VALUES`). pandas is never imported here: a frame is
recognised by its methods.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from clusterlab.roughsets._backend import Backend, Codes, for_size
from clusterlab.roughsets._encoded import EncodedTable
from clusterlab.roughsets._encoding import (
    factorize,
    is_missing,
    is_numeric,
    natural_key,
    to_native,
    value_order,
)
from clusterlab.roughsets.errors import (
    DecisionAmongConditionsError,
    DuplicateError,
    EmptyTableError,
    MissingValueError,
    RoughSetError,
    TooManyValuesError,
    UnknownAttributeError,
)

__all__ = ["MAX_NUMERIC_VALUES", "column_names", "column_values", "encode_table"]

#: A column whose values are all numbers or numeric text (see ``_encoding.is_numeric``) with more
#: distinct values than this, and more distinct values than half its rows, is taken to be
#: continuous and rejected with :class:`TooManyValuesError`.
MAX_NUMERIC_VALUES = 10


def column_names(data: Any) -> list[Any]:
    """Column names of a frame or mapping (TypeError for anything else)."""
    if hasattr(data, "columns"):
        return list(data.columns)
    if isinstance(data, Mapping):
        return list(data.keys())
    raise TypeError(
        f"DecisionTable needs a pandas.DataFrame or a mapping of column -> values, "
        f"not {type(data).__name__}"
    )


def column_values(data: Any, name: Any) -> list[Any]:
    """The values of one column as plain Python objects."""
    if hasattr(data, "iloc"):
        return [to_native(v) for v in data[name].tolist()]
    return [to_native(v) for v in data[name]]


def _extract(data: Any, name: Any) -> tuple[Any, list[Any], int | None]:
    """First-seen codes and uniques of a column, or the 0-based index of its first missing value."""
    if hasattr(data, "iloc"):
        import pandas as pd

        col = data[name]
        na = col.isna().to_numpy()
        if na.any():
            return [], [], int(na.argmax())
        codes, uniques = pd.factorize(col, sort=False)
        return codes, [to_native(u) for u in uniques], None
    values = list(data[name])
    codes, uniques = factorize(values)
    if any(map(is_missing, uniques)):  # only then look for the first missing row
        return [], [], next(i for i, v in enumerate(values) if is_missing(v))
    return codes, [to_native(u) for u in uniques], None


def _check_unique_names(names: Sequence[Any]) -> set[Any]:
    seen: set[Any] = set()
    for name in names:
        if name in seen:
            raise DuplicateError(f"duplicate column name {name!r}")
        seen.add(name)
    return seen


def _check_id_column(seen: set[Any], decision: str, id_column: str | None, available: str) -> None:
    if id_column is None:
        return
    if id_column not in seen:
        raise UnknownAttributeError(f"id column {id_column!r} not found (columns: {available})")
    if id_column == decision:
        raise DecisionAmongConditionsError(
            f"column {decision!r} cannot be both the decision and the id column"
        )


def _check_condition(
    c: Any, seen: set[Any], decision: str, id_column: str | None, available: str
) -> None:
    if c not in seen:
        raise UnknownAttributeError(f"condition column {c!r} not found (columns: {available})")
    if c == decision:
        raise DecisionAmongConditionsError(
            f"the decision column {c!r} is listed among the conditions"
        )
    if c == id_column:
        raise DecisionAmongConditionsError(f"the id column {c!r} is listed among the conditions")


def check_columns(
    names: Sequence[Any],
    decision: str,
    conditions: Sequence[str] | str | None,
    id_column: str | None,
) -> list[Any]:
    """The condition columns to use, after checking every named column exists once."""
    seen = _check_unique_names(names)
    available = ", ".join(map(str, names))
    if decision not in seen:
        raise UnknownAttributeError(
            f"decision column {decision!r} not found (columns: {available})"
        )
    _check_id_column(seen, decision, id_column, available)
    if conditions is None:
        return [c for c in names if c != decision and c != id_column]
    conds = [conditions] if isinstance(conditions, str) else list(conditions)
    for c in conds:
        _check_condition(c, seen, decision, id_column, available)
    if len(set(conds)) != len(conds):
        dup = next(c for i, c in enumerate(conds) if c in conds[:i])
        raise DuplicateError(f"condition {dup!r} is listed twice")
    return conds


def read_labels(data: Any, id_column: str | None) -> list[str] | None:
    """Object labels from the id column (checked: no missing value, no duplicate), or None."""
    if id_column is None:
        return None
    labels: list[str] = []
    first: dict[str, int] = {}
    for i, v in enumerate(column_values(data, id_column)):
        if is_missing(v):
            raise MissingValueError(
                f"missing value in id column {id_column!r} at row {i + 1}",
                row=i + 1,
                column=str(id_column),
            )
        label = str(v)
        if label in first:
            raise DuplicateError(
                f"id column {id_column!r}: label {label!r} occurs in rows {first[label] + 1} "
                f"and {i + 1}"
            )
        first[label] = i
        labels.append(label)
    return labels


def check_categorical(name: Any, uniques: Sequence[Any], n: int) -> None:
    """Refuse a column that looks continuous (numbers or numeric text, many distinct values)."""
    k = len(uniques)
    if k > MAX_NUMERIC_VALUES and 2 * k > n and all(map(is_numeric, uniques)):
        raise TooManyValuesError(
            f"column {name!r} is numeric with {k} distinct values in {n} rows; rough "
            f"sets need categories: bin it first, e.g. pandas.cut(df[{name!r}], bins=3) "
            f"or a threshold (df[{name!r}] > t)"
        )


def encode_column(
    data: Any, name: Any, n: int, labels: list[str] | None, ops: Backend
) -> tuple[Codes, tuple[Any, ...]]:
    """Codes (in value order) and domain of one column, after the missing/size/type checks."""
    codes, uniques, missing = _extract(data, name)
    if missing is not None:
        where = f" (object {labels[missing]!r})" if labels else ""
        raise MissingValueError(
            f"missing value in column {name!r} at row {missing + 1}{where}",
            row=missing + 1,
            column=str(name),
        )
    if len(codes) != n:
        raise RoughSetError(f"column {name!r} has {len(codes)} values, expected {n}")
    check_categorical(name, uniques, n)
    rank, domain = value_order(uniques)
    return ops.recode(codes, rank), domain


def encode_table(
    data: Any, decision: str, conditions: Sequence[str] | str | None, id_column: str | None
) -> EncodedTable:
    """The checked, encoded table (objects sorted by label in natural order)."""
    conds = check_columns(column_names(data), decision, conditions, id_column)
    n = len(data[decision])
    if n == 0:
        raise EmptyTableError("the table has no rows (objects)")
    labels = read_labels(data, id_column)
    ops = for_size(n)
    encoded = [encode_column(data, name, n, labels, ops) for name in [*conds, decision]]
    if labels is None:
        order = list(range(n))
        labels = [str(i + 1) for i in order]
    else:
        given = labels
        order = sorted(range(n), key=lambda i: natural_key(given[i]))
        labels = [given[i] for i in order]
    moved = order != list(range(n))
    cols = [ops.take(codes, order) if moved else codes for codes, _ in encoded]
    return EncodedTable(
        labels=tuple(labels),
        conditions=tuple(str(c) for c in conds),
        decision=str(decision),
        cols=tuple(cols[:-1]),
        domains=tuple(dom for _, dom in encoded[:-1]),
        d=cols[-1],
        dvalues=encoded[-1][1],
        ops=ops,
    )
