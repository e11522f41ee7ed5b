"""Benchmark: generate people with known answers, `dbt build` them, print accuracy, time and memory.

    .venv/bin/python bench/build_accuracy.py --persons 10000 --persons 100000 [--json out.json]
    .venv/bin/python bench/build_accuracy.py --persons 2000 \
        --profile default,households,messy,names --seed 7,8,9

Each size, noise profile (`scv generate --profile`) and seed is generated into
bench/out/<persons>/ (profile `default`) or bench/out/<profile>/<persons>/, built into its own
DuckDB file with the full `dbt build` (models and tests), and scored with `scv evaluate`. Runs
are sequential: a later seed reuses (overwrites) the directory of an earlier one. Wall time and
peak memory are the dbt process's own (measured by a wrapper that waits for it and reads its
rusage).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import date
from pathlib import Path

from scv.evaluate import evaluate
from scv.generate.profiles import PROFILES
from scv.project import PROJECT_DIR, dbt_executable

AS_OF_DATE = "2026-06-30"


def run_size(persons: int, seed: int, out_dir: Path, profile: str = "default") -> dict:
    work = out_dir / str(persons) if profile == "default" else out_dir / profile / str(persons)
    work.mkdir(parents=True, exist_ok=True)
    generated = subprocess.run(
        [
            sys.executable,
            "-m",
            "scv.generate",
            "--persons",
            str(persons),
            "--seed",
            str(seed),
            "--out",
            str(work / "data"),
            "--as-of",
            AS_OF_DATE,
            "--profile",
            profile,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    database = work / "warehouse.duckdb"
    database.unlink(missing_ok=True)
    env = {
        **os.environ,
        "SCV_DUCKDB_PATH": str(database),
        "DBT_LOG_PATH": str(work / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    dbt_vars = json.dumps({"raw_dir": str(work / "data" / "raw"), "as_of_date": AS_OF_DATE})
    # A fresh interpreter per measured step, so ru_maxrss is that step's peak alone.
    wrapper = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "p = subprocess.run(sys.argv[1:]); "
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024; "
        "print(time.perf_counter() - t, peak); "
        "sys.exit(p.returncode)"
    )
    command = [
        sys.executable,
        "-c",
        wrapper,
        dbt_executable(),
        "build",
        "--vars",
        dbt_vars,
        "--target-path",
        str(work / "target"),
    ]
    process = subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    wall, peak_mb = (float(x) for x in process.stdout.strip().splitlines()[-1].split())
    scores = evaluate(database, work / "data" / "truth")
    return {
        "persons": persons,
        "profile": profile,
        "seed": seed,
        "generator_output": (generated.stdout + generated.stderr).strip().splitlines()[-1:],
        "dbt_build_ok": process.returncode == 0,
        "dbt_build_tail": process.stdout.strip().splitlines()[-2] if process.returncode else "",
        "build_wall_seconds": round(wall, 1),
        "build_peak_memory_mb": round(peak_mb),
        "scores": scores,
    }


def summary_row(result: dict) -> str:
    identity, traps = result["scores"]["identity"], result["scores"]["traps"]
    pairwise, bcubed = identity["pairwise"], identity["bcubed"]
    return (
        f"| {result['profile']} | {result['seed']} | {result['persons']:,} | "
        f"{identity['truth_records']:,} | {pairwise['precision']:.4f} | "
        f"{pairwise['recall']:.4f} | {pairwise['f1']:.4f} | {bcubed['f1']:.4f} | "
        f"{identity['predicted_clusters']:,} / {identity['true_persons']:,} | "
        f"{identity['largest_predicted_cluster']} / {identity['largest_true_person']} | "
        f"{traps['pairs_merged']} / {traps['pairs_checked']} | {result['build_wall_seconds']} | "
        f"{result['build_peak_memory_mb']} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--persons", type=int, action="append", required=True)
    parser.add_argument(
        "--seed",
        action="append",
        help="seed, repeatable or comma-separated (default 7)",
    )
    parser.add_argument(
        "--profile",
        action="append",
        help=f"noise profile, repeatable or comma-separated: {', '.join(PROFILES)} "
        "(default: default)",
    )
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench" / "out")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    seeds = [int(s) for value in args.seed or ["7"] for s in value.split(",") if s]
    profiles = [p for value in args.profile or ["default"] for p in value.split(",") if p]
    unknown = sorted(set(profiles) - set(PROFILES))
    if unknown:
        parser.error(f"unknown profile(s) {', '.join(unknown)}; choose from {', '.join(PROFILES)}")
    results = []
    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, date {date.today()}, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print(
        "| profile | seed | persons | records | pairwise P | pairwise R | pairwise F1 | B-cubed F1 "
        "| customers / persons | largest customer / person | trap pairs merged "
        "| build s | build peak MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for profile in profiles:
        for seed in seeds:
            for persons in args.persons:
                result = run_size(persons, seed, args.out, profile)
                results.append(result)
                print(summary_row(result), flush=True)
                if not result["dbt_build_ok"]:
                    print(f"  dbt build failed: {result['dbt_build_tail']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
