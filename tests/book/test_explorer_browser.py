"""The static explorers in the freshly built book, driven in headless chromium.

The tests use every control of the rough-set explorer as a reader would and compare what the
page then shows (quality, core, reducts, rules with the firms they cover, regions) with the
rough-set engine computed here, directly - not with the data in the page. Default settings show
precomputed results, the others are computed in the page (Pyodide, loaded on first use). The
twins of the Table 2 and paths explorers are compared with the kernel widgets for every value of
every control. Screenshots at 1280 and 390 px, light and dark, go to _build/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from rsx_view import READ, Setting, expected, label

from clusterlab.data import ARTICLE_CONDITIONS, load_firms
from clusterlab.explorers import TOGGLEABLE, embeddedness_explorer, paths_explorer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "book/03_rough_set_explorer.html"
SHOTS = Path(__file__).resolve().parents[2] / "_build" / "screenshots"
TEXT_OF_HTML = """(html) => { const t = document.createElement('template'); t.innerHTML = html;
  return t.content.textContent.replace(/\\s+/g, ' ').trim(); }"""
SHOWN_TEXT = "(sel) => document.querySelector(sel).textContent.replace(/\\s+/g, ' ').trim()"


class Tab:
    """A page of the book with its refused requests, page errors and requested URLs."""

    def __init__(self, offline_tab, url: str, **options: object) -> None:
        self.context, self.page, self.outside, self.errors = offline_tab(url, **options)

    @property
    def requests(self) -> list[str]:
        """Every resource the page has fetched so far."""
        entries: list[str] = self.page.evaluate(
            "performance.getEntriesByType('resource').map(e => e.name)"
        )
        return entries

    def ready(self, root: str = "#rsx") -> None:
        self.page.wait_for_function(
            f"document.querySelector('{root}') && "
            f"document.querySelector('{root}').dataset.state === 'ready'",
            timeout=60_000,
        )

    def read(self) -> dict:
        self.ready()
        return self.page.eval_on_selector("#rsx", READ)


@pytest.fixture(scope="module")
def tab(offline_tab, book_server: str) -> Iterator[Tab]:
    tab = Tab(offline_tab, f"{book_server}/{PAGE}", viewport={"width": 1280, "height": 900})
    tab.ready()
    yield tab
    tab.context.close()


def compare(tab: Tab, firms: pd.DataFrame, setting: Setting, source: str) -> dict:
    shown = tab.read()
    assert shown == expected(firms, setting, TOGGLEABLE), setting
    assert tab.page.eval_on_selector("#rsx", "e => e.dataset.source") == source
    return shown


def set_attributes(tab: Tab, attributes: list[str]) -> None:
    for a in TOGGLEABLE:
        box = tab.page.locator(f"#rsx input[name=attr][value={a}]")
        if box.is_checked() != (a in attributes):
            box.click()


def test_first_paint_is_precomputed_and_loads_no_python(tab: Tab, firms: pd.DataFrame) -> None:
    for a in TOGGLEABLE:
        box = tab.page.locator(f"#rsx input[name=attr][value={a}]")
        assert box.is_checked() == (a in ARTICLE_CONDITIONS)
    compare(tab, firms, Setting(ARTICLE_CONDITIONS), "precomputed")
    assert "precomputed" in tab.page.inner_text("#rsx .cl-status")
    assert not [u for u in tab.requests if "pyodide" in u or "clusterlab-live" in u]


def test_attribute_checkboxes_and_nothing_changed(tab: Tab, firms: pd.DataFrame) -> None:
    """Adding virtualisation to the article's five changes nothing (as the engine says)."""
    plus = [*ARTICLE_CONDITIONS, "virtualisation"]
    same = expected(firms, Setting(plus), TOGGLEABLE) == expected(
        firms, Setting(ARTICLE_CONDITIONS), TOGGLEABLE
    )
    set_attributes(tab, plus)
    compare(tab, firms, Setting(plus), "precomputed")
    message = tab.page.inner_text("#rsx .cl-changes")
    assert ("Nothing changed" in message) == same
    tab.page.click("#rsx input[name=attr][value=virtualisation]")
    tab.ready()
    tab.page.click("#rsx input[name=attr][value=legal_status]")
    shown = compare(tab, firms, Setting(ARTICLE_CONDITIONS[:4]), "precomputed")
    message = tab.page.inner_text("#rsx .cl-changes")
    assert "Nothing changed" not in message and "quality 1.000" in message
    added = tab.page.locator("#rsx .cl-current .cl-rule.cl-added").count()
    assert added == sum(
        r not in expected(firms, Setting(plus), TOGGLEABLE)["rules"] for r in shown["rules"]
    )


