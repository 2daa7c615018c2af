"""The one required-columns check and its one error type, and that every caller uses it."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from clusterlab.columns import MissingColumnError, require_columns

LIB = Path(__file__).resolve().parents[2] / "lib" / "clusterlab"


def test_present_columns_pass() -> None:
    frame = pd.DataFrame({"a": [1], "b": [2]})
    require_columns(frame, ["b", "a", "a"], "the test table")  # order and repeats do not matter
    require_columns(frame, [], "the test table")
    assert list(frame.columns) == ["a", "b"]  # no error raised, and the table left as it was


def test_missing_columns_are_named_with_the_table() -> None:
    frame = pd.DataFrame({"a": [1], "b": [2]})
    with pytest.raises(MissingColumnError) as info:
        require_columns(frame, ["a", "zz", "yy", "zz"], "the firm table")
    err = info.value
    assert err.missing == ["zz", "yy"] and err.where == "the firm table"
    assert str(err) == "the firm table lacks the columns 'zz', 'yy'; it has: a, b"
    assert "\n" not in str(err)


def test_one_missing_column_singular() -> None:
    with pytest.raises(MissingColumnError, match=r"^t lacks the column 'x'; it has: no columns$"):
        require_columns(pd.DataFrame(), ["x"], "t")


def test_error_is_both_key_and_value_error() -> None:
    # callers that caught KeyError (pandas' convention) or ValueError (bad input) keep working
    for kind in (KeyError, ValueError):
        with pytest.raises(kind):
            require_columns(pd.DataFrame({"a": [1]}), ["b"])


def test_no_hand_written_column_check_left() -> None:
    """The pattern `[c for c in ... if c not in <frame>.columns]` followed by a raise, or a
    loop raising for a column not in ``.columns``, appears nowhere in the library."""
    pattern = re.compile(
        r"if \w+ not in \w+\.columns:\n\s+raise|"
        r"missing = \[\w+ for \w+ in [^\]]+ if \w+ not in \w+\.columns\]"
    )
    offenders = [
        str(p.relative_to(LIB))
        for p in LIB.rglob("*.py")
        if p.name != "columns.py" and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
