"""End to end: households are households, never one person; a card is its holder.

Generated people with known answers, then records appended that household-aware linking
must get right, whatever the match weights say:
- a household of eight at one address, on one landline and one family email, each with
  their own first name and no birth date (CRM contacts, shop accounts, loyalty members):
  eight customers, one household;
- twins at one address on one landline with one birth date, each seen twice (a CRM
  contact and a loyalty card): two customers, each holding their own two records;
- a payment card paying with the loyalty cards of two people who are not one person
  (names and birth dates conflict), and on its own: the card is shared, neither member
  takes the other's sales, and its own sales are nobody's;
- a card never seen with a loyalty card: its sales are one customer (contract reading 12).
"""

from __future__ import annotations

import shutil

import pytest

from builds import build, generate, query
from test_identity_bad_input_e2e import append_rows

pytestmark = pytest.mark.slow

PERSONS = 300
SEED = 31
CREATED = {"created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"}
ADDRESS = {"street": "14 Orchard Lane", "city": "Leeds", "postal_code": "LS6 2AB", "country": "GB"}
LANDLINE = "0113 496 0417"
FAMILY_EMAIL = "home.orchard14@example.org"
FAMILY = ["Adaeze", "Chidi", "Ngozi", "Emeka", "Ifeoma", "Obinna", "Chioma", "Kelechi"]
TWINS = ["Liesel", "Greta"]
TWINS_ADDRESS = {"street": "7 Mill Road", "city": "York", "postal_code": "YO1 7HH", "country": "GB"}


def appended_records() -> dict[str, list[dict]]:
    crm = [
        {**CREATED, "contact_id": f"HH{i:03d}", "first_name": name, "last_name": "Okafor",
         "email": FAMILY_EMAIL, "phone": LANDLINE, "is_deleted": "false", **ADDRESS}
        for i, name in enumerate(FAMILY[:4])
    ]  # fmt: skip
    shop = [
        {**CREATED, "customer_id": f"HH{i:03d}", "first_name": name, "last_name": "Okafor",
         "email": FAMILY_EMAIL, "phone": LANDLINE, "address_line1": ADDRESS["street"],
         "city": ADDRESS["city"], "zip": ADDRESS["postal_code"], "country_code": "GB",
         "accepts_email_marketing": "false"}
        for i, name in enumerate(FAMILY[4:6], start=4)
    ]  # fmt: skip
    loyalty = [
        {"card_number": f"88000000000{i:02d}", "full_name": f"{name} Okafor",
         "email": FAMILY_EMAIL, "phone": LANDLINE, "signup_store": "GB001",
         "signup_date": "2023-05-01", "marketing_opt_in": ""}
        for i, name in enumerate(FAMILY[6:], start=6)
    ]  # fmt: skip
    crm += [
        {**CREATED, "contact_id": f"TW{i:03d}", "first_name": name, "last_name": "Vandermolen",
         "phone": "0190 461 0088", "birth_date": "1994-03-17", "is_deleted": "false",
         **TWINS_ADDRESS}
        for i, name in enumerate(TWINS)
    ]  # fmt: skip
    loyalty += [
        {"card_number": f"88100000000{i:02d}", "full_name": f"{name} Vandermolen",
         "phone": "0190 461 0088", "birth_date": "17/03/1994", "signup_store": "GB001",
         "signup_date": "2022-02-01", "marketing_opt_in": ""}
        for i, name in enumerate(TWINS)
    ]  # fmt: skip
    # Two members whose cards one payment card pays with; and a card nobody else ever saw.
    loyalty += [
        {"card_number": "8820000000001", "full_name": "Marta Quiroga",
         "email": "marta.quiroga@example.net", "birth_date": "01/02/1970",
         "signup_store": "GB001", "signup_date": "2021-01-01", "marketing_opt_in": ""},
        {"card_number": "8820000000002", "full_name": "Tomas Berrin",
         "email": "t.berrin@example.com", "birth_date": "05/05/1965",
         "signup_store": "GB001", "signup_date": "2021-01-01", "marketing_opt_in": ""},
    ]  # fmt: skip
    pos = []
    for i, card in enumerate(["8820000000001"] * 3 + ["8820000000002"] * 3 + [""] * 2):
        pos.append(
            {"transaction_id": f"TK{i:04d}", "store_id": "GB001", "loyalty_card_number": card,
             "payment_token": "tok_shared_by_two",
             "transacted_at": f"2026-0{1 + i % 5}-10 12:00:00",
             "currency": "GBP", "amount": "20.00"}
        )  # fmt: skip
    for i in range(3):
        pos.append(
            {"transaction_id": f"TC{i:04d}", "store_id": "GB001", "loyalty_card_number": "",
             "payment_token": "tok_only_ever_alone", "transacted_at": f"2026-0{2 + i}-11 09:30:00",
             "currency": "GBP", "amount": "15.00"}
        )  # fmt: skip
    return {
        "crm_contacts": crm,
        "shop_customers": shop,
        "loyalty_members": loyalty,
        "pos_transactions": pos,
    }


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    generated = generate(tmp_path_factory.mktemp("generated"), persons=PERSONS, seed=SEED)
    raw = tmp_path_factory.mktemp("households") / "raw"
    shutil.copytree(generated / "raw", raw)
    for table, rows in appended_records().items():
        append_rows(raw / f"{table}.csv", rows)
    # `dbt build` raises on any failed model or data test.
    return build(
        raw, tmp_path_factory.mktemp("build"), extra_args=["--exclude-resource-type", "unit_test"]
    )


