"""The live development-paths explorer (ipywidgets; needs a kernel).

Two controls: ``attribute`` (the firm characteristic to break the 2006-2011 events down by,
e.g. ``sector``) and ``path`` (which firms to list: all, one of the three paths, or none).
It shows the transition table ``network_2005`` x 2011 situation
(:func:`clusterlab.paths.transition_counts`), the firms on the chosen path and a stacked bar
chart of the events per category of the attribute (:func:`clusterlab.charts.paths.dynamics_by`).
For tests: ``transitions_html``, ``firms_html``, ``shown_firms`` (the ids listed) and
``chart``.
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
from clusterlab.widgets._base import LABELS, Explorer

__all__ = ["PathsExplorer", "paths_explorer"]

ALL = "all"
_FIRM_COLUMNS = [
    "firm_id",
    "sector",
    "legal_status",
    "network_2005",
    "acquired_2006_2011",
    "situation_2011",
]


def _table(frame: pd.DataFrame, css: str) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
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
        self.attribute = widgets.Dropdown(
            options=list(attributes),
            value=attributes[0],
            description="Break down by",
            style=LABELS,
        )
        options = (
            [("all firms", ALL)]
            + [(f"path {info.number}: {info.label}", key) for key, info in P.PATH_INFO.items()]
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
        return self.transitions.value

    @property
    def firms_html(self) -> str:
        """The list of firms on screen."""
        return self.firm_list.value

    def update(self) -> None:
        """Redraw the table of firms and the chart for the current controls."""
        counts = P.transition_counts(self.firms).reset_index()
        self.transitions.value = "<p><b>Knowledge network 2005 by situation 2011</b></p>" + _table(
            counts, "paths-transitions"
        )
        chosen = (
            self.table
            if self.path.value == ALL
            else self.table[self.table["path"] == self.path.value]
        )
        self.shown_firms = list(chosen["firm_id"])
        merged = chosen.merge(
            self.firms[["firm_id", "sector", "legal_status", "acquired_2006_2011"]].astype(str),
            on="firm_id",
        )
        listing = merged[_FIRM_COLUMNS + ["path_label"]]
        self.firm_list.value = f"<p><b>Firms ({len(listing)})</b></p>" + _table(
            listing, "paths-firms"
        )
        attribute = self.attribute.value
        counts_by = dynamics_by(self.firms, attribute)
        self.show_chart(
            dynamics_bar(
                counts_by,
                title=f"Events 2006-2011 by {attribute}",
                category_title=attribute.replace("_", " "),
            )
        )


def paths_explorer(firms: pd.DataFrame | None = None, **kwargs: Any) -> PathsExplorer:
    """The live development-paths explorer on the book's firms (or on ``firms``)."""
    if firms is None:
        from clusterlab.data import load_firms

        firms = load_firms()
    return PathsExplorer(firms, **kwargs)
