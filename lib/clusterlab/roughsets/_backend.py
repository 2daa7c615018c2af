"""The swap-in layer for partitions: which backend a table uses.

The engine has one set of algorithms (:mod:`.table`, :mod:`.reducts`, :mod:`.rules`,
:mod:`.stability`); everything they do to whole columns goes through a *backend*, a module with
the functions of :class:`Backend`:

* :mod:`._partition` - numpy, for tables of more than :data:`SMALL_TABLE` objects;
* :mod:`._partition_py` - plain Python lists, for small tables and whenever numpy cannot be
  imported (standard-library mode, e.g. Pyodide in the browser).

Both give the same results. ``CLUSTERLAB_BACKEND=python`` or ``=numpy`` in the environment, or
:func:`forced` in code, overrides the choice (the tests compare the two backends that way).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from typing import Any, Protocol

__all__ = ["SMALL_TABLE", "Backend", "Codes", "backend", "for_size", "forced", "numpy_available"]

#: Up to this many objects a table uses the Python backend even when numpy is there.
SMALL_TABLE = 50

#: A column of integer codes: ``numpy.ndarray`` (numpy backend) or ``list[int]`` (Python).
Codes = Any

_MODULES = {
    "numpy": "clusterlab.roughsets._partition",
    "python": "clusterlab.roughsets._partition_py",
}
_forced: list[str] = []


class Backend(Protocol):
    """The functions a partition backend provides (see :mod:`._partition` for each)."""

    NAME: str

    def asarray(self, values: Sequence[int]) -> Codes: ...
    def recode(self, codes: Codes, mapping: Sequence[int]) -> Codes: ...
    def take(self, codes: Codes, rows: Sequence[int]) -> Codes: ...
    def partition(
        self, cols: Sequence[Codes], cards: Sequence[int], n: int
    ) -> tuple[Codes, int]: ...
    def refine(self, cls: Codes, k: int, col: Codes, card: int) -> tuple[Codes, int]: ...
    def class_counts(self, cls: Codes, k: int, d: Codes, nd: int) -> list[list[int]]: ...
    def n_positive(self, cls: Codes, k: int, d: Codes, nd: int) -> int: ...
    def positive_decision(self, cls: Codes, k: int, d: Codes, nd: int) -> Codes: ...
    def n_distinct(self, cls: Codes, k: int, d: Codes, nd: int) -> int: ...
    def objects_in(self, cls: Codes, flags: Sequence[bool]) -> int: ...
    def value_bits(self, col: Codes, card: int) -> list[int]: ...
    def class_members(self, cls: Codes, k: int) -> list[list[int]]: ...
    def first_members(self, cls: Codes, k: int) -> list[int]: ...
    def bits_to_indices(self, bits: int) -> list[int]: ...
    def discernibility_entries(
        self, cols: Sequence[Codes], d: Codes, pos: int, all_pairs: bool
    ) -> list[tuple[int, int, int]]: ...
    def minimal_entries(self, cols: Sequence[Codes], d: Codes, pos: int) -> list[int]: ...


def numpy_available() -> bool:
    """True when numpy can be imported."""
    try:
        import_module("numpy")
    except ImportError:
        return False
    return True


def backend(name: str) -> Backend:
    """The backend module called ``name`` ("numpy" or "python")."""
    if name not in _MODULES:
        raise ValueError(f"unknown backend {name!r}: use 'numpy' or 'python'")
    module: Backend = import_module(_MODULES[name])
    return module


def for_size(n: int) -> Backend:
    """The backend for a table of ``n`` objects: numpy above :data:`SMALL_TABLE` objects when it
    can be imported, else Python; :func:`forced` or ``CLUSTERLAB_BACKEND`` override."""
    name = _forced[-1] if _forced else os.environ.get("CLUSTERLAB_BACKEND", "")
    if name:
        return backend(name)
    return backend("numpy" if n > SMALL_TABLE and numpy_available() else "python")


@contextmanager
def forced(name: str) -> Iterator[Backend]:
    """Tables built inside the ``with`` block use backend ``name`` whatever their size."""
    chosen = backend(name)
    _forced.append(name)
    try:
        yield chosen
    finally:
        _forced.pop()
