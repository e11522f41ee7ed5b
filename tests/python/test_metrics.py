"""The semantic layer: every metric of models/marts/semantic, queried with MetricFlow's `mf query`
on the bundled demo, equals the same figure computed with plain SQL on the marts."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from builds import build, query
from scv.project import PROJECT_DIR, dbt_executable

DEMO_RAW = PROJECT_DIR / "data" / "demo" / "raw"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("metrics")
    database = build(
        DEMO_RAW,
        work,
        extra_vars={"publish_marts": False},
        extra_args=["--exclude-resource-type", "unit_test"],
    )
    # `mf` reads <its working directory>/target/semantic_manifest.json, whose relations name the
    # warehouse file: parse into a project of symlinks with its own target folder, not the repo's.
    project = work / "project"
    project.mkdir()
    for entry in PROJECT_DIR.iterdir():
        if entry.name not in {".git", ".venv", "target", "logs", "warehouse"}:
            (project / entry.name).symlink_to(entry)
    env = metricflow_env(database, work)
    subprocess.run([dbt_executable(), "parse", "--quiet"], cwd=project, env=env, check=True)
    return {"database": database, "work": work, "project": project, "env": env}


def metricflow_env(database: Path, work: Path) -> dict:
    return {
        **os.environ,
        "SCV_DUCKDB_PATH": str(database),
        "DBT_LOG_PATH": str(work / "mf_logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }


def mf_query(warehouse: dict, metrics: str, group_by: str = "", where: str = "") -> list[dict]:
    """Rows of `mf query` (read from its --csv output) as dicts of text."""
    out = warehouse["work"] / "mf.csv"
    command = [str(Path(sys.executable).with_name("mf"))]
    command += ["query", "--metrics", metrics, "--csv", str(out), "--quiet"]
    if group_by:
        command += ["--group-by", group_by]
    if where:
        command += ["--where", where]
    result = subprocess.run(
        command,
        cwd=warehouse["project"],
        env=warehouse["env"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and out.is_file(), result.stdout[-3000:] + result.stderr[-3000:]
    with out.open(newline="") as rows:
        return list(csv.DictReader(rows))


def number(text: str) -> Decimal:
    return Decimal(text or "0")


def key_text(value) -> str:
    """A group-by value as text; a time as its day (mf writes 2026-01-01T00:00:00)."""
    text = str(value)
    return text[:10] if re.match(r"\d{4}-\d{2}-\d{2}", text) else text


def by_key(rows: list[dict], key: str, metric: str) -> dict:
    return {key_text(row[key]): number(row[metric]) for row in rows}


def sql_by_key(warehouse: dict, sql: str) -> dict:
    rows = query(warehouse["database"], sql)
    return {key_text(key): Decimal(str(value or 0)) for key, value in rows}


def close(a: Decimal, b: Decimal, places: int = 6) -> bool:
    return abs(a - b) <= Decimal(10) ** -places


def test_customers_households_and_segments_totals(warehouse):
    row = mf_query(warehouse, "customers,households,buyers,repeat_buyers,segment_customers")[0]
    (expected,) = query(
        warehouse["database"],
        """
        select
            (select count(*) from marts.dim_customer where not is_erased),
            (select count(distinct household_id) from marts.dim_customer where not is_erased),
            (select count(*) from marts.customer_segments where frequency >= 1),
            (select count(*) from marts.customer_segments where frequency >= 2),
            (select count(*) from marts.customer_segments)
        """,
    )
    got = tuple(int(number(row[name])) for name in (
        "customers", "households", "buyers", "repeat_buyers", "segment_customers"
    ))  # fmt: skip
    assert got == expected
    assert got[0] > 0 and got[1] > 0 and got[2] > got[3] > 0


def test_new_customers_per_month_and_customers_counted_up_to_each_month(warehouse):
    rows = mf_query(warehouse, "new_customers,customers", "metric_time__month")
    new = by_key(rows, "metric_time__month", "new_customers")
    expected = sql_by_key(
        warehouse,
        "select date_trunc('month', first_seen_at), count(*) from marts.dim_customer "
        "where not is_erased group by 1",
    )
    assert {month: n for month, n in new.items() if n} == expected
    running = by_key(rows, "metric_time__month", "customers")
    total = query(
        warehouse["database"], "select count(*) from marts.dim_customer where not is_erased"
    )
    assert max(running.values()) == total[0][0]
    months = sorted(running)
    assert all(running[a] <= running[b] for a, b in zip(months, months[1:], strict=False))


def test_revenue_orders_and_average_order_value_per_year(warehouse):
    rows = mf_query(
        warehouse, "revenue,gross_revenue,refunds,orders,average_order_value", "metric_time__year"
    )
    expected = {
        key_text(year): (Decimal(str(gross or 0)), Decimal(str(refunds or 0)), orders)
        for year, gross, refunds, orders in query(
            warehouse["database"],
            """
            select
                date_trunc('year', transaction_date),
                sum(case when is_purchase then amount_base end),
                sum(case when is_refund then amount_base end),
                sum(case when is_purchase then 1 else 0 end)
            from marts.fct_customer_transactions
            group by 1
            """,
        )
    }
    assert {key_text(row["metric_time__year"]) for row in rows} == set(expected)
    for row in rows:
        gross, refunds, orders = expected[key_text(row["metric_time__year"])]
        assert close(number(row["gross_revenue"]), gross, 2)
        assert close(number(row["refunds"]), refunds, 2)
        assert close(number(row["revenue"]), gross + refunds, 2)
        assert int(number(row["orders"])) == orders
        if orders:
            assert close(number(row["average_order_value"]), gross / orders, 4)
    assert sum(number(row["revenue"]) for row in rows) > 0


def test_active_customers_per_year_and_channel(warehouse):
    rows = mf_query(warehouse, "active_customers", "metric_time__year,transaction__channel")
    got = {
        (key_text(row["metric_time__year"]), row["transaction__channel"]): int(
            number(row["active_customers"])
        )
        for row in rows
    }
    expected = {
        (key_text(year), channel): n
        for year, channel, n in query(
            warehouse["database"],
            """
            select date_trunc('year', transaction_date), channel, count(distinct customer_id)
            from marts.fct_customer_transactions
            where is_purchase
            group by 1, 2
            """,
        )
    }
    assert {key: n for key, n in got.items() if n} == {key: n for key, n in expected.items() if n}


def test_repeat_purchase_rate(warehouse):
    rate = number(mf_query(warehouse, "repeat_purchase_rate")[0]["repeat_purchase_rate"])
    ((repeat, buyers),) = query(
        warehouse["database"],
        "select count(*) filter (where frequency >= 2), count(*) filter (where frequency >= 1) "
        "from marts.customer_segments",
    )
    assert close(rate, Decimal(repeat) / Decimal(buyers), 4)


def test_consented_reach_per_purpose(warehouse):
    rows = mf_query(warehouse, "consented_reach", "consent__purpose")
    got = by_key(rows, "consent__purpose", "consented_reach")
    expected = sql_by_key(
        warehouse,
        "select purpose, count(distinct customer_id) from marts.customer_consent "
        "where is_granted group by 1",
    )
    assert {purpose: n for purpose, n in got.items() if n} == expected
    assert "email_marketing" in expected


def test_customers_per_rfm_segment_and_lifecycle_stage(warehouse):
    for dimension, column in (
        ("segment__rfm_segment", "rfm_segment"),
        ("segment__lifecycle_stage", "lifecycle_stage"),
    ):
        rows = mf_query(warehouse, "segment_customers", dimension)
        got = {row[dimension]: int(number(row["segment_customers"])) for row in rows}
        expected = dict(
            query(
                warehouse["database"],
                f"select {column}, count(*) from marts.customer_segments group by 1",
            )
        )
        assert got == {key if key is not None else "": n for key, n in expected.items()}
