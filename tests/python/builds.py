"""Shared helpers for end-to-end tests: generate raw data, build the project, read the results."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import duckdb

from scv.project import run_dbt

AS_OF_DATE = "2026-06-30"


def generate(out_dir: Path, persons: int, seed: int, profile: str = "default") -> Path:
    """Write raw CSVs and truth for `persons` generated people with a noise profile
    (`scv generate --profile`); returns the output directory."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "scv.generate",
            "--persons",
            str(persons),
            "--seed",
            str(seed),
            "--out",
            str(out_dir),
            "--as-of",
            AS_OF_DATE,
            "--profile",
            profile,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return out_dir


def build(
    raw_dir: Path,
    work_dir: Path,
    command: str = "build",
    extra_vars: dict | None = None,
    extra_args: list[str] | None = None,
) -> Path:
    """Run `dbt <command>` on `raw_dir` into `work_dir/warehouse.duckdb`.

    Returns the database path.
    """
    database = work_dir / "warehouse.duckdb"
    run_dbt(
        [command, *(extra_args or [])],
        duckdb_path=database,
        target_path=work_dir / "target",
        dbt_vars={"raw_dir": str(raw_dir), "as_of_date": AS_OF_DATE, **(extra_vars or {})},
    )
    return database


def query(database: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def truncate_raw(raw_dir: Path, out_dir: Path, keep_fraction: float) -> Path:
    """Copy every raw CSV keeping the first `keep_fraction` of its rows.

    That is an earlier extract of the same data.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(raw_dir.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as source:
            rows = list(csv.reader(source))
        header, body = rows[0], rows[1:]
        with (out_dir / path.name).open("w", newline="", encoding="utf-8") as target:
            writer = csv.writer(target, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(body[: int(len(body) * keep_fraction)])
    return out_dir
