"""Shared pytest set-up.

``--stdlib-only`` runs the tests in *standard-library mode*: before any test module (and so
before clusterlab) is imported, a meta-path finder makes ``import numpy``, ``import pandas`` (and
the libraries that need them) fail with ``ImportError``, as under Pyodide. ``make test`` runs
the engine's suite a second time this way. Tests marked ``needs_numpy`` (they test pandas or
numpy input, or compare the numpy backend) are skipped in that mode only.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

import pytest

BLOCKED = ("numpy", "pandas", "scipy", "pyarrow", "altair")


class _Blocker:
    """Meta-path finder refusing the :data:`BLOCKED` packages."""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is blocked: standard-library mode (--stdlib-only)")
        return None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--stdlib-only",
        action="store_true",
        help="block numpy and pandas imports (the engine's standard-library mode)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_numpy: needs numpy/pandas; skipped with --stdlib-only"
    )
    if config.getoption("--stdlib-only"):
        loaded = [m for m in BLOCKED if m in sys.modules]
        if loaded:
            raise pytest.UsageError(f"--stdlib-only: already imported before the block: {loaded}")
        sys.meta_path.insert(0, _Blocker())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--stdlib-only"):
        return
    skip = pytest.mark.skip(reason="needs numpy/pandas (standard-library mode)")
    for item in items:
        if "needs_numpy" in item.keywords:
            item.add_marker(skip)
