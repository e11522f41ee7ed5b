"""Lint is part of the test suite: ruff over the Python code, sqlfluff over the dbt SQL.

Each check runs the same command a developer runs by hand (see the Makefile), fails on any
violation and prints the violations. The guard tests lint a scratch copy holding one
deliberate violation, to show that each check stops what it guards against.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scv.project import PROJECT_DIR, run_dbt

BIN = Path(sys.executable).parent
PYTHON_PATHS = ["src", "tests", "models", "bench"]
SQL_PATHS = ["models", "tests/dbt"]
# What the dbt templater needs to compile the project (a scratch copy for the guard test).
DBT_PROJECT_FILES = [
    "dbt_project.yml",
    "profiles.yml",
    ".sqlfluff",
    ".sqlfluffignore",
    "models",
    "macros",
    "seeds",
    "snapshots",
    "tests/dbt",
]


def _tool(name: str) -> str:
    """The tool next to this interpreter (the project's virtualenv), else the one on PATH."""
    candidate = BIN / name
    return str(candidate) if candidate.exists() else name


def ruff_problems(root: Path, paths: list[str]) -> list[str]:
    """`ruff check` and `ruff format --check` over `paths` under `root`: one entry per failure."""
    problems = []
    for command in (
        [_tool("ruff"), "check", "--no-fix", "--output-format", "concise", *paths],
        [_tool("ruff"), "format", "--check", "--diff", *paths],
    ):
        result = subprocess.run(command, cwd=root, capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"$ {' '.join(command[1:])}\n{result.stdout}{result.stderr}")
    return problems


def sqlfluff_violations(
    root: Path, paths: list[str], duckdb_path: Path, work_dir: Path
) -> list[str]:
    """Run `sqlfluff lint` over `paths` under `root`; returns `file:line:pos CODE description`.

    Staging macros read seeds at compile time, so `duckdb_path` must hold them. dbt's compiled
    files and logs go to `work_dir`, away from the project's `target/`.
    """
    env = {
        **os.environ,
        "SCV_DUCKDB_PATH": str(duckdb_path),
        "DBT_TARGET_PATH": str(work_dir / "target"),
        "DBT_LOG_PATH": str(work_dir / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    # One process: with the dbt templater each extra worker loads the whole project again, so
    # on two cores `--processes 2` costs twice the CPU for no gain (whole project: about 5 min).
    command = [_tool("sqlfluff"), "lint", *paths, "--format", "json", "--nofail"]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    try:
        files = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"sqlfluff did not finish ({result.returncode}):\n{result.stderr[-8000:]}")
    return [
        f"{file['filepath']}:{violation['start_line_no']}:{violation['start_line_pos']} "
        f"{violation['code']} {violation['description']}"
        for file in files
        for violation in file["violations"]
    ]


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory) -> Path:
    """A DuckDB database holding the seeds, which some macros query while compiling."""
    work = tmp_path_factory.mktemp("lint_seeds")
    database = work / "seeds.duckdb"
    run_dbt(["seed"], duckdb_path=database, target_path=work / "target")
    return database


def test_python_passes_ruff_check_and_format():
    problems = ruff_problems(PROJECT_DIR, PYTHON_PATHS)
    assert not problems, "ruff found problems:\n" + "\n".join(problems)


@pytest.mark.slow
def test_dbt_sql_passes_sqlfluff(seeded_database, tmp_path):
    violations = sqlfluff_violations(PROJECT_DIR, SQL_PATHS, seeded_database, tmp_path)
    assert not violations, f"sqlfluff found {len(violations)} violations:\n" + "\n".join(violations)


def test_ruff_check_fails_on_a_violation(tmp_path):
    shutil.copy(PROJECT_DIR / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "bad.py").write_text("import os\n\nx  =  1\n")
    problems = ruff_problems(tmp_path, ["src"])
    assert len(problems) == 2  # an unused import for `check`, the spacing for `format`
    assert "F401" in problems[0]


@pytest.mark.slow
def test_sqlfluff_fails_on_a_violation(seeded_database, tmp_path):
    project = tmp_path / "project"
    for name in DBT_PROJECT_FILES:
        source, target = PROJECT_DIR / name, project / name
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    model = "models/marts/dim_customer.sql"
    text = (project / model).read_text()
    (project / model).write_text(text.replace("select", "SELECT", 1))
    violations = sqlfluff_violations(project, [model], seeded_database, tmp_path)
    assert any(" CP01 " in violation for violation in violations), violations
