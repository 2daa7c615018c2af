"""The warnings about text cells (clusterlab.roughsets.csvcheck); expectations by hand."""

from __future__ import annotations

from collections import Counter

from clusterlab.roughsets.csvcheck import column_warnings, first_empty_cell


def warn(cells: dict[str, list[str]], conditions: list[str], decision: str = "d", id_=None):
    counts = {c: dict(Counter(v)) for c, v in cells.items()}
    n = len(next(iter(cells.values())))
    return column_warnings(counts, n, conditions, decision, id_)


def kinds(warnings) -> list[tuple[str, str]]:
    return [(w.kind, w.column) for w in warnings]


def test_similar_values() -> None:
    d = ["P", "N", "P", "N"]
    found = warn({"a": ["1", "01", "1.0", "2"], "d": d}, ["a"])
    assert kinds(found)[0] == ("similar_values", "a")
    assert "leading zeros or number format" in found[0].message
    assert "'01', '1', '1.0'" in found[0].message and "'2'" not in found[0].message
    case = warn({"a": ["Yes", "yes", "no", "no"], "d": d}, ["a"])
    assert kinds(case) == [("similar_values", "a")] and "differ only in case" in case[0].message
    spaces = warn({"a": ["yes", "yes ", "no", "no"], "d": d}, ["a"])
    assert "only in surrounding spaces" in spaces[0].message
    assert "1000" in warn({"a": ["1e3", "1000", "x", "x"], "d": d}, ["a"])[0].message
    zeros = warn({"a": ["0", "00", "-0", "x"], "d": d}, ["a"])
    assert "'-0', '0', '00'" in zeros[0].message
    assert warn({"a": ["x", "y", "x", "y"], "d": d}, ["a"]) == []
    # the decision and the id column are checked too
    assert kinds(warn({"a": ["x"] * 4, "d": ["P", "p", "P", "P"]}, ["a"])) == [
        ("similar_values", "d")
    ]
    assert kinds(warn({"i": ["7", "07", "8", "9"], "a": ["x"] * 4, "d": d}, ["a"], id_="i")) == [
        ("similar_values", "i")
    ]


def test_placeholders() -> None:
    cells = {"a": ["?", "x", "N/A", "?", "x", " na "], "d": ["P", "N"] * 3}
    found = warn(cells, ["a"])
    assert kinds(found) == [("placeholders", "a")]
    assert "4 of 6 cells" in found[0].message and "'?' 2x" in found[0].message
    assert warn({"a": ["none", "some", "none", "x"], "d": ["P", "N"] * 2}, ["a"]) == []


def test_decimal_numbers() -> None:
    d = ["P", "N", "P"]
    found = warn({"a": ["12,5", "3", "3"], "d": d}, ["a"])
    assert kinds(found) == [("decimal_numbers", "a")] and "'12,5'" in found[0].message
    assert warn({"a": ["1", "2", "2"], "d": d}, ["a"]) == []
    assert warn({"a": ["1.5", "x", "x"], "d": d}, ["a"]) == []
    assert warn({"i": ["1.5", "2.5", "3.5"], "a": ["x"] * 3, "d": d}, ["a"], id_="i") == []


def test_mostly_distinct() -> None:
    d = ["P", "N"] * 5
    nine = [f"v{i}" for i in range(9)]
    assert kinds(warn({"a": [*nine, "v0"], "d": d}, ["a"])) == [("mostly_distinct", "a")]
    assert warn({"a": [*nine[:8], "v0", "v0"], "d": d}, ["a"]) == []  # 8 of 10 < 0.9
    assert warn({"a": nine, "d": d[:9]}, ["a"]) == []  # fewer than 10 rows
    ids = [f"{i:03d}" for i in range(10)]
    assert warn({"a": ["x"] * 10, "d": ids}, ["a"]) == []  # never for the decision
    assert warn({"i": ids, "a": ["x"] * 10, "d": d}, ["a"], id_="i") == []  # nor the id


def test_first_empty_cell() -> None:
    counts = {"a": {"x": 2}, "b": {"y": 1, " ": 1}, "c": {"": 2}}
    assert first_empty_cell(counts, ["a", "b", "c"]) == ("b", " ")
    assert first_empty_cell(counts, ["c", "b"]) == ("c", "")
    assert first_empty_cell(counts, ["a"]) is None
