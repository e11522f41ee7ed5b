"""Write external data sets as the raw contract's CSV tables (../shared/CONTRACT.md).

A mapping fills the tables it has data for; every other contract table is written header-only
(the contract allows zero rows). Truth is `truth/record_persons.csv` (source_table,
source_record_id, person_id), as the generator writes it. Values are written as text.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

# The ten contract tables and their columns, in order.
TABLE_HEADERS: dict[str, list[str]] = {
    "crm_contacts": [
        "contact_id",
        "first_name",
        "last_name",
        "email",
        "phone",
        "birth_date",
        "gender",
        "street",
        "city",
        "postal_code",
        "country",
        "created_at",
        "updated_at",
        "is_deleted",
    ],
    "shop_customers": [
        "customer_id",
        "email",
        "first_name",
        "last_name",
        "phone",
        "address_line1",
        "city",
        "zip",
        "country_code",
        "accepts_email_marketing",
        "created_at",
        "updated_at",
    ],
    "shop_orders": [
        "order_id",
        "customer_id",
        "email",
        "phone",
        "billing_first_name",
        "billing_last_name",
        "billing_address_line1",
        "billing_city",
        "billing_zip",
        "billing_country_code",
        "ordered_at",
        "currency",
        "total_amount",
        "status",
    ],
    "shop_order_lines": [
        "order_id",
        "line_number",
        "sku",
        "product_category",
        "quantity",
        "unit_price",
    ],
    "pos_transactions": [
        "transaction_id",
        "store_id",
        "loyalty_card_number",
        "payment_token",
        "transacted_at",
        "currency",
        "amount",
    ],
    "loyalty_members": [
        "card_number",
        "full_name",
        "email",
        "phone",
        "birth_date",
        "signup_store",
        "signup_date",
        "marketing_opt_in",
    ],
    "web_events": [
        "event_id",
        "occurred_at",
        "anonymous_id",
        "user_id",
        "device_id",
        "event_type",
        "email",
        "order_id",
        "page_url",
    ],
    "support_tickets": [
        "ticket_id",
        "requester_email",
        "requester_phone",
        "requester_name",
        "channel",
        "created_at",
        "solved_at",
        "status",
        "satisfaction",
    ],
    "consent_events": [
        "consent_event_id",
        "subject_type",
        "subject_value",
        "purpose",
        "status",
        "source_system",
        "captured_at",
        "policy_version",
    ],
    "erasure_requests": ["request_id", "subject_type", "subject_value", "requested_at"],
}

TRUTH_COLUMNS = ["source_table", "source_record_id", "person_id"]


def text(value) -> str:
    """A source value as text: '' for NaN/None/NA, whitespace trimmed."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def write_dataset(
    out_dir: Path | str, tables: dict[str, pd.DataFrame], truth: pd.DataFrame
) -> tuple[Path, Path]:
    """Write out_dir/raw/<table>.csv for all ten tables and out_dir/truth/record_persons.csv."""
    unknown = set(tables) - set(TABLE_HEADERS)
    if unknown:
        raise ValueError(f"not contract tables: {sorted(unknown)}")
    out = Path(out_dir)
    raw, truth_dir = out / "raw", out / "truth"
    raw.mkdir(parents=True, exist_ok=True)
    truth_dir.mkdir(parents=True, exist_ok=True)
    for table, header in TABLE_HEADERS.items():
        path = raw / f"{table}.csv"
        if table in tables:
            frame = tables[table]
            if list(frame.columns) != header:
                raise ValueError(f"{table}: columns {list(frame.columns)} are not {header}")
            frame.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        else:
            with path.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle, lineterminator="\n").writerow(header)
    truth[TRUTH_COLUMNS].to_csv(truth_dir / "record_persons.csv", index=False, lineterminator="\n")
    return raw, truth_dir
