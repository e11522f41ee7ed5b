"""Peak memory of a build with oversized raw values, beside the clean build of the same data.

    python bench/oversized_values.py [--raw-dir data/demo/raw] [--out bench/out/oversized]

Builds the data as it is, then once per case with one bad value added to a copy (a 1 MB first
name in crm_contacts, a 100 MB product code, i.e. a 100 MB line, in shop_order_lines, 100k
escaped quotes as a shop first name, control characters and NUL bytes in a CRM name), each
with `dbt build --exclude-resource-type unit_test` from a fresh process, and prints wall time,
peak RSS and its ratio to the clean build's. Staging drops a value over its cap
(var raw_value_max_characters), so nothing past the base models ever holds it.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import run_measured  # noqa: E402

PROJECT_DIR = Path(__file__).resolve().parent.parent
MEGABYTE = 1024 * 1024


def _append_row(path: Path, values: dict[str, str]) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    with path.open("a", newline="", encoding="utf-8") as handle:
        row = [values.get(column, "") for column in header]
        csv.writer(handle, lineterminator="\n").writerow(row)


CASES = {
    "clean": None,
    "first_name_1mb": ("crm_contacts.csv", {"contact_id": "B1", "first_name": "x" * MEGABYTE}),
    "line_100mb": (
        "shop_order_lines.csv",
        {"order_id": "B2", "line_number": "1", "sku": "S" * 100 * MEGABYTE},
    ),
    "quotes_100k": ("shop_customers.csv", {"customer_id": "B3", "first_name": '"' * 100_000}),
    "control_characters": ("crm_contacts.csv", {"contact_id": "B4", "first_name": "Jo\x00hn\x07"}),
}


def run_case(name: str, raw_dir: Path, out: Path) -> dict:
    case_dir = out / name
    shutil.rmtree(case_dir, ignore_errors=True)
    case_raw = case_dir / "raw"
    shutil.copytree(raw_dir, case_raw)
    if CASES[name] is not None:
        table, values = CASES[name]
        _append_row(case_raw / table, values)
    dbt = Path(sys.executable).parent / "dbt"
    command = [
        str(dbt),
        "build",
        "--exclude-resource-type",
        "unit_test",
        "--target-path",
        str(case_dir / "target"),
        "--vars",
        json.dumps({"raw_dir": str(case_raw), "as_of_date": "2026-06-30"}),
    ]
    env = {
        **os.environ,
        "SCV_DUCKDB_PATH": str(case_dir / "warehouse.duckdb"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    measured = run_measured(command, cwd=PROJECT_DIR, env=env, log_path=case_dir / "dbt.log")
    return {
        "case": name,
        "returncode": measured.returncode,
        "wall_seconds": round(measured.wall_seconds, 1),
        "peak_rss_mb": round(measured.peak_rss_mb, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw-dir", type=Path, default=PROJECT_DIR / "data/demo/raw")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "bench/out/oversized")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    results = [run_case(name, args.raw_dir.resolve(), args.out.resolve()) for name in CASES]
    clean_peak = results[0]["peak_rss_mb"]
    print("| case | dbt exit code | wall s | peak RSS MB | peak / clean |")
    print("|---|---|---|---|---|")
    for row in results:
        ratio = row["peak_rss_mb"] / clean_peak
        print(
            f"| {row['case']} | {row['returncode']} | {row['wall_seconds']} "
            f"| {row['peak_rss_mb']} | {ratio:.2f} |"
        )
    (args.out / "results.json").write_text(json.dumps(results, indent=2))
    return 0 if all(row["returncode"] == 0 for row in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
