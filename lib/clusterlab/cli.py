"""The ``clusterlab`` command line (also ``python -m clusterlab``).

Subcommands register themselves in :data:`SUBCOMMANDS` (name -> function adding the subparser);
each subparser sets ``handler`` (``args -> exit code``). Usage errors and bad input end with exit
code 2 and exactly one line on stderr naming the problem and the place; never a traceback.

``clusterlab analyse FILE.csv --decision COL [--id COL] [--conditions A,B,...] [--beta B]
[--json] [--loo-max N] [--max-reducts N] [--time-limit S] [--heuristic]`` runs the rough-set
engine (:mod:`clusterlab.roughsets`) on a CSV: table size, decision and indiscernibility
classes, approximations, positive region, quality, significance, core, the reducts (exact, at
most ``--max-reducts`` of them within ``--time-limit`` seconds; with ``--heuristic`` one reduct
found greedily, for tables too wide for the exact search), LEM2 rules with their measures and
leave-one-out accuracy.
The CSV is read with the ``csv`` module (no pandas import), which keeps the command fast.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from clusterlab.roughsets import DEFAULT_REDUCT_LIMIT, DecisionTable, RoughSetError
from clusterlab.roughsets.csvio import read_csv_columns
from clusterlab.roughsets.vprs import as_fraction

#: Leave-one-out accuracy re-induces the rules n times; above this many objects ``analyse``
#: skips it (``loo_accuracy`` is null) unless ``--loo-max`` is raised.
LOO_MAX_OBJECTS = 500


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _fail(prog: str, message: str) -> int:
    sys.stderr.write(f"{prog}: error: {' '.join(str(message).split())}\n")
    return 2


# ---------------------------------------------------------------------------- analyse
def _reducts(
    dt: DecisionTable, max_reducts: int | None, time_limit: float | None, heuristic: bool
) -> dict[str, Any]:
    """``reducts``, ``reducts_complete`` and ``reduct_method`` of the ``analyse`` result."""
    if heuristic:
        return {
            "reducts": [list(dt.heuristic_reduct())],
            "reducts_complete": False,
            "reduct_method": "heuristic",
        }
    search = dt.reduct_search(limit=max_reducts, time_limit=time_limit)
    return {
        "reducts": [list(r) for r in search.reducts],
        "reducts_complete": search.complete,
        "reduct_method": "exact",
    }


def analysis(
    dt: DecisionTable,
    beta: float | None = None,
    loo_max: int = LOO_MAX_OBJECTS,
    *,
    max_reducts: int | None = DEFAULT_REDUCT_LIMIT,
    time_limit: float | None = None,
    heuristic: bool = False,
) -> dict[str, Any]:
    """The ``analyse`` result as a JSON-ready dict (keys as documented for ``--json``).

    Approximations, positive region, quality and significance use ``beta`` (Ziarko's VPRS)
    when given; reducts, core and LEM2 rules are Pawlak's. ``loo_accuracy`` is None when
    ``dt.n > loo_max``. Reducts: at most ``max_reducts`` found within ``time_limit`` seconds
    (``reducts_complete`` says whether that is all of them; core and quality stay exact), or with
    ``heuristic`` one reduct found greedily (``reduct_method`` "heuristic").
    """
    approximations = dt.approximations(beta=beta)
    return {
        "objects": list(dt.objects),
        "conditions": list(dt.conditions),
        "decision": dt.decision,
        "classes": [list(c) for c in dt.indiscernibility_classes()],
        "approximations": {
            str(value): {
                "lower": list(a.lower),
                "upper": list(a.upper),
                "boundary": list(a.boundary),
                "accuracy": a.accuracy,
            }
            for value, a in approximations.items()
        },
        "positive_region": list(dt.positive_region(beta=beta)),
        "quality": dt.quality(beta=beta),
        "significance": dt.significance(beta=beta),
        "core": list(dt.core()),
        **_reducts(dt, max_reducts, time_limit, heuristic),
        "rules": [rule.to_dict() for rule in dt.rules("lem2")],
        "loo_accuracy": dt.loo_accuracy("lem2") if dt.n <= loo_max else None,
    }


def _labels(labels: Sequence[str]) -> str:
    return "{" + ", ".join(labels) + "}"


def _reducts_heading(result: dict[str, Any]) -> str:
    n = len(result["reducts"])
    if result.get("reduct_method") == "heuristic":
        return "Reduct (heuristic: one reduct found greedily; others may exist):"
    if not result.get("reducts_complete", True):
        return (
            f"Reducts (first {n} reducts; the list is incomplete, see --max-reducts and "
            "--time-limit):"
        )
    return f"Reducts ({n}):"


def format_report(result: dict[str, Any], source: str, beta: float | None, loo_max: int) -> str:
    """The readable ``analyse`` report for an :func:`analysis` result."""
    n = len(result["objects"])
    decision = result["decision"]
    lines = [
        f"Rough-set analysis of {source}",
        f"  objects: {n}   decision: {decision}   conditions ({len(result['conditions'])}): "
        + ", ".join(result["conditions"]),
        "",
        f"Indiscernibility classes of all conditions: {len(result['classes'])}",
        "  " + " ".join(_labels(c) for c in result["classes"]),
        "",
        "Approximations "
        + ("(Pawlak)" if beta is None else f"(variable precision, beta = {beta})"),
    ]
    for value, a in result["approximations"].items():
        lines += [
            f"  {decision} = {value}",
            f"    lower    {_labels(a['lower'])}",
            f"    upper    {_labels(a['upper'])}",
            f"    boundary {_labels(a['boundary'])}",
            f"    accuracy {a['accuracy']:.3f}",
        ]
    pos = result["positive_region"]
    lines += [
        "",
        f"Positive region ({len(pos)} of {n}): {_labels(pos)}",
        f"Quality of classification gamma = {len(pos)}/{n} = {result['quality']:.3f}",
        "Significance (gamma_C - gamma_C-a):",
        *(f"  {a:<24} {s:.3f}" for a, s in result["significance"].items()),
        "",
        "Core: " + (", ".join(result["core"]) or "(empty)"),
        _reducts_heading(result),
        *("  " + (", ".join(r) or "(empty set)") for r in result["reducts"]),
        "",
        f"LEM2 rules ({len(result['rules'])}):",
    ]
    for rule in result["rules"]:
        lhs = " AND ".join(f"{a} = {v}" for a, v in rule["if"].items())
        rhs = " OR ".join(f"{decision} = {v}" for v in rule["then"])
        lines += [
            f"  [{rule['type']}] IF {lhs} THEN {rhs}",
            f"      support {rule['support']}, strength {rule['strength']:.3f}, certainty "
            f"{rule['certainty']:.3f}, coverage {rule['coverage']:.3f}; objects "
            + _labels(rule["objects"]),
        ]
    loo = result["loo_accuracy"]
    lines += [
        "",
        "Leave-one-out accuracy (LEM2): "
        + (f"{loo:.3f}" if loo is not None else f"skipped (n = {n} > {loo_max}; see --loo-max)"),
    ]
    return "\n".join(lines) + "\n"


def _run_analyse(args: argparse.Namespace) -> int:
    prog = "clusterlab analyse"
    try:
        beta = None if args.beta is None else float(as_fraction(args.beta))
        if args.conditions is None:
            conditions = None
        else:
            conditions = [c.strip() for c in args.conditions.split(",")]
            if not all(conditions):
                raise RoughSetError(f"--conditions {args.conditions!r}: empty attribute name")
        try:
            columns = read_csv_columns(args.file)
        except FileNotFoundError:
            return _fail(prog, f"{args.file}: file not found")
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            return _fail(prog, f"{args.file}: cannot read the file as CSV ({exc})")
        except RoughSetError as exc:
            return _fail(prog, f"{args.file}: {exc}")
        dt = DecisionTable(columns, args.decision, conditions, args.id)
        result = analysis(
            dt,
            beta,
            args.loo_max,
            max_reducts=args.max_reducts,
            time_limit=args.time_limit,
            heuristic=args.heuristic,
        )
    except RoughSetError as exc:
        return _fail(prog, f"{args.file}: {exc}")
    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_report(result, args.file, beta, args.loo_max))
    return 0


def _add_analyse(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyse",
        help="rough-set analysis of a categorical CSV decision table",
        description="Rough-set analysis (Pawlak; VPRS with --beta) of a categorical CSV.",
    )
    p.add_argument("file", metavar="FILE.csv", help="CSV file with a header row")
    p.add_argument("--decision", required=True, metavar="COL", help="decision column")
    p.add_argument("--id", metavar="COL", help="column with object labels (default: row numbers)")
    p.add_argument(
        "--conditions",
        metavar="A,B,...",
        help="condition columns (default: all columns but the decision and id)",
    )
    p.add_argument("--beta", metavar="B", help="Ziarko's precision, 0.5 < B <= 1 (VPRS)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--loo-max",
        type=int,
        default=LOO_MAX_OBJECTS,
        metavar="N",
        help=f"skip leave-one-out accuracy above N objects (default {LOO_MAX_OBJECTS})",
    )
    p.add_argument(
        "--max-reducts",
        type=_positive(int),
        default=DEFAULT_REDUCT_LIMIT,
        metavar="N",
        help=f"list at most N reducts (default {DEFAULT_REDUCT_LIMIT}); core, quality exact",
    )
    p.add_argument(
        "--time-limit",
        type=_positive(float),
        metavar="S",
        help="stop the reduct search after S seconds (the list is then marked incomplete)",
    )
    p.add_argument(
        "--heuristic",
        action="store_true",
        help="one reduct found greedily instead of the exact search (for wide tables)",
    )
    p.set_defaults(handler=_run_analyse)


def _positive(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type: a number of ``kind`` above 0."""

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"{text!r} must be above 0")
        return value

    parse.__name__ = kind.__name__
    return parse


#: Subcommand name -> function adding its subparser (which sets ``handler``).
SUBCOMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {
    "analyse": _add_analyse,
}


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every registered subcommand."""
    parser = _Parser(prog="clusterlab", description="clusterlab command line")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add in SUBCOMMANDS.values():
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``clusterlab`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        return _fail("clusterlab", f"choose a command: {', '.join(SUBCOMMANDS)} (see --help)")
    return handler(args)
