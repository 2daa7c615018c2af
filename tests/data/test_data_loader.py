"""The loader, the codebook and every validation error path (with temporary files)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from clusterlab import data
from clusterlab.data import DataValidationError, load_embeddedness, load_firms

REPO_DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture()
def tmpdata(tmp_path: Path) -> Path:
    """A copy of the data directory that a test may break."""
    for name in ("firms.csv", "embeddedness.csv", "datapackage.json"):
        shutil.copy(REPO_DATA / name, tmp_path / name)
    shutil.copytree(REPO_DATA / "published", tmp_path / "published")
    return tmp_path


def _edit_line(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert old in lines[line - 1], (old, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_data_dir_is_repository_data() -> None:
    assert data.DATA_DIR.resolve() == REPO_DATA.resolve()


def test_env_var_overrides_data_dir(tmpdata: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _edit_line(tmpdata / "firms.csv", 2, "F01,", "F01,")  # same content, other directory
    monkeypatch.setenv("CLUSTERLAB_DATA_DIR", str(tmpdata))
    assert data.data_dir() == tmpdata
    firms = load_firms()
    assert firms.attrs["source"] == str(tmpdata / "firms.csv")


def test_shapes_and_types() -> None:
    firms = load_firms()
    emb = load_embeddedness()
    assert firms.shape == (21, 17) and emb.shape == (105, 4)
    assert list(firms["firm_id"]) == [f"F{i:02d}" for i in range(1, 22)]
    assert firms["founded"].dtype == "int64" and firms["employees_2005"].dtype == "int64"
    assert firms["reverse_model"].dtype == bool
    for col in (
        "founding_period",
        "size_class",
        "innovativeness",
        "export_orientation",
        "virtualisation",
    ):
        assert firms[col].cat.ordered, col
    assert list(firms["innovativeness"].cat.categories) == ["medium", "high_medium", "high"]
    assert firms["innovativeness"].min() == "medium"
    assert list(firms["export_orientation"].cat.categories) == ["limited", "strong"]
    assert list(firms["size_class"].cat.categories) == ["10-50", "51-100", "101-250", ">250"]
    assert not firms["sector"].cat.ordered and not firms["legal_status"].cat.ordered
    assert emb["score_current"].dtype == "int64" and emb["score_changed"].dtype == "int64"
    assert list(emb["factor"].cat.categories) == data.FACTORS


def test_constants() -> None:
    assert data.ARTICLE_CONDITIONS == [
        "sector",
        "founding_period",
        "innovativeness",
        "export_orientation",
        "legal_status",
    ]
    assert data.EXTRA_CONDITIONS == ["size_class", "learning_mode", "region", "virtualisation"]
    assert data.DECISION == "network_2005"
    assert data.FACTORS == [
        "knowledge_institutes",
        "suppliers",
        "customers",
        "labour_market",
        "personal_networks",
    ]


def test_codebook_is_the_datapackage() -> None:
    cb = data.codebook()
    pkg = json.loads((REPO_DATA / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in pkg["resources"][0]["schema"]["fields"]}
    for col in ("sector", "legal_status", "path_2006_2011"):
        assert list(cb.loc[cb["column"] == col, "code"]) == fields[col]["constraints"]["enum"]
    assert data.LABELS_NL["innovativeness"]["high_medium"] == "Hoog/middelmatig"
    assert data.LABELS_EN["legal_status"]["foreign_subsidiary_founded"] == (
        "Foreign subsidiary; founded as such"
    )
    assert data.label("factor", "suppliers", "nl") == "Toeleveranciers"
    # the design's code lists, exactly
    expected = {
        "sector": ["life_sciences", "micro_electronics", "ict", "consultancy"],
        "region": ["randstad", "eindhoven"],
        "founding_period": ["1989-1994", "1995-1999", "2000-2001"],
        "size_class": ["10-50", "51-100", "101-250", ">250"],
        "innovativeness": ["medium", "high_medium", "high"],
        "export_orientation": ["limited", "strong"],
        "legal_status": [
            "independent_academic_spinoff",
            "independent_corporate_spinoff",
            "foreign_subsidiary_academic_spinoff",
            "foreign_subsidiary_founded",
            "independent_no_spinoff",
        ],
        "learning_mode": ["science_based", "problem_based"],
        "virtualisation": ["low", "medium", "high"],
        "network_2005": ["global", "local"],
        "network_change": ["stable", "local_to_global"],
        "acquired_2006_2011": ["not_acquired", "foreign", "domestic"],
        "path_2006_2011": ["none", "local_to_global", "relocated_abroad", "acquired_integrated"],
    }
    for col, codes in expected.items():
        assert sorted(data.LABELS_EN[col]) == sorted(codes), col


def test_datapackage_keys() -> None:
    pkg = data.datapackage()
    res = {r["name"]: r for r in pkg["resources"]}
    assert res["firms"]["schema"]["primaryKey"] == ["firm_id"]
    assert res["embeddedness"]["schema"]["primaryKey"] == ["firm_id", "factor"]
    fk = res["embeddedness"]["schema"]["foreignKeys"][0]
    assert fk == {"fields": ["firm_id"], "reference": {"resource": "firms", "fields": ["firm_id"]}}
    assert [f["name"] for f in res["firms"]["schema"]["fields"]] == list(
        pd.read_csv(REPO_DATA / "firms.csv", nrows=0).columns
    )
    assert pkg["licenses"][0]["name"] == "CC-BY-4.0"
    assert "not the original" in pkg["description"].lower()


def test_reconstruction_is_stated() -> None:
    readme = (REPO_DATA / "README.md").read_text(encoding="utf-8").lower()
    assert "reconstruct" in readme and "not the original" in readme
    assert "cc by 4.0" in readme


# ---- validation errors -------------------------------------------------------------------


def _raises(fn, *args, **kw) -> DataValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(DataValidationError) as info:
        fn(*args, **kw)
    return info.value


def test_wrong_code(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    _edit_line(p, 4, ",life_sciences,", ",lifesciences,")
    err = _raises(load_firms, p)
    assert err.line == 4 and err.column == "sector"
    msg = str(err)
    assert str(p) in msg and "line 4" in msg and "'sector'" in msg
    assert "life_sciences, micro_electronics, ict, consultancy" in msg
    assert isinstance(err, ValueError)


def test_missing_column(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    df = pd.read_csv(p, dtype=str, keep_default_na=False).drop(columns=["legal_status"])
    df.to_csv(p, index=False)
    err = _raises(load_firms, p)
    assert err.line == 1 and err.column == "legal_status"
    assert "missing column 'legal_status'" in str(err) and "firm_id, sector" in str(err)


def test_unexpected_column(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    df["extra"] = "x"
    df.to_csv(p, index=False)
    err = _raises(load_firms, p)
    assert err.line == 1 and err.column == "extra"


def test_duplicate_id(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    _edit_line(p, 5, "F04,", "F02,")
    err = _raises(load_firms, p)
    assert err.line == 5 and err.column == "firm_id"
    assert "duplicate F02" in str(err) and "line 3" in str(err)


def test_bad_id_form(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    _edit_line(p, 5, "F04,", "F4,")
    err = _raises(load_firms, p)
    assert err.line == 5 and err.column == "firm_id"


def test_non_integer_year(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    _edit_line(p, 2, ",1991,", ",1991.5,")
    err = _raises(load_firms, p)
    assert err.line == 2 and err.column == "founded" and "integer" in str(err)


def test_bad_boolean(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    _edit_line(p, 3, ",true,", ",yes,")
    err = _raises(load_firms, p)
    assert err.line == 3 and err.column == "reverse_model" and "true, false" in str(err)


def test_inconsistent_period(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    _edit_line(p, 2, ",1991,1989-1994,", ",1996,1989-1994,")
    err = _raises(load_firms, p)
    assert err.line == 2 and err.column == "founding_period" and "1995-1999" in str(err)


def test_inconsistent_size(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    _edit_line(p, 2, ",35,10-50,", ",135,10-50,")
    err = _raises(load_firms, p)
    assert err.line == 2 and err.column == "size_class" and "101-250" in str(err)


def test_score_out_of_range(tmpdata: Path) -> None:
    p = tmpdata / "embeddedness.csv"
    lines = p.read_text().splitlines()
    fid, factor, cur, _ = lines[6].split(",")
    lines[6] = f"{fid},{factor},{cur},6"
    p.write_text("\n".join(lines) + "\n")
    err = _raises(load_embeddedness, p)
    assert err.line == 7 and err.column == "score_changed"
    assert "from 1 to 5" in str(err) and "out of range" in str(err)


def test_score_zero_and_non_integer(tmpdata: Path) -> None:
    p = tmpdata / "embeddedness.csv"
    lines = p.read_text().splitlines()
    fid, factor, _, chg = lines[1].split(",")
    lines[1] = f"{fid},{factor},0,{chg}"
    fid, factor, cur, _ = lines[2].split(",")
    lines[2] = f"{fid},{factor},{cur},2.5"
    p.write_text("\n".join(lines) + "\n")
    err = _raises(load_embeddedness, p)
    assert err.line == 2 and err.column == "score_current"
    assert len(err.problems) == 2 and "line 3" in err.problems[1]
    assert "'2.5' is not an integer" in err.problems[1]


def test_unknown_firm_in_embeddedness(tmpdata: Path) -> None:
    p = tmpdata / "embeddedness.csv"
    lines = p.read_text().splitlines()
    lines.append("F22,suppliers,3,3")
    p.write_text("\n".join(lines) + "\n")
    err = _raises(load_embeddedness, p)  # F22 is a valid form but not in firms.csv? no:
    # the id pattern allows F01-F21 only, so the schema already rejects it
    assert err.line == 107 and err.column == "firm_id"


def test_firm_not_in_firm_table(tmpdata: Path) -> None:
    firms = load_firms(tmpdata / "firms.csv").iloc[:20]  # F21 removed from the firm table
    err = _raises(load_embeddedness, tmpdata / "embeddedness.csv", firms=firms)
    assert err.line == 102 and err.column == "firm_id" and "unknown firm_id 'F21'" in str(err)
    assert "F01, F02" in err.allowed


def test_missing_pair(tmpdata: Path) -> None:
    p = tmpdata / "embeddedness.csv"
    lines = p.read_text().splitlines()
    dropped = lines.pop(13)  # F03, the fourth factor
    p.write_text("\n".join(lines) + "\n")
    fid, factor = dropped.split(",")[:2]
    err = _raises(load_embeddedness, p)
    assert err.line is None and err.column == "factor"
    assert f"missing row for firm {fid} and factor {factor}" in str(err)
    assert str(p) in str(err) and "knowledge_institutes, suppliers" in str(err)


def test_duplicate_pair(tmpdata: Path) -> None:
    p = tmpdata / "embeddedness.csv"
    lines = p.read_text().splitlines()
    lines.append(lines[1])
    p.write_text("\n".join(lines) + "\n")
    err = _raises(load_embeddedness, p)
    assert err.line == 107 and "duplicate" in str(err) and "primary key" in err.allowed


def test_unknown_factor(tmpdata: Path) -> None:
    p = tmpdata / "embeddedness.csv"
    _edit_line(p, 3, ",suppliers,", ",supplier,")
    err = _raises(load_embeddedness, p)
    assert err.line == 3 and err.column == "factor"


def test_empty_cell(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    _edit_line(p, 10, ",eindhoven,", ",,")
    err = _raises(load_firms, p)
    assert err.line == 10 and err.column == "region" and "empty" in str(err)


def test_nothing_silently_changed(tmpdata: Path) -> None:
    # padding with spaces is an error, not trimmed away
    p = tmpdata / "firms.csv"
    _edit_line(p, 2, ",strong,", ", strong,")
    err = _raises(load_firms, p)
    assert err.line == 2 and err.column == "export_orientation"


def test_published_tables_load() -> None:
    pub = data.load_published()
    assert len(pub.table1) == 28 and len(pub.table2) == 12
    assert pub.table2["significance"].tolist().count("*") == 2
    assert pub.table2["significance"].tolist().count("**") == 1
    assert set(pub.table2.loc[pub.table2["factor"] == "average", "factor_nl"]) == {"Gemiddeld"}


# ---- the file as it is: physical lines, encodings, labels (issue 10, item 7) --------------


def _firm_lines() -> list[str]:
    return (REPO_DATA / "firms.csv").read_text(encoding="utf-8").splitlines()


def test_line_numbers_count_blank_lines(tmpdata: Path) -> None:
    lines = _firm_lines()
    lines[4] = lines[4].replace(",life_sciences,", ",lifesciences,", 1)  # record of line 5
    lines.insert(2, "")  # a blank line 3: the record is now on physical line 6
    lines.insert(0, "")  # and a blank line before the header: line 7
    p = tmpdata / "firms.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = _raises(load_firms, p)
    assert err.line == 7 and err.column == "sector" and "line 7," in str(err)


def test_line_numbers_count_quoted_line_breaks(tmpdata: Path) -> None:
    lines = _firm_lines()
    # line 2: a code broken over two physical lines inside quotes (lines 2-3) ...
    lines[1] = lines[1].replace(",independent_academic_spinoff,", ',"independent\nacademic",', 1)
    # ... so the record written as line 3 of the original is on physical line 4
    lines[2] = lines[2].replace(",life_sciences,", ",lifesciences,", 1)
    p = tmpdata / "firms.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = _raises(load_firms, p)
    assert err.line == 2 and err.column == "legal_status"
    assert "'independent\\nacademic'" in err.problems[0]
    assert err.problems[1].startswith(f"{p}: line 4, column 'sector': unknown code")


def test_crlf_line_ends(tmpdata: Path) -> None:
    lines = _firm_lines()
    lines[2] = lines[2].replace(",life_sciences,", ",x,", 1)
    p = tmpdata / "firms.csv"
    p.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    err = _raises(load_firms, p)
    assert err.line == 3 and err.column == "sector"


def test_header_only_file_is_refused(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    p.write_text(_firm_lines()[0] + "\n", encoding="utf-8")
    err = _raises(load_firms, p)
    assert err.line == 1 and str(err) == (
        f"{p}: line 1: the file has a header but no data rows; allowed: at least one data row"
    )


def test_empty_file_is_refused(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    p.write_text("\n\n", encoding="utf-8")
    err = _raises(load_firms, p)
    assert err.line == 1 and "empty" in str(err)


def test_bom_is_accepted(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    p.write_bytes(b"\xef\xbb\xbf" + (REPO_DATA / "firms.csv").read_bytes())
    with_bom = load_firms(p)
    pd.testing.assert_frame_equal(with_bom, load_firms(REPO_DATA / "firms.csv"), check_like=False)
    assert list(with_bom.columns)[0] == "firm_id"


def test_other_encoding_is_refused_with_file_and_line(tmpdata: Path) -> None:
    lines = _firm_lines()
    lines[3] = lines[3].replace("F03", "F0\u00e9", 1)  # an e-acute, written as cp1252 0xE9
    p = tmpdata / "firms.csv"
    p.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    err = _raises(load_firms, p)
    assert err.line == 4 and err.column is None
    msg = str(err)
    assert msg.startswith(f"{p}: line 4: byte 0xe9 is not UTF-8") and "save it as UTF-8" in msg
    assert "\n" not in msg


@pytest.mark.parametrize(
    "year",
    ["\u0661\u0669\u0669\u0661", "\uff11\uff19\uff19\uff11", "1_991", " 1991", "1991.0", "+"],
)
def test_only_ascii_digits_are_integers(tmpdata: Path, year: str) -> None:
    # Python's int() accepts the first two (Arabic-Indic, full-width digits) and the third
    assert year.strip() != "1991" or year != year.strip()
    p = tmpdata / "firms.csv"
    _edit_line(p, 2, ",1991,", f",{year},")
    err = _raises(load_firms, p)
    assert err.line == 2 and err.column == "founded"


def test_only_ascii_digits_are_numbers(tmpdata: Path) -> None:
    p = tmpdata / "published" / "table2.csv"
    lines = p.read_text(encoding="utf-8").splitlines()
    assert lines[1].split(",")[6] == "3.8"
    lines[1] = lines[1].replace(",3.8,", ",\uff13.8,", 1)  # a full-width 3
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        data.load_published(tmpdata / "published")
    assert info.value.line == 2 and info.value.column == "mean_local"


def test_published_tables_count_physical_lines(tmpdata: Path) -> None:
    p = tmpdata / "published" / "table2.csv"
    lines = p.read_text(encoding="utf-8").splitlines()
    assert lines[1].endswith(",")  # row 1 has an empty note: give it a two-line note
    lines[1] = lines[1] + '"first line\nsecond line"'
    lines[2] = lines[2].replace(",4.4,", ",4.4x,", 1)  # record 2, now on physical line 4
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        data.load_published(tmpdata / "published")
    assert info.value.line == 4 and info.value.column == "mean_local"


def test_values_are_the_text_of_the_file() -> None:
    """Every text column of every loaded table holds exactly the file's cells."""
    import csv

    firms = load_firms()
    with open(REPO_DATA / "firms.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for col in firms.columns:
        if col in ("founded", "employees_2005", "reverse_model"):
            continue
        assert list(firms[col].astype(str)) == [r[col] for r in rows], col
    pub = data.load_published()
    with open(REPO_DATA / "published" / "table2.csv", newline="", encoding="utf-8") as fh:
        printed = [r["difference_as_printed"] for r in csv.DictReader(fh)]
    assert list(pub.table2["difference_as_printed"]) == printed
    assert pub.table2["difference_as_printed"].iloc[0] == "\u20130,5"  # not parsed as a number


def test_codes_with_leading_zeros_stay_text(tmpdata: Path) -> None:
    """A published code such as 007 is not turned into 7 (string fields are never parsed)."""
    p = tmpdata / "published" / "table1.csv"
    lines = p.read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",")
    assert first[6] == "life_sciences"
    first[6] = "007"
    lines[1] = ",".join(first)
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert data.load_published(tmpdata / "published").table1["code"].iloc[0] == "007"


