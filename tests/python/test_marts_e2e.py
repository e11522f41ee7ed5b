"""End to end for the published marts: generated people with known answers, built twice by dbt
(an earlier as_of_date, then the generator's), scored against the truth with `scv.evaluate`.

The first build happens before the erasure requests are dated, so the dim_customer snapshot
and the segment history hold a version of every later-erased person; the second build must
scrub them. While the second build runs, another process holds the first build's published
marts open and reads them (a BI tool): neither may break the other.

Bad input the contract promises to survive is added to the raw files (a consent
signal on a subject nobody holds, one dated after as_of_date, an erasure request for an
unknown email): the build stays green and the review models list each with its reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from builds import AS_OF_DATE, build, generate, query
from scv.evaluate import evaluate
from scv.project import run_dbt

pytestmark = pytest.mark.slow

PERSONS = 600
SEED = 23

UNKNOWN_SUBJECT_EVENT = "CE_MARTS_UNKNOWN_SUBJECT"
FUTURE_EVENT = "CE_MARTS_FUTURE"
UNKNOWN_ERASURE = "ER_MARTS_UNKNOWN_EMAIL"


def _append_rows(path, rows: list[dict]) -> None:
    with path.open(newline="", encoding="utf-8") as source:
        header = next(csv.reader(source))
    with path.open("a", newline="", encoding="utf-8") as target:
        writer = csv.DictWriter(target, fieldnames=header, lineterminator="\n")
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in header})


def _earliest_erasure_date(raw_dir) -> dt.date:
    with (raw_dir / "erasure_requests.csv").open(newline="", encoding="utf-8") as source:
        dates = [
            dt.date.fromisoformat(row["requested_at"][:10])
            for row in csv.DictReader(source)
            if row.get("requested_at", "")[:4].isdigit()
        ]
    return min(dates) if dates else dt.date.fromisoformat(AS_OF_DATE)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("marts_generated"), persons=PERSONS, seed=SEED)


@pytest.fixture(scope="module")
def raw_dir(generated, tmp_path_factory):
    """The generated raw files plus the bad input of the contract's promise."""
    raw = tmp_path_factory.mktemp("marts_raw") / "raw"
    shutil.copytree(generated / "raw", raw)
    _append_rows(raw / "consent_events.csv", [
        {"consent_event_id": UNKNOWN_SUBJECT_EVENT, "subject_type": "email",
         "subject_value": "zz.marts.nobody.7731@gmail.com", "purpose": "profiling",
         "status": "granted", "source_system": "preference_center",
         "captured_at": "2025-01-01T00:00:00Z", "policy_version": "v1"},
        {"consent_event_id": FUTURE_EVENT, "subject_type": "email",
         "subject_value": "zz.marts.nobody.7731@gmail.com", "purpose": "email_marketing",
         "status": "granted", "source_system": "preference_center",
         "captured_at": "2030-01-01T00:00:00Z", "policy_version": "v1"},
    ])  # fmt: skip
    _append_rows(raw / "erasure_requests.csv", [
        {"request_id": UNKNOWN_ERASURE, "subject_type": "email",
         "subject_value": "zz.marts.never.seen.4419@gmail.com",
         "requested_at": "2025-02-02T00:00:00Z"},
    ])  # fmt: skip
    return raw


@pytest.fixture(scope="module")
def history_as_of(generated) -> str:
    return (_earliest_erasure_date(generated / "raw") - dt.timedelta(days=1)).isoformat()


@pytest.fixture(scope="module")
def built(raw_dir, history_as_of, tmp_path_factory):
    """One warehouse built at an earlier as_of_date, then at the generator's.

    The second build runs while two reader processes read the published marts, one through a
    connection it holds open, one reconnecting for every read; returns the database, its
    compiled target folder, each reader's reads and the second build's start and end.
    """
    work = tmp_path_factory.mktemp("marts_build")
    build(raw_dir, work, extra_vars={"as_of_date": history_as_of})
    # What an interrupted publish leaves behind: the next publish must start it again.
    (_published_dir(work) / "scv_marts.duckdb.publishing").write_bytes(b"half a file")
    stop_file = work / "stop_reading"
    catalog = _published_dir(work) / "scv_marts.duckdb"
    readers = {
        mode: subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).with_name("published_reader.py")),
                str(catalog),
                str(work / f"reads_{mode}.jsonl"),
                str(stop_file),
                mode,
            ],
        )
        for mode in ("held", "fresh")
    }
    try:
        time.sleep(2)
        started = time.time()
        database = build(raw_dir, work)
        finished = time.time()
        time.sleep(2)
    finally:
        stop_file.touch()
        for reader in readers.values():
            reader.wait(timeout=60)
    reads = {
        mode: [json.loads(line) for line in (work / f"reads_{mode}.jsonl").read_text().splitlines()]
        for mode in readers
    }
    return {"database": database, "work": work, "reads": reads, "build_window": (started, finished)}


