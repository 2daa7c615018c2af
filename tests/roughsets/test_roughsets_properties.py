"""Property tests on random small categorical tables against a plain-Python reference.

The reference below uses only Python sets and brute force over all attribute subsets; it shares
no code with the engine.
"""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlab.roughsets import DecisionTable

FAST = settings(deadline=None, max_examples=60)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[tuple[str, ...]], list[int]]:
    """Rows of 1-4 condition values (v0..v2) and an integer decision (0..2), 1-8 rows."""
    m = draw(st.integers(1, 4))
    n = draw(st.integers(1, 8))
    n_values = draw(st.integers(1, 3))
    n_decisions = draw(st.integers(1, 3))
    value = st.integers(0, n_values - 1).map(lambda v: f"v{v}")
    rows = draw(st.lists(st.tuples(*[value] * m), min_size=n, max_size=n))
    decisions = draw(st.lists(st.integers(0, n_decisions - 1), min_size=n, max_size=n))
    return rows, decisions


def frame(rows: list[tuple[str, ...]], decisions: list[int]) -> dict[str, list]:
    """The table as a mapping column -> values (the engine's input without pandas)."""
    data: dict[str, list] = {f"c{j}": [r[j] for r in rows] for j in range(len(rows[0]))}
    data["d"] = decisions
    return data


def names(m: int) -> list[str]:
    return [f"c{j}" for j in range(m)]


