"""Small wording helpers for sentences that the book glues from computed facts.

A chapter never types a number into its prose: it glues a value returned by a topic module's
``facts()`` function. The helpers here make such sentences grammatical for every value the
value can take ("1 firm", "2 firms", "0 firms"; "1 reduct ... it equals the core"), so that a
changed data file can never produce "1 firms" or "3 reduct".

Definitions used:

* :func:`count` puts a number before a noun and uses the plural for every number except 1
  (English usage: "0 firms", "1 firm", "2 firms").
* :func:`join_words` joins items as running text: ``a``, ``a and b``, ``a, b and c`` (no
  serial comma); an empty sequence gives ``empty``.
* :func:`set_text` writes a set of labels in braces: ``{a, b}``.
* :func:`reduct_sentence` states the reducts and the core of a decision table in one clause.
* :func:`percent` writes a share in [0, 1] as a whole percentage ("67%").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "attribute_word",
    "attribute_words",
    "count",
    "is_are",
    "join_words",
    "percent",
    "plural",
    "reduct_sentence",
    "set_text",
]


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """The noun for ``n`` things: ``singular`` when ``n == 1``, else the plural.

    The plural is ``plural_form`` when given, else ``singular + "s"``.
    """
    if isinstance(n, bool) or int(n) != n:
        raise ValueError(f"plural: n = {n!r} is not a whole number")
    return singular if n == 1 else (plural_form or singular + "s")


def count(n: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 firm"``, ``"2 firms"``, ``"0 firms"``: the number and the noun that fits it."""
    return f"{int(n)} {plural(n, singular, plural_form)}"


def is_are(n: int) -> str:
    """The verb that agrees with ``n`` things: ``"is"`` for 1, else ``"are"``."""
    return "is" if plural(n, "x") == "x" else "are"


def join_words(items: Iterable[str], empty: str = "none") -> str:
    """Items as running text: ``"a"``, ``"a and b"``, ``"a, b and c"``; ``empty`` if none."""
    words = [str(i) for i in items]
    if not words:
        return empty
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def set_text(items: Iterable[str]) -> str:
    """A set of labels in braces, in the given order: ``"{a, b}"`` (``"{}"`` when empty); the
    book's one set formatter, :func:`clusterlab.words.set_text`."""
    from clusterlab.words import set_text as words_set_text

    return words_set_text((str(i) for i in items), empty="{}")


def percent(share: float, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage with ``digits`` decimals: ``0.6667 -> "67%"``."""
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"percent: share = {share!r} is not in [0, 1]")
    return f"{share:.{digits}%}"


def reduct_sentence(
    reducts: Sequence[Sequence[str]], core: Sequence[str], name: dict[str, str] | None = None
) -> str:
    """One clause stating the reducts and the core, grammatical for any number of reducts.

    ``name`` maps attribute codes to the words shown (codes are shown when it is omitted).
    Examples: ``"1 reduct, {a, b}, and it equals the core"``;
    ``"2 reducts, {a, b} and {a, c}; the core, the attributes in every reduct, is {a}"``;
    ``"2 reducts, {a} and {b}; the core is empty"``. A single reduct always equals the core
    (the core is the intersection of all reducts).
    """
    words = name or {}

    def shown(attributes: Iterable[str]) -> str:
        return set_text(words.get(a, a) for a in attributes)

    n = len(reducts)
    if n == 0:
        return "no reduct"
    listed = join_words(shown(r) for r in reducts)
    if n == 1:
        return f"{count(1, 'reduct')}, {listed}, and it equals the core"
    if not core:
        return f"{count(n, 'reduct')}, {listed}; the core is empty"
    return (
        f"{count(n, 'reduct')}, {listed}; the core, the attributes in every reduct, is "
        f"{shown(core)}"
    )


#: Shorter words for running text where the codebook title is a phrase.
_RUNNING_TEXT = {"legal_status": "legal status"}


def attribute_word(column: str) -> str:
    """The word for an attribute in running text: :data:`_RUNNING_TEXT` where it has one,
    else its codebook title in lower case; the code itself if not in the codebook.
    """
    if column in _RUNNING_TEXT:
        return _RUNNING_TEXT[column]
    from clusterlab.words import column_title

    title = column_title(column)
    return title.lower() if title != column else column


def attribute_words(columns: Iterable[str]) -> str:
    """Attribute words as running text: ``"export orientation and innovativeness"``."""
    return join_words((attribute_word(c) for c in columns), empty="none")
