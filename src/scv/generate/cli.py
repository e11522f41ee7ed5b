"""`python -m scv.generate` / `scv generate`: write a synthetic raw data set and its truth."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from .profiles import PROFILES
from .runner import DEFAULT_AS_OF, generate


def build_parser(prog: str = "scv generate") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Generate the ten raw contract tables and the known answers (truth/).",
    )
    parser.add_argument("--persons", type=int, required=True, help="number of people")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=DEFAULT_AS_OF,
        help=f"as_of_date, YYYY-MM-DD (default {DEFAULT_AS_OF.isoformat()})",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes (default: automatic; 0 runs in-process); output is identical",
    )
    parser.add_argument(
        "--profile",
        choices=sorted(PROFILES),
        default="default",
        help="noise profile (default: default); "
        + "; ".join(f"{name}: {p.description}" for name, p in PROFILES.items()),
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return parser


def main(argv: list[str] | None = None, prog: str = "scv generate") -> int:
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    if args.persons < 50:
        parser.error("--persons must be at least 50 (the stores, their staff and every trap)")
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        if not args.quiet and (done == total or done % 50 == 0):
            elapsed = time.monotonic() - started
            print(f"chunk {done}/{total} ({elapsed:.0f}s)", file=sys.stderr, flush=True)

    manifest = generate(
        args.persons, args.seed, args.out, args.as_of, args.workers, progress, args.profile
    )
    if not args.quiet:
        rows = sum(manifest["row_counts"].values())
        print(
            f"wrote {rows} raw rows for {manifest['truth_counts']['persons']} persons to "
            f"{args.out} in {time.monotonic() - started:.1f}s",
            file=sys.stderr,
        )
    return 0
