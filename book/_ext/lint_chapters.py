"""Lint the code cells of the chapters: jupytext writes each MyST chapter as a Python script
(``py:percent``) under ``_build/lint/``, and ruff checks the scripts with a rule set made for
notebooks; every finding is reported at its line in the chapter (``book/<chapter>.md``).

A chapter is a notebook (``kernelspec:`` in its front matter), so some rules of the library do
not fit it: imports stand in later cells (E402), a cell's last expression is its output (B018,
and B015 when it is a comparison), and markdown cells become long comment lines (E501). The
rules used find real errors in any Python: pyflakes (F: undefined and unused names,
redefinitions), statements (E7: comparisons with None or True, bare ``except``, ambiguous
names), syntax errors (E9), bugbear (B, except B015 and B018) and pyupgrade (UP, Python 3.11).

Usage: ``python book/_ext/lint_chapters.py`` (part of ``make lint``); exits 1 on any finding.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "_build" / "lint"
RULES = ["--select", "F,E7,E9,B,UP", "--ignore", "B015,B018", "--target-version", "py311"]
FENCE = re.compile(r"^(`{3,}|~{3,})\{code-cell\}")
CELL = re.compile(r"^# %%(?! \[(markdown|md|raw)\])")


@dataclass(frozen=True)
class Finding:
    chapter: Path
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        inside = self.chapter.is_relative_to(ROOT)
        where = self.chapter.relative_to(ROOT) if inside else self.chapter
        return f"{where}:{self.line}:{self.column}: {self.code} {self.message}"


def chapters() -> list[Path]:
    """The chapters: ``book/*.md`` files whose front matter names a kernel."""
    return [
        path
        for path in sorted((ROOT / "book").glob("*.md"))
        if re.search(r"^kernelspec:", path.read_text(encoding="utf-8"), flags=re.M)
    ]


def code_starts(markdown: list[str]) -> list[tuple[int, int]]:
    """For each code cell of a MyST chapter, the 0-based lines of its fence and of the start of
    its code (after its ``:option:`` lines or ``---`` block and the blank line after them)."""
    starts = []
    for number, line in enumerate(markdown):
        if not FENCE.match(line):
            continue
        at = number + 1
        if at < len(markdown) and markdown[at].strip() == "---":
            at = markdown.index("---", at + 1) + 1 if "---" in markdown[at + 1 :] else at + 1
            options = True
        else:
            options = False
            while at < len(markdown) and markdown[at].startswith(":"):
                at, options = at + 1, True
        if options and at < len(markdown) and not markdown[at].strip():
            at += 1
        starts.append((number, at))
    return starts


def chapter_line(script: list[str], markdown: list[str], line: int) -> int:
    """The 1-based line of the chapter that holds line ``line`` (1-based) of its script; a line
    outside a code cell (or one jupytext rewrote, such as a magic) maps to its cell's fence."""
    headers = [n for n, text in enumerate(script) if text.startswith("# %%")]
    code_headers = [n for n in headers if CELL.match(script[n])]
    cell = max((k for k, n in enumerate(code_headers) if n < line - 1), default=None)
    starts = code_starts(markdown)
    if cell is None or cell >= len(starts):
        return 1
    fence, start = starts[cell]
    at = start + (line - 1 - code_headers[cell] - 1)
    if at < len(markdown) and markdown[at].rstrip() == script[line - 1].rstrip():
        return at + 1
    return fence + 1


def ruff() -> str:
    beside = Path(sys.executable).with_name("ruff")
    found = str(beside) if beside.exists() else shutil.which("ruff")
    if found is None:
        raise SystemExit("lint_chapters: ruff is not installed (make setup installs it)")
    return found


def lint(paths: list[Path], out: Path = OUT) -> list[Finding]:
    """Convert ``paths`` (chapters) into ``out`` (emptied first) and return ruff's findings."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    scripts = {}
    for chapter in paths:
        script = out / f"{chapter.stem}.py"
        jupytext.write(jupytext.read(chapter), script, fmt="py:percent")
        scripts[script.resolve()] = chapter
    command = [ruff(), "check", "--isolated", "--no-cache", *RULES, "--output-format", "json"]
    result = subprocess.run(
        [*command, *map(str, scripts)], capture_output=True, text=True, check=False
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"lint_chapters: ruff failed: {result.stderr.strip()}")
    findings = []
    for item in json.loads(result.stdout or "[]"):
        chapter = scripts[Path(item["filename"]).resolve()]
        script = (out / f"{chapter.stem}.py").read_text(encoding="utf-8").splitlines()
        markdown = chapter.read_text(encoding="utf-8").splitlines()
        line = chapter_line(script, markdown, item["location"]["row"])
        findings.append(
            Finding(chapter, line, item["location"]["column"], item["code"], item["message"])
        )
    return findings


def main() -> int:
    paths = chapters()
    findings = lint(paths)
    for finding in findings:
        print(finding)
    print(f"lint_chapters: {len(paths)} chapters, {len(findings)} finding(s) (ruff, {RULES[1]})")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
