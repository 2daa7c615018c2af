"""The ``clusterlab`` command line (also ``python -m clusterlab``).

Subcommands register themselves in :data:`SUBCOMMANDS` (name -> function adding the subparser);
each subparser sets ``handler`` (``args -> exit code``). Usage errors and bad input end with exit
code 2 and exactly one line on stderr naming the problem and the place (file, line, column);
never a traceback.

``clusterlab analyse FILE.csv --decision COL [--id COL] [--conditions A,B,...] [--beta B]
[--json] [--loo-max N] [--max-reducts N] [--time-limit S] [--heuristic] [--delimiter D]
[--encoding E] [--max-bytes N]`` runs the rough-set engine (:mod:`clusterlab.roughsets`) on a
CSV: table size, decision and indiscernibility classes, approximations, positive region,
quality, significance, core, the reducts (exact, at most ``--max-reducts`` of them within
``--time-limit`` seconds; with ``--heuristic`` one reduct found greedily, for tables too wide for
the exact search), LEM2 rules with their measures and leave-one-out accuracy.

Cells are labels, kept as the text the file holds (:mod:`clusterlab.roughsets.csvio`); an empty
cell is refused as a missing value; warnings about look-alike values, placeholders and columns of
nearly distinct values (:mod:`clusterlab.roughsets.csvcheck`) go to stderr, or into the JSON.
Small files are read with the ``csv`` module (fast start); big ones with pyarrow when installed.

``--json`` prints one strict JSON object (no NaN or Infinity: a non-finite number would be
printed as null) described by the JSON Schema ``clusterlab/schemas/analysis.schema.json``
(:func:`analysis_schema`).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from clusterlab.roughsets import DEFAULT_REDUCT_LIMIT, DecisionTable, RoughSetError
from clusterlab.roughsets._encoding import natural_key
from clusterlab.roughsets.csvcheck import InputWarning, column_warnings, first_empty_cell
from clusterlab.roughsets.csvio import (
    DEFAULT_MAX_BYTES,
    CsvTable,
    delimiter_name,
    read_table,
    read_text,
)
from clusterlab.roughsets.rules import METHODS
from clusterlab.roughsets.vprs import as_fraction

#: Leave-one-out accuracy re-induces the rules n times; above this many objects ``analyse``
#: skips it (``loo_accuracy`` is null) unless ``--loo-max`` is raised.
LOO_MAX_OBJECTS = 500
#: Name of the JSON Schema of ``analyse --json`` (package data of ``clusterlab``).
SCHEMA_FILE = "schemas/analysis.schema.json"
#: What error messages call a table given as text without a name (:func:`analyse_text`).
PASTED = "pasted table"
#: The names of the rule methods in the readable report.
METHOD_TITLES = {"lem2": "LEM2", "minimal": "Minimal certain"}


class AnalyseError(RoughSetError):
    """Bad input to :func:`analyse_text`; the message is the command line's error line without
    its ``clusterlab analyse: error:`` prefix (``"<name>: <problem and place>"``)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())}\n")


def _fail(prog: str, message: str) -> int:
    sys.stderr.write(f"{prog}: error: {' '.join(str(message).split())}\n")
    return 2


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the ``analyse --json`` output."""
    from importlib.resources import files

    schema: dict[str, Any] = json.loads(
        files("clusterlab").joinpath(SCHEMA_FILE).read_text("utf-8")
    )
    return schema


def finite(value: Any) -> Any:
    """``value`` with every non-finite float (NaN, Infinity) replaced by None (JSON null)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        if all(type(v) is str for v in value):
            return value
        return [finite(v) for v in value]
    return value


def to_json(result: dict[str, Any]) -> str:
    """Strict JSON text of an :func:`analysis` result (non-finite numbers as null)."""
    return "".join(json_chunks(result))


def json_chunks(value: Any, slice_size: int = 10_000) -> Iterator[str]:
    """Strict JSON text of ``value`` (an :func:`analysis` result) in pieces: objects key by
    key, long lists ``slice_size`` items at a time, each piece by the fast C encoder. A big
    result is never held as one string."""
    if isinstance(value, dict):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("" if i == 0 else ", ") + json.dumps(str(key), ensure_ascii=False) + ": "
            yield from json_chunks(item, slice_size)
        yield "}"
    elif isinstance(value, list | tuple) and len(value) > slice_size:
        yield "["
        for start in range(0, len(value), slice_size):
            part = finite(list(value[start : start + slice_size]))
            yield ("" if start == 0 else ", ") + _dumps(part)[1:-1]
        yield "]"
    else:
        yield _dumps(finite(value))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


