"""Run the project's dbt commands from Python (tests, benchmarks, the CLI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]


def dbt_executable() -> str:
    """The dbt next to this interpreter, so a virtualenv's dbt is used without activating it."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(
    args: list[str],
    *,
    duckdb_path: Path | str | None = None,
    target_path: Path | str | None = None,
    dbt_vars: dict | None = None,
    target: str | None = None,
    env: dict | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess:
    """Run `dbt <args>` in the project directory and return the finished process.

    `duckdb_path` and `target_path` let several builds (tests, benchmarks) run side by
    side without sharing a database file or a compiled target folder.
    """
    command = [dbt_executable(), *args]
    if dbt_vars:
        command += ["--vars", json.dumps(dbt_vars)]
    if target:
        command += ["--target", target]
    if target_path:
        command += ["--target-path", str(target_path)]
    full_env = {**os.environ, **(env or {})}
    full_env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    if duckdb_path:
        full_env["SCV_DUCKDB_PATH"] = str(duckdb_path)
    if target_path:
        full_env["DBT_LOG_PATH"] = str(Path(target_path) / "logs")
    result = subprocess.run(command, cwd=PROJECT_DIR, env=full_env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(
            f"dbt {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-8000:]}\n{result.stderr[-4000:]}"
        )
    return result
