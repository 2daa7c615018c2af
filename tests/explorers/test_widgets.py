"""The live explorers (clusterlab.explorers) driven like a reader would: set control values,
read what the explorer displays, compare with the engines called directly in the test."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from codebook_labels import name_of, read_codebook

from clusterlab import embeddedness as E
from clusterlab import explorers as W
from clusterlab import paths as P
from clusterlab.data import ARTICLE_CONDITIONS, load_embeddedness, load_published
from clusterlab.roughsets import DecisionTable


class _Cells(HTMLParser):
    """Rows of ``<tr>`` (optionally only those with a CSS class) as lists of cell texts."""

    def __init__(self, row_class: str | None) -> None:
        super().__init__()
        self.row_class, self.rows, self._row, self._cell = row_class, [], None, None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr" and (self.row_class is None or ("class", self.row_class) in attrs):
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell += data


def table_rows(markup: str, row_class: str | None = None) -> list[list[str]]:
    parser = _Cells(row_class)
    parser.feed(markup)
    return parser.rows


def span(markup: str, css: str) -> str:
    found = re.search(rf"<span class='{css}'>(.*?)</span>", markup)
    assert found, f"no {css} in the display"
    return html.unescape(found.group(1))


def list_items(markup: str, css: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(rf"<li class='{css}'>(.*?)</li>", markup)]


def shown(explorer: W.RoughSetExplorer) -> dict:
    """What the rough-set explorer displays, read back from its HTML."""
    return {
        "quality": float(span(explorer.summary_html, "rsx-quality")),
        "core": span(explorer.summary_html, "rsx-core"),
        "reducts": list_items(explorer.summary_html, "rsx-reduct"),
        "left_out": span(explorer.summary_html, "rsx-left-out"),
        "rules": table_rows(explorer.rules_html, "rsx-rule"),
    }


def braces(names: tuple[str, ...]) -> str:
    return "{" + ", ".join(name_of(n) for n in names) + "}"


CODEBOOK = read_codebook()


def label_of(column: str, value: object) -> str:
    return CODEBOOK.get(column, {}).get(str(value), str(value))


def in_phrase(text: str) -> str:
    """A capitalised label inside "certainly ..." ("Mainly global" -> "mainly global")."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def expected_rows(
    table: DecisionTable, method: str = "lem2", min_support: int = 1
) -> list[list[str]]:
    rows = []
    for i, r in enumerate(table.rules(method, min_support=min_support), start=1):
        conditions = " AND ".join(f"{name_of(a)} = {label_of(a, v)}" for a, v in r.conditions)
        rows.append(
            [
                str(i),
                conditions,
                " or ".join(label_of(table.decision, v) for v in r.decisions),
                r.kind,
                str(r.support),
                f"{r.strength:.2f}",
                f"{r.certainty:.2f}",
                f"{r.coverage:.2f}",
            ]
        )
    return rows


def assert_shows(
    explorer: W.RoughSetExplorer,
    table: DecisionTable,
    *,
    beta: float | None = None,
    method: str = "lem2",
    min_support: int = 1,
) -> None:
    got = shown(explorer)
    assert got["quality"] == pytest.approx(round(table.quality(beta=beta), 3), abs=1e-9)
    assert got["core"] == (braces(table.core()) if table.core() else "(empty)")
    assert got["reducts"] == [braces(r) for r in table.reducts()]
    rules = expected_rows(table, method, min_support) if table.conditions else []
    assert got["rules"] == rules
    regions = {
        o: r
        for o, r in zip(
            explorer.chart.data["object"],  # type: ignore[union-attr]
            explorer.chart.data["region"],
            strict=True,
        )
    }
    word = "certainly" if beta is None else "mostly"
    for value, approx in table.approximations(beta=beta).items():
        for label in approx.lower:
            assert regions[label] == f"{word} {in_phrase(label_of(table.decision, value))}"
    for label in table.boundary_region(beta=beta):
        if not any(label in a.lower for a in table.approximations(beta=beta).values()):
            assert regions[label] == "boundary"


def test_initial_view_is_the_articles_analysis(firms: pd.DataFrame) -> None:
    explorer = W.roughset_explorer(firms)
    assert [a for a, box in explorer.attribute_boxes.items() if box.value] == list(
        ARTICLE_CONDITIONS
    )
    assert explorer.decision.value == "network_2005"
    table = DecisionTable(firms, "network_2005", ARTICLE_CONDITIONS, id_column="firm_id")
    assert_shows(explorer, table)
    assert shown(explorer)["left_out"] == "none"


