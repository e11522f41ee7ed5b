"""pseudopeople's simulated US population (its bundled sample, no download) as contract CSVs.

pseudopeople (https://pseudopeople.readthedocs.io) generates noised administrative records of
one simulated population; `simulant_id` is the true person. Three of its data sets, the sample
population (about 10,000 census respondents in one "Anytown, WA 00000"), year 2020, default noise,
with pseudopeople's `seed` choosing the noise:

| pseudopeople data set | contract table | records |
|---|---|---|
| decennial census (`generate_decennial_census`) | crm_contacts | one per person counted |
| W-2 and 1099 forms (`generate_taxes_w2_and_1099`) | shop_customers | one per job and tax year |
| Social Security (`generate_social_security`) | loyalty_members | one per event (creation, death) |

Mapping (every value text; a missing value is empty):

- census -> crm_contacts: contact_id `CENSUS-<row>`, first_name, last_name (middle_initial
  dropped: the contract has no column for it), birth_date from date_of_birth (MM/DD/YYYY ->
  YYYY-MM-DD; a noised impossible date is left empty; `age` is dropped, the contract has no
  column for it), gender from sex, street = street_number + street_name + unit_number, city,
  postal_code = zipcode, country `US` (state has no contract column), created_at/updated_at
  census day 2020-04-01.
- W-2/1099 -> shop_customers: customer_id `W2-<row>`, first_name, last_name (middle initial
  dropped), address_line1 = the mailing address's street number + name + unit (then `PO Box <n>`
  when it has one), city, zip, country_code `US`; no email, phone or marketing answer; created_at
  and updated_at the end of the tax year. The form has no date of birth. Employer columns, wages
  and the SSN are dropped.
- Social Security -> loyalty_members: card_number `SSA-<row>`, full_name `<last>, <first>` (a
  contract format that keeps multi-word surnames whole; middle_name dropped), birth_date from
  date_of_birth (YYYYMMDD -> YYYY-MM-DD), signup_date from event_date; no email, phone, store or
  opt-in. The SSN is dropped.

The SSN is never given to either linker (it is near-unique and would make the task trivial); nor
are household_id, employer data, race/ethnicity or relationship. Truth: record -> simulant_id.

Loading: pseudopeople 1.3.1 resolves against this project's pins (pandas 3.1.1, numpy 2.4.6,
scipy 1.17.1; pip picks vivarium_dependencies 1.0.3), so it is in the `bench` extra and is
imported in process. Where it is not installed, the frames are exported to CSV by another Python
that has it (`--pseudopeople-python`, or a venv this module creates under the cache folder); the
CSVs are read back as text, so both routes give the same tables. Pure functions here are
unit-tested (tests/python/test_bench_external.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import venv
from datetime import datetime
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contract_csv  # noqa: E402

PSEUDOPEOPLE_PIN = "pseudopeople==1.3.1"
# What a fresh venv needs to generate the same frames as the bench extra (the project's pins).
VENV_REQUIREMENTS = [PSEUDOPEOPLE_PIN, "pandas==3.1.1", "numpy==2.4.6", "scipy==1.17.1"]

# pseudopeople data set -> (its generate function, the contract table it is mapped into).
DATASETS = {
    "decennial_census": ("generate_decennial_census", "crm_contacts"),
    "taxes_w2_and_1099": ("generate_taxes_w2_and_1099", "shop_customers"),
    "social_security": ("generate_social_security", "loyalty_members"),
}
CENSUS_TIMESTAMP = "2020-04-01T00:00:00Z"
DEFAULT_TAX_YEAR = "2020"

_text = contract_csv.text


# --------------------------------------------------------------------------- loading


def pseudopeople_importable() -> bool:
    return importlib.util.find_spec("pseudopeople") is not None


def generate_frames(seed: int) -> dict[str, pd.DataFrame]:
    """The three data sets of the sample population for a noise seed (pseudopeople in process)."""
    import pseudopeople

    return {
        name: getattr(pseudopeople, function)(seed=seed, verbose=False)
        for name, (function, _) in DATASETS.items()
    }


def export_frames(seed: int, out_dir: Path | str) -> None:
    """Write the three data sets as <out_dir>/<name>.csv (pseudopeople in process)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in generate_frames(seed).items():
        frame.to_csv(out / f"{name}.csv", index=False, lineterminator="\n")


