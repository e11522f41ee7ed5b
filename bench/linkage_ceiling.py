"""The best pairwise recall any linker can reach without linking on names alone.

    .venv/bin/python bench/linkage_ceiling.py --duckdb W/warehouse.duckdb --truth W/truth
        [--person-records]

An oracle that knows every record's person joins, within each person only, every two records
that share any evidence other than a name: an identifier that is not a blocked placeholder
(email, phone, loyalty card, payment token, cookie, device, account or contact id), the
email's local part (a mistyped domain), the phone's last 7 digits (another format), the
birth date, the street with its postcode. Knowing the person, it never merges the family
sharing an email; what it cannot join is a record that shares nothing but a name (or nothing
at all) with the rest of its person. Its recall (precision is 1) bounds every linker that does
not link namesakes: full names alone are no evidence on the generated data (most full names
carried by two customers are two people). `--person-records` keeps the records the Splink
side by side scores (CRM, shop accounts, orders, loyalty, tickets).

It also prints how often a full name carried by exactly two customers is one person: the
evidence a name alone would give.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb
import pandas as pd

from scv.evaluate.metrics import pairwise_scores
from scv.identity.clustering import connected_components

PERSON_RECORD_TABLES = (
    "crm_contacts",
    "shop_customers",
    "shop_orders",
    "loyalty_members",
    "support_tickets",
)

EVIDENCE_SQL = """
with records as (
    select records.*, truth.person_id
    from intermediate.int_source_records as records
    inner join truth using (source_table, source_record_id)
    where truth.person_id is not null {table_filter}
)
select record_key, person_id, null as evidence from records
union all
select records.record_key, records.person_id, identifiers.identifier_key
from records
inner join intermediate.int_identifiers_unioned as identifiers using (record_key)
where identifiers.blocked_reason is null
union all
select record_key, person_id, 'email local part:' || split_part(email_match_key, '@', 1)
from records where email_match_key is not null
union all
select record_key, person_id, 'phone last 7:' || right(phone_national_number, 7)
from records where phone_national_number is not null
union all
select record_key, person_id, 'birth date:' || cast(birth_date as varchar)
from records where birth_date is not null
union all
select record_key, person_id, 'address:' || street || '|' || postal_code_normalised
from records where street is not null and postal_code_normalised is not null
"""


def ceiling(evidence: pd.DataFrame) -> dict:
    """Pairwise scores of the oracle's clusters against the persons.

    `evidence` has one row per (record_key, person_id, evidence) fact; a record with no
    evidence appears with evidence NULL. Two records of one person sharing an evidence value
    are joined; records of different persons never are.
    """
    facts = evidence.dropna(subset=["evidence"])
    hubs = facts.assign(hub=facts["person_id"].astype(str) + "\x1f" + facts["evidence"].astype(str))
    components = connected_components(
        hubs.rename(columns={"record_key": "left_node", "hub": "right_node"}),
        nodes=evidence["record_key"],
    )
    records = evidence.drop_duplicates("record_key")[["record_key", "person_id"]]
    labelled = records.merge(components, left_on="record_key", right_on="node_id")
    return pairwise_scores(
        labelled["person_id"].to_numpy(), labelled["component_id"].to_numpy()
    ) | {"records": len(labelled)}


NAMES_SQL = """
select distinct
    crosswalk.customer_id,
    truth.person_id,
    records.first_name_canonical || ' ' || records.last_name_normalised as full_name
from marts.customer_crosswalk as crosswalk
inner join truth using (source_table, source_record_id)
inner join intermediate.int_source_records as records using (source_table, source_record_id)
where
    truth.person_id is not null
    and crosswalk.customer_id is not null
    and length(records.first_name_normalised) > 1
    and records.last_name_normalised is not null
"""


def two_customer_names(names: pd.DataFrame) -> dict:
    """Of the full names carried by exactly two customers, how many are one person.

    `names` has one row per (customer_id, person_id, full_name) seen on a record; a
    customer is taken to be the person most of its rows belong to.
    """
    customer_person = (
        names.groupby(["customer_id", "person_id"])
        .size()
        .rename("records")
        .reset_index()
        .sort_values(["customer_id", "records", "person_id"], ascending=[True, False, True])
        .drop_duplicates("customer_id")
        .set_index("customer_id")["person_id"]
    )
    by_name = names.drop_duplicates(["full_name", "customer_id"])
    pairs = by_name.groupby("full_name")["customer_id"].agg(list)
    pairs = pairs[pairs.map(len) == 2]
    same = sum(customer_person[a] == customer_person[b] for a, b in pairs)
    return {"names": len(pairs), "one_person": int(same)}


def read_evidence(duckdb_path: Path, truth_dir: Path, person_records: bool) -> pd.DataFrame:
    truth = pd.read_csv(truth_dir / "record_persons.csv", dtype=str)
    table_filter = ""
    if person_records:
        tables = ", ".join(f"'{table}'" for table in PERSON_RECORD_TABLES)
        table_filter = f"and records.source_table in ({tables})"
    with duckdb.connect(str(duckdb_path), read_only=True) as connection:
        connection.register("truth", truth)
        return connection.execute(EVIDENCE_SQL.format(table_filter=table_filter)).df()


def read_names(duckdb_path: Path, truth_dir: Path) -> pd.DataFrame:
    truth = pd.read_csv(truth_dir / "record_persons.csv", dtype=str)
    with duckdb.connect(str(duckdb_path), read_only=True) as connection:
        connection.register("truth", truth)
        return connection.execute(NAMES_SQL).df()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duckdb", required=True, type=Path, help="a built warehouse")
    parser.add_argument("--truth", required=True, type=Path, help="the generator's truth dir")
    parser.add_argument("--person-records", action="store_true")
    args = parser.parse_args(argv)
    scores = ceiling(read_evidence(args.duckdb, args.truth, args.person_records))
    recall = scores["recall"]
    f1 = 2 * recall / (1 + recall) if recall else 0.0
    print(
        f"records {scores['records']:,}; true pairs {scores['true_pairs']:,}; pairs joined by "
        f"evidence other than a name {scores['true_positive_pairs']:,}\n"
        f"recall ceiling {recall:.4f}; F1 ceiling (precision 1) {f1:.4f}"
    )
    namesakes = two_customer_names(read_names(args.duckdb, args.truth))
    share = namesakes["one_person"] / namesakes["names"] if namesakes["names"] else 0.0
    print(
        f"full names carried by exactly two customers {namesakes['names']:,}; "
        f"one person {namesakes['one_person']:,} ({share:.1%})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
