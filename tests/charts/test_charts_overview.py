"""Tests for clusterlab.charts.overview (introduction and conclusion charts)."""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlab import charts
from clusterlab.charts.overview import (
    NETWORK_GROUPS,
    difference_dots,
    network_profile,
    network_profile_counts,
)


def _firms(reverse: list[object] | None = None) -> pd.DataFrame:
    """The article's profile: 10 global (3 reverse model), 7 local, 4 local to global."""
    return pd.DataFrame(
        {
            "network_2005": ["global"] * 10 + ["local"] * 11,
            "reverse_model": reverse if reverse is not None else [True] * 3 + [False] * 18,
            "network_change": ["stable"] * 17 + ["local_to_global"] * 4,
        }
    )


def test_counts_match_the_article_profile() -> None:
    counts = network_profile_counts(_firms())
    assert list(counts["group"]) == list(NETWORK_GROUPS)
    assert list(counts["firms"]) == [3, 7, 7, 4]
    assert list(counts["network"]) == ["global", "global", "local", "local"]
    assert counts["firms"].sum() == 21


def test_counts_do_not_depend_on_row_order() -> None:
    firms = _firms()
    shuffled = firms.sample(frac=1, random_state=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(network_profile_counts(firms), network_profile_counts(shuffled))


def test_counts_accept_text_booleans_and_keep_empty_groups() -> None:
    firms = _firms(reverse=["false"] * 21)
    counts = network_profile_counts(firms).set_index("group")["firms"]
    assert counts["Global, reverse model"] == 0
    assert counts["Global, other"] == 10


@pytest.mark.parametrize(
    ("column", "value", "error"),
    [
        ("network_2005", "regional", ValueError),
        ("network_change", "global_to_local", ValueError),
        ("reverse_model", "maybe", ValueError),
    ],
)
def test_counts_reject_unknown_codes(column: str, value: str, error: type) -> None:
    firms = _firms().astype({"reverse_model": object})
    firms.loc[0, column] = value
    with pytest.raises(error):
        network_profile_counts(firms)


def test_counts_report_missing_columns() -> None:
    with pytest.raises(KeyError, match="network_change"):
        network_profile_counts(_firms().drop(columns="network_change"))


def test_network_profile_is_a_titled_chart_with_tooltips() -> None:
    spec = network_profile(network_profile_counts(_firms())).to_dict()
    assert spec["title"]["text"].startswith("Knowledge networks")
    enc = spec["encoding"]
    assert enc["x"]["title"] == "Number of firms"
    assert enc["y"]["title"] == "Knowledge network in 2005"
    assert {t["field"] for t in enc["tooltip"]} == {"network_label", "group", "firms"}
    assert enc["color"]["scale"]["domain"] == list(NETWORK_GROUPS)


def _differences() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "factor": ["Suppliers", "Suppliers", "Customers", "Customers"] * 2,
            "situation": ["Current"] * 4 + ["Changed"] * 4,
            "source": ["Printed", "From means"] * 4,
            "difference": [-1.0, -1.0, -0.6, -0.6, -0.6, -1.6, -0.2, -0.2],
        }
    )


def test_difference_dots_faceted() -> None:
    spec = difference_dots(
        _differences(),
        category="factor",
        value="difference",
        series="source",
        facet="situation",
        title="Differences",
        category_title="Factor",
        value_title="Global minus local",
    ).to_dict()
    assert spec["title"]["text"] == "Differences"
    assert spec["facet"]["column"]["field"] == "situation"
    assert spec["facet"]["column"]["sort"] == ["Current", "Changed"]
    dots = spec["spec"]["layer"][1]
    assert dots["encoding"]["color"]["scale"]["domain"] == ["Printed", "From means"]
    assert dots["encoding"]["y"]["sort"] == ["Suppliers", "Customers"]
    assert any(t["field"] == "difference" for t in dots["encoding"]["tooltip"])


def test_difference_dots_single_panel_and_missing_column() -> None:
    frame = _differences().query("situation == 'Current'")
    spec = difference_dots(
        frame,
        category="factor",
        value="difference",
        series="source",
        title="T",
        category_title="Factor",
        value_title="Difference",
    ).to_dict()
    assert "facet" not in spec
    assert len(spec["layer"]) == 2
    with pytest.raises(KeyError, match="nope"):
        difference_dots(
            frame,
            category="nope",
            value="difference",
            series="source",
            title="T",
            category_title="F",
            value_title="D",
        )


def test_builders_are_re_exported() -> None:
    assert charts.network_profile is network_profile
    assert charts.network_profile_counts is network_profile_counts
    assert charts.difference_dots is difference_dots