# ----------------------------------------------------------------------- reference (sets only)
def ref_classes(rows: list[tuple], attrs: tuple[int, ...]) -> list[set[int]]:
    groups: dict[tuple, set[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault(tuple(r[a] for a in attrs), set()).add(i)
    return list(groups.values())


def ref_pos(rows: list[tuple], dec: list[int], attrs: tuple[int, ...]) -> set[int]:
    out: set[int] = set()
    for c in ref_classes(rows, attrs):
        if len({dec[i] for i in c}) == 1:
            out |= c
    return out


def all_subsets(m: int) -> list[tuple[int, ...]]:
    return [s for k in range(m + 1) for s in combinations(range(m), k)]


def ref_reducts(rows: list[tuple], dec: list[int]) -> set[frozenset[str]]:
    m = len(rows[0])
    full = ref_pos(rows, dec, tuple(range(m)))
    keep = [set(s) for s in all_subsets(m) if ref_pos(rows, dec, s) == full]
    return {frozenset(f"c{a}" for a in s) for s in keep if not any(o < s for o in keep)}


def lab(indices: set[int]) -> tuple[str, ...]:
    return tuple(str(i + 1) for i in sorted(indices))


def matching(rows: list[tuple], conditions: tuple[tuple[str, str], ...]) -> set[int]:
    return {i for i, r in enumerate(rows) if all(r[int(a[1:])] == v for a, v in conditions)}


def ref_minimal_rules(rows: list[tuple], dec: list[int]) -> set[tuple]:
    """Every non-empty conjunction seen in the data that is consistent and has no consistent
    proper non-empty sub-conjunction."""
    m = len(rows[0])
    consistent = set()
    for attrs in all_subsets(m)[1:]:
        for r in rows:
            conj = tuple((f"c{a}", r[a]) for a in attrs)
            if len({dec[i] for i in matching(rows, conj)}) == 1:
                consistent.add(conj)
    out = set()
    for conj in consistent:
        subs = [
            tuple(conj[i] for i in keep)
            for k in range(1, len(conj))
            for keep in combinations(range(len(conj)), k)
        ]
        if not any(s in consistent for s in subs):
            out.add((conj, dec[min(matching(rows, conj))]))
    return out


# ----------------------------------------------------------------------- properties
@FAST
@given(tables())
def test_classes_and_approximations(table: tuple) -> None:
    rows, dec = table
    dt = DecisionTable(frame(rows, dec), "d")
    m = len(rows[0])
    classes = ref_classes(rows, tuple(range(m)))
    assert dt.indiscernibility_classes() == sorted(
        (lab(c) for c in classes), key=lambda t: int(t[0])
    )
    for value, approx in dt.approximations().items():
        x = lab({i for i, d in enumerate(dec) if d == value})
        assert set(approx.lower) <= set(x) <= set(approx.upper)
        # both approximations are unions of IND classes
        for c in classes:
            for region in (approx.lower, approx.upper):
                assert set(lab(c)) <= set(region) or not set(lab(c)) & set(region)
        assert set(approx.boundary) == set(approx.upper) - set(approx.lower)
        assert set(approx.outside) == set(dt.objects) - set(approx.upper)
    assert dt.positive_region() == lab(ref_pos(rows, dec, tuple(range(m))))
    assert set(dt.boundary_region()) == set(dt.objects) - set(dt.positive_region())


@FAST
@given(tables())
def test_quality_is_monotone(table: tuple) -> None:
    rows, dec = table
    dt = DecisionTable(frame(rows, dec), "d")
    m = len(rows[0])
    gamma = {s: dt.quality([f"c{a}" for a in s]) for s in all_subsets(m)}
    for s, g in gamma.items():
        assert g == len(ref_pos(rows, dec, s)) / len(rows)
        for t in gamma:
            if set(s) <= set(t):
                assert g <= gamma[t]


@FAST
@given(tables())
def test_reducts_core_and_heuristic(table: tuple) -> None:
    rows, dec = table
    dt = DecisionTable(frame(rows, dec), "d")
    m = len(rows[0])
    reducts = dt.reducts()
    assert {frozenset(r) for r in reducts} == ref_reducts(rows, dec)
    assert all(list(r) == sorted(r, key=lambda a: int(a[1:])) for r in reducts)
    assert [len(r) for r in reducts] == sorted(len(r) for r in reducts)
    full = ref_pos(rows, dec, tuple(range(m)))
    indispensable = {
        f"c{a}" for a in range(m) if ref_pos(rows, dec, tuple(set(range(m)) - {a})) != full
    }
    assert set(dt.core()) == indispensable
    assert set(dt.core()) == set.intersection(*(set(r) for r in reducts))
    assert dt.heuristic_reduct() in reducts


@FAST
@given(tables(), st.sampled_from(["lattice", "transversal"]), st.integers(1, 4))
def test_both_search_methods_and_the_cap(table: tuple, method: str, limit: int) -> None:
    rows, dec = table
    dt = DecisionTable(frame(rows, dec), "d")
    everything = ref_reducts(rows, dec)
    oracle = dt._oracle(tuple(range(len(rows[0]))))
    masks, stopped_by = oracle.search(method=method)
    assert stopped_by is None
    assert {frozenset(f"c{a}" for a in range(len(rows[0])) if mk >> a & 1) for mk in masks} == (
        everything
    )
    capped = dt.reduct_search(limit=limit)
    assert {frozenset(r) for r in capped.reducts} <= everything
    assert len(capped.reducts) == min(limit, len(everything))
    assert capped.complete == (len(everything) <= limit)
    assert capped.stopped_by == (None if capped.complete else "limit")


@FAST
@given(tables())
def test_discernibility_matrix_prime_implicants_are_the_reducts(table: tuple) -> None:
    rows, dec = table
    dt = DecisionTable(frame(rows, dec), "d")
    entries = list(dt.discernibility_matrix().values())
    m = len(rows[0])
    hits = [
        set(s)
        for s in (tuple(f"c{a}" for a in t) for t in all_subsets(m))
        if all(e & set(s) for e in entries)
    ]
    minimal = {frozenset(h) for h in hits if not any(o < h for o in hits)}
    assert minimal == ref_reducts(rows, dec)


@FAST
@given(tables())
def test_lem2_rules(table: tuple) -> None:
    rows, dec = table
    dt = DecisionTable(frame(rows, dec), "d")
    n = len(rows)
    approximations = dt.approximations()
    covered: dict[int, set[str]] = {v: set() for v in approximations}
    possible_cover: set[str] = set()
    possible_by_conditions: dict[tuple, set[int]] = {}
    for rule in dt.rules():
        match = matching(rows, rule.conditions)
        assert len(rule.decisions) == 1
        value = rule.decisions[0]
        support = {i for i in match if dec[i] == value}
        in_class = {i for i in range(n) if dec[i] == value}
        assert rule.conditions  # every rule has at least one condition
        assert rule.support == len(support) and rule.objects == lab(support)
        assert rule.strength == len(support) / n
        assert rule.certainty == len(support) / len(match)
        assert rule.coverage == len(support) / len(in_class)
        if rule.kind == "certain":
            assert rule.certainty == 1.0
            assert set(rule.objects) <= set(approximations[value].lower)
            for k in range(len(rule.conditions)):
                if len(rule.conditions) > 1:
                    shorter = rule.conditions[:k] + rule.conditions[k + 1 :]
                    assert len({dec[i] for i in matching(rows, shorter)}) > 1
            covered[value] |= set(rule.objects)
        else:
            assert rule.kind == "possible"
            assert 0.0 < rule.certainty < 1.0
            assert set(lab(match)) <= set(dt.boundary_region())
            possible_by_conditions.setdefault(rule.conditions, set()).add(value)
            possible_cover |= set(lab(match))
    for value, approx in approximations.items():
        assert covered[value] == set(approx.lower)
    # one possible rule per decision met by the conjunction's objects
    for conditions, values in possible_by_conditions.items():
        assert values == {dec[i] for i in matching(rows, conditions)}
    assert possible_cover == set(dt.boundary_region())


@FAST
@given(tables())
def test_all_minimal_rules_match_brute_force(table: tuple) -> None:
    rows, dec = table
    dt = DecisionTable(frame(rows, dec), "d")
    got = {(r.conditions, r.decisions[0]) for r in dt.rules("minimal")}
    assert got == ref_minimal_rules(rows, dec)


@FAST
@given(tables())
def test_training_objects_are_classified(table: tuple) -> None:
    rows, dec = table
    df = frame(rows, dec)
    dt = DecisionTable(df, "d")
    predicted = dt.classify(dt.rules(), df)
    pos = ref_pos(rows, dec, tuple(range(len(rows[0]))))
    for i, p in enumerate(predicted):
        if i in pos:
            assert p == dec[i]
        else:
            twins = {j for j in range(len(rows)) if rows[j] == rows[i]}
            assert p in {dec[j] for j in twins}


@FAST
@given(tables(), st.randoms(use_true_random=False))
def test_row_and_column_order_do_not_matter(table: tuple, rnd) -> None:
    rows, dec = table
    df = {"id": [f"o{i + 1}" for i in range(len(rows))], **frame(rows, dec)}
    conditions = names(len(rows[0]))
    order = list(range(len(rows)))
    rnd.shuffle(order)
    columns = list(df)
    rnd.shuffle(columns)
    shuffled = {c: [df[c][i] for i in order] for c in columns}
    a = DecisionTable(df, "d", conditions, id_column="id")
    b = DecisionTable(shuffled, "d", conditions, id_column="id")
    assert a.objects == b.objects
    assert a.indiscernibility_classes() == b.indiscernibility_classes()
    assert a.approximations() == b.approximations()
    assert a.reducts() == b.reducts() and a.core() == b.core()
    assert a.rules() == b.rules() and a.rules("minimal") == b.rules("minimal")
    assert a.significance() == b.significance()
    # default conditions follow the column order: only tie-breaking may differ
    c = DecisionTable(shuffled, "d", id_column="id")
    assert c.approximations() == a.approximations() and c.quality() == a.quality()
    assert {frozenset(r) for r in c.reducts()} == {frozenset(r) for r in a.reducts()}
    assert set(c.core()) == set(a.core())


@FAST
@given(tables(), st.sampled_from([0.51, 0.6, 0.75, 0.9, 1.0]))
def test_vprs(table: tuple, beta: float) -> None:
    rows, dec = table
    dt = DecisionTable(frame(rows, dec), "d")
    pawlak = dt.approximations()
    assert dt.approximations(beta=1) == pawlak
    assert dt.quality(beta=1.0) == dt.quality()
    vprs = dt.approximations(beta=beta)
    for value, approx in vprs.items():
        assert set(pawlak[value].lower) <= set(approx.lower)
        assert set(approx.upper) <= set(pawlak[value].upper)
        assert set(approx.lower) <= set(approx.upper)
    lowers = [set(a.lower) for a in vprs.values()]
    assert sum(map(len, lowers)) == len(set().union(*lowers))  # beta > 0.5: disjoint
    assert dt.quality(beta=beta) >= dt.quality()
