"""Reading a CSV decision table with the standard ``csv`` module (no pandas import).

The command line uses this to stay fast (importing pandas alone takes longer than the whole
analysis of a 2,000-row table). Parsing follows ``pandas.read_csv`` defaults where it matters for
rough sets: a cell is missing when it is empty or one of pandas' default NA strings
(:data:`NA_STRINGS`); a column whose cells all parse as integers becomes ``int``, else when all
parse as numbers ``float``, else the cells stay strings (surrounding whitespace is kept, as
pandas does).
"""

from __future__ import annotations

import csv
from os import PathLike
from typing import Any

from clusterlab.roughsets.errors import DuplicateError, EmptyTableError, RoughSetError

__all__ = ["NA_STRINGS", "read_csv_columns"]

#: pandas' default ``na_values`` (``pandas._libs.parsers.STR_NA_VALUES``).
NA_STRINGS = frozenset(
    {
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND",
        "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    }
)  # fmt: skip


def _convert(cells: list[str]) -> list[Any]:
    """Cells of one column as ints, floats or strings (missing cells become None)."""
    present = [c for c in cells if c not in NA_STRINGS]
    for kind in (int, float):
        try:
            converted = {c: kind(c) for c in set(present)}
        except ValueError:
            continue
        return [None if c in NA_STRINGS else converted[c] for c in cells]
    return [None if c in NA_STRINGS else c for c in cells]


def read_csv_columns(path: str | PathLike[str]) -> dict[str, list[Any]]:
    """Read a CSV file with a header row into ``{column: values}``.

    Blank lines are skipped. Raises ``FileNotFoundError``/``OSError`` for unreadable files,
    :class:`EmptyTableError` for a file without header or data rows, :class:`DuplicateError` for
    repeated header names and :class:`RoughSetError` for a row with the wrong number of fields
    (rows are numbered from 1, the header excluded, as in every message of the engine).
    """
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = [row for row in csv.reader(handle) if row]  # blank lines skipped, as pandas does
    if not rows:
        raise EmptyTableError("empty file (no header row)")
    header, body = rows[0], rows[1:]
    if not body:
        raise EmptyTableError("no data rows below the header")
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise DuplicateError(f"duplicate column name {name!r} in the header")
        seen.add(name)
    width = len(header)
    for i, row in enumerate(body, start=1):
        if len(row) != width:
            raise RoughSetError(f"row {i} has {len(row)} fields, the header has {width}")
    columns = list(zip(*body, strict=True))
    return {name: _convert(list(col)) for name, col in zip(header, columns, strict=True)}