def _published_dir(work: Path) -> Path:
    """Where the hook publishes the warehouse.duckdb that `builds.build` makes (no publish_dir)."""
    return work / "warehouse_published"


@pytest.fixture(scope="module")
def warehouse(built):
    return built["database"]


@pytest.fixture(scope="module")
def scores(warehouse, generated):
    return evaluate(warehouse, generated / "truth")


def test_consent_never_grants_what_the_truth_does_not(scores):
    assert scores["consent"]["status"] == "ok"
    assert scores["consent"]["granted_where_not_granted"] == 0


def test_consent_status_matches_the_truth(scores):
    assert scores["consent"]["rows_missing_from_mart"] == 0
    # Measured 0.9958 (600 persons, seed 23, the truth of contract reading 12), rounded down;
    # the misses are on persons split or merged (the next test).
    assert scores["consent"]["accuracy"] >= 0.995, scores["consent"]["by_purpose"]


def test_consent_of_correctly_resolved_persons_matches_the_truth(scores):
    # The remaining misses are on persons split or merged by identity resolution.
    resolved = scores["consent"]["correctly_resolved_persons"]
    assert resolved["accuracy"] >= 0.999, resolved
    assert resolved["granted_where_not_granted"] == 0, resolved


def test_rfm_matches_the_truth(scores):
    rfm = scores["rfm"]
    assert rfm["persons_missing_from_segments"] == 0
    assert rfm["share_all_fields_match"] >= 0.98, rfm["examples"]


def test_golden_values_match_the_truth(scores):
    attributes = scores["golden"]["attributes"]
    assert scores["golden"]["persons_missing_from_dim_customer"] == 0
    # The measured figures (600 persons, seed 23), rounded down; first names 0.9935 since
    # household-aware linking (a split person is judged through part of their records).
    floors = {
        "first_name": 0.993,
        "last_name": 0.99,
        "email": 0.992,
        "phone": 0.997,
        "birth_date": 1.0,
        "postal_code": 1.0,
        "country_code": 1.0,
    }
    for attribute, floor in floors.items():
        assert attributes[attribute]["accuracy"] >= floor, (attribute, attributes[attribute])


def test_erased_people_are_flagged_and_blank(scores):
    erasure = scores["erasure"]
    assert erasure["erased_persons_with_customer"] > 0
    # A payment card's customer that nothing ties to the person holds nothing of theirs to erase.
    assert erasure["dim_customer"]["persons_failing_through_describing_records"] == 0, erasure[
        "dim_customer"
    ]


def test_no_erased_identifier_is_left_in_marts_or_snapshot(scores, warehouse):
    leak_scan = scores["erasure"]["leak_scan"]
    assert "snapshots" in leak_scan["schemas_scanned"]
    assert leak_scan["leaking_rows"] == 0, leak_scan["leaking_columns"]
    # The first build saw them before their erasure: the snapshot did hold them, and was scrubbed.
    scrubbed_versions = query(
        warehouse,
        """
        select count(*)
        from snapshots.dim_customer_snapshot as snapshot
        inner join marts.dim_customer as customers on snapshot.customer_id = customers.customer_id
        where customers.is_erased and not snapshot.is_erased
    """,
    )[0][0]
    assert scrubbed_versions > 0


def test_bad_consent_input_is_listed_for_review(warehouse):
    reasons = dict(
        query(
            warehouse,
            f"""
        select source_record_id, review_reason
        from marts.review_consent_signals
        where source_record_id in ('{UNKNOWN_SUBJECT_EVENT}', '{FUTURE_EVENT}')
    """,
        )
    )
    assert reasons == {
        UNKNOWN_SUBJECT_EVENT: "no customer holds the subject identifier",
        FUTURE_EVENT: "captured after as_of_date",
    }


def test_erasure_request_for_an_unknown_email_is_listed_for_review(warehouse):
    rows = query(
        warehouse,
        f"""
        select review_reason, subject_hash is not null
        from marts.review_erasure_requests
        where erasure_request_id = '{UNKNOWN_ERASURE}'
    """,
    )
    assert rows == [("no customer holds the subject identifier", True)]