def test_only_clear_all_and_reset_buttons(tab: Tab, firms: pd.DataFrame) -> None:
    tab.page.click("#rsx button.cl-only[data-attr=legal_status]")
    compare(tab, firms, Setting(["legal_status"]), "precomputed")
    tab.page.click("#rsx button.cl-clear")
    compare(tab, firms, Setting([]), "precomputed")
    tab.page.click("#rsx button.cl-all")
    compare(tab, firms, Setting(TOGGLEABLE), "precomputed")
    tab.page.click("#rsx button.cl-reset")
    compare(tab, firms, Setting(ARTICLE_CONDITIONS), "precomputed")


LIVE = [
    ("decision", Setting(["legal_status", "sector"], decision="network_change")),
    ("rules+support", Setting(ARTICLE_CONDITIONS, method="minimal", min_support=2)),
    ("beta", Setting(ARTICLE_CONDITIONS[:4], beta=0.6)),
    (
        "leave-out",
        Setting(ARTICLE_CONDITIONS, decision="acquired_2006_2011", leave_out=["F01", "F05", "F12"]),
    ),
]


def apply(tab: Tab, s: Setting) -> None:
    page = tab.page
    page.click("#rsx button.cl-reset")
    tab.ready()
    set_attributes(tab, list(s.conditions))
    if s.decision != "network_2005":
        page.select_option("#rsx select[name=decision]", s.decision)
    if s.method != "lem2":
        page.select_option("#rsx select[name=rules]", s.method)
    if s.min_support != 1:
        page.fill("#rsx input[name=min-support]", str(s.min_support))
        page.dispatch_event("#rsx input[name=min-support]", "change")
    if s.beta is not None:
        page.check("#rsx input[name=beta-on]")
        page.fill("#rsx input[name=beta]", str(s.beta))
        page.dispatch_event("#rsx input[name=beta]", "change")
    for firm in s.leave_out:
        page.check(f"#rsx input[name=leave-out][value={firm}]")


@pytest.mark.parametrize(("name", "setting"), LIVE, ids=[n for n, _ in LIVE])
def test_live_settings_match_the_engine(
    tab: Tab, firms: pd.DataFrame, name: str, setting: Setting
) -> None:
    apply(tab, setting)
    compare(tab, firms, setting, "live")
    assert "live result" in tab.page.inner_text("#rsx .cl-status")


def test_pin_compares_side_by_side_and_the_url_restores_a_view(
    tab: Tab, firms: pd.DataFrame, offline_tab, book_server: str
) -> None:
    page = tab.page
    apply(tab, Setting(["sector"]))
    tab.ready()
    page.click("#rsx button.cl-pin")
    apply(tab, LIVE[2][1])
    tab.ready()
    assert (
        page.locator("#rsx .cl-pinned .cl-quality").inner_text()
        == expected(firms, Setting(["sector"]), TOGGLEABLE)["quality"]
    )
    assert page.locator("#rsx .cl-panes.cl-compare").count() == 1
    url = page.url
    assert "rsx.beta=0.6" in url and "rsx.attrs=" in url
    other = Tab(offline_tab, url, viewport={"width": 1280, "height": 900})
    try:
        assert other.read() == expected(firms, LIVE[2][1], TOGGLEABLE)
        assert other.page.locator("#rsx input[name=beta-on]").is_checked()
    finally:
        other.context.close()
    page.click("#rsx button.cl-unpin")
    assert page.locator("#rsx .cl-pinned").is_hidden()


