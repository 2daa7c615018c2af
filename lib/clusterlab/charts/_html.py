"""Charts in HTML with their data escaped: a name or value such as ``</script>`` cannot end the
script block that carries the chart's specification.

Altair writes the specification into a ``<script>`` block with :func:`json.dumps`, which leaves
``<`` as it is. :class:`SafeJSONEncoder` writes ``<``, ``>`` and ``&`` as ``\\u003c``,
``\\u003e`` and ``\\u0026`` (the same JSON: a parser reads the same strings back).
:func:`enable_safe_html` makes Altair's notebook renderer use it (the book's pages come from
that renderer; :func:`clusterlab.charts.base.use_book_theme` calls it), and :func:`to_html` is
``chart.to_html`` with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import altair as alt

__all__ = ["SafeJSONEncoder", "enable_safe_html", "to_html"]

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def _escape(text: str) -> str:
    for char, code in _ESCAPES.items():
        text = text.replace(char, code)
    return text


class SafeJSONEncoder(json.JSONEncoder):
    """JSON with ``<``, ``>`` and ``&`` written as unicode escapes (safe inside HTML)."""

    def encode(self, o: Any) -> str:
        return _escape(super().encode(o))

    def iterencode(self, o: Any, _one_shot: bool = False) -> Iterator[str]:
        for chunk in super().iterencode(o, _one_shot):
            yield _escape(chunk)


def enable_safe_html() -> None:
    """Make Altair's default (HTML) renderer escape the specification (idempotent)."""
    if alt.renderers.active in ("default", "html") and not alt.renderers.options.get("json_kwds"):
        alt.renderers.enable(alt.renderers.active, json_kwds={"cls": SafeJSONEncoder})


def to_html(chart: alt.TopLevelMixin, **kwargs: Any) -> str:
    """``chart.to_html(**kwargs)`` with the specification escaped (see the module docstring)."""
    return str(chart.to_html(json_kwds={"cls": SafeJSONEncoder}, **kwargs))
