"""The tests are laid out like the library: one folder per part, nothing loose at the top.

The folders are not packages (no ``__init__.py``): pytest puts each test file's folder on
``sys.path`` and imports the file by its bare name, so two files with the same name in two
folders would clash. Names are therefore unique across ``tests/``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_file_at_the_top() -> None:
    assert sorted(p.name for p in TESTS.glob("*.py")) == ["conftest.py"]


def test_module_names_are_unique() -> None:
    names = Counter(
        p.name for p in TESTS.rglob("*.py") if p.name != "conftest.py" and "fixtures" not in p.parts
    )
    assert [name for name, n in names.items() if n > 1] == []
    assert not list(TESTS.rglob("__init__.py"))  # the reason names must be unique
