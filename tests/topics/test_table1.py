"""Table 1 recomputed from the firm records and compared cell by cell with the printed table."""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlab.data import load_published
from clusterlab.table1 import block_totals, compare_table1, display_table1, layout_table1


@pytest.fixture(scope="module")
def printed() -> pd.DataFrame:
    return load_published().table1


def test_every_printed_cell_matches(firms: pd.DataFrame, printed: pd.DataFrame) -> None:
    table = compare_table1(firms, printed)
    assert len(table) == len(printed)
    assert table["matches"].all(), table.loc[
        ~table["matches"], ["variable", "code", "n", "recomputed"]
    ]


def test_printed_order_is_kept(firms: pd.DataFrame, printed: pd.DataFrame) -> None:
    table = compare_table1(firms, printed.sample(frac=1, random_state=3))
    assert list(table["row"]) == sorted(printed["row"])


def test_blocks_add_up_to_n(firms: pd.DataFrame, printed: pd.DataFrame) -> None:
    totals = block_totals(compare_table1(firms, printed))
    assert len(totals) == 8
    assert (totals["printed_total"] == len(firms)).all()
    assert (totals["recomputed_total"] == len(firms)).all()


def test_a_changed_firm_shows_as_mismatch(firms: pd.DataFrame, printed: pd.DataFrame) -> None:
    changed = firms.copy()
    changed["sector"] = changed["sector"].astype(str)
    first_ict = changed.index[changed["sector"] == "ict"][0]
    changed.loc[first_ict, "sector"] = "consultancy"
    table = compare_table1(changed, printed)
    bad = table.loc[~table["matches"], "code"].tolist()
    assert bad == ["ict", "consultancy"]


def test_reverse_model_subcount(firms: pd.DataFrame, printed: pd.DataFrame) -> None:
    table = compare_table1(firms, printed).set_index("code")
    assert table.loc["global", "recomputed"] == 10
    assert table.loc["global_reverse_model", "recomputed"] == 3


def test_missing_published_column_is_named(firms: pd.DataFrame, printed: pd.DataFrame) -> None:
    with pytest.raises(KeyError, match="printed"):
        compare_table1(firms, printed.drop(columns=["printed"]))


def test_display_table(firms: pd.DataFrame, printed: pd.DataFrame) -> None:
    shown = display_table1(compare_table1(firms, printed))
    assert list(shown.columns) == [
        "Characteristic",
        "Category",
        "Printed category (Dutch)",
        "Printed",
        "Recomputed",
        "Matches",
    ]
    assert set(shown["Matches"]) == {"yes"}
    # the block name is shown once, on its first row
    assert (shown["Characteristic"] != "").sum() == 8
    assert (
        shown.loc[shown["Category"].str.startswith("Mainly global"), "Printed"].iloc[0] == "10 (3)"
    )


def test_layout_table(firms: pd.DataFrame, printed: pd.DataFrame) -> None:
    shown = layout_table1(compare_table1(firms, printed))
    assert list(shown.index.names) == ["Characteristic", "Category"]
    assert list(shown.columns) == ["Dutch label", "Printed", "Recomputed", "Matches"]
    assert shown.index.get_level_values(0).nunique() == 8
    assert len(shown) == len(printed)
