"""Benchmark of the rough-set engine (a plain script, not collected by pytest).

Run: ``python tests/bench/bench_roughsets.py`` (``make bench``). Prints one row per case: the
median wall-clock and CPU time of several runs, the target and pass/FAIL (judged on wall-clock
time). Exit code 1 when a target is missed.
Tables are random categorical tables from a fixed seed.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlab import ensemble
from clusterlab.data import ARTICLE_CONDITIONS, DECISION
from clusterlab.roughsets import DecisionTable

ROOT = Path(__file__).resolve().parents[2]
ROUGHSETS_R_SECONDS = 11 + 7.5  # shared/TOOLCHAIN.md: RoughSets, 2000 x 12: matrix + LEM2


def random_frame(n: int, m: int, values: int, seed: int) -> pd.DataFrame:
    """``n`` rows, ``m`` conditions ``c1..cm`` with ``values`` categories, binary decision
    ``d`` that depends on the first three conditions with 10 % noise."""
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, values, size=(n, m))
    frame = pd.DataFrame({f"c{j + 1}": [f"v{k}" for k in codes[:, j]] for j in range(m)})
    signal = (codes[:, 0] + codes[:, 1] * codes[:, 2]) % 2
    noise = rng.random(n) < 0.1
    frame["d"] = np.where(signal ^ noise, "yes", "no")
    return frame


def median_time(func: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds (this process plus finished children)."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = _cpu()
        start = time.perf_counter()
        func()
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - before)
    return statistics.median(walls), statistics.median(cpus)


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def full_analysis(dt: DecisionTable) -> None:
    dt.reducts()
    dt.core()
    dt.rules("lem2")


def all_subsets_quality(dt: DecisionTable) -> None:
    for k in range(len(dt.conditions) + 1):
        for subset in itertools.combinations(dt.conditions, k):
            dt.quality(subset)


def cli_run(path: str) -> None:
    cmd = [sys.executable, "-m", "clusterlab", "analyse", path, "--decision", "d", "--json"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)


def stdlib_firms_row() -> tuple[str, float, float, float | None]:
    """The standard-library engine (numpy and pandas blocked, in a child process) on the 21
    firms (a reconstruction matching the article's published aggregates): median seconds of one
    full analysis, see ``stdlib_analysis.py``."""
    script = Path(__file__).with_name("stdlib_analysis.py")
    cmd = [
        sys.executable,
        str(script),
        str(ROOT / "data" / "firms.csv"),
        DECISION,
        "firm_id",
        ",".join(ARTICLE_CONDITIONS),
    ]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    result = json.loads(out.stdout)
    assert result["numpy_loaded"] is False
    name = "21 firms x 5: standard-library engine, full analysis"
    return name, result["wall"], result["cpu"], 0.030


def main() -> int:
    small_frame = random_frame(21, 9, 3, seed=1)
    small = DecisionTable(small_frame, decision="d")
    big = DecisionTable(random_frame(100_000, 20, 4, seed=3), decision="d")
    tmp = tempfile.TemporaryDirectory()
    csv_path = os.path.join(tmp.name, "random_2000x12.csv")
    random_frame(2000, 12, 3, seed=2).to_csv(csv_path, index=False)
    wide_path = os.path.join(tmp.name, "random_2000x20.csv")
    wide_frame = random_frame(2000, 20, 3, seed=2)
    wide_frame.to_csv(wide_path, index=False)
    wide = DecisionTable(wide_frame, decision="d")
    cases: list[tuple[str, Callable[[], object], int, float | None]] = [
        (
            "21 x 9: table + all reducts + core + LEM2",
            lambda: full_analysis(DecisionTable(small_frame, decision="d")),
            9,
            0.020,
        ),
        ("21 x 9: quality of all 2^9 subsets", lambda: all_subsets_quality(small), 5, 2.0),
        ("2000 x 12 CSV: CLI analyse --json (process)", lambda: cli_run(csv_path), 5, 0.5),
        ("100000 x 20: quality", big.quality, 5, 0.2),
        ("100000 x 20: heuristic reduct", big.heuristic_reduct, 3, None),
        (
            "ensemble: draw 1000 tables + findings shares",
            lambda: ensemble.timed_shares(1000),
            3,
            10.0,
        ),
        ("2000 x 20: reduct search, cap 1000 (engine)", wide.reduct_search, 3, 10.0),
        (
            "2000 x 20 CSV: CLI analyse --json, cap 1000 (process)",
            lambda: cli_run(wide_path),
            3,
            10.0,
        ),
    ]
    rows = [(name, *median_time(func, repeat), target) for name, func, repeat, target in cases]
    rows.append(stdlib_firms_row())
    tmp.cleanup()
    width = max(len(r[0]) for r in rows)
    print(f"{'case':<{width}}  {'wall s':>8}  {'cpu s':>8}  {'target s':>8}  result")
    failed = 0
    for name, wall, cpu, target in rows:
        verdict = "-" if target is None else ("pass" if wall < target else "FAIL")
        failed += verdict == "FAIL"
        shown = "-" if target is None else f"{target:.3f}"
        print(f"{name:<{width}}  {wall:8.4f}  {cpu:8.4f}  {shown:>8}  {verdict}")
    print(
        f"(medians; the verdict uses wall-clock time; load average {os.getloadavg()[0]:.2f} "
        f"on {os.cpu_count()} CPUs - other work on the machine inflates wall time)"
    )
    print(
        "\nFor comparison (cited from shared/TOOLCHAIN.md, not measured here): R RoughSets "
        f"needs ~11 s (discernibility matrix) + ~7.5 s (LEM2) = ~{ROUGHSETS_R_SECONDS:.0f} s "
        "for the 2000 x 12 work."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
