"""clusterlab.notebook: glue for the book, figures shown in Jupyter, charts drawn offline."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from IPython.display import Markdown

from clusterlab import notebook

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[Any]]]:
    """Record what glue hands to myst-nb and to IPython's display."""
    seen: dict[str, list[Any]] = {"myst": [], "shown": []}

    def myst_glue(name: str, value: object, display: bool = True) -> None:
        seen["myst"].append((name, value, display))

    monkeypatch.setattr(notebook, "_myst_glue", lambda: myst_glue)
    monkeypatch.setattr("IPython.display.display", lambda value: seen["shown"].append(value))
    yield seen


@pytest.fixture
def renderer() -> Iterator[None]:
    before = alt.renderers.active
    yield
    alt.renderers.enable(before)


def a_chart() -> alt.Chart:
    return alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point().encode(x="x")


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.text(), st.booleans()))
def test_numbers_and_text_are_not_figures(value: object) -> None:
    assert not notebook.is_figure(value)


@pytest.mark.parametrize(
    "value", [a_chart(), pd.DataFrame({"a": [1]}), Markdown("**x**")], ids=type
)
def test_charts_tables_and_markdown_are_figures(value: object) -> None:
    assert notebook.is_figure(value)


def test_book_build_is_told_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(notebook.BOOK_BUILD_VARIABLE, raising=False)
    assert not notebook.in_book_build()
    monkeypatch.setenv(notebook.BOOK_BUILD_VARIABLE, "1")
    assert notebook.in_book_build()
    monkeypatch.setenv(notebook.BOOK_BUILD_VARIABLE, "0")
    assert not notebook.in_book_build()


def test_in_jupyter_a_glued_figure_is_shown_and_a_number_is_not(
    monkeypatch: pytest.MonkeyPatch, calls: dict[str, list[Any]]
) -> None:
    monkeypatch.delenv(notebook.BOOK_BUILD_VARIABLE, raising=False)
    chart = a_chart()
    notebook.glue("fig", chart, display=False)
    notebook.glue("n", 21, display=False)
    assert calls["shown"] == [chart]
    assert calls["myst"] == [("fig", chart, False), ("n", 21, False)]
    notebook.glue("shown_n", 3, display=True)
    assert calls["shown"] == [chart, 3]


def test_in_the_book_build_glue_is_myst_nb_glue(
    monkeypatch: pytest.MonkeyPatch, calls: dict[str, list[Any]]
) -> None:
    monkeypatch.setenv(notebook.BOOK_BUILD_VARIABLE, "1")
    chart = a_chart()
    notebook.glue("fig", chart, display=False)
    notebook.glue("n", 21, display=True)
    assert calls["myst"] == [("fig", chart, False), ("n", 21, True)]
    assert calls["shown"] == []


def test_without_myst_nb_jupyter_still_shows_figures(
    monkeypatch: pytest.MonkeyPatch, calls: dict[str, list[Any]]
) -> None:
    monkeypatch.delenv(notebook.BOOK_BUILD_VARIABLE, raising=False)
    monkeypatch.setattr(notebook, "_myst_glue", lambda: None)
    chart = a_chart()
    notebook.glue("fig", chart)
    assert calls["shown"] == [chart]


def test_book_build_without_myst_nb_says_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(notebook.BOOK_BUILD_VARIABLE, "1")
    monkeypatch.setattr(notebook, "_myst_glue", lambda: None)
    with pytest.raises(RuntimeError, match="myst-nb"):
        notebook.glue("n", 1)


@pytest.mark.skipif(
    any(importlib.util.find_spec(p) is None for p in ("anywidget", "vl_convert")),
    reason="anywidget and vl-convert-python are pinned in binder/requirements.txt",
)
def test_charts_use_the_offline_widget_renderer_in_jupyter_only(
    monkeypatch: pytest.MonkeyPatch, renderer: None
) -> None:
    alt.renderers.enable("html")
    monkeypatch.setenv(notebook.BOOK_BUILD_VARIABLE, "1")
    notebook.use_offline_charts()
    assert alt.renderers.active == "html"  # the book keeps its renderer
    monkeypatch.delenv(notebook.BOOK_BUILD_VARIABLE)
    notebook.use_offline_charts()
    assert alt.renderers.active == "jupyter"
    bundle = a_chart()._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "cdn.jsdelivr" not in str(bundle) and "esm.sh" not in str(bundle)


def test_the_book_extension_sets_the_variable_glue_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(notebook.BOOK_BUILD_VARIABLE, raising=False)
    spec = importlib.util.spec_from_file_location(
        "notebook_mode", ROOT / "book" / "_ext" / "notebook_mode.py"
    )
    assert spec is not None and spec.loader is not None
    extension = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extension)
    extension.setup(object())
    assert notebook.in_book_build()
    assert "notebook_mode: book/_ext" in (ROOT / "_config.yml").read_text()


def test_chapters_glue_through_clusterlab_not_myst_nb() -> None:
    for page in sorted((ROOT / "book").glob("*.md")):
        text = page.read_text()
        if "glue(" in text:
            assert "from myst_nb import glue" not in text, page.name
            assert "from clusterlab.notebook import glue" in text, page.name
