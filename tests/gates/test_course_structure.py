"""The teaching structure of the chapters, read from their MyST sources.

* Every chapter page has exercises (each with a solution), "Key points" (3-6 bullets) and
  "Questions for discussion" (2-3, distinct from the exercises); the enumeration is printed
  with ``-s``.
* No page of prose is longer than a class can take in one sitting (about 3,000 words).
* No number, firm id or reduct is typed into the prose where a fact exists: numbers that the
  library's ``facts()`` functions compute must be glued, not typed.
* The course guide names only exercises that exist.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"
# Executable chapter pages (they hold a kernelspec). The explorer page is the explorers' own
# page and 03_rough_sets is the overview of chapter 3: the other pages of chapter 3 carry the kit.
CHAPTERS = sorted(
    p for p in BOOK.glob("*.md") if "kernelspec:" in p.read_text(encoding="utf-8")[:600]
)
KIT_PAGES = [
    p for p in CHAPTERS if p.stem not in ("own_data", "03_rough_sets", "03_rough_set_explorer")
]
MAX_PROSE_WORDS = 3000
# The article's sample size, printed in its title block and text; typed as the study's design.
DESIGN_NUMBERS = {"21"}

FENCE = re.compile(r"^(`{3,})\{?([\w-]*)\}?(.*)$")


def _blocks(text: str) -> list[tuple[str, str]]:
    """The page as (kind, text) pieces: kind is the directive name of the innermost fenced
    block a line sits in ("" for plain prose), with "code-cell" and plain fences as "code"."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[str, str]] = []
    for line in text.splitlines():
        match = FENCE.match(line.strip())
        if match:
            ticks, name, _ = match.groups()
            if stack and stack[-1][0] == ticks and not name:
                stack.pop()
                continue
            if not stack or stack[-1][1] not in ("code",):
                kind = "code" if name in ("", "code-cell", "python", "bash", "text") else name
                stack.append((ticks, kind))
                continue
        kind = stack[-1][1] if stack else ""
        if kind == "admonition" and ":class:" in line and "worked-example" in line:
            stack[-1] = (stack[-1][0], "worked-example")
        out.append((kind, line))
    return out


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    return text


def _prose(path: Path, *, exercises: bool) -> str:
    """Prose lines of the page: no code, no directive options. Exercise texts are prose too;
    solutions (worked answers with their arithmetic) and worked examples on invented tables
    only when ``exercises``."""
    keep = {"", "admonition", "note", "important", "warning", "figure", "glossary"}
    keep |= {"exercise"}
    if exercises:
        keep |= {"solution", "worked-example"}
    lines = [
        line for kind, line in _blocks(_body(path)) if kind in keep and not line.startswith(":")
    ]
    text = "\n".join(lines)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$\n]+\$", " ", text)
    text = re.sub(r"\{[\w:-]+\}`[^`]*`", " ", text)  # roles: glue, doc, cite, term, numref
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"^\([\w-]+\)=$", " ", text, flags=re.M)
    return text


def _section(path: Path, title: str) -> str:
    body = _body(path)
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", body, flags=re.S | re.M)
    return match.group(1) if match else ""


def kit(path: Path) -> dict[str, list[str]]:
    """Exercises (titles), key points (bullets) and discussion questions of a page."""
    body = _body(path)
    exercises = re.findall(r"^`{3,}\{exercise\} (.+)$", body, flags=re.M)
    labels = re.findall(r"^`{3,}\{exercise\}.*\n:label: (\S+)", body, flags=re.M)
    solutions = re.findall(r"^`{3,}\{solution\} (\S+)", body, flags=re.M)
    points = re.findall(r"^- ", _section(path, "Key points"), flags=re.M)
    questions = re.findall(r"^\d+\. ", _section(path, "Questions for discussion"), flags=re.M)
    return {
        "exercises": exercises,
        "labels": labels,
        "solutions": solutions,
        "key_points": points,
        "questions": questions,
    }


