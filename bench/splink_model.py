"""Splink's standard dedupe recipe on the project's staged person records (DuckDB backend).

Run as a separate process by compare_splink.py (so its wall time and peak memory are measured
like the dbt run):

    python bench/splink_model.py --warehouse W.duckdb --out DIR [--profile generator|external]

Input: `intermediate.int_source_records where is_person_record` of the project's build
(the same records, after the same staging: names lower-cased with accents and titles removed,
email match key, phone national number, normalised postal code). City and street get the usual
Splink preprocessing (lower case, accents stripped, whitespace collapsed).

Model (Splink docs style): NameComparison on first name and surname (exact with term-frequency
adjustment, Jaro-Winkler 0.92 / 0.88 / 0.7), DateOfBirthComparison, EmailComparison, Levenshtein on
phone and postcode, exact city with term frequencies, Jaro-Winkler on street. Blocking rules in
the spirit of the project's blocking keys. Training: probability two random records match from
deterministic rules, u by random sampling, m by two EM sessions blocked on different rules. Predict
at 0.5; cluster at 0.95 (the docs' usual value, reported as Splink's result) and at 0.5.
Comparisons whose column is empty on every record (FEBRL has no email or phone) are left out.

Writes DIR/clusters_<threshold>.parquet (unique_id, source_table, source_record_id, cluster_id),
DIR/splink_model.json and DIR/splink_timings.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import resource
import sys
import time
from pathlib import Path

PREDICT_THRESHOLD = 0.5
CLUSTER_THRESHOLD = 0.95
EXTRA_CLUSTER_THRESHOLDS = [0.5]
U_MAX_PAIRS = 1e7
SEED = 7

INPUT_SQL = """
select
    record_key as unique_id,
    source_table,
    source_record_id,
    first_name_normalised as first_name,
    last_name_normalised as surname,
    birth_date as dob,
    email_match_key as email,
    phone_national_number as phone,
    postal_code_normalised as postcode,
    nullif(regexp_replace(lower(strip_accents(trim(city))), '\\s+', ' ', 'g'), '') as city,
    nullif(regexp_replace(lower(strip_accents(trim(street))), '\\s+', ' ', 'g'), '') as street
