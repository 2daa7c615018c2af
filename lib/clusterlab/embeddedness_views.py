"""Chapter 5's views of Table 2: side-by-side tables, test comparison, chart data, losers.

Everything here rearranges results of :mod:`clusterlab.embeddedness` for the page; nothing is
computed anew except counts. Definitions used:

- *side by side*: the printed Table 2 (``published.table2``) merged with the recomputed one
  (:func:`~clusterlab.embeddedness.recompute_table2`) on ``factor`` and ``measure``, in the
  printed row order; figures shown with one decimal.
- *difference match*: a printed difference equals the recomputed difference rounded to one
  decimal (halves away from zero, as in ``difference_rounded``).
- *loser*: a firm whose ``changed`` score on a factor is below its ``current`` score (a loss of
  importance, i.e. local disembedding on that factor).
- *co-creating profile*: not in the reverse model, problem-based learning and a strong export
  orientation (the article's second kind of firm that loses local ties).

The firm-level scores are a reconstruction matching the published aggregates, not the survey's
original data.
"""

from __future__ import annotations

import pandas as pd

from clusterlab.data import LABELS_EN
from clusterlab.embeddedness import TEST_LABELS, TESTS, recompute_table2

__all__ = [
    "GROUP_LABELS",
    "SITUATION_LABELS",
    "audit_dots",
    "difference_comparison",
    "difference_facts",
    "loser_facts",
    "loser_table",
    "score_dots_data",
    "side_by_side",
    "side_by_side_tables",
    "slope_data",
    "test_comparison",
    "wide_scores",
]

SITUATION_LABELS = {"current": "Current", "changed": "Changed"}
GROUP_LABELS = {"local": "Mainly local (1)", "global": "Mainly global (2)"}
_FACTOR = LABELS_EN["factor"]


def side_by_side(printed: pd.DataFrame, recomputed: pd.DataFrame) -> pd.DataFrame:
    """Printed and recomputed Table 2 in one frame, one row per printed row, printed order.

    Printed columns that clash with recomputed ones carry the suffix ``_printed``.
    """
    side = printed.merge(recomputed, on=["factor", "measure"], suffixes=("_printed", ""))
    return side.sort_values("row").reset_index(drop=True)


def _one_decimal(values: pd.Series) -> pd.Series:
    return values.map(lambda v: "" if pd.isna(v) else f"{v:.1f}")


def _mark_and_p(mark: object, p: float) -> str:
    return "" if pd.isna(p) else f"{mark or '-'} ({p:.3f})"


