"""The live development-paths explorer (ipywidgets; needs a kernel).

Two controls: ``attribute`` (the firm characteristic to break the 2006-2011 events down by,
e.g. ``sector``) and ``path`` (which firms to list: all, one of the three paths, or none).
It shows the transition table ``network_2005`` x 2011 situation
(:func:`clusterlab.paths.transition_counts`), the firms on the chosen path and a stacked bar
chart of the events per category of the attribute (:func:`clusterlab.charts.paths.dynamics_by`).
For tests: ``transitions_html``, ``firms_html``, ``shown_firms`` (the ids listed) and
``chart``. Values are shown as the codebook's labels (:mod:`clusterlab.words`), tables without
their pandas index; a table without ``firm_id`` names firms by row number.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd

from clusterlab import paths as P
from clusterlab.charts.paths import dynamics_bar, dynamics_by
from clusterlab.data import ARTICLE_CONDITIONS, EXTRA_CONDITIONS
from clusterlab.explorers._widget_base import LABELS, Explorer
from clusterlab.words import column_title, labelled, path_name

__all__ = ["PathsExplorer", "paths_explorer"]

ALL = "all"
_FIRM_COLUMNS = [
    "firm_id",
    "sector",
    "legal_status",
    "network_2005",
    "acquired_2006_2011",
    "situation_2011",
    "path_label",
]
_HEADS = {"situation_2011": "Situation 2011", "path_label": "Development path"}


def _table(frame: pd.DataFrame, css: str) -> str:
    """An HTML table of ``frame``'s columns (headed by the codebook's titles) and rows; the
    index is not shown."""
    head = "".join(
        f"<th>{html.escape(_HEADS.get(str(c), column_title(str(c))))}</th>" for c in frame.columns
    )
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table class='{css}'><tr>{head}</tr>{rows}</table>"


class PathsExplorer(Explorer):
    """Controls and results of the development-paths explorer."""

    def __init__(
        self,
        firms: pd.DataFrame,
        attributes: Sequence[str] = (*ARTICLE_CONDITIONS, *EXTRA_CONDITIONS),
    ) -> None:
        super().__init__()
        self.firms = firms
        self.table = P.classify_paths(firms)
        offered = [a for a in attributes if a in firms.columns] or ["network_2005"]
        self.attribute = widgets.Dropdown(
            options=[(column_title(a), a) for a in offered],
            value=offered[0],
            description="Break down by",
            style=LABELS,
        )
        options = (
            [("all firms", ALL)]
            + [(path_name(key), key) for key in P.PATH_INFO]
            + [("no path", P.NO_PATH)]
        )
        self.path = widgets.Dropdown(options=options, value=ALL, description="List", style=LABELS)
        self.transitions = widgets.HTML()
        self.firm_list = widgets.HTML()
        self.shown_firms: list[str] = []
        self.widget = widgets.VBox(
            [
                widgets.HBox([self.attribute, self.path]),
                self.transitions,
                self.firm_list,
                self.chart_output,
            ]
        )
        self.observe_controls()
        self.update()

    @property
    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The two controls by name."""
        return {"attribute": self.attribute, "path": self.path}

    @property
    def transitions_html(self) -> str:
        """The transition table on screen."""
        return str(self.transitions.value)

    @property
    def firms_html(self) -> str:
        """The list of firms on screen."""
        return str(self.firm_list.value)

    def update(self) -> None:
        """Redraw the table of firms and the chart for the current controls."""
        counts = P.transition_counts(self.firms)
        counts = counts.rename(columns=P.SITUATION_LABELS).reset_index()
        self.transitions.value = "<p><b>Knowledge network 2005 by situation 2011</b></p>" + _table(
            labelled(counts), "paths-transitions"
        )
        chosen = (
            self.table
            if self.path.value == ALL
            else self.table[self.table["path"] == self.path.value]
        )
        self.shown_firms = list(chosen["firm_id"])
        columns = ["firm_id", "sector", "legal_status", "acquired_2006_2011"]
        merged = chosen.merge(P.with_firm_ids(self.firms)[columns].astype(str), on="firm_id")
        listing = labelled(merged[_FIRM_COLUMNS])
        listing["situation_2011"] = merged["situation_2011"].map(P.SITUATION_LABELS)
        self.firm_list.value = f"<p><b>Firms ({len(listing)})</b></p>" + _table(
            listing, "paths-firms"
        )
        attribute = self.attribute.value
        counts_by = dynamics_by(self.firms, attribute)
        self.show_chart(
            dynamics_bar(
                counts_by,
                title=f"Events 2006-2011 by {column_title(attribute).lower()}",
                category_title=column_title(attribute),
            )
        )


def paths_explorer(firms: pd.DataFrame | None = None, **kwargs: Any) -> PathsExplorer:
    """The live development-paths explorer on the book's firms (or on ``firms``)."""
    if firms is None:
        from clusterlab.data import load_firms

        firms = load_firms()
    return PathsExplorer(firms, **kwargs)
