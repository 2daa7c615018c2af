"""Chapter 3's views of the findings checks: the article-against-recomputation table and the
ensemble chart.

Definitions used:

- *finding*: one check of :func:`clusterlab.ensemble.article_findings` (key, name, detail,
  holds); :data:`ARTICLE_SAYS` paraphrases what the article states for each key (never its
  sentences) and :data:`FINDING_SHORT_LABELS` gives the chart's short label.
- *ensemble share*: the share of random tables in which a finding holds
  (:func:`clusterlab.ensemble.findings_shares`); *margins only* fixes every printed count of
  Table 1, *with high* in addition makes every global firm highly innovative.

The firm records are a reconstruction matching the article's published aggregates.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from clusterlab.charts.roughsets import grouped_share_bars
from clusterlab.ensemble import Finding

__all__ = [
    "ARTICLE_SAYS",
    "FINDING_SHORT_LABELS",
    "article_comparison",
    "ensemble_chart",
    "ensemble_facts",
    "ensemble_long",
]

#: What the article says for each finding, paraphrased (the book's reading in brackets).
ARTICLE_SAYS: dict[str, str] = {
    "consistent": "(implicit) the conditions explain the 2005 networks",
    "legal_in_core": "legal status and way of founding are among the most influential",
    "export_in_core": "export orientation is among the most influential",
    "legal_export_most_influential": "legal status and export orientation are the most "
    "influential characteristics",
    "high_necessary": "high innovativeness is decisive (read as: necessary)",
    "innovativeness_in_core": "high innovativeness is decisive (read as: indispensable)",
    "high_decisive": "high innovativeness is decisive",
    "category_foreign_ict": "category 1: foreign subsidiaries with advanced ICT services",
    "category_corporate_spinoff": "category 2: corporate spin-offs (life-sciences "
    "services, micro-electronics buy-outs)",
    "category_older_innovative": "category 3: older firms with high innovativeness",
    "three_categories": "three categories of mainly global firms",
    "academic_taken_over": "academic spin-offs taken over by foreign firms are global",
    "academic_ls_global": "independent academic spin-offs in life-sciences research are global",
    "virtualisation_no_effect": "virtualisation does not directly influence global ties "
    "(chapter 4; the article's evidence is the interviews)",
}

#: Short labels of the findings for the ensemble chart.
FINDING_SHORT_LABELS: dict[str, str] = {
    "consistent": "quality of classification 1",
    "legal_in_core": "legal status in the core",
    "export_in_core": "export orientation in the core",
    "legal_export_most_influential": "legal status and export most influential",
    "high_necessary": "every global firm highly innovative",
    "innovativeness_in_core": "innovativeness in the core",
    "high_decisive": "high innovativeness decisive",
    "category_foreign_ict": "category 1 rule (foreign ICT subsidiaries)",
    "category_corporate_spinoff": "category 2 rule (corporate spin-offs)",
    "category_older_innovative": "category 3 rule (older, highly innovative)",
    "three_categories": "all three category rules",
    "academic_taken_over": "rule: academic spin-off taken over -> global",
    "academic_ls_global": "a life-sciences academic spin-off certainly global",
}

MARGINS_ONLY = "Table 1 counts"
WITH_HIGH = "Table 1 counts + every global firm highly innovative"


def article_comparison(checks: Sequence[Finding]) -> pd.DataFrame:
    """One row per finding: what the article says (paraphrased; the check's name when there is
    no paraphrase), how the book checks it, the recomputed detail and whether it holds."""
    return pd.DataFrame(
        {
            "article says (paraphrased)": [ARTICLE_SAYS.get(f.key, f.name) for f in checks],
            "checked as": [f.name for f in checks],
            "recomputed on the reconstruction": [f.detail for f in checks],
            "holds": ["yes" if f.holds else "no" for f in checks],
        }
    )


def ensemble_long(margins_only: pd.DataFrame, with_high: pd.DataFrame) -> pd.DataFrame:
    """Both ensembles' shares (``key``, ``finding``, ``share``) stacked, with ``given`` (which
    ensemble) and ``label`` (:data:`FINDING_SHORT_LABELS`)."""
    long = pd.concat([margins_only.assign(given=MARGINS_ONLY), with_high.assign(given=WITH_HIGH)])
    long["label"] = long["key"].map(FINDING_SHORT_LABELS)
    return long


def ensemble_chart(margins_only: pd.DataFrame, with_high: pd.DataFrame, n_tables: int) -> alt.Chart:
    """Grouped bars: per finding, the share of tables in which it holds, per ensemble."""
    return grouped_share_bars(
        ensemble_long(margins_only, with_high),
        item_col="label",
        group_col="given",
        title="How often the article's findings hold in tables that fit its printed counts",
        subtitle=f"{n_tables} distinct random tables per ensemble",
        item_title="Finding",
        share_title="Share of tables in which the finding holds",
        group_title="Held fixed",
        item_order=[FINDING_SHORT_LABELS[k] for k in margins_only["key"]],
        label_limit=320,
        width=330,
    )


def ensemble_facts(margins_only: pd.DataFrame, with_high: pd.DataFrame) -> dict[str, float]:
    """``ens_<key>`` (margins only) and ``enshi_<key>`` (with high) for every finding key."""
    out: dict[str, float] = {}
    for prefix, frame in (("ens", margins_only), ("enshi", with_high)):
        for key, value in zip(frame["key"], frame["share"], strict=True):
            out[f"{prefix}_{key}"] = float(value)
    return out
