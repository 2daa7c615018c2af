"""The static explorer's packed export (clusterlab.explorers._packing), checked against the
rough-set engine called directly - never against the precomputation itself."""

from __future__ import annotations

import json
import string
from itertools import combinations

import numpy as np
import pandas as pd
import pytest

from clusterlab import explorers as ex
from clusterlab.data import ARTICLE_CONDITIONS, DECISION
from clusterlab.explorers import _packing
from clusterlab.roughsets import DecisionTable, UnknownAttributeError

AREA_WORDS = {"global": "mainly global", "local": "mainly local"}


@pytest.fixture(scope="module")
def export(firms: pd.DataFrame) -> dict:
    return ex.precompute_all_subsets(firms)


def engine(firms: pd.DataFrame, conditions: list[str], decision: str = DECISION) -> DecisionTable:
    return DecisionTable(firms, decision, conditions=conditions, id_column="firm_id")


def expected_areas(table: DecisionTable, words: dict[str, str] = AREA_WORDS) -> dict[str, str]:
    areas = dict.fromkeys(table.objects, "boundary")
    for value, approx in table.approximations().items():
        for label in approx.lower:
            areas[label] = f"certainly {words[value]}"
    return areas


def braces(names: tuple[str, ...], empty: str) -> str:
    return "{" + ", ".join(names) + "}" if names else empty


def test_subset_keys_round_trip() -> None:
    assert ex.subset_key([]) == 0
    assert ex.subset_key(ex.TOGGLEABLE) == 511
    assert ex.subset_key(["legal_status", "sector"]) == 1 + 16
    for key in (0, 5, 31, 300, 511):
        assert ex.subset_key(ex.subset_of_key(key)) == key


def test_export_covers_every_subset(export: dict, firms: pd.DataFrame) -> None:
    assert [s["k"] for s in export["subsets"]] == list(range(512))
    assert export["attributes"] == list(ex.TOGGLEABLE)
    assert [f["f"] for f in export["firms"]] == sorted(firms["firm_id"])
    assert all(len(s["g"]) == len(firms) for s in export["subsets"])
    ids = [r["i"] for r in export["rules"]]
    assert ids == list(range(len(ids)))
    texts = [(r["t"], r["h"], r["k"]) for r in export["rules"]]
    assert len(set(texts)) == len(texts), "rules are stored once"
    assert export["class_labels"] == ["Mainly global", "Mainly local"]


SUBSETS = [
    list(ARTICLE_CONDITIONS),
    [a for a in ARTICLE_CONDITIONS if a != "legal_status"],
    ["legal_status", "virtualisation"],
    ["sector", "founding_period", "size_class", "region"],
    list(ex.TOGGLEABLE),
    [],
]


@pytest.mark.parametrize("conditions", SUBSETS, ids=lambda c: "+".join(c) or "none")
def test_precomputed_record_equals_the_engine(
    export: dict, firms: pd.DataFrame, conditions: list[str]
) -> None:
    record = ex.expand_record(export, ex.subset_key(conditions))
    table = engine(firms, [a for a in ex.TOGGLEABLE if a in conditions])
    assert record["conditions"] == [a for a in ex.TOGGLEABLE if a in conditions]
    assert record["quality"] == pytest.approx(table.quality(), abs=1e-12)
    assert record["core"] == braces(table.core(), "(empty)")
    assert record["reducts"] == [braces(r, "{}") for r in table.reducts()]
    rules = table.rules("lem2") if conditions else []
    assert len(record["rules"]) == len(rules)
    for got, rule in zip(record["rules"], rules, strict=True):
        assert got["conditions_text"].count(" = ") == len(rule.conditions)
        for attribute, _ in rule.conditions:
            assert f"{attribute} = " in got["conditions_text"]
        words = [AREA_WORDS[v].capitalize() for v in rule.decisions]
        assert got["decision_text"] == " or ".join(words)
        assert got["type"] == rule.kind and got["support"] == rule.support
        assert got["certainty"] == pytest.approx(rule.certainty, abs=5e-5)
        assert got["coverage"] == pytest.approx(rule.coverage, abs=5e-5)
        assert got["strength"] == pytest.approx(rule.strength, abs=5e-5)
    assert record["regions"] == expected_areas(table)


