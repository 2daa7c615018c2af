"""The live local-embeddedness explorer (Table 2; ipywidgets, needs a kernel).

Controls: ``factor`` (one location factor or all five), ``period`` (the current or the
changed situation) and ``test`` (the significance test of
:data:`clusterlab.embeddedness.TESTS`). It shows the recomputed group means, their difference,
the p-value and the article's mark beside the printed values
(:func:`clusterlab.embeddedness.recompute_table2`, ``load_published().table2``) and a chart of
the firm-level scores behind the means (:func:`clusterlab.charts.score_dots`).
For tests: ``table`` (the rows on screen as a DataFrame), ``table_html`` and ``chart``.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from clusterlab import embeddedness as E
from clusterlab.charts.embeddedness import score_dots
from clusterlab.data import FACTORS, MEASURES
from clusterlab.explorers._widget_base import LABELS, Explorer
from clusterlab.words import value_label

__all__ = ["EmbeddednessExplorer", "embeddedness_explorer"]

ALL = "all"
#: Columns of :attr:`EmbeddednessExplorer.table`.
COLUMNS = [
    "factor",
    "measure",
    "mean_local",
    "mean_global",
    "difference",
    "p_value",
    "mark",
    "printed_local",
    "printed_global",
    "printed_difference",
    "printed_mark",
]


def _num(value: Any, digits: int = 1) -> str:
    return "" if pd.isna(value) else f"{value:.{digits}f}"


class EmbeddednessExplorer(Explorer):
    """Controls and results of the embeddedness explorer."""

    def __init__(
        self, firms: pd.DataFrame, scores: pd.DataFrame, published: pd.DataFrame | None = None
    ) -> None:
        super().__init__()
        self.firms = firms
        self.scores = scores
        self.published = published
        self.factor = widgets.Dropdown(
            options=[("all five factors", ALL)] + [(value_label("factor", f), f) for f in FACTORS],
            value=ALL,
            description="Factor",
            style=LABELS,
        )
        self.period = widgets.ToggleButtons(
            options=list(MEASURES),
            value=MEASURES[0],
            description="Situation",
            style={**LABELS, "button_width": "auto"},
        )
        self.test = widgets.Dropdown(
            options=[(E.TEST_LABELS[k], k) for k in E.TESTS],
            value="welch",
            description="Test",
            style=LABELS,
            layout=widgets.Layout(width="420px"),
        )
        self.output = widgets.HTML()
        self.table = pd.DataFrame(columns=COLUMNS)
        self._charts: dict[tuple[str, str], Any] = {}  # the chart does not depend on the test
        self.widget = widgets.VBox(
            [widgets.HBox([self.factor, self.period]), self.test, self.output, self.chart_output]
        )
        self.observe_controls()
        self.update()

    @property
    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The three controls by name."""
        return {"factor": self.factor, "period": self.period, "test": self.test}

    @property
    def table_html(self) -> str:
        """The table on screen."""
        return str(self.output.value)

    def update(self) -> None:
        """Recompute Table 2 with the chosen test and redraw the rows and the chart."""
        factors = list(FACTORS) if self.factor.value == ALL else [self.factor.value]
        measure = self.period.value
        recomputed = E.recompute_table2(self.firms, self.scores, test=self.test.value)
        rows = recomputed[
            recomputed["factor"].isin(factors) & (recomputed["measure"] == measure)
        ].copy()
        if self.published is not None:
            printed = self.published.rename(
                columns={
                    "mean_local": "printed_local",
                    "mean_global": "printed_global",
                    "difference": "printed_difference",
                    "significance": "printed_mark",
                }
            )
            rows = rows.merge(
                printed[
                    [
                        "factor",
                        "measure",
                        "printed_local",
                        "printed_global",
                        "printed_difference",
                        "printed_mark",
                    ]
                ],
                on=["factor", "measure"],
                how="left",
            )
        for col in COLUMNS:
            if col not in rows.columns:
                rows[col] = pd.NA
        rows["printed_mark"] = rows["printed_mark"].fillna("")
        self.table = rows[COLUMNS].reset_index(drop=True)
        self.output.value = self._html()
        key = (self.factor.value, measure)
        if key not in self._charts:
            long = E.group_scores(self.firms, self.scores)
            shown = long[long["factor"].isin(factors) & (long["measure"] == measure)].rename(
                columns={"measure": "situation"}
            )
            shown["factor"] = [value_label("factor", f) for f in shown["factor"]]
            self._charts[key] = score_dots(
                shown,
                title=f"Firm-level scores, {measure} situation",
                subtitle="Circle area = number of firms; tick = group mean",
            )
        self.show_chart(self._charts[key])

    def _html(self) -> str:
        head = (
            "<tr><th>Factor</th><th>Local (1)</th><th>Global (2)</th>"
            "<th>(2) - (1)</th><th>p</th><th>Mark</th><th>Printed (1) / (2) / diff.</th>"
            "</tr>"
        )
        body = []
        for r in self.table.itertuples(index=False):
            printed = " / ".join(
                _num(v) for v in (r.printed_local, r.printed_global, r.printed_difference)
            )
            printed += f" {r.printed_mark}" if r.printed_mark else ""
            cells = [
                value_label("factor", r.factor),
                _num(r.mean_local, 2),
                _num(r.mean_global, 2),
                _num(r.difference, 2),
                _num(r.p_value, 3),
                r.mark or "-",
                printed,
            ]
            body.append(
                "<tr class='emb-row'>"
                + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
                + "</tr>"
            )
        return (
            f"<p><b>{html.escape(E.TEST_LABELS[self.test.value])}</b>; "
            "* p &lt; 0.10, ** p &lt; 0.05</p>"
            f"<table class='emb-table'>{head}{''.join(body)}</table>"
        )


def embeddedness_explorer(
    firms: pd.DataFrame | None = None, scores: pd.DataFrame | None = None
) -> EmbeddednessExplorer:
    """The live embeddedness explorer on the book's data (or on ``firms`` and ``scores``)."""
    from clusterlab.data import load_embeddedness, load_firms, load_published

    firms = load_firms() if firms is None else firms
    scores = load_embeddedness(firms=firms) if scores is None else scores
    return EmbeddednessExplorer(firms, scores, load_published().table2)
