"""The static rough-set explorer in the freshly built book, driven in headless chromium.

The test ticks and unticks the page's checkboxes as a reader would and reads what the page then
shows (the text of the SVG the explorer draws). For each subset it compares that with the
rough-set engine computed here, directly - not with the precomputed data in the page. Values are
written with the codebook's labels (read here from data/datapackage.json); the page wraps long
lines, so texts are compared with the lines joined by spaces.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from clusterlab.data import ARTICLE_CONDITIONS, DECISION, EXTRA_CONDITIONS, load_firms
from clusterlab.explorers import explorer_param_name
from clusterlab.roughsets import DecisionTable

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "book/03_rough_set_explorer.html"
TOGGLEABLE = [*ARTICLE_CONDITIONS, *EXTRA_CONDITIONS]
VIEWS = ("rsx_summary", "rsx_reducts", "rsx_rule", "rsx_regions")
CODEBOOK = {
    field["name"]: {c["value"]: c["label"] for c in field["categories"]}
    for field in json.loads(
        (Path(__file__).parents[2] / "data" / "datapackage.json").read_text(encoding="utf-8")
    )["resources"][0]["schema"]["fields"]
    if "categories" in field
}
#: The decision classes inside "certainly ...": their labels, lowered ("Mainly global").
AREA = {"global": "mainly global", "local": "mainly local"}
# Text of one explorer view, in display order (top to bottom): the view's name is a class of
# its SVG mark group (Altair may append a suffix inside layers, hence the prefix match).
READ_VIEW = """(name) => {
  const groups = Array.from(document.querySelectorAll('#fig-ch3x-static g.role-mark'))
    .filter(g => Array.from(g.classList).some(
      c => c === name + '_marks' || c.startsWith(name + '_') && c.endsWith('_marks')));
  const items = [];
  for (const g of groups) for (const t of g.querySelectorAll('text')) {
    const m = /translate\\(([-\\d.]+),([-\\d.]+)\\)/.exec(t.getAttribute('transform') || '');
    items.push([m ? parseFloat(m[2]) : 0, t.textContent]);
  }
  items.sort((a, b) => a[0] - b[0]);
  return items.map(i => i[1]);
}"""


@pytest.fixture(scope="module")
def explorer_page(offline_tab, book_server: str) -> Iterator[object]:
    """The explorer page, loaded with every request outside 127.0.0.1 refused."""
    context, tab, outside, errors = offline_tab(
        f"{book_server}/{PAGE}", viewport={"width": 1280, "height": 1000}
    )
    tab.locator("#fig-ch3x-static g.role-mark").first.wait_for(state="attached",
                                                                timeout=20_000)
    tab.errors = errors  # type: ignore[attr-defined]
    tab.outside = outside  # type: ignore[attr-defined]
    yield tab
    context.close()


def read(tab) -> dict[str, str]:
    """Each view's text, its (wrapped) lines joined by spaces."""
    return {view: " ".join(tab.evaluate(READ_VIEW, view)) for view in VIEWS}


def settle(tab) -> dict[str, str]:
    """Wait until the redrawn view is stable (two equal reads after animation frames)."""
    previous = None
    for _ in range(50):
        tab.evaluate("() => new Promise(r => requestAnimationFrame(() => "
                     "requestAnimationFrame(r)))")
        current = read(tab)
        if current == previous:
            return current
        previous = current
        tab.wait_for_timeout(40)
    raise AssertionError("the explorer did not settle")


def choose(tab, conditions: list[str]) -> dict[str, str]:
    """Tick exactly ``conditions`` by clicking the page's checkboxes; return what it shows."""
    for attribute in TOGGLEABLE:
        box = tab.locator(f"input[type=checkbox][name={explorer_param_name(attribute)}]")
        if box.is_checked() != (attribute in conditions):
            box.click()
    return settle(tab)


def braces(names: tuple[str, ...]) -> str:
    return "{" + ", ".join(names) + "}"


def assert_measure(text: str, name: str, exact: float) -> None:
    shown = float(re.search(rf"{name} ([\d.]+)", text).group(1))  # type: ignore[union-attr]
    assert abs(shown - exact) <= 0.005 + 1e-9, f"{name}: page {shown}, engine {exact}"


def labelled(attribute: str, value: object) -> str:
    return CODEBOOK.get(attribute, {}).get(str(value), str(value))


