"""The book's visual style (theme, colours, sizes) and generic chart builders.

Every chart in the book comes from ``clusterlab.charts``, so colours, fonts, sizes and tooltips
stay consistent. ``use_book_theme()`` registers and enables the theme; the builders call it
themselves, so a chapter only imports and calls a builder.

Accessibility, in one place:

* every builder passes its chart through :func:`describe`, which sets the Vega-Lite
  ``description``: vega-embed turns it into the chart's ``aria-label``, the text a screen
  reader reads instead of the picture (:func:`listing` writes the data part of it);
* the colours come from Okabe & Ito's palette, chosen to stay distinct under the common
  colour-vision deficiencies; global is blue, local vermillion, and charts that tell them apart
  by colour also use a second cue (a shape, a label or a position);
* the theme draws on a transparent background; the book's page script
  (``book/_ext/static/book-pages.js``) sets text, grid and background from the page's light or
  dark theme when the chart is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import altair as alt
import pandas as pd
from altair.utils.schemapi import SchemaBase

THEME_NAME = "clusterlab"
FONT = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"
WIDTH = 520
HEIGHT = 260

# One colour per meaning, used across all chapters: Okabe & Ito's (2008) "Color Universal Design"
# set (blue, vermillion, bluish green, reddish purple, sky blue, orange) plus one red, in the
# order the chapters name them: [3] is the red and [4] the purple of the development paths.
NETWORK_COLOURS = {"global": "#0072B2", "local": "#D55E00"}
#: The second cue for the two network groups where points are drawn.
NETWORK_SHAPES = {"global": "circle", "local": "triangle-up"}
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#C0392B", "#CC79A7", "#56B4E9", "#E69F00", "#8c8c8c"]

ChartT = TypeVar("ChartT", bound=SchemaBase)


def _theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "background": "transparent",
            "title": {"fontSize": 15, "anchor": "start", "subtitleColor": "#555"},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridColor": "#e6e6e6"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12},
            "range": {"category": PALETTE},
            # Reference lines (zero, thresholds) are decoration: hidden from screen readers.
            "rule": {"aria": False},
        }
    }


def use_book_theme() -> None:
    """Register the book's theme with Altair and enable it (idempotent); charts go into HTML
    with their data escaped (:mod:`clusterlab.charts._html`)."""
    from clusterlab.charts._html import enable_safe_html

    enable_safe_html()
    if THEME_NAME not in alt.theme.names():
        alt.theme.register(THEME_NAME, enable=False)(_theme)
    alt.theme.enable(THEME_NAME)


def listing(items: Iterable[tuple[object, object]], *, limit: int = 40) -> str:
    """``"a: 1; b: 2"`` for (label, value) pairs; after ``limit`` pairs, ``"; and N more"``."""
    pairs = [f"{label}: {value}" for label, value in items]
    shown = "; ".join(pairs[:limit])
    return shown + (f"; and {len(pairs) - limit} more" if len(pairs) > limit else "")


def describe(chart: ChartT, kind: str, title: str, details: str) -> ChartT:
    """Give ``chart`` its text alternative: ``"<kind>: <title>. <details>"``.

    The text goes into the Vega-Lite ``description``, which vega-embed makes the chart's
    ``aria-label``. ``details`` says what the chart shows, with its numbers (see
    :func:`listing`), so a reader who cannot see the picture gets the same facts.
    """
    chart["description"] = f"{kind}: {title.rstrip('.')}. {details}".strip()
    return chart


def count_bar(
    frame: pd.DataFrame,
    category: str,
    count: str,
    *,
    title: str,
    category_title: str,
    count_title: str = "Number of firms",
    subtitle: str | None = None,
) -> alt.Chart:
    """Horizontal bars of counts per category, categories in the frame's row order."""
    use_book_theme()
    order = list(frame[category].astype(str))
    chart: alt.Chart = (
        alt.Chart(frame, title=alt.Title(title, subtitle=subtitle or alt.Undefined))
        .mark_bar(color=PALETTE[0])
        .encode(
            y=alt.Y(f"{category}:N", sort=order, title=category_title),
            x=alt.X(f"{count}:Q", title=count_title, axis=alt.Axis(tickMinStep=1)),
            tooltip=[
                alt.Tooltip(f"{category}:N", title=category_title),
                alt.Tooltip(f"{count}:Q", title=count_title),
            ],
        )
        .properties(width=WIDTH, height=alt.Step(22))
    )
    counts = zip(order, frame[count], strict=True)
    return describe(
        chart, "Bar chart", title, f"{count_title} per {category_title}: {listing(counts)}."
    )