@pytest.mark.parametrize("path", KIT_PAGES, ids=lambda p: p.stem)
def test_each_chapter_has_exercises_key_points_and_questions(path: Path) -> None:
    found = kit(path)
    print(
        f"{path.stem}: {len(found['exercises'])} exercises, {len(found['key_points'])} key "
        f"points, {len(found['questions'])} discussion questions"
    )
    assert len(found["exercises"]) >= 2, f"{path.name}: fewer than 2 exercises"
    assert sorted(found["labels"]) == sorted(found["solutions"]), (
        f"{path.name}: every exercise needs exactly one solution"
    )
    assert 3 <= len(found["key_points"]) <= 6, f"{path.name}: key points must be 3-6 bullets"
    assert 2 <= len(found["questions"]) <= 3, f"{path.name}: 2-3 discussion questions"
    titles = {t.strip().lower() for t in found["exercises"]}
    for question in re.findall(r"^\d+\. (.+)$", _section(path, "Questions for discussion"), re.M):
        assert question.strip().lower() not in titles


@pytest.mark.parametrize("path", KIT_PAGES, ids=lambda p: p.stem)
def test_the_kit_closes_the_page(path: Path) -> None:
    headings = re.findall(r"^## (.+)$", _body(path), flags=re.M)
    assert headings[-2:] == ["Key points", "Questions for discussion"]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_no_page_is_longer_than_a_session(path: Path) -> None:
    words = len(re.findall(r"[A-Za-z][\w'-]*", _prose(path, exercises=True)))
    assert words <= MAX_PROSE_WORDS, f"{path.name}: {words} words of prose"


@cache
def _fact_values() -> tuple[frozenset[str], frozenset[str]]:
    """Every number the library's facts functions state, as integers and as the decimal and
    percentage strings a chapter would print."""
    from clusterlab import embeddedness, findings, paths, table1, virtualisation
    from clusterlab.data import load_embeddedness, load_firms, load_published

    firms, emb, published = load_firms(), load_embeddedness(), load_published()
    facts: dict[str, object] = {}
    for part in (
        table1.facts(firms, published.table1),
        embeddedness.facts(firms, emb, published.table2),
        embeddedness.freedom_facts(published.table2),
        embeddedness.printed_facts(published.table2),
        paths.firm_facts(firms),
        paths.facts(firms),
        virtualisation.facts(firms),
        findings.facts(firms),
        findings.method_facts(firms),
        findings.findings_facts(firms),
        findings.robustness_facts(firms),
        findings.stability_facts(firms),
    ):
        facts.update(part)
    ints: set[str] = set()
    decimals: set[str] = set()
    for value in facts.values():
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if isinstance(value, int):
            ints.add(str(value))
            continue
        for fmt in ("{:.1f}", "{:.2f}", "{:.3f}"):
            decimals.add(fmt.format(value).lstrip("-").lstrip("+"))
        if 0 <= value <= 1:
            decimals.update({f"{value:.0%}", f"{value:.1%}"})
    return frozenset(ints - DESIGN_NUMBERS), frozenset(decimals)


COUNTED = (
    r"firms?|reducts?|rules?|samples?|tables?|cells?|checks?|constraints?|attributes?|"
    r"means?|marks?|classes|entries|subsets?|blocks?|takeovers?|acquisitions?|subsidiar(?:y|ies)"
)
COUNT = re.compile(
    rf"(?<![\w.,-])(\d+)\s+(?!means\b)(?:[A-Za-z/-]+\s+){{0,3}}?(?:{COUNTED})\b(?!\s+that)"
)
# A decimal after a comparison is a threshold (p < 0.10), not a result.
DECIMAL = re.compile(r"(?<![<>≤≥] )(?<![\w.<>≤≥])[-+−]?(\d+\.\d+)(?![\w.])")
PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d)?)\s?%")
FIRM_ID = re.compile(r"\bF\d{2}\b")
RANGE = re.compile(r"\bF01\s*(?:-|–|\.\.\.)\s*F21\b")
REDUCT = re.compile(r"\breducts?\s+(?:\w+\s+){0,3}\{[^}]+\}")
# Numbers that name something rather than count it: "Table 2", "chapter 3", "path 1".
NAMING = re.compile(
    r"(?:table|chapter|path|session|category|pattern|step|item|rule|page|section|figure)\s*$",
    re.I,
)


