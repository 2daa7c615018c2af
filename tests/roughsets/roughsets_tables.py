"""Test helpers of the engine's suite that need only the standard library."""

from __future__ import annotations

import csv
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roughsets"


def read_columns(path: Path) -> dict[str, list[str]]:
    """A CSV file as ``{column: cells}`` (cells stay strings; no pandas)."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    return {name: [row[j] for row in body] for j, name in enumerate(header)}


def fixture_columns(case: str) -> dict[str, list[str]]:
    """The shared fixture ``case`` (tests/fixtures/roughsets/<case>.csv) as columns."""
    return read_columns(FIXTURES / f"{case}.csv")
