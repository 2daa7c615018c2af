"""The static explorer on awkward tables, drawn by the book's own vega files in headless
chromium (no book build): names and values with quotes, commas, pipes, spaces and HTML, two
attributes whose names differ only in a space and an underscore, and 12 decision classes.

What the page shows is compared with the rough-set engine called here, directly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from clusterlab.charts import to_html
from clusterlab.charts._html import SafeJSONEncoder
from clusterlab.explorers import explorer_param_names, static_roughset_explorer
from clusterlab.roughsets import DecisionTable

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "book" / "_vendor"
SCRIPTS = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")

NASTY = ['say "hi"', "it's", "a, b | c", "<b>bold</b>", "x y", "x_y"]
VALUES = ["</script><i>v</i>", "o'k", 'q"q', "p|q", "1, 2", "&amp;"]
DECISION = "net <work> 'd'"
READ = """(name) => {
  const groups = Array.from(document.querySelectorAll('g.role-mark')).filter(g =>
    Array.from(g.classList).some(c => c === name + '_marks' ||
      c.startsWith(name + '_') && c.endsWith('_marks')));
  const items = [];
  for (const g of groups) for (const t of g.querySelectorAll('text')) {
    const m = /translate\\(([-\\d.]+),([-\\d.]+)\\)/.exec(t.getAttribute('transform') || '');
    items.push([m ? parseFloat(m[2]) : 0, t.textContent]);
  }
  items.sort((a, b) => a[0] - b[0]);
  return items.map(i => i[1]).join(' ');
}"""


def nasty_table(classes: int = 2, n: int = 36) -> pd.DataFrame:
    rows = []
    for i in range(n):
        row = {a: VALUES[(i * (k + 1) + k) % len(VALUES)] for k, a in enumerate(NASTY[:4])}
        row["x y"] = VALUES[i % 2]
        row["x_y"] = VALUES[(i // 2) % 3]
        row[DECISION] = f"<c{i % classes}> '{i % classes}'"
        rows.append(row)
    return pd.DataFrame(rows)


def page(chart_spec: dict, directory: Path) -> Path:
    """An HTML page that draws the spec with the vendored scripts, the spec written as the
    book's pages write it (the safe JSON encoder)."""
    spec = json.dumps(chart_spec, cls=SafeJSONEncoder)
    scripts = "".join(f'<script src="{(VENDOR / s).as_uri()}"></script>' for s in SCRIPTS)
    html = (
        f"<!doctype html><html><head>{scripts}</head><body><div id='vis'></div>"
        f"<script>vegaEmbed('#vis', {spec}).then(() => document.body.dataset.ok = 'yes')"
        ".catch(e => document.body.dataset.ok = 'no: ' + e)</script></body></html>"
    )
    path = directory / "explorer.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[object]:
    """A phone-sized tab in the session's browser (``tests/conftest.py``)."""
    if not all((VENDOR / s).exists() for s in SCRIPTS):
        pytest.skip("book/_vendor is missing: run 'make setup'")
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page_: Any = context.new_page()
    page_.errors = []
    page_.on("pageerror", lambda e: page_.errors.append(str(e)))
    yield page_
    context.close()


def load(tab: object, table: pd.DataFrame, tmp_path: Path) -> None:
    chart = static_roughset_explorer(
        table, attributes=NASTY, decision=DECISION, initial=NASTY, labels=False
    )
    tab.goto(page(chart.to_dict(), tmp_path).as_uri())  # type: ignore[attr-defined]
    tab.wait_for_function("document.body.dataset.ok")  # type: ignore[attr-defined]
    assert tab.evaluate("document.body.dataset.ok") == "yes"  # type: ignore[attr-defined]
    tab.wait_for_timeout(300)  # type: ignore[attr-defined]


def shown(tab: object, ticked: list[str]) -> dict[str, str]:
    names = explorer_param_names(NASTY)
    for attribute in NASTY:
        box = tab.locator(f"input[type=checkbox][name={names[attribute]}]")  # type: ignore[attr-defined]
        if box.is_checked() != (attribute in ticked):
            box.click()
    tab.wait_for_timeout(200)  # type: ignore[attr-defined]
    return {v: tab.evaluate(READ, v) for v in ("rsx_summary", "rsx_rule", "rsx_regions")}  # type: ignore[attr-defined]


@pytest.mark.parametrize("classes", [2, 12])
def test_nasty_names_and_many_classes_show_the_engines_results(
    tab: object, tmp_path: Path, classes: int
) -> None:
    table = nasty_table(classes)
    load(tab, table, tmp_path)
    # the checkbox labels are the names as text: no HTML made from them
    labels = tab.evaluate(  # type: ignore[attr-defined]
        "Array.from(document.querySelectorAll('.vega-bind-name')).map(e => e.textContent)"
    )
    assert [label.strip() for label in labels] == NASTY
    assert tab.evaluate("document.querySelectorAll('#vis b, #vis i').length") == 0  # type: ignore[attr-defined]
    for ticked in (NASTY, ["x y"], ["x_y", "a, b | c"], []):
        engine = DecisionTable(table, DECISION, conditions=[a for a in NASTY if a in ticked])
        got = shown(tab, ticked)
        assert f"({len(engine.positive_region())} of {engine.n} firms" in got["rsx_summary"]
        rules = engine.rules("lem2") if ticked else []
        for rule in rules:
            assert " ".join(f"IF {rule.condition_text()}".split()) in got["rsx_rule"]
        lowers = {o for a in engine.approximations().values() for o in a.lower}
        boundary = [o for o in engine.objects if o not in lowers]
        for value, approx in engine.approximations().items():
            if approx.lower:
                text = f"certainly {value} ({len(approx.lower)}): {', '.join(approx.lower)}"
                assert text in got["rsx_regions"]
        if boundary:
            assert f"boundary ({len(boundary)}): {', '.join(boundary)}" in got["rsx_regions"]
    assert tab.errors == []  # type: ignore[attr-defined]


def test_to_html_escapes_the_script_block() -> None:
    chart = static_roughset_explorer(
        nasty_table(), attributes=NASTY[:2], decision=DECISION, labels=False
    )
    html = to_html(chart)
    assert "</script><i>" not in html and "<c0>" not in html
    assert "\\u003c/script\\u003e\\u003ci\\u003e" in html
