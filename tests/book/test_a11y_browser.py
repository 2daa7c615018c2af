"""Accessibility of the built book in headless chromium: axe-core on every page in light and
dark mode, the phone layout at 390 px, the menu button, and the explorer by keyboard alone.

axe-core is the pinned npm file ``book/_ext/vendor_js.py`` extracts (integrity-checked) into
``tests/book/_vendor/``; it is injected by playwright and never served by the book.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from page_checks import SKIPPED_HEADINGS
from test_book_pages import toc_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import vendor_js  # noqa: E402  (the pinned file list lives with the book's vendoring)

AXE = vendor_js.TEST_VENDOR_DIR / vendor_js.AXE_FILE.name
BLOCKING = ("critical", "serious")
#: Moderate or minor findings that are accepted, with the reason. Any other finding fails.
#: - empty-table-header: pandas tables with grouped column headers (chapter 5's printed and
#:   recomputed Table 2 side by side) leave the cells above the row labels empty.
ACCEPTED = {"empty-table-header"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
EXPLORER = "book/03_rough_set_explorer.html"

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, nodes: v.nodes.length,
    where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""
# Every chart drawn (an SVG in each Altair output) and, in dark mode, re-drawn for it.
CHARTS_DRAWN = """(scheme) => Array.from(document.querySelectorAll("div[id^='altair-viz']"))
  .every(d => d.querySelector('svg') && (d.dataset.scheme || 'light') === scheme)"""


# A chart needs a caption (its figure's) and a text alternative (the aria-label of the chart's
# graphics document, which vega-embed takes from the Vega-Lite description).
UNNAMED_CHARTS = """() => Array.from(document.querySelectorAll("div[id^='altair-viz']"))
  .filter(d => {
    const figure = d.closest('figure');
    const doc = d.matches('[role="graphics-document"]') ? d
      : d.querySelector('[role="graphics-document"]');
    const label = doc ? doc.getAttribute('aria-label') : '';
    return !(figure && figure.querySelector('figcaption')) || !(label || '').trim()
      || label === 'Vega visualization';  // Vega's default: no description given
  }).map(d => d.id)"""


def axe_violations(tab) -> list[dict]:
    if not vendor_js.is_current(vendor_js.AXE_FILE, vendor_js.TEST_VENDOR_DIR):
        pytest.fail("axe-core missing or changed: run 'python book/_ext/vendor_js.py fetch'")
    if not tab.evaluate("() => typeof axe === 'object'"):
        tab.add_script_tag(path=str(AXE))
    return tab.evaluate(RUN_AXE)  # type: ignore[no-any-return]


def summary(page: str, scheme: str, violations: list[dict]) -> str:
    if not violations:
        return f"axe {scheme:5} {page}: no violations"
    parts = [f"{v['id']} ({v['impact']}, {v['nodes']})" for v in violations]
    return f"axe {scheme:5} {page}: " + ", ".join(parts)


@pytest.mark.parametrize("page", toc_pages())
def test_axe_light_and_dark(offline_tab, book_server: str, page: str, capsys) -> None:
    """No critical or serious axe violation, in light mode and after switching to dark, and no
    moderate or minor one beyond those ``ACCEPTED``."""
    # Reduced motion: the theme's buttons fade their colours for 0.15 s after a switch; the
    # audit measures the settled page.
    context, tab, _, _ = offline_tab(
        f"{book_server}/{page}", viewport=DESKTOP, reduced_motion="reduce"
    )
    found = {}
    for scheme in ("light", "dark"):
        tab.emulate_media(color_scheme=scheme)
        tab.wait_for_function(CHARTS_DRAWN, arg=scheme, timeout=15_000)
        found[scheme] = axe_violations(tab)
    unnamed = tab.evaluate(UNNAMED_CHARTS)
    skipped = tab.evaluate(SKIPPED_HEADINGS)
    context.close()
    with capsys.disabled():
        for scheme, violations in found.items():
            print("\n" + summary(page, scheme, violations), end="")
    assert unnamed == [], f"{page}: charts without a caption or a text alternative: {unnamed}"
    assert skipped == [], f"{page}: heading levels skipped (previous -> next): {skipped}"
    blocking = {
        scheme: [v for v in violations if v["impact"] in BLOCKING or v["id"] not in ACCEPTED]
        for scheme, violations in found.items()
    }
    assert blocking == {"light": [], "dark": []}


SIZES = """() => {
  const controls = Array.from(document.querySelectorAll(
    'main button, main input:not([type=hidden]), main select, main summary'))
    .filter(e => e.offsetParent !== null)
    .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect().height]);
  return {scroll: document.documentElement.scrollWidth, view: window.innerWidth,
          small: controls.filter(([, h]) => h < 24)};
}"""


@pytest.mark.parametrize("page", toc_pages())
def test_phone_width_no_sideways_scroll(offline_tab, book_server: str, page: str) -> None:
    """At 390 px the page is no wider than the screen and every control is >= 24 px tall."""
    context, tab, _, _ = offline_tab(f"{book_server}/{page}", viewport=PHONE)
    tab.wait_for_function(CHARTS_DRAWN, arg="light", timeout=15_000)
    sizes = tab.evaluate(SIZES)
    context.close()
    assert sizes["scroll"] <= sizes["view"], f"{page} is {sizes['scroll']} px wide at 390 px"
    assert sizes["small"] == [], f"{page}: controls under 24 px tall: {sizes['small']}"


OPEN_NAV = """() => {
  const d = document.querySelector('#pst-primary-sidebar-modal');
  const link = d && d.querySelector('a[href*="02_data_and_method"]');
  return Boolean(d && d.open && link && link.getBoundingClientRect().width > 0);
}"""
SIDEBAR_SHOWN = (
    "() => getComputedStyle(document.querySelector('#pst-primary-sidebar')).visibility !== 'hidden'"
)


def test_menu_button_opens_navigation_on_a_phone(offline_tab, book_server: str) -> None:
    context, tab, _, errors = offline_tab(
        f"{book_server}/book/01_introduction.html", viewport=PHONE
    )
    assert not tab.evaluate(OPEN_NAV)
    tab.locator(".primary-toggle").locator("visible=true").first.click()
    tab.wait_for_function(OPEN_NAV, timeout=5_000)
    tab.keyboard.press("Escape")
    tab.wait_for_function(f"() => !({OPEN_NAV})()", timeout=5_000)
    context.close()
    assert errors == []


#: How many search boxes a reader sees.
SEARCH_BOXES = """() => Array.from(document.querySelectorAll('.search-button__button'))
  .filter(e => e.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && e.getBoundingClientRect().width > 0).length"""


def test_menu_button_collapses_the_sidebar_on_a_desktop(offline_tab, book_server: str) -> None:
    """The sidebar collapses and returns; one search box shows either way (the sidebar's, or
    the top bar's while the sidebar is collapsed)."""
    context, tab, _, errors = offline_tab(
        f"{book_server}/book/01_introduction.html", viewport=DESKTOP
    )
    assert tab.evaluate(SIDEBAR_SHOWN)
    assert tab.evaluate(SEARCH_BOXES) == 1
    tab.locator(".primary-toggle").locator("visible=true").first.click()
    tab.wait_for_function(f"() => !({SIDEBAR_SHOWN})()", timeout=5_000)
    assert tab.evaluate(SEARCH_BOXES) == 1
    tab.locator(".primary-toggle").locator("visible=true").first.click()
    tab.wait_for_function(SIDEBAR_SHOWN, timeout=5_000)
    assert tab.evaluate(SEARCH_BOXES) == 1
    context.close()
    assert errors == []


def test_one_search_box_on_a_phone(offline_tab, book_server: str) -> None:
    context, tab, _, errors = offline_tab(
        f"{book_server}/book/01_introduction.html", viewport=PHONE
    )
    assert tab.evaluate(SEARCH_BOXES) == 1
    context.close()
    assert errors == []


FOCUSED = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  return {tag: e.tagName, type: e.type || '', name: e.name || '', value: e.value || '',
          checked: Boolean(e.checked), inExplorer: Boolean(e.closest('#rsx')),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
}"""
#: The explorer's result (quality, core, reducts), without the "what changed" line.
SUMMARY_TEXT = """() => ['.cl-quality', '.cl-core', '.cl-reducts'].map(
  s => document.querySelector('#rsx .cl-current ' + s).textContent).join('|')"""
#: The explorer's controls that Tab must reach (hidden ones, e.g. of a closed panel, excluded).
CONTROLS = "#rsx input:not([type=hidden]), #rsx select, #rsx button"


def test_explorer_by_keyboard_alone(offline_tab, book_server: str) -> None:
    """Tab reaches every explorer control, each shows a visible focus ring, and Space toggles
    the focused checkbox (legal status) and changes what the explorer shows; Space again
    restores it."""
    context, tab, _, errors = offline_tab(f"{book_server}/{EXPLORER}", viewport=DESKTOP)
    tab.wait_for_function(
        "document.querySelector('#rsx') && document.querySelector('#rsx').dataset.state === "
        "'ready'",
        timeout=20_000,
    )
    controls = tab.locator(CONTROLS).locator("visible=true").count()
    assert controls >= 2
    reached = []
    for _ in range(400):  # tab through the whole page, in document order
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUSED)
        if focus["inExplorer"]:
            reached.append(focus)
            if len(reached) == controls:
                break
    assert len(reached) == controls, f"Tab reached {len(reached)} of {controls} controls"
    assert all(f["outline"] for f in reached), "a control shows no visible focus"
    # Back to legal status (the article's most influential attribute: switching it off
    # changes the analysis; a redundant one such as sector would change nothing).
    names = [f"{f['name']}={f['value']}" for f in reached]
    target = next(i for i, name in enumerate(names) if name == "attr=legal_status")
    for _ in range(len(reached) - 1 - target):
        tab.keyboard.press("Shift+Tab")
    focused = tab.evaluate(FOCUSED)
    assert f"{focused['name']}={focused['value']}" == names[target]
    before_text, before_checked = tab.evaluate(SUMMARY_TEXT), tab.evaluate(FOCUSED)["checked"]
    tab.keyboard.press("Space")
    tab.wait_for_function(f"(old) => ({SUMMARY_TEXT})() !== old", arg=before_text, timeout=5_000)
    assert tab.evaluate(FOCUSED)["checked"] != before_checked
    tab.keyboard.press("Space")
    tab.wait_for_function(f"(old) => ({SUMMARY_TEXT})() === old", arg=before_text, timeout=5_000)
    context.close()
    assert errors == []
