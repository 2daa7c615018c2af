"""Every error path of the engine's API: the right error class and a message naming the place."""

from __future__ import annotations

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

FRAME = {"id": ["a", "b", "c"], "x": ["p", "q", "p"], "y": [1, 2, 2], "d": ["yes", "no", "no"]}


def changed(column: str, row: int, value: object) -> dict[str, list]:
    """FRAME with one cell replaced (0-based row)."""
    out = {c: list(v) for c, v in FRAME.items()}
    out[column][row] = value
    return out


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
        dt.classify(dt.rules(), {"z": [1]})


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
    frame = changed("y", 2, None)
    with pytest.raises(MissingValueError) as err:
        DecisionTable(frame, "d")
    assert "row 3" in str(err.value) and "'y'" in str(err.value)
    assert (err.value.row, err.value.column) == (3, "y")
    with pytest.raises(MissingValueError, match="row 3 \\(object 'c'\\)"):
        DecisionTable(frame, "d", id_column="id")
    with pytest.raises(MissingValueError, match="row 3"):
        DecisionTable(changed("y", 2, float("nan")), "d")
    with pytest.raises(MissingValueError, match="id column 'id' at row 2"):
        DecisionTable(changed("id", 1, None), "d", id_column="id")
    with pytest.raises(MissingValueError, match="'d' at row 1"):
        DecisionTable({"x": ["p", "q"], "d": [None, "no"]}, "d")


@pytest.mark.needs_numpy
def test_missing_values_in_a_pandas_frame() -> None:
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame(FRAME)
    frame.loc[2, "y"] = np.nan
    with pytest.raises(MissingValueError, match="'y' at row 3 \\(object 'c'\\)"):
        DecisionTable(frame, "d", id_column="id")
    frame = pd.DataFrame(FRAME)
    frame.loc[1, "id"] = None
    with pytest.raises(MissingValueError, match="id column 'id' at row 2"):
        DecisionTable(frame, "d", id_column="id")


def test_empty_tables() -> None:
    with pytest.raises(EmptyTableError, match="no rows"):
        DecisionTable({c: [] for c in FRAME}, "d")
    dt = DecisionTable(FRAME, "d", id_column="id")
    with pytest.raises(EmptyTableError):
        dt.drop_objects(["a", "b", "c"])
    with pytest.raises(EmptyTableError, match="at least 2 objects"):
        dt.drop_objects(["a", "b"]).loo_accuracy()


def test_duplicates() -> None:
    with pytest.raises(DuplicateError, match="'a' occurs in rows 1 and 3"):
        DecisionTable(changed("id", 2, "a"), "d", id_column="id")
    with pytest.raises(DuplicateError, match="'x' is listed twice"):
        DecisionTable(FRAME, "d", conditions=["x", "x"])


@pytest.mark.needs_numpy
def test_duplicate_column_names_in_a_pandas_frame() -> None:
    import pandas as pd

    frame = pd.DataFrame(FRAME)
    with pytest.raises(DuplicateError, match="duplicate column name 'x'"):
        DecisionTable(pd.concat([frame, frame[["x"]]], axis=1), "d", conditions=["y"])


def test_too_many_numeric_values() -> None:
    n = 20
    frame = {"age": list(range(n)), "d": ["a", "b"] * (n // 2)}
    with pytest.raises(TooManyValuesError) as err:
        DecisionTable(frame, "d")
    message = str(err.value)
    assert "'age'" in message and "20 distinct values" in message
    assert "pandas.cut" in message and "threshold" in message
    # the documented threshold: more than 10 distinct numbers AND more than half the rows
    DecisionTable({"age": [i % 10 for i in range(n)], "d": ["a"] * n}, "d")
    DecisionTable({"age": [i % 11 for i in range(22)], "d": ["a"] * 22}, "d")
    with pytest.raises(TooManyValuesError):
        DecisionTable({"age": [i % 11 for i in range(21)], "d": ["a"] * 21}, "d")
    # many distinct strings are categories, not numbers
    DecisionTable({"name": [f"n{i}" for i in range(n)], "d": ["a"] * n}, "d")


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
    d = [i % 2 for i in range(30)]
    frame = {"a0": d, "a1": [v * (i % 3 == 0) for i, v in enumerate(d)]}
    for j in range(2, m):
        frame[f"a{j}"] = [0] * 30
    frame["d"] = d
    dt = DecisionTable(frame, "d")
    with pytest.raises(TooManyAttributesError) as err:
        dt.reducts()
    assert f"{m} condition attributes" in str(err.value)
    assert "heuristic_reduct()" in str(err.value) and "--heuristic" in str(err.value)
    with pytest.raises(TooManyAttributesError):
        dt.reduct_search()
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


# The CSV reader's tests (cells are text) are in tests/roughsets/test_csvio.py.
