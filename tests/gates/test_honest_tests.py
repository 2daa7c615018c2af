"""Every test can fail, and no unit test measures time (read from the source with ``ast``).

An assertion *cannot fail* when its condition is true whatever the code under test does:

* a truthy constant or literal (``assert True``, ``assert "text"``, ``assert (x, "message")``,
  which is a non-empty tuple);
* an ``or`` with such an operand (``assert x or True``), an ``and`` of such operands;
* a value compared with itself (``assert x == x``, ``x is x``, ``x <= x``, ``x >= x``);
* a length compared with zero (``len(x) >= 0``).

A test *asserts nothing* when its body has no ``assert``, no ``pytest.raises``/``warns``/
``fail``, no ``assert_*`` call (``pd.testing.assert_frame_equal``) and calls no function of its
own module that (directly or through another such
function) does. A test that only checks that a call does not raise says so with an assertion
on what the call left behind.

Timing: unit tests never read the clock (``time.perf_counter``, ``time.time``,
``time.monotonic``, ``time.process_time``, ``timeit``) - a wall-clock budget fails on a busy
machine and passes on a fast one; speed is measured by ``make bench`` (``tests/bench/``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
CLOCKS = {"perf_counter", "perf_counter_ns", "time", "time_ns", "monotonic", "process_time"}
RAISING = ("raises", "warns", "fail", "deprecated_call")


def always_true(node: ast.expr) -> bool:
    """Whether the condition ``node`` holds whatever its names are bound to."""
    if isinstance(node, ast.Constant):
        return bool(node.value)
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return bool(node.elts)
    if isinstance(node, ast.Dict):
        return bool(node.keys)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and v.value for v in node.values)
    if isinstance(node, ast.BoolOp):
        found = [always_true(v) for v in node.values]
        return any(found) if isinstance(node.op, ast.Or) else all(found)
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left, right, op = node.left, node.comparators[0], node.ops[0]
        reflexive = isinstance(op, ast.Eq | ast.Is | ast.LtE | ast.GtE)
        if reflexive and ast.dump(left) == ast.dump(right):
            return True
        if isinstance(op, ast.GtE) and isinstance(right, ast.Constant) and right.value == 0:
            return isinstance(left, ast.Call) and ast.unparse(left.func) == "len"
    return False


def _checks_directly(function: ast.AST) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            called = ast.unparse(node.func)
            if called.endswith(RAISING) or called.rsplit(".", 1)[-1].startswith("assert"):
                return True
    return False


def _called_names(function: ast.AST) -> set[str]:
    return {
        node.func.id
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }


def _functions(tree: ast.Module) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    return {
        node.name: node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def _checking_helpers(functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]) -> set[str]:
    """The module's functions that assert, directly or through one another (a fixpoint)."""
    checking = {name for name, f in functions.items() if _checks_directly(f)}
    grown = True
    while grown:
        more = {n for n, f in functions.items() if _called_names(f) & checking} - checking
        checking |= more
        grown = bool(more)
    return checking


def problems(source: str, where: str = "<source>") -> Iterator[str]:
    """What this gate refuses in one test module's ``source``."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and always_true(node.test):
            yield f"{where}:{node.lineno}: assertion cannot fail: {ast.unparse(node.test)}"
    functions = _functions(tree)
    checking = _checking_helpers(functions)
    for name, function in functions.items():
        if name.startswith("test") and name not in checking:
            yield f"{where}:{function.lineno}: {name} asserts nothing"


def clock_reads(source: str, where: str = "<source>") -> Iterator[str]:
    """Calls that read the clock (``time.perf_counter()``, ``timeit(...)``, ...)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            called = ast.unparse(node.func)
            if called.startswith("timeit") or (
                called.startswith("time.") and called.split(".", 1)[1] in CLOCKS
            ):
                yield f"{where}:{node.lineno}: reads the clock: {called}()"
        elif isinstance(node, ast.ImportFrom) and node.module in ("time", "timeit"):
            for alias in node.names:
                if node.module == "timeit" or alias.name in CLOCKS:
                    yield f"{where}:{node.lineno}: imports a clock: {alias.name}"


def suite_modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("test_*.py") if "bench" not in p.parts)


@pytest.mark.parametrize(
    "source",
    [
        "def test_a(): assert True",
        "def test_a(x=1): assert x or True",
        "def test_a(x=1): assert x == x",
        "def test_a(x=[]): assert len(x) >= 0",
        "def test_a(x=1): assert (x == 2, 'x is two')",
        "def test_a(x=1): assert f'x={x}'",
        "def test_a(): print(1)",
        "def helper(): print(1)\ndef test_a(): helper()",
    ],
)
def test_the_scan_sees_tests_that_cannot_fail(source: str) -> None:
    assert list(problems(source))


@pytest.mark.parametrize(
    "source",
    [
        "def test_a(x=1): assert x == 1",
        "def test_a(x=1): assert x or x == 2",
        "def test_a(x=[]): assert len(x) >= 1",
        "import pytest\ndef test_a():\n    with pytest.raises(ValueError): int('x')",
        "def check(x): assert x\ndef run(x): check(x)\ndef test_a(): run(1)",
        "import pandas as pd\ndef test_a(x=1): pd.testing.assert_series_equal(x, x)",
    ],
)
def test_the_scan_accepts_tests_that_can_fail(source: str) -> None:
    assert list(problems(source)) == []


def test_the_clock_scan() -> None:
    assert list(clock_reads("import time\nt = time.perf_counter()"))
    assert list(clock_reads("from time import monotonic"))
    assert list(clock_reads("import timeit\ntimeit.timeit('1')"))
    assert list(clock_reads("import time\ntime.sleep(0.1)")) == []


def test_every_test_can_fail() -> None:
    modules = suite_modules()
    assert len(modules) > 40  # the scan sees the whole suite
    found = [
        problem
        for path in modules
        for problem in problems(path.read_text(encoding="utf-8"), str(path.relative_to(TESTS)))
    ]
    assert found == []


def test_no_unit_test_reads_the_clock() -> None:
    found = [
        problem
        for path in suite_modules()
        for problem in clock_reads(path.read_text(encoding="utf-8"), str(path.relative_to(TESTS)))
    ]
    assert found == []