def test_all_subsets_quality_and_core_match_the_engine(export: dict, firms: pd.DataFrame) -> None:
    """Quality and core for all 512 subsets (cheap engine calls)."""
    full = engine(firms, list(ex.TOGGLEABLE))
    for size in range(len(ex.TOGGLEABLE) + 1):
        for combo in combinations(ex.TOGGLEABLE, size):
            record = export["subsets"][ex.subset_key(combo)]
            assert record["p"] == len(full.positive_region(combo))
            assert export["texts"][record["c"]] == braces(full.core(combo), "(empty)")


def test_export_is_deterministic_and_small(export: dict, firms: pd.DataFrame) -> None:
    shuffled = firms.sample(frac=1.0, random_state=7).reset_index(drop=True)
    again = ex.precompute_all_subsets(shuffled)
    assert json.dumps(again, sort_keys=True) == json.dumps(export, sort_keys=True)
    assert len(json.dumps(export, separators=(",", ":"))) < 400_000


def test_bad_keys() -> None:
    with pytest.raises(UnknownAttributeError):
        ex.subset_key(["colour"])
    with pytest.raises(ValueError):
        ex.subset_of_key(512)


def many_classes(k: int, n: int = 120, seed: int = 3) -> pd.DataFrame:
    """A random table with ``k`` decision classes (every class present), two conditions."""
    rng = np.random.default_rng(seed)
    decision = [f"c{i:02d}" for i in range(k)] + [f"c{i:02d}" for i in rng.integers(0, k, n - k)]
    return pd.DataFrame(
        {
            "a": [str(v) for v in rng.integers(0, 6, n)],
            "b": [str(v) for v in rng.integers(0, 5, n)],
            "d": decision,
        }
    )


@pytest.mark.parametrize("k", [12, 52])
def test_many_classes_decode_to_the_engines_regions(k: int) -> None:
    """Every firm lands in the panel of the engine's region (10 or more classes used to shift
    the region codes of the firms after a two-digit class index)."""
    table = many_classes(k)
    export = ex.precompute_all_subsets(table, ["a", "b"], "d", labels=False)
    assert len(export["classes"]) == k
    for key, conditions in enumerate([[], ["a"], ["b"], ["a", "b"]]):
        engine_table = DecisionTable(table, "d", conditions=conditions)
        words = {str(v): str(v) for v in engine_table.decision_values}
        assert ex.expand_record(export, key)["regions"] == expected_areas(engine_table, words)
        assert all(len(s["g"]) == len(table) for s in export["subsets"])


def test_too_many_classes_are_refused() -> None:
    table = many_classes(_packing.MAX_CLASSES + 1, n=200)
    with pytest.raises(ex.PackingLimitError, match=f"{_packing.MAX_CLASSES + 1} classes"):
        ex.precompute_all_subsets(table, ["a", "b"], "d")


def test_too_many_attributes_are_refused_before_any_work() -> None:
    columns = [f"x{i}" for i in range(_packing.MAX_ATTRIBUTES + 1)]
    table = pd.DataFrame({c: ["0", "1"] for c in columns} | {"d": ["y", "n"]})
    with pytest.raises(ex.PackingLimitError, match="13 attributes would be 8,192 analyses"):
        ex.precompute_all_subsets(table, columns, "d")


def test_region_codes_are_one_character_each() -> None:
    assert len(set(_packing.ALPHABET)) == len(_packing.ALPHABET) == 62 >= 52
    assert _packing.BOUNDARY_CODE not in _packing.ALPHABET
    assert set(_packing.ALPHABET) <= set(string.ascii_letters + string.digits)


def test_own_data_without_an_id_column(firms: pd.DataFrame) -> None:
    anonymous = firms.drop(columns="firm_id").reset_index(drop=True)
    export = ex.precompute_all_subsets(anonymous, ARTICLE_CONDITIONS)
    assert [f["f"] for f in export["firms"]] == [str(i) for i in range(1, len(firms) + 1)]
    key = ex.subset_key(ARTICLE_CONDITIONS[:2], ARTICLE_CONDITIONS)
    table = DecisionTable(anonymous, DECISION, conditions=list(ARTICLE_CONDITIONS[:2]))
    assert ex.expand_record(export, key)["regions"] == expected_areas(table)
