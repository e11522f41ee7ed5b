"""Evaluation metrics on hand-computed examples, and the command on a tiny warehouse."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from scv.evaluate import evaluate, main
from scv.evaluate.metrics import (
    bcubed_scores,
    consent_metrics,
    erased_identifiers,
    erasure_metrics,
    golden_metrics,
    identity_metrics,
    normalize_date,
    normalize_email,
    normalize_name,
    normalize_phone,
    normalize_postal_code,
    pairwise_scores,
    resolve_persons,
    rfm_metrics,
    trap_metrics,
)


def records(persons: dict[str, str | None], table: str = "crm_contacts") -> pd.DataFrame:
    """record_persons.csv rows: record id -> person id (None = no person)."""
    return pd.DataFrame(
        {
            "source_table": table,
            "source_record_id": list(persons),
            "person_id": list(persons.values()),
        }
    )


def crosswalk(customers: dict[str, str | None], table: str = "crm_contacts") -> pd.DataFrame:
    """customer_crosswalk rows: record id -> customer id (None = unresolved)."""
    return pd.DataFrame(
        {
            "source_table": table,
            "source_record_id": list(customers),
            "customer_id": list(customers.values()),
        }
    )


# Persons A = {r1, r2, r3} and B = {r4, r5}: 3 + 1 = 4 true pairs.
TRUTH = records({"r1": "A", "r2": "A", "r3": "A", "r4": "B", "r5": "B"})


# --------------------------------------------------------------------------- pairwise


def test_pairwise_perfect_resolution():
    result = identity_metrics(
        crosswalk({"r1": "c1", "r2": "c1", "r3": "c1", "r4": "c2", "r5": "c2"}), TRUTH
    )
    assert result["pairwise"] == {
        "true_positive_pairs": 4,
        "predicted_pairs": 4,
        "true_pairs": 4,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert result["bcubed"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_pairwise_everything_merged_into_one_customer():
    result = identity_metrics(crosswalk({f"r{i}": "c1" for i in range(1, 6)}), TRUTH)
    pairwise = result["pairwise"]
    assert (pairwise["true_positive_pairs"], pairwise["predicted_pairs"]) == (4, 10)
    assert pairwise["precision"] == pytest.approx(0.4)
    assert pairwise["recall"] == 1.0
    assert result["largest_predicted_cluster"] == 5
    assert result["predicted_clusters"] == 1


def test_pairwise_everything_split_has_no_recall():
    result = identity_metrics(crosswalk({f"r{i}": None for i in range(1, 6)}), TRUTH)
    pairwise = result["pairwise"]
    assert (pairwise["true_positive_pairs"], pairwise["predicted_pairs"]) == (0, 0)
    assert pairwise["precision"] == 1.0  # no pair predicted: no wrong merge
    assert pairwise["recall"] == 0.0
    assert pairwise["f1"] == 0.0
    assert result["predicted_clusters"] == 0


def test_pairwise_one_wrong_merge():
    # r4 is wrongly put with A: predicted pairs 6 (c1 of 4 records), 3 of them right.
    result = identity_metrics(
        crosswalk({"r1": "c1", "r2": "c1", "r3": "c1", "r4": "c1", "r5": "c2"}), TRUTH
    )
    pairwise = result["pairwise"]
    assert pairwise["precision"] == pytest.approx(3 / 6)
    assert pairwise["recall"] == pytest.approx(3 / 4)
    assert pairwise["f1"] == pytest.approx(2 * 0.5 * 0.75 / 1.25)


def test_records_without_person_are_singletons_not_one_person():
    truth = records({"r1": None, "r2": None, "r3": "A", "r4": "A"})
    merged_unknowns = crosswalk({"r1": "c1", "r2": "c1", "r3": "c2", "r4": "c2"})
    pairwise = identity_metrics(merged_unknowns, truth)["pairwise"]
    assert pairwise["true_pairs"] == 1
    assert pairwise["precision"] == pytest.approx(1 / 2)


def test_missing_and_unknown_crosswalk_records_are_counted():
    predicted = crosswalk({"r1": "c1", "r2": "c1", "r3": "c1", "r4": "c2", "zz": "c9"})
    result = identity_metrics(predicted, TRUTH)
    assert result["records_missing_from_crosswalk"] == 1  # r5
    assert result["crosswalk_records_not_in_truth"] == 1  # zz
    assert result["pairwise"]["recall"] == pytest.approx(3 / 4)  # r5 is a singleton


def test_source_table_is_part_of_the_record_key():
    truth = pd.concat([records({"1": "A"}, "shop_orders"), records({"1": "B"}, "crm_contacts")])
    predicted = pd.concat(
        [crosswalk({"1": "c1"}, "shop_orders"), crosswalk({"1": "c1"}, "crm_contacts")]
    )
    assert identity_metrics(predicted, truth)["pairwise"]["precision"] == 0.0


def test_pairwise_scores_direct_on_labels():
    assert pairwise_scores([0, 0, 1], [5, 5, 5])["precision"] == pytest.approx(1 / 3)


# --------------------------------------------------------------------------- b-cubed


def test_bcubed_textbook_example():
    # Bagga & Baldwin (1998): true {1-5}, {6,7}, {8-12}; response merges {1-5} with
    # {8-12}. Precision = (5 * 5/10 + 2 * 2/2 + 5 * 5/10) / 12 = 7/12, recall = 1.
    true_labels = [1] * 5 + [2] * 2 + [3] * 5
    predicted_labels = [1] * 5 + [2] * 2 + [1] * 5
    result = bcubed_scores(true_labels, predicted_labels)
    assert result["precision"] == pytest.approx(7 / 12)
    assert result["recall"] == pytest.approx(1.0)
    assert result["f1"] == pytest.approx(2 * (7 / 12) / (7 / 12 + 1))


def test_bcubed_split_person_loses_recall():
    result = bcubed_scores([1, 1, 1, 1], [1, 1, 2, 2])
    assert result["precision"] == 1.0
    assert result["recall"] == pytest.approx(0.5)


# --------------------------------------------------------------------------- traps


def test_trap_pairs_counted_per_type_and_null_never_merges():
    predicted = crosswalk({"t1": "c1", "t2": "c1", "t3": "c2", "t4": None, "t5": None})
    traps = pd.DataFrame(
        {
            "trap_type": ["twins", "twins", "shared_email", "house_card"],
            "source_table_a": "crm_contacts",
            "source_record_id_a": ["t1", "t1", "t2", "t4"],
            "source_table_b": "crm_contacts",
            "source_record_id_b": ["t2", "t3", "t3", "t5"],
        }
    )
    result = trap_metrics(traps, predicted)
    assert result["pairs_checked"] == 4
    assert result["pairs_merged"] == 1
    assert result["by_type"]["twins"] == {"pairs_checked": 2, "pairs_merged": 1, "merge_rate": 0.5}
    assert result["by_type"]["shared_email"]["pairs_merged"] == 0
    assert result["by_type"]["house_card"]["pairs_merged"] == 0


# --------------------------------------------------------------------------- persons


def test_correctly_resolved_definition():
    truth = records(
        {
            "a1": "A",  # A alone in c1: correct
            "a2": "A",
            "b1": "B",  # B split over c2 and c3: wrong
            "b2": "B",
            "b3": "B",
            "c1": "C",  # C and D share c4: both wrong
            "d1": "D",
            "e1": "E",  # E in c5, one record unresolved: correct
            "e2": "E",
            "f1": "F",  # F's customer also holds a record without a person: wrong
            "x1": None,
            "g1": "G",  # G never resolved: wrong
        }
    )
    predicted = crosswalk(
        {
            "a1": "c1",
            "a2": "c1",
            "b1": "c3",
            "b2": "c2",
            "b3": "c3",
            "c1": "c4",
            "d1": "c4",
            "e1": "c5",
            "e2": None,
            "f1": "c6",
            "x1": "c6",
            "g1": None,
        }
    )
    persons = resolve_persons(predicted, truth).set_index("person_id")
    assert persons["is_correctly_resolved"].to_dict() == {
        "A": True,
        "B": False,
        "C": False,
        "D": False,
        "E": True,
        "F": False,
        "G": False,
    }
    assert persons.loc["B", "customer_id"] == "c3"  # holds 2 of B's 3 records
    assert persons.loc["B", "customer_count"] == 2
    assert pd.isna(persons.loc["G", "customer_id"])


def test_main_customer_is_the_one_holding_most_records_that_describe_the_person():
    """Five till receipts of a card nothing ties to B do not outvote B's two contacts."""
    truth = pd.concat(
        [
            records({"b1": "B", "b2": "B"}),
            records({f"t{i}": "B" for i in range(5)}, table="pos_transactions"),
        ]
    )
    predicted = pd.concat(
        [
            crosswalk({"b1": "c1", "b2": "c1"}),
            crosswalk({f"t{i}": "card" for i in range(5)}, table="pos_transactions"),
        ]
    )
    persons = resolve_persons(predicted, truth).set_index("person_id")
    assert persons.loc["B", "customer_id"] == "c1"
    assert not persons.loc["B", "is_correctly_resolved"]


