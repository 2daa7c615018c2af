"""Write the MyST-Markdown chapters as JupyterLab saves them, so that saving changes nothing.

Usage: python tests/book/normalise_chapters.py [--check] [CHAPTER.md ...]

A chapter is *normalised* when a jupytext round trip (read, then write in the ``md:myst``
format with the repository's ``jupytext.toml``) gives back the same text, with the kernelspec
that JupyterLab writes for the ``python3`` kernel of ipykernel. JupyterLab saves a text
notebook through the same jupytext writer and configuration, so a normalised chapter is saved
unchanged. Without ``--check`` the chapters are rewritten; with it, the names of the chapters
that are not normalised are printed and the exit status is 1. Without chapters, every
``book/*.md`` with a kernelspec is taken.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
from jupytext.config import load_jupytext_config

ROOT = Path(__file__).resolve().parents[2]
FORMAT = "md:myst"
# What JupyterLab writes for ipykernel's python3 kernel, in its order.
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def chapters() -> list[Path]:
    return sorted(p for p in (ROOT / "book").glob("*.md") if "kernelspec:" in p.read_text())


def normalised(path: Path) -> str:
    """The text of ``path`` after the round trip JupyterLab's save makes."""
    config = load_jupytext_config(str(path.resolve().parent))
    notebook = jupytext.reads(path.read_text(encoding="utf-8"), fmt=FORMAT)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    return str(jupytext.writes(notebook, fmt=FORMAT, config=config))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a) for a in argv if a != "--check"] or chapters()
    stale = []
    for path in paths:
        text = normalised(path)
        if text != path.read_text(encoding="utf-8"):
            stale.append(path)
            if not check:
                path.write_text(text, encoding="utf-8")
    for path in stale:
        verb = "not normalised" if check else "normalised"
        print(f"{verb}: {path}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
