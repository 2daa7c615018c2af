"""The chapters' link to where they run: the book build, or a reader's Jupyter kernel.

A chapter is executed in two places. The book build (Jupyter Book, i.e. myst-nb) pastes glued
values into the text and glued figures into ``{figure}`` blocks with a ``:glue:`` key
(``book/_ext/glue_figure.py``). A reader who opens the chapter in JupyterLab or on Binder runs
the same cells in an interactive kernel, where nothing pastes glued values: a figure glued with
``display=False`` would never appear.

Definitions used here:

- *book build*: the kernel's environment has ``CLUSTERLAB_BOOK_BUILD=1``. The book's Sphinx
  extension ``book/_ext/notebook_mode.py`` sets it in the build process, and the kernels that
  myst-nb starts inherit it. Anything else (JupyterLab, Binder, nbclient, VS Code) is an
  *interactive kernel*.
- *figure*: a value with a rich display of its own (an Altair chart, a widget, a DataFrame,
  Markdown), i.e. one with a ``_repr_mimebundle_`` or ``_repr_*_`` method. Numbers and
  strings are not figures.

:func:`glue` glues in the book build exactly like ``myst_nb.glue``; in an interactive kernel it
shows figures under the cell and records values with myst-nb when it is installed (the
installed library works without it). Either way it keeps the value, so that :func:`fact` can
write it into the prose: the chapters write a glued number as ``{eval}`fact("key", ".2f")```.
JupyterLab's MyST renderer (jupyterlab-myst) evaluates that expression in the kernel; the book
build reads it as ``{glue:text}`key:.2f``` (``book/_ext/fact_role.py``), from the executed
chapter. :func:`use_offline_charts` makes Altair draw charts
without a CDN in an interactive kernel (the JupyterChart widget with the JavaScript that
vl-convert bundles); the book build keeps its own offline HTML renderer.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from typing import Any

BOOK_BUILD_VARIABLE = "CLUSTERLAB_BOOK_BUILD"
_GLUED: dict[str, object] = {}
_RICH_DISPLAY_METHODS = (
    "_repr_mimebundle_",
    "_repr_html_",
    "_repr_markdown_",
    "_repr_svg_",
    "_repr_png_",
    "_repr_jpeg_",
    "_repr_latex_",
)


def in_book_build() -> bool:
    """True when this kernel executes a chapter for the book (see the module docstring)."""
    return os.environ.get(BOOK_BUILD_VARIABLE) == "1"


def is_figure(value: object) -> bool:
    """True for values with a rich display of their own (charts, widgets, tables, Markdown)."""
    if isinstance(value, str | bytes | int | float | complex):
        return False
    return any(callable(getattr(value, name, None)) for name in _RICH_DISPLAY_METHODS)


def _myst_glue() -> Any | None:
    if importlib.util.find_spec("myst_nb") is None:
        return None
    from myst_nb import glue as myst_glue

    return myst_glue


def glue(name: str, value: object, display: bool = False) -> None:
    """Glue ``value`` under ``name`` for the book; in Jupyter also show it if it is a figure.

    In the book build this is ``myst_nb.glue(name, value, display=display)``. In an interactive
    kernel a figure is displayed under the cell (so that what the book pastes elsewhere is seen
    in the notebook too); other values are shown only when ``display`` is true.
    """
    _GLUED[name] = value
    myst_glue = _myst_glue()
    if in_book_build():
        if myst_glue is None:
            raise RuntimeError("the book build needs myst-nb: see binder/requirements.txt")
        myst_glue(name, value, display=display)
        return
    if myst_glue is not None:
        myst_glue(name, value, display=False)
    if display or is_figure(value):
        from IPython import display as ipython_display

        show: Callable[[object], None] = ipython_display.display  # untyped in IPython
        show(value)


class Shown(str):
    """Text that displays as itself: its ``repr`` has no quotes, so a notebook (and
    jupyterlab-myst's ``{eval}``) shows ``0.86``, not ``'0.86'``."""

    def __repr__(self) -> str:
        return str(self)


def format_fact(value: object, spec: str = "") -> str:
    """``value`` written with the format ``spec`` as myst-nb's ``{glue:text}`key:spec```
    writes it: no spec gives ``str(value)``; the spec's last letter picks the conversion
    (``s`` text, ``d``/``x``/... integer, ``f``/``%``/``e``/``g``/... float)."""
    if spec == "":
        return str(value)
    kind = spec[-1]
    shown: object = value
    if kind == "s":
        shown = str(value)
    elif kind in "bcdoxX":
        shown = int(value)  # type: ignore[call-overload]
    elif kind in "eEfFgGn%":
        shown = float(value)  # type: ignore[arg-type]
    return format(shown, spec)


def fact(name: str, spec: str = "") -> Shown:
    """The value glued under ``name`` in this kernel, written with the format ``spec``
    (:func:`format_fact`): what ``{eval}`fact("name", "spec")``` shows in the prose.

    Raises a ``KeyError`` naming the key when nothing was glued under it (run the cells above
    first)."""
    if name not in _GLUED:
        raise KeyError(f"nothing glued under {name!r}: run the cells above this text first")
    return Shown(format_fact(_GLUED[name], spec))


def use_offline_charts() -> None:
    """Let Altair draw charts offline in an interactive kernel.

    Uses Altair's ``jupyter`` renderer (the JupyterChart widget, needs ``anywidget``) with
    ``offline=True`` (its JavaScript bundled by ``vl-convert-python``): no request leaves the
    machine. In the book build, or when either package is missing, Altair's renderer is left as
    it is.
    """
    import altair as alt

    if in_book_build():
        return
    if any(importlib.util.find_spec(p) is None for p in ("anywidget", "vl_convert")):
        return
    alt.renderers.enable("jupyter", offline=True)