def test_majority_customer_tie_goes_to_smallest_id():
    persons = resolve_persons(crosswalk({"b1": "c9", "b2": "c10"}), records({"b1": "B", "b2": "B"}))
    assert persons.set_index("person_id").loc["B", "customer_id"] == "c10"


# --------------------------------------------------------------------------- golden


@pytest.mark.parametrize(
    ("normalizer", "left", "right", "equal"),
    [
        (normalize_name, "José  García", " jose GARCIA", True),
        (normalize_name, "Zoë", "ZOE", True),
        (normalize_name, "Jose", "Josef", False),
        (normalize_email, " Ana@Example.COM ", "ana@example.com", True),
        (normalize_phone, "+31612345678", "+31 6 12345678", False),
        (normalize_postal_code, "1012 ab", "1012AB", True),
        (normalize_postal_code, "SW1A 1AA", "SW1A1AB", False),
        (normalize_date, pd.Timestamp("1985-03-12"), "1985-03-12", True),
        (normalize_name, None, "", True),
        (normalize_email, float("nan"), "  ", True),
    ],
)
def test_golden_normalisation(normalizer, left, right, equal):
    assert (normalizer(left) == normalizer(right)) is equal


def person_row(person_id: str, **attributes) -> dict:
    base = {
        "person_id": person_id,
        "first_name": "Ana",
        "last_name": "García",
        "email": "ana@example.com",
        "phone": "+34600000001",
        "birth_date": "1985-03-12",
        "street": "Calle Mayor 1",
        "city": "Madrid",
        "postal_code": "28013",
        "country_code": "ES",
        "is_erased": "false",
    }
    return {**base, **attributes}


