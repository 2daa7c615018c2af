"""Partition backend in plain Python (lists of ints; the standard library only).

Used when numpy cannot be imported (for instance in the browser, under Pyodide) and for small
tables, where Python's per-element cost is below numpy's per-call overhead. Same functions and
the same results as :mod:`._partition` (see there for the notions); class ids are numbered in
order of first appearance instead of key order, which nothing outside the backends relies on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from clusterlab.roughsets._bitsets import bitset, indices

NAME = "python"


def asarray(values: Sequence[int]) -> list[int]:
    """Integer codes as this backend's column type."""
    return [int(v) for v in values]


def recode(codes: Iterable[int], mapping: Sequence[int]) -> list[int]:
    """``mapping[codes]``: every code replaced by its image."""
    return [mapping[c] for c in codes]


def take(codes: Sequence[int], rows: Sequence[int]) -> list[int]:
    """The codes of the given rows, in the given order."""
    return [codes[i] for i in rows]


def _dense(keys: Iterable[object]) -> tuple[list[int], int]:
    seen: dict[object, int] = {}
    cls = [seen.setdefault(key, len(seen)) for key in keys]
    return cls, len(seen)


def refine(cls: Sequence[int], k: int, col: Sequence[int], card: int) -> tuple[list[int], int]:
    """Partition of B + {a} from the partition of B and the codes of attribute a."""
    return _dense(c * card + v for c, v in zip(cls, col, strict=True))


def partition(cols: Sequence[Sequence[int]], cards: Sequence[int], n: int) -> tuple[list[int], int]:
    """Partition IND(B) for the attributes whose code columns are ``cols``."""
    if not cols:
        return [0] * n, (1 if n else 0)
    if len(cols) == 1:
        return _dense(cols[0])
    return _dense(zip(*cols, strict=True))


def class_counts(cls: Sequence[int], k: int, d: Sequence[int], nd: int) -> list[list[int]]:
    """``counts[c][v]`` = number of objects of class ``c`` with decision code ``v``."""
    counts = [[0] * nd for _ in range(k)]
    for c, v in zip(cls, d, strict=True):
        counts[c][v] += 1
    return counts


def _mixed(cls: Sequence[int], d: Sequence[int]) -> set[int]:
    first: dict[int, int] = {}
    return {c for c, v in zip(cls, d, strict=True) if first.setdefault(c, v) != v}


def n_positive(cls: Sequence[int], k: int, d: Sequence[int], nd: int) -> int:
    """|POS_B(D)|: objects whose class has a single decision value."""
    mixed = _mixed(cls, d)
    return sum(c not in mixed for c in cls)


def positive_decision(cls: Sequence[int], k: int, d: Sequence[int], nd: int) -> list[int]:
    """d'(x) = d(x) for x in POS_B(D), the marker ``nd`` for the other objects."""
    mixed = _mixed(cls, d)
    return [nd if c in mixed else v for c, v in zip(cls, d, strict=True)]


def n_distinct(cls: Sequence[int], k: int, d: Sequence[int], nd: int) -> int:
    """Number of distinct (class, decision) pairs."""
    return len(set(zip(cls, d, strict=True)))


def objects_in(cls: Sequence[int], flags: Sequence[bool]) -> int:
    """Bitset of the objects whose class ``c`` has ``flags[c]`` true."""
    return bitset((i for i, c in enumerate(cls) if flags[c]), len(cls))


def value_bits(col: Sequence[int], card: int) -> list[int]:
    """Bitset of the objects with code ``v``, for every code ``v < card``."""
    groups: list[list[int]] = [[] for _ in range(card)]
    for i, v in enumerate(col):
        groups[v].append(i)
    return [bitset(g, len(col)) for g in groups]


def class_members(cls: Sequence[int], k: int) -> list[list[int]]:
    """Objects of every class (by class id), each ascending."""
    groups: list[list[int]] = [[] for _ in range(k)]
    for i, c in enumerate(cls):
        groups[c].append(i)
    return groups


def first_members(cls: Sequence[int], k: int) -> list[int]:
    """The first object of every class (by class id)."""
    first = [-1] * k
    for i, c in enumerate(cls):
        if first[c] < 0:
            first[c] = i
    return first


def bits_to_indices(bits: int) -> list[int]:
    """Object indices of a bitset, ascending."""
    return indices(bits)


def _pairs(
    cols: Sequence[Sequence[int]], d: Sequence[int], pos: int, all_pairs: bool
) -> Iterator[tuple[int, int, int]]:
    n = len(d)
    rows = list(zip(*cols, strict=True)) if cols else [()] * n
    for i in range(n - 1):
        i_pos = pos >> i & 1
        row, dec = rows[i], d[i]
        for j in range(i + 1, n):
            if dec == d[j] or not (all_pairs or i_pos or pos >> j & 1):
                continue
            mask = 0
            for a, (x, y) in enumerate(zip(row, rows[j], strict=True)):
                if x != y:
                    mask |= 1 << a
            yield i, j, mask


def discernibility_entries(
    cols: Sequence[Sequence[int]], d: Sequence[int], pos: int, all_pairs: bool
) -> list[tuple[int, int, int]]:
    """Decision-relative discernibility matrix as ``(i, j, attribute mask)`` for i < j (see
    :func:`._partition.discernibility_entries`)."""
    return list(_pairs(cols, d, pos, all_pairs))


def minimal_entries(cols: Sequence[Sequence[int]], d: Sequence[int], pos: int) -> list[int]:
    """The inclusion-minimal entries (attribute masks) of the positive-region discernibility
    matrix (see :func:`._partition.minimal_entries`)."""
    masks = {mask for _, _, mask in _pairs(cols, d, pos, False)}
    kept: list[int] = []
    for mask in sorted(masks, key=lambda mk: (mk.bit_count(), mk)):
        if not any(k & mask == k for k in kept):
            kept.append(mask)
    return sorted(kept)
