"""Tests for clusterlab.charts.paths (development-paths chapter): stage labels, the firm-level
alluvial layout, event counts per sector and the chart specifications."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from clusterlab import charts
from clusterlab.charts import paths as cp

COLUMNS = [
    "firm_id",
    "sector",
    "legal_status",
    "network_2005",
    "network_change",
    "acquired_2006_2011",
    "path_2006_2011",
]
ROWS = [
    (
        "F01",
        "ict",
        "independent_academic_spinoff",
        "local",
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    (
        "F02",
        "ict",
        "foreign_subsidiary_founded",
        "global",
        "stable",
        "not_acquired",
        "relocated_abroad",
    ),
    (
        "F03",
        "ict",
        "independent_corporate_spinoff",
        "global",
        "stable",
        "foreign",
        "acquired_integrated",
    ),
    ("F04", "ict", "independent_academic_spinoff", "local", "stable", "foreign", "none"),
    ("F05", "life_sciences", "independent_no_spinoff", "local", "stable", "domestic", "none"),
    (
        "F06",
        "micro_electronics",
        "foreign_subsidiary_academic_spinoff",
        "global",
        "stable",
        "not_acquired",
        "none",
    ),
    (
        "F07",
        "life_sciences",
        "independent_academic_spinoff",
        "local",
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
]


@pytest.fixture
def toy_firms() -> pd.DataFrame:
    frame = pd.DataFrame(ROWS, columns=COLUMNS)
    return frame.iloc[[4, 0, 6, 2, 5, 1, 3]].reset_index(drop=True)  # out of order


def test_reexported() -> None:
    assert charts.trajectory_chart is cp.trajectory_chart
    assert charts.dynamics_by is cp.dynamics_by


def test_trajectory_stages_label_every_stage(toy_firms: pd.DataFrame) -> None:
    stages = cp.trajectory_stages(toy_firms).set_index("firm_id")
    assert list(stages.index) == [f"F0{i}" for i in range(1, 8)]
    assert stages.loc["F02", "ownership_2005"] == "Foreign subsidiary"
    assert stages.loc["F03", "ownership_2005"] == "Independent"
    # the codebook's labels (data/datapackage.json)
    assert stages.loc["F03", "acquisition"] == "Acquired by a foreign firm"
    assert stages.loc["F03", "situation_label_2011"] == "Acquired and integrated"
    assert stages.loc["F01", "situation_label_2011"] == "Mainly global"
    assert stages.loc["F01", "network_label_2005"] == "Mainly local"
    assert stages.loc["F05", "acquisition"] == "Acquired by a domestic firm"
    assert stages.loc["F02", "sector"] == "ICT"
    assert stages.loc["F02", "path_name"] == cp.PATH_NAMES["relocated_abroad"]
    for col, _, order in cp.STAGES:
        assert set(stages[col]) <= set(order)


def test_trajectory_stages_reject_unknown_codes(toy_firms: pd.DataFrame) -> None:
    toy_firms.loc[0, "acquired_2006_2011"] = "merged"
    with pytest.raises(ValueError, match="merged"):
        cp.trajectory_stages(toy_firms)


def _layers(chart: alt.LayerChart) -> list[pd.DataFrame]:
    return [layer.data for layer in chart.layer]


def test_alluvial_layout_is_consistent(toy_firms: pd.DataFrame) -> None:
    chart = cp.trajectory_chart(toy_firms, samples=5)
    assert isinstance(chart, alt.LayerChart)
    ribbons, nodes, *_, heads = _layers(chart)
    n, stages = len(toy_firms), len(cp.STAGES)
    # one ribbon per firm between every pair of neighbouring stages
    assert ribbons["ribbon"].nunique() == n * (stages - 1)
    assert len(ribbons) == n * (stages - 1) * 5
    assert (ribbons["y2"] > ribbons["y"]).all()
    # node heights are the category counts, and every stage holds all firms
    assert ((nodes["bottom"] - nodes["top"]) == nodes["n"]).all()
    assert nodes.groupby("stage")["n"].sum().tolist() == [n] * stages
    assert list(heads["head"]) == [s[1] for s in cp.STAGES]
    # nodes within a stage do not overlap
    for _, group in nodes.sort_values("top").groupby("stage"):
        assert (group["top"].to_numpy()[1:] >= group["bottom"].to_numpy()[:-1]).all()
    # each ribbon starts inside its source node and ends inside its target node
    first = ribbons.sort_values("x").groupby("ribbon").first()
    last = ribbons.sort_values("x").groupby("ribbon").last()
    for (ribbon, start), (_, end) in zip(first.iterrows(), last.iterrows(), strict=True):
        s = int(ribbon.rsplit("-", 1)[1])
        col_a, col_b = cp.STAGES[s][0], cp.STAGES[s + 1][0]
        node_a = nodes[(nodes["stage"] == s) & (nodes["category"] == start[col_a])].iloc[0]
        node_b = nodes[(nodes["stage"] == s + 1) & (nodes["category"] == end[col_b])].iloc[0]
        assert node_a["top"] <= start["y"] and start["y2"] <= node_a["bottom"]
        assert node_b["top"] <= end["y"] and end["y2"] <= node_b["bottom"]


def test_alluvial_spec_has_title_tooltips_and_colours(toy_firms: pd.DataFrame) -> None:
    spec = cp.trajectory_chart(toy_firms, title="T", subtitle="S").to_dict()
    assert spec["title"]["text"] == "T"
    ribbon = spec["layer"][0]
    tips = [t["title"] for t in ribbon["encoding"]["tooltip"]]
    assert tips[0] == "Firm" and "Sector" in tips and "Development path" in tips
    scale = ribbon["encoding"]["color"]["scale"]
    assert scale["domain"][-1] == cp.PATH_NAMES["none"]
    assert scale["range"] == [cp.PATH_COLOURS[k] for k in cp.PATH_NAMES]


def test_alluvial_rejects_bad_input(toy_firms: pd.DataFrame) -> None:
    stages = cp.trajectory_stages(toy_firms)
    with pytest.raises(ValueError, match="two stages"):
        cp.alluvial(
            stages,
            cp.STAGES[:1],
            colour="path_name",
            colour_order=["x"],
            colours=["#000"],
            colour_title="c",
            title="t",
        )
    with pytest.raises(ValueError, match="not in colour_order"):
        cp.alluvial(
            stages,
            cp.STAGES,
            colour="path_name",
            colour_order=["x"],
            colours=["#000"],
            colour_title="c",
            title="t",
        )
    with pytest.raises(KeyError, match="nope"):
        cp.alluvial(
            stages,
            [("nope", "N", ["a"]), *cp.STAGES],
            colour="path_name",
            colour_order=["x"],
            colours=["#000"],
            colour_title="c",
            title="t",
        )


def test_dynamics_by_counts_one_event_per_firm(toy_firms: pd.DataFrame) -> None:
    counts = cp.dynamics_by(
        toy_firms, "sector", ["ict", "life_sciences", "micro_electronics"], labels={"ict": "ICT"}
    )
    assert len(counts) == 3 * len(cp.EVENT_LABELS)
    assert counts["n"].sum() == len(toy_firms)
    ict = counts[counts["sector"] == "ict"].set_index("event")["n"].to_dict()
    assert ict == {
        "local_to_global": 1,
        "relocated_abroad": 1,
        "acquired_integrated": 1,
        "acquired_foreign_other": 1,
        "acquired_domestic": 0,
        "no_change": 0,
    }
    assert set(counts.loc[counts["sector"] == "ict", "label"]) == {"ICT"}
    assert set(counts.loc[counts["sector"] == "life_sciences", "label"]) == {"Life sciences"}
    spec = cp.dynamics_bar(counts, title="T", category_title="Sector").to_dict()
    assert spec["encoding"]["x"]["title"] == "Number of firms"
    assert spec["encoding"]["y"]["sort"] == ["ICT", "Life sciences", "Micro-electronics"]


def test_book_data_chart_builds(firms: pd.DataFrame) -> None:
    chart = cp.trajectory_chart(firms)
    ribbons, nodes, *_ = _layers(chart)
    assert nodes.groupby("stage")["n"].sum().tolist() == [len(firms)] * len(cp.STAGES)
    counts = cp.dynamics_by(firms, "sector")
    assert counts["n"].sum() == len(firms)


def test_charts_work_without_a_firm_id_column(toy_firms: pd.DataFrame) -> None:
    """Own data without ``firm_id``: firms are named by row number (1-based, row order)."""
    anonymous = toy_firms.drop(columns="firm_id")
    stages = cp.trajectory_stages(anonymous)
    assert list(stages["firm_id"]) == [str(i) for i in range(1, len(toy_firms) + 1)]
    # row 1 of the shuffled fixture is ROWS[4] (F05): an independent firm, not a spin-off
    assert stages.loc[0, "legal_status"] == "Independent; not a spin-off"
    chart = cp.trajectory_chart(anonymous, samples=3)
    assert chart.to_dict()
    counts = cp.dynamics_by(anonymous, "sector")
    assert counts["n"].sum() == len(toy_firms)
    assert cp.dynamics_bar(counts, title="t", category_title="Sector").to_dict()
