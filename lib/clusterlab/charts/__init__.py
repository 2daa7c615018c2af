"""Altair chart builders: the one place where the book's visual style lives.

``base`` holds the theme and the generic builders; each topic has its own module. Chapters
import from ``clusterlab.charts`` only. (One re-export line per topic module below.)
"""

from clusterlab.charts.base import (
    NETWORK_COLOURS,
    PALETTE,
    count_bar,
    use_book_theme,
)

__all__ = ["NETWORK_COLOURS", "PALETTE", "count_bar", "use_book_theme"]
