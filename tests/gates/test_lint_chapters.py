"""The chapters' code cells are linted (``book/_ext/lint_chapters.py``, part of ``make lint``):
real errors are found and reported at their line in the chapter; what is normal in a notebook
(imports in a later cell, a cell ending in an expression) is not."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEADER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3 (ipykernel)
  language: python
  name: python3
---

# A chapter
"""


@pytest.fixture(scope="module")
def lint_chapters() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location(
        "lint_chapters", ROOT / "book/_ext/lint_chapters.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up while being made
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def write(tmp_path: Path, body: str) -> Path:
    chapter = tmp_path / "chapter.md"
    chapter.write_text(HEADER + body, encoding="utf-8")
    return chapter


def test_errors_are_reported_at_their_line_in_the_chapter(
    lint_chapters: ModuleType, tmp_path: Path
) -> None:
    body = (
        "\n```{code-cell} ipython3\n"  # line 14 is the fence
        ":tags: [remove-cell]\n"
        "\n"
        "import os\n"  # line 17: unused
        "x = undefined_name\n"  # line 18
        "```\n"
        "\nSome text.\n\n"
        "```{code-cell} ipython3\n"  # line 23
        "---\n"
        "tags: [hide-input]\n"
        "---\n"
        "x == None\n"  # line 27
        "```\n"
    )
    chapter = write(tmp_path, body)
    assert chapter.read_text().splitlines()[16] == "import os"  # the lines counted above
    found = lint_chapters.lint([chapter], tmp_path / "lint")
    assert {(f.line, f.code) for f in found} == {(17, "F401"), (18, "F821"), (27, "E711")}
    assert all(f.chapter == chapter for f in found)
    assert str(found[0]).startswith(f"{chapter}:")


def test_notebook_habits_are_not_errors(lint_chapters: ModuleType, tmp_path: Path) -> None:
    body = (
        "\n```{code-cell} ipython3\nx = 1\n```\n"
        "\n```{code-cell} ipython3\nimport math\n\nmath.sqrt(x)\n```\n"  # import in a later
        "\n```{code-cell} ipython3\n%%time\nx + 1\n```\n"  # cell, an output, a magic
    )
    assert lint_chapters.lint([write(tmp_path, body)], tmp_path / "lint") == []


def test_the_book_finds_its_chapters(lint_chapters: ModuleType) -> None:
    names = {path.stem for path in lint_chapters.chapters()}
    assert {"01_introduction", "04_virtualisation", "own_data"} <= names
    assert "glossary" not in names  # a page without a kernel is not a notebook
