"""A build killed while it publishes the marts: readers keep the last published marts, whole,
and the next build publishes the new ones (macros/publish/publish_marts.sql)."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from builds import AS_OF_DATE, build
from scv.project import PROJECT_DIR, dbt_executable

DEMO_RAW = PROJECT_DIR / "data" / "demo" / "raw"
EARLIER_AS_OF = "2026-03-31"


def publication_state(published: Path) -> str | None:
    """The state publication_0.csv records ('publishing' or 'published'), or None."""
    try:
        with (published / "publication_0.csv").open(newline="") as record:
            rows = list(csv.DictReader(record))
    except (OSError, csv.Error):
        return None
    return rows[0]["state"] if rows else None


def as_of_dates(catalog: Path) -> list[str]:
    with duckdb.connect(str(catalog), read_only=True) as connection:
        return [
            str(row[0])
            for row in connection.execute(
                "select distinct as_of_date from marts.customer_segments order by 1"
            ).fetchall()
        ]


@pytest.fixture(scope="module")
def killed_while_publishing(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("publish_crash")
    build(
        DEMO_RAW,
        work,
        extra_vars={"as_of_date": EARLIER_AS_OF},
        extra_args=["--exclude-resource-type", "unit_test"],
    )
    published = work / "warehouse_published"
    catalog = published / "scv_marts.duckdb"
    before = as_of_dates(catalog)
    env = {
        **os.environ,
        "SCV_DUCKDB_PATH": str(work / "warehouse.duckdb"),
        "DBT_LOG_PATH": str(work / "target" / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    command = [
        dbt_executable(), "build", "--exclude-resource-type", "unit_test",
        "--target-path", str(work / "target"),
        "--vars", f'{{"raw_dir": "{DEMO_RAW}", "as_of_date": "{AS_OF_DATE}"}}',
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen_publishing = False
    deadline = time.time() + 600
    while process.poll() is None and time.time() < deadline:
        if publication_state(published) == "publishing":
            process.send_signal(signal.SIGKILL)
            seen_publishing = True
            break
        time.sleep(0.005)
    process.wait(timeout=60)
    after_kill = as_of_dates(catalog)
    rebuilt = build(DEMO_RAW, work, extra_args=["--exclude-resource-type", "unit_test"])
    return {
        "seen_publishing": seen_publishing,
        "returncode": process.returncode,
        "before": before,
        "after_kill": after_kill,
        "after_rebuild": as_of_dates(catalog),
        "leftover": (published / "scv_marts.duckdb.publishing").exists(),
        "database": rebuilt,
    }


def test_the_build_was_killed_while_publishing(killed_while_publishing):
    assert killed_while_publishing["seen_publishing"]
    assert killed_while_publishing["returncode"] == -signal.SIGKILL


def test_readers_keep_the_last_published_marts_whole_after_the_kill(killed_while_publishing):
    assert killed_while_publishing["before"] == [EARLIER_AS_OF]
    assert killed_while_publishing["after_kill"] == [EARLIER_AS_OF]


def test_the_next_build_publishes_the_new_marts_and_cleans_up(killed_while_publishing):
    assert killed_while_publishing["after_rebuild"] == [AS_OF_DATE]
    assert not killed_while_publishing["leftover"]
