"""End to end: identifier columns a source system filled with junk or with one value.

Generated people with known answers, then three raw columns spoiled the way real extracts
spoil them: every web event's device id is a placeholder, every shop account carries the
web shop's own phone number, every loyalty member the store's email. The build must stay
green (its data tests included), the spoiled values must show with their reason, and no
stranger may be merged through them.
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
    return generated, raw, rows


@pytest.fixture(scope="module")
def warehouse(spoiled, tmp_path_factory):
    # `dbt build` raises on any failed model or data test (the row accounting test included).
    return build(spoiled[1], tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="module")
def scores(warehouse, spoiled):
    return evaluate(warehouse, spoiled[0] / "truth")


def test_every_junk_device_id_is_blocked_with_its_reason(warehouse, spoiled):
    [(identifiers, blocked, without_reason)] = query(
        warehouse,
        "select count(*), count(*) filter (where blocked_reason is not null),"
        " count(*) filter (where blocked_reason is null)"
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
