"""Time the standard-library engine's full analysis of a CSV table (numpy and pandas blocked).

Run: ``python tests/bench/stdlib_analysis.py FILE.csv DECISION ID COND1,COND2,... [REPEAT]``;
prints one JSON line ``{"wall": s, "cpu": s, "numpy_loaded": false}`` with the median seconds
of one full analysis: building the table and computing indiscernibility classes,
approximations, positive region, quality, significance, core, reducts, LEM2 rules and
leave-one-out accuracy. ``bench_roughsets.py`` runs it for the 21 firms.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import time
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType


class _Block:
    """Meta-path finder refusing numpy and pandas (as under Pyodide)."""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name.split(".")[0] in ("numpy", "pandas"):
            raise ImportError(f"{name} blocked (standard-library mode)")
        return None


def main(argv: list[str]) -> int:
    sys.meta_path.insert(0, _Block())
    from clusterlab.roughsets import DecisionTable

    path, decision, id_column, conditions = argv[:4]
    repeat = int(argv[4]) if len(argv) > 4 else 30
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    columns = {name: [row[j] for row in rows[1:]] for j, name in enumerate(rows[0])}

    def analyse() -> None:
        dt = DecisionTable(columns, decision, conditions.split(","), id_column)
        dt.indiscernibility_classes()
        dt.approximations()
        dt.positive_region()
        dt.quality()
        dt.significance()
        dt.core()
        dt.reduct_search()
        dt.rules("lem2")
        dt.loo_accuracy("lem2")

    walls, cpus = [], []
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        analyse()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    result = {
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus),
        "numpy_loaded": "numpy" in sys.modules,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