def test_switching_off_legal_status_updates_everything(firms: pd.DataFrame) -> None:
    explorer = W.roughset_explorer(firms)
    before = shown(explorer)
    explorer.attribute_boxes["legal_status"].value = False
    conditions = [a for a in ARTICLE_CONDITIONS if a != "legal_status"]
    table = DecisionTable(firms, "network_2005", conditions, id_column="firm_id")
    assert_shows(explorer, table)
    assert shown(explorer) != before
    assert table.quality() < 1.0  # the book's data: legal status is needed


def test_extra_attributes_decision_method_and_support(firms: pd.DataFrame) -> None:
    explorer = W.roughset_explorer(firms)
    explorer.attribute_boxes["virtualisation"].value = True
    explorer.attribute_boxes["sector"].value = False
    explorer.decision.value = "acquired_2006_2011"
    explorer.method.value = "minimal"
    explorer.min_support.value = 2
    conditions = [
        "founding_period",
        "innovativeness",
        "export_orientation",
        "legal_status",
        "virtualisation",
    ]
    table = DecisionTable(firms, "acquired_2006_2011", conditions, id_column="firm_id")
    assert_shows(explorer, table, method="minimal", min_support=2)
    assert all(int(row[4]) >= 2 for row in shown(explorer)["rules"])


def test_beta_only_when_switched_on(firms: pd.DataFrame) -> None:
    explorer = W.roughset_explorer(firms)
    for a, box in explorer.attribute_boxes.items():
        box.value = a in ("sector", "export_orientation")
    table = DecisionTable(
        firms, "network_2005", ["sector", "export_orientation"], id_column="firm_id"
    )
    explorer.beta.value = 0.6
    assert explorer.beta.disabled
    assert_shows(explorer, table)  # beta ignored while switched off
    explorer.use_beta.value = True
    assert not explorer.beta.disabled
    assert_shows(explorer, table, beta=0.6)
    assert "VPRS, beta = 0.6" in explorer.summary_html
    assert table.quality(beta=0.6) != table.quality()


def test_leave_out_and_errors(firms: pd.DataFrame) -> None:
    explorer = W.roughset_explorer(firms)
    explorer.leave_out.value = ("F02", "F14")
    table = DecisionTable(
        firms, "network_2005", ARTICLE_CONDITIONS, id_column="firm_id"
    ).drop_objects(["F02", "F14"])
    assert_shows(explorer, table)
    assert shown(explorer)["left_out"] == "F02, F14"
    assert set(
        explorer.chart.data.loc[
            explorer.chart.data["region"] == "left out",  # type: ignore[union-attr]
            "object",
        ]
    ) == {"F02", "F14"}
    explorer.leave_out.value = tuple(explorer.leave_out.options)
    assert explorer.result is None and explorer.chart is None
    assert "empty" in explorer.error and explorer.error in html.unescape(explorer.summary_html)
    explorer.leave_out.value = ()
    assert explorer.error is None and explorer.result is not None


def test_no_attributes(firms: pd.DataFrame) -> None:
    explorer = W.roughset_explorer(firms)
    for box in explorer.attribute_boxes.values():
        box.value = False
    got = shown(explorer)
    assert got["quality"] == 0.0 and got["core"] == "(empty)" and got["reducts"] == ["{}"]
    assert "(no rules)" in explorer.rules_html


def test_attributes_are_written_as_words(firms: pd.DataFrame) -> None:
    """Checkboxes, decision menu, rule header and chart name the codebook's attributes in words
    (``legal status``), as the book's pages do; a reader's own columns keep their names."""
    explorer = W.roughset_explorer(firms)
    assert explorer.attribute_boxes["legal_status"].description == "legal status"
    assert {box.description for box in explorer.attribute_boxes.values()} == {
        a.replace("_", " ") for a in explorer.attribute_boxes
    }
    assert ("network 2005", "network_2005") in explorer.decision.options
    assert "<th>THEN network 2005</th>" in explorer.rules_html
    assert "legal_status" not in explorer.rules_html + explorer.summary_html
    chart = explorer.chart.to_dict()  # type: ignore[union-attr]
    assert "network 2005" in str(chart["title"]) and "legal status" in str(chart["title"])
    own = pd.DataFrame(
        {"team_size": ["1", "2", "2"], "grew_up": ["no", "yes", "no"], "id": ["a", "b", "c"]}
    )
    mine = W.RoughSetExplorer(own, decisions=["grew_up"], id_column="id")
    assert [box.description for box in mine.attribute_boxes.values()] == ["team_size"]
    assert mine.decision.options == (("grew_up", "grew_up"),)
    assert "team_size = 2" in mine.rules_html


def test_controls_are_exposed(firms: pd.DataFrame) -> None:
    explorer = W.roughset_explorer(firms)
    names = set(explorer.controls)
    assert {f"attribute:{a}" for a in explorer.attribute_boxes} <= names
    assert {"decision", "method", "use_beta", "beta", "min_support", "leave_out"} <= names
    assert explorer.widget.children  # a displayable VBox