def assert_page_shows_engine(shown: dict[str, str], firms: pd.DataFrame,
                             conditions: list[str]) -> None:
    ordered = [a for a in TOGGLEABLE if a in conditions]
    table = DecisionTable(firms, DECISION, conditions=ordered, id_column="firm_id")
    n, positive = table.n, len(table.positive_region())
    core = table.core()
    reducts = table.reducts()
    rules = table.rules("lem2") if ordered else []
    assert shown["rsx_summary"] == " ".join([
        f"Quality of classification: {table.quality():.3f} ({positive} of {n} firms in the "
        "positive region)",
        f"Core: {braces(core) if core else '(empty)'}",
        f"Reducts: {len(reducts)}",
        f"Rules (LEM2): {len(rules)}",
    ])
    assert shown["rsx_reducts"] == " ".join(braces(r) for r in reducts)
    cards = re.split(r"(?:^| )(?=\d+\. IF )", shown["rsx_rule"])[1:] if rules else []
    assert len(cards) == len(rules), shown["rsx_rule"]
    for i, (card, rule) in enumerate(zip(cards, rules, strict=True), start=1):
        conditions_text = " AND ".join(f"{a} = {labelled(a, v)}" for a, v in rule.conditions)
        decision = " OR ".join(f"{DECISION} = {labelled(DECISION, v)}" for v in rule.decisions)
        assert card.startswith(f"{i}. IF {conditions_text} THEN {decision} ({rule.kind}; "
                               f"support {rule.support}, "), card
        assert_measure(card, "strength", rule.strength)
        assert_measure(card, "certainty", rule.certainty)
        assert_measure(card, "coverage", rule.coverage)
    approx = table.approximations()
    lowers = {label for a in approx.values() for label in a.lower}
    expected = []
    first, *rest = table.decision_values
    for name, members in [(f"certainly {AREA[first]}", approx[first].lower),
                          ("boundary", tuple(o for o in table.objects if o not in lowers)),
                          *[(f"certainly {AREA[v]}", approx[v].lower) for v in rest]]:
        if members:
            expected.append(f"{name} ({len(members)}): {', '.join(members)}")
    assert shown["rsx_regions"] == " ".join(expected)


def test_starts_with_the_articles_attributes(explorer_page, firms: pd.DataFrame) -> None:
    tab = explorer_page
    for attribute in TOGGLEABLE:
        box = tab.locator(f"input[type=checkbox][name={explorer_param_name(attribute)}]")
        assert box.is_checked() == (attribute in ARTICLE_CONDITIONS), attribute
    assert_page_shows_engine(settle(tab), firms, list(ARTICLE_CONDITIONS))


SUBSETS = [
    [a for a in ARTICLE_CONDITIONS if a != "legal_status"],
    TOGGLEABLE,
    ["region", "virtualisation"],
    ["legal_status", "size_class", "learning_mode"],
    [],
    list(ARTICLE_CONDITIONS),
]


@pytest.mark.parametrize("conditions", SUBSETS, ids=lambda c: "+".join(c) or "none")
def test_clicking_shows_the_engines_analysis(explorer_page, firms: pd.DataFrame,
                                             conditions: list[str]) -> None:
    shown = choose(explorer_page, conditions)
    assert_page_shows_engine(shown, firms, conditions)


def test_switching_legal_status_off_changes_the_view(explorer_page) -> None:
    on = choose(explorer_page, list(ARTICLE_CONDITIONS))
    off = choose(explorer_page, [a for a in ARTICLE_CONDITIONS if a != "legal_status"])
    assert on["rsx_summary"] != off["rsx_summary"]
    assert "boundary (" in off["rsx_regions"] and "boundary (" not in on["rsx_regions"]


def test_no_outside_requests_and_no_page_errors(explorer_page) -> None:
    assert explorer_page.outside == []
    assert explorer_page.errors == []


def test_no_blank_widget_areas(built_book: Path) -> None:
    """No page holds a widget view: the book loads no widget manager (nb_ipywidgets_js is
    empty), so a widget output would be a blank area. The explorer page also carries no
    widget state (its live cell is not executed by the build)."""
    offenders = [str(page.relative_to(built_book)) for page in built_book.rglob("*.html")
                 if "application/vnd.jupyter.widget-view+json" in page.read_text()]
    assert offenders == []
    assert "widget-state+json" not in (built_book / PAGE).read_text()
