"""The rest of the public API: derived tables, labels, value types, inputs without pandas."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from roughsets_tables import FIXTURES, fixture_columns

from clusterlab.roughsets import Approximation, DecisionTable


def hiring() -> DecisionTable:
    return DecisionTable(fixture_columns("hiring"), "Decision", id_column="Object")


def test_basic_properties() -> None:
    dt = hiring()
    assert dt.n == 8 and dt.decision == "Decision"
    assert dt.conditions == ("Diploma", "Experience", "French", "Reference")
    assert dt.objects == tuple(f"x{i}" for i in range(1, 9))
    assert dt.decision_values == ("Accept", "Reject")
    assert dt.decision_classes() == {
        "Accept": ("x1", "x4", "x6", "x7"),
        "Reject": ("x2", "x3", "x5", "x8"),
    }
    assert dt.domain("Experience") == ("High", "Low", "Medium")
    assert repr(dt).startswith("DecisionTable(n=8")
    assert isinstance(dt.approximations()["Accept"], Approximation)
    assert dt.approximations()["Accept"].to_dict()["lower"] == ["x1", "x4", "x6", "x7"]


def test_subset_and_drop_objects() -> None:
    dt = hiring()
    sub = dt.subset(["Reference", "Experience"])  # kept in condition order
    assert sub.conditions == ("Experience", "Reference")
    assert sub.reducts() == [("Experience", "Reference")]
    assert sub.quality() == dt.quality(["Experience", "Reference"])
    smaller = dt.drop_objects(["x5"])
    assert smaller.objects == ("x1", "x2", "x3", "x4", "x6", "x7", "x8") and smaller.n == 7
    # without x5 (MSc, Medium, Neutral -> Reject), Experience alone decides: High -> Accept,
    # Low -> Reject, Medium -> only x1 (Accept). {Diploma, Reference} now separates all seven
    # objects, while Diploma (MBA: x1 A, x2 R) or Reference (Excellent: x1 A, x8 R) alone do not.
    assert smaller.reducts() == [("Experience",), ("Diploma", "Reference")]
    assert dt.drop_objects("x5").objects == smaller.objects


def test_natural_label_order_and_row_order() -> None:
    frame = {"id": ["x10", "x2", "x1"], "a": [1, 0, 0], "d": ["y", "n", "n"]}
    dt = DecisionTable(frame, "d", id_column="id")
    assert dt.objects == ("x1", "x2", "x10")
    assert dt.indiscernibility_classes() == [("x1", "x2"), ("x10",)]


@pytest.mark.needs_numpy
def test_values_are_plain_python() -> None:
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame(
        {"a": np.array([1, 2, 2], dtype=np.int64), "b": [True, False, True], "d": [0, 1, 1]}
    )
    dt = DecisionTable(frame, "d")
    rules = dt.rules()
    assert all(type(v) is int for v in dt.decision_values)
    assert all(type(v) in (int, bool) for r in rules for _, v in r.conditions)
    json.dumps([r.to_dict() for r in rules])
    assert list(dt.decision_classes()) == [0, 1]
    assert dt.domain("b") == (False, True)


@pytest.mark.needs_numpy
def test_mapping_input_and_csv_reader_agree_with_pandas() -> None:
    import pandas as pd

    for case, decision, id_col in [("flu", "Flu", "Patient"), ("walk", "Walk", "Object")]:
        frame = pd.read_csv(FIXTURES / f"{case}.csv", dtype=str)  # CSV cells are labels
        a = DecisionTable(frame, decision, id_column=id_col)
        b = DecisionTable.from_csv(str(FIXTURES / f"{case}.csv"), decision, id_column=id_col)
        c = DecisionTable(frame.to_dict(orient="list"), decision, id_column=id_col)
        d = DecisionTable(fixture_columns(case), decision, id_column=id_col)  # cells as text
        assert c.rules() == a.rules()
        for other in (b, c, d):
            assert other.objects == a.objects
            assert other.approximations() == a.approximations()
            assert other.reducts() == a.reducts()
            # numbers read as text ("50") order like the numbers (natural order): same rules
            assert [(str(r), r.support, r.certainty, r.objects) for r in other.rules()] == [
                (str(r), r.support, r.certainty, r.objects) for r in a.rules()
            ]


def test_classify_accepts_mappings() -> None:
    dt = hiring()
    rules = dt.rules()
    rows = {"Experience": ["High", "Low"], "Diploma": ["MBA", "MBA"]}
    assert dt.classify(rules, rows) == ["Accept", "Reject"]


def test_heuristic_reduct_on_a_wide_table() -> None:
    # d = (a3 > 0 and a17 > 0); the other 28 attributes are noise. Only a3 = 0 and a17 = 0
    # give pure classes, so the greedy search adds a3 (first of the tie), then a17 reaches
    # gamma = 1 (whichever of the two is added first, the reduct is {a3, a17}, listed in
    # condition order). With 30 random attributes every row is unique: nothing is
    # indispensable.
    rng = random.Random(1)
    frame = {f"a{j}": [rng.randrange(3) for _ in range(400)] for j in range(30)}
    frame["d"] = [int(x > 0 and y > 0) for x, y in zip(frame["a3"], frame["a17"], strict=True)]
    dt = DecisionTable(frame, "d")
    assert dt.quality() == 1.0 and dt.quality(["a3"]) < 1.0
    assert dt.heuristic_reduct() == ("a3", "a17")
    assert dt.core() == ()


def test_empty_attribute_set_and_trivial_tables() -> None:
    # one decision value: POS_{} = U, so the empty set is the only reduct
    dt = DecisionTable({"a": [0, 1], "d": ["y", "y"]}, "d")
    assert dt.reducts() == [()] and dt.core() == () and dt.quality([]) == 1.0
    # POS_C empty: the empty set already preserves it
    dt = DecisionTable({"a": [0, 0], "d": ["y", "n"]}, "d")
    assert dt.reducts() == [()] and dt.quality() == 0.0
    assert dt.indiscernibility_classes([]) == [("1", "2")]


def test_importing_the_engine_does_not_import_pandas() -> None:
    code = "import sys, clusterlab.cli; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_small_tables_do_not_import_numpy() -> None:
    # tables of at most SMALL_TABLE objects use the plain-Python backend, so a short analysis
    # starts without loading numpy at all
    code = (
        "import sys\n"
        "from clusterlab.roughsets import DecisionTable\n"
        "dt = DecisionTable({'a': [0, 1, 1], 'd': ['n', 'y', 'n']}, 'd')\n"
        "dt.reducts(), dt.rules(), dt.approximations(), dt.reduct_search()\n"
        "print('numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_package_docstring_example() -> None:
    import doctest

    import clusterlab.roughsets

    assert doctest.testmod(clusterlab.roughsets).failed == 0


def test_lem2_without_condition_attributes_gives_no_rules() -> None:
    # With B = {} every object is indiscernible from every other: a table with two decision
    # values has empty lower approximations and one boundary holding all objects; a rule is a
    # non-empty conjunction of conditions, so none can be formed (by hand, no engine needed).
    table = DecisionTable({"a": ["x", "y", "x"], "d": ["1", "0", "0"]}, "d")
    assert table.rules("lem2", attributes=[]) == []
    assert table.quality(attributes=[]) == 0.0
