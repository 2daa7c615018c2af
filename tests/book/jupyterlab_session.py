"""A JupyterLab server from the project's environment, driven by playwright as a teacher would.

Used by ``test_jupyterlab.py``; also runnable on its own to take screenshots of every chapter
opened as a notebook after Run All::

    python tests/book/jupyterlab_session.py OUTPUT_FOLDER [CHAPTER.md ...]

The server listens on 127.0.0.1 only, with a token, no browser, and its own temporary
settings (the Binder defaults of ``binder/lab-overrides.json``: Markdown opens as a Jupytext
notebook) so that nothing from the user's JupyterLab configuration leaks in.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "binder" / "lab-overrides.json"
# A glued number in the prose: {eval}`fact("key", "spec")`, evaluated by jupyterlab-myst.
GLUE_KEY = re.compile(r'\{eval\}`fact\("([A-Za-z0-9_]+)"')
# The notebook settings of the test: render every cell (no virtual scrolling), so that the
# page holds the whole notebook and each output can be found.
NOTEBOOK_SETTINGS = {"windowingMode": "none"}


@dataclass
class Lab:
    url: str
    token: str
    process: subprocess.Popen[bytes]
    log: Path


@dataclass
class ChapterView:
    """What a reader sees after Run All, as read from the page."""

    chapter: str
    executed: int = 0
    code_cells: int = 0
    admonitions: int = 0
    glue_keys_shown: list[str] = field(default_factory=list)
    charts_drawn: int = 0
    captions: int = 0
    unknown_directives: list[str] = field(default_factory=list)
    widgets: list[str] = field(default_factory=list)
    labels_cut: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _write_settings(settings: Path) -> None:
    overrides = json.loads(OVERRIDES.read_text()) if OVERRIDES.exists() else {}
    for plugin, values in overrides.items():
        package, name = plugin.split(":")
        target = settings / package / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text(json.dumps(NOTEBOOK_SETTINGS))


@contextmanager
def jupyterlab(root: Path = ROOT, disabled: tuple[str, ...] = ()) -> Iterator[Lab]:
    """Start ``jupyter lab`` from this Python's environment; stop it on exit.

    ``disabled`` names lab extensions to switch off (used for the "before" screenshots).
    """
    token = secrets.token_hex(16)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="clusterlab-lab-") as tmp:
        home = Path(tmp)
        _write_settings(home / "settings")
        config = home / "config"
        (config / "labconfig").mkdir(parents=True)
        (config / "labconfig" / "page_config.json").write_text(
            json.dumps({"disabledExtensions": {name: True for name in disabled}})
        )
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(config),
            "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        }
        log = home / "lab.log"
        command = [
            sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
            f"--port={port}", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
            "--allow-root",
        ]  # fmt: skip
        with log.open("wb") as out:
            process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        lab = Lab(f"http://127.0.0.1:{port}", token, process, log)
        try:
            _wait_until_up(lab)
            yield lab
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_up(lab: Lab, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lab.process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited: {lab.log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{lab.url}/api/status?token={lab.token}", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"jupyter lab did not start in {timeout} s: {lab.log.read_text()[-3000:]}")


def offline_context(browser, outside: list[str]):
    """A browser context that refuses every request leaving 127.0.0.1 (and records it)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def guard(route) -> None:
        url = route.request.url
        if urlparse(url).hostname in ("127.0.0.1", "localhost") or url.startswith(
            ("data:", "blob:")
        ):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    return context


READ_VIEW = """(keys) => {
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  const all = (selector) => Array.from(nb.querySelectorAll(selector));
  const code = all('.jp-CodeCell');
  const done = code.filter(c => /\\[\\d+\\]/.test(
      c.querySelector('.jp-InputPrompt')?.textContent || ''));
  // the rendered Markdown only: a markdown cell also holds its (hidden) source editor
  const rendered = (cell) => { const copy = cell.cloneNode(true);
    copy.querySelectorAll('.jp-Editor, .cm-editor').forEach(e => e.remove());
    return copy.textContent; };
  const text = all('.jp-MarkdownCell').map(rendered).join('\\n');
  const charts = all('.jp-OutputArea-output .vega-embed svg, .jp-OutputArea-output canvas');
  const drawn = charts.filter(e => e.getBoundingClientRect().height > 40
      && (e.tagName !== 'svg' || e.querySelectorAll('path, rect, text').length > 3));
  const boxes = all('.jp-OutputArea-output .jupyter-widgets.widget-box')
      .filter(e => !e.parentElement.closest('.widget-box'));
  const cut = all('.jupyter-widgets .widget-label, .jupyter-widgets .widget-toggle-button')
      .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
      .map(e => e.textContent.trim());
  const errors = all('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"],'
      + ' .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
      .map(e => e.textContent.slice(0, 300))
      .concat(all('.jp-MarkdownCell').map(rendered)
        .filter(t => /\b(NameError|KeyError|TypeError)\b/.test(t))
        .map(t => 'markdown: ' + t.slice(0, 300)));
  return {
    executed: done.length, code_cells: code.length,
    admonitions: all('.jp-MarkdownCell aside.myst-admonition').length,
    glue_keys_shown: keys.filter(k => text.includes(k)),
    charts_drawn: drawn.length,
    captions: all('.jp-MarkdownCell figure figcaption').length,
    unknown_directives: all('.jp-MarkdownCell').map(rendered)
      .filter(t => t.includes('Unknown Directive')).map(t => t.trim().slice(0, 120)),
    widgets: boxes.map(e => e.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60)),
    labels_cut: cut, errors: errors,
  };
}"""