def test_golden_accuracy_uses_normalised_values_and_skips_erased_persons():
    persons = pd.DataFrame(
        [
            person_row("A"),
            person_row("B", first_name="Bo", phone=None),
            person_row("E", is_erased="true"),
        ]
    )
    person_customers = pd.DataFrame(
        {
            "person_id": ["A", "B", "E"],
            "customer_id": ["c1", "c2", "c3"],
            "is_correctly_resolved": [True, True, True],
        }
    )
    dim = pd.DataFrame(
        [
            {**person_row("A", first_name="ANA", last_name="garcia "), "customer_id": "c1"},
            {**person_row("B", first_name="Bob", phone=None), "customer_id": "c2"},
            {**person_row("E"), "customer_id": "c3"},
        ]
    ).drop(columns=["person_id", "is_erased"])
    dim["birth_date"] = pd.to_datetime(dim["birth_date"])
    result = golden_metrics(persons, dim, person_customers)
    assert result["persons_evaluated"] == 2
    assert result["attributes"]["first_name"] == {
        "correct": 1,
        "evaluated": 2,
        "accuracy": 0.5,
        "truth_blank": 0,
        "filled_where_truth_blank": 0,
    }
    assert result["attributes"]["last_name"]["accuracy"] == 1.0
    # B's phone is blank in the truth: not scored, only counted.
    assert result["attributes"]["phone"]["evaluated"] == 1
    assert result["attributes"]["phone"]["truth_blank"] == 1
    assert result["attributes"]["birth_date"]["accuracy"] == 1.0
    assert result["all_key_attributes_correct"] == {"correct": 1, "share": 0.5}