# ---------------------------------------------------------------------------- analyse
def loo_skip_reason(n: int, loo_max: int) -> str | None:
    """Why leave-one-out accuracy is not computed for ``n`` objects (None: it is)."""
    if n < 2:
        return f"n = {n}: leave-one-out needs at least 2 objects"
    if n > loo_max:
        return f"n = {n} > {loo_max}; see --loo-max"
    return None


def _reducts(
    dt: DecisionTable, max_reducts: int | None, time_limit: float | None, heuristic: bool
) -> dict[str, Any]:
    """``reducts``, ``reducts_complete`` and ``reduct_method`` of the ``analyse`` result."""
    if heuristic:
        return {
            "reducts": [dt.heuristic_reduct()],
            "reducts_complete": False,
            "reduct_method": "heuristic",
        }
    search = dt.reduct_search(limit=max_reducts, time_limit=time_limit)
    return {
        "reducts": list(search.reducts),
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
    warnings: Sequence[InputWarning] = (),
    source: dict[str, Any] | None = None,
    method: str = "lem2",
    min_support: int = 1,
    left_out: Sequence[str] = (),
) -> dict[str, Any]:
    """The ``analyse`` result as a JSON-ready dict (keys: the JSON Schema, :func:`analysis_schema`).

    Approximations, positive region, quality and significance use ``beta`` (Ziarko's VPRS)
    when given; reducts, core and LEM2 rules are Pawlak's. ``loo_accuracy`` is None (with the
    reason in ``loo_skipped``) when ``dt.n > loo_max`` or ``dt.n < 2``. Label lists are tuples.
    Reducts: at most ``max_reducts`` found within ``time_limit`` seconds (``reducts_complete``
    says whether that is all of them; core and quality stay exact), or with ``heuristic`` one
    reduct found greedily (``reduct_method`` "heuristic"). Rules: ``method`` "lem2" or
    "minimal" (all minimal certain rules), those with a support below ``min_support`` left out;
    leave-one-out accuracy uses the same method (and every rule). ``left_out`` names the objects
    the caller dropped before (reported under ``settings``).
    """
    approximations = dt.approximations(beta=beta)
    skipped = loo_skip_reason(dt.n, loo_max)
    return {
        "source": source,
        "warnings": [w.to_dict() for w in warnings],
        "objects": dt.objects,
        "conditions": dt.conditions,
        "decision": dt.decision,
        "classes": dt.indiscernibility_classes(),
        "approximations": {
            str(value): {
                "lower": a.lower,
                "upper": a.upper,
                "boundary": a.boundary,
                "accuracy": a.accuracy,
            }
            for value, a in approximations.items()
        },
        "positive_region": dt.positive_region(beta=beta),
        "quality": dt.quality(beta=beta),
        "significance": dt.significance(beta=beta),
        "core": dt.core(),
        **_reducts(dt, max_reducts, time_limit, heuristic),
        "rules": [rule.to_dict() for rule in dt.rules(method, min_support=min_support)],
        "loo_accuracy": None if skipped else dt.loo_accuracy(method),
        "loo_skipped": skipped,
        "settings": {
            "beta": beta,
            "rules": method,
            "min_support": min_support,
            "left_out": sorted(left_out, key=natural_key),
        },
    }


def show_value(value: Any) -> str:
    """A value as the report shows it: quoted when empty or with surrounding spaces."""
    text = str(value)
    if not text or text != text.strip():
        return json.dumps(text, ensure_ascii=False)
    return text


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


def _labels(labels: Sequence[str]) -> str:
    return "{" + ", ".join(labels) + "}"


