"""teaching.rules_table(labels=True): rules in the codebook's words (issue 11, item 3)."""

from __future__ import annotations

import pandas as pd

from clusterlab import teaching
from clusterlab.roughsets import DecisionTable


def _table() -> DecisionTable:
    firms = pd.DataFrame(
        {
            "firm_id": ["F1", "F2", "F3", "F4"],
            "legal_status": [
                "foreign_subsidiary_academic_spinoff",
                "foreign_subsidiary_academic_spinoff",
                "independent_no_spinoff",
                "independent_no_spinoff",
            ],
            "export_orientation": ["strong", "strong", "limited", "strong"],
            "network_2005": ["global", "global", "local", "global"],
        }
    )
    return DecisionTable(firms, decision="network_2005", id_column="firm_id")


def test_labelled_rules_use_codebook_labels_and_attribute_words() -> None:
    dt = _table()
    table = teaching.rules_table(dt.rules("lem2"), labels=True)
    texts = " ".join(table["rule"])
    # the codebook's labels (data/datapackage.json), typed here by hand
    assert "Mainly global" in texts and "Mainly local" in texts
    assert "network 2005 = " in texts
    for code in ("foreign_subsidiary_academic_spinoff", "network_2005", "export_orientation"):
        assert code not in texts
    assert "_" not in " ".join(table["conditions"])


def test_a_legal_status_label_in_a_rule() -> None:
    dt = _table()
    rules = [r for r in dt.rules("minimal") if dict(r.conditions).get("legal_status")]
    shown = " ".join(teaching.rules_table(rules, labels=True)["conditions"])
    assert "legal status = Foreign subsidiary; academic spin-off" in shown


def test_a_one_condition_rule_in_words() -> None:
    dt = _table()
    rules = [r for r in dt.rules("minimal") if r.conditions == (("export_orientation", "limited"),)]
    assert len(rules) == 1
    row = teaching.rules_table(rules, labels=True).iloc[0]
    assert row["rule"] == "IF export orientation = Limited THEN network 2005 = Mainly local"
    assert row["decision"] == "Mainly local"


def test_without_labels_the_rule_text_is_the_engines() -> None:
    dt = _table()
    rules = dt.rules("lem2")
    table = teaching.rules_table(rules)
    assert table["rule"].tolist() == [r.text() for r in rules]
