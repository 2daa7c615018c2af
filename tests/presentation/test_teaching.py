"""Tests for clusterlab.teaching: tidy tables of rough-set results.

The textbook "walk" table (Komorowski et al. 1999; Age, LEMS -> Walk) has known answers:
classes {x1} {x2} {x3, x4} {x5, x7} {x6}; x3 and x4 in the boundary; gamma = 5/7; the only
reduct {Age, LEMS}.
"""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlab import teaching as t
from clusterlab.roughsets import DecisionTable

WALK = pd.DataFrame(
    {
        "Object": ["x1", "x2", "x3", "x4", "x5", "x6", "x7"],
        "Age": ["16-30", "16-30", "31-45", "31-45", "46-60", "16-30", "46-60"],
        "LEMS": ["50", "0", "1-25", "1-25", "26-49", "26-49", "26-49"],
        "Walk": ["yes", "no", "no", "yes", "no", "yes", "no"],
    }
)


@pytest.fixture
def walk() -> DecisionTable:
    return DecisionTable(WALK, decision="Walk", id_column="Object")


def test_join_labels() -> None:
    assert t.join_labels(["a", "b"]) == "a, b"
    assert t.join_labels([]) == "(none)"


def test_object_decisions(walk: DecisionTable) -> None:
    dec = t.object_decisions(walk)
    assert list(dec) == list(walk.objects)
    assert dec["x1"] == "yes" and dec["x2"] == "no"


def test_classes_table(walk: DecisionTable) -> None:
    table = t.classes_table(walk, WALK, "Object")
    assert list(table["objects"]) == ["x1", "x2", "x3, x4", "x5, x7", "x6"]
    assert list(table["size"]) == [1, 1, 2, 2, 1]
    row = table.set_index("objects").loc["x3, x4"]
    assert row["Age"] == "31-45" and row["LEMS"] == "1-25"
    assert row["decisions"] == "no 1, yes 1"
    assert not row["consistent"]
    assert table.set_index("objects").loc["x5, x7", "decisions"] == "no 2"


def test_classes_table_subset_and_row_numbers() -> None:
    dt = DecisionTable(WALK.drop(columns="Object"), decision="Walk")
    table = t.classes_table(dt, WALK.drop(columns="Object"), attributes=["Age"])
    assert list(table.columns) == ["class", "objects", "size", "Age", "decisions", "consistent"]
    assert list(table["objects"]) == ["1, 2, 6", "3, 4", "5, 7"]


def test_approximation_table(walk: DecisionTable) -> None:
    table = t.approximation_table(walk).set_index("decision")
    assert table.loc["no", "lower"] == "x2, x5, x7"
    assert table.loc["no", "upper"] == "x2, x3, x4, x5, x7"
    assert table.loc["yes", "boundary"] == "x3, x4"
    assert table.loc["yes", "n_lower"] == 2 and table.loc["yes", "n_upper"] == 4
    assert table.loc["yes", "accuracy"] == pytest.approx(0.5)
    assert table.loc["no", "accuracy"] == pytest.approx(3 / 5)


def test_region_table(walk: DecisionTable) -> None:
    regions = t.region_table(walk).set_index("object")["region"]
    assert regions["x3"] == t.BOUNDARY and regions["x4"] == t.BOUNDARY
    assert regions["x1"] == "certainly yes" and regions["x5"] == "certainly no"
    # with beta = 0.5 < beta the 50/50 class stays in the boundary
    assert t.region_table(walk, beta=0.6).set_index("object").loc["x3", "region"] == t.BOUNDARY


def test_region_order_puts_the_boundary_between_the_classes(walk: DecisionTable) -> None:
    first, second = walk.decision_values
    assert t.region_order(walk) == [f"certainly {first}", t.BOUNDARY, f"certainly {second}"]
    order = t.region_order(walk, certain_prefix="mostly ")
    assert order[1] == t.BOUNDARY and order[0] == f"mostly {first}"
    # every region a table names has a place in the order
    assert set(t.region_table(walk)["region"]) <= set(t.region_order(walk))


