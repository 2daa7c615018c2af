"""Every chapter is stored as JupyterLab saves it (``make normalise`` writes them so)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "book"))

from normalise_chapters import KERNELSPEC, chapters, main, normalised  # noqa: E402

CHAPTERS = chapters()


def test_chapters_are_found() -> None:
    names = {p.name for p in CHAPTERS}
    assert {"01_introduction.md", "own_data.md"} <= names
    assert "bibliography.md" not in names  # no kernelspec: not a notebook


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_chapter_is_normalised(chapter: Path) -> None:
    assert normalised(chapter) == chapter.read_text(encoding="utf-8"), (
        f"{chapter.name} is not normalised: run 'make normalise'"
    )


def test_header_holds_ipykernel_kernelspec_and_no_jupytext_version() -> None:
    header = CHAPTERS[0].read_text().split("---", 2)[1]
    assert "jupytext_version" not in header
    assert f"display_name: {KERNELSPEC['display_name']}" in header


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda t: t.replace("display_name: Python 3 (ipykernel)", "display_name: Python 3"),
         "kernel name JupyterLab rewrites"),
        (lambda t: t.replace(":tags: [remove-cell]\n\n", ":tags: [remove-cell]\n", 1),
         "blank line jupytext adds after cell options"),
        (lambda t: t.replace("format_version: 0.13\n",
                             "format_version: 0.13\n    jupytext_version: 1.19.6\n", 1),
         "jupytext version in the header"),
    ],
)  # fmt: skip
def test_check_fails_on_a_chapter_saving_would_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change, why: str
) -> None:
    text = (ROOT / "book" / "01_introduction.md").read_text()
    changed = change(text)
    assert changed != text, why
    (tmp_path / "jupytext.toml").write_text((ROOT / "jupytext.toml").read_text())
    page = tmp_path / "01_introduction.md"
    page.write_text(changed)
    assert main(["--check", str(page)]) == 1, why
    assert "not normalised" in capsys.readouterr().out
    assert main([str(page)]) == 0  # rewrites it
    assert page.read_text() == text