def open_notebook(tab, lab: Lab, chapter: Path) -> None:
    """Open ``chapter`` (a path under the lab's root) as a notebook and wait for its kernel.

    The kernel's start writes its ``language_info`` into the notebook's metadata, which marks
    the notebook as changed; only after that is the notebook as a teacher finds it.
    """
    relative = chapter.resolve().relative_to(ROOT).as_posix()
    tab.goto(f"{lab.url}/lab/tree/{relative}?token={lab.token}&reset", wait_until="load")
    panel = tab.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    panel.wait_for(state="visible", timeout=90_000)
    wait_for_kernel(tab)


def wait_for_kernel(tab, timeout_ms: int = 90_000) -> None:
    """Wait until the current notebook's kernel has started and is idle."""
    tab.wait_for_function(
        """() => { const a = window.jupyterapp; const w = a && a.shell.currentWidget;
                   const k = w && w.sessionContext && w.sessionContext.session
                     && w.sessionContext.session.kernel;
                   return k && k.status === 'idle'; }""",
        timeout=timeout_ms,
    )


def open_and_run(tab, lab: Lab, chapter: Path, timeout_ms: int = 240_000) -> ChapterView:
    """Open ``chapter`` (a path under the lab's root) as a notebook, Run All, read the view."""
    open_notebook(tab, lab, chapter)
    tab.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    tab.wait_for_function(
        """() => { const nb = document.querySelector(
                     '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
                   const prompts = Array.from(nb.querySelectorAll('.jp-CodeCell .jp-InputPrompt'));
                   const w = window.jupyterapp.shell.currentWidget;
                   const k = w.sessionContext.session.kernel;
                   return prompts.every(p => !p.textContent.includes('*'))
                     && prompts.some(p => /\\[\\d+\\]/.test(p.textContent))
                     && k.status === 'idle'; }""",
        timeout=timeout_ms,
        polling=500,
    )
    tab.wait_for_timeout(1500)  # let the last outputs (charts, widgets) draw
    keys = sorted(set(GLUE_KEY.findall(chapter.read_text())))
    view = tab.evaluate(READ_VIEW, keys)
    return ChapterView(chapter=chapter.name, **view)


def close_all(tab, wait_ms: int = 20_000) -> None:
    """Shut the notebook's kernel down and close every document (one kernel at a time).

    Unsaved changes (the outputs of Run All) are discarded: a document is marked unchanged
    before it closes, so that no "Save your work" dialog can hold the test. Each command is
    given ``wait_ms`` at most; a dialog still open afterwards is an error, never a wait.
    """
    tab.evaluate(
        """async (waitMs) => { const a = window.jupyterapp;
             const bounded = (p) => Promise.race(
               [p.catch(() => {}), new Promise(done => setTimeout(done, waitMs))]);
             await bounded(a.commands.execute('kernelmenu:shutdown'));
             for (const w of a.shell.widgets('main')) {
               if (w.context && w.context.model) { w.context.model.dirty = false; } }
             await bounded(a.commands.execute('application:close-all')); }""",
        wait_ms,
    )
    dialogs = tab.locator(".jp-Dialog")
    if dialogs.count():
        raise RuntimeError(f"JupyterLab left a dialog open: {dialogs.first.inner_text()[:200]}")


def screenshot_notebook(tab, target: Path) -> list[Path]:
    """Screenshots of the top, the first admonition and chart, and each explorer widget."""
    panel = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"
    places = [
        ("top", f"{panel} .jp-Cell"),
        ("admonition", f"{panel} .jp-MarkdownCell aside, {panel} .jp-MarkdownCell pre"),
        ("chart", f"{panel} .jp-OutputArea-output .vega-embed"),
        ("widget", f"{panel} .jp-OutputArea-output > .jupyter-widgets.widget-box, "
                   f"{panel} .jp-OutputArea-output .widget-vbox"),
    ]  # fmt: skip
    shots = []
    for name, selector in places:
        found = tab.locator(selector)
        for i in range(min(found.count(), 3 if name == "widget" else 1)):
            found.nth(i).scroll_into_view_if_needed()
            tab.wait_for_timeout(300)
            path = target.with_name(f"{target.stem}-{name}{i}.png")
            tab.screenshot(path=str(path))
            shots.append(path)
    return shots


def chapters() -> list[Path]:
    return sorted(p for p in (ROOT / "book").glob("*.md") if "kernelspec:" in p.read_text())


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    disabled = (
        tuple(os.environ.get("LAB_DISABLED", "").split(","))
        if os.environ.get("LAB_DISABLED")
        else ()
    )
    selected = [Path(a) for a in argv[1:]] or chapters()
    outside: list[str] = []
    with jupyterlab(disabled=disabled) as lab, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )  # fmt: skip
        context = offline_context(browser, outside)
        tab = context.new_page()
        for chapter in selected:
            start = time.perf_counter()
            try:
                view = open_and_run(tab, lab, chapter)
            except Exception:
                tab.screenshot(path=str(out / f"failed-{chapter.stem}.png"))
                raise
            print(f"{time.perf_counter() - start:6.1f} s", view, flush=True)
            screenshot_notebook(tab, out / chapter.with_suffix(".png").name)
            close_all(tab)
        browser.close()
    print("outside requests refused:", sorted(set(outside))[:20])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