def report_lines(
    result: dict[str, Any], source: str, beta: float | None, loo_max: int
) -> Iterator[str]:
    """The lines (without newlines) of the readable ``analyse`` report."""
    n = len(result["objects"])
    decision = result["decision"]
    yield f"Rough-set analysis of {source}"
    read = result.get("source")
    if read:
        yield (
            f"  read: {read['rows']} rows, delimiter {delimiter_name(read['delimiter'])}, "
            f"encoding {read['encoding']}"
        )
    yield (
        f"  objects: {n}   decision: {decision}   conditions ({len(result['conditions'])}): "
        + ", ".join(result["conditions"])
    )
    yield ""
    yield f"Indiscernibility classes of all conditions: {len(result['classes'])}"
    yield "  " + " ".join(_labels(c) for c in result["classes"])
    yield ""
    yield "Approximations " + (
        "(Pawlak)" if beta is None else f"(variable precision, beta = {beta})"
    )
    for value, a in result["approximations"].items():
        yield f"  {decision} = {show_value(value)}"
        yield f"    lower    {_labels(a['lower'])}"
        yield f"    upper    {_labels(a['upper'])}"
        yield f"    boundary {_labels(a['boundary'])}"
        yield f"    accuracy {a['accuracy']:.3f}"
    pos = result["positive_region"]
    yield ""
    yield f"Positive region ({len(pos)} of {n}): {_labels(pos)}"
    yield f"Quality of classification gamma = {len(pos)}/{n} = {result['quality']:.3f}"
    yield "Significance (gamma_C - gamma_C-a):"
    yield from (f"  {a:<24} {s:.3f}" for a, s in result["significance"].items())
    yield ""
    yield "Core: " + (", ".join(result["core"]) or "(empty)")
    yield _reducts_heading(result)
    yield from ("  " + (", ".join(r) or "(empty set)") for r in result["reducts"])
    yield ""
    settings = result.get("settings") or {}
    title = METHOD_TITLES.get(settings.get("rules", "lem2"), "LEM2")
    if settings.get("left_out"):
        yield f"Left out before the analysis: {_labels(settings['left_out'])}"
    support = settings.get("min_support", 1)
    at_least = f", support >= {support}" if support > 1 else ""
    yield f"{title} rules ({len(result['rules'])}{at_least}):"
    for rule in result["rules"]:
        lhs = " AND ".join(f"{a} = {show_value(v)}" for a, v in rule["if"].items())
        rhs = " OR ".join(f"{decision} = {show_value(v)}" for v in rule["then"])
        yield f"  [{rule['type']}] IF {lhs} THEN {rhs}"
        yield (
            f"      support {rule['support']}, strength {rule['strength']:.3f}, certainty "
            f"{rule['certainty']:.3f}, coverage {rule['coverage']:.3f}; objects "
            + _labels(rule["objects"])
        )
    loo = result["loo_accuracy"]
    skipped = result.get("loo_skipped") or f"n = {n} > {loo_max}; see --loo-max"
    yield ""
    yield f"Leave-one-out accuracy ({title}): " + (
        f"{loo:.3f}" if loo is not None else f"skipped ({skipped})"
    )


def format_report(result: dict[str, Any], source: str, beta: float | None, loo_max: int) -> str:
    """The readable ``analyse`` report for an :func:`analysis` result."""
    return "\n".join(report_lines(result, source, beta, loo_max)) + "\n"


def max_bytes_argument(text: str) -> int:
    """``--max-bytes``: a byte count, optionally with a suffix k, M or G (powers of 1024)."""
    match = re.fullmatch(r"\s*(\d+)\s*([kKmMgG]?)[bB]?\s*", text)
    if match is None or int(match.group(1)) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 50000000 or 200M")
    power: int = " KMG".index(match.group(2).upper() or " ")
    return int(match.group(1)) * (1 << (10 * power))


