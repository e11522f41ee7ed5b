"""Pure helpers of the Splink benchmark (bench/): truth restriction, scoring, table, measuring,
Splink rule selection. Nothing here runs Splink or dbt."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import measure  # noqa: E402
import scoring  # noqa: E402
import splink_model  # noqa: E402


def frame(table: str, mapping: dict, column: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"source_table": table, "source_record_id": list(mapping), column: list(mapping.values())}
    )


# Persons A = {c1, c2, o1} and B = {c3}; a POS row and a cookie are not person records.
TRUTH = pd.concat(
    [
        frame("crm_contacts", {"c1": "A", "c2": "A", "c3": "B"}, "person_id"),
        frame("shop_orders", {"o1": "A"}, "person_id"),
        frame("pos_transactions", {"t1": "A"}, "person_id"),
        frame("web_events", {"w1": None}, "person_id"),
    ],
    ignore_index=True,
)
PERSON_RECORDS = pd.concat(
    [
        frame("crm_contacts", {"c1": 1, "c2": 1, "c3": 1}, "x"),
        frame("shop_orders", {"o1": 1, "o2": 1}, "x"),
    ],
    ignore_index=True,
)


def test_restrict_truth_keeps_the_shared_person_records():
    truth, coverage = scoring.restrict_truth(TRUTH, PERSON_RECORDS)
    assert sorted(zip(truth["source_table"], truth["source_record_id"], strict=True)) == [
        ("crm_contacts", "c1"),
        ("crm_contacts", "c2"),
        ("crm_contacts", "c3"),
        ("shop_orders", "o1"),
    ]
    # o2 is in the build but not in the truth (e.g. a quarantined row listed nowhere).
    assert coverage == {
        "scored_records": 4,
        "truth_person_records_not_in_build": 0,
        "build_records_not_in_truth": 1,
    }


def test_score_pairwise_bcubed_and_clusters():
    truth, _ = scoring.restrict_truth(TRUTH, PERSON_RECORDS)
    # c1+c2 right, o1 split off, c3 alone: 1 of 3 true pairs found, no wrong pair.
    predicted = pd.concat(
        [
            frame("crm_contacts", {"c1": "K1", "c2": "K1", "c3": "K2"}, "customer_id"),
            frame("shop_orders", {"o1": "K3", "o9": "K1"}, "customer_id"),
            frame("pos_transactions", {"t1": "K1"}, "customer_id"),
        ],
        ignore_index=True,
    )
    scores = scoring.score(predicted, truth)
    assert scores["records"] == 4
    assert scores["true_persons"] == 2
    assert scores["clusters"] == 3
    assert scores["largest_cluster"] == 2
    assert scores["pairwise"]["precision"] == 1.0
    assert scores["pairwise"]["recall"] == pytest.approx(1 / 3)
    assert scores["pairwise"]["f1"] == pytest.approx(0.5)
    # B-cubed recall: A's records see 2/3, 2/3, 1/3; B sees 1.
    assert scores["bcubed"]["recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert scores["bcubed"]["precision"] == 1.0


def test_score_counts_a_missing_or_null_record_as_a_singleton():
    truth, _ = scoring.restrict_truth(TRUTH, PERSON_RECORDS)
    predicted = frame("crm_contacts", {"c1": "K1", "c2": None}, "customer_id")
    scores = scoring.score(predicted, truth)
    assert scores["clusters"] == 4
    assert scores["records_without_cluster"] == 3
    assert scores["pairwise"]["predicted_pairs"] == 0


def test_score_reports_trap_merges_between_person_records_only():
    truth, _ = scoring.restrict_truth(TRUTH, PERSON_RECORDS)
    predicted = frame("crm_contacts", {"c1": "K1", "c2": "K1", "c3": "K1"}, "customer_id")
    traps = pd.DataFrame(
        {
            "trap_type": ["twins", "house_card"],
            "source_table_a": ["crm_contacts", "loyalty_members"],
            "source_record_id_a": ["c1", "L1"],
            "source_table_b": ["crm_contacts", "pos_transactions"],
            "source_record_id_b": ["c3", "t1"],
        }
    )
    scores = scoring.score(predicted, truth, traps)
    assert scores["trap_pairs_merged"] == {"checked": 1, "merged": 1, "by_type": {"twins": 1}}
    assert scores["largest_cluster"] == 3


def test_error_examples_lists_false_merges_and_misses():
    truth, _ = scoring.restrict_truth(TRUTH, PERSON_RECORDS)
    predicted = pd.concat(
        [
            frame("crm_contacts", {"c1": "K1", "c2": "K2", "c3": "K1"}, "customer_id"),
            frame("shop_orders", {"o1": "K2"}, "customer_id"),
        ],
        ignore_index=True,
    )
    attributes = PERSON_RECORDS.rename(columns={"x": "first_name"}).set_index(
        ["source_table", "source_record_id"]
    )
    examples = scoring.error_examples(predicted, truth, attributes)
    assert examples["clusters_with_several_persons"] == 1
    assert examples["persons_split"] == 1
    merged = examples["false_merges"][0]
    assert {row["source_record_id"] for row in merged} == {"c1", "c3"}
    assert {row["source_record_id"] for row in examples["misses"][0]} == {"c1", "c2", "o1"}
    assert "first_name" in merged[0]


def test_markdown_table_formats_numbers_and_gaps():
    row = scoring.table_row(
        "ours (dbt)",
        "generated-10000",
        10000,
        {
            "records": 34958,
            "clusters": 10801,
            "largest_cluster": 16,
            "pairwise": {"precision": 0.99751, "recall": 0.95, "f1": 0.97},
            "bcubed": {"f1": 0.98},
        },
        37.68,
        846.5,
        resolution_seconds=20.04,
    )
    table = scoring.markdown_table([row, {"tool": "Splink (timeout)", "dataset": "x"}])
    lines = table.splitlines()
    assert lines[0].startswith("| tool | data | persons | records | pairwise P |")
    assert lines[2] == (
        "| ours (dbt) | generated-10000 | 10,000 | 34,958 | 0.9975 | 0.9500 | "
        "0.9700 | 0.9800 | 10,801 | 16 | 37.7 | 20.0 | 846 |"
    )
    assert lines[3].count("n/a") == 11


def test_maxrss_units():
    assert measure.maxrss_to_mb(1_000_000, platform="linux") == 1024.0
    assert measure.maxrss_to_mb(2_000_000, platform="darwin") == 2.0


def test_run_measured_times_and_reports_exit(tmp_path):
    log = tmp_path / "log.txt"
    done = measure.run_measured(
        [sys.executable, "-c", "x = bytearray(60_000_000); print('hi')"], log_path=log
    )
    assert done.returncode == 0
    assert done.peak_rss_mb >= 60
    assert done.wall_seconds > 0
    assert log.read_text().strip() == "hi"
    failed = measure.run_measured([sys.executable, "-c", "raise SystemExit(3)"])
    assert failed.returncode == 3


def test_run_measured_stops_at_timeout():
    done = measure.run_measured(
        [sys.executable, "-c", "import time; time.sleep(30)"], timeout_seconds=0.5
    )
    assert done.returncode == -9
    assert done.stopped == "timeout"
    assert done.wall_seconds < 10


def test_run_measured_stops_at_memory_ceiling():
    done = measure.run_measured(
        [sys.executable, "-c", "import time; x = b'x' * 300_000_000; time.sleep(30)"],
        max_memory_mb=150,
    )
    assert done.stopped == "memory"
    assert done.returncode == -9
    assert done.wall_seconds < 20


def test_peak_is_not_inherited_from_a_big_parent():
    ballast = b"x" * 400_000_000  # noqa: F841  (held while the child runs)
    done = measure.run_measured([sys.executable, "-c", "pass"])
    assert done.peak_rss_mb < 200


def test_splink_rules_follow_the_columns_present():
    everything = set(splink_model.COLUMNS)
    assert (
        splink_model.usable_rules(splink_model.PREDICTION_RULES, everything)
        == splink_model.PREDICTION_RULES
    )
    febrl_columns = everything - {"email", "phone"}
    rules = splink_model.usable_rules(splink_model.PREDICTION_RULES, febrl_columns)
    assert ("email",) not in rules and ("phone",) not in rules
    assert ("postcode", "substr(first_name, 1, 1)") in rules
    assert splink_model.rule_columns(("surname", "year(dob)")) == {"surname", "dob"}
    assert splink_model.em_rules("generator", everything) == [("first_name", "surname"), ("email",)]
    assert splink_model.em_rules("febrl3", febrl_columns) == [("first_name", "surname"), ("dob",)]
    description = splink_model.model_description("febrl3", febrl_columns)
    assert len(description["comparisons"]) == 6
    assert description["deterministic_rules"] == [
        "block_on(first_name, surname, dob)",
        "block_on(first_name, surname, postcode)",
    ]