def read_frames(source_dir: Path | str) -> dict[str, pd.DataFrame]:
    """The exported data sets as text (only the empty field is missing)."""
    return {
        name: pd.read_csv(
            Path(source_dir) / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""]
        )
        for name in DATASETS
    }


def pseudopeople_venv(cache_dir: Path | str) -> Path:
    """The python of a venv with pseudopeople under cache_dir (created on first use)."""
    home = Path(cache_dir) / "pseudopeople-venv"
    python = home / "bin" / "python"
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(home)
    check = subprocess.run([str(python), "-c", "import pseudopeople"], capture_output=True)
    if check.returncode != 0:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *VENV_REQUIREMENTS], check=True
        )
    return python


def load_frames(
    seed: int,
    source_dir: Path | str,
    python: str | None = None,
    cache_dir: Path | str | None = None,
) -> dict[str, pd.DataFrame]:
    """The data sets of a noise seed, exported to source_dir once and read back from it.

    Exported by this process when pseudopeople imports here, else by `python` (or a venv
    created under cache_dir) running this file."""
    source = Path(source_dir)
    if not all((source / f"{name}.csv").is_file() for name in DATASETS):
        if python is None and pseudopeople_importable():
            export_frames(seed, source)
        else:
            if python is None:
                python = str(pseudopeople_venv(cache_dir or Path(__file__).parent / "out/cache"))
            subprocess.run(
                [python, str(Path(__file__).resolve()), "--seed", str(seed), "--out", str(source)],
                check=True,
            )
    return read_frames(source)


# --------------------------------------------------------------------------- mapping


def _iso_date(value, pattern: str, layout: str) -> str:
    value = _text(value)
    if not re.fullmatch(pattern, value):
        return ""
    try:
        return datetime.strptime(value, layout).date().isoformat()
    except ValueError:
        return ""


def us_date(value) -> str:
    """MM/DD/YYYY (the census) to YYYY-MM-DD; '' when empty or not a real calendar date."""
    return _iso_date(value, r"\d{2}/\d{2}/\d{4}", "%m/%d/%Y")


def compact_date(value) -> str:
    """YYYYMMDD (Social Security) to YYYY-MM-DD; '' when empty or not a real calendar date."""
    return _iso_date(value, r"\d{8}", "%Y%m%d")


def street_line(number, name, unit) -> str:
    """'<number> <street name> <unit>', the parts that are present."""
    return " ".join(part for part in (_text(number), _text(name), _text(unit)) if part)


def mailing_line(number, name, unit, po_box) -> str:
    """The W-2 mailing address line: the street line, then 'PO Box <n>' when there is one."""
    line = street_line(number, name, unit)
    box = _text(po_box)
    if box:
        line = f"{line}, PO Box {box}" if line else f"PO Box {box}"
    return line


def last_first(first_name, last_name) -> str:
    """A loyalty full_name as '<last>, <first>' (multi-word surnames stay whole)."""
    first, last = _text(first_name), _text(last_name)
    if first and last:
        return f"{last}, {first}"
    return f"{last}," if last else first


def _ids(prefix: str, frame: pd.DataFrame) -> list[str]:
    return [f"{prefix}-{row}" for row in range(len(frame))]


def _column(frame: pd.DataFrame, name: str) -> list[str]:
    return [_text(value) for value in frame[name]]