def test_segment_history_keeps_one_row_per_customer_and_date(warehouse, history_as_of):
    dates = dict(
        query(
            warehouse,
            """
        select cast(as_of_date as varchar), count(*) from marts.customer_segments_history group by 1
    """,
        )
    )
    assert set(dates) == {history_as_of, AS_OF_DATE}
    customers = query(warehouse, "select count(*) from marts.dim_customer")[0][0]
    assert dates[AS_OF_DATE] == customers


def test_a_reader_holding_the_published_marts_open_neither_blocks_nor_breaks_a_build(
    built, history_as_of
):
    held, fresh = built["reads"]["held"], built["reads"]["fresh"]
    assert [read for read in held + fresh if "error" in read] == []
    started, finished = built["build_window"]
    for reads in (held, fresh):
        assert sum(started <= read["at"] <= finished for read in reads) >= 10
    # The connection held open keeps the marts it opened, whole, through the publish...
    assert {tuple(read["as_of_dates"]) for read in held} == {(history_as_of,)}
    assert len({read["customers"] for read in held}) == 1
    # ...and one opened afresh saw the first build's marts, then the second's once published.
    assert fresh[0]["as_of_dates"] == [history_as_of]
    assert fresh[-1]["as_of_dates"] == [AS_OF_DATE]
    assert {tuple(read["as_of_dates"]) for read in fresh} == {(history_as_of,), (AS_OF_DATE,)}


def published_marts_differing(database: Path, catalog: Path) -> dict:
    """Rows differing (EXCEPT ALL both ways) between each warehouse mart and its published copy,
    by name; the published names that are tables, and any published views."""
    with duckdb.connect(str(database), read_only=True) as connection:
        connection.execute(f"attach '{catalog}' as published (read_only)")
        published = [
            row[0]
            for row in connection.execute(
                "select table_name from duckdb_tables() "
                "where database_name = 'published' and schema_name = 'marts' order by 1"
            ).fetchall()
        ]
        views = connection.execute(
            "select count(*) from duckdb_views() where database_name = 'published' and not internal"
        ).fetchone()[0]
        marts = [
            row[0]
            for row in connection.execute(
                "select table_name from duckdb_tables() "
                "where schema_name = 'marts' and database_name <> 'published' order by 1"
            ).fetchall()
        ]
        differing = {}
        for name in published:
            schema = "snapshots" if name == "dim_customer_snapshot" else "marts"
            differing[name] = connection.execute(f"""
                select count(*) from (
                    (select * from {schema}.{name} except all select * from published.marts.{name})
                    union all
                    (select * from published.marts.{name} except all select * from {schema}.{name})
                )
            """).fetchone()[0]  # fmt: skip
    return {"marts": marts, "published": published, "views": views, "differing": differing}


def test_published_marts_equal_the_warehouse_marts(built):
    published_dir = _published_dir(built["work"])
    result = published_marts_differing(built["database"], published_dir / "scv_marts.duckdb")
    assert set(result["marts"]) | {"dim_customer_snapshot"} == set(result["published"])
    assert result["differing"] == {name: 0 for name in result["published"]}
    assert not (published_dir / "scv_marts.duckdb.publishing").exists()


def test_the_published_copy_holds_what_operators_look_at(built):
    catalog = _published_dir(built["work"]) / "scv_marts.duckdb"
    operations = [
        "customer_id_history",
        "int_identity_overrides_reviewed",
        "int_identity_suspect_clusters",
        "int_match_pairs_for_review",
        "int_source_row_counts_reconciled",
        "int_source_rows_quarantined",
    ]
    with duckdb.connect(str(built["database"]), read_only=True) as connection:
        connection.execute(f"attach '{catalog}' as published (read_only)")
        published = [
            row[0]
            for row in connection.execute(
                "select table_name from duckdb_tables() where database_name = 'published' "
                "and schema_name = 'operations' order by 1"
            ).fetchall()
        ]
        assert published == operations
        for name in operations:
            ours, theirs = f"intermediate.{name}", f"published.operations.{name}"
            differing = connection.execute(f"""
                select count(*) from (
                    (select * from {ours} except all select * from {theirs})
                    union all
                    (select * from {theirs} except all select * from {ours})
                )
            """).fetchone()[0]  # fmt: skip
            assert differing == 0, name
        assert connection.execute(
            "select count(*) from published.operations.customer_id_history"
        ).fetchone()[0]