def side_by_side_tables(
    printed: pd.DataFrame, recomputed: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two tables chapter 5 shows: group means, then differences and marks.

    Each is indexed by (Factor, Situation) with two column levels (figure, printed or
    recomputed); figures as text with one decimal; the recomputed mark as ``"** (0.012)"``,
    ``"-"`` for no mark.
    """
    side = side_by_side(printed, recomputed)
    index = pd.MultiIndex.from_arrays(
        [side["factor_en_printed"], side["measure"]], names=["Factor", "Situation"]
    )
    means = pd.DataFrame(
        {
            ("Local (1)", "printed"): _one_decimal(side["mean_local_printed"]),
            ("Local (1)", "recomputed"): _one_decimal(side["mean_local_rounded"]),
            ("Global (2)", "printed"): _one_decimal(side["mean_global_printed"]),
            ("Global (2)", "recomputed"): _one_decimal(side["mean_global_rounded"]),
        }
    ).set_axis(index)
    marks = [_mark_and_p(m, p) for m, p in zip(side["mark"], side["p_value"], strict=True)]
    differences = pd.DataFrame(
        {
            ("(2) - (1)", "printed"): _one_decimal(side["difference_printed"]),
            ("(2) - (1)", "recomputed"): _one_decimal(side["difference_rounded"]),
            ("Mark", "printed"): side["significance"].fillna(""),
            ("Mark", "recomputed (p)"): marks,
        }
    ).set_axis(index)
    return means, differences


def _cell(side: pd.DataFrame, factor: str, measure: str, column: str) -> float:
    rows = side[(side["factor"] == factor) & (side["measure"] == measure)]
    return float(rows[column].iloc[0])


def difference_facts(printed: pd.DataFrame, recomputed: pd.DataFrame) -> dict[str, object]:
    """How the printed differences compare with the recomputed ones.

    ``n_diff_cells`` (printed differences and averages), ``n_diff_match`` (see *difference
    match*), ``diff_mismatch`` (the rows that do not match, in words with both figures),
    ``gap_suppliers_changed`` (absolute recomputed difference for suppliers, changed) and
    ``p_suppliers_changed`` (its p-value).
    """
    side = side_by_side(printed, recomputed)
    match = side["difference_printed"].round(1) == side["difference_rounded"].round(1)
    mismatch = "; ".join(
        f"{_FACTOR.get(r.factor, 'the average').lower()} in the {r.measure} situation (printed "
        f"{r.difference_printed:.1f}, recomputed {r.difference_rounded:.1f})"
        for r in side.loc[~match].itertuples()
    )
    return {
        "n_diff_cells": len(side),
        "n_diff_match": int(match.sum()),
        "diff_mismatch": mismatch,
        "gap_suppliers_changed": abs(_cell(side, "suppliers", "changed", "difference_rounded")),
        "p_suppliers_changed": _cell(side, "suppliers", "changed", "p_value"),
    }


def test_comparison(firms: pd.DataFrame, emb: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The p-values of every factor and situation under each test of
    :data:`~clusterlab.embeddedness.TESTS`, and the number of rows where all tests agree.

    The table is indexed by (Factor, Situation), one column per test (short name), cells
    ``"0.012 **"`` (p-value with three decimals and the mark, if any).
    """
    frames = [
        recompute_table2(firms, emb, test=name)
        .query("factor != 'average'")
        .assign(test=TEST_LABELS[name].split(" (")[0])[
            ["factor_en", "measure", "test", "p_value", "mark"]
        ]
        for name in TESTS
    ]
    tests = pd.concat(frames).rename(columns={"factor_en": "Factor", "measure": "Situation"})
    index = ["Factor", "Situation"]
    p_table = tests.pivot_table(index=index, columns="test", values="p_value", sort=False)
    marks = tests.pivot_table(
        index=index, columns="test", values="mark", aggfunc="first", sort=False
    )
    shown = p_table.map(lambda p: f"{p:.3f}") + marks.reindex_like(p_table).map(
        lambda m: f" {m}" if m else ""
    )
    shown.columns.name = None
    return shown, int((marks.nunique(axis=1) == 1).sum())


def slope_data(recomputed: pd.DataFrame, printed: pd.DataFrame) -> pd.DataFrame:
    """Long data for :func:`clusterlab.charts.embeddedness_slopes`: one row per factor, group
    and situation with the recomputed ``score`` (mean), the ``printed`` mean and ``n``."""
    means = recomputed[recomputed["factor"] != "average"]
    keys = list(zip(means["factor"], means["measure"], strict=True))
    printed_means = printed.set_index(["factor", "measure"]).loc[keys]
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "factor": means["factor"].map(_FACTOR),
                    "group": GROUP_LABELS[g],
                    "situation": means["measure"].map(SITUATION_LABELS),
                    "score": means[f"mean_{g}"],
                    "printed": printed_means[f"mean_{g}"].to_numpy(),
                    "n": means[f"n_{g}"],
                }
            )
            for g in ("local", "global")
        ]
    )


def score_dots_data(scores: pd.DataFrame) -> pd.DataFrame:
    """Firm scores (:func:`~clusterlab.embeddedness.group_scores`) with labelled factor, group
    and situation, current before changed, for :func:`clusterlab.charts.score_dots`."""
    out = scores.assign(
        factor=scores["factor"].map(_FACTOR),
        group=scores["group"].map(GROUP_LABELS),
        situation=scores["measure"].map(SITUATION_LABELS),
    )
    out["situation"] = pd.Categorical(out["situation"], ["Current", "Changed"])
    return out.sort_values(["situation"], kind="stable")