def test_golden_attribute_blank_in_truth_is_counted_not_scored():
    persons = pd.DataFrame([person_row("A", email=None)])
    person_customers = pd.DataFrame(
        {"person_id": ["A"], "customer_id": ["c1"], "is_correctly_resolved": [True]}
    )
    dim = pd.DataFrame([{**person_row("A", email="guess@example.com"), "customer_id": "c1"}]).drop(
        columns=["person_id", "is_erased"]
    )
    dim["birth_date"] = pd.to_datetime(dim["birth_date"])
    result = golden_metrics(persons, dim, person_customers)
    assert result["attributes"]["email"]["evaluated"] == 0
    assert result["attributes"]["email"]["filled_where_truth_blank"] == 1
    assert result["all_key_attributes_correct"] == {"correct": 1, "share": 1.0}


def test_golden_missing_dim_row_is_wrong_and_missing_column_not_available():
    persons = pd.DataFrame([person_row("A")])
    person_customers = pd.DataFrame(
        {"person_id": ["A"], "customer_id": ["c1"], "is_correctly_resolved": [True]}
    )
    dim = pd.DataFrame({"customer_id": ["other"], "first_name": ["Ana"]})
    result = golden_metrics(persons, dim, person_customers)
    assert result["persons_missing_from_dim_customer"] == 1
    assert result["attributes"]["first_name"]["correct"] == 0
    assert result["attributes"]["email"] == {"status": "not available"}
    assert result["all_key_attributes_correct"] == {"status": "not available"}


# --------------------------------------------------------------------------- consent


def test_consent_counts_granted_where_truth_is_not_granted():
    truth = pd.DataFrame(
        {
            "person_id": ["A", "A", "A", "B"],
            "purpose": ["email_marketing", "sms_marketing", "profiling", "email_marketing"],
            "status": ["granted", "withdrawn", "unknown", "denied"],
        }
    )
    mart = pd.DataFrame(
        {
            "customer_id": ["c1", "c1", "c1", "c2"],
            "purpose": ["email_marketing", "sms_marketing", "profiling", "email_marketing"],
            "status": ["granted", "granted", "unknown", "denied"],
            "is_granted": [True, True, True, False],  # profiling: flag contradicts status
        }
    )
    person_customers = pd.DataFrame({"person_id": ["A", "B"], "customer_id": ["c1", "c2"]})
    result = consent_metrics(truth, mart, person_customers)
    assert result["rows_evaluated"] == 4
    assert result["status_matches"] == 3
    assert result["accuracy"] == pytest.approx(0.75)
    assert result["granted_where_not_granted"] == 2  # sms (status) and profiling (flag)
    assert result["by_purpose"]["sms_marketing"]["accuracy"] == 0.0


