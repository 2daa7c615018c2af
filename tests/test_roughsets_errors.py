"""Every error path of the engine's API: the right error class and a message naming the place."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterlab.roughsets import (
    MAX_EXACT_ATTRIBUTES,
    BetaOutOfRangeError,
    DecisionAmongConditionsError,
    DecisionTable,
    DuplicateError,
    EmptyTableError,
    MissingValueError,
    RoughSetError,
    TooManyAttributesError,
    TooManyValuesError,
    UnknownAttributeError,
    UnknownObjectError,
)

FRAME = pd.DataFrame(
    {"id": ["a", "b", "c"], "x": ["p", "q", "p"], "y": [1, 2, 2], "d": ["yes", "no", "no"]}
)


def test_errors_are_value_errors() -> None:
    for cls in (
        UnknownAttributeError,
        UnknownObjectError,
        DecisionAmongConditionsError,
        MissingValueError,
        EmptyTableError,
        DuplicateError,
        TooManyValuesError,
        BetaOutOfRangeError,
        TooManyAttributesError,
    ):
        assert issubclass(cls, RoughSetError)
    assert issubclass(RoughSetError, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"decision": "zz"}, ["decision column", "'zz'"]),
        ({"decision": "d", "id_column": "zz"}, ["id column", "'zz'"]),
        ({"decision": "d", "conditions": ["x", "zz"]}, ["condition column", "'zz'"]),
    ],
)
def test_unknown_columns(kwargs: dict, words: list[str]) -> None:
    with pytest.raises(UnknownAttributeError) as err:
        DecisionTable(FRAME, **kwargs)
    assert all(w in str(err.value) for w in words)


def test_unknown_attribute_in_a_query() -> None:
    dt = DecisionTable(FRAME, "d", id_column="id")
    for call in (
        lambda: dt.quality(["x", "nope"]),
        lambda: dt.approximations(["nope"]),
        lambda: dt.reducts(["nope"]),
        lambda: dt.rules(attributes=["nope"]),
        lambda: dt.subset(["nope"]),
        lambda: dt.domain("nope"),
    ):
        with pytest.raises(UnknownAttributeError, match="'nope'"):
            call()
    with pytest.raises(UnknownAttributeError, match="not a column of the data"):
        dt.classify(dt.rules(), pd.DataFrame({"z": [1]}))


def test_unknown_object() -> None:
    dt = DecisionTable(FRAME, "d", id_column="id")
    with pytest.raises(UnknownObjectError, match="'zz'"):
        dt.drop_objects(["zz"])


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"decision": "d", "conditions": ["x", "d"]}, "decision column 'd'"),
        ({"decision": "d", "conditions": ["x", "id"], "id_column": "id"}, "id column 'id'"),
        ({"decision": "d", "id_column": "d"}, "'d'"),
    ],
)
def test_decision_among_conditions(kwargs: dict, word: str) -> None:
    with pytest.raises(DecisionAmongConditionsError, match=word):
        DecisionTable(FRAME, **kwargs)


def test_decision_as_query_attribute() -> None:
    dt = DecisionTable(FRAME, "d", id_column="id")
    with pytest.raises(DecisionAmongConditionsError, match="'d'"):
        dt.quality(["x", "d"])


def test_missing_values_name_row_and_column() -> None:
    frame = FRAME.copy()
    frame.loc[2, "y"] = np.nan
    with pytest.raises(MissingValueError) as err:
        DecisionTable(frame, "d")
    assert "row 3" in str(err.value) and "'y'" in str(err.value)
    assert (err.value.row, err.value.column) == (3, "y")
    with pytest.raises(MissingValueError, match="row 3 \\(object 'c'\\)"):
        DecisionTable(frame, "d", id_column="id")
    frame = FRAME.copy()
    frame.loc[1, "id"] = None
    with pytest.raises(MissingValueError, match="id column 'id' at row 2"):
        DecisionTable(frame, "d", id_column="id")
    with pytest.raises(MissingValueError, match="'d' at row 1"):
        DecisionTable({"x": ["p", "q"], "d": [None, "no"]}, "d")


def test_empty_tables() -> None:
    with pytest.raises(EmptyTableError, match="no rows"):
        DecisionTable(FRAME.iloc[0:0], "d")
    dt = DecisionTable(FRAME, "d", id_column="id")
    with pytest.raises(EmptyTableError):
        dt.drop_objects(["a", "b", "c"])
    with pytest.raises(EmptyTableError, match="at least 2 objects"):
        dt.drop_objects(["a", "b"]).loo_accuracy()


def test_duplicates() -> None:
    frame = FRAME.copy()
    frame.loc[2, "id"] = "a"
    with pytest.raises(DuplicateError, match="'a' occurs in rows 1 and 3"):
        DecisionTable(frame, "d", id_column="id")
    with pytest.raises(DuplicateError, match="'x' is listed twice"):
        DecisionTable(FRAME, "d", conditions=["x", "x"])
    with pytest.raises(DuplicateError, match="duplicate column name 'x'"):
        DecisionTable(pd.concat([FRAME, FRAME[["x"]]], axis=1), "d", conditions=["y"])


def test_too_many_numeric_values() -> None:
    n = 20
    frame = pd.DataFrame({"age": range(n), "d": ["a", "b"] * (n // 2)})
    with pytest.raises(TooManyValuesError) as err:
        DecisionTable(frame, "d")
    message = str(err.value)
    assert "'age'" in message and "20 distinct values" in message
    assert "pandas.cut" in message and "threshold" in message
    # the documented threshold: more than 10 distinct numbers AND more than half the rows
    DecisionTable(pd.DataFrame({"age": [i % 10 for i in range(n)], "d": ["a"] * n}), "d")
    DecisionTable(pd.DataFrame({"age": [i % 11 for i in range(22)], "d": ["a"] * 22}), "d")
    with pytest.raises(TooManyValuesError):
        DecisionTable(pd.DataFrame({"age": [i % 11 for i in range(21)], "d": ["a"] * 21}), "d")
    # many distinct strings are categories, not numbers
    DecisionTable(pd.DataFrame({"name": [f"n{i}" for i in range(n)], "d": ["a"] * n}), "d")


@pytest.mark.parametrize("beta", [0.5, 0.2, 0, 1.01, -1, "abc", float("nan"), True, None])
def test_beta_out_of_range(beta: object) -> None:
    dt = DecisionTable(FRAME, "d", id_column="id")
    if beta is None:
        return  # None means Pawlak: no error
    with pytest.raises(BetaOutOfRangeError, match="0.5 < beta <= 1"):
        dt.approximations(beta=beta)
    with pytest.raises(BetaOutOfRangeError):
        dt.quality(beta=beta)


def test_too_many_attributes_for_exact_methods() -> None:
    m = MAX_EXACT_ATTRIBUTES + 1
    # a0 decides d, a1 is a noisy copy, the rest are constant: quick to search exactly
    d = np.arange(30) % 2
    frame = pd.DataFrame({f"a{j}": d if j == 0 else d * (np.arange(30) % 3 == 0) for j in range(2)})
    for j in range(2, m):
        frame[f"a{j}"] = 0
    frame["d"] = d
    dt = DecisionTable(frame, "d")
    with pytest.raises(TooManyAttributesError, match=f"{m} condition attributes.*heuristic"):
        dt.reducts()
    with pytest.raises(TooManyAttributesError):
        dt.rules("minimal")
    with pytest.raises(TooManyAttributesError):
        dt.reduct_stability()
    assert dt.heuristic_reduct()  # the heuristic has no limit
    assert dt.rules("lem2")
    assert dt.reducts(dt.conditions[:MAX_EXACT_ATTRIBUTES]) == [("a0",)]


def test_bad_method_arguments() -> None:
    dt = DecisionTable(FRAME, "d", id_column="id")
    with pytest.raises(RoughSetError, match="unknown rule method 'c45'"):
        dt.rules("c45")
    with pytest.raises(RoughSetError, match="unknown rule method"):
        dt.loo_accuracy("c45")
    with pytest.raises(RoughSetError, match="min_support"):
        dt.rules(min_support=-1)
    with pytest.raises(RoughSetError, match="unknown resampling method 'jackknife'"):
        dt.reduct_stability("jackknife")
    with pytest.raises(RoughSetError, match="n_samples"):
        dt.reduct_stability(n_samples=0)
    with pytest.raises(TypeError):
        DecisionTable([[1, 2]], "d")  # type: ignore[arg-type]


# The CSV reader's tests (cells are text) are in tests/test_csvio.py.