def audit_dots(audit: pd.DataFrame, recomputed: pd.DataFrame) -> pd.DataFrame:
    """Three differences per audited row of Table 2, for :func:`clusterlab.charts.difference_dots`.

    ``source`` is "printed difference", "difference of the printed means" (the audit's
    ``recomputed``) or "reconstructed scores (unrounded)"; the audit's "average from printed
    differences" check is left out.
    """
    differences = recomputed.set_index(["factor", "measure"])["difference"]
    rows = audit[audit["check"] != "average from printed differences"]
    dots: list[dict[str, object]] = []
    for r in rows.itertuples():
        where = {
            "factor": _FACTOR.get(r.factor, "Average"),
            "situation": SITUATION_LABELS[r.measure],
        }
        dots += [
            {**where, "source": "printed difference", "value": r.printed},
            {**where, "source": "difference of the printed means", "value": r.recomputed},
            {
                **where,
                "source": "reconstructed scores (unrounded)",
                "value": float(differences.loc[(r.factor, r.measure)]),
            },
        ]
    return pd.DataFrame(dots)


def wide_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per firm and factor with the ``current`` and ``changed`` score as columns."""
    return scores.pivot_table(
        index=["firm_id", "factor"], columns="measure", values="score"
    ).reset_index()


def _losses(firms: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    columns = ["firm_id", "network_2005", "reverse_model", "learning_mode", "export_orientation"]
    text = {c: str for c in ("network_2005", "learning_mode", "export_orientation")}
    wide = wide_scores(scores).merge(firms[columns].astype(text), on="firm_id")
    return wide[wide["changed"] < wide["current"]]


def loser_table(firms: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """One row per *loser*: firm, the factors it lost (in words), network 2005, reverse model,
    learning mode and export orientation (codes under their codebook column names, so that
    :func:`clusterlab.display.show` writes labels and titles)."""
    losers = (
        _losses(firms, scores)
        .groupby("firm_id")
        .agg(
            factors_lost=("factor", lambda f: ", ".join(_FACTOR[x].lower() for x in f)),
            network_2005=("network_2005", "first"),
            reverse_model=("reverse_model", "first"),
            learning_mode=("learning_mode", "first"),
            export_orientation=("export_orientation", "first"),
        )
        .reset_index()
    )
    return losers.rename(columns={"factors_lost": "Factors with lower importance"})


def loser_facts(firms: pd.DataFrame, scores: pd.DataFrame) -> dict[str, object]:
    """``n_losers``, ``n_loss_rows`` (firm-factor pairs with a loss), ``n_losers_reverse``
    (losers in the reverse model) and ``n_losers_cocreate`` (the *co-creating profile*)."""
    losses = _losses(firms, scores)
    per_firm = losses.groupby("firm_id").first()
    cocreating = (
        ~per_firm["reverse_model"].astype(bool)
        & (per_firm["learning_mode"] == "problem_based")
        & (per_firm["export_orientation"] == "strong")
    )
    return {
        "n_losers": len(per_firm),
        "n_loss_rows": len(losses),
        "n_losers_reverse": int(per_firm["reverse_model"].sum()),
        "n_losers_cocreate": int(cocreating.sum()),
    }


def difference_comparison(
    printed: pd.DataFrame, recomputed: pd.DataFrame, audit: pd.DataFrame
) -> pd.DataFrame:
    """Chapter 7's chart data: for every row of Table 2 (factors and average) the difference
    global minus local three ways (``source``): as printed, of the printed means (the audit's
    "difference" and "average from means" checks), and recomputed from the reconstruction
    (unrounded). Columns ``factor`` (English label), ``measure`` ("Current situation" /
    "Changed situation"), ``source``, ``value``."""
    factor_en = dict(zip(recomputed["factor"], recomputed["factor_en"], strict=True))
    measure_label = {"current": "Current situation", "changed": "Changed situation"}
    checks = audit[audit["check"].isin(["difference", "average from means"])]
    cols = ["factor", "measure", "source", "value"]
    parts = [
        printed.assign(source="Printed difference", value=printed["difference"]),
        checks.assign(source="Difference of printed means", value=checks["recomputed"]),
        recomputed.assign(source="Recomputed from reconstruction", value=recomputed["difference"]),
    ]
    comparison = pd.concat([p[cols] for p in parts], ignore_index=True)
    return comparison.assign(
        factor=comparison["factor"].map(factor_en),
        measure=comparison["measure"].map(measure_label),
    )