def test_consent_missing_mart_row_is_a_mismatch_and_unmapped_person_skipped():
    truth = pd.DataFrame(
        {"person_id": ["A", "G"], "purpose": ["profiling", "profiling"], "status": "denied"}
    )
    mart = pd.DataFrame(
        {"customer_id": [], "purpose": [], "status": [], "is_granted": []}, dtype=object
    )
    person_customers = pd.DataFrame({"person_id": ["A", "G"], "customer_id": ["c1", None]})
    result = consent_metrics(truth, mart, person_customers)
    assert result["rows_evaluated"] == 1
    assert result["rows_missing_from_mart"] == 1
    assert result["accuracy"] == 0.0
    assert result["persons_without_customer"] == 1


def test_consent_rows_of_erased_person_may_be_absent():
    truth = pd.DataFrame({"person_id": ["E"], "purpose": ["profiling"], "status": "withdrawn"})
    mart = pd.DataFrame({"customer_id": ["c0"], "purpose": ["profiling"], "status": ["unknown"]})
    person_customers = pd.DataFrame({"person_id": ["E"], "customer_id": ["c1"]})
    result = consent_metrics(truth, mart, person_customers, erased_persons={"E"})
    assert result["rows_evaluated"] == 0
    assert result["erased_rows_absent_from_mart"] == 1
    assert consent_metrics(truth, mart, person_customers)["rows_missing_from_mart"] == 1


def test_consent_figures_of_correctly_resolved_persons_are_given_apart():
    truth = pd.DataFrame(
        {
            "person_id": ["A", "S", "S"],
            "purpose": ["profiling", "profiling", "email_marketing"],
            "status": ["denied", "granted", "denied"],
        }
    )
    mart = pd.DataFrame(
        {
            "customer_id": ["c1", "c2", "c2"],
            "purpose": ["profiling", "profiling", "email_marketing"],
            "status": ["denied", "unknown", "granted"],
        }
    )
    # S is split: c2 holds only part of their records.
    person_customers = pd.DataFrame(
        {
            "person_id": ["A", "S"],
            "customer_id": ["c1", "c2"],
            "is_correctly_resolved": [True, False],
        }
    )
    result = consent_metrics(truth, mart, person_customers)
    assert result["accuracy"] == pytest.approx(1 / 3)
    assert result["granted_where_not_granted"] == 1
    assert result["correctly_resolved_persons"] == {
        "rows_evaluated": 1,
        "status_matches": 1,
        "accuracy": 1.0,
        "granted_where_not_granted": 0,
    }
    assert "correctly_resolved_persons" not in consent_metrics(
        truth, mart, person_customers.drop(columns="is_correctly_resolved")
    )


# --------------------------------------------------------------------------- rfm


def test_rfm_fields_compared_with_monetary_tolerance():
    truth = pd.DataFrame(
        {
            "person_id": ["A", "B", "C"],
            "as_of_date": "2024-06-30",
            "recency_days": ["10", None, "3"],
            "frequency": ["2", "0", "1"],
            "monetary": ["100.00", "0.00", "50.00"],
        }
    )
    segments = pd.DataFrame(
        {
            "customer_id": ["c1", "c2", "c3"],
            "recency_days": pd.array([10, None, 3], dtype="Int64"),
            "frequency": [2, 0, 2],
            "monetary": [100.004, 0.0, 50.02],
        }
    )
    person_customers = pd.DataFrame(
        {
            "person_id": ["A", "B", "C"],
            "customer_id": ["c1", "c2", "c3"],
            "is_correctly_resolved": True,
        }
    )
    result = rfm_metrics(truth, segments, person_customers)
    assert result["all_fields_match"] == 2
    assert result["mismatches"] == {"recency_days": 0, "frequency": 1, "monetary": 1}
    assert [example["person_id"] for example in result["examples"]] == ["C"]


# --------------------------------------------------------------------------- erasure


