"""Chart builders of the data, virtualisation and embeddedness chapters: valid Vega-Lite
specifications with titles, labelled axes and tooltips."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest

from clusterlab import charts
from clusterlab.data import LABELS_EN, load_embeddedness, load_published
from clusterlab.embeddedness import group_scores, recompute_table2
from clusterlab.table1 import compare_table1


def _spec(chart: alt.TopLevelMixin) -> dict:
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    json.dumps(spec)
    return spec


def _text(spec: dict) -> str:
    return json.dumps(spec)


def _values(spec: dict) -> list[dict]:
    """The rows of a top-level chart's data (inline or in ``datasets``)."""
    data = spec["data"]
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def test_tidy_crosstab_fills_zeros_and_labels(firms: pd.DataFrame) -> None:
    tidy = charts.tidy_crosstab(
        firms,
        "sector",
        "region",
        row_order=list(LABELS_EN["sector"]),
        column_order=list(LABELS_EN["region"]),
        labels=LABELS_EN,
    )
    assert len(tidy) == len(LABELS_EN["sector"]) * len(LABELS_EN["region"])
    assert tidy["firms"].sum() == len(firms)
    ict = tidy[(tidy["sector"] == "ict") & (tidy["region"] == "eindhoven")]
    assert ict["firms"].iloc[0] == 0
    assert set(tidy["sector_label"]) == set(LABELS_EN["sector"].values())
    assert tidy.groupby("sector")["row_share"].sum().round(12).eq(1.0).all()


def test_tidy_crosstab_errors(firms: pd.DataFrame) -> None:
    with pytest.raises(KeyError):
        charts.tidy_crosstab(firms, "sector", "nope")
    with pytest.raises(ValueError, match="not in the given order"):
        charts.tidy_crosstab(firms, "sector", "region", row_order=["ict"])
    with pytest.raises(ValueError):
        charts.tidy_crosstab(firms, "sector", "sector")


def test_crosstab_heatmap(firms: pd.DataFrame) -> None:
    tidy = charts.tidy_crosstab(firms, "sector", "region", labels=LABELS_EN)
    spec = _spec(
        charts.crosstab_heatmap(
            tidy,
            row="sector_label",
            column="region_label",
            title="Firms",
            row_title="Sector",
            column_title="Region",
        )
    )
    text = _text(spec)
    assert '"Firms"' in text and '"Sector"' in text and '"Region"' in text
    assert "tooltip" in text


def test_composition_bars_uses_network_colours(firms: pd.DataFrame) -> None:
    tidy = charts.tidy_crosstab(firms, "legal_status", "network_2005", labels=LABELS_EN)
    spec = _spec(
        charts.composition_bars(
            tidy,
            category="legal_status_label",
            group="network_2005_label",
            title="Legal status",
            category_title="Legal status",
            group_title="Network",
        )
    )
    scale = spec["encoding"]["color"]["scale"]
    colour_of = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colour_of[LABELS_EN["network_2005"]["global"]] == charts.NETWORK_COLOURS["global"]
    assert colour_of[LABELS_EN["network_2005"]["local"]] == charts.NETWORK_COLOURS["local"]
    assert spec["encoding"]["tooltip"]
    share = _spec(
        charts.composition_bars(
            tidy,
            category="legal_status",
            group="network_2005",
            title="t",
            category_title="c",
            group_title="g",
            share=True,
        )
    )
    assert share["encoding"]["x"]["stack"] == "normalize"


def test_table1_bars(firms: pd.DataFrame) -> None:
    table = compare_table1(firms, load_published().table1)
    frame = table.assign(block=table["block_en"], category=table["category_en"], printed=table["n"])
    spec = _spec(charts.table1_bars(frame))
    assert spec["title"]["text"].startswith("Table 1")
    assert len(_values(spec)) == len(table)
    with pytest.raises(KeyError):
        charts.table1_bars(frame.drop(columns=["printed"]))


def test_embeddedness_slopes(firms: pd.DataFrame) -> None:
    rec = recompute_table2(firms, load_embeddedness())
    rec = rec[rec["factor"] != "average"]
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "factor": rec["factor_en"],
                    "group": f"Mainly {g}",
                    "situation": rec["measure"],
                    "score": rec[f"mean_{g}"],
                    "n": rec[f"n_{g}"],
                }
            )
            for g in ("local", "global")
        ]
    )
    spec = _spec(charts.embeddedness_slopes(long, subtitle="sub"))
    text = _text(spec)
    assert charts.NETWORK_COLOURS["global"] in text and charts.NETWORK_COLOURS["local"] in text
    assert "tooltip" in text and '"n"' in text
    assert len(_values(spec)) == 20


def test_score_dots(firms: pd.DataFrame) -> None:
    scores = group_scores(firms, load_embeddedness()).rename(columns={"measure": "situation"})
    spec = _spec(charts.score_dots(scores))
    values = _values(spec)
    counts = [v for v in values if v["kind"] == "count"]
    means = [v for v in values if v["kind"] == "mean"]
    assert sum(v["firms"] for v in counts) == len(scores)
    assert len(means) == 5 * 2 * 2
    with pytest.raises(KeyError):
        charts.score_dots(scores.drop(columns=["score"]))
