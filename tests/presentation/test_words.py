"""The one place for words: codebook labels, sets, regions, rules, paths, tables."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from clusterlab import words
from clusterlab.roughsets import DecisionTable, Rule


def test_codebook_labels_and_fallback() -> None:
    # as written in data/datapackage.json
    assert words.value_label("legal_status", "independent_corporate_spinoff") == (
        "Independent; corporate spin-off"
    )
    assert words.value_label("network_2005", "global") == "Mainly global"
    assert words.value_label("factor", "labour_market") == "Labour market"
    assert words.value_label("sector", "shipbuilding") == "shipbuilding"  # unknown code
    assert words.value_label("my_column", "x") == "x"  # unknown column
    assert words.column_title("legal_status") == "Legal status 2005 and origin"
    assert words.column_title("my_column") == "my_column"
    copy = words.value_labels()
    copy["sector"]["ict"] = "changed"
    assert words.value_label("sector", "ict") == "ICT"


def test_sets_and_regions() -> None:
    assert words.set_text(["a", "b"]) == "{a, b}"
    assert words.set_text([]) == "(empty)" and words.set_text([], "{}") == "{}"
    assert words.join_labels(["F01", "F03"]) == "F01, F03" and words.join_labels([]) == "(none)"
    assert words.region_label("Mainly global") == "certainly mainly global"
    assert words.region_label("Mainly local", beta=0.8) == "mostly mainly local"
    assert words.region_label("ICT") == "certainly ICT"
    assert words.region_label("global", prefix="surely ") == "surely global"


def test_paths_are_numbered_in_the_codebooks_order() -> None:
    assert words.path_name("local_to_global") == "Path 1: From local to global"
    assert words.path_name("relocated_abroad") == "Path 2: Relocated abroad"
    assert words.path_name("acquired_integrated") == "Path 3: Acquired and integrated"
    assert words.path_name("none") == "No path"


def test_a_rule_writes_itself_and_its_json_form_the_same_way() -> None:
    table = pd.DataFrame(
        {
            "legal_status": ["independent_corporate_spinoff"] * 2 + ["independent_no_spinoff"],
            "network_2005": ["global", "global", "local"],
        }
    )
    rule = DecisionTable(table, "network_2005").rules()[0]
    assert str(rule) == "IF legal_status = independent_corporate_spinoff THEN network_2005 = global"
    labels = words.value_labels()
    expected = "IF legal_status = Independent; corporate spin-off THEN network_2005 = Mainly global"
    assert rule.text(labels) == expected
    assert words.rule_text(rule, labels=labels) == expected
    assert words.rule_text(rule.to_dict(), "network_2005", labels) == expected
    assert words.rule_text(rule.to_dict(), "network_2005") == str(rule)


@given(st.dictionaries(st.text(min_size=1), st.text(), min_size=1, max_size=3), st.text())
def test_rule_text_round_trip_through_json(conditions: dict[str, str], d: str) -> None:
    rule = Rule(tuple(conditions.items()), (d,), "certain", 1, 0.5, 1.0, 0.5, ("1",), "dec")
    assert words.rule_text(rule.to_dict(), "dec") == str(rule)
    labels = {a: {v: f"<{v}>"} for a, v in conditions.items()}
    assert words.rule_text(rule.to_dict(), "dec", labels) == rule.text(labels)
    assert all(f"{a} = <{v}>" in rule.text(labels) for a, v in conditions.items())


def test_tables_show_labels_and_no_index() -> None:
    frame = pd.DataFrame({"sector": ["ict", "consultancy"], "n": [3, 1]}, index=[7, 8])
    shown = words.labelled(frame)
    assert list(shown["sector"]) == ["ICT", "Consultancy"] and list(frame["sector"]) == [
        "ict",
        "consultancy",
    ]
    html = words.show_table(frame).to_html()
    assert "ICT" in html and "row_heading" not in html and ">7<" not in html
    assert "ict" in words.show_table(frame, labels=False).to_html()


def test_attribute_names_of_the_codebook_read_as_words_and_others_stay() -> None:
    assert words.attribute_name("export_orientation") == "export orientation"
    assert words.attribute_name("network_2005") == "network 2005"
    # a reader's own columns are not in the codebook: shown exactly (x_y and "x y" stay apart)
    assert words.attribute_name("x_y") == "x_y"
    assert words.attribute_name("rd_intensity") == "rd_intensity"
