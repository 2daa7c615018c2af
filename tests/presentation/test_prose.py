"""The wording helpers give grammatical sentences for every value."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlab.prose import count, is_are, join_words, percent, plural, reduct_sentence, set_text


def test_count_singular_and_plural() -> None:
    assert count(0, "firm") == "0 firms"
    assert count(1, "firm") == "1 firm"
    assert count(2, "firm") == "2 firms"
    assert count(1, "analysis", "analyses") == "1 analysis"
    assert count(3, "analysis", "analyses") == "3 analyses"


@given(st.integers(min_value=0, max_value=10_000))
def test_count_uses_the_singular_only_for_one(n: int) -> None:
    text = count(n, "reduct")
    assert text.startswith(f"{n} ")
    assert text.endswith("reducts") == (n != 1)
    assert is_are(n) == ("is" if n == 1 else "are")


def test_plural_refuses_fractions() -> None:
    with pytest.raises(ValueError, match="whole number"):
        plural(1.5, "firm")  # type: ignore[arg-type]  # a wrong type on purpose


def test_join_words() -> None:
    assert join_words([]) == "none"
    assert join_words([], empty="(none)") == "(none)"
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b"]) == "a and b"
    assert join_words(["a", "b", "c"]) == "a, b and c"


@given(st.lists(st.sampled_from(["x", "y", "z"]), min_size=2, max_size=6))
def test_join_words_has_exactly_one_and(items: list[str]) -> None:
    text = join_words(items)
    assert text.count(" and ") == 1
    assert text.count(", ") == len(items) - 2


def test_set_text_and_percent() -> None:
    assert set_text(["a", "b"]) == "{a, b}"
    assert set_text([]) == "{}"
    assert percent(2 / 3) == "67%"
    assert percent(0.5, 1) == "50.0%"
    with pytest.raises(ValueError, match="not in"):
        percent(1.2)


def test_reduct_sentence_for_one_several_and_no_core() -> None:
    one = reduct_sentence([("a", "b")], ("a", "b"))
    assert one == "1 reduct, {a, b}, and it equals the core"
    two = reduct_sentence([("a", "b"), ("a", "c")], ("a",))
    assert two.startswith("2 reducts, {a, b} and {a, c}")
    assert two.endswith("is {a}")
    none = reduct_sentence([("a",), ("b",)], ())
    assert none.endswith("the core is empty")
    assert reduct_sentence([], ()) == "no reduct"
    named = reduct_sentence([("legal_status",)], ("legal_status",), {"legal_status": "legal"})
    assert "{legal}" in named
