"""``book/_ext/glue_figure.py``: a ``{figure}`` with ``:glue: key`` and no image is the glued
figure in the book build; with an image path it is Sphinx's figure; anything else is an error.

A small Sphinx project (myst-nb, execution off) is built in a subprocess, so that the
directive's override stays out of this test process. Its notebook carries one glued output,
written by hand the way ``myst_nb.glue`` stores it (``metadata.scrapbook.name``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLUED_TEXT = "the glued chart stands here"

CONF = f"""
import sys
sys.path.insert(0, {str(ROOT / "book" / "_ext")!r})
extensions = ["myst_nb", "glue_figure"]
nb_execution_mode = "off"
numfig = True
exclude_patterns = ["_build"]
"""

GLUED_PAGE = """```{figure}
:name: fig-glued
:glue: chart

The caption of the glued figure.
```
"""

PAGES = {
    "image.md": """# Image

```{figure} picture.png
:name: fig-image

The caption of an image.
```
""",
    "empty.md": """# Neither

```{figure}
:name: fig-empty

No image and no key.
```
""",
    "both.md": """# Both

```{figure} picture.png
:glue: chart

An image and a key.
```
""",
}


def notebook() -> dict:
    """A notebook: a code cell whose output is glued under ``chart``, then the figure."""
    output = {
        "output_type": "display_data",
        "data": {"text/plain": repr(GLUED_TEXT)},
        "metadata": {"scrapbook": {"name": "chart", "mime_prefix": ""}},
    }
    cell = {
        "cell_type": "code",
        "execution_count": 1,
        "metadata": {},
        "outputs": [output],
        "source": "glue('chart', ...)",
    }
    return {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# Glued"},
            cell,
            {"cell_type": "markdown", "metadata": {}, "source": GLUED_PAGE},
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    source = tmp_path_factory.mktemp("glue-figure")
    (source / "conf.py").write_text(CONF)
    (source / "index.md").write_text("# Index\n\n```{toctree}\nglued\nimage\nempty\nboth\n```\n")
    (source / "glued.ipynb").write_text(json.dumps(notebook()))
    for name, text in PAGES.items():
        (source / name).write_text(text)
    # a one-pixel PNG for the image figure
    (source / "picture.png").write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6300010000050001"
            "0d0a2db40000000049454e44ae426082"
        )
    )
    out = source / "_build"
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(source), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return out, run.stderr


def test_a_figure_with_a_glue_key_shows_the_glued_output_and_its_caption(
    built: tuple[Path, str],
) -> None:
    out, _ = built
    page = (out / "glued.html").read_text()
    figure = re.search(r'<figure[^>]*id="fig-glued".*?</figure>', page, re.S)
    assert figure, "no figure with the name fig-glued"
    assert GLUED_TEXT in figure.group(0)
    assert "The caption of the glued figure." in figure.group(0)
    assert "caption-number" in figure.group(0)  # numbered like any figure


def test_a_figure_with_an_image_is_sphinxs_figure(built: tuple[Path, str]) -> None:
    out, _ = built
    page = (out / "image.html").read_text()
    figure = re.search(r'<figure[^>]*id="fig-image".*?</figure>', page, re.S)
    assert figure and "<img" in figure.group(0) and "picture.png" in figure.group(0)


def test_a_figure_with_neither_or_both_is_an_error_naming_its_file(
    built: tuple[Path, str],
) -> None:
    _, errors = built
    assert re.search(r"empty\.md:\d+: ERROR: figure: give an image path", errors), errors
    assert re.search(r"both\.md:\d+: ERROR: figure: an image path \(picture\.png\)", errors), (
        errors
    )