def test_the_published_folder_can_be_copied_to_another_host(built, tmp_path):
    copy = tmp_path / "bi_host" / "marts"
    shutil.copytree(_published_dir(built["work"]), copy)
    result = published_marts_differing(built["database"], copy / "scv_marts.duckdb")
    assert result["views"] == 0  # tables, no paths to files left behind
    assert result["differing"] == {name: 0 for name in result["published"]}


DUCKDB_1X_VERSION = "1.0.0"


@pytest.fixture(scope="module")
def duckdb_1x_python() -> Path:
    """A Python with DuckDB 1.0.0 (what BI drivers built on DuckDB 1.x are), in its own venv."""
    cache = Path.home() / ".cache" / "scv-tests" / f"duckdb-{DUCKDB_1X_VERSION}"
    python = cache / "bin" / "python"
    if not python.is_file():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(cache)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", f"duckdb=={DUCKDB_1X_VERSION}"],
            check=True,
        )
    return python


def test_a_duckdb_1x_client_reads_the_published_marts(built, duckdb_1x_python):
    catalog = _published_dir(built["work"]) / "scv_marts.duckdb"
    script = (
        "import duckdb, json, sys\n"
        "c = duckdb.connect(sys.argv[1], read_only=True)\n"
        'names = [r[0] for r in c.execute("select table_name from duckdb_tables() '
        "where schema_name = 'marts' order by 1\").fetchall()]\n"
        "print(json.dumps({'version': duckdb.__version__, 'rows': {n: c.execute("
        "f'select count(*) from marts.{n}').fetchone()[0] for n in names}}))\n"
    )
    result = subprocess.run(
        [str(duckdb_1x_python), "-c", script, str(catalog)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    assert read["version"] == DUCKDB_1X_VERSION
    with duckdb.connect(str(built["database"]), read_only=True) as connection:
        expected = {
            name: connection.execute(f"select count(*) from marts.{name}").fetchone()[0]
            for name in read["rows"]
            if name != "dim_customer_snapshot"
        }
    assert expected and {name: read["rows"][name] for name in expected} == expected
    assert read["rows"]["dim_customer"] > 0


def test_audience_exports_take_erased_customers_out_and_match_the_log(built):
    database, exports = built["database"], built["work"] / "warehouse_exports"
    log = query(
        database,
        "select audience, customer_id, change_type, coalesce(hashed_email, hashed_phone), "
        "strftime(exported_at, '%Y%m%dT%H%M%S') from marts.activation_audience_changes",
    )
    first, second = sorted({row[4] for row in log})  # the two builds, each exported
    erased = {
        row[0]
        for row in query(database, "select customer_id from marts.dim_customer where is_erased")
    }
    exported_then_erased = {
        (audience, hashed)
        for audience, customer, change, hashed, run in log
        if run == first and change == "add" and customer in erased
    }
    removed_next = {
        (audience, hashed)
        for audience, customer, change, hashed, run in log
        if run == second and change == "remove"
    }
    assert exported_then_erased and exported_then_erased <= removed_next
    assert not [row for row in log if row[4] == second and row[2] == "add" and row[1] in erased]
    # Each run's upload files hold exactly that run's rows of the log, under the platform's column.
    for audience, column in (("email_marketing", "Email"), ("sms_marketing", "Phone")):
        for run in (first, second):
            for change in ("add", "remove"):
                expected = sorted(
                    row[3]
                    for row in log
                    if row[0] == audience and row[4] == run and row[2] == change
                )
                path = exports / audience / f"{run}_{change}s.csv"
                if not expected:
                    assert not path.exists()
                    continue
                with path.open(newline="") as upload:
                    rows = list(csv.reader(upload))
                assert rows[0] == [column]
                assert sorted(row[0] for row in rows[1:]) == expected
                assert all(len(row[0]) == 64 for row in rows[1:])


def test_a_failed_build_publishes_nothing(built, raw_dir):
    record = _published_dir(built["work"]) / "publication_0.csv"
    before = record.read_text()
    failed = run_dbt(
        ["build", "--select", "assert_no_customer_exceeds_max_cluster_records"],
        duckdb_path=built["database"],
        target_path=built["work"] / "target",
        dbt_vars={
            "raw_dir": str(raw_dir),
            "as_of_date": AS_OF_DATE,
            "identity_max_cluster_records": 1,
        },
        check=False,
    )
    assert failed.returncode != 0
    assert "Marts not published" in failed.stdout
    assert record.read_text() == before
