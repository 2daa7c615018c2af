"""Small textbook examples whose answers are derived by hand in the comments."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import pytest
from roughsets_tables import fixture_columns

from clusterlab.roughsets import DecisionTable, Rule


def flu() -> DecisionTable:
    return DecisionTable(fixture_columns("flu"), "Flu", id_column="Patient")


# --------------------------------------------------------------------------------------------
# Positive-region reducts differ from the all-pairs discernibility definition.
#
#   obj  a  b  d       IND({a,b}) classes: {1,2} (yes/no), {3,4} (yes/no), {5} (yes)
#    1   0  0  yes     POS_C = {5}, gamma_C = 1/5
#    2   0  0  no      {a}: a=0 -> {1,2,3,4} mixed, a=1 -> {5} pure: POS = {5}  => {a} keeps POS
#    3   0  1  yes     {b}: b=0 -> {1,2,5} mixed, b=1 -> {3,4} mixed: POS = {}   => not
#    4   0  1  no      {}: one mixed class: POS = {}
#    5   1  0  yes     => the only positive-region reduct is {a}; core {a}.
# All-pairs matrix (every pair with different d): (1,2) {}, (1,4) {b}, (2,3) {b}, (2,5) {a},
# (3,4) {}, (4,5) {a,b}; ignoring empty entries its function is b AND a -> reduct {a,b}.
# Positive-region matrix (at least one object in POS = {5}): (2,5) {a}, (4,5) {a,b} -> {a}.
# --------------------------------------------------------------------------------------------
INCONSISTENT = {"a": [0, 0, 0, 0, 1], "b": [0, 0, 1, 1, 0], "d": ["yes", "no", "yes", "no", "yes"]}


def minimal_hitting_sets(entries: list[frozenset[str]], attributes: list[str]) -> list[set]:
    entries = [e for e in entries if e]
    hits = [
        set(s)
        for k in range(len(attributes) + 1)
        for s in combinations(attributes, k)
        if all(e & set(s) for e in entries)
    ]
    return [h for h in hits if not any(o < h for o in hits)]


def test_positive_region_reducts_of_an_inconsistent_table() -> None:
    dt = DecisionTable(INCONSISTENT, "d")
    assert dt.positive_region() == ("5",)
    assert dt.quality() == pytest.approx(1 / 5)
    assert dt.quality(["a"]) == pytest.approx(1 / 5)
    assert dt.quality(["b"]) == 0.0
    assert dt.reducts() == [("a",)]
    assert dt.core() == ("a",)
    assert dt.heuristic_reduct() == ("a",)


def test_discernibility_matrices_of_an_inconsistent_table() -> None:
    dt = DecisionTable(INCONSISTENT, "d")
    positive = dt.discernibility_matrix()
    assert positive == {("2", "5"): frozenset({"a"}), ("4", "5"): frozenset({"a", "b"})}
    all_pairs = dt.discernibility_matrix(all_pairs=True)
    assert all_pairs == {
        ("1", "2"): frozenset(),
        ("1", "4"): frozenset({"b"}),
        ("2", "3"): frozenset({"b"}),
        ("2", "5"): frozenset({"a"}),
        ("3", "4"): frozenset(),
        ("4", "5"): frozenset({"a", "b"}),
    }
    assert minimal_hitting_sets(list(positive.values()), ["a", "b"]) == [{"a"}]
    assert minimal_hitting_sets(list(all_pairs.values()), ["a", "b"]) == [{"a", "b"}]


def test_flu_discernibility_matrix() -> None:
    # Fixture derivation: p1-p4 {T}, p1-p5 {H,M}, p2-p4 {H,M,T}, p3-p4 {H,T}, p3-p5 {M,T},
    # p4-p6 {T}, p5-p6 {H,M,T}; p2-p5 (both in the boundary) is not in the positive matrix.
    h, m, t = "Headache", "Muscle-pain", "Temperature"
    assert flu().discernibility_matrix() == {
        ("p1", "p4"): frozenset({t}),
        ("p1", "p5"): frozenset({h, m}),
        ("p2", "p4"): frozenset({h, m, t}),
        ("p3", "p4"): frozenset({h, t}),
        ("p3", "p5"): frozenset({m, t}),
        ("p4", "p6"): frozenset({t}),
        ("p5", "p6"): frozenset({h, m, t}),
    }
    assert flu().discernibility_matrix(all_pairs=True)[("p2", "p5")] == frozenset()


def test_flu_significance() -> None:
    # gamma_C = 4/6. Without Temperature, {H, M}: (no,yes) {1,4,6} and (yes,no) {2,5} mixed,
    # (yes,yes) {3} -> 1/6; significance 3/6. Without Headache, {M, T}: {1} {2,5} {3,6} {4}
    # -> 4/6; without Muscle-pain, {H, T}: {1} {2,5} {3} {4} {6} -> 4/6; both 0.
    assert flu().significance() == pytest.approx(
        {"Headache": 0.0, "Muscle-pain": 0.0, "Temperature": 0.5}
    )
    assert flu().quality(["Headache", "Muscle-pain"]) == pytest.approx(1 / 6)


# --------------------------------------------------------------------------------------------
# LEM2 by hand.
#   obj a b d   blocks: [a=1]={1,2} [a=2]={3,4,7} [a=3]={5,6} [b=x]={1,3,5,6} [b=y]={2,4,7}
#    1  1 x P   X_P = {1,2,3,6}, X_N = {4,5,7}; IND classes {1} {2} {3} {4,7} {5,6}
#    2  1 y P   lower(P) = {1,2,3}, lower(N) = {4,7}, boundary = {5,6} (generalised dec. {N,P})
#    3  2 x P
#    4  2 y N   Certain N, concept {4,7}: G={4,7}: |[t]&G| a=2: 2 (|[t]|=3), b=y: 2 (3) -> tie,
#    5  3 x N     first pair a=2; [a=2]={3,4,7} not in concept; then b=y: [T]={4,7}. Neither
#    6  3 x P     condition can be dropped. Rule N1: a=2 & b=y -> N, support 2, coverage 2/3.
#    7  2 y N   Certain P, concept {1,2,3}: a=1: 2 (|[t]|=2), b=x: 2 (4) -> a=1 (smaller block),
#               [a=1]={1,2} inside: rule P1: a=1 -> P (support 2, coverage 2/4). G={3}:
#   a=2 (3) beats b=x (4); [a=2] not inside; add b=x: [T]={3}: rule P2: a=2 & b=x -> P (1, 1/4).
#   Possible, concept {5,6} (generalised decision {N,P}): a=3: 2 (|[t]|=2) beats b=x (2, |[t]|=4):
#   [a=3]={5,6} inside: T = (a=3). One possible rule per decision of the class:
#     a=3 -> N: [T] & X_N = {5}: support 1, strength 1/7, certainty 1/2, coverage 1/|X_N| = 1/3;
#     a=3 -> P: [T] & X_P = {6}: support 1, strength 1/7, certainty 1/2, coverage 1/|X_P| = 1/4.
#   Order: certain before possible, decision N before P, larger support first.
# --------------------------------------------------------------------------------------------
LEM2_TABLE = {
    "a": [1, 1, 2, 2, 3, 3, 2],
    "b": ["x", "y", "x", "y", "x", "x", "y"],
    "d": ["P", "P", "P", "N", "N", "P", "N"],
}


def test_lem2_rules_by_hand() -> None:
    dt = DecisionTable(LEM2_TABLE, "d")
    got = [(r.conditions, r.decisions, r.kind, r.support, r.objects) for r in dt.rules()]
    assert got == [
        ((("a", 2), ("b", "y")), ("N",), "certain", 2, ("4", "7")),
        ((("a", 1),), ("P",), "certain", 2, ("1", "2")),
        ((("a", 2), ("b", "x")), ("P",), "certain", 1, ("3",)),
        ((("a", 3),), ("N",), "possible", 1, ("5",)),
        ((("a", 3),), ("P",), "possible", 1, ("6",)),
    ]
    measures = [m for r in dt.rules() for m in (r.strength, r.certainty, r.coverage)]
    assert measures == pytest.approx(
        [2 / 7, 1.0, 2 / 3, 2 / 7, 1.0, 2 / 4, 1 / 7, 1.0, 1 / 4]
        + [1 / 7, 1 / 2, 1 / 3, 1 / 7, 1 / 2, 1 / 4]
    )


def test_possible_rules_per_decision_by_hand() -> None:
    # a: 1 1 1 1 2 -> d: y y y n n. IND({a}) classes: {1,2,3,4} (3 y, 1 n: boundary, generalised
    # decision {n, y}) and {5} (n: lower approximation of n).
    # Certain n, concept {5}: [a=2] = {5} -> rule a=2 -> n, support 1, coverage 1/|X_n| = 1/2.
    # Possible, concept {1,2,3,4}: [a=1] = {1,2,3,4} lies inside -> T = (a=1), one rule each:
    #   a=1 -> n: [T] & X_n = {4}: support 1, certainty 1/4, coverage 1/2;
    #   a=1 -> y: [T] & X_y = {1,2,3}: support 3, certainty 3/4, coverage 3/3 = 1.
    # (The 0.75 / 0.25 of chapter 3's approximate rules.)
    dt = DecisionTable({"a": [1, 1, 1, 1, 2], "d": ["y", "y", "y", "n", "n"]}, "d")
    got = [(r.conditions, r.decisions, r.kind, r.support, r.objects) for r in dt.rules()]
    assert got == [
        ((("a", 2),), ("n",), "certain", 1, ("5",)),
        ((("a", 1),), ("n",), "possible", 1, ("4",)),
        ((("a", 1),), ("y",), "possible", 3, ("1", "2", "3")),
    ]
    measures = [m for r in dt.rules() for m in (r.certainty, r.coverage)]
    assert measures == pytest.approx([1.0, 1 / 2, 1 / 4, 1 / 2, 3 / 4, 1.0])
    # Voting: a row with a=1 fires only the two possible rules: n gets 1, y gets 3 -> y.
    assert dt.classify(dt.rules(), {"a": [1, 2, 3]}) == ["y", "n", None]


def test_rule_text_and_dict() -> None:
    rules = DecisionTable(LEM2_TABLE, "d").rules()
    assert str(rules[0]) == "IF a = 2 AND b = y THEN d = N"
    assert str(rules[3]) == "IF a = 3 THEN d = N"
    assert rules[3].to_dict() == {
        "if": {"a": 3},
        "then": ["N"],
        "type": "possible",
        "support": 1,
        "strength": pytest.approx(1 / 7),
        "certainty": 0.5,
        "coverage": pytest.approx(1 / 3),
        "objects": ["5"],
    }
    assert isinstance(rules[0], Rule) and rules[0].matches({"a": 2, "b": "y"})


def test_min_support_drops_rules() -> None:
    rules = DecisionTable(LEM2_TABLE, "d").rules(min_support=2)
    assert [r.support for r in rules] == [2, 2]  # the possible rules have support 1 each


def test_classify_by_hand() -> None:
    # {a=1,b=y}: P1 fires -> P. {a=2,b=y}: N1 -> N. {a=2,b=x}: P2 -> P.
    # {a=3,b=x}: only the possible rules a=3 -> N (support 1) and a=3 -> P (support 1) fire
    # -> tie 1:1, value order -> N. {a=4}: nothing fires -> None.
    dt = DecisionTable(LEM2_TABLE, "d")
    new = {"a": [1, 2, 2, 3, 4], "b": ["y", "y", "x", "x", "x"]}
    assert dt.classify(dt.rules(), new) == ["P", "N", "P", "N", None]
    assert dt.classify(dt.rules(), LEM2_TABLE) == ["P", "P", "P", "N", "N", "N", "N"]


def test_loo_accuracy_by_hand() -> None:
    # a: 0 0 1 1 2 -> d: yes yes no no yes. Leaving out 1 (or 2) keeps a=0 -> yes; leaving out
    # 3 (or 4) keeps a=1 -> no; leaving out 5 removes the only a=2 object: no rule fires.
    dt = DecisionTable({"a": [0, 0, 1, 1, 2], "d": ["y", "y", "n", "n", "y"]}, "d")
    assert dt.loo_accuracy() == pytest.approx(4 / 5)
    assert dt.loo_accuracy("minimal") == pytest.approx(4 / 5)


def test_all_minimal_rules_of_flu() -> None:
    # Single pairs: only T=very_high {p3,p6} -> yes and T=normal {p4} -> no are consistent.
    # Pairs without a consistent single pair: H=yes&M=yes {p3} -> yes; H=no&T=high {p1} -> yes;
    # M=yes&T=high {p1} -> yes; (H=yes,M=no), (H=yes,T=high), (M=no,T=high) = {p2,p5} mixed;
    # (H=no,M=yes) = {p1,p4,p6} mixed. The only remaining triple, (yes,no,high), is {p2,p5} mixed.
    rules = flu().rules("minimal")
    assert {(r.conditions, r.decisions, r.support) for r in rules} == {
        ((("Temperature", "normal"),), ("no",), 1),
        ((("Temperature", "very_high"),), ("yes",), 2),
        ((("Headache", "yes"), ("Muscle-pain", "yes")), ("yes",), 1),
        ((("Headache", "no"), ("Temperature", "high")), ("yes",), 1),
        ((("Muscle-pain", "yes"), ("Temperature", "high")), ("yes",), 1),
    }
    assert all(r.kind == "certain" and r.certainty == 1.0 for r in rules)
    assert rules[0].decisions == ("no",)  # decision order, then support, then conditions
    assert [r.support for r in rules[1:3]] == [2, 1]


# --------------------------------------------------------------------------------------------
# VPRS by hand: one attribute a, 12 objects.
#   a=1: objects 1-5,  4 P + 1 N   inclusion P 4/5, N 1/5
#   a=2: objects 6-8,  2 P + 1 N   inclusion P 2/3, N 1/3
#   a=3: objects 9-10, 1 P + 1 N   inclusion 1/2 each
#   a=4: objects 11-12, 2 N        inclusion N 1
# beta=0.6: lower P (>= 0.6): a=1,a=2 -> 1-8; upper P (> 0.4): a=1,2,3 -> 1-10;
#           lower N: a=4 -> 11,12; upper N (> 0.4): a=3,4 -> 9-12; POS = 1-8,11,12 (10/12).
# beta=0.8: lower P: a=1 (4/5 >= 0.8) -> 1-5; upper P (> 0.2): a=1,2,3 -> 1-10;
#           lower N: 11,12; upper N: 1/5 is not > 0.2, so a=2,3,4 -> 6-12; POS 1-5,11,12 (7/12).
# beta=2/3: a=2 reaches exactly 2/3 -> lower P 1-8, as for 0.6. beta=1: Pawlak, POS = {11,12}.
# --------------------------------------------------------------------------------------------
VPRS_TABLE = {"a": [1] * 5 + [2] * 3 + [3] * 2 + [4] * 2, "d": list("PPPPNPPNPNNN")}


def span(first: int, last: int) -> tuple[str, ...]:
    return tuple(str(i) for i in range(first, last + 1))


def test_vprs_beta_06() -> None:
    dt = DecisionTable(VPRS_TABLE, "d")
    approx = dt.approximations(beta=0.6)
    assert approx["P"].lower == span(1, 8) and approx["P"].upper == span(1, 10)
    assert approx["N"].lower == span(11, 12) and approx["N"].upper == span(9, 12)
    assert approx["P"].boundary == approx["N"].boundary == span(9, 10)
    assert approx["P"].accuracy == pytest.approx(8 / 10)
    assert approx["N"].accuracy == pytest.approx(2 / 4)
    assert dt.positive_region(beta=0.6) == span(1, 8) + span(11, 12)
    assert dt.quality(beta=0.6) == pytest.approx(10 / 12)
    assert dt.boundary_region(beta=0.6) == span(9, 10)


def test_vprs_beta_08() -> None:
    dt = DecisionTable(VPRS_TABLE, "d")
    approx = dt.approximations(beta=0.8)
    assert approx["P"].lower == span(1, 5) and approx["P"].upper == span(1, 10)
    assert approx["N"].lower == span(11, 12) and approx["N"].upper == span(6, 12)
    assert approx["N"].outside == span(1, 5)
    assert dt.quality(beta=0.8) == pytest.approx(7 / 12)
    assert dt.positive_region(beta=0.8) == span(1, 5) + span(11, 12)


def test_vprs_exact_thresholds_and_pawlak() -> None:
    dt = DecisionTable(VPRS_TABLE, "d")
    assert dt.approximations(beta=Fraction(2, 3))["P"].lower == span(1, 8)
    assert dt.approximations(beta=2 / 3)["P"].lower == span(1, 8)
    assert dt.approximations(beta=Fraction(2, 3) + Fraction(1, 10**9))["P"].lower == span(1, 5)
    assert dt.approximations(beta=1) == dt.approximations()
    assert dt.positive_region() == span(11, 12)
    assert dt.quality() == pytest.approx(2 / 12)


# --------------------------------------------------------------------------------------------
# Reduct stability by hand, xor_copy (d = a XOR b, c = b, n constant): r1 = r5 and r3 = r6 are
# duplicates, so leaving one of them out changes nothing. Leaving out r2 or r4 still leaves
# (0,0)->0 and (1,0)->1, so {b,c} stays impure, {a} alone stays impure (a=1: r3 1, r4 0 /
# a=0: r1 0, r2 1), and {a,b}, {a,c} stay reducts: every LOO sample has reducts {a,b}, {a,c}.
# --------------------------------------------------------------------------------------------
def test_reduct_stability_loo_by_hand() -> None:
    dt = DecisionTable(fixture_columns("xor_copy"), "d", id_column="id")
    st = dt.reduct_stability(method="loo")
    assert st.n_samples == 6
    assert st.attribute_share == {"a": 1.0, "b": 1.0, "c": 1.0, "n": 0.0}
    assert st.core_share == {"a": 1.0, "b": 0.0, "c": 0.0, "n": 0.0}
    assert st.reduct_share == {("a", "b"): 1.0, ("a", "c"): 1.0}


def test_reduct_stability_bootstrap_agrees_with_resampled_tables() -> None:
    dt = flu()
    st = dt.reduct_stability(n_samples=30, seed=7)
    again = dt.reduct_stability(n_samples=30, seed=7)
    assert st == again and st.n_samples == 30
    assert all(0.0 <= s <= 1.0 for s in st.attribute_share.values())
    assert all(st.core_share[a] <= st.attribute_share[a] for a in dt.conditions)
    assert list(st.reduct_share.values()) == sorted(st.reduct_share.values(), reverse=True)


# --------------------------------------------------------------------------------------------
# LEM2 tie-breaking by the smaller block. Blocks:
#   [a=0]={1,2} [a=1]={3,4,5,6}   [b=0]={1,2,4} [b=1]={3,5,6}   [c=0]={1,2,5,6} [c=1]={3,4}
#   d: 1,2,3 -> Y; 4,5,6 -> N (consistent).
# Y, G={1,2,3}: a=0, b=0, c=0 all meet G in 2 -> the smallest block a=0, inside Y: a=0 -> Y.
#   G={3}: a=1 (4), b=1 (3), c=1 (2) -> c=1, {3,4} not inside; then b=1 (3) before a=1 (4):
#   [b=1 & c=1]={3}; neither condition can go: b=1 & c=1 -> Y.
#   (Preferring the larger block would give c=0 & b=0 -> Y instead.)
# N, G={4,5,6}: a=1 meets G in 3 -> a=1, {3,...} not inside; G={4,5,6}: b=1 ({5,6}, |3|) beats
#   c=0 ({5,6}, |4|); then c=0: [a=1 & b=1 & c=0]={5,6}; a=1 can be dropped ({5,6} inside N),
#   b=1 and c=0 cannot: b=1 & c=0 -> N. G={4}: c=1 (2) -> {3,4}; then b=0 (3): {4}:
#   b=0 & c=1 -> N.
# --------------------------------------------------------------------------------------------
def test_lem2_prefers_the_smaller_block() -> None:
    frame = {
        "a": [0, 0, 1, 1, 1, 1],
        "b": [0, 0, 1, 0, 1, 1],
        "c": [0, 0, 1, 1, 0, 0],
        "d": ["Y", "Y", "Y", "N", "N", "N"],
    }
    rules = DecisionTable(frame, "d").rules()
    assert [(r.conditions, r.decisions, r.support) for r in rules] == [
        ((("b", 1), ("c", 0)), ("N",), 2),
        ((("b", 0), ("c", 1)), ("N",), 1),
        ((("a", 0),), ("Y",), 2),
        ((("b", 1), ("c", 1)), ("Y",), 1),
    ]


# --------------------------------------------------------------------------------------------
# Bounded reduct search by hand. a1..a4 are four copies of d (one value per decision) and b is
# constant: each a_i alone decides d, b decides nothing, so the reducts are exactly
# {a1}, {a2}, {a3}, {a4}; the core is empty (any a_i can go) and gamma_C = 1.
# --------------------------------------------------------------------------------------------
COPIES = {f"a{i}": ["x", "y", "y", "x", "y"] for i in range(1, 5)} | {
    "b": ["k"] * 5,
    "d": ["no", "yes", "yes", "no", "yes"],
}
ALL_COPIES = [("a1",), ("a2",), ("a3",), ("a4",)]


def test_reduct_search_cap_by_hand() -> None:
    dt = DecisionTable(COPIES, "d")
    assert dt.reducts() == ALL_COPIES
    full = dt.reduct_search()
    assert full.reducts == tuple(ALL_COPIES) and full.complete and full.stopped_by is None
    # 4 reducts, limit 4: the list is complete - "incomplete" is only said when a 5th exists
    exact = dt.reduct_search(limit=4)
    assert exact.complete and len(exact.reducts) == 4
    for limit in (1, 2, 3):
        capped = dt.reduct_search(limit=limit)
        assert len(capped.reducts) == limit and set(capped.reducts) <= set(ALL_COPIES)
        assert not capped.complete and capped.stopped_by == "limit"
    # the core and the quality do not depend on the cap
    assert dt.core() == () and dt.quality() == 1.0
    assert dt.reduct_search(limit=None).reducts == tuple(ALL_COPIES)


def test_reduct_search_time_limit() -> None:
    # a deadline that has passed before the first subset is tested: nothing is listed and the
    # result says the time limit stopped it (no timing is measured here)
    dt = DecisionTable(COPIES, "d")
    stopped = dt.reduct_search(time_limit=1e-9)
    assert stopped.stopped_by == "time" and not stopped.complete
    assert set(stopped.reducts) <= set(ALL_COPIES)
    assert dt.reduct_search(time_limit=3600).complete
