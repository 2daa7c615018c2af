"""What every live explorer shares: observed controls, an HTML area, a chart area."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import altair as alt
import ipywidgets as widgets
from IPython import get_ipython
from IPython.display import display as _display

#: IPython's ``display`` (untyped in IPython).
display = cast(Callable[..., None], _display)

# Control style: the description takes the width its text needs, so no label is cut
# ("Min. supp..." with ipywidgets' fixed default width).
LABELS: dict[str, str] = {"description_width": "initial"}


class Explorer:
    """Base of the live explorers.

    Subclasses create their controls, list them in :attr:`controls`, lay out :attr:`widget`
    and implement :meth:`update`; :meth:`observe_controls` re-runs :meth:`update` on every
    change. ``chart`` is the Altair chart on screen (None before the first update or after an
    error), ``error`` the message shown instead of results.
    """

    widget: widgets.Widget

    def __init__(self) -> None:
        self.chart: alt.TopLevelMixin | None = None
        self.error: str | None = None
        self.chart_output = widgets.Output()

    @property
    def controls(self) -> dict[str, widgets.ValueWidget]:  # pragma: no cover - abstract
        """Every control by name."""
        raise NotImplementedError

    def update(self) -> None:  # pragma: no cover - abstract
        """Recompute and redraw for the current control values."""
        raise NotImplementedError

    def observe_controls(self) -> None:
        """Re-run :meth:`update` whenever a control's value changes."""
        for control in self.controls.values():
            control.observe(self._on_change, names="value")

    def _on_change(self, change: dict[str, Any]) -> None:
        self.update()

    def show_chart(self, chart: alt.TopLevelMixin | None) -> None:
        """Keep ``chart`` as the chart on screen and draw it (in a kernel only: scripts and
        tests have no screen, they read :attr:`chart`)."""
        self.chart = chart
        if get_ipython() is None:
            return
        self.chart_output.clear_output(wait=True)
        if chart is not None:
            with self.chart_output:
                display(chart)

    def _ipython_display_(self) -> None:
        display(self.widget)
