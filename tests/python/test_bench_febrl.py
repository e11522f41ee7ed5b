"""The FEBRL3 mapping of bench/febrl.py on hand-made rows (no download, no Splink)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import febrl  # noqa: E402


def febrl_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows in FEBRL's shape (as load_febrl3 returns them: indexed by rec_id, NaN when empty)."""
    columns = [
        "rec_id",
        "given_name",
        "surname",
        "street_number",
        "address_1",
        "address_2",
        "suburb",
        "postcode",
        "state",
        "date_of_birth",
        "soc_sec_id",
    ]
    frame = pd.DataFrame([{column: row.get(column, np.nan) for column in columns} for row in rows])
    return frame.set_index("rec_id")


ROWS = [
    {
        "rec_id": "rec-1496-org",
        "given_name": "mitchell",
        "surname": "green",
        "street_number": "7",
        "address_1": "wallaby place",
        "address_2": "delmar",
        "suburb": "cleveland",
        "postcode": "2119",
        "state": "sa",
        "date_of_birth": "19560409",
        "soc_sec_id": "1804974",
    },
    {
        "rec_id": "rec-1496-dup-0",
        "given_name": "mitchell",
        "surname": "grene",
        "address_1": "wallaby place",
        "suburb": "cleveland",
        "postcode": "2119",
        "date_of_birth": "19561309",
        "soc_sec_id": "1804974",
    },
    {
        "rec_id": "rec-12-dup-3",
        "surname": "o'brien",
        "street_number": "12",
        "address_1": "main road",
        "postcode": "0800",
        "date_of_birth": "1956040",
    },
]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("19560409", "1956-04-09"),
        ("20000229", "2000-02-29"),
        ("19000229", ""),
        ("19561309", ""),
        ("19560431", ""),
        ("1956040", ""),
        ("", ""),
        (np.nan, ""),
        (None, ""),
        (" 19560409 ", "1956-04-09"),
        ("1956-04-09", ""),
    ],
)
def test_birth_date_is_iso_or_empty(raw, expected):
    assert febrl.febrl_birth_date(raw) == expected


@pytest.mark.parametrize(
    ("number", "line1", "line2", "expected"),
    [
        ("7", "wallaby place", "delmar", "7 wallaby place, delmar"),
        ("7", "wallaby place", np.nan, "7 wallaby place"),
        (np.nan, "wallaby place", np.nan, "wallaby place"),
        (np.nan, np.nan, "delmar", "delmar"),
        (np.nan, np.nan, np.nan, ""),
    ],
)
def test_street_joins_number_and_address_lines(number, line1, line2, expected):
    assert febrl.febrl_street(number, line1, line2) == expected


@pytest.mark.parametrize(
    ("rec_id", "entity"),
    [
        ("rec-123-org", "123"),
        ("rec-123-dup-0", "123"),
        ("rec-123-dup-14", "123"),
        (" rec-7-org ", "7"),
    ],
)
def test_entity_from_record_id(rec_id, entity):
    assert febrl.febrl_entity(rec_id) == entity


@pytest.mark.parametrize("rec_id", ["rec-12", "123", "rec-x-org", "rec-12-dup-", "rec-12-copy-1"])
def test_entity_rejects_other_ids(rec_id):
    with pytest.raises(ValueError):
        febrl.febrl_entity(rec_id)


def test_crm_contacts_mapping():
    crm = febrl.febrl_to_crm_contacts(febrl_frame(ROWS))
    assert list(crm.columns) == febrl.CRM_COLUMNS
    first = crm.iloc[0].to_dict()
    assert first == {
        "contact_id": "rec-1496-org",
        "first_name": "mitchell",
        "last_name": "green",
        "email": "",
        "phone": "",
        "birth_date": "1956-04-09",
        "gender": "",
        "street": "7 wallaby place, delmar",
        "city": "cleveland",
        "postal_code": "2119",
        "country": "AU",
        "created_at": febrl.RECORD_TIMESTAMP,
        "updated_at": febrl.RECORD_TIMESTAMP,
        "is_deleted": "false",
    }
    # An impossible date is dropped, missing values are empty, leading zeros are kept.
    assert crm.iloc[1]["birth_date"] == ""
    assert crm.iloc[1]["street"] == "wallaby place"
    assert crm.iloc[2]["first_name"] == ""
    assert crm.iloc[2]["postal_code"] == "0800"
    # The social security number never reaches the contract table.
    assert "1804974" not in crm.to_csv(index=False)


def test_phone_number_column_is_used_when_present():
    frame = febrl_frame(ROWS[:1]).assign(phone_number="02 9876 5432")
    assert febrl.febrl_to_crm_contacts(frame).iloc[0]["phone"] == "02 9876 5432"


def test_truth_groups_records_by_entity():
    truth = febrl.febrl_truth(febrl_frame(ROWS))
    assert truth.to_dict("records") == [
        {"source_table": "crm_contacts", "source_record_id": "rec-1496-org", "person_id": "1496"},
        {"source_table": "crm_contacts", "source_record_id": "rec-1496-dup-0", "person_id": "1496"},
        {"source_table": "crm_contacts", "source_record_id": "rec-12-dup-3", "person_id": "12"},
    ]


def test_write_febrl3_writes_contract_tables_and_truth(tmp_path):
    raw, truth = febrl.write_febrl3(tmp_path, febrl_frame(ROWS))
    assert sorted(path.stem for path in raw.glob("*.csv")) == sorted(
        ["crm_contacts", *febrl.OTHER_TABLE_HEADERS]
    )
    with (raw / "crm_contacts.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["contact_id"] for row in rows] == ["rec-1496-org", "rec-1496-dup-0", "rec-12-dup-3"]
    assert rows[2]["postal_code"] == "0800"
    for table, header in febrl.OTHER_TABLE_HEADERS.items():
        with (raw / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
            assert list(csv.reader(handle)) == [header]
    written = pd.read_csv(truth / "record_persons.csv", dtype=str)
    assert written["person_id"].tolist() == ["1496", "1496", "12"]


def test_read_febrl_csv_keeps_text(tmp_path):
    path = tmp_path / "dataset.csv"
    path.write_text(
        "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, "
        "state, date_of_birth, soc_sec_id\n"
        "rec-1-org, ann, lee, 07, high st, , town, 0800, nsw, 19800101, 0012345\n"
    )
    frame = febrl.read_febrl_csv(path)
    assert frame.index.tolist() == ["rec-1-org"]
    row = frame.iloc[0]
    assert (row["postcode"], row["street_number"], row["date_of_birth"]) == (
        "0800",
        "07",
        "19800101",
    )
    assert pd.isna(row["address_2"])