def test_classes_are_derived_with_pd_cut_boundaries() -> None:
    # the printed classes: periods 1989-1994, 1995-1999, 2000-2001; sizes 10-50 ... >250
    years = [1989, 1994, 1995, 1999, 2000, 2001]
    assert list(data.founding_periods(years).astype(str)) == [
        "1989-1994", "1989-1994", "1995-1999", "1995-1999", "2000-2001", "2000-2001"
    ]  # fmt: skip
    assert data.founding_periods([1988, 2002]).isna().all()
    sizes = [10, 50, 51, 100, 101, 250, 251, 5000]
    assert list(data.size_classes(sizes).astype(str)) == [
        "10-50", "10-50", "51-100", "51-100", "101-250", "101-250", ">250", ">250"
    ]  # fmt: skip
    assert data.founding_period_of(1997) == "1995-1999" and data.size_class_of(251) == ">250"
    with pytest.raises(ValueError, match="1988"):
        data.founding_period_of(1988)


def test_import_stays_light() -> None:
    """Chapters import clusterlab.data: the validation library is imported only on loading."""
    import subprocess
    import sys

    code = (
        "import sys, clusterlab.data as d; assert 'frictionless' not in sys.modules; "
        "d.load_firms(); assert 'frictionless' in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        load_firms(tmp_path / "nope.csv")


def test_duplicated_column(tmpdata: Path) -> None:
    p = tmpdata / "firms.csv"
    lines = _firm_lines()
    lines = [line + ",x" for line in lines]
    lines[0] = lines[0][: -len(",x")] + ",sector"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = _raises(load_firms, p)
    assert (
        err.line == 1 and err.column == "sector" and "duplicated column(s) ['sector']" in str(err)
    )


def test_row_with_too_few_cells_after_a_blank_line(tmpdata: Path) -> None:
    lines = _firm_lines()
    lines[5] = lines[5].rsplit(",", 1)[0]  # record 6 loses its last cell
    lines.insert(1, "")
    p = tmpdata / "firms.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = _raises(load_firms, p)
    assert err.line == 7 and err.column is None and "16 cells instead of 17" in str(err)


def test_unreadable_csv_names_the_line(tmpdata: Path) -> None:
    import csv

    lines = _firm_lines()
    lines[2] = lines[2].replace("F02,", '"' + "x" * 2_000 + '",', 1)
    p = tmpdata / "firms.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    limit = csv.field_size_limit(1_000)  # frictionless raises the module-wide limit
    try:
        err = _raises(load_firms, p)
    finally:
        csv.field_size_limit(limit)
    assert err.line == 3 and "not readable as CSV" in str(err)
    err = _raises(load_firms, p)  # with the limit raised: a wrong id, shown shortened
    assert err.line == 3 and err.column == "firm_id" and len(str(err)) < 300
