"""End to end: generated people with known answers, built by dbt, scored against the truth.

One module-scoped build on generated data serves the accuracy assertions; the stable-id tests
build an earlier extract, then the full data, then the full data again.
"""

from __future__ import annotations

import pytest

from builds import build, generate, query, truncate_raw
from scv.evaluate import evaluate
from scv.project import run_dbt

pytestmark = pytest.mark.slow

PERSONS = 1500
SEED = 11


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("generated"), persons=PERSONS, seed=SEED)


@pytest.fixture(scope="module")
def full_build(generated, tmp_path_factory):
    work = tmp_path_factory.mktemp("full_build")
    # identity_build_sql_components also builds the portable SQL components, and the singular
    # test assert_python_and_sql_components_agree compares them with the Python model's.
    database = build(generated / "raw", work, extra_vars={"identity_build_sql_components": True})
    return database


@pytest.fixture(scope="module")
def scores(full_build, generated):
    return evaluate(full_build, generated / "truth")


def test_every_person_bearing_record_is_in_the_crosswalk(scores):
    identity = scores["identity"]
    assert identity["status"] == "ok"
    assert identity["records_missing_from_crosswalk"] == 0


def test_pairwise_precision_is_at_least_0_999(scores):
    assert scores["identity"]["pairwise"]["precision"] >= 0.999, scores["identity"]


def test_no_trap_pair_is_merged(scores):
    traps = scores["traps"]
    assert traps["status"] == "ok"
    assert traps["pairs_merged"] == 0, traps["by_type"]


def test_largest_customer_is_no_bigger_than_the_largest_person(scores):
    identity = scores["identity"]
    assert identity["largest_predicted_cluster"] <= identity["largest_true_person"]


def test_sql_and_python_components_were_both_built(full_build):
    rows = query(
        full_build,
        "select count(*) from information_schema.tables "
        "where table_name in ('int_identity_components_sql', 'int_identity_components_python')",
    )
    assert rows == [(2,)]


def _explain(database, tmp_path, left: str, right: str) -> str:
    result = run_dbt(
        [
            "run-operation",
            "explain_customer_link",
            "--args",
            f'{{left: "{left}", right: "{right}"}}',
        ],
        duckdb_path=database,
        target_path=tmp_path / "target",
    )
    return result.stdout


def test_explain_customer_link_shows_the_path_or_says_why_not(full_build, tmp_path):
    customers = query(
        full_build,
        "select customer_id, list(source_table || ':' || source_record_id order by source_table,"
        " source_record_id) from marts.customer_crosswalk where customer_id is not null"
        " group by customer_id having count(*) >= 2 order by customer_id limit 2",
    )
    (_, first), (_, second) = customers
    linked = _explain(full_build, tmp_path, first[0], first[-1])
    assert "Linked in" in linked
    assert first[0] in linked and first[-1] in linked
    unlinked = _explain(full_build, tmp_path, first[0], second[0])
    assert "are not the same customer" in unlinked
    missing = _explain(full_build, tmp_path, first[0], "crm_contacts:NO-SUCH-ID")
    assert "No record crm_contacts:NO-SUCH-ID in this build" in missing


def test_find_customer_reads_what_a_person_types(full_build, tmp_path):
    customer_id, email = query(
        full_build,
        "select customer_id, identifier_value from marts.customer_identifiers"
        " where identifier_type = 'email' and identifier_value is not null"
        " order by customer_id limit 1",
    )[0]
    local, domain = email.split("@")
    typed = f"  {local.upper()}+newsletter@{domain.upper()} "
    result = run_dbt(
        ["run-operation", "find_customer", "--args", f'{{value: "{typed}"}}'],
        duckdb_path=full_build,
        target_path=tmp_path / "target",
    )
    assert f"{customer_id} " in result.stdout
    assert f"(email {email})" in result.stdout
    nobody = run_dbt(
        ["run-operation", "find_customer", "--args", '{value: "nobody.at.all@nowhere.invalid"}'],
        duckdb_path=full_build,
        target_path=tmp_path / "target",
    )
    assert "No customer holds nobody.at.all@nowhere.invalid" in nobody.stdout


