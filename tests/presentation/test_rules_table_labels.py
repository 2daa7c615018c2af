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


def test_stability_wide_in_words() -> None:
    from clusterlab.roughsets import ReductStability

    boot = ReductStability(
        method="bootstrap",
        n_samples=4,
        attribute_share={"export_orientation": 0.75, "sector": 0.25},
        core_share={"export_orientation": 0.5, "sector": 0.0},
        reduct_share={("export_orientation",): 0.75},
    )
    loo = ReductStability(
        method="loo",
        n_samples=2,
        attribute_share={"export_orientation": 1.0, "sector": 0.5},
        core_share={"export_orientation": 1.0, "sector": 0.0},
        reduct_share={("export_orientation",): 1.0},
    )
    wide = teaching.stability_wide([boot, loo])
    assert wide["attribute"].tolist() == ["Export orientation", "Sector"]
    assert list(wide.columns) == [
        "attribute",
        "in a reduct (bootstrap)",
        "in a reduct (leave-one-out)",
        "in the core (bootstrap)",
        "in the core (leave-one-out)",
    ]
    assert wide.iloc[0, 1:].tolist() == [0.75, 1.0, 0.5, 1.0]
    assert wide.iloc[1, 1:].tolist() == [0.25, 0.5, 0.0, 0.0]


def test_classes_table_labels_the_decisions() -> None:
    dt = _table()
    firms = pd.DataFrame(
        {
            "firm_id": ["F1", "F2", "F3", "F4"],
            "legal_status": ["foreign_subsidiary_academic_spinoff"] * 2
            + ["independent_no_spinoff"] * 2,
            "export_orientation": ["strong", "strong", "limited", "strong"],
            "network_2005": ["global", "global", "local", "global"],
        }
    )
    plain = teaching.classes_table(dt, firms, id_column="firm_id")
    labelled = teaching.classes_table(dt, firms, id_column="firm_id", labels=True)
    assert plain["decisions"].tolist() == ["global 2", "local 1", "global 1"]
    assert labelled["decisions"].tolist() == [
        "Mainly global 2",
        "Mainly local 1",
        "Mainly global 1",
    ]


def test_rule_words_writes_one_rule_as_the_tables_do() -> None:
    dt = _table()
    rules = [r for r in dt.rules("minimal") if r.conditions == (("export_orientation", "limited"),)]
    assert teaching.rule_words(rules[0]) == (
        "IF export orientation = Limited THEN network 2005 = Mainly local"
    )
    assert teaching.rule_words(rules[0], labels=False) == rules[0].text()


def test_the_glued_category_rules_are_in_the_codebooks_words(firms: pd.DataFrame) -> None:
    from clusterlab import findings

    glued = {**findings.findings_facts(firms), **findings.method_facts(firms)}
    for key in ("cat1_rule", "cat2_rule", "cat3_rule", "academic_rule", "top_rule", "ex_rule"):
        text = str(glued[key])
        assert text.startswith("IF ") and text.endswith("= Mainly global"), (key, text)
        assert "_" not in text, (key, text)
    # category 2 of the article: independent corporate spin-offs (label typed from the codebook)
    assert "legal status = Independent; corporate spin-off" in str(glued["cat2_rule"])
