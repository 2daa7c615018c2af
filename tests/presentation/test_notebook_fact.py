"""clusterlab.notebook.fact and the book's fact role: a glued value written into the prose
the same way in JupyterLab (the kernel evaluates ``fact("key", "spec")``) and in the book build
(``book/_ext/fact_role.py`` pastes it as ``{glue:text}`key:spec```)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st
from myst_nb.core.variables import format_plain_text

from clusterlab import notebook

ROOT = Path(__file__).resolve().parents[2]
SPECS = ["", ".0%", ".1%", ".1f", "+.1f", ".2f", ".3f", ".0f", "d", "s"]


def _fact_role() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fact_role", ROOT / "book/_ext/fact_role.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def no_myst(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(notebook.BOOK_BUILD_VARIABLE, raising=False)
    monkeypatch.setattr(notebook, "_myst_glue", lambda: None)


def test_a_glued_value_is_written_with_its_format() -> None:
    notebook.glue("t_quality", 6 / 7)
    notebook.glue("t_firms", 21)
    notebook.glue("t_rule", "IF a = b THEN d = e")
    # 6/7 = 0.857142...: worked out by hand
    assert notebook.fact("t_quality", ".2f") == "0.86"
    assert notebook.fact("t_quality", ".0%") == "86%"
    assert notebook.fact("t_quality", "+.1f") == "+0.9"
    assert notebook.fact("t_firms") == "21"
    assert notebook.fact("t_rule") == "IF a = b THEN d = e"


def test_a_fact_displays_without_quotes() -> None:
    notebook.glue("t_text", "global")
    assert repr(notebook.fact("t_text")) == "global"


def test_an_unknown_key_names_itself() -> None:
    with pytest.raises(KeyError, match="t_never_glued"):
        notebook.fact("t_never_glued")


values = st.one_of(
    st.integers(-(10**6), 10**6),
    st.floats(-1e6, 1e6, allow_nan=False),
    st.text(alphabet=st.characters(codec="ascii", exclude_characters="\\'\""), max_size=20),
)


@given(values, st.sampled_from(SPECS))
def test_jupyterlab_writes_what_the_book_writes(value: object, spec: str) -> None:
    """format_fact (JupyterLab) agrees with myst-nb's {glue:text} formatting of the glued
    value's text/plain (the book), wherever myst-nb can format it at all."""
    try:
        book = format_plain_text(repr(value), spec)
    except (TypeError, ValueError):
        return  # the book build would fail on this pair: nothing to agree with
    assert notebook.format_fact(value, spec) == book


@pytest.mark.parametrize(
    ("expression", "glue_text"),
    [
        ('fact("ch3_quality")', "ch3_quality"),
        ('fact("ch3_quality", ".2f")', "ch3_quality:.2f"),
        (' fact( "n_1" ,  "+.1f" ) ', "n_1:+.1f"),
        ('fact("x", "")', "x"),
    ],
)
def test_the_book_reads_a_fact_as_glue(expression: str, glue_text: str) -> None:
    assert _fact_role().glue_text(expression) == glue_text


@pytest.mark.parametrize(
    "expression", ["x", "fact(x)", 'fact("a b")', 'fact("a", ".2f", 3)', '__import__("os")']
)
def test_the_book_refuses_other_expressions(expression: str) -> None:
    assert _fact_role().glue_text(expression) is None


def test_every_chapter_that_writes_facts_imports_fact() -> None:
    role = re.compile(r'\{eval\}`fact\("')
    for page in sorted((ROOT / "book").glob("*.md")):
        text = page.read_text()
        assert "{glue:text}" not in text, f"{page.name}: write {{eval}}`fact(...)` instead"
        if role.search(text):
            assert "from clusterlab.notebook import fact" in text, page.name


def test_glued_figures_are_written_as_jupyterlab_reads_them() -> None:
    """jupyterlab-myst does not know myst-nb's ``{glue:figure}``: it shows a red "Unknown
    Directive" box that hides the caption. The chapters write a glued figure as a ``{figure}``
    with ``:glue: key`` and no image (``book/_ext/glue_figure.py``), with a caption."""
    block = re.compile(r"```\{figure\}\n((?::[a-z]+:.*\n)*)\n(.+?)\n```", re.DOTALL)
    glued = 0
    for page in sorted((ROOT / "book").glob("*.md")):
        text = page.read_text()
        assert "{glue:figure}" not in text, f"{page.name}: write {{figure}} with :glue: instead"
        for options, caption in block.findall(text):
            glued += ":glue:" in options
            assert ":name:" in options, f"{page.name}: a figure without a :name:"
            assert caption.strip(), f"{page.name}: a figure without a caption"
    assert glued >= 10, "the chapters no longer glue their figures"
