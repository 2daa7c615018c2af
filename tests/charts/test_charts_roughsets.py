"""Tests for clusterlab.charts.roughsets: chart specifications built from tidy frames."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from clusterlab import charts
from clusterlab.charts import roughsets as cr
from clusterlab.charts.base import NETWORK_COLOURS

REGIONS = pd.DataFrame(
    {
        "object": ["F01", "F02", "F03", "F04", "F05"],
        "decision": ["global", "local", "global", "local", "global"],
        "region": [
            "certainly global",
            "boundary",
            "boundary",
            "certainly local",
            "certainly global",
        ],
    }
)


def _spec(chart: alt.TopLevelMixin) -> dict:
    return chart.to_dict()


def test_reexported() -> None:
    for name in cr.__all__:
        assert getattr(charts, name) is getattr(cr, name)


def test_approximation_regions_layout_and_colours() -> None:
    chart = charts.approximation_regions(
        REGIONS, title="Regions", region_order=["certainly global", "boundary", "certainly local"]
    )
    spec = _spec(chart)
    assert spec["title"]["text"] == "Regions"
    data = pd.DataFrame(chart.data)
    assert set(data["region_label"]) == {
        "certainly global (2)",
        "boundary (2)",
        "certainly local (1)",
    }
    assert spec["facet"]["column"]["sort"] == [
        "certainly global (2)",
        "boundary (2)",
        "certainly local (1)",
    ]
    colour = spec["spec"]["layer"][0]["encoding"]["color"]
    assert colour["scale"]["domain"] == ["global", "local"]
    assert colour["scale"]["range"] == [NETWORK_COLOURS["global"], NETWORK_COLOURS["local"]]
    tooltips = spec["spec"]["layer"][0]["encoding"]["tooltip"]
    assert [t["title"] for t in tooltips] == ["Object", "Decision class", "Region"]


def test_approximation_regions_other_classes_get_palette_colours() -> None:
    frame = REGIONS.replace({"global": "abroad", "local": "nearby"})
    frame["region"] = frame["region"].str.replace("global", "abroad").str.replace("local", "nearby")
    spec = _spec(charts.approximation_regions(frame, title="t", per_row=1))
    scale = spec["spec"]["layer"][0]["encoding"]["color"]["scale"]
    assert scale["domain"] == ["abroad", "nearby"]
    assert len(set(scale["range"])) == 2
    # default order: certain regions first, boundary last
    assert spec["facet"]["column"]["sort"][-1].startswith("boundary")
    rows = pd.DataFrame(charts.approximation_regions(frame, title="t", per_row=1).data)
    assert rows.groupby("region")["row"].max().max() == 1  # 2 objects per region, one per row


def test_attribute_bars_highlight_and_order() -> None:
    frame = pd.DataFrame(
        {"attribute": ["a", "b", "c"], "value": [0.1, 0.5, 0.0], "core": [False, True, False]}
    )
    spec = _spec(
        charts.attribute_bars(
            frame, highlight_col="core", title="Significance", value_title="Drop in gamma"
        )
    )
    enc = spec["encoding"]
    assert enc["y"]["sort"] == ["b", "a", "c"]
    assert enc["x"]["title"] == "Drop in gamma"
    assert enc["color"]["scale"]["domain"] == ["yes", "no"]
    assert len(enc["tooltip"]) == 3
    plain = _spec(
        charts.attribute_bars(
            frame, title="Shares", value_title="Share", percent=True, domain=(0, 1)
        )
    )
    assert plain["encoding"]["x"]["axis"]["format"] == ".0%"
    assert plain["encoding"]["x"]["scale"]["domain"] == [0, 1]
    assert "color" not in plain["encoding"]


def test_grouped_share_bars() -> None:
    frame = pd.DataFrame(
        {
            "attribute": ["a", "a", "b", "b"],
            "method": ["bootstrap", "leave-one-out"] * 2,
            "share": [0.2, 0.4, 0.9, 1.0],
        }
    )
    spec = _spec(charts.grouped_share_bars(frame, title="Stability"))
    enc = spec["encoding"]
    assert enc["y"]["sort"] == ["b", "a"]
    assert enc["yOffset"]["field"] == "method"
    assert enc["x"]["scale"]["domain"] == [0, 1]
    assert enc["color"]["scale"]["domain"] == ["bootstrap", "leave-one-out"]


def test_rule_measures() -> None:
    frame = pd.DataFrame(
        {
            "rule": ["IF a = 1 THEN d = global", "IF b = 2 THEN d = local"],
            "decision": ["global", "local"],
            "certainty": [1.0, 0.5],
            "coverage": [0.3, 0.1],
            "support": [3, 1],
        }
    )
    spec = _spec(charts.rule_measures(frame, title="Rules"))
    enc = spec["encoding"]
    assert enc["x"]["field"] == "coverage" and enc["y"]["field"] == "certainty"
    assert enc["size"]["field"] == "support"
    assert enc["color"]["scale"]["range"] == [NETWORK_COLOURS["global"], NETWORK_COLOURS["local"]]
    assert enc["tooltip"][0]["title"] == "Rule"


@pytest.mark.parametrize("builder", ["approximation_regions", "rule_measures"])
def test_builders_do_not_modify_input(builder: str) -> None:
    if builder == "approximation_regions":
        before = REGIONS.copy()
        charts.approximation_regions(REGIONS, title="t")
        pd.testing.assert_frame_equal(REGIONS, before)
    else:
        frame = pd.DataFrame(
            {
                "rule": ["r"],
                "decision": ["global"],
                "certainty": [1.0],
                "coverage": [1.0],
                "support": [1],
            }
        )
        before = frame.copy()
        charts.rule_measures(frame, title="t")
        pd.testing.assert_frame_equal(frame, before)


def test_grouped_share_bars_given_order_and_label_limit() -> None:
    frame = pd.DataFrame({"finding": ["x", "y"], "given": ["t1", "t1"], "share": [0.9, 0.1]})
    spec = _spec(
        charts.grouped_share_bars(
            frame,
            item_col="finding",
            group_col="given",
            title="t",
            item_order=["y", "x"],
            label_limit=300,
            width=300,
        )
    )
    assert spec["encoding"]["y"]["sort"] == ["y", "x"]
    assert spec["encoding"]["y"]["axis"]["labelLimit"] == 300
    assert spec["width"] == 300