# ----------------------------------------------------------------------- embeddedness explorer


@pytest.fixture(scope="module")
def emb_explorer(firms: pd.DataFrame) -> W.EmbeddednessExplorer:
    return W.embeddedness_explorer(firms, load_embeddedness(firms=firms))


@pytest.mark.parametrize("test", sorted(E.TESTS))
@pytest.mark.parametrize("period", ["current", "changed"])
def test_embeddedness_explorer_shows_table2(
    emb_explorer: W.EmbeddednessExplorer, test: str, period: str
) -> None:
    explorer = emb_explorer
    firms, scores = explorer.firms, explorer.scores
    explorer.factor.value = "all"
    explorer.period.value = period
    explorer.test.value = test
    rows = table_rows(explorer.table_html, "emb-row")
    assert len(rows) == 5
    long = E.group_scores(firms, scores)
    printed = load_published().table2.set_index(["factor", "measure"])
    fn = E.significance_test(test)
    for row, factor in zip(rows, E.FACTORS, strict=True):
        part = long[(long["factor"] == factor) & (long["measure"] == period)]
        local = part.loc[part["group"] == "local", "score"].astype(float).to_numpy()
        glob = part.loc[part["group"] == "global", "score"].astype(float).to_numpy()
        _, p = fn(glob, local)
        assert row[1] == f"{local.mean():.2f}" and row[2] == f"{glob.mean():.2f}"
        assert row[3] == f"{glob.mean() - local.mean():.2f}"
        assert row[4] == f"{p:.3f}"
        assert row[5] == (E.mark(p) or "-")
        assert row[6].startswith(f"{printed.loc[(factor, period), 'mean_local']:.1f} / ")


def test_embeddedness_explorer_one_factor(emb_explorer: W.EmbeddednessExplorer) -> None:
    explorer = emb_explorer
    explorer.factor.value = "suppliers"
    assert list(explorer.table["factor"]) == ["suppliers"]
    assert len(table_rows(explorer.table_html, "emb-row")) == 1
    assert explorer.chart is not None


# ----------------------------------------------------------------------------- paths explorer


def test_paths_explorer(firms: pd.DataFrame) -> None:
    explorer = W.paths_explorer(firms)
    counts = P.transition_counts(firms)
    rows = table_rows(explorer.transitions_html)
    # headed and labelled by the codebook: network_2005 and the paths' labels
    assert rows[0] == [
        "Knowledge network 2005",
        "Mainly global",
        "Mainly local",
        "Relocated abroad",
        "Acquired and integrated",
    ]
    network = {"Mainly global": "global", "Mainly local": "local"}
    assert [row[0] for row in rows[1:]] == list(network)
    for row in rows[1:]:
        assert [int(x) for x in row[1:]] == counts.loc[network[row[0]]].tolist()
    for key in (*P.PATHS, P.NO_PATH):
        explorer.path.value = key
        expected = sorted(firms.loc[firms["path_2006_2011"] == key, "firm_id"])
        assert explorer.shown_firms == expected
        listed = [r[0] for r in table_rows(explorer.firms_html)[1:]]
        assert listed == expected
    explorer.attribute.value = "legal_status"
    title = explorer.chart.to_dict()["title"]["text"]  # type: ignore[union-attr]
    assert title == "Events 2006-2011 by legal status 2005 and origin"
    assert "<th>" in explorer.firms_html and "Independent; academic spin-off" in explorer.firms_html


def test_explorers_on_own_data_without_firm_id(firms: pd.DataFrame) -> None:
    anonymous = firms.drop(columns="firm_id").reset_index(drop=True)
    rough = W.roughset_explorer(anonymous)
    assert rough.error is None and rough.result is not None
    assert rough.leave_out.options == tuple(str(i) for i in range(1, len(firms) + 1))
    rough.leave_out.value = ("2",)
    assert rough.result["left_out"] == ["2"]
    paths = W.paths_explorer(anonymous)
    assert paths.shown_firms == [str(i) for i in range(1, len(firms) + 1)]


def test_rough_set_explorer_on_a_table_with_many_classes() -> None:
    """Twelve decision classes: the chart's palette cycles instead of failing."""
    rows = [{"a": str(i % 4), "b": str(i % 3), "d": f"class {i % 12}"} for i in range(48)]
    explorer = W.roughset_explorer(pd.DataFrame(rows), decisions=["d"])
    assert explorer.error is None
    spec = explorer.chart.to_dict()  # type: ignore[union-attr]
    assert len(spec["spec"]["layer"][0]["encoding"]["color"]["scale"]["range"]) == 12
