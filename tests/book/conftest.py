"""Fixtures for the tests of the built book: one fresh build per test session, served on
127.0.0.1, and opened offline in the session's browser (``browser`` in ``tests/conftest.py``)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]


def jupyter_book() -> str:
    return str(Path(sys.executable).with_name("jupyter-book"))


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the whole book from a clean output folder with warnings as errors.

    ``CLUSTERLAB_BUILT_BOOK=<folder>/_build/html`` reuses a book already built that way
    (for working on the browser tests only; ``make test`` always builds afresh).
    """
    reuse = os.environ.get("CLUSTERLAB_BUILT_BOOK")
    if reuse:
        assert (Path(reuse) / "index.html").exists(), f"no built book in {reuse}"
        return Path(reuse)
    out = tmp_path_factory.mktemp("book")
    result = subprocess.run(
        [jupyter_book(), "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    log = out / "build.log"
    log.write_text(result.stdout + "\n" + result.stderr)
    assert result.returncode == 0, f"book build failed, see {log}:\n{result.stdout[-4000:]}"
    html = out / "_build" / "html"
    assert (html / "index.html").exists()
    return html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def book_server(built_book: Path) -> Iterator[str]:
    """Serve the built book on 127.0.0.1 (a free port) for the browser."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def open_offline(browser, url: str, **context_options: object):
    """Open ``url`` in a new context with every request outside 127.0.0.1 refused.

    Returns ``(context, tab, outside, errors)``: the refused addresses and the page errors are
    collected in the two lists as the page runs; console errors and warnings count as page
    errors (a clean console is part of a working page).
    """
    context = browser.new_context(**context_options)
    tab = context.new_page()
    outside: list[str] = []
    errors: list[str] = []

    def guard(route) -> None:
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    tab.route("**/*", guard)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "console",
        lambda message: (
            errors.append(f"console.{message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    tab.goto(url, wait_until="load")
    return context, tab, outside, errors


@pytest.fixture(scope="session")
def offline_tab(browser):
    """``offline_tab(url, **context_options)``: :func:`open_offline` in the session's browser."""
    return functools.partial(open_offline, browser)
