"""The explorers' analysis (clusterlab.explorers.roughsets_analysis), checked against the
rough-set engine called directly."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from clusterlab import explorers as ex
from clusterlab.columns import MissingColumnError
from clusterlab.data import ARTICLE_CONDITIONS, DECISION, EXTRA_CONDITIONS
from clusterlab.roughsets import (
    BetaOutOfRangeError,
    DecisionTable,
    UnknownObjectError,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "roughsets"
#: How the regions of the book's decision classes read (codebook labels of network_2005,
#: "Mainly global" / "Mainly local", inside the phrase "certainly ...").
AREA_WORDS = {"global": "mainly global", "local": "mainly local"}


def engine(
    firms: pd.DataFrame,
    conditions: list[str],
    decision: str = DECISION,
    leave_out: tuple[str, ...] = (),
) -> DecisionTable:
    """The engine's table built independently of clusterlab.explorers."""
    table = DecisionTable(firms, decision, conditions=conditions, id_column="firm_id")
    return table.drop_objects(list(leave_out)) if leave_out else table


def expected_areas(table: DecisionTable, beta: float | None = None) -> dict[str, str]:
    word = "certainly" if beta is None else "mostly"
    areas = dict.fromkeys(table.objects, "boundary")
    for value, approx in table.approximations(beta=beta).items():
        for label in approx.lower:
            areas[label] = f"{word} {AREA_WORDS[value]}"
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
    with pytest.raises(MissingColumnError, match="colour"):
        ex.analyse_subset(firms, ["sector", "colour"])
    with pytest.raises(MissingColumnError, match="Firm"):
        ex.analyse_subset(firms, ["sector"], id_column="Firm")  # a named id column must exist


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


def test_rule_texts_codes_and_labels(firms: pd.DataFrame) -> None:
    result = ex.analyse_subset(firms, ["legal_status"])
    rule = next(
        r for r in result["rules"] if r["if"] == {"legal_status": "independent_corporate_spinoff"}
    )
    assert rule["text"] == (
        "IF legal_status = independent_corporate_spinoff THEN network_2005 = global"
    )
    assert rule["conditions_text"] == "legal status = Independent; corporate spin-off"
    assert rule["decision_text"] == "Mainly global"
    plain = ex.analyse_subset(firms, ["legal_status"], labels=False)
    assert [r["conditions_text"] for r in plain["rules"]] == [
        " AND ".join(f"{a} = {v}" for a, v in r["if"].items()) for r in plain["rules"]
    ]
    assert plain["regions"][0]["area"] in {"boundary", "certainly global", "certainly local"}


def test_own_data_without_an_id_column(firms: pd.DataFrame) -> None:
    """Without ``firm_id`` objects are named by 1-based row number."""
    anonymous = firms.drop(columns="firm_id").reset_index(drop=True)
    result = ex.analyse_subset(anonymous, ARTICLE_CONDITIONS, leave_out=["3"], labels=False)
    table = DecisionTable(anonymous, DECISION, conditions=list(ARTICLE_CONDITIONS))
    table = table.drop_objects(["3"])
    assert result["quality"] == table.quality()
    assert result["left_out"] == ["3"]
    assert [r["firm"] for r in result["regions"]] == [str(i) for i in range(1, len(firms) + 1)]
    assert [r["text"] for r in result["rules"]] == [str(r) for r in table.rules()]