def test_a_run_ends_with_a_summary_of_rows_customers_and_queues(full_build, generated, tmp_path):
    result = run_dbt(
        ["run", "--select", "customer_segments"],
        duckdb_path=full_build,
        target_path=tmp_path / "target",
        dbt_vars={"raw_dir": str(generated / "raw"), "as_of_date": "2026-06-30"},
    )
    customers = query(full_build, "select count(*) from marts.dim_customer")[0][0]
    raw_rows = query(
        full_build, "select sum(raw_row_count) from intermediate.int_source_row_counts_reconciled"
    )[0][0]
    assert "Run summary:" in result.stdout
    assert f"raw rows {raw_rows}, staged " in result.stdout
    assert f"customers {customers}; id changes this run: none" in result.stdout
    assert "review queue " in result.stdout


@pytest.fixture(scope="module")
def incremental_builds(generated, tmp_path_factory):
    """Build an earlier extract (80% of every file), the full data, then the full data again."""
    work = tmp_path_factory.mktemp("incremental")
    earlier_raw = truncate_raw(generated / "raw", work / "earlier_raw", keep_fraction=0.8)
    snapshots = {}
    steps = [
        ("earlier", earlier_raw, "build"),
        ("full", generated / "raw", "run"),
        ("again", generated / "raw", "run"),
    ]
    for step, raw, command in steps:
        database = build(raw, work, command=command)
        snapshots[step] = dict(
            query(database, "select record_key, customer_id from intermediate.customer_id_registry")
        )
        snapshots[step + "_history"] = query(
            database,
            "select change_type, customer_id, related_customer_id, invocation_id "
            "from intermediate.customer_id_history",
        )
    return snapshots


def test_rebuilding_the_same_data_changes_no_id(incremental_builds):
    full, again = incremental_builds["full"], incremental_builds["again"]
    assert full == again
    new_changes = len(incremental_builds["again_history"]) - len(incremental_builds["full_history"])
    assert new_changes == 0


def test_adding_data_keeps_ids_unless_a_recorded_merge_or_split(incremental_builds):
    earlier, full = incremental_builds["earlier"], incremental_builds["full"]
    earlier_invocations = {row[3] for row in incremental_builds["earlier_history"]}
    changes = [
        row for row in incremental_builds["full_history"] if row[3] not in earlier_invocations
    ]
    merged_away = {row[1] for row in changes if row[0] == "merged"}
    split_from = {row[2] for row in changes if row[0] == "split"}
    released_from = {row[1] for row in changes if row[0] == "released"}
    moved = {(row[1], row[2]) for row in changes if row[0] == "moved"}
    changed = [
        (record, old_id, full.get(record))
        for record, old_id in earlier.items()
        if old_id is not None and full.get(record) != old_id
    ]
    unexplained = [
        (record, old_id, new_id)
        for record, old_id, new_id in changed
        if not (
            old_id in merged_away
            or old_id in split_from
            or (new_id is None and old_id in released_from)
            or (old_id, new_id) in moved
        )
    ]
    assert unexplained == []
    # The generated traps and noise make merges likely when 20% more rows arrive;
    # the history must show them.
    assert len(changed) == 0 or changes


def test_merged_ids_survive_as_the_older_id(incremental_builds):
    full = incremental_builds["full"]
    surviving_ids = set(full.values())
    for change_type, customer_id, related_id, _ in incremental_builds["full_history"]:
        if change_type == "merged":
            assert customer_id not in surviving_ids
            assert related_id in surviving_ids


def test_every_earlier_id_survives_or_is_recorded_as_merged_or_retired(incremental_builds):
    earlier_ids = {i for i in incremental_builds["earlier"].values() if i is not None}
    full_ids = {i for i in incremental_builds["full"].values() if i is not None}
    earlier_invocations = {row[3] for row in incremental_builds["earlier_history"]}
    ended = {
        row[1]
        for row in incremental_builds["full_history"]
        if row[3] not in earlier_invocations and row[0] in ("merged", "retired")
    }
    assert earlier_ids - full_ids - ended == set()
