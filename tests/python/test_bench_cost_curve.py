"""Pure helpers of the cost-curve benchmark (bench/cost_curve.py): the next day's extract, node
times, growth exponents and the tables. Nothing here runs dbt or Splink."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import cost_curve  # noqa: E402


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as target:
        writer = csv.writer(target, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def read_csv(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as source:
        return list(csv.DictReader(source))


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    write_csv(
        raw_dir / "crm_contacts.csv",
        ["contact_id", "first_name", "email", "updated_at"],
        [[f"C{i}", "Anna", f"anna{i}@example.org", "2026-01-01"] for i in range(5000)],
    )
    write_csv(
        raw_dir / "pos_transactions.csv",
        ["transaction_id", "amount"],
        [[f"T{i}", "1.00"] for i in range(5000)],
    )
    write_csv(
        raw_dir / "shop_order_lines.csv",
        ["order_id", "line_number", "sku"],
        [[f"O{i // 2}", str(i % 2), "X"] for i in range(2000)],
    )
    return raw_dir


def test_next_day_changes_about_one_percent_and_is_the_same_every_time(raw, tmp_path):
    counts = cost_curve.next_day_extract(raw, tmp_path / "day")
    again = cost_curve.next_day_extract(raw, tmp_path / "day_again")
    assert counts == again
    crm = counts["crm_contacts"]
    changed_share = (crm["deleted"] + crm["changed"] + crm["added"]) / crm["rows"]
    assert 0.005 < changed_share < 0.02
    assert crm["deleted"] > 0 and crm["changed"] > 0 and crm["added"] > 0
    day = read_csv(tmp_path / "day" / "crm_contacts.csv")
    assert len(day) == crm["rows"] - crm["deleted"] + crm["added"]
    changed = [row for row in day if ".new@" in row["email"]]
    assert len(changed) >= crm["changed"]
    assert all(row["updated_at"] == cost_curve.DAY_UPDATED_AT for row in changed)
    assert len({row["contact_id"] for row in day}) == len(day)


def test_a_ledger_loses_no_row_and_order_lines_only_keep_theirs(raw, tmp_path):
    counts = cost_curve.next_day_extract(raw, tmp_path / "day")
    assert counts["pos_transactions"]["deleted"] == 0
    assert counts["pos_transactions"]["added"] > 0
    assert counts["shop_order_lines"] == {
        "rows": 2000,
        "deleted": 0,
        "changed": 0,
        "added": 0,
    }


def test_node_times_and_their_sum_per_kind(tmp_path):
    path = tmp_path / "run_results.json"
    path.write_text(
        json.dumps(
            {
                "results": [
                    {"unique_id": "model.p.a", "execution_time": 1.5},
                    {"unique_id": "model.p.b", "execution_time": 2.25},
                    {"unique_id": "test.p.t", "execution_time": 0.5},
                    {"unique_id": "seed.p.s", "execution_time": None},
                ]
            }
        )
    )
    times = cost_curve.node_times(path)
    assert times["model.p.b"] == 2.25 and times["seed.p.s"] == 0.0
    assert cost_curve.summed_by_kind(times) == {"model": 3.8, "test": 0.5, "seed": 0.0}
    assert cost_curve.node_times(tmp_path / "missing.json") == {}


def test_growth_exponent_is_one_for_linear_and_two_for_quadratic():
    assert cost_curve.growth_exponent((10_000, 1.0), (100_000, 10.0)) == 1.0
    assert cost_curve.growth_exponent((10_000, 1.0), (100_000, 100.0)) == 2.0
    assert cost_curve.growth_exponent((10_000, 0.01), (100_000, 5.0)) is None


def test_tables_list_the_slow_models_with_their_growth():
    def run(persons_factor: int) -> dict:
        return {
            "full": {
                "status": "ok",
                "wall_seconds": 10.0 * persons_factor,
                "peak_rss_mb": 100.0,
                "seconds_by_kind": {"model": 8.0, "test": 2.0},
                "node_seconds": {
                    "model.p.linear": 1.0 * persons_factor,
                    "model.p.square": 0.5 * persons_factor**2,
                    "model.p.tiny": 0.01,
                    "test.p.t": 5.0,
                },
            },
            "splink": {"status": "ok", "wall_seconds": 5.0, "peak_rss_mb": 50.0},
        }

    results = {"sizes": {"10000": run(1), "100000": run(10)}}
    rows = cost_curve.growth_rows(results)
    assert [row["model"] for row in rows] == ["square", "linear", "t (test)"]
    assert [row["exponents"] for row in rows] == [[2.0], [1.0], [0.0]]
    table = cost_curve.markdown(results)
    assert "| 100,000 | 100.0 | 100.0 | 8.0 | 2.0 | — | — | 5.0 | 50.0 | 20.0 |" in table
    assert "| square | 0.5 | 50.0 | 2.00 |" in table
