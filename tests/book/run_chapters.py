"""Execute MyST-Markdown chapters top to bottom with nbclient, as a reader's kernel would.

Usage: python tests/book/run_chapters.py CHAPTER.md [...]

Runs with whatever Python calls it, so a test can point it at a freshly built environment
(what Binder builds). Chapters run two at a time (each in its own process and kernel; one at
a time on a single CPU). Prints one line per chapter with its time, in the order given;
exits 1 naming the first chapter (in that order) and the cell that failed.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
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


def run_one(name: str) -> tuple[float | None, str]:
    """``(seconds, "")`` when the chapter ran, ``(None, error line)`` when a cell failed."""
    try:
        return run(Path(name)), ""
    except CellExecutionError as error:
        return None, str(error).strip().splitlines()[-1]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    workers = max(1, min(2, os.cpu_count() or 1, len(argv)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(run_one, argv))
    failures = []
    for name, (seconds, error) in zip(argv, results, strict=True):
        if seconds is None:
            failures.append(f"FAILED {name}: {error}")
        else:
            print(f"ok {seconds:6.1f} s  {name}")
    if failures:
        print(failures[0], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
