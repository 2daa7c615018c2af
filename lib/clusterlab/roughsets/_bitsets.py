"""Object and attribute sets as Python-int bitsets (bit ``i`` = object or attribute ``i``).

Standard library only; shared by both partition backends and the algorithms.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["bitset", "indices", "union"]


def indices(bits: int) -> list[int]:
    """The members of a bitset, ascending."""
    if bits.bit_count() <= 64:
        out: list[int] = []
        while bits:
            low = bits & -bits
            out.append(low.bit_length() - 1)
            bits ^= low
        return out
    raw = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    return [8 * j + b for j, byte in enumerate(raw) if byte for b in range(8) if byte >> b & 1]


def bitset(members: Iterable[int], n: int) -> int:
    """The bitset of ``members`` (all below ``n``), built in O(n)."""
    buf = bytearray((n + 7) // 8)
    for i in members:
        buf[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buf, "little")


def union(bitsets: Iterable[int]) -> int:
    """The union of bitsets."""
    out = 0
    for bits in bitsets:
        out |= bits
    return out
