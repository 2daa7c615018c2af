"""The chapters as a teacher sees them in JupyterLab: opened as notebooks, Run All, offline.

One JupyterLab server from the project's environment (127.0.0.1, a token, no browser, the
Binder settings of ``binder/lab-overrides.json``) serves every chapter; headless Debian chromium
opens each ``.md`` as a notebook (jupytext), runs all cells and reads the page: admonitions,
numbers, charts, figure captions and explorers rendered, no MyST shown as unknown. Every request
that leaves 127.0.0.1 is refused and recorded. See ``jupyterlab_session.py`` for the driver.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from jupyterlab_session import (
    GLUE_KEY,
    ROOT,
    ChapterView,
    Lab,
    chapters,
    close_all,
    jupyterlab,
    offline_context,
    open_and_run,
    open_notebook,
    screenshot_notebook,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHAPTERS = chapters()
SCREENSHOTS = os.environ.get("JUPYTERLAB_SCREENSHOTS")
ADMONITION = re.compile(
    r"^(`{3,}|:{3,})\{(admonition|note|warning|tip|important|caution|hint|seealso)\}", re.MULTILINE
)
# The live explorers each chapter must show after Run All, by a text their controls display.
EXPLORERS = {
    "03_rough_set_explorer.md": ["Condition attributes", "Factor", "Break down by"],
    "05_local_embeddedness.md": ["Factor"],
    "06_development_paths.md": ["Break down by"],
}


@pytest.fixture(scope="module")
def lab() -> Iterator[Lab]:
    with jupyterlab() as server:
        yield server


@pytest.fixture(scope="module")
def outside() -> list[str]:
    return []


@pytest.fixture(scope="module")
def tab(browser, outside: list[str]) -> Iterator[object]:
    context = offline_context(browser, outside)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def views(lab: Lab, tab) -> dict[str, ChapterView]:
    """Each chapter opened, run and read once (lazily, in the order the tests ask)."""

    class Views(dict[str, ChapterView]):
        def __missing__(self, name: str) -> ChapterView:
            view = open_and_run(tab, lab, ROOT / "book" / name)
            if SCREENSHOTS:  # for a person to look at: JUPYTERLAB_SCREENSHOTS=folder
                Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
                screenshot_notebook(tab, Path(SCREENSHOTS) / name.replace(".md", ".png"))
            close_all(tab)
            self[name] = view
            return view

    return Views()


@pytest.mark.parametrize("chapter", [p.name for p in CHAPTERS])
def test_chapter_runs_and_reads_as_the_page(views: dict[str, ChapterView], chapter: str) -> None:
    view = views[chapter]
    source = (ROOT / "book" / chapter).read_text()
    assert view.code_cells > 0
    assert view.executed == view.code_cells, f"{chapter}: not every code cell ran"
    assert view.errors == [], f"{chapter}: error output {view.errors}"
    written = len(ADMONITION.findall(source))
    assert view.admonitions >= written, f"{chapter}: admonitions shown raw (no jupyterlab-myst?)"
    glued = source.count("\n:glue: ")
    if glued:
        assert view.charts_drawn > 0, f"{chapter}: glued figures not drawn in the notebook"
    assert view.captions >= glued, f"{chapter}: {view.captions} figure captions for {glued}"
    assert view.unknown_directives == [], f"{chapter}: {view.unknown_directives}"
    for label in EXPLORERS.get(chapter, []):
        assert any(label in w for w in view.widgets), f"{chapter}: no explorer with {label!r}"
    assert len(view.widgets) >= len(EXPLORERS.get(chapter, []))
    assert view.labels_cut == [], f"{chapter}: widget labels cut: {view.labels_cut}"


def test_no_request_left_the_machine(views: dict[str, ChapterView], outside: list[str]) -> None:
    for chapter in CHAPTERS:  # every chapter has run by now (or runs here)
        views[chapter.name]
    assert outside == [], f"requests outside 127.0.0.1 (refused): {sorted(set(outside))[:5]}"
    assert sum(views[c.name].charts_drawn for c in CHAPTERS) > 0


def test_glued_numbers_replace_their_keys(views: dict[str, ChapterView]) -> None:
    """The prose's {eval}`fact("key")` roles show the value (jupyterlab-myst evaluates them in
    the kernel after Run All), never the key or an error."""
    keyed = [c.name for c in CHAPTERS if GLUE_KEY.search((ROOT / "book" / c.name).read_text())]
    assert len(keyed) >= 10, "the chapters no longer write their numbers as fact() roles"
    shown = {name: views[name].glue_keys_shown for name in keyed}
    assert {name: keys for name, keys in shown.items() if keys} == {}


def copy_of(chapter: str, folder: str) -> Path:
    """A copy of ``book/<chapter>`` under the server's root, in ``_build/<folder>``."""
    target = ROOT / "_build" / folder
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "book" / chapter, target / chapter)
    return target / chapter


def save_and_close(tab) -> None:
    """Save the open notebook, wait until it is no longer dirty, close everything."""
    tab.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    tab.wait_for_function(
        "() => !document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)')"
        ".title?.classList?.contains('jp-mod-dirty')",
        timeout=30_000,
    )
    tab.wait_for_timeout(1000)
    close_all(tab)


@pytest.mark.parametrize("chapter", ["01_introduction.md", "own_data.md"])
def test_saving_a_chapter_in_jupyterlab_changes_nothing(lab: Lab, tab, chapter: str) -> None:
    """A copy of the chapter (under the server's root) opened as a notebook and saved."""
    copy = copy_of(chapter, "lab-save-check")
    before = copy.read_bytes()
    open_notebook(tab, lab, copy)
    save_and_close(tab)
    assert copy.stat().st_size > 0
    assert copy.read_bytes() == before, f"saving {chapter} rewrote it: run 'make normalise'"


def test_saving_a_chapter_after_run_all_changes_nothing(lab: Lab, tab) -> None:
    """Run All stores each {eval} result in the cell's metadata (``user_expressions``);
    ``jupytext.toml`` keeps that metadata out of the saved chapter."""
    copy = copy_of("01_introduction.md", "lab-save-after-run")
    before = copy.read_bytes()
    view = open_and_run(tab, lab, copy)
    assert view.glue_keys_shown == [] and view.errors == [], view
    save_and_close(tab)
    assert copy.read_bytes() == before, "saving after Run All rewrote the chapter"