def test_tiles_show_the_firms_values_and_the_chart_gets_them(tab: Tab, firms: pd.DataFrame) -> None:
    page = tab.page
    page.click("#rsx button.cl-reset")
    tab.ready()
    title = page.get_attribute("#rsx .cl-current .cl-tile[data-object=F01]", "title")
    row = firms.set_index("firm_id").loc["F01"]
    for column in ("sector", "legal_status", "export_orientation"):
        assert label(column, row[column]) in title
    page.wait_for_function("document.querySelector('#rsx').dataset.chartRows > 0")
    drawn = page.locator("#rsx .cl-chart svg [class*=rsx_tile_labels] text").all_text_contents()
    assert sorted(drawn) == sorted(firms["firm_id"])


def test_controls_are_big_enough_and_focus_is_visible(tab: Tab) -> None:
    sizes = tab.page.eval_on_selector_all(
        "#rsx input, #rsx select, #rsx button",
        "els => els.filter(e => !e.hidden).map(e => {"
        " const r = (e.closest('label') || e).getBoundingClientRect();"
        " return [e.name || e.className, r.height]; })",
    )
    assert sizes and all(h >= 24 for _, h in sizes), [s for s in sizes if s[1] < 24]
    tab.page.focus("#rsx button.cl-reset")
    tab.page.keyboard.press("Tab")
    outline = tab.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_twins_equal_the_kernel_widgets(tab: Tab) -> None:
    page = tab.page
    for chapter, root, widget in (
        ("05_local_embeddedness", "#emx", embeddedness_explorer()),
        ("06_development_paths", "#pax", paths_explorer()),
    ):
        page.goto(page.url.split("/book/")[0] + f"/book/{chapter}.html")
        tab.ready(root)
        for name, control in widget.controls.items():
            for value in control._options_values:
                page.select_option(f"{root} select[name={name}]", value)
                control.value = value
                for other, c in widget.controls.items():
                    c.value = page.eval_on_selector(f"{root} select[name={other}]", "e => e.value")
                html = (
                    widget.table_html
                    if root == "#emx"
                    else widget.transitions_html + widget.firms_html
                )
                shown = page.evaluate(SHOWN_TEXT, f"{root} .cl-twin-out")
                assert page.evaluate(TEXT_OF_HTML, html) in shown, (root, name, value)


def test_no_outside_requests_and_no_page_errors(tab: Tab) -> None:
    assert tab.outside == []
    assert tab.errors == []


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(offline_tab, book_server: str, width: int, scheme: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = Tab(
        offline_tab,
        f"{book_server}/{PAGE}?rsx.attrs=innovativeness,export_orientation",
        viewport={"width": width, "height": 900},
        color_scheme=scheme,
    )
    try:
        shot.ready()
        page = shot.page
        page.click("#rsx button.cl-only[data-attr=legal_status]")
        shot.ready()
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"page wider than the screen by {overflow} px"
        page.wait_for_function("document.querySelector('#rsx').dataset.chartRows > 0")
        page.locator("#rsx").scroll_into_view_if_needed()
        page.wait_for_timeout(200)
        page.locator("#rsx").screenshot(path=str(SHOTS / f"rsx-{width}-{scheme}.png"))
        page.goto(page.url.split("/book/")[0] + "/book/05_local_embeddedness.html")
        shot.ready("#emx")
        page.locator("#emx").screenshot(path=str(SHOTS / f"emx-{width}-{scheme}.png"))
        assert shot.outside == []
    finally:
        shot.context.close()


def test_no_blank_widget_areas(built_book: Path) -> None:
    """No page holds a widget view: the book loads no widget manager (nb_ipywidgets_js is
    empty), so a widget output would be a blank area. The explorer page also carries no
    widget state (its live cell is not executed by the build)."""
    offenders = [
        str(page.relative_to(built_book))
        for page in built_book.rglob("*.html")
        if "application/vnd.jupyter.widget-view+json" in page.read_text()
    ]
    assert offenders == []
    assert "widget-state+json" not in (built_book / PAGE).read_text()
