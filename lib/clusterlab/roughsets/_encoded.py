"""The encoded decision table every algorithm of the engine works on.

:class:`EncodedTable` holds a validated decision table as integer codes: one column of codes per
condition attribute (code ``i`` = the ``i``-th value of the attribute's domain, in value order),
the decision codes, the object labels (in natural order, which is the row order of the codes)
and the partition backend the columns belong to (see :mod:`._backend`). It is immutable; derived
tables (:meth:`EncodedTable.take`, :meth:`EncodedTable.select`) are new objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from clusterlab.roughsets._backend import Backend, Codes

__all__ = ["EncodedTable"]


@dataclass(frozen=True, eq=False)
class EncodedTable:
    """A decision table as integer codes (see the module docstring)."""

    labels: tuple[str, ...]
    conditions: tuple[str, ...]
    decision: str
    cols: tuple[Codes, ...]
    domains: tuple[tuple[Any, ...], ...]
    d: Codes
    dvalues: tuple[Any, ...]
    ops: Backend
    cards: tuple[int, ...] = field(init=False)
    nd: int = field(init=False)
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cards", tuple(max(len(dom), 1) for dom in self.domains))
        object.__setattr__(self, "nd", max(len(self.dvalues), 1))
        object.__setattr__(self, "index", {a: i for i, a in enumerate(self.conditions)})

    @property
    def n(self) -> int:
        """Number of objects."""
        return len(self.labels)

    @property
    def everyone(self) -> int:
        """Bitset of all objects."""
        return (1 << self.n) - 1

    def partition(self, idx: Sequence[int]) -> tuple[Codes, int]:
        """Partition IND(B) for the condition indices ``idx``."""
        return self.ops.partition([self.cols[i] for i in idx], [self.cards[i] for i in idx], self.n)

    def decision_bits(self) -> list[int]:
        """Bitset of every decision class, in decision value order."""
        return self.ops.value_bits(self.d, self.nd)

    def labels_of(self, bits: int) -> tuple[str, ...]:
        """Labels of the objects in a bitset, in label order."""
        return tuple(self.labels[i] for i in self.ops.bits_to_indices(bits))

    def take(self, rows: Sequence[int]) -> EncodedTable:
        """The table of the given rows (ascending indices keep the label order)."""
        return EncodedTable(
            labels=tuple(self.labels[i] for i in rows),
            conditions=self.conditions,
            decision=self.decision,
            cols=tuple(self.ops.take(c, rows) for c in self.cols),
            domains=self.domains,
            d=self.ops.take(self.d, rows),
            dvalues=self.dvalues,
            ops=self.ops,
        )

    def select(self, idx: Sequence[int]) -> EncodedTable:
        """The same objects with only the condition attributes ``idx`` (in that order)."""
        return EncodedTable(
            labels=self.labels,
            conditions=tuple(self.conditions[i] for i in idx),
            decision=self.decision,
            cols=tuple(self.cols[i] for i in idx),
            domains=tuple(self.domains[i] for i in idx),
            d=self.d,
            dvalues=self.dvalues,
            ops=self.ops,
        )
