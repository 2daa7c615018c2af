"""Colour ranges for any number of categories: fixed colours where given, the palette cycling
for the rest (colours repeat beyond the palette's length rather than fail)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from clusterlab.charts.base import NETWORK_COLOURS, PALETTE

__all__ = ["colour_range", "network_colours"]


def colour_range(domain: Sequence[str], fixed: Mapping[str, str] | None = None) -> list[str]:
    """One colour per value of ``domain``: ``fixed[value]`` where given, else the palette's
    colours not already fixed, in order, cycling when there are more values than colours."""
    fixed = dict(fixed or {})
    free = [c for c in PALETTE if c not in fixed.values()] or list(PALETTE)
    out: list[str] = []
    k = 0
    for value in domain:
        if value in fixed:
            out.append(fixed[value])
        else:
            out.append(free[k % len(free)])
            k += 1
    return out


def network_colours(groups: Sequence[str]) -> dict[str, str]:
    """The book's network colours for groups whose name contains ``global`` or ``local``."""
    out: dict[str, str] = {}
    for group in groups:
        for net, colour in NETWORK_COLOURS.items():
            if net in group.lower():
                out[group] = colour
    return out
