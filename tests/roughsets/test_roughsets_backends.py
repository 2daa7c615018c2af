"""The two partition backends (numpy and plain Python) give the same results.

Standard-library mode runs the same algorithms on the Python backend; here both backends are
forced on the same random tables and every result is compared.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlab.roughsets import DecisionTable
from clusterlab.roughsets._backend import SMALL_TABLE, for_size, forced

pytestmark = pytest.mark.needs_numpy


@st.composite
def tables(draw: st.DrawFn) -> tuple[dict[str, list], list[float | None]]:
    """1-5 conditions with 1-4 values, 1-3 decision values, 1-70 rows (both sides of
    SMALL_TABLE), and a beta to try."""
    m = draw(st.integers(1, 5))
    n = draw(st.integers(1, 70))
    k = draw(st.integers(1, 4))
    nd = draw(st.integers(1, 3))
    cell = st.integers(0, k - 1).map(lambda v: f"v{v}")
    data: dict[str, list] = {
        f"c{j}": draw(st.lists(cell, min_size=n, max_size=n)) for j in range(m)
    }
    data["d"] = draw(st.lists(st.sampled_from(["no", "yes", "maybe"][:nd]), min_size=n, max_size=n))
    return data, [None, draw(st.sampled_from([0.51, 0.6, 0.75, 0.9]))]


def results(data: dict[str, list], betas: list[float | None]) -> dict[str, object]:
    dt = DecisionTable(data, "d")
    out: dict[str, object] = {
        "backend": dt._enc.ops.NAME,
        "classes": dt.indiscernibility_classes(),
        "core": dt.core(),
        "reducts": dt.reducts(),
        "heuristic": dt.heuristic_reduct(),
        "search": dt.reduct_search(limit=2),
        "transversal": sorted(
            dt._oracle(tuple(range(len(dt.conditions)))).search(method="transversal")[0]
        ),
        "lem2": dt.rules("lem2"),
        "minimal": dt.rules("minimal"),
        "matrix": dt.discernibility_matrix(),
        "classify": dt.classify(dt.rules(), data),
        "loo": dt.loo_accuracy() if dt.n > 1 else None,
        "decision_classes": dt.decision_classes(),
    }
    for beta in betas:
        out[f"approximations {beta}"] = dt.approximations(beta=beta)
        out[f"quality {beta}"] = dt.quality(beta=beta)
        out[f"significance {beta}"] = dt.significance(beta=beta)
        out[f"boundary {beta}"] = dt.boundary_region(beta=beta)
    if dt.n > 1:
        out["stability"] = dt.reduct_stability("bootstrap", n_samples=5, seed=3)
    return out


@settings(deadline=None, max_examples=80)
@given(tables())
def test_numpy_and_python_backends_agree(table: tuple) -> None:
    data, betas = table
    with forced("numpy"):
        a = results(data, betas)
    with forced("python"):
        b = results(data, betas)
    assert (a.pop("backend"), b.pop("backend")) == ("numpy", "python")
    assert a == b


def test_backend_choice_by_size() -> None:
    assert for_size(SMALL_TABLE).NAME == "python"
    assert for_size(SMALL_TABLE + 1).NAME == "numpy"
    with forced("python"):
        assert for_size(10**6).NAME == "python"
    with pytest.raises(ValueError, match="unknown backend"):
        forced("fortran").__enter__()


def test_the_engine_runs_without_numpy_and_pandas() -> None:
    # a fresh interpreter in which importing numpy or pandas fails, as under Pyodide
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('numpy', 'pandas'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from clusterlab.roughsets import DecisionTable\n"
        "rows = 60\n"
        "data = {'a': [i % 3 for i in range(rows)], 'b': [i % 4 for i in range(rows)],\n"
        "        'd': ['x' if i % 3 else 'y' for i in range(rows)]}\n"
        "dt = DecisionTable(data, 'd')\n"
        "print(dt.reducts(), dt.quality(), len(dt.rules()), 'numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # d depends on a alone (a = 0 -> y, else x): {a} is the only reduct, quality 1, and LEM2
    # gives one rule per value of a: a=0 -> y, a=1 -> x, a=2 -> x.
    assert out.stdout.split() == ["[('a',)]", "1.0", "3", "False"]
