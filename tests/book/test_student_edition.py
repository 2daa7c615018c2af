"""The student edition, built from the session's book build (reusing its execution cache, so
no chapter runs a second time): no solution text on any page, every exercise still there."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def jupyter_book() -> str:
    return str(Path(sys.executable).with_name("jupyter-book"))


EXERCISE = re.compile(r'<div class="exercise[^"]*"[^>]*id="([^"]+)"')
SOLUTION_BLOCK = re.compile(r'<div class="solution[^"]*".*?</section>\s*</div>', re.S)
TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="session")
def student_book(built_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make student`` against the session's build: the same configuration script and the
    reader build's jupyter-cache."""
    out = tmp_path_factory.mktemp("student")
    config = out / "student_config.yml"
    cache = built_book.parent / ".jupyter_cache"
    assert cache.is_dir(), "the reader's build left no execution cache"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "book/_ext/editions.py"),
            "--edition",
            "student",
            "--cache",
            str(cache),
            "--output",
            str(config),
        ],
        check=True,
    )
    result = subprocess.run(
        [
            jupyter_book(),
            "build",
            str(ROOT),
            "--config",
            str(config),
            "--path-output",
            str(out),
            "-W",
            "-n",
            "--keep-going",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    (out / "build.log").write_text(result.stdout + "\n" + result.stderr)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "Executing" not in result.stdout, "the student edition executed chapters again"
    return out / "_build" / "html"


def _pages(html: Path) -> dict[str, str]:
    return {
        str(p.relative_to(html)): p.read_text(encoding="utf-8")
        for p in sorted((html / "book").glob("*.html"))
    }


def _solution_texts(page: str) -> list[str]:
    """The text of every solution on a reader's page (long enough to be distinctive)."""
    texts = []
    for block in SOLUTION_BLOCK.findall(page):
        words = " ".join(TAG.sub(" ", block).split())
        if len(words) > 60:
            texts.append(words[len(words) // 2 : len(words) // 2 + 60])
    return texts


def test_student_pages_have_every_exercise_and_no_solution(
    built_book: Path, student_book: Path
) -> None:
    reader, student = _pages(built_book), _pages(student_book)
    assert reader.keys() == student.keys()
    n_exercises = n_solutions = 0
    for name, page in reader.items():
        exercises = EXERCISE.findall(page)
        assert EXERCISE.findall(student[name]) == exercises, f"{name}: exercises differ"
        n_exercises += len(exercises)
        assert 'class="solution' not in student[name], f"{name}: a solution block remains"
        plain = " ".join(TAG.sub(" ", student[name]).split())
        for text in _solution_texts(page):
            n_solutions += 1
            assert text not in plain, f"{name}: solution text in the student page: {text!r}"
    assert n_exercises >= 20 and n_solutions >= 20
