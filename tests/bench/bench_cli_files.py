"""Benchmark of ``clusterlab analyse`` as a whole process on big and wide CSV files (a plain
script, not collected by pytest).

Run: ``python tests/bench/bench_cli_files.py`` (``make bench``). Writes random categorical
tables from a fixed seed into a temporary folder, runs the command line on each (default
options, the report to /dev/null) and prints one row per case: the median wall-clock time of the
runs and of their CPU time (user + system; on a busy machine the wall time grows, the CPU time
much less), the peak memory (maximum resident set size of the child process, from
``os.wait4``), the targets, pass/FAIL (judged on wall time and peak memory), and the report's
"Reducts" line (the honest cap message, if any).

Targets (issue 10): 1,000,000 rows x 5 columns <= 3 s and <= 400 MB; 2,000 x 20 < 10 s;
2,000 x 12 <= 0.22 s (small tables keep starting fast). Exit code 1 when a target is missed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: (name, rows, conditions, runs, seconds target, MB target or None, give up after seconds)
CASES = [
    ("1,000,000 x 5", 1_000_000, 4, 3, 3.0, 400.0, 120.0),
    ("2,000 x 20 (default run)", 2_000, 20, 1, 10.0, None, 180.0),
    ("2,000 x 12", 2_000, 12, 7, 0.22, None, 60.0),
]


def write_table(path: Path, rows: int, conditions: int) -> None:
    """Write the table in a child process: this process stays small, and a child started from
    it does not inherit a big peak memory (Linux counts the parent's peak at fork/exec)."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from bench_cli_files import _write; "
        "_write(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))"
    )
    folder = str(Path(__file__).parent)
    subprocess.run(
        [sys.executable, "-c", code, folder, str(path), str(rows), str(conditions)], check=True
    )


def _write(path: str, rows: int, conditions: int, seed: int = 0) -> None:
    """``rows`` rows of ``conditions`` columns ``c1..`` with values v0..v2 and a binary decision
    ``d`` depending on c1..c3 with 10 % noise."""
    import numpy as np

    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 3, size=(rows, conditions))
    signal = (codes[:, 0] + codes[:, 1] * codes[:, 2 % conditions]) % 2
    decision = np.where(signal ^ (rng.random(rows) < 0.1), "yes", "no")
    cells = np.char.add("v", codes.astype("U1"))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(",".join(f"c{j + 1}" for j in range(conditions)) + ",d\n")
        step = 100_000
        for start in range(0, rows, step):
            block = np.column_stack([cells[start : start + step], decision[start : start + step]])
            handle.write("\n".join(",".join(row) for row in block.tolist()) + "\n")


def run_once(path: Path, out: Path, give_up: float) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MB, exit code and CPU seconds of one CLI process."""
    cmd = [sys.executable, "-m", "clusterlab", "analyse", str(path), "--decision", "d"]
    with out.open("w") as stdout:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
        timer = threading.Timer(give_up, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def reducts_line(out: Path) -> str:
    with out.open() as handle:
        for line in handle:
            if line.startswith("Reducts"):
                return line.strip()
    return "(no Reducts line)"


def main() -> int:
    failed = False
    width = max(len(c[0]) for c in CASES)
    print(
        f"{'case':<{width}}  {'wall s':>7}  {'cpu s':>7}  {'peak MB':>7}  {'target':>14}  "
        "result  report"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name, rows, conditions, runs, seconds, megabytes, give_up in CASES:
            path = Path(folder) / f"t{rows}x{conditions}.csv"
            write_table(path, rows, conditions)
            out = Path(folder) / "out.txt"
            results = [run_once(path, out, give_up) for _ in range(runs)]
            wall = statistics.median(r[0] for r in results)
            peak = max(r[1] for r in results)
            cpu = statistics.median(r[3] for r in results)
            ok = all(r[2] == 0 for r in results) and wall <= seconds
            ok = ok and (megabytes is None or peak <= megabytes)
            failed |= not ok
            target = f"{seconds:g} s" + (f", {megabytes:g} MB" if megabytes else "")
            note = reducts_line(out) if results[-1][2] == 0 else f"exit {results[-1][2]}"
            verdict = "pass" if ok else "FAIL"
            print(
                f"{name:<{width}}  {wall:7.2f}  {cpu:7.2f}  {peak:7.0f}  {target:>14}  "
                f"{verdict:<6}  {note}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
