"""Virtualisation: crosstabs, the rough-set comparison with and without it, quality gains."""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlab.data import ARTICLE_CONDITIONS, DECISION
from clusterlab.virtualisation import (
    VIRTUALISATION_LEVELS,
    compare_conditions,
    comparison_table,
    crosstab,
    quality_gain,
    rank_test,
)


@pytest.fixture(scope="module")
def firms_text(firms: pd.DataFrame) -> pd.DataFrame:
    """The firm records with every cell as text, as a CSV reader hands them over."""
    return firms.astype(str)


@pytest.fixture
def toy() -> pd.DataFrame:
    # d is decided by a alone; b duplicates a; v is noise that separates nothing new
    return pd.DataFrame(
        {
            "id": ["o1", "o2", "o3", "o4", "o5", "o6"],
            "a": ["x", "x", "y", "y", "z", "z"],
            "b": ["p", "p", "q", "q", "r", "r"],
            "v": ["low", "high", "low", "high", "medium", "medium"],
            "d": ["yes", "yes", "no", "no", "yes", "yes"],
        }
    )


def test_crosstab_levels_in_order_with_margins(firms_text: pd.DataFrame) -> None:
    table = crosstab(firms_text, "network_2005", by_order=["global", "local"])
    assert list(table.columns) == [*VIRTUALISATION_LEVELS, "total"]
    assert list(table.index) == ["global", "local", "total"]
    assert table.loc["total", "total"] == len(firms_text)
    assert table.loc["global", "total"] == 10
    assert table.loc["local", "total"] == 11


def test_crosstab_shares(firms_text: pd.DataFrame) -> None:
    shares = crosstab(firms_text, "learning_mode", margins=False, normalize=True)
    assert shares.sum(axis=1).round(12).eq(1.0).all()


def test_crosstab_keeps_empty_levels() -> None:
    frame = pd.DataFrame({"g": ["a", "a", "b"], "virtualisation": ["low", "low", "low"]})
    table = crosstab(frame, "g", margins=False)
    assert list(table.columns) == list(VIRTUALISATION_LEVELS)
    assert table.loc["a", "high"] == 0


def test_crosstab_errors() -> None:
    frame = pd.DataFrame({"g": ["a"], "virtualisation": ["extreme"]})
    with pytest.raises(ValueError, match="extreme"):
        crosstab(frame, "g")
    with pytest.raises(KeyError, match="nope"):
        crosstab(frame, "nope")


def test_article_finding_virtualisation_changes_nothing(firms_text: pd.DataFrame) -> None:
    result = compare_conditions(firms_text, ARTICLE_CONDITIONS, DECISION)
    assert result.quality_with == result.quality_without
    assert result.classification_unchanged
    assert result.extra_significance == 0.0
    assert not result.extra_in_core
    assert result.rules_unchanged
    assert result.rules_using_extra == ()


def test_toy_comparison(toy: pd.DataFrame) -> None:
    result = compare_conditions(toy, ["a", "b"], "d", extra="v", id_column="id")
    assert result.quality_without == 1.0 == result.quality_with
    assert result.core_without == ()  # a and b can stand in for each other
    assert set(result.reducts_without) == {("a",), ("b",)}
    assert result.extra_significance == 0.0
    assert not result.extra_in_core
    assert result.positive_with == ("o1", "o2", "o3", "o4", "o5", "o6")


def test_comparison_table_layout(toy: pd.DataFrame) -> None:
    result = compare_conditions(toy, ["a", "b"], "d", extra="v", id_column="id")
    table = comparison_table(result, labels={"v": "virtualisation"})
    assert list(table.columns) == ["Article's conditions", "... plus virtualisation"]
    assert "Significance of virtualisation" in table.index
    assert table.loc["Quality of classification", "... plus virtualisation"] == "1.000"


def test_compare_rejects_extra_among_conditions(toy: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="already among"):
        compare_conditions(toy, ["a", "v"], "d", extra="v")
    with pytest.raises(ValueError, match="decision"):
        compare_conditions(toy, ["a"], "d", extra="d")


def test_quality_gain_toy(toy: pd.DataFrame) -> None:
    gain = quality_gain(toy, ["a", "b"], "d", extra="v", id_column="id")
    assert list(gain["subset"]) == ["(none)", "a", "b", "a, b"]
    # v alone separates o5/o6 (medium -> yes): 2 of 6 objects
    assert gain.loc[0, "quality_with"] == pytest.approx(2 / 6)
    assert (gain.loc[1:, "gain"] == 0).all()
    assert (gain["quality_with"] >= gain["quality"]).all()


def test_quality_gain_shuffled_is_deterministic(firms_text: pd.DataFrame) -> None:
    one = quality_gain(firms_text, ARTICLE_CONDITIONS[:3], DECISION, shuffles=5, seed=1)
    two = quality_gain(firms_text, ARTICLE_CONDITIONS[:3], DECISION, shuffles=5, seed=1)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) == 2**3
    assert (one["gain_excess"] == one["gain"] - one["gain_shuffled"]).all()
    full = quality_gain(firms_text, ARTICLE_CONDITIONS, DECISION)
    assert full.iloc[-1]["gain"] == 0.0  # the article's full set: nothing to add


def test_quality_gain_limits(toy: pd.DataFrame) -> None:
    with pytest.raises(ValueError):
        quality_gain(toy, ["a", "v"], "d", extra="v")


def test_rank_test(firms_text: pd.DataFrame) -> None:
    u, p = rank_test(firms_text, "network_2005")
    assert 0.0 <= p <= 1.0
    assert u >= 0
    frame = pd.DataFrame({"g": ["a"] * 6 + ["b"] * 6, "virtualisation": ["low"] * 6 + ["high"] * 6})
    _, p_sep = rank_test(frame, "g")
    assert p_sep < 0.01
    with pytest.raises(ValueError, match="two groups"):
        rank_test(frame.assign(g="a"), "g")
