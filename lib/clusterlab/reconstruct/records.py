"""The hand-authored firm records of the reconstruction (step 1 of the procedure).

Each record of :data:`FIRM_RECORDS` is one synthetic firm, chosen so that every Table 1 count
holds, the rough-set findings hold and the article's plausibility statements hold (see
:mod:`clusterlab.reconstruct`). The comment beside a record names the article's passage it was
written for. ``region``, ``founding_period`` and ``size_class`` are not authored but derived
(:func:`build_firms`). These are **not** the original interview data.
"""

from __future__ import annotations

import pandas as pd

from clusterlab.data import founding_periods, size_classes

__all__ = ["FIRM_COLUMNS", "FIRM_RECORDS", "RECORD_FIELDS", "build_firms"]

#: The columns of ``data/firms.csv``, in the file's order.
FIRM_COLUMNS: tuple[str, ...] = (
    "firm_id",
    "sector",
    "region",
    "founded",
    "founding_period",
    "employees_2005",
    "size_class",
    "innovativeness",
    "export_orientation",
    "legal_status",
    "learning_mode",
    "virtualisation",
    "network_2005",
    "reverse_model",
    "network_change",
    "acquired_2006_2011",
    "path_2006_2011",
)
#: The fields of one record of :data:`FIRM_RECORDS`, in order.
RECORD_FIELDS: tuple[str, ...] = (
    "firm_id",
    "sector",
    "founded",
    "employees_2005",
    "innovativeness",
    "export_orientation",
    "legal_status",
    "learning_mode",
    "virtualisation",
    "network_2005",
    "reverse_model",
    "network_change",
    "acquired_2006_2011",
    "path_2006_2011",
)

_IAS = "independent_academic_spinoff"
_ICS = "independent_corporate_spinoff"
_FSAS = "foreign_subsidiary_academic_spinoff"
_FSF = "foreign_subsidiary_founded"
_INS = "independent_no_spinoff"

