"""Partition backend on numpy (used for tables above :data:`._backend.SMALL_TABLE` objects).

A partition is a pair ``(cls, k)``: ``cls[i]`` is the class id (``0 <= cls[i] < k``) of object
``i``. Objects share a class iff they have equal values on every attribute of the subset, i.e.
``cls`` encodes the indiscernibility relation IND(B). Keys are built by mixed-radix arithmetic on
integer value codes and compressed with ``bincount``/``cumsum`` (small key ranges) or
``np.unique`` (large ones) - no pairwise comparisons.

This module and :mod:`._partition_py` implement the same functions with the same results (class
ids may be numbered differently; nothing outside the backends depends on class ids). Object sets
leave the backends as Python-int bitsets (bit ``i`` = object ``i``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from clusterlab.roughsets._bitsets import indices

NAME = "numpy"

_MAX_KEY = 1 << 62


def asarray(values: Sequence[int]) -> np.ndarray:
    """Integer codes as this backend's column type."""
    return np.asarray(values, dtype=np.int64)


def recode(codes: Sequence[int] | np.ndarray, mapping: Sequence[int]) -> np.ndarray:
    """``mapping[codes]``: every code replaced by its image."""
    return np.asarray(mapping, dtype=np.int64)[np.asarray(codes, dtype=np.int64)]


def take(codes: np.ndarray, rows: Sequence[int]) -> np.ndarray:
    """The codes of the given rows, in the given order."""
    return codes[np.asarray(rows, dtype=np.int64)]


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


def _counts(cls: np.ndarray, k: int, d: np.ndarray, nd: int) -> np.ndarray:
    return np.bincount(cls * nd + d, minlength=k * nd).reshape(k, nd)


def _pure(cls: np.ndarray, k: int, d: np.ndarray, nd: int) -> np.ndarray:
    counts = _counts(cls, k, d, nd)
    pure: np.ndarray = (counts.max(axis=1) == counts.sum(axis=1))[cls]
    return pure


def class_counts(cls: np.ndarray, k: int, d: np.ndarray, nd: int) -> list[list[int]]:
    """``counts[c][v]`` = number of objects of class ``c`` with decision code ``v``."""
    result: list[list[int]] = _counts(cls, k, d, nd).tolist()
    return result


def n_positive(cls: np.ndarray, k: int, d: np.ndarray, nd: int) -> int:
    """|POS_B(D)|: objects whose class has a single decision value."""
    return int(np.count_nonzero(_pure(cls, k, d, nd)))


def positive_decision(cls: np.ndarray, k: int, d: np.ndarray, nd: int) -> np.ndarray:
    """d'(x) = d(x) for x in POS_B(D), the marker ``nd`` for the other objects."""
    out: np.ndarray = np.where(_pure(cls, k, d, nd), d, nd)
    return out


def n_distinct(cls: np.ndarray, k: int, d: np.ndarray, nd: int) -> int:
    """Number of distinct (class, decision) pairs."""
    return int(np.count_nonzero(np.bincount(cls * nd + d, minlength=k * nd)))


def _mask_to_int(mask: np.ndarray) -> int:
    return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")


def objects_in(cls: np.ndarray, flags: Sequence[bool]) -> int:
    """Bitset of the objects whose class ``c`` has ``flags[c]`` true."""
    if not len(flags):
        return 0
    return _mask_to_int(np.asarray(flags, dtype=bool)[cls])


def value_bits(col: np.ndarray, card: int) -> list[int]:
    """Bitset of the objects with code ``v``, for every code ``v < card``."""
    return [_mask_to_int(col == v) for v in range(card)]


def class_members(cls: np.ndarray, k: int) -> list[list[int]]:
    """Objects of every class (by class id), each ascending."""
    order = np.argsort(cls, kind="stable")
    starts = np.searchsorted(cls[order], np.arange(k))
    return [g.tolist() for g in np.split(order, starts[1:])] if k else []


def first_members(cls: np.ndarray, k: int) -> list[int]:
    """The first object of every class (by class id)."""
    _, first = np.unique(cls, return_index=True)
    result: list[int] = first.tolist()
    return result


def bits_to_indices(bits: int) -> list[int]:
    """Object indices of a bitset, ascending."""
    if bits.bit_count() <= 64:
        return indices(bits)
    raw = np.frombuffer(bits.to_bytes((bits.bit_length() + 7) // 8, "little"), np.uint8)
    result: list[int] = np.flatnonzero(np.unpackbits(raw, bitorder="little")).tolist()
    return result


def discernibility_entries(
    cols: Sequence[np.ndarray], d: np.ndarray, pos: int, all_pairs: bool
) -> list[tuple[int, int, int]]:
    """Decision-relative discernibility matrix as ``(i, j, attribute mask)`` for i < j.

    Pairs listed: objects with different decisions; unless ``all_pairs``, only pairs with at
    least one object in ``pos`` (a bitset, POS_C(D): the positive-region matrix, whose prime
    implicants are the reducts). O(n^2 |C|) time.
    """
    n = int(d.shape[0])
    in_pos = np.zeros(n, dtype=bool)
    in_pos[bits_to_indices(pos)] = True
    out: list[tuple[int, int, int]] = []
    for i in range(n - 1):
        need = d[i + 1 :] != d[i]
        if not all_pairs and not in_pos[i]:
            need &= in_pos[i + 1 :]
        js = np.flatnonzero(need) + i + 1
        if js.size == 0:
            continue
        masks = np.zeros(js.size, dtype=np.int64)
        for a, col in enumerate(cols):
            masks |= (col[js] != col[i]).astype(np.int64) << a
        out.extend((i, int(j), int(mk)) for j, mk in zip(js, masks, strict=True))
    return out


# Rows per block when the pair matrix is built (block x n cells at a time).
_BLOCK = 256


def minimal_entries(cols: Sequence[np.ndarray], d: np.ndarray, pos: int) -> list[int]:
    """The inclusion-minimal entries (attribute masks) of the positive-region discernibility
    matrix: pairs with different decisions and at least one object in ``pos``. O(n^2 |C|) time
    in blocks, then absorption over the 2^|C| subsets (|C| <= 20)."""
    n, m = int(d.shape[0]), len(cols)
    in_pos = np.zeros(n, dtype=bool)
    in_pos[bits_to_indices(pos)] = True
    found: list[np.ndarray] = []
    for start in range(0, n, _BLOCK):
        stop = min(n, start + _BLOCK)
        need = d[start:stop, None] != d[None, :]
        need &= in_pos[start:stop, None] | in_pos[None, :]
        need &= np.arange(n)[None, :] > np.arange(start, stop)[:, None]
        block = np.zeros((stop - start, n), dtype=np.int64)
        for a, col in enumerate(cols):
            block |= (col[start:stop, None] != col[None, :]).astype(np.int64) << a
        found.append(np.unique(block[need]))
    entries = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    if entries.size == 0:
        return []
    present = np.zeros(1 << m, dtype=bool)
    present[entries] = True
    below = present.copy()  # below[s]: some entry is a subset of s (zeta transform)
    every = np.arange(1 << m)
    for a in range(m):
        has = every[(every >> a & 1) == 1]
        below[has] |= below[has ^ (1 << a)]
    proper = np.zeros(1 << m, dtype=bool)  # some entry is a proper subset of s
    for a in range(m):
        has = every[(every >> a & 1) == 1]
        proper[has] |= below[has ^ (1 << a)]
    result: list[int] = np.flatnonzero(present & ~proper).tolist()
    return result