def test_erasure_checks_every_customer_holding_the_erased_persons_records():
    persons = pd.DataFrame(
        [person_row("E", is_erased="true", phone="+34600000009"), person_row("A")]
    )
    truth = records({"e1": "E", "e2": "E", "a1": "A"})
    predicted = crosswalk({"e1": "c1", "e2": "c2", "a1": "c3"})
    dim = pd.DataFrame(
        {
            "customer_id": ["c1", "c2", "c3"],
            "first_name": [None, "Ana", "Ana"],
            "email": [None, None, "ana@example.com"],
            "is_erased": [True, True, False],
        }
    )
    result = erasure_metrics(persons, dim, predicted, truth)
    assert result["erased_persons"] == 1
    assert result["customers_checked"] == 2
    assert result["dim_customer"]["customers_with_personal_data"] == 1  # c2 kept a name
    assert result["dim_customer"]["customers_not_flagged_erased"] == 0
    assert result["dim_customer"]["persons_failing"] == 1
    assert erased_identifiers(persons) == ["+34600000009", "ana@example.com"]


def test_a_card_customer_of_an_erased_person_fails_only_the_strict_count():
    """E's till receipts form a card customer nothing ties to E: not flagged, no personal data."""
    persons = pd.DataFrame([person_row("E", is_erased="true")])
    truth = pd.concat([records({"e1": "E"}), records({"t1": "E"}, table="pos_transactions")])
    predicted = pd.concat(
        [crosswalk({"e1": "c1"}), crosswalk({"t1": "card"}, table="pos_transactions")]
    )
    dim = pd.DataFrame(
        {"customer_id": ["c1", "card"], "first_name": [None, None], "is_erased": [True, False]}
    )
    figures = erasure_metrics(persons, dim, predicted, truth)["dim_customer"]
    assert figures["persons_failing"] == 1
    assert figures["customers_without_describing_records_not_flagged"] == 1
    assert figures["persons_failing_through_describing_records"] == 0
    # With a name on it, the card customer fails both counts.
    dim.loc[1, "first_name"] = "Eve"
    figures = erasure_metrics(persons, dim, predicted, truth)["dim_customer"]
    assert figures["persons_failing_through_describing_records"] == 1


def build_warehouse(path: Path, *, leak: bool) -> None:
    """A tiny warehouse: marts plus a snapshot that may still hold an erased email."""
    connection = duckdb.connect(str(path))
    connection.execute("create schema marts; create schema snapshots;")
    connection.execute(
        """
        create table marts.customer_crosswalk as
        select * from (values
            ('crm_contacts', 'e1', 'c1'), ('crm_contacts', 'a1', 'c2'),
            ('crm_contacts', 'a2', 'c2')
        ) t(source_table, source_record_id, customer_id);
        create table marts.dim_customer as
        select * from (values
            ('c1', null, null, null, null, null::date, null, null, null, 'ES', true),
            ('c2', 'Ana', 'García', 'ana@example.com', '+34600000001', date '1985-03-12',
             'Calle Mayor 1', 'Madrid', '28013', 'ES', false)
        ) t(customer_id, first_name, last_name, email, phone, birth_date, street, city,
            postal_code, country_code, is_erased);
        """
    )
    leaked_email = "' Erased@Example.com'" if leak else "null"
    connection.execute(
        f"""
        create table snapshots.dim_customer_snapshot as
        select 'c1' as customer_id, {leaked_email} as email, '+34600000009' as phone
        union all select 'c2', 'ana@example.com', null
        """
    )
    connection.close()


def write_truth(directory: Path) -> None:
    directory.mkdir()
    records({"e1": "E", "a1": "A", "a2": "A"}).to_csv(directory / "record_persons.csv", index=False)
    pd.DataFrame(
        [
            person_row("A"),
            person_row("E", email="erased@example.com", phone="+34600000009", is_erased="true"),
        ]
    ).to_csv(directory / "persons.csv", index=False)


