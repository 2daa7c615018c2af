"""Shared pytest set-up: the fixtures every folder uses, the session browser and the
standard-library mode.

Fixtures: ``firms``, ``emb`` and ``published`` (the book's data, read afresh once per test
module, so a test that edits its frame cannot change another module's) and ``browser`` (one
headless Debian chromium per test session, shared by ``tests/book/`` and
``tests/explorers/test_static_browser.py``: playwright's sync API cannot be started twice in one
thread).

``--stdlib-only`` runs the tests in *standard-library mode*: before any test module (and so
before clusterlab) is imported, a meta-path finder makes ``import numpy``, ``import pandas`` (and
the libraries that need them) fail with ``ImportError``, as under Pyodide. ``make test`` runs
the engine's suite a second time this way. Tests marked ``needs_numpy`` (they test pandas or
numpy input, or compare the numpy backend) are skipped in that mode only.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # pandas is blocked in standard-library mode: never imported at run time here
    import pandas as pd

    from clusterlab.data import PublishedTables

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


# ---- the book's data (a reconstruction matching the article's published aggregates) --------


@pytest.fixture(scope="module")
def firms() -> pd.DataFrame:
    """The reconstructed firm records (``data/firms.csv``), as :func:`load_firms` reads them."""
    from clusterlab.data import load_firms

    return load_firms()


@pytest.fixture(scope="module")
def emb() -> pd.DataFrame:
    """The reconstructed embeddedness scores (``data/embeddedness.csv``)."""
    from clusterlab.data import load_embeddedness

    return load_embeddedness()


@pytest.fixture(scope="module")
def published() -> PublishedTables:
    """The article's printed tables (Table 1 and Table 2), as typed from the article."""
    from clusterlab.data import load_published

    return load_published()


# ---- one headless browser per session --------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian chromium (never a downloaded browser), driven by playwright; skipped
    with a reason when absent, except under CI."""
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing: .ci/run must install it")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium, as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            headless=True,
            args=CHROMIUM_FLAGS,
        )
        yield chromium
        chromium.close()
