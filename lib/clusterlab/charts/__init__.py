"""Altair chart builders: the one place where the book's visual style lives.

``base`` holds the theme and the generic builders; each topic has its own module. Chapters
import from ``clusterlab.charts`` only. (One re-export line per topic module below.)
"""

from clusterlab.charts._html import to_html
from clusterlab.charts.base import (
    NETWORK_COLOURS,
    PALETTE,
    count_bar,
    use_book_theme,
)
from clusterlab.charts.data import *  # noqa: F403  (data and method, virtualisation: ch. 2, 4)
from clusterlab.charts.embeddedness import *  # noqa: F403  (local embeddedness, chapter 5)
from clusterlab.charts.overview import *  # noqa: F403  (introduction and conclusion)
from clusterlab.charts.paths import *  # noqa: F403  (development paths, chapter 6)
from clusterlab.charts.roughsets import *  # noqa: F403  (rough sets, chapter 3 and own data)

__all__ = ["NETWORK_COLOURS", "PALETTE", "count_bar", "to_html", "use_book_theme"]
