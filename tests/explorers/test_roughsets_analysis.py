"""The explorers' computation (clusterlab.explorer) and the static export, checked against
the rough-set engine called directly - never against the precomputation itself."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pandas as pd
import pytest

from clusterlab import explorer as ex
from clusterlab.data import ARTICLE_CONDITIONS, DECISION, EXTRA_CONDITIONS, load_firms
from clusterlab.roughsets import (
    BetaOutOfRangeError,
    DecisionTable,
    UnknownAttributeError,
    UnknownObjectError,
)

FIXTURES = Path(__file__).parent / "fixtures" / "roughsets"


@pytest.fixture(scope="module")
def firms() -> pd.DataFrame:
    return load_firms()


@pytest.fixture(scope="module")
def export(firms: pd.DataFrame) -> dict:
    return ex.precompute_all_subsets(firms)


def engine(
    firms: pd.DataFrame,
    conditions: list[str],
    decision: str = DECISION,
    leave_out: tuple[str, ...] = (),
) -> DecisionTable:
    """The engine's table built independently of clusterlab.explorer."""
    table = DecisionTable(firms, decision, conditions=conditions, id_column="firm_id")
    return table.drop_objects(list(leave_out)) if leave_out else table


def expected_areas(table: DecisionTable, beta: float | None = None) -> dict[str, str]:
    word = "certainly" if beta is None else "mostly"
    areas = dict.fromkeys(table.objects, "boundary")
    for value, approx in table.approximations(beta=beta).items():
        for label in approx.lower:
            areas[label] = f"{word} {value}"
    return areas


def test_toggleable_attributes_are_the_books_nine() -> None:
    assert (*ARTICLE_CONDITIONS, *EXTRA_CONDITIONS) == ex.TOGGLEABLE
    assert len(ex.TOGGLEABLE) == 9
    assert ex.DECISIONS[0] == DECISION == "network_2005"


@pytest.mark.parametrize(
    "conditions",
    [
        list(ARTICLE_CONDITIONS),
        [a for a in ARTICLE_CONDITIONS if a != "legal_status"],
        ["sector", "region", "virtualisation"],
        list(ex.TOGGLEABLE),
        ["export_orientation"],
    ],
)
def test_analyse_subset_equals_the_engine(firms: pd.DataFrame, conditions: list[str]) -> None:
    result = ex.analyse_subset(firms, conditions)
    table = engine(firms, conditions)
    assert result["quality"] == table.quality()
    assert result["core"] == list(table.core())
    assert result["reducts"] == [list(r) for r in table.reducts()]
    assert result["positive_region"] == list(table.positive_region())
    rules = table.rules("lem2")
    assert [r["text"] for r in result["rules"]] == [str(r) for r in rules]
    assert [
        (r["support"], r["certainty"], r["coverage"], r["strength"]) for r in result["rules"]
    ] == [(r.support, r.certainty, r.coverage, r.strength) for r in rules]
    areas = {r["firm"]: r["area"] for r in result["regions"]}
    assert areas == expected_areas(table)
    assert len(result["regions"]) == len(firms)


def test_regions_relative_to_the_own_class(firms: pd.DataFrame) -> None:
    result = ex.analyse_subset(firms, ["sector"])
    table = engine(firms, ["sector"])
    approx = table.approximations()
    for row in result["regions"]:
        own = approx[row["decision"]]
        if row["firm"] in own.lower:
            assert row["region"] == "lower" and row["lower_of"] == row["decision"]
        else:
            assert row["region"] == "boundary" and row["lower_of"] is None
            assert row["firm"] in own.boundary
    assert {r["region"] for r in result["regions"]} == {"lower", "boundary"}


def test_method_min_support_and_decision(firms: pd.DataFrame) -> None:
    conditions = ["sector", "innovativeness", "legal_status"]
    for decision in ex.DECISIONS:
        result = ex.analyse_subset(firms, conditions, decision, method="minimal", min_support=2)
        table = engine(firms, conditions, decision)
        expected = table.rules("minimal", min_support=2)
        assert [r["text"] for r in result["rules"]] == [str(r) for r in expected]
        assert all(r["support"] >= 2 for r in result["rules"])
        assert result["classes"] == [str(v) for v in table.decision_values]
        assert result["quality"] == table.quality()


def test_beta_changes_quality_and_regions_only(firms: pd.DataFrame) -> None:
    conditions = ["sector", "export_orientation"]
    result = ex.analyse_subset(firms, conditions, beta=0.6)
    table = engine(firms, conditions)
    assert result["quality"] == table.quality(beta=0.6)
    assert result["quality"] > table.quality()  # the book's data: beta admits more firms
    assert result["pawlak_only"] is True
    assert result["core"] == list(table.core())
    assert {r["firm"]: r["area"] for r in result["regions"]} == expected_areas(table, 0.6)
    outside = [r for r in result["regions"] if r["region"] == "outside"]
    for row in outside:  # in the beta-lower approximation of the other class
        assert row["lower_of"] not in (None, row["decision"])
    with pytest.raises(BetaOutOfRangeError):
        ex.analyse_subset(firms, conditions, beta=0.4)


def test_leave_out(firms: pd.DataFrame) -> None:
    gone = ("F14", "F02", "F16")
    result = ex.analyse_subset(firms, ARTICLE_CONDITIONS, leave_out=gone)
    table = engine(firms, list(ARTICLE_CONDITIONS), leave_out=gone)
    assert result["left_out"] == ["F02", "F14", "F16"]
    assert result["n"] == len(firms) - 3 == table.n
    assert result["quality"] == table.quality()
    assert result["reducts"] == [list(r) for r in table.reducts()]
    assert [r["text"] for r in result["rules"]] == [str(r) for r in table.rules()]
    regions = {r["firm"]: r for r in result["regions"]}
    assert len(regions) == len(firms)
    for firm in gone:
        assert regions[firm]["region"] == "left_out" and regions[firm]["area"] == "left out"
    with pytest.raises(UnknownObjectError):
        ex.analyse_subset(firms, ARTICLE_CONDITIONS, leave_out=["F99"])


