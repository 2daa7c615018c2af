"""Execute MyST-Markdown chapters top to bottom with nbclient, as a reader's kernel would.

Usage: python tests/book/run_chapters.py CHAPTER.md [...]

Runs with whatever Python calls it, so a test can point it at a freshly built environment
(what Binder builds). Prints one line per chapter with its time; exits 1 naming the first
chapter and cell that failed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import jupytext
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def run(path: Path, timeout: int = 180) -> float:
    notebook = jupytext.read(path)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for name in argv:
        path = Path(name)
        try:
            seconds = run(path)
        except CellExecutionError as error:
            print(f"FAILED {path}: {str(error).strip().splitlines()[-1]}", file=sys.stderr)
            return 1
        print(f"ok {seconds:6.1f} s  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
