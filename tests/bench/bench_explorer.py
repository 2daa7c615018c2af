"""Benchmark of the rough-set explorers (a plain script, not collected by pytest).

Run: ``python tests/bench/bench_explorer.py`` (builds the whole book into a temporary folder,
~2 minutes) or ``python tests/bench/bench_explorer.py --built _build/html`` (uses a book you
built already). Prints one table:

* time of :func:`clusterlab.explorers.precompute_all_subsets` (512 subsets) and of building the
  static explorer block (:func:`clusterlab.explorers.roughset_block`); one update of the live
  (kernel) explorer;
* the explorer page's weight: bytes of the built HTML, of the explorer's specification inside
  it (its precomputed data included), the same gzipped, and every byte the browser fetched to
  show the page (the book's shared JavaScript and CSS included);
* the in-page redraw time in headless chromium: from a checkbox click (``performance.now()``
  just before ``click()``) to the moment the displayed quality of classification has changed,
  plus the next animation frame, for a series of clicks that each change the quality.

Exit code 1 when a target is missed (explorer data < 1.5 MB, median redraw < 250 ms).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from print_book import CHROMIUM_FLAGS  # noqa: E402  (the book tools' headless flags)

PAGE = "book/03_rough_set_explorer.html"
MAX_EXTRA_BYTES = 1_500_000
MAX_REDRAW_MS = 250.0
# Click a checkbox and resolve with the milliseconds until the quality line has changed and the
# next frame is painted (-1 after 5 s without a change).
CLICK_AND_TIME = """(name) => new Promise(resolve => {
  const figure = document.querySelector('#rsx');
  const quality = () => {
    const t = figure.querySelector('.cl-current .cl-quality');
    return t ? t.textContent : null;
  };
  const before = quality();
  let done = false;
  const observer = new MutationObserver(() => {
    if (done || quality() === before) return;
    done = true;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  observer.observe(figure, {subtree: true, childList: true, characterData: true});
  setTimeout(() => { if (!done) { observer.disconnect(); resolve(-1); } }, 5000);
  const box = figure.querySelector(`input[name=attr][value="${name}"]`);
  const t0 = performance.now();
  box.click();
})"""


def timed(func, repeat: int = 3) -> float:
    """Median wall-clock seconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build_book(out: Path) -> Path:
    """The whole book built into ``out`` (warnings as errors, as the tests do)."""
    cmd = [
        str(Path(sys.executable).with_name("jupyter-book")),
        "build",
        str(ROOT),
        "--path-output",
        str(out),
        "-W",
        "-n",
        "--keep-going",
    ]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise SystemExit(f"book build failed:\n{result.stdout[-3000:]}")
    return out / "_build" / "html"


def spec_bytes(html: str) -> int:
    """Bytes of the static explorer's embedded data (its JSON script, the chart spec included)."""
    start = html.index('id="rsx"')
    script = re.compile(r"<script[^>]*>(.*?)</script>", re.S).search(html, start)
    if script is None:
        raise SystemExit("no explorer script found in the page")
    return len(script.group(1).encode())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def browse(html_dir: Path, clicks: list[str]) -> tuple[int, list[float]]:
    """Serve the book, open the page; return all fetched bytes and the redraw times (ms)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(html_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetched = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS
            )
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            sizes: list[int] = []

            def on_response(response) -> None:
                # redirects and aborted requests have no body
                with contextlib.suppress(Exception):
                    sizes.append(len(response.body()))

            page.on("response", on_response)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{PAGE}", wait_until="load")
            page.locator("#rsx[data-state=ready]").wait_for(timeout=20_000)
            fetched = sum(sizes)
            times = [float(page.evaluate(CLICK_AND_TIME, name)) for name in clicks]
            browser.close()
    finally:
        server.shutdown()
    return fetched, times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--built", type=Path, help="an already built book (its _build/html)")
    args = parser.parse_args()

    from clusterlab.data import ARTICLE_CONDITIONS, load_firms
    from clusterlab.explorers import (
        analyse_subset,
        precompute_all_subsets,
        roughset_block,
        roughset_explorer,
    )

    firms = load_firms()
    rows: list[tuple[str, str, str]] = []
    t_pre = timed(lambda: precompute_all_subsets(firms))
    rows.append(("precompute_all_subsets (512 subsets)", f"{t_pre:.2f} s", ""))
    t_block = timed(lambda: roughset_block(firms).html())
    block = roughset_block(firms)
    rows.append(("static explorer block (data + regions chart spec)", f"{t_block:.2f} s", ""))
    live = roughset_explorer(firms)
    box = live.attribute_boxes["legal_status"]
    t_live = timed(lambda: setattr(box, "value", not box.value), repeat=5)
    rows.append(("live explorer: one update (kernel side)", f"{t_live * 1000:.0f} ms", ""))
    spec = block.size()
    rows.append(
        (
            "explorer block HTML (its data included)",
            f"{spec / 1024:.0f} KiB",
            "pass" if spec < MAX_EXTRA_BYTES else "FAIL",
        )
    )

    # Clicks that each change the quality: remove and restore the core attributes in turn.
    core = analyse_subset(firms, ARTICLE_CONDITIONS)["core"]
    clicks = [a for a in core for _ in range(2)] * 3

    with tempfile.TemporaryDirectory() as tmp:
        html_dir = args.built or build_book(Path(tmp))
        html = (html_dir / PAGE).read_text()
        page_bytes = len(html.encode())
        in_page = spec_bytes(html)
        rows.append(
            (
                "explorer page HTML",
                f"{page_bytes / 1024:.0f} KiB",
                f"gzip {len(gzip.compress(html.encode())) / 1024:.0f} KiB",
            )
        )
        rows.append(
            (
                "  of which the explorer (spec + data)",
                f"{in_page / 1024:.0f} KiB",
                "pass" if in_page < MAX_EXTRA_BYTES else "FAIL",
            )
        )
        fetched, times = browse(html_dir, clicks)
    rows.append(
        (
            "all bytes fetched to show the page",
            f"{fetched / 1024:.0f} KiB",
            "JS/CSS shared by every page",
        )
    )
    good = [t for t in times if t >= 0]
    median = statistics.median(good) if good else float("inf")
    rows.append(
        (
            f"redraw after a click ({len(good)}/{len(times)} clicks)",
            f"median {median:.0f} ms",
            f"max {max(good, default=float('inf')):.0f} ms",
        )
    )
    rows.append(
        (
            "  target",
            f"< {MAX_REDRAW_MS:.0f} ms",
            "pass" if median < MAX_REDRAW_MS and len(good) == len(times) else "FAIL",
        )
    )

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>14}  note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>14}  {note}")
    return 1 if any(r[2] == "FAIL" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