def test_no_attributes_no_rules(firms: pd.DataFrame) -> None:
    result = ex.analyse_subset(firms, [])
    assert result["quality"] == 0.0
    assert result["core"] == [] and result["reducts"] == [[]] and result["rules"] == []
    assert {r["area"] for r in result["regions"]} == {"boundary"}


def test_bad_input(firms: pd.DataFrame) -> None:
    with pytest.raises(UnknownAttributeError, match="colour"):
        ex.analyse_subset(firms, ["sector", "colour"])
    with pytest.raises(UnknownAttributeError):
        ex.subset_key(["colour"])
    with pytest.raises(ValueError):
        ex.subset_of_key(512)


def test_works_on_any_decision_table() -> None:
    """The textbook flu table (fixture with published answers), ids in the first column."""
    flu = pd.read_csv(FIXTURES / "flu.csv")
    expected = json.loads((FIXTURES / "flu.json").read_text())["expected"]
    conditions = ["Headache", "Muscle-pain", "Temperature"]
    result = ex.analyse_subset(flu, conditions, "Flu", id_column="Patient")
    assert result["quality"] == pytest.approx(expected["quality_of_classification"])
    assert result["reducts"] == expected["reducts_positive_region"]
    assert result["core"] == expected["core_positive_region"]
    labels = list(flu["Patient"])
    assert result["positive_region"] == [labels[i - 1] for i in expected["positive_region"]]
    table = DecisionTable(flu, "Flu", id_column="Patient")
    assert [r["text"] for r in result["rules"]] == [str(r) for r in table.rules()]


# ---------------------------------------------------------------------------- static export


def test_subset_keys_round_trip() -> None:
    assert ex.subset_key([]) == 0
    assert ex.subset_key(ex.TOGGLEABLE) == 511
    assert ex.subset_key(["legal_status", "sector"]) == 1 + 16
    for key in (0, 5, 31, 300, 511):
        assert ex.subset_key(ex.subset_of_key(key)) == key


def test_export_covers_every_subset(export: dict, firms: pd.DataFrame) -> None:
    assert [s["k"] for s in export["subsets"]] == list(range(512))
    assert export["attributes"] == list(ex.TOGGLEABLE)
    assert [f["f"] for f in export["firms"]] == sorted(firms["firm_id"])
    assert all(len(s["g"]) == len(firms) for s in export["subsets"])
    ids = [r["i"] for r in export["rules"]]
    assert ids == list(range(len(ids)))
    texts = [(r["t"], r["d"], r["k"]) for r in export["rules"]]
    assert len(set(texts)) == len(texts), "rules are stored once"


SUBSETS = [
    list(ARTICLE_CONDITIONS),
    [a for a in ARTICLE_CONDITIONS if a != "legal_status"],
    ["legal_status", "virtualisation"],
    ["sector", "founding_period", "size_class", "region"],
    list(ex.TOGGLEABLE),
    [],
]


@pytest.mark.parametrize("conditions", SUBSETS, ids=lambda c: "+".join(c) or "none")
def test_precomputed_record_equals_the_engine(
    export: dict, firms: pd.DataFrame, conditions: list[str]
) -> None:
    record = ex.expand_record(export, ex.subset_key(conditions))
    table = engine(firms, [a for a in ex.TOGGLEABLE if a in conditions])
    assert record["conditions"] == [a for a in ex.TOGGLEABLE if a in conditions]
    assert record["quality"] == pytest.approx(table.quality(), abs=1e-12)
    assert record["core"] == list(table.core())
    assert record["reducts"] == [list(r) for r in table.reducts()]
    rules = table.rules("lem2") if conditions else []
    assert len(record["rules"]) == len(rules)
    for got, rule in zip(record["rules"], rules, strict=True):
        assert f"IF {got['conditions_text']} THEN" in str(rule)
        assert got["decision_text"] == " or ".join(map(str, rule.decisions))
        assert got["type"] == rule.kind and got["support"] == rule.support
        assert got["certainty"] == pytest.approx(rule.certainty, abs=5e-5)
        assert got["coverage"] == pytest.approx(rule.coverage, abs=5e-5)
        assert got["strength"] == pytest.approx(rule.strength, abs=5e-5)
    assert record["regions"] == expected_areas(table)


def test_all_subsets_quality_and_core_match_the_engine(export: dict, firms: pd.DataFrame) -> None:
    """Quality and core for all 512 subsets (cheap engine calls)."""
    full = engine(firms, list(ex.TOGGLEABLE))
    for size in range(len(ex.TOGGLEABLE) + 1):
        for combo in combinations(ex.TOGGLEABLE, size):
            record = export["subsets"][ex.subset_key(combo)]
            assert record["p"] == len(full.positive_region(combo))
            assert record["c"] == ", ".join(full.core(combo))


def test_export_is_deterministic_and_small(export: dict, firms: pd.DataFrame) -> None:
    shuffled = firms.sample(frac=1.0, random_state=7).reset_index(drop=True)
    again = ex.precompute_all_subsets(shuffled)
    assert json.dumps(again, sort_keys=True) == json.dumps(export, sort_keys=True)
    assert len(json.dumps(export, separators=(",", ":"))) < 400_000
