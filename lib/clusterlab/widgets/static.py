"""The static rough-set explorer: works in the built HTML book without a kernel.

:func:`static_roughset_explorer` precomputes the analysis for every subset of the toggleable
condition attributes (:func:`clusterlab.explorer.precompute_all_subsets`, Pawlak's model, LEM2
rules) and returns the Altair chart of :func:`clusterlab.charts.static_explorer_chart`: one
checkbox per attribute, and the quality, core, reducts, rules and firm regions of the ticked
subset, all switched in the browser by Vega-Lite parameters. Nothing but the book's own
vega / vega-lite / vega-embed is needed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from clusterlab.charts.explorer import static_explorer_chart
from clusterlab.data import ARTICLE_CONDITIONS, DECISION
from clusterlab.explorer import ID_COLUMN, TOGGLEABLE, precompute_all_subsets

__all__ = ["export_size", "static_roughset_explorer"]


def static_roughset_explorer(
    firms: pd.DataFrame | None = None,
    *,
    attributes: Sequence[str] = TOGGLEABLE,
    initial: Sequence[str] = ARTICLE_CONDITIONS,
    decision: str = DECISION,
    export: dict[str, Any] | None = None,
    id_column: str = ID_COLUMN,
) -> alt.VConcatChart:
    """The static explorer chart (display it in a cell; it lives on in the HTML page).

    ``firms`` defaults to the book's firms; ``export`` reuses a precomputed
    :func:`~clusterlab.explorer.precompute_all_subsets` result instead of computing one.
    """
    if export is None:
        if firms is None:
            from clusterlab.data import load_firms

            firms = load_firms()
        export = precompute_all_subsets(firms, attributes, decision, id_column=id_column)
    return static_explorer_chart(export, initial=initial)


def export_size(chart: alt.TopLevelMixin) -> int:
    """Bytes of the chart's Vega-Lite specification as compact JSON (its data included):
    what the static explorer adds to its page, before the HTML wrapper."""
    return len(json.dumps(chart.to_dict(), separators=(",", ":")).encode())
