"""Chapter 4's views of the virtualisation check: the network chart and the quality-gain
summaries.

Definitions used:

- *gain* of a subset S of the article's conditions: gamma(S + virtualisation) - gamma(S), one
  row per subset from :func:`clusterlab.virtualisation.quality_gain`; *shuffled gain*: the
  mean gain of virtualisation with its values permuted over the firms.
- *non-empty subsets*: subsets with at least one condition (the empty set is left out of the
  means: it says nothing about what virtualisation adds to the article's attributes).
- *subsets with the core*: subsets that contain every attribute of the core of the article's
  conditions.

The firm records are a reconstruction matching the article's published aggregates; the
virtualisation levels were set to agree with the article's statements.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from clusterlab.charts.data import composition_bars, tidy_crosstab
from clusterlab.data import ARTICLE_CONDITIONS, DECISION, LABELS_EN
from clusterlab.roughsets import DecisionTable
from clusterlab.virtualisation import VIRTUALISATION_LEVELS
from clusterlab.words import column_title

__all__ = [
    "gain_by_size",
    "gain_dots",
    "gain_facts",
    "gain_table",
    "network_chart",
    "with_virtualisation_facts",
]

_LEVEL_COLOURS = ("#c9dbe9", "#6fa3cc", "#0f4c78")


def network_chart(firms: pd.DataFrame) -> alt.Chart:
    """Stacked shares of the virtualisation levels among global and local firms (2005)."""
    counts = tidy_crosstab(
        firms,
        "virtualisation",
        "network_2005",
        row_order=list(VIRTUALISATION_LEVELS),
        column_order=["global", "local"],
        labels=LABELS_EN,
    )
    names = LABELS_EN["virtualisation"]
    return composition_bars(
        counts,
        category="network_2005_label",
        group="virtualisation_label",
        title="Virtualisation by knowledge network, 2005",
        subtitle="Share of firms at each level; reconstructed records",
        category_title="Knowledge network 2005",
        group_title="Virtualisation",
        colours={names[lv]: c for lv, c in zip(VIRTUALISATION_LEVELS, _LEVEL_COLOURS, strict=True)},
        share=True,
    )


def gain_by_size(gain: pd.DataFrame, *, nonempty: bool = False) -> pd.DataFrame:
    """Mean ``gain`` and ``gain_shuffled`` per subset ``size`` (columns size, gain,
    gain_shuffled); ``nonempty=True`` leaves out the empty subset."""
    rows = gain[gain["size"] > 0] if nonempty else gain
    return rows.groupby("size")[["gain", "gain_shuffled"]].mean().reset_index()


def gain_table(gain: pd.DataFrame) -> pd.DataFrame:
    """``gain`` for the page: each subset's attributes as words (``founding period, export
    orientation``), the codes being in the codebook; every other column as it is."""
    out = gain.copy()
    out["subset"] = [
        s if s == "(none)" else ", ".join(a.replace("_", " ") for a in s.split(", "))
        for s in gain["subset"]
    ]
    return out


def gain_dots(gain: pd.DataFrame, n_conditions: int = 5, shuffles: int = 100) -> pd.DataFrame:
    """Long data for the gain chart: per non-empty subset size (``size_label`` "k of n") the mean
    gain of virtualisation and of its shuffled copy (``source``)."""
    by_size = gain_by_size(gain, nonempty=True)
    labels = [f"{k} of {n_conditions}" for k in by_size["size"]]
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "size_label": labels,
                    "gain": by_size["gain"].to_numpy(),
                    "source": "virtualisation",
                }
            ),
            pd.DataFrame(
                {
                    "size_label": labels,
                    "gain": by_size["gain_shuffled"].to_numpy(),
                    "source": f"virtualisation, shuffled (mean of {shuffles})",
                }
            ),
        ]
    )


def gain_facts(gain: pd.DataFrame, core: Sequence[str]) -> dict[str, object]:
    """``gain_mean`` and ``gain_shuffled_mean`` over the non-empty subsets, ``n_subsets``,
    ``n_beats_shuffle`` (subsets where the gain exceeds the shuffled gain) and
    ``gain_with_core`` (the largest gain among subsets with the core)."""
    nonempty = gain[gain["size"] > 0]
    with_core = gain[gain["subset"].map(lambda s: all(a in s.split(", ") for a in core))]
    return {
        "gain_mean": float(nonempty["gain"].mean()),
        "gain_shuffled_mean": float(nonempty["gain_shuffled"].mean()),
        "n_subsets": len(nonempty),
        "n_beats_shuffle": int((nonempty["gain_excess"] > 0).sum()),
        "gain_with_core": float(with_core["gain"].max()),
    }


def with_virtualisation_facts(firms: pd.DataFrame) -> dict[str, object]:
    """``gamma_virt``: quality of classification of ``network_2005`` by the article's five
    conditions plus virtualisation; ``core_virt``: its core as lower-case codebook titles
    joined by ", " ("(none)" when empty)."""
    table = DecisionTable(
        firms,
        decision=DECISION,
        conditions=[*ARTICLE_CONDITIONS, "virtualisation"],
        id_column="firm_id",
    )
    core = ", ".join(column_title(a).lower() for a in table.core()) or "(none)"
    return {"gamma_virt": table.quality(), "core_virt": core}
