"""Numpy kernel: partitions of the object set induced by attribute subsets.

A partition is a pair ``(cls, k)``: ``cls[i]`` is the class id (``0 <= cls[i] < k``) of object
``i``. Objects share a class iff they have equal values on every attribute of the subset, i.e.
``cls`` encodes the indiscernibility relation IND(B). Keys are built by mixed-radix arithmetic on
integer value codes and compressed with ``bincount``/``cumsum`` (small key ranges) or
``np.unique`` (large ones) - no pairwise comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_MAX_KEY = 1 << 62


def compress(key: np.ndarray, size: int) -> tuple[np.ndarray, int]:
    """Renumber keys in ``[0, size)`` to dense class ids ``0..k-1`` (order of keys kept)."""
    n = key.shape[0]
    if n == 0:
        return key, 0
    if size <= 4 * n + 4096:
        present = np.bincount(key, minlength=size) > 0
        remap = present.cumsum() - 1
        return remap[key], int(remap[-1]) + 1
    uniq, inv = np.unique(key, return_inverse=True)
    return inv.reshape(-1), int(uniq.shape[0])


def refine(cls: np.ndarray, k: int, col: np.ndarray, card: int) -> tuple[np.ndarray, int]:
    """Partition of B + {a} from the partition of B and the codes of attribute a."""
    return compress(cls * card + col, k * card)


def partition(cols: Sequence[np.ndarray], cards: Sequence[int], n: int) -> tuple[np.ndarray, int]:
    """Partition IND(B) for the attributes whose code columns are ``cols``."""
    if not cols:
        return np.zeros(n, dtype=np.int64), (1 if n else 0)
    key = cols[0]
    size = cards[0]
    for col, card in zip(cols[1:], cards[1:], strict=True):
        if size * card >= _MAX_KEY:
            key, size = compress(key, size)
        key = key * card + col
        size *= card
    return compress(key, size)


def class_counts(cls: np.ndarray, k: int, d: np.ndarray, nd: int) -> np.ndarray:
    """``counts[c, v]`` = number of objects of class ``c`` with decision code ``v``."""
    return np.bincount(cls * nd + d, minlength=k * nd).reshape(k, nd)


def pure_objects(cls: np.ndarray, k: int, d: np.ndarray, nd: int) -> np.ndarray:
    """Boolean mask of objects whose class has a single decision value (Pawlak's POS_B(D))."""
    counts = class_counts(cls, k, d, nd)
    return (counts.max(axis=1) == counts.sum(axis=1))[cls]


def n_distinct(cls: np.ndarray, k: int, d: np.ndarray, nd: int) -> int:
    """Number of distinct (class, decision) pairs."""
    return int(np.count_nonzero(np.bincount(cls * nd + d, minlength=k * nd)))


def mask_to_int(mask: np.ndarray) -> int:
    """A boolean object mask as a Python-int bitset (bit ``i`` = object ``i``)."""
    return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")


def int_to_indices(bits: int) -> list[int]:
    """Object indices of a Python-int bitset, ascending."""
    out: list[int] = []
    if bits.bit_count() > 64:
        raw = np.frombuffer(bits.to_bytes((bits.bit_length() + 7) // 8, "little"), np.uint8)
        return np.flatnonzero(np.unpackbits(raw, bitorder="little")).tolist()
    while bits:
        low = bits & -bits
        out.append(low.bit_length() - 1)
        bits ^= low
    return out
