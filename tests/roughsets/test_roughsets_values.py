"""Values are labels: numeric text in the continuous-column check, natural order of strings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlab.roughsets import MAX_NUMERIC_VALUES, DecisionTable, TooManyValuesError
from clusterlab.roughsets._encoding import is_numeric, value_key


@pytest.mark.parametrize(
    "text", ["0", "12", "007", "-3", "+4", "12.5", "12,5", "-0,25", ".5", ",5", "3.", "1000"]
)
def test_numeric_text(text: str) -> None:
    assert is_numeric(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1e3",
        "1 000",
        " 12",
        "12 ",
        "1.2.3",
        "1,2,3",
        "--1",
        "+",
        ".",
        "x1",
        "٣",
        "１２",
        "0x1f",
    ],
)
def test_not_numeric_text(text: str) -> None:
    # exponents, spaces, thousands groups, non-ASCII digits (Arabic-Indic, full-width), hex
    assert not is_numeric(text)


def test_numbers_are_numeric_but_bools_are_not() -> None:
    assert is_numeric(3) and is_numeric(2.5) and not is_numeric(True) and not is_numeric(None)


def column(values: list[str]) -> dict[str, list[str]]:
    return {"x": values, "d": ["a", "b"] * (len(values) // 2) + ["a"] * (len(values) % 2)}


def test_a_column_of_numeric_strings_is_continuous() -> None:
    # 20 rows, 20 distinct numbers as text: more than 10 distinct values and more than half the
    # rows -> refused, as the same column of numbers would be
    n = 20
    with pytest.raises(TooManyValuesError, match="'x' is numeric with 20 distinct values"):
        DecisionTable(column([str(i) for i in range(n)]), "d")
    with pytest.raises(TooManyValuesError):  # decimal commas, as a Dutch export writes them
        DecisionTable(column([f"{i},5" for i in range(n)]), "d")
    with pytest.raises(TooManyValuesError):  # signs and decimal points mixed with integers
        DecisionTable(column([f"-{i}.25" if i % 2 else f"+{i}" for i in range(n)]), "d")


def test_what_is_not_continuous() -> None:
    def categorical(values: list[str]) -> None:
        """Accepted as a categorical column: every label kept as written (no binning)."""
        assert set(DecisionTable(column(values), "d").domain("x")) == set(values)

    n = 20
    # one non-numeric label among numbers: the column is categorical
    categorical([str(i) for i in range(n - 1)] + ["n/a"])
    # labels such as ids, exponents, non-ASCII digits
    categorical([f"F{i:02d}" for i in range(n)])
    categorical([f"{i}e3" for i in range(n)])
    # the threshold: exactly MAX_NUMERIC_VALUES distinct numbers is still categorical
    categorical([str(i % MAX_NUMERIC_VALUES) for i in range(n)])
    # 11 distinct numeric strings in 22 rows: not more than half the rows
    categorical([str(i % 11) for i in range(22)])


def test_string_values_are_ordered_naturally() -> None:
    # digit runs compare as integers: 1 < 2 < 7 < 10; "007" and "7" tie as numbers and are
    # ordered by code point ("0" < "7"), so "007" comes first; text after the numbers
    values = ["10", "2", "7", "1", "007", "x10", "x2", "x"]
    dt = DecisionTable({"a": values, "d": ["y"] * len(values)}, "d")
    assert dt.domain("a") == ("1", "2", "007", "7", "10", "x", "x2", "x10")
    # decision values too: classes and rules follow this order
    dt = DecisionTable({"a": ["p", "q", "r"], "d": ["c10", "c9", "c10"]}, "d")
    assert dt.decision_values == ("c9", "c10")
    # rules: a=q -> c9, then the two rules for c10 (a=p, a=r: each its own block)
    assert [r.decisions for r in dt.rules()] == [("c9",), ("c10",), ("c10",)]


def test_numbers_come_before_strings() -> None:
    dt = DecisionTable({"a": ["10", 3, "2", 1.5], "d": ["y"] * 4}, "d")
    assert dt.domain("a") == (1.5, 3, "2", "10")


@settings(deadline=None, max_examples=100)
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=20))
def test_numeric_strings_sort_like_their_numbers(numbers: list[int]) -> None:
    texts = [str(n) for n in numbers]
    assert sorted(texts, key=value_key) == [str(n) for n in sorted(numbers)]