def test_evaluate_detects_leaked_erased_identifiers_in_any_schema(tmp_path):
    warehouse = tmp_path / "leaky.duckdb"
    build_warehouse(warehouse, leak=True)
    write_truth(tmp_path / "truth")
    results = evaluate(warehouse, tmp_path / "truth")
    leak_scan = results["erasure"]["leak_scan"]
    assert leak_scan["leaking_rows"] == 2  # the email (any case) and the phone
    assert {column["column"] for column in leak_scan["leaking_columns"]} == {
        "snapshots.dim_customer_snapshot.email",
        "snapshots.dim_customer_snapshot.phone",
    }
    assert results["must_be_zero"]["erasure_leaking_rows"] == 2


def test_evaluate_clean_warehouse_and_missing_marts_not_available(tmp_path):
    warehouse = tmp_path / "clean.duckdb"
    build_warehouse(warehouse, leak=False)
    connection = duckdb.connect(str(warehouse))
    connection.execute("update snapshots.dim_customer_snapshot set phone = null")
    connection.close()
    write_truth(tmp_path / "truth")
    results = evaluate(warehouse, tmp_path / "truth")
    assert results["erasure"]["leak_scan"]["leaking_rows"] == 0
    assert results["erasure"]["dim_customer"]["persons_failing"] == 0
    assert results["identity"]["pairwise"]["f1"] == 1.0
    assert results["golden"]["all_key_attributes_correct"]["share"] == 1.0
    assert results["consent"]["status"] == "not available"
    assert "customer_consent" in results["consent"]["reason"]
    assert results["rfm"]["status"] == "not available"
    assert results["traps"]["status"] == "not available"


def test_command_prints_report_and_writes_json(tmp_path, capsys):
    warehouse = tmp_path / "wh.duckdb"
    build_warehouse(warehouse, leak=True)
    write_truth(tmp_path / "truth")
    out = tmp_path / "out" / "scores.json"
    exit_code = main(
        ["--duckdb", str(warehouse), "--truth", str(tmp_path / "truth")]
        + [
            "--json",
            str(out),
        ]
    )
    # The fixture leaks two erased identifiers: the report is printed and written, and the
    # command fails naming the count.
    assert exit_code == 2
    captured = capsys.readouterr()
    for section in ["identity", "traps", "golden", "consent", "rfm", "erasure"]:
        assert f"== {section} ==" in captured.out
    assert "erasure_leaking_rows = 2" in captured.err
    saved = json.loads(out.read_text())
    assert saved["erasure"]["leak_scan"]["leaking_rows"] == 2


def build_clean_warehouse(path: Path) -> None:
    """build_warehouse without any leak: no erased email, and the snapshot's phone gone too."""
    build_warehouse(path, leak=False)
    with duckdb.connect(str(path)) as connection:
        connection.execute("update snapshots.dim_customer_snapshot set phone = null")


def test_command_exits_zero_when_every_must_be_zero_count_is_zero(tmp_path, capsys):
    warehouse = tmp_path / "wh.duckdb"
    build_clean_warehouse(warehouse)
    write_truth(tmp_path / "truth")
    assert main(["--duckdb", str(warehouse), "--truth", str(tmp_path / "truth")]) == 0
    assert "must be 0" not in capsys.readouterr().err


def test_command_reports_missing_warehouse(tmp_path, capsys):
    (tmp_path / "truth").mkdir()
    exit_code = main(
        ["--duckdb", str(tmp_path / "none.duckdb"), "--truth", str(tmp_path / "truth")]
    )
    assert exit_code == 1
    assert "not found" in capsys.readouterr().err


def test_scv_evaluate_command_runs_through_the_cli(tmp_path, capsys):
    """`scv evaluate ...` as the README writes it: the sub-command gets only its own arguments."""
    from scv.cli import main as scv_main

    warehouse = tmp_path / "wh.duckdb"
    build_clean_warehouse(warehouse)
    write_truth(tmp_path / "truth")
    exit_code = scv_main(
        ["evaluate", "--duckdb", str(warehouse), "--truth", str(tmp_path / "truth")]
    )
    assert exit_code == 0
    assert "== identity ==" in capsys.readouterr().out