def _counts(prose: str, ints: frozenset[str]) -> list[str]:
    return [
        m.group(0)
        for m in COUNT.finditer(prose)
        if m.group(1) in ints and not NAMING.search(prose[max(0, m.start() - 12) : m.start()])
    ]


# own_data describes an example data set and the CLI's limits, not the article's facts.
@pytest.mark.parametrize(
    "path", [p for p in CHAPTERS if p.stem != "own_data"], ids=lambda p: p.stem
)
def test_no_typed_number_where_a_fact_exists(path: Path) -> None:
    ints, decimals = _fact_values()
    prose = _prose(path, exercises=False)
    typed = _counts(prose, ints)
    typed += [m.group(0) for m in DECIMAL.finditer(prose) if m.group(1) in decimals]
    typed += [m.group(0) for m in PERCENT.finditer(prose) if f"{m.group(1)}%" in decimals]
    typed += REDUCT.findall(prose)
    typed += FIRM_ID.findall(RANGE.sub(" ", _prose(path, exercises=True)))
    assert not typed, f"{path.name}: typed in the prose, glue a fact instead: {typed}"


def test_the_scanner_finds_typed_numbers(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "---\nkernelspec:\n  name: python3\n---\n# T\n\nOf the 10 global firms F08 is one; "
        "quality 0.67 and 57%.\n\n```{code-cell} ipython3\nx = 10\n```\n",
        encoding="utf-8",
    )
    prose = _prose(page, exercises=False)
    assert "x = 10" not in prose
    assert COUNT.search(prose) and FIRM_ID.search(prose)
    assert DECIMAL.search(prose) and PERCENT.search(prose)


def test_the_course_guide_names_existing_exercises() -> None:
    titles = {t.strip() for p in CHAPTERS for t in kit(p)["exercises"]}
    guide = (BOOK / "course_guide.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<!\*)\*([^*|]+?)\*(?!\*)", guide))
    missing = {n for n in named if n[:1].isupper() and n not in titles and len(n) > 12}
    assert not missing, f"the course guide names exercises that do not exist: {missing}"


def _after_goals(path: Path) -> str:
    """The page body after its learning-goals box, without headings (goals and the heading of
    the defining section may name a term before its definition)."""
    body = _body(path)
    marker = body.find("```", body.find("Learning goals") + 1)
    rest = body[marker + 3 :] if marker >= 0 else body
    return "\n".join(line for line in rest.splitlines() if not line.startswith("#"))


@pytest.mark.parametrize(
    ("page", "term", "use"),
    [
        ("03_rough_set_method", "{term}`core`", "in_core"),
        ("03_rough_set_method", "{term}`core`", "the core"),
        ("03_rough_set_method", "{term}`reduct`", "reducts"),
        ("03_rough_set_method", "{term}`LEM2`", "LEM2"),
        ("03_rough_set_method", "<minimal rule>`", "minimal rule"),
        ("03_rough_set_robustness", "{term}`precision <beta>`", "\\beta"),
    ],
)
def test_terms_are_defined_and_linked_before_use(page: str, term: str, use: str) -> None:
    text = _after_goals(BOOK / f"{page}.md")
    assert term in text, f"{page}: {term} is not linked to the glossary"
    first_use = min(i for i in (text.find(use), text.find(use.capitalize())) if i >= 0)
    assert text.index(term) <= first_use + len(term), f"{page}: {use!r} used before {term}"


def test_every_linked_term_is_in_the_glossary() -> None:
    glossary = (BOOK / "glossary.md").read_text(encoding="utf-8")
    entries = {line.strip() for line in glossary.splitlines() if line and not line[0].isspace()}
    for path in CHAPTERS:
        for match in re.finditer(r"\{term\}`([^`]+)`", _body(path)):
            target = match.group(1)
            target = target.split("<")[-1].rstrip(">") if "<" in target else target
            assert target in entries, f"{path.name}: {target!r} is not a glossary entry"
