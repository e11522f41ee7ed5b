"""End to end: identity resolution on spoiled extracts and records that defeat matching.

Generated people with known answers, then
- three raw columns spoiled the way real extracts spoil them: every web event's device id
  is a placeholder, every shop account carries the web shop's own phone number, every
  loyalty member the store's email;
- records appended that a linker must survive: 500 CRM contacts and 500 tickets named John
  Smith with nothing else, contacts named "J S", contacts and tickets with every field but
  the key empty, 200 Maria Garcias with their own emails and birth dates.
The build must stay green (its data tests included), the spoiled values must show with their
reason, blocks too big to compare are capped and reported, and no stranger is merged.
"""

from __future__ import annotations

import csv
import shutil

import pytest

from builds import build, generate, query
from scv.evaluate import evaluate

pytestmark = pytest.mark.slow

PERSONS = 400
SEED = 23
PLACEHOLDER_DEVICE_IDS = ["unknown", "null", "-1", "0", "N/A", "----", "anonymous", "none"]
SHOP_PHONE = "+44 20 7946 0321"
STORE_EMAIL = "members@store-mail.co.uk"


COMMON_NAMESAKES = 200
# A record with only a name (or nothing) is nobody in particular: each stays its own customer.
NAME_ONLY = {
    "crm_contacts": [
        ("X", 500, {"first_name": "John", "last_name": "Smith"}),
        ("L", 30, {"first_name": "J", "last_name": "S"}),
        ("E", 30, {}),
    ],
    "support_tickets": [
        ("9", 500, {"requester_name": "John Smith", "channel": "email", "status": "open"}),
        ("8", 30, {}),
    ],
}
CREATED = {"created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"}


def rewrite_column(path, column, values):
    """Set `column` of every row of the CSV at `path`, cycling through `values`."""
    with path.open(newline="", encoding="utf-8") as source:
        reader = csv.DictReader(source)
        header, rows = reader.fieldnames, list(reader)
    for index, row in enumerate(rows):
        row[column] = values[index % len(values)]
    with path.open("w", newline="", encoding="utf-8") as target:
        writer = csv.DictWriter(target, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def append_rows(path, rows):
    with path.open(newline="", encoding="utf-8") as source:
        header = next(csv.reader(source))
    with path.open("a", newline="", encoding="utf-8") as target:
        writer = csv.DictWriter(target, fieldnames=header, lineterminator="\n")
        writer.writerows({column: row.get(column, "") for column in header} for row in rows)


def appended_records():
    """Rows per raw table, keyed by an id prefix no generated record uses."""
    tables = {"crm_contacts": [], "support_tickets": []}
    for table, groups in NAME_ONLY.items():
        key = "contact_id" if table == "crm_contacts" else "ticket_id"
        for prefix, count, values in groups:
            tables[table] += [{key: f"{prefix}{i:05d}", **values} for i in range(count)]
    tables["crm_contacts"] = [
        {**CREATED, "is_deleted": "false", **row} if row.get("first_name") else row
        for row in tables["crm_contacts"]
    ]
    tables["crm_contacts"] += [
        {
            **CREATED,
            "contact_id": f"M{i:05d}",
            "first_name": "Maria",
            "last_name": "Garcia",
            "email": f"maria.garcia{i}@gmail.com",
            # (i % 40, i % 9) differs for every i < 360: no two share a birth date.
            "birth_date": f"19{60 + i % 40}-0{1 + i % 9}-1{i % 9}",
            "is_deleted": "false",
        }
        for i in range(COMMON_NAMESAKES)
    ]
    return tables


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory):
    generated = generate(tmp_path_factory.mktemp("generated"), persons=PERSONS, seed=SEED)
    raw = tmp_path_factory.mktemp("spoiled") / "raw"
    shutil.copytree(generated / "raw", raw)
    rows = {
        "web_events": rewrite_column(raw / "web_events.csv", "device_id", PLACEHOLDER_DEVICE_IDS),
        "shop_customers": rewrite_column(raw / "shop_customers.csv", "phone", [SHOP_PHONE]),
        "loyalty_members": rewrite_column(raw / "loyalty_members.csv", "email", [STORE_EMAIL]),
    }
    assert min(rows.values()) > 20, rows  # enough rows for the sharing to matter
    for table, records in appended_records().items():
        append_rows(raw / f"{table}.csv", records)
    return generated, raw, rows


@pytest.fixture(scope="module")
def warehouse(spoiled, tmp_path_factory):
    # `dbt build` raises on any failed model or data test (the row accounting test included).
    return build(spoiled[1], tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="module")