def crosswalk(warehouse, condition: str) -> list[tuple]:
    return query(
        warehouse,
        "select source_table, source_record_id, customer_id from marts.customer_crosswalk"
        f" where {condition} order by source_table, source_record_id",
    )


def test_a_household_of_eight_is_eight_customers_and_one_household(warehouse):
    rows = crosswalk(
        warehouse,
        "(source_table in ('crm_contacts', 'shop_customers') and source_record_id like 'HH%')"
        " or (source_table = 'loyalty_members' and source_record_id like '88000000000%')",
    )
    assert len(rows) == len(FAMILY)
    customers = {customer for _, _, customer in rows}
    assert None not in customers and len(customers) == len(FAMILY), rows
    households = query(
        warehouse,
        "select distinct household_id from marts.dim_customer where customer_id in ("
        + ", ".join(f"'{customer}'" for customer in customers)
        + ")",
    )
    assert len(households) == 1 and households[0][0] is not None, households
    [(members,)] = query(
        warehouse,
        f"select member_count from marts.dim_household where household_id = '{households[0][0]}'",
    )
    assert members == len(FAMILY)


def test_twins_with_one_birth_date_and_address_are_two_customers(warehouse):
    rows = crosswalk(
        warehouse,
        "(source_table = 'crm_contacts' and source_record_id like 'TW%')"
        " or (source_table = 'loyalty_members' and source_record_id like '88100000000%')",
    )
    by_twin = {
        twin: {
            customer
            for table, key, customer in rows
            if key.endswith(f"{i:02d}") or key == f"TW{i:03d}"
        }
        for i, twin in enumerate(TWINS)
    }
    assert all(len(customers) == 1 and None not in customers for customers in by_twin.values()), (
        rows
    )
    assert by_twin["Liesel"] != by_twin["Greta"], rows


def test_a_card_paying_for_two_people_is_shared_and_merges_neither(warehouse):
    members = dict(
        (key, customer)
        for _, key, customer in crosswalk(
            warehouse,
            "source_table = 'loyalty_members'"
            " and source_record_id in ('8820000000001', '8820000000002')",
        )
    )
    assert len(set(members.values())) == 2 and None not in members.values(), members
    sales = crosswalk(
        warehouse, "source_table = 'pos_transactions' and source_record_id like 'TK%'"
    )
    by_card = {key: customer for _, key, customer in sales}
    assert {by_card[f"TK{i:04d}"] for i in range(3)} == {members["8820000000001"]}
    assert {by_card[f"TK{i:04d}"] for i in range(3, 6)} == {members["8820000000002"]}
    # The shared card's own sales identify nobody.
    assert by_card["TK0006"] is None and by_card["TK0007"] is None
    [(reason,)] = query(
        warehouse,
        "select shared_reason from intermediate.int_identifier_groups_profiled"
        " where identifier_key = 'payment_token:tok_shared_by_two'",
    ) or [(None,)]
    [(rejected,)] = query(
        warehouse,
        "select count(*) from intermediate.int_identity_edges"
        " where identifier_value = 'tok_shared_by_two' and not is_accepted"
        " and rejection_reason is not null",
    )
    assert reason or rejected, "the shared card is neither marked shared nor rejected with a reason"


def test_a_card_never_seen_with_a_loyalty_card_is_one_customer_with_its_purchases(warehouse):
    sales = crosswalk(
        warehouse, "source_table = 'pos_transactions' and source_record_id like 'TC%'"
    )
    customers = {customer for _, _, customer in sales}
    assert len(sales) == 3 and len(customers) == 1 and None not in customers, sales
    [customer] = customers
    [(frequency, personal)] = query(
        warehouse,
        "select segments.frequency, coalesce(customers.first_name, customers.email)"
        " from marts.customer_segments as segments"
        " inner join marts.dim_customer as customers using (customer_id)"
        f" where customer_id = '{customer}'",
    )
    assert frequency == 3 and personal is None
