"""Table 1 of the article, recomputed from the firm records and compared cell by cell.

The article's Table 1 ("Bedrijven naar bedrijfskenmerken (2005) en bepaalde veranderingen",
N = 21) counts the firms per category of eight characteristics. The printed table is stored,
one row per printed count, in ``data/published/table1.csv`` (the last printed row,
"Mondiaal (waarvan met omgekeerd model) 10 (3)", is two rows there: the 10 global firms and the
3 of them with a reverse model). :func:`compare_table1` keeps that printed layout and order, puts
the count recomputed from a firm table (:func:`clusterlab.data.table1_counts`) beside every
printed count, and marks each cell ``matches``. :func:`block_totals` checks that every block
adds up to N, as a printed table of 21 firms must.
"""

from __future__ import annotations

import pandas as pd

from clusterlab.columns import require_columns
from clusterlab.data import table1_counts

__all__ = ["block_totals", "compare_table1", "display_table1", "layout_table1"]

_PUBLISHED_COLUMNS = (
    "row",
    "block_nl",
    "block_en",
    "variable",
    "category_nl",
    "category_en",
    "code",
    "n",
    "printed",
)


def compare_table1(firms: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Every printed cell of Table 1 beside its count recomputed from ``firms``.

    ``published`` is ``clusterlab.data.load_published().table1``. Returns the published rows
    in printed order with the added columns ``recomputed`` (int; -1 when the firm table has no
    such code) and ``matches`` (bool). Raises
    :class:`~clusterlab.columns.MissingColumnError` when a published column is missing.
    """
    require_columns(published, _PUBLISHED_COLUMNS, "the published Table 1")
    counts = table1_counts(firms)
    table = published.merge(
        counts.rename(columns={"n": "recomputed"}),
        on=["variable", "code"],
        how="left",
        validate="one_to_one",
    )
    table = table.sort_values("row", kind="stable").reset_index(drop=True)
    table["recomputed"] = table["recomputed"].fillna(-1).astype(int)
    table["matches"] = table["n"].astype(int) == table["recomputed"]
    return table


def block_totals(comparison: pd.DataFrame) -> pd.DataFrame:
    """Per printed block: the sum of the printed and the recomputed counts.

    Sub-counts (rows with ``subcount_of`` set, the reverse-model firms) are left out, so each
    block should add up to the number of firms. Returns ``block_en, printed_total,
    recomputed_total`` in printed order.
    """
    main = comparison
    if "subcount_of" in comparison.columns:
        main = comparison[
            comparison["subcount_of"].isna() | (comparison["subcount_of"].astype(str) == "")
        ]
    totals = (
        main.groupby("block_en", sort=False)
        .agg(printed_total=("n", "sum"), recomputed_total=("recomputed", "sum"))
        .reset_index()
    )
    return totals.astype({"printed_total": int, "recomputed_total": int})


def display_table1(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison as a flat reader's table.

    Columns: ``Characteristic`` (shown on a block's first row only, as in the printed table),
    ``Category``, ``Printed category (Dutch)``, ``Printed`` (the cell as printed, e.g.
    "10 (3)"), ``Recomputed`` and ``Matches`` (``yes``/``NO``). Row order is the printed one.
    """
    out = pd.DataFrame(
        {
            "Characteristic": comparison["block_en"],
            "Category": comparison["category_en"],
            "Printed category (Dutch)": comparison["category_nl"],
            "Printed": comparison["printed"].astype(str),
            "Recomputed": comparison["recomputed"].astype(int),
            "Matches": comparison["matches"].map({True: "yes", False: "NO"}),
        }
    )
    repeated = out["Characteristic"].eq(out["Characteristic"].shift())
    out.loc[repeated, "Characteristic"] = ""
    return out.reset_index(drop=True)


def layout_table1(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison in the printed layout, indexed by (characteristic, category).

    A notebook shows each characteristic once beside its block, as the printed table does.
    Columns: ``Dutch label``, ``Printed``, ``Recomputed``, ``Matches``.
    """
    out = display_table1(comparison).rename(columns={"Printed category (Dutch)": "Dutch label"})
    out["Characteristic"] = comparison["block_en"].to_numpy()
    return out.set_index(["Characteristic", "Category"])


def _printed_counts(published: pd.DataFrame, variable: str) -> str:
    """The printed counts of one block of Table 1 in printed order, as "5/10/6"."""
    block = published[published["variable"] == variable].sort_values("row")
    return "/".join(str(int(n)) for n in block["n"])


def facts(firms: pd.DataFrame, published: pd.DataFrame) -> dict[str, object]:
    """Named facts about Table 1 for the chapters' prose, computed from ``firms`` and the
    printed table ``published`` (``load_published().table1``).

    Keys: ``n_firms``; ``n_cells`` and ``n_cells_match`` (printed cells and how many the
    firms reproduce); ``n_blocks`` and ``n_blocks_sum_ok`` (blocks whose printed and
    recomputed counts both add up to the number of firms); the printed counts ``p_global``,
    ``p_reverse``, ``p_local_stable``, ``p_shifting``, ``p_large`` (> 250 employees),
    ``p_consultancy``, ``p_corporate`` (independent corporate spin-offs), ``p_strong_export``,
    ``p_founding_counts`` and ``p_size_counts`` ("5/10/6"); ``n_sectors``
    (printed sector rows); ``n_network_cells`` and ``n_network_cells_match`` (the
    knowledge-network block alone); ``consultancy_firms``
    ("1 firm"), grammatical for any count. Beyond Table 1, two splits of the firm records that
    chapter 2 describes: learning mode (``n_science``, ``n_problem``, ``n_ls``,
    ``n_ls_science``) and the independent academic spin-offs by network (``n_ias``,
    ``n_ias_local``, ``n_ias_global``, ``ias_ls_global``: the global ones in life sciences).
    """
    from clusterlab.prose import count

    text = firms.astype(str)
    science = text["learning_mode"] == "science_based"
    life = text["sector"] == "life_sciences"
    ias = text["legal_status"] == "independent_academic_spinoff"
    ias_global = ias & (text["network_2005"] == "global")

    table = compare_table1(firms, published)
    totals = block_totals(table)
    n = len(firms)
    printed = published.set_index("code")["n"].astype(int)
    network = table[table["variable"] == "network"]
    return {
        "n_firms": n,
        "n_cells": len(table),
        "n_cells_match": int(table["matches"].sum()),
        "n_blocks": len(totals),
        "n_blocks_sum_ok": int(
            ((totals["printed_total"] == n) & (totals["recomputed_total"] == n)).sum()
        ),
        "p_global": int(printed["global"]),
        "p_reverse": int(printed["global_reverse_model"]),
        "p_local_stable": int(printed["local_stable"]),
        "p_shifting": int(printed["local_to_global"]),
        "p_large": int(printed[">250"]),
        "p_consultancy": int(printed["consultancy"]),
        "p_corporate": int(printed["independent_corporate_spinoff"]),
        "consultancy_firms": count(int(printed["consultancy"]), "firm"),
        "n_sectors": int((published["variable"] == "sector").sum()),
        "n_network_cells": len(network),
        "n_network_cells_match": int(network["matches"].sum()),
        "p_strong_export": int(printed["strong"]),
        "p_founding_counts": _printed_counts(published, "founding_period"),
        "p_size_counts": _printed_counts(published, "size_class"),
        "n_science": int(science.sum()),
        "n_problem": int((~science).sum()),
        "n_ls": int(life.sum()),
        "n_ls_science": int((life & science).sum()),
        "n_ias": int(ias.sum()),
        "n_ias_local": int((ias & (text["network_2005"] == "local")).sum()),
        "n_ias_global": int(ias_global.sum()),
        "ias_ls_global": count(int((ias_global & life).sum()), "firm"),
    }