def scores(warehouse, spoiled):
    return evaluate(warehouse, spoiled[0] / "truth")


def test_every_junk_device_id_is_blocked_with_its_reason(warehouse):
    [(identifiers, without_reason)] = query(
        warehouse,
        "select count(*), count(*) filter (where blocked_reason is null)"
        " from intermediate.int_identifiers_unioned where identifier_type = 'device_id'",
    )
    # Staging may null a junk value out; what reaches the crosswalk of identifiers is blocked.
    assert without_reason == 0, f"{without_reason} of {identifiers} junk device ids link records"
    [(accepted,)] = query(
        warehouse,
        "select count(*) from intermediate.int_identity_edges"
        " where identifier_type = 'device_id' and is_accepted",
    )
    assert accepted == 0


# A phone is keyed by its national number: written with or without +44 it is one identifier.
@pytest.mark.parametrize(
    ("identifier_type", "value"), [("phone", "2079460321"), ("email", STORE_EMAIL)]
)
def test_one_value_on_every_row_is_shared_and_links_nothing(warehouse, identifier_type, value):
    [(shared_reason,)] = query(
        warehouse,
        "select shared_reason from intermediate.int_identifier_groups_profiled"
        f" where identifier_key = '{identifier_type}:{value}'",
    )
    assert shared_reason, f"{value} is on every row of a source but is not marked shared"
    [(edges, accepted, without_reason)] = query(
        warehouse,
        "select count(*), count(*) filter (where is_accepted),"
        " count(*) filter (where not is_accepted and rejection_reason is null)"
        " from intermediate.int_identity_edges"
        f" where identifier_type = '{identifier_type}' and identifier_value = '{value}'",
    )
    assert edges > 20 and accepted == 0 and without_reason == 0, (edges, accepted, without_reason)


def test_every_record_is_still_in_the_crosswalk(scores):
    assert scores["identity"]["status"] == "ok"
    assert scores["identity"]["records_missing_from_crosswalk"] == 0


def test_shared_values_merge_no_strangers(scores):
    identity = scores["identity"]
    assert identity["pairwise"]["precision"] >= 0.999, identity
    assert identity["largest_predicted_cluster"] <= identity["largest_true_person"]
    assert scores["traps"]["pairs_merged"] == 0, scores["traps"]["by_type"]


def customers_of(warehouse, source_table, prefix):
    """(records, distinct customers, records without a customer) of the appended records."""
    [counts] = query(
        warehouse,
        "select count(*), count(distinct customer_id), count(*) - count(customer_id)"
        " from marts.customer_crosswalk"
        f" where source_table = '{source_table}' and source_record_id like '{prefix}%'"
        f" and length(source_record_id) = {len(prefix) + 5}",
    )
    return counts


@pytest.mark.parametrize(
    ("source_table", "prefix", "count"),
    [(table, prefix, count) for table, groups in NAME_ONLY.items() for prefix, count, _ in groups],
)
def test_name_only_and_empty_records_each_stay_their_own_customer(
    warehouse, source_table, prefix, count
):
    assert customers_of(warehouse, source_table, prefix) == (count, count, 0)


def test_namesakes_with_their_own_emails_and_birth_dates_are_not_merged(warehouse):
    assert customers_of(warehouse, "crm_contacts", "M") == (
        COMMON_NAMESAKES,
        COMMON_NAMESAKES,
        0,
    )


def test_a_block_too_big_to_compare_is_capped_reported_and_not_compared(warehouse):
    [(largest_block, capped_blocks, uncapped_over_limit)] = query(
        warehouse,
        "select max(profile_count), count(*) filter (where is_capped),"
        " count(*) filter (where not is_capped and profile_count > 200)"
        " from intermediate.int_match_blocks",
    )
    assert largest_block >= COMMON_NAMESAKES and capped_blocks >= 1
    assert uncapped_over_limit == 0
    # Their name block would give 19,900 pairs; surname + birth year blocks (about five
    # Garcias a year over 40 years) give 400.
    [(garcia_pairs,)] = query(
        warehouse,
        "with garcias as ("
        "  select distinct profile_key from intermediate.int_match_profile_records"
        "  where record_key like 'crm_contacts:M%')"
        " select count(*) from intermediate.int_match_candidate_pairs"
        " where left_profile_key in (select profile_key from garcias)"
        " and right_profile_key in (select profile_key from garcias)",
    )
    assert garcia_pairs <= 2 * COMMON_NAMESAKES, garcia_pairs
