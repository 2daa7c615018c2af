"""The book's visual style (theme, colours, sizes) and generic chart builders.

Every chart in the book comes from ``clusterlab.charts``, so colours, fonts, sizes and tooltips
stay consistent. ``use_book_theme()`` registers and enables the theme; the builders call it
themselves, so a chapter only imports and calls a builder.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

THEME_NAME = "clusterlab"
FONT = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"
WIDTH = 520
HEIGHT = 260

# One colour per meaning, used across all chapters.
NETWORK_COLOURS = {"global": "#1b6ca8", "local": "#e08a1e"}
PALETTE = ["#1b6ca8", "#e08a1e", "#3a9a5b", "#b04a5a", "#7b62a3", "#8c8c8c"]


def _theme() -> dict:
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "title": {"fontSize": 15, "anchor": "start", "subtitleColor": "#555"},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridColor": "#e6e6e6"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12},
            "range": {"category": PALETTE},
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
    return (
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
