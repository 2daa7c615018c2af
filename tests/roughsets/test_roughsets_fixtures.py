"""The engine against the hand-checked answers of the shared fixtures (tests/fixtures/roughsets).

Each fixture's JSON numbers objects by their 1-based data row; the first CSV column is an object
id, left out of the conditions here so that labels are row numbers. The CSV files are read with
the ``csv`` module (cells stay text), so the suite also runs in standard-library mode.
"""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from roughsets_tables import FIXTURES, fixture_columns

from clusterlab.roughsets import DecisionTable

CASES = ["flu", "hiring", "walk", "xor_copy"]


def load(case: str) -> tuple[DecisionTable, dict]:
    columns = fixture_columns(case)
    spec = json.loads((FIXTURES / f"{case}.json").read_text())
    conditions = [c for c in list(columns)[1:] if c != spec["decision"]]
    return DecisionTable(columns, spec["decision"], conditions), spec["expected"]


def labels(numbers: list[int]) -> tuple[str, ...]:
    return tuple(str(i) for i in numbers)


@pytest.mark.parametrize("case", CASES)
def test_indiscernibility_classes(case: str) -> None:
    dt, expected = load(case)
    assert dt.indiscernibility_classes() == [
        labels(c) for c in expected["indiscernibility_classes"]
    ]


@pytest.mark.parametrize("case", CASES)
def test_approximations(case: str) -> None:
    dt, expected = load(case)
    approximations = dt.approximations()
    assert [str(v) for v in approximations] == sorted(expected["approximations"])
    for value, approx in approximations.items():
        want = expected["approximations"][str(value)]
        assert approx.lower == labels(want["lower"])
        assert approx.upper == labels(want["upper"])
        assert approx.boundary == labels(want["boundary"])
        assert approx.outside == tuple(o for o in dt.objects if o not in approx.upper)
        assert approx.accuracy == pytest.approx(len(want["lower"]) / len(want["upper"]))


@pytest.mark.parametrize("case", CASES)
def test_regions_and_quality(case: str) -> None:
    dt, expected = load(case)
    assert dt.positive_region() == labels(expected["positive_region"])
    assert dt.boundary_region() == labels(expected["boundary_region"])
    gamma = dt.quality()
    assert Fraction(gamma).limit_denominator(dt.n) == Fraction(
        expected["quality_of_classification_fraction"]
    )
    assert gamma == pytest.approx(expected["quality_of_classification"])


@pytest.mark.parametrize("case", CASES)
def test_reducts_and_core(case: str) -> None:
    dt, expected = load(case)
    assert dt.reducts() == [tuple(r) for r in expected["reducts_positive_region"]]
    assert dt.core() == tuple(expected["core_positive_region"])
    assert dt.heuristic_reduct() in dt.reducts()


@pytest.mark.parametrize("case", CASES)
def test_id_column_labels(case: str) -> None:
    columns = fixture_columns(case)
    spec = json.loads((FIXTURES / f"{case}.json").read_text())
    id_column = next(iter(columns))
    ids = columns[id_column]
    dt = DecisionTable(columns, spec["decision"], id_column=id_column)
    expected = spec["expected"]
    assert dt.objects == tuple(ids)  # fixture ids are already in natural order
    assert dt.positive_region() == tuple(ids[i - 1] for i in expected["positive_region"])
    assert dt.reducts() == [tuple(r) for r in expected["reducts_positive_region"]]
