"""``python -m clusterlab.reconstruct``: verify the data files, or rebuild them safely."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from clusterlab.reconstruct.checks import verify
from clusterlab.reconstruct.files import apply, build, describe, plan_write
from clusterlab.reconstruct.solver import SEED

__all__ = ["main"]


def main(argv: Sequence[str] | None = None, printer: Callable[[str], None] = print) -> int:
    """``python -m clusterlab.reconstruct [--write [--force]] [--seed N] [--data-dir DIR]``.

    Without ``--write``: check every constraint on the files. With ``--write``: rebuild the
    files; an existing file is replaced by different content only with ``--force`` (without
    it, the differences are shown, nothing is written and the exit status is 1). Then the
    written files are checked. Exit status 0 when every constraint holds.
    """
    parser = argparse.ArgumentParser(
        prog="python -m clusterlab.reconstruct",
        description="Check the reconstructed data files, or rebuild them (--write).",
    )
    parser.add_argument("--write", action="store_true", help="rebuild data/*.csv")
    parser.add_argument(
        "--force", action="store_true", help="with --write: replace files with different content"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--data-dir", type=Path, default=None, help="default: the data in use")
    args = parser.parse_args(argv)
    if args.write:
        plan = plan_write(args.data_dir, build(args.seed))
        if any(c.status == "changed" for c in plan) and not args.force:
            for line in describe(plan):
                printer(line)
            printer("nothing written: re-run with --force to replace the changed file(s)")
            return 1
        apply(plan)
        for change in plan:
            state = {"same": "unchanged", "new": "wrote", "changed": "replaced"}[change.status]
            printer(f"{state} {change.path}")
    results = verify(args.data_dir)
    for r in results:
        printer(f"{'ok  ' if r.holds else 'FAIL'} [{r.group}] {r.name}: {r.detail}")
    failed = sum(not r.holds for r in results)
    printer(f"{len(results) - failed}/{len(results)} constraints hold")
    return 1 if failed else 0
