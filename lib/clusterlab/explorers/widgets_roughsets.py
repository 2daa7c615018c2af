"""The live rough-set explorer (ipywidgets; needs a kernel: Jupyter or Binder).

>>> from clusterlab.explorers import roughset_explorer
>>> explorer = roughset_explorer()     # doctest: +SKIP
>>> explorer                           # doctest: +SKIP   (displays the controls and results)

Every control is observed: a change re-runs
:func:`clusterlab.explorers.roughsets_analysis.analyse_subset` and
redraws the summary (quality, core, reducts), the rule table and the chart of firms by region.

For tests and scripts the explorer exposes what it shows: ``attribute_boxes`` (one checkbox per
condition attribute), ``decision``, ``method``, ``use_beta``, ``beta``, ``min_support`` and
``leave_out`` (the controls), ``result`` (the dict of the last analysis), ``summary_html`` and
``rules_html`` (the HTML on screen), ``chart`` (the Altair chart on screen) and ``error`` (the
message shown when the engine refused the settings, else None).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import altair as alt
import ipywidgets as widgets
import pandas as pd

from clusterlab.charts.roughsets import approximation_regions
from clusterlab.data import ARTICLE_CONDITIONS
from clusterlab.explorers._widget_base import LABELS, Explorer
from clusterlab.explorers.roughsets_analysis import (
    DECISIONS,
    ID_COLUMN,
    METHODS,
    TOGGLEABLE,
    analyse_subset,
    resolve_id_column,
)
from clusterlab.roughsets import RoughSetError
from clusterlab.words import (
    BOUNDARY,
    LEFT_OUT,
    ValueLabels,
    attribute_name,
    join_labels,
    region_label,
    set_text,
)

__all__ = ["RoughSetExplorer", "roughset_explorer"]


def _fmt(x: float) -> str:
    return f"{x:.2f}"


def _names(attributes: Sequence[str]) -> list[str]:
    """Attribute names as the pages write them (:func:`clusterlab.words.attribute_name`)."""
    return [attribute_name(a) for a in attributes]


def summary_html(result: dict[str, Any]) -> str:
    """The summary block: quality, core, reducts (one per line), left-out firms; attribute
    names as words (a reader's own column names as they are)."""
    quality = result["quality"]
    n_pos = len(result["positive_region"])
    model = (
        "Pawlak"
        if result["beta"] is None
        else f"VPRS, beta = {result['beta']:g}; core, reducts and rules: Pawlak"
    )
    reducts = "".join(
        f"<li class='rsx-reduct'>{html.escape(set_text(_names(r), '{}'))}</li>"
        for r in result["reducts"]
    )
    left = join_labels(result["left_out"], "none")
    core = set_text(_names(result["core"]))
    return (
        "<div class='rsx-summary'>"
        f"<p><b>Quality of classification</b> ({html.escape(model)}): "
        f"<span class='rsx-quality'>{quality:.3f}</span> "
        f"({n_pos} of {result['n']} objects in the positive region)</p>"
        f"<p><b>Core:</b> <span class='rsx-core'>{html.escape(core)}</span></p>"
        f"<p><b>Reducts</b> ({len(result['reducts'])}):</p><ul>{reducts}</ul>"
        f"<p><b>Left out:</b> <span class='rsx-left-out'>{html.escape(left)}</span></p>"
        "</div>"
    )


def rules_html(result: dict[str, Any]) -> str:
    """The rule table: one row per rule with its type and measures (2 decimals)."""
    head = (
        "<tr><th>#</th><th>IF</th><th>THEN "
        + html.escape(attribute_name(result["decision"]))
        + "</th><th>type</th><th>support</th><th>strength</th><th>certainty</th>"
        "<th>coverage</th></tr>"
    )
    rows = []
    for i, rule in enumerate(result["rules"], start=1):
        cells = [
            str(i),
            rule["conditions_text"],
            rule["decision_text"],
            rule["type"],
            str(rule["support"]),
            _fmt(rule["strength"]),
            _fmt(rule["certainty"]),
            _fmt(rule["coverage"]),
        ]
        rows.append(
            "<tr class='rsx-rule'>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
        )
    if not rows:
        rows.append("<tr><td colspan='8'>(no rules)</td></tr>")
    method = METHODS.get(result["method"], result["method"])
    return (
        f"<p><b>Rules</b>: {html.escape(method)}, minimum support "
        f"{result['min_support']}</p><table class='rsx-rules'>{head}{''.join(rows)}"
        "</table>"
    )


class RoughSetExplorer(Explorer):
    """Controls and results of the live explorer; display it in a notebook cell.

    Parameters
    ----------
    firms:
        the firm table (``clusterlab.data.load_firms()``).
    attributes:
        condition attributes offered as checkboxes (default: the book's nine that ``firms``
        has; for a table with none of them, every column but the id and the decisions).
    initial:
        the ones ticked at the start (default: the article's five among them, else all).
    decisions:
        decision attributes offered (first = default); those ``firms`` lacks are left out.
    id_column:
        the column naming the objects; without it objects are named by row number.
    labels:
        values as codebook labels (True), codes (False) or ``{column: {code: label}}``.
    """

    def __init__(
        self,
        firms: pd.DataFrame,
        *,
        attributes: Sequence[str] | None = None,
        initial: Sequence[str] | None = None,
        decisions: Sequence[str] = DECISIONS,
        id_column: str | None = ID_COLUMN,
        labels: bool | ValueLabels = True,
    ) -> None:
        super().__init__()
        self.firms = firms
        self.id_column = resolve_id_column(firms, id_column)
        self.labels = labels
        decisions = [d for d in decisions if d in firms.columns] or list(decisions)[:1]
        if attributes is None:
            attributes = [a for a in TOGGLEABLE if a in firms.columns] or [
                c for c in firms.columns if c not in {self.id_column, *decisions}
            ]
        if initial is None:
            initial = [a for a in ARTICLE_CONDITIONS if a in attributes] or list(attributes)
        self.attribute_boxes: dict[str, widgets.Checkbox] = {
            a: widgets.Checkbox(
                value=a in set(initial),
                description=attribute_name(a),
                indent=False,
                layout=widgets.Layout(width="210px"),
            )
            for a in attributes
        }
        self.decision = widgets.Dropdown(
            options=[(attribute_name(d), d) for d in decisions],
            value=decisions[0],
            description="Decision",
            style=LABELS,
        )
        self.method = widgets.ToggleButtons(
            options=[(label, key) for key, label in METHODS.items()],
            value="lem2",
            description="Rules",
            style={**LABELS, "button_width": "auto"},  # full method names
        )
        self.use_beta = widgets.Checkbox(
            value=False, description="Variable precision (beta)", indent=False
        )
        self.beta = widgets.FloatSlider(
            value=0.8,
            min=0.55,
            max=1.0,
            step=0.05,
            description="beta",
            readout_format=".2f",
            disabled=True,
            style=LABELS,
        )
        self.min_support = widgets.IntSlider(
            value=1, min=1, max=6, description="Min. support", style=LABELS
        )
        ids = (
            sorted(firms[self.id_column].astype(str))
            if self.id_column is not None
            else [str(i + 1) for i in range(len(firms))]
        )
        self.leave_out = widgets.SelectMultiple(
            options=ids, value=(), rows=6, description="Leave out", style=LABELS
        )
        self.summary = widgets.HTML()
        self.rules = widgets.HTML()
        self.result: dict[str, Any] | None = None
        boxes = widgets.HBox(
            list(self.attribute_boxes.values()), layout=widgets.Layout(flex_flow="row wrap")
        )
        self.widget = widgets.VBox(
            [
                widgets.HTML("<b>Condition attributes</b>"),
                boxes,
                widgets.HBox([self.decision, self.min_support]),
                self.method,
                widgets.HBox([self.use_beta, self.beta]),
                self.leave_out,
                self.summary,
                self.rules,
                self.chart_output,
            ]
        )
        self.observe_controls()
        self.update()

    @property
    def controls(self) -> dict[str, widgets.ValueWidget]:
        """Every control by name (checkboxes as ``attribute:<name>``)."""
        out: dict[str, widgets.ValueWidget] = {
            f"attribute:{a}": box for a, box in self.attribute_boxes.items()
        }
        out.update(
            decision=self.decision,
            method=self.method,
            use_beta=self.use_beta,
            beta=self.beta,
            min_support=self.min_support,
            leave_out=self.leave_out,
        )
        return out

    def settings(self) -> dict[str, Any]:
        """The analysis the controls ask for, as keyword arguments of ``analyse_subset``."""
        return {
            "conditions": [a for a, box in self.attribute_boxes.items() if box.value],
            "decision": self.decision.value,
            "beta": round(self.beta.value, 4) if self.use_beta.value else None,
            "method": self.method.value,
            "min_support": int(self.min_support.value),
            "leave_out": list(self.leave_out.value),
        }

    @property
    def summary_html(self) -> str:
        """The summary HTML on screen."""
        return str(self.summary.value)

    @property
    def rules_html(self) -> str:
        """The rule table HTML on screen."""
        return str(self.rules.value)

    def update(self) -> None:
        """Recompute for the current settings and redraw everything."""
        self.beta.disabled = not self.use_beta.value
        settings = self.settings()
        try:
            result = analyse_subset(
                self.firms,
                settings.pop("conditions"),
                settings.pop("decision"),
                id_column=self.id_column,
                labels=self.labels,
                **settings,
            )
        except RoughSetError as error:
            self.result, self.error = None, str(error)
            self.summary.value = (
                f"<p class='rsx-error' style='color:#b04a5a'>{html.escape(str(error))}</p>"
            )
            self.rules.value = ""
            self.show_chart(None)
            return
        self.result, self.error = result, None
        self.summary.value = summary_html(result)
        self.rules.value = rules_html(result)
        self.show_chart(self.region_chart(result))

    @staticmethod
    def region_chart(result: dict[str, Any]) -> alt.TopLevelMixin:
        """Firms by region (lower approximations, boundary, left out), coloured by decision."""
        frame = pd.DataFrame(
            [
                {"object": r["firm"], "decision": r["decision_label"], "region": r["area"]}
                for r in result["regions"]
            ]
        )
        lowers = [region_label(label, result["beta"]) for label in result["class_labels"]]
        order = [*lowers[:1], BOUNDARY, *lowers[1:], LEFT_OUT]
        order = [a for a in order if (frame["region"] == a).any()]
        conditions = ", ".join(_names(result["conditions"])) or "no attributes"
        decision = attribute_name(result["decision"])
        return approximation_regions(
            frame,
            title=f"Firms by region of {decision}",
            subtitle=f"Condition attributes: {conditions}",
            region_order=order,
            decision_title=decision,
        )


def roughset_explorer(firms: pd.DataFrame | None = None, **kwargs: Any) -> RoughSetExplorer:
    """The live rough-set explorer on the book's firms (or on ``firms``)."""
    if firms is None:
        from clusterlab.data import load_firms

        firms = load_firms()
    return RoughSetExplorer(firms, **kwargs)
