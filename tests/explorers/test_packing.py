"""The static explorer's packed results (clusterlab.explorers._packing, format 3): every
unpacked subset is the result JSON of ``clusterlab analyse --json``, checked against the CLI's
analysis of the rough-set engine called directly - never against the precomputation itself -
and against the JSON Schema."""

from __future__ import annotations

import json
from itertools import combinations

import jsonschema
import numpy as np
import pandas as pd
import pytest

from clusterlab import cli
from clusterlab import explorers as ex
from clusterlab.data import ARTICLE_CONDITIONS, DECISION
from clusterlab.explorers import _packing
from clusterlab.roughsets import DecisionTable, UnknownAttributeError

#: Keys the precomputation does not compute (leave-one-out) or that describe the settings.
SKIPPED = {"loo_accuracy", "loo_skipped", "settings"}


@pytest.fixture(scope="module")
def export(firms: pd.DataFrame) -> dict:
    return ex.precompute_all_subsets(firms)


def cli_result(table: DecisionTable, source: dict) -> dict:
    """The CLI's result for ``table`` as plain JSON data."""
    return json.loads(json.dumps(cli.analysis(table, loo_max=0, source=source)))


def test_subset_keys_round_trip() -> None:
    assert ex.subset_key([]) == 0
    assert ex.subset_key(ex.TOGGLEABLE) == 511
    assert ex.subset_key(["legal_status", "sector"]) == 1 + 16
    for key in (0, 5, 31, 300, 511):
        assert ex.subset_key(ex.subset_of_key(key)) == key


def test_export_covers_every_subset(export: dict, firms: pd.DataFrame) -> None:
    assert export["format"] == 3
    assert len(export["subsets"]) == 512
    assert export["attributes"] == list(ex.TOGGLEABLE)
    assert sorted(export["objects"]) == sorted(firms["firm_id"])
    assert export["values"] == ["global", "local"]
    own = dict(zip(firms["firm_id"], firms[DECISION].astype(str), strict=True))
    assert [export["values"][d] for d in export["d"]] == [own[o] for o in export["objects"]]
    keys = [json.dumps(r, sort_keys=True) for r in export["rules"]]
    assert len(set(keys)) == len(keys), "rules are stored once"


def test_every_subset_unpacks_to_the_cli_result(export: dict, firms: pd.DataFrame) -> None:
    """All 512 subsets: every key of the CLI's result but leave-one-out is equal."""
    full = DecisionTable(firms, DECISION, conditions=list(ex.TOGGLEABLE), id_column="firm_id")
    for size in range(len(ex.TOGGLEABLE) + 1):
        for combo in combinations(ex.TOGGLEABLE, size):
            got = ex.unpack_result(export, ex.subset_key(combo))
            expected = cli_result(full.subset(combo), got["source"])
            for key in set(expected) - SKIPPED:
                assert got[key] == expected[key], (combo, key)


@pytest.mark.parametrize("conditions", [[], list(ARTICLE_CONDITIONS), list(ex.TOGGLEABLE)])
def test_unpacked_results_follow_the_schema(export: dict, conditions: list[str]) -> None:
    got = ex.unpack_result(export, ex.subset_key(conditions))
    jsonschema.validate(json.loads(json.dumps(got)), cli.analysis_schema())
    assert got["loo_accuracy"] is None and got["loo_skipped"] == _packing.NOT_PRECOMPUTED
    assert got["settings"] == {"beta": None, "rules": "lem2", "min_support": 1, "left_out": []}


def test_article_subset_by_hand(export: dict) -> None:
    """The article's five attributes: a consistent table (quality 1, positive region = all)."""
    got = ex.unpack_result(export, ex.subset_key(ARTICLE_CONDITIONS))
    assert got["quality"] == 1.0
    assert got["positive_region"] == got["objects"]
    assert all(a["boundary"] == [] and a["accuracy"] == 1.0 for a in got["approximations"].values())


def test_minimal_rules_and_min_support(firms: pd.DataFrame) -> None:
    export = ex.precompute_all_subsets(firms, ARTICLE_CONDITIONS, method="minimal", min_support=2)
    table = DecisionTable(firms, DECISION, conditions=list(ARTICLE_CONDITIONS), id_column="firm_id")
    got = ex.unpack_result(export, 31)
    expected = [r.to_dict() for r in table.rules("minimal", min_support=2)]
    assert got["rules"] == json.loads(json.dumps(expected))
    assert all(r["support"] >= 2 and r["type"] == "certain" for r in got["rules"])


def test_export_is_deterministic_and_small(export: dict, firms: pd.DataFrame) -> None:
    shuffled = firms.sample(frac=1.0, random_state=7).reset_index(drop=True)
    again = ex.precompute_all_subsets(shuffled)
    assert json.dumps(again, sort_keys=True) == json.dumps(export, sort_keys=True)
    assert len(json.dumps(export, separators=(",", ":"))) < 200_000


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
def test_many_classes_unpack_to_the_cli_result(k: int) -> None:
    table = many_classes(k)
    export = ex.precompute_all_subsets(table, ["a", "b"], "d")
    assert len(export["values"]) == k
    for key, conditions in enumerate([[], ["a"], ["b"], ["a", "b"]]):
        got = ex.unpack_result(export, key)
        expected = cli_result(DecisionTable(table, "d", conditions=conditions), got["source"])
        for name in set(expected) - SKIPPED:
            assert got[name] == expected[name], (conditions, name)


def test_too_many_classes_are_refused() -> None:
    table = many_classes(_packing.MAX_CLASSES + 1, n=200)
    with pytest.raises(ex.PackingLimitError, match=f"{_packing.MAX_CLASSES + 1} classes"):
        ex.precompute_all_subsets(table, ["a", "b"], "d")


def test_too_many_attributes_are_refused() -> None:
    columns = [f"x{i}" for i in range(_packing.MAX_ATTRIBUTES + 1)]
    table = pd.DataFrame({c: ["0", "1"] for c in columns} | {"d": ["y", "n"]})
    with pytest.raises(ex.PackingLimitError, match="13 attributes would be 8,192 analyses"):
        ex.precompute_all_subsets(table, columns, "d")


def test_own_data_without_an_id_column(firms: pd.DataFrame) -> None:
    anonymous = firms.drop(columns="firm_id").reset_index(drop=True)
    export = ex.precompute_all_subsets(anonymous, ARTICLE_CONDITIONS)
    assert export["objects"] == [str(i) for i in range(1, len(firms) + 1)]
    key = ex.subset_key(ARTICLE_CONDITIONS[:2], ARTICLE_CONDITIONS)
    table = DecisionTable(anonymous, DECISION, conditions=list(ARTICLE_CONDITIONS[:2]))
    got = ex.unpack_result(export, key)
    assert got["approximations"] == cli_result(table, got["source"])["approximations"]
