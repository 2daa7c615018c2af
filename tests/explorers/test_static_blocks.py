"""The static explorers' blocks (clusterlab.explorers.static) without a browser: the twins show
what a freshly built kernel widget shows for every control value, the rough-set block ships the
codebook's labels and the firms' values, and names that look like HTML cannot end the data."""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest
from codebook_labels import read_codebook

from clusterlab import embeddedness as E
from clusterlab.data import ARTICLE_CONDITIONS, FACTORS, load_embeddedness, load_firms
from clusterlab.explorers import (
    TOGGLEABLE,
    embeddedness_block,
    embeddedness_explorer,
    paths_block,
    paths_explorer,
    roughset_block,
)
from clusterlab.explorers.static import ExplorerBlock, roughset_data


@pytest.fixture(scope="module")
def emb() -> ExplorerBlock:
    return embeddedness_block()


@pytest.fixture(scope="module")
def paths() -> ExplorerBlock:
    return paths_block()


def test_embeddedness_twin_equals_a_fresh_widget_for_every_setting(emb: ExplorerBlock) -> None:
    widget = embeddedness_explorer()
    (part,) = emb.data["parts"]
    keys = [
        (f, p, t)
        for _, f in widget.factor.options
        for p in widget.period.options
        for _, t in widget.test.options
    ]
    assert sorted(part["views"]) == sorted("|".join(k) for k in keys)
    for factor, period, test in keys:
        widget.test.value, widget.period.value, widget.factor.value = test, period, factor
        assert part["views"][f"{factor}|{period}|{test}"] == widget.table_html


def test_embeddedness_twin_numbers_are_table_2(emb: ExplorerBlock) -> None:
    """The means and p-values of the recomputed Table 2, read here from the library."""
    firms = load_firms()
    table = E.recompute_table2(firms, load_embeddedness(firms=firms), test="mannwhitney")
    view = emb.data["parts"][0]["views"]["all|changed|mannwhitney"]
    rows = table[(table["measure"] == "changed") & table["factor"].isin(FACTORS)]
    assert len(rows) == 5
    for row in rows.itertuples():
        assert f"<td>{row.mean_local:.2f}</td><td>{row.mean_global:.2f}</td>" in view
        assert f"<td>{row.p_value:.3f}</td>" in view


def test_paths_twin_equals_a_fresh_widget(paths: ExplorerBlock) -> None:
    widget = paths_explorer()
    breakdown, listing = paths.data["parts"]
    assert breakdown["on"] == ["attribute"] and listing["on"] == ["path"]
    for _, path in widget.path.options:
        widget.path.value = path
        assert listing["views"][path] == widget.transitions_html + widget.firms_html
    assert sorted(breakdown["views"]) == sorted(v for _, v in widget.attribute.options)


def test_paths_breakdown_counts(paths: ExplorerBlock) -> None:
    """Sector by event, counted here from the firm table: every firm once."""
    view = paths.data["parts"][0]["views"]["sector"]
    rows = re.findall(r"<tr>\s*(.*?)</tr>", view, flags=re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in rows]
    counts = {c[0]: sum(int(x) for x in c[1:]) for c in cells if c}
    firms = load_firms()
    labels = read_codebook()["sector"]
    expected = {labels[k]: n for k, n in firms["sector"].astype(str).value_counts().items()}
    assert counts == expected


def test_roughset_data_ships_labels_values_and_the_table() -> None:
    firms = load_firms()
    data = roughset_data(firms)
    codebook = read_codebook()
    for column, labels in data["labels"].items():
        assert labels == codebook[column]
    assert data["initial"] == list(ARTICLE_CONDITIONS)
    assert data["pack"]["attributes"] == list(TOGGLEABLE)
    rows = list(csv.DictReader(io.StringIO(data["csv"])))
    assert len(rows) == len(firms)
    for row in rows:
        assert data["firms"][row["firm_id"]] == {k: v for k, v in row.items() if k != "firm_id"}
    f01 = firms.set_index("firm_id").loc["F01"]
    assert data["firms"]["F01"]["legal_status"] == str(f01["legal_status"])
    layers = data["spec"]["layer"]
    assert data["spec"]["data"] == {"name": "rsx_tiles"} or all(
        layer.get("data", {}).get("name") == "rsx_tiles" for layer in layers
    )


def test_html_in_names_cannot_end_the_data_block() -> None:
    table = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "</script><b>x": ["<!--", "</script>", "<!--", "&amp;"],
            "d": ["y", "n", "y", "n"],
        }
    )
    block = roughset_block(
        table, attributes=["</script><b>x"], decisions=["d"], initial=[], id_column="id"
    )
    html = block.html()
    payload = html.split('class="clusterlab-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in payload and ">" not in payload
    assert json.loads(payload)["firms"]["b"]["</script><b>x"] == "</script>"