# One tuple per firm, fields as in RECORD_FIELDS; region, founding_period and size_class are
# derived (see build_firms).
# Virtualisation: F03-F07 share one level (medium) so that it discerns none of the pairs
# that put legal status, export orientation and innovativeness in the core (the article: it does
# not drive global ties); LS service firms (F05, F07) score above LS research firms.
_R = tuple[str, str, int, int, str, str, str, str, str, str, bool, str, str, str]
FIRM_RECORDS: tuple[_R, ...] = (
    # life sciences (Randstad)
    # older, highly innovative research firm; independent academic spin-off in LS research
    (
        "F01",
        "life_sciences",
        1991,
        35,
        "high",
        "strong",
        _IAS,
        "science_based",
        "low",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # academic spin-off taken over by a foreign firm; knowledge supplier to the parent's R&D
    (
        "F02",
        "life_sciences",
        1993,
        55,
        "high",
        "strong",
        _FSAS,
        "science_based",
        "low",
        "global",
        True,
        "stable",
        "not_acquired",
        "none",
    ),
    # independent academic spin-off in LS research, born global
    (
        "F03",
        "life_sciences",
        1996,
        25,
        "high",
        "strong",
        _IAS,
        "science_based",
        "medium",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # local academic spin-off, limited export, later shifting to global (path 1)
    (
        "F04",
        "life_sciences",
        1996,
        18,
        "high",
        "limited",
        _IAS,
        "science_based",
        "medium",
        "local",
        False,
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    # corporate spin-off with advanced LS services (system and process optimisation)
    (
        "F05",
        "life_sciences",
        1997,
        40,
        "high",
        "limited",
        _ICS,
        "problem_based",
        "medium",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    (
        "F06",
        "life_sciences",
        1998,
        14,
        "high",
        "limited",
        _IAS,
        "science_based",
        "medium",
        "local",
        False,
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    # LS service firm, becomes more innovative and cooperates with foreign specialists
    (
        "F07",
        "life_sciences",
        1999,
        22,
        "high_medium",
        "strong",
        _IAS,
        "problem_based",
        "medium",
        "local",
        False,
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    # micro-electronics (Eindhoven, Brainport)
    (
        "F08",
        "micro_electronics",
        1989,
        90,
        "high_medium",
        "strong",
        _FSF,
        "problem_based",
        "medium",
        "local",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # older, highly innovative optronics firm; academic spin-off taken over by a foreign firm
    (
        "F09",
        "micro_electronics",
        1990,
        65,
        "high",
        "strong",
        _FSAS,
        "problem_based",
        "high",
        "global",
        True,
        "stable",
        "not_acquired",
        "none",
    ),
    # buy-out in micro-electronics (corporate spin-off); acquired by a foreign firm later
    (
        "F10",
        "micro_electronics",
        1996,
        80,
        "high",
        "strong",
        _ICS,
        "problem_based",
        "medium",
        "global",
        False,
        "stable",
        "foreign",
        "none",
    ),
    (
        "F11",
        "micro_electronics",
        1997,
        75,
        "medium",
        "limited",
        _FSF,
        "problem_based",
        "medium",
        "local",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # ICT (Randstad)
    # independent software firm taken over by a foreign firm and integrated (path 3)
    (
        "F12",
        "ict",
        1994,
        30,
        "high_medium",
        "limited",
        _IAS,
        "problem_based",
        "high",
        "local",
        False,
        "stable",
        "foreign",
        "acquired_integrated",
    ),
    (
        "F13",
        "ict",
        1995,
        60,
        "medium",
        "limited",
        _FSF,
        "problem_based",
        "high",
        "local",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # foreign subsidiaries with advanced ICT services (protective software, interfaces,
    # platform architecture): F14, F16, F18
    (
        "F14",
        "ict",
        1998,
        450,
        "high",
        "strong",
        _FSF,
        "problem_based",
        "high",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # ICT academic spin-off taken over by a foreign firm; the parent closes it and moves the
    # activities abroad (path 2)
    (
        "F15",
        "ict",
        2000,
        28,
        "high",
        "limited",
        _FSAS,
        "problem_based",
        "medium",
        "global",
        True,
        "stable",
        "not_acquired",
        "relocated_abroad",
    ),
    (
        "F16",
        "ict",
        2000,
        280,
        "high",
        "strong",
        _FSF,
        "problem_based",
        "high",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    (
        "F17",
        "ict",
        2000,
        12,
        "medium",
        "limited",
        _IAS,
        "problem_based",
        "medium",
        "local",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    (
        "F18",
        "ict",
        2001,
        320,
        "high",
        "strong",
        _FSF,
        "problem_based",
        "medium",
        "global",
        False,
        "stable",
        "not_acquired",
        "none",
    ),
    # ICT subsidiary adopting the "empty firm" model with co-creation abroad (path 1)
    (
        "F19",
        "ict",
        2001,
        20,
        "high_medium",
        "limited",
        _FSF,
        "problem_based",
        "high",
        "local",
        False,
        "local_to_global",
        "not_acquired",
        "local_to_global",
    ),
    # independent ICT firm acquired by a foreign firm and strengthened, not integrated
    (
        "F20",
        "ict",
        2001,
        16,
        "medium",
        "limited",
        _IAS,
        "problem_based",
        "medium",
        "local",
        False,
        "stable",
        "foreign",
        "none",
    ),
    # consultancy (Randstad)
    (
        "F21",
        "consultancy",
        1995,
        11,
        "medium",
        "limited",
        _INS,
        "problem_based",
        "low",
        "local",
        False,
        "stable",
        "domestic",
        "none",
    ),
)

_REGION = {
    "life_sciences": "randstad",
    "ict": "randstad",
    "consultancy": "randstad",
    "micro_electronics": "eindhoven",
}


def build_firms() -> pd.DataFrame:
    """The hand-authored firm table (plain strings, ints and bools; columns FIRM_COLUMNS).

    ``region`` follows the sector (micro-electronics: Eindhoven, else the Randstad);
    ``founding_period`` and ``size_class`` are the Table 1 classes of ``founded`` and
    ``employees_2005`` (:func:`clusterlab.data.founding_periods`, ``size_classes``).
    """
    firms = pd.DataFrame(list(FIRM_RECORDS), columns=list(RECORD_FIELDS))
    firms["region"] = firms["sector"].map(_REGION)
    firms["founding_period"] = founding_periods(firms["founded"]).astype(str)
    firms["size_class"] = size_classes(firms["employees_2005"]).astype(str)
    return firms[list(FIRM_COLUMNS)]