def test_labelled_regions_follow_the_codebook(firms: pd.DataFrame) -> None:
    dt = DecisionTable(
        firms[["firm_id", "legal_status", "network_2005"]],
        decision="network_2005",
        id_column="firm_id",
    )
    # the codebook's labels of network_2005 (data/datapackage.json), typed here by hand
    shown = set(t.region_table(dt, labels=True)["region"])
    assert shown <= {"certainly mainly global", "certainly mainly local", t.BOUNDARY}
    assert set(t.region_order(dt, labels=True)) == {
        "certainly mainly global",
        "certainly mainly local",
        t.BOUNDARY,
    }


def test_significance_table(walk: DecisionTable) -> None:
    table = t.significance_table(walk).set_index("attribute")
    assert table.loc["Age", "gamma_without"] == pytest.approx(2 / 7)
    assert table.loc["Age", "significance"] == pytest.approx(5 / 7 - 2 / 7)
    assert table["in_core"].all() and table["in_some_reduct"].all()


def test_attribute_codes() -> None:
    assert t.attribute_codes(["a", "b"]) == {"a": "A", "b": "B"}
    with pytest.raises(ValueError):
        t.attribute_codes([str(i) for i in range(27)])


def test_discernibility_table(walk: DecisionTable) -> None:
    codes = {"Age": "a", "LEMS": "l"}
    m = t.discernibility_table(walk, codes=codes, not_needed=".")
    assert m.loc["x1", "x2"] == "l" and m.loc["x2", "x1"] == "l"  # symmetric
    assert m.loc["x6", "x5"] == "a"
    assert m.loc["x1", "x6"] == "."  # same decision
    assert m.loc["x3", "x4"] == "."  # both in the boundary: not needed (positive-region matrix)
    full = t.discernibility_table(walk, codes=codes, all_pairs=True)
    assert full.loc["x3", "x4"] == "∅"
    part = t.discernibility_table(walk, rows=["x1"], columns=["x2", "x5"], codes=codes)
    assert part.shape == (1, 2) and part.loc["x1", "x5"] == "al"
    with pytest.raises(KeyError):
        t.discernibility_table(walk, rows=["nope"])


def test_rules_table(walk: DecisionTable) -> None:
    rules = walk.rules("lem2")
    table = t.rules_table(rules)
    assert len(table) == len(rules)
    assert set(table["kind"]) == {"certain", "possible"}
    assert (table.loc[table["kind"] == "certain", "certainty"] == 1).all()
    assert table["rule"].str.startswith("IF ").all()
    split = t.rules_table(rules, walk, split_possible=True)
    possible = split[split["kind"] == "possible"].set_index("decision")
    # the boundary class {x3, x4}: one walks, one does not -> certainty 1/2 each
    assert possible.loc["yes", "certainty"] == pytest.approx(0.5)
    assert possible.loc["yes", "support"] == 1
    assert possible.loc["yes", "coverage"] == pytest.approx(1 / 3)
    assert possible.loc["no", "coverage"] == pytest.approx(1 / 4)
    assert possible.loc["no", "objects"] == "x3"
    with pytest.raises(ValueError):
        t.rules_table(rules, split_possible=True)


def test_stability_tables(walk: DecisionTable) -> None:
    results = [
        walk.reduct_stability("bootstrap", n_samples=30, seed=1),
        walk.reduct_stability("loo"),
    ]
    table = t.stability_table(results)
    assert set(table["method"]) == {"bootstrap", "leave-one-out"}
    assert table["share"].between(0, 1).all()
    assert set(table.loc[table["method"] == "leave-one-out", "n_samples"]) == {7}
    shares = t.reduct_share_table(results[1], top=2)
    assert len(shares) <= 2 and shares["share"].is_monotonic_decreasing


def test_loo_predictions_match_engine(walk: DecisionTable) -> None:
    table = t.loo_predictions(walk, WALK, "Object")
    assert list(table["object"]) == list(walk.objects)
    assert table["correct"].mean() == pytest.approx(walk.loo_accuracy())


def test_results_do_not_depend_on_row_order(walk: DecisionTable) -> None:
    shuffled = WALK.iloc[[6, 2, 0, 5, 3, 1, 4]]
    dt = DecisionTable(shuffled, decision="Walk", id_column="Object")
    pd.testing.assert_frame_equal(t.approximation_table(dt), t.approximation_table(walk))
    pd.testing.assert_frame_equal(
        t.classes_table(dt, shuffled, "Object"), t.classes_table(walk, WALK, "Object")
    )
