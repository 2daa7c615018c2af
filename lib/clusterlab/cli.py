"""The ``clusterlab`` command line (also ``python -m clusterlab``).

Subcommands register themselves in :data:`SUBCOMMANDS` (name -> function adding the subparser);
each subparser sets ``handler`` (``args -> exit code``). Usage errors and bad input end with exit
code 2 and exactly one line on stderr naming the problem and the place; never a traceback.

``clusterlab analyse FILE.csv --decision COL [--id COL] [--conditions A,B,...] [--beta B]
[--json] [--loo-max N]`` runs the rough-set engine (:mod:`clusterlab.roughsets`) on a CSV:
table size, decision and indiscernibility classes, approximations, positive region, quality,
significance, core, all reducts, LEM2 rules with their measures and leave-one-out accuracy.
The CSV is read with the ``csv`` module (no pandas import), which keeps the command fast.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from clusterlab.roughsets import DecisionTable, RoughSetError
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
def analysis(
    dt: DecisionTable, beta: float | None = None, loo_max: int = LOO_MAX_OBJECTS
) -> dict[str, Any]:
    """The ``analyse`` result as a JSON-ready dict (keys as documented for ``--json``).

    Approximations, positive region, quality and significance use ``beta`` (Ziarko's VPRS)
    when given; reducts, core and LEM2 rules are Pawlak's. ``loo_accuracy`` is None when
    ``dt.n > loo_max``.
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
        "reducts": [list(r) for r in dt.reducts()],
        "rules": [rule.to_dict() for rule in dt.rules("lem2")],
        "loo_accuracy": dt.loo_accuracy("lem2") if dt.n <= loo_max else None,
    }


def _labels(labels: Sequence[str]) -> str:
    return "{" + ", ".join(labels) + "}"


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
        f"Reducts ({len(result['reducts'])}):",
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
        result = analysis(dt, beta, args.loo_max)
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
    p.set_defaults(handler=_run_analyse)


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