def count_argument(text: str) -> int:
    """A whole number >= 0 (``--loo-max``)."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 0")
    return int(text)


def _parse_conditions(text: str | None) -> list[str] | None:
    if text is None:
        return None
    conditions = [c.strip() for c in text.split(",")]
    if not all(conditions):
        raise RoughSetError(f"--conditions {text!r}: empty attribute name")
    return conditions


def _refuse_repeated_ids(table: CsvTable, id_column: str | None) -> None:
    """Object labels must be unique: a repeated one is refused, naming both lines."""
    if id_column is None or id_column not in table.counts:
        return
    repeated = next((v for v, c in table.counts[id_column].items() if c > 1), None)
    if repeated is not None:
        lines = [table.line_of(row) for row in table.rows_with(id_column, repeated)]
        raise RoughSetError(
            f"id column {id_column!r}: label {repeated!r} occurs on lines {lines[0]} and "
            f"{lines[1]}; object labels must be unique"
        )


def _refuse_empty_cells(table: CsvTable, columns: Sequence[str], id_column: str | None) -> None:
    """An empty cell in a used column is a missing value: refused, naming row, object, line."""
    found = first_empty_cell(table.counts, columns)
    if found is None:
        return
    column, cell = found
    row = table.rows_with(column, cell, limit=1)[0]
    where = ""
    if id_column is not None and column != id_column:
        where = f"object {str(table.data[id_column][row - 1])!r}; "
    raise RoughSetError(
        f"missing value in column {column!r} at row {row} ({where}line {table.line_of(row)}): "
        "an empty cell; fill it in or leave the row out"
    )


def _source(table: CsvTable) -> dict[str, Any]:
    return {
        "file": table.path if table.text is None or table.path else None,
        "rows": table.n_rows,
        "delimiter": table.delimiter,
        "encoding": table.encoding,
        "reader": table.reader,
    }


def _parse_list(text: str | Sequence[str] | None, option: str) -> list[str] | None:
    """A list option given as ``"a,b"`` (command line) or as a list (Python, the page)."""
    if text is None:
        return None
    if not isinstance(text, str):
        return [str(item) for item in text]
    items = [c.strip() for c in text.split(",")]
    if not all(items):
        raise RoughSetError(f"{option} {text!r}: empty name")
    return items


def _check_rules(method: str, min_support: int) -> None:
    if method not in METHODS:
        raise RoughSetError(f"unknown rule method {method!r}: use 'lem2' or 'minimal'")
    if isinstance(min_support, bool) or not isinstance(min_support, int) or min_support < 1:
        raise RoughSetError(f"minimum support {min_support!r}: must be a whole number >= 1")


def analyse_table(
    table: CsvTable,
    decision: str,
    *,
    id_column: str | None = None,
    conditions: str | Sequence[str] | None = None,
    beta: float | str | None = None,
    rules: str = "lem2",
    min_support: int = 1,
    leave_out: str | Sequence[str] = (),
    loo_max: int = LOO_MAX_OBJECTS,
    max_reducts: int | None = DEFAULT_REDUCT_LIMIT,
    time_limit: float | None = None,
    heuristic: bool = False,
) -> dict[str, Any]:
    """Check and analyse a table read by :func:`~clusterlab.roughsets.csvio.read_table` or
    :func:`~clusterlab.roughsets.csvio.read_text`: the one path of ``analyse`` (command line)
    and :func:`analyse_text` (the book's page). Repeated object labels and empty cells in the
    used columns are refused; ``leave_out`` objects (labels) are dropped before the analysis.
    Raises :class:`RoughSetError` (bad input) with the message the command line prints."""
    beta_value = None if beta is None else float(as_fraction(beta))
    chosen = _parse_conditions(conditions) if isinstance(conditions, str) else conditions
    leave = _parse_list(leave_out, "--leave-out") or []
    _check_rules(rules, min_support)
    _refuse_repeated_ids(table, id_column)
    dt = DecisionTable(table.data, decision, None if chosen is None else list(chosen), id_column)
    used = [*([id_column] if id_column else []), *dt.conditions, dt.decision]
    _refuse_empty_cells(table, used, id_column)
    warnings = column_warnings(table.counts, table.n_rows, dt.conditions, dt.decision, id_column)
    if leave:
        dt = dt.drop_objects(leave)
    return analysis(
        dt,
        beta_value,
        loo_max,
        max_reducts=max_reducts,
        time_limit=time_limit,
        heuristic=heuristic,
        warnings=warnings,
        source=_source(table),
        method=rules,
        min_support=min_support,
        left_out=leave,
    )


def _analyse_file(args: argparse.Namespace) -> dict[str, Any]:
    """Read, check and analyse; raises RoughSetError (bad input) or OSError."""
    if args.beta is not None:
        as_fraction(args.beta)  # settings are checked before the file is read
    _parse_conditions(args.conditions)
    table = read_table(
        args.file, delimiter=args.delimiter, encoding=args.encoding, max_bytes=args.max_bytes
    )
    return analyse_table(
        table,
        args.decision,
        id_column=args.id,
        conditions=args.conditions,
        beta=args.beta,
        rules=args.rules,
        min_support=args.min_support,
        leave_out=args.leave_out or (),
        loo_max=args.loo_max,
        max_reducts=args.max_reducts,
        time_limit=args.time_limit,
        heuristic=args.heuristic,
    )


def internal_error(name: str, exc: BaseException) -> str:
    """The one line for an unexpected exception (a bug met on this input)."""
    return (
        f"{name}: internal error ({type(exc).__name__}: {exc}); this is a bug in "
        "clusterlab - please report it with the file"
    )


def analyse_text(
    csv_text: str | bytes,
    *,
    decision: str,
    id_column: str | None = None,
    conditions: str | Sequence[str] | None = None,
    beta: float | str | None = None,
    rules: str = "lem2",
    min_support: int = 1,
    leave_out: str | Sequence[str] = (),
    max_reducts: int | None = DEFAULT_REDUCT_LIMIT,
    time_limit: float | None = None,
    heuristic: bool = False,
    loo_max: int = LOO_MAX_OBJECTS,
    name: str | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict[str, Any]:
    """``clusterlab analyse --json`` for a table held in memory (standard library only; what
    the book's page runs under Pyodide, ``window.clusterlab.analyse``).

    Returns exactly the object the command line prints for the same table and settings, as
    plain JSON data (lists, not tuples). ``conditions`` and ``leave_out`` are lists or
    ``"a,b"``; ``rules`` is ``--rules``, ``id_column`` is ``--id``. ``csv_text`` is the
    file's bytes or its decoded text (see :func:`~clusterlab.roughsets.csvio.read_text`).
    ``name`` is the file's name: it becomes ``source.file`` (null when None: pasted text)
    and starts every error message.

    Raises :class:`AnalyseError` whose message is the command line's one-line error without
    its ``clusterlab analyse: error:`` prefix, e.g. ``"bad.csv: line 3 (row 2): 1 fields, the
    header has 2 (delimiter: comma)"``; with no name it starts ``"pasted table: "``.
    """
    label = name or PASTED
    try:
        table = read_text(
            csv_text, name=name or "", delimiter=delimiter, encoding=encoding, max_bytes=max_bytes
        )
        result = analyse_table(
            table,
            decision,
            id_column=id_column,
            conditions=conditions,
            beta=beta,
            rules=rules,
            min_support=min_support,
            leave_out=leave_out,
            loo_max=loo_max,
            max_reducts=max_reducts,
            time_limit=time_limit,
            heuristic=heuristic,
        )
        plain: dict[str, Any] = json.loads(to_json(result))  # lists, and null for NaN
        return plain
    except RoughSetError as exc:
        raise AnalyseError(f"{label}: {' '.join(str(exc).split())}") from None
    except Exception as exc:  # a bug met on this input: one clear line
        raise AnalyseError(" ".join(internal_error(label, exc).split())) from exc


def _run_analyse(args: argparse.Namespace) -> int:
    prog = "clusterlab analyse"
    try:
        result = _analyse_file(args)
    except FileNotFoundError:
        return _fail(prog, f"{args.file}: file not found")
    except RoughSetError as exc:
        return _fail(prog, f"{args.file}: {exc}")
    except OSError as exc:
        return _fail(prog, f"{args.file}: cannot read the file ({exc.strerror or exc})")
    except Exception as exc:  # a bug met on this input: one clear line, not a traceback
        return _fail(prog, internal_error(args.file, exc))
    beta = result["settings"]["beta"]
    if not args.json:
        for warning in result["warnings"]:
            sys.stderr.write(f"{prog}: warning: {args.file}: {warning['message']}\n")
    try:
        if args.json:
            _write(json_chunks(result))
            sys.stdout.write("\n")
        else:
            _write(line + "\n" for line in report_lines(result, args.file, beta, args.loo_max))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly, as other commands do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def _write(pieces: Iterator[str], batch: int = 1 << 16) -> None:
    """Write text pieces to stdout, small ones gathered into ~64 kB writes (a big report is
    never held as one string)."""
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= batch:
            sys.stdout.writelines(buffer)
            buffer.clear()
            size = 0
    sys.stdout.writelines(buffer)


def _add_analyse(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser(
        "analyse",
        help="rough-set analysis of a categorical CSV decision table",
        description="Rough-set analysis (Pawlak; VPRS with --beta) of a categorical CSV. "
        "Cells are labels: 007 stays 007, and 1, 01 and 1.0 are three values.",
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
    p.add_argument(
        "--rules",
        choices=sorted(METHODS),
        default="lem2",
        help="rule method: lem2 (certain and possible rules; default) or minimal (all minimal "
        "certain rules)",
    )
    p.add_argument(
        "--min-support",
        type=_positive(int),
        default=1,
        metavar="N",
        help="leave out rules supported by fewer than N objects (default 1)",
    )
    p.add_argument(
        "--leave-out",
        metavar="A,B,...",
        help="object labels (--id values, or row numbers) to drop before the analysis",
    )
    p.add_argument("--json", action="store_true", help="print one strict JSON object")
    p.add_argument(
        "--loo-max",
        type=count_argument,
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
    p.add_argument(
        "--delimiter",
        metavar="D",
        help="field delimiter: ',', ';', 'tab' ... (default: detected among comma, semicolon, tab)",
    )
    p.add_argument(
        "--encoding", metavar="E", help="text encoding, e.g. cp1252 (default: UTF-8, BOM allowed)"
    )
    p.add_argument(
        "--max-bytes",
        type=max_bytes_argument,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse files larger than N bytes; suffix k, M, G allowed "
        f"(default {DEFAULT_MAX_BYTES // 1024**2}M)",
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
SUBCOMMANDS: dict[str, Callable[[argparse._SubParsersAction[_Parser]], None]] = {
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
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        return _fail("clusterlab", f"choose a command: {', '.join(SUBCOMMANDS)} (see --help)")
    return handler(args)
