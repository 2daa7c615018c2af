"""Writing the reconstruction into ``data/`` safely: never replacing different content unasked.

:func:`plan_write` compares what :func:`clusterlab.reconstruct.build` produces with the files
on disk; :func:`write` writes only when no existing file would get different content, unless
``force=True``. :func:`describe` turns a plan into a short diff summary for people.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from clusterlab.data import data_dir as _default_dir
from clusterlab.reconstruct.records import build_firms
from clusterlab.reconstruct.solver import SEED, solve_embeddedness

__all__ = [
    "DataOverwriteError",
    "FileChange",
    "apply",
    "build",
    "csv_text",
    "describe",
    "plan_write",
    "write",
]

#: The two reconstructed files, in the order :func:`build` returns their tables.
FILE_NAMES: tuple[str, str] = ("firms.csv", "embeddedness.csv")


class DataOverwriteError(FileExistsError):
    """Writing would replace a data file by different content and ``force`` was not given."""


def build(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reconstructed firm table and embeddedness table (plain dtypes)."""
    firms = build_firms()
    return firms, solve_embeddedness(firms, seed=seed)


def _csv_cell(value: object) -> object:
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    return value


def csv_text(table: pd.DataFrame) -> str:
    """The table as the text of its CSV file (booleans as ``true``/``false``, ``\\n`` line
    ends, no index)."""
    return str(table.map(_csv_cell).to_csv(index=False, lineterminator="\n"))


@dataclass(frozen=True)
class FileChange:
    """What writing would do to one file: ``status`` is ``new``, ``same`` or ``changed``;
    ``text`` is the new content and ``old`` the current one ("" for a new file)."""

    path: Path
    status: Literal["new", "same", "changed"]
    text: str
    old: str

    def diff(self, context: int = 0) -> list[str]:
        """The unified diff from the current to the new content, without the file header."""
        lines = difflib.unified_diff(
            self.old.splitlines(), self.text.splitlines(), lineterm="", n=context
        )
        return [line for line in lines if not line.startswith(("---", "+++"))]


def plan_write(
    directory: str | Path | None = None, tables: tuple[pd.DataFrame, pd.DataFrame] | None = None
) -> list[FileChange]:
    """Compare the built tables (default :func:`build`) with the files in ``directory``
    (default: the data directory in use), byte for byte."""
    out = Path(directory) if directory is not None else _default_dir()
    built = tables if tables is not None else build()
    plan = []
    for name, table in zip(FILE_NAMES, built, strict=True):
        path = out / name
        text = csv_text(table)
        if not path.exists():
            plan.append(FileChange(path, "new", text, ""))
            continue
        old = path.read_bytes().decode("utf-8", errors="replace")
        plan.append(FileChange(path, "same" if old == text else "changed", text, old))
    return plan


def describe(plan: Sequence[FileChange], max_lines: int = 12) -> list[str]:
    """A diff summary: one line per file, and for a changed file its first differing lines."""
    out = []
    for change in plan:
        if change.status != "changed":
            out.append(f"{change.path}: {'unchanged' if change.status == 'same' else 'new file'}")
            continue
        diff = change.diff()
        added = sum(line.startswith("+") for line in diff)
        removed = sum(line.startswith("-") for line in diff)
        out.append(f"{change.path}: would change: {removed} line(s) removed, {added} added")
        body = [line for line in diff if not line.startswith("@@")]
        out += ["  " + line for line in body[:max_lines]]
        if len(body) > max_lines:
            out.append(f"  ... and {len(body) - max_lines} more changed line(s)")
    return out


def write(
    data_dir: str | Path | None = None,
    seed: int = SEED,
    tables: tuple[pd.DataFrame, pd.DataFrame] | None = None,
    *,
    force: bool = False,
) -> tuple[Path, Path]:
    """Write ``firms.csv`` and ``embeddedness.csv`` into ``data_dir`` (default: the data
    directory in use). ``tables``: already built (firms, embeddedness); default ``build(seed)``.

    Files whose content would not change are left untouched. When an existing file would get
    different content, nothing is written and :class:`DataOverwriteError` lists the changes,
    unless ``force`` is true.
    """
    plan = plan_write(data_dir, tables if tables is not None else build(seed))
    changed = [c for c in plan if c.status == "changed"]
    if changed and not force:
        names = ", ".join(str(c.path) for c in changed)
        raise DataOverwriteError(
            f"not written: {names} would change (use force=True / --force to replace)\n"
            + "\n".join(describe(plan))
        )
    apply(plan)
    return plan[0].path, plan[1].path


def apply(plan: Sequence[FileChange]) -> None:
    """Write every new or changed file of ``plan`` (no check: :func:`write` checks first)."""
    for change in plan:
        if change.status != "same":
            change.path.write_text(change.text, encoding="utf-8", newline="")
