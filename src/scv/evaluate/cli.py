"""Command line: `python -m scv.evaluate --duckdb PATH --truth DIR [--json OUT]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scv.evaluate.report import evaluate, format_report, to_json


def build_parser() -> argparse.ArgumentParser:
    """The evaluation command's arguments (also used by the project's top-level CLI)."""
    parser = argparse.ArgumentParser(
        prog="python -m scv.evaluate",
        description="Score a build's marts against the generator's truth files.",
    )
    parser.add_argument("--duckdb", required=True, type=Path, help="the DuckDB warehouse file")
    parser.add_argument("--truth", required=True, type=Path, help="the generator's truth/ dir")
    parser.add_argument("--schema", default="marts", help="schema of the marts (default: marts)")
    parser.add_argument(
        "--snapshot-schema",
        default="snapshots",
        help="schema of dbt snapshots, also scanned for erased identifiers",
    )
    parser.add_argument("--json", type=Path, help="also write every number to this JSON file")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation, print the report, optionally write JSON; return an exit code:
    0, 1 when the warehouse or truth is missing, 2 when a must-be-zero count is not 0."""
    args = build_parser().parse_args(argv)
    try:
        results = evaluate(args.duckdb, args.truth, args.schema, args.snapshot_schema)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(format_report(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(to_json(results) + "\n", encoding="utf-8")
        print(f"JSON written to {args.json}")
    # A count that must be 0 and is not fails the command, so scripts and CI can gate on it.
    failed = {name: count for name, count in results["must_be_zero"].items() if count}
    if failed:
        listed = ", ".join(f"{name} = {count}" for name, count in failed.items())
        print(f"error: counts that must be 0 are not: {listed}", file=sys.stderr)
        return 2
    return 0