def census_to_crm_contacts(census: pd.DataFrame) -> pd.DataFrame:
    """Decennial census rows as crm_contacts rows (ids by row position)."""
    rows = pd.DataFrame(
        {
            "contact_id": _ids("CENSUS", census),
            "first_name": _column(census, "first_name"),
            "last_name": _column(census, "last_name"),
            "email": "",
            "phone": "",
            "birth_date": [us_date(value) for value in census["date_of_birth"]],
            "gender": _column(census, "sex"),
            "street": [
                street_line(number, name, unit)
                for number, name, unit in zip(
                    census["street_number"],
                    census["street_name"],
                    census["unit_number"],
                    strict=True,
                )
            ],
            "city": _column(census, "city"),
            "postal_code": _column(census, "zipcode"),
            "country": "US",
            "created_at": CENSUS_TIMESTAMP,
            "updated_at": CENSUS_TIMESTAMP,
            "is_deleted": "false",
        }
    )
    return rows[contract_csv.TABLE_HEADERS["crm_contacts"]]


def w2_to_shop_customers(w2: pd.DataFrame) -> pd.DataFrame:
    """W-2/1099 rows as shop_customers rows (ids by row position); SSN and employer dropped."""
    stamps = [f"{year or DEFAULT_TAX_YEAR}-12-31T00:00:00Z" for year in _column(w2, "tax_year")]
    rows = pd.DataFrame(
        {
            "customer_id": _ids("W2", w2),
            "email": "",
            "first_name": _column(w2, "first_name"),
            "last_name": _column(w2, "last_name"),
            "phone": "",
            "address_line1": [
                mailing_line(number, name, unit, box)
                for number, name, unit, box in zip(
                    w2["mailing_address_street_number"],
                    w2["mailing_address_street_name"],
                    w2["mailing_address_unit_number"],
                    w2["mailing_address_po_box"],
                    strict=True,
                )
            ],
            "city": _column(w2, "mailing_address_city"),
            "zip": _column(w2, "mailing_address_zipcode"),
            "country_code": "US",
            "accepts_email_marketing": "",
            "created_at": stamps,
            "updated_at": stamps,
        }
    )
    return rows[contract_csv.TABLE_HEADERS["shop_customers"]]


def ssa_to_loyalty_members(ssa: pd.DataFrame) -> pd.DataFrame:
    """Social Security rows as loyalty_members rows (ids by row position); SSN dropped."""
    rows = pd.DataFrame(
        {
            "card_number": _ids("SSA", ssa),
            "full_name": [
                last_first(first, last)
                for first, last in zip(ssa["first_name"], ssa["last_name"], strict=True)
            ],
            "email": "",
            "phone": "",
            "birth_date": [compact_date(value) for value in ssa["date_of_birth"]],
            "signup_store": "",
            "signup_date": [compact_date(value) for value in ssa["event_date"]],
            "marketing_opt_in": "",
        }
    )
    return rows[contract_csv.TABLE_HEADERS["loyalty_members"]]


def pseudopeople_truth(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """record_persons rows: every mapped record with its simulant_id."""
    parts = []
    for name, prefix, table in (
        ("decennial_census", "CENSUS", "crm_contacts"),
        ("taxes_w2_and_1099", "W2", "shop_customers"),
        ("social_security", "SSA", "loyalty_members"),
    ):
        frame = frames[name]
        parts.append(
            pd.DataFrame(
                {
                    "source_table": table,
                    "source_record_id": _ids(prefix, frame),
                    "person_id": _column(frame, "simulant_id"),
                }
            )
        )
    truth = pd.concat(parts, ignore_index=True)
    if (truth["person_id"] == "").any():
        raise ValueError("pseudopeople: a record without simulant_id")
    return truth


def map_frames(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The contract tables of the three data sets."""
    return {
        "crm_contacts": census_to_crm_contacts(frames["decennial_census"]),
        "shop_customers": w2_to_shop_customers(frames["taxes_w2_and_1099"]),
        "loyalty_members": ssa_to_loyalty_members(frames["social_security"]),
    }


def write_pseudopeople(out_dir: Path | str, frames: dict[str, pd.DataFrame]) -> tuple[Path, Path]:
    """Write the mapped tables (out_dir/raw) and truth (out_dir/truth/record_persons.csv)."""
    return contract_csv.write_dataset(out_dir, map_frames(frames), pseudopeople_truth(frames))


def main(argv: list[str] | None = None) -> int:
    """Export the frames of a seed to CSV (run by another Python that has pseudopeople)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    export_frames(args.seed, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