from wh.intermediate.int_source_records
where is_person_record
"""

COLUMNS = ["first_name", "surname", "dob", "email", "phone", "postcode", "city", "street"]


# Blocking rules for predictions, in the spirit of the project's blocking keys
# (surname+birth year, first name+birth date, email, phone, postcode+initial, full name+city,
# surname+postcode), each a tuple of block_on expressions.
PREDICTION_RULES = [
    ("first_name", "surname"),
    ("surname", "year(dob)"),
    ("first_name", "dob"),
    ("email",),
    ("phone",),
    ("postcode", "substr(first_name, 1, 1)"),
    ("surname", "postcode"),
    ("first_name", "city", "substr(surname, 1, 1)"),
]
# Deterministic rules for the prior (probability two random records match), recall 0.7.
DETERMINISTIC_RULES = [
    ("first_name", "surname", "dob"),
    ("email",),
    ("first_name", "surname", "postcode"),
]
DETERMINISTIC_RECALL = 0.7

COMPARISON_TEXT = {
    "first_name": "NameComparison(first_name): exact (tf adjusted), JW>=0.92, JW>=0.88, JW>=0.7",
    "surname": "NameComparison(surname): exact (tf adjusted), JW>=0.92, JW>=0.88, JW>=0.7",
    "dob": "DateOfBirthComparison(dob): exact, Levenshtein<=1, <=1 month, <=1 year, <=10 years",
    "email": "EmailComparison(email): exact (tf adjusted), username exact, JW>=0.88 on email "
    "and on username",
    "phone": "LevenshteinAtThresholds(phone, [1, 2])",
    "postcode": "LevenshteinAtThresholds(postcode, [1, 2])",
    "city": "ExactMatch(city) with term frequency adjustments",
    "street": "JaroWinklerAtThresholds(street, [0.95, 0.88])",
}


def rule_columns(rule: tuple[str, ...]) -> set[str]:
    """The input columns a blocking rule reads."""
    return {word for part in rule for word in re.findall(r"[a-z_]+", part) if word in COLUMNS}


def usable_rules(rules: list[tuple[str, ...]], present: set[str]) -> list[tuple[str, ...]]:
    """The rules whose columns all have values somewhere."""
    return [rule for rule in rules if rule_columns(rule) <= present]


def rule_text(rule: tuple[str, ...]) -> str:
    return "block_on(" + ", ".join(rule) + ")"


def em_rules(profile: str, present: set[str]) -> list[tuple[str, ...]]:
    """Two EM sessions on different blocks: names, then email (or birth date without email)."""
    second = ("email",) if "email" in present and profile == "generator" else ("dob",)
    return [("first_name", "surname"), second]


def model_description(profile: str, present: set[str]) -> dict:
    """The comparisons, blocking and training rules as plain text (for the report)."""
    return {
        "comparisons": [text for column, text in COMPARISON_TEXT.items() if column in present],
        "blocking_rules_to_generate_predictions": [
            rule_text(rule) for rule in usable_rules(PREDICTION_RULES, present)
        ],
        "deterministic_rules": [
            rule_text(rule) for rule in usable_rules(DETERMINISTIC_RULES, present)
        ],
        "recall_of_deterministic_rules": DETERMINISTIC_RECALL,
        "em_training_blocks": [rule_text(rule) for rule in em_rules(profile, present)],
        "u_max_pairs": U_MAX_PAIRS,
        "u_seed": SEED,
        "predict_threshold": PREDICT_THRESHOLD,
        "cluster_threshold": CLUSTER_THRESHOLD,
        "extra_cluster_thresholds": EXTRA_CLUSTER_THRESHOLDS,
    }


def _block_on(rules: list[tuple[str, ...]]):
    from splink import block_on

    return [block_on(*rule) for rule in rules]


def build_settings(present: set[str]):
    """The SettingsCreator for the columns that have values."""
    import splink.comparison_library as cl
    from splink import SettingsCreator

    comparisons = {
        "first_name": lambda: cl.NameComparison("first_name"),
        "surname": lambda: cl.NameComparison("surname"),
        "dob": lambda: cl.DateOfBirthComparison("dob", input_is_string=False),
        "email": lambda: cl.EmailComparison("email"),
        "phone": lambda: cl.LevenshteinAtThresholds("phone", [1, 2]),
        "postcode": lambda: cl.LevenshteinAtThresholds("postcode", [1, 2]),
        "city": lambda: cl.ExactMatch("city").configure(term_frequency_adjustments=True),
        "street": lambda: cl.JaroWinklerAtThresholds("street", [0.95, 0.88]),
    }
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[make() for column, make in comparisons.items() if column in present],
        blocking_rules_to_generate_predictions=_block_on(usable_rules(PREDICTION_RULES, present)),
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def peak_rss_mb() -> float:
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round((maxrss if sys.platform == "darwin" else maxrss * 1024) / 1e6, 1)


def run(
    warehouse: Path, out_dir: Path, profile: str = "generator", memory_limit: str | None = None
) -> dict:
    import duckdb
    from splink import DuckDBAPI, Linker

    out_dir.mkdir(parents=True, exist_ok=True)
    timings: dict = {}
    started = time.perf_counter()

    def mark(step: str) -> None:
        timings[step] = round(time.perf_counter() - started, 2)

    connection = duckdb.connect()
    if memory_limit:
        # DuckDB spills to disk past this (a standard setting for big Splink jobs).
        connection.execute(f"set memory_limit = '{memory_limit}'").fetchall()
        connection.execute(f"set temp_directory = '{out_dir / 'duckdb_tmp'}'").fetchall()
    # duckdb 2 wants every result consumed before the next statement: fetch even DDL results.
    connection.execute(f"attach '{warehouse}' as wh (read_only)").fetchall()
    connection.execute(f"create table person_records as {INPUT_SQL}").fetchall()
    connection.execute("detach wh").fetchall()
    record_count = connection.execute("select count(*) from person_records").fetchall()[0][0]
    counts = connection.execute(
        "select " + ", ".join(f"count({column})" for column in COLUMNS) + " from person_records"
    ).fetchall()[0]
    present = {column for column, count in zip(COLUMNS, counts, strict=True) if count}
    mark("read_input")

    db_api = DuckDBAPI(connection)
    records = db_api.register("person_records", dataset_display_name="person_records")
    linker = Linker(records, build_settings(present), log_level=logging.INFO)
    description = model_description(profile, present)

    linker.training.estimate_probability_two_random_records_match(
        _block_on(usable_rules(DETERMINISTIC_RULES, present)), recall=DETERMINISTIC_RECALL
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=SEED)
    for rule in _block_on(em_rules(profile, present)):
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    mark("trained")

    predictions = linker.inference.predict(threshold_match_probability=PREDICT_THRESHOLD)
    pair_count = connection.execute(f"select count(*) from {predictions.physical_name}").fetchall()[
        0
    ][0]
    mark("predicted")

    results: dict = {}
    for index, threshold in enumerate([CLUSTER_THRESHOLD, *EXTRA_CLUSTER_THRESHOLDS]):
        step_started = time.perf_counter()
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=threshold
        )
        cluster_seconds = time.perf_counter() - step_started
        path = out_dir / f"clusters_{threshold}.parquet"
        connection.execute(
            f"copy (select c.unique_id, p.source_table, p.source_record_id, c.cluster_id "
            f"from {clusters.physical_name} c join person_records p using (unique_id)) "
            f"to '{path}' (format parquet)"
        ).fetchall()
        if index == 0:
            mark("clustered")
            results[str(threshold)] = {
                "wall_seconds": timings["clustered"],
                "resolution_seconds": round(timings["clustered"] - timings["read_input"], 2),
                "peak_rss_mb": peak_rss_mb(),
                "clusters_path": str(path),
            }
        else:
            # Same training and predictions; only this clustering step differs.
            results[str(threshold)] = {
                "wall_seconds": round(timings["predicted"] + cluster_seconds, 2),
                "resolution_seconds": round(
                    timings["predicted"] - timings["read_input"] + cluster_seconds, 2
                ),
                "peak_rss_mb": peak_rss_mb(),
                "clusters_path": str(path),
            }
    linker.misc.save_model_to_json(str(out_dir / "splink_model.json"), overwrite=True)
    summary = {
        "profile": profile,
        "records": int(record_count),
        "columns_present": sorted(present),
        "pairs_predicted_at_or_above": {str(PREDICT_THRESHOLD): int(pair_count)},
        "probability_two_random_records_match": (
            linker._settings_obj._probability_two_random_records_match
        ),
        "duckdb_memory_limit": memory_limit,
        "timings": timings,
        "thresholds": results,
        "model": description,
    }
    (out_dir / "splink_timings.json").write_text(json.dumps(summary, indent=2))
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument(
        "--profile", default="generator", choices=["generator", "febrl3", "external"]
    )
    parser.add_argument("--memory-limit", help="DuckDB memory_limit, e.g. 10GB (default: DuckDB's)")
    args = parser.parse_args(argv)
    summary = run(args.warehouse.resolve(), args.out.resolve(), args.profile, args.memory_limit)
    print(json.dumps({k: v for k, v in summary.items() if k != "model"}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
