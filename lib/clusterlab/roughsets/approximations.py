"""Approximations of decision classes (Pawlak 1991; Ziarko 1993 for ``beta``).

For an attribute set B and a decision class X (objects with one decision value):

* lower approximation  B_*(X) = union of the IND(B) classes contained in X;
* upper approximation  B^*(X) = union of the IND(B) classes that meet X;
* boundary             BN_B(X) = B^*(X) - B_*(X);
* outside region       U - B^*(X);
* accuracy             alpha_B(X) = |B_*(X)| / |B^*(X)|.

With ``beta`` the lower/upper approximations are Ziarko's (see :mod:`.vprs`). In the VPRS model
the upper approximation can be empty; the accuracy is then defined as 0.0 (the non-empty class X
is not approximated at all).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Approximation"]


@dataclass(frozen=True)
class Approximation:
    """Rough approximation of one decision class; regions are tuples of object labels."""

    lower: tuple[str, ...]
    upper: tuple[str, ...]
    boundary: tuple[str, ...]
    outside: tuple[str, ...]
    accuracy: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with lists of labels."""
        return {
            "lower": list(self.lower),
            "upper": list(self.upper),
            "boundary": list(self.boundary),
            "outside": list(self.outside),
            "accuracy": self.accuracy,
        }
