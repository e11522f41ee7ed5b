"""bench/linkage_ceiling.py: the oracle joins a person's records through shared evidence only."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import linkage_ceiling  # noqa: E402


def evidence(rows):
    return pd.DataFrame(rows, columns=["record_key", "person_id", "evidence"])


def test_records_sharing_evidence_join_and_a_name_only_record_stays_out():
    # Person A: a1 and a2 share an email, a2 and a3 a birth date; a4 has only a name (no
    # evidence). Person B shares A's family email but is never joined to A.
    scores = linkage_ceiling.ceiling(
        evidence(
            [
                ("a1", "A", "email:family@x.com"),
                ("a2", "A", "email:family@x.com"),
                ("a2", "A", "birth date:1980-01-01"),
                ("a3", "A", "birth date:1980-01-01"),
                ("a4", "A", None),
                ("b1", "B", "email:family@x.com"),
                ("b2", "B", "phone last 7:5550100"),
            ]
        )
    )
    # True pairs: A has 4 records (6 pairs), B 2 (1 pair). Joined: a1-a2-a3 (3 pairs).
    assert scores["records"] == 6
    assert scores["true_pairs"] == 7
    assert scores["true_positive_pairs"] == 3
    assert scores["precision"] == 1.0
    assert abs(scores["recall"] - 3 / 7) < 1e-12


def test_a_record_listed_once_per_fact_counts_once():
    scores = linkage_ceiling.ceiling(
        evidence(
            [
                ("a1", "A", "email:a@x.com"),
                ("a1", "A", "birth date:1980-01-01"),
                ("a2", "A", "birth date:1980-01-01"),
                ("a2", "A", None),
            ]
        )
    )
    assert (scores["records"], scores["true_pairs"], scores["recall"]) == (2, 1, 1.0)


def test_a_full_name_on_two_customers_counts_as_one_person_only_when_it_is():
    names = pd.DataFrame(
        [
            # Ann Lee on c1 and c2, both person A (a split person): one person.
            ("c1", "A", "ann lee"),
            ("c2", "A", "ann lee"),
            # Bob Ray on c3 (person B) and c4 (person C): namesakes.
            ("c3", "B", "bob ray"),
            ("c4", "C", "bob ray"),
            # c5 is mostly person D; its one record of person E does not make it E's.
            ("c5", "D", "cy fox"),
            ("c5", "D", "dee fox"),
            ("c5", "E", "cy fox"),
            ("c6", "E", "cy fox"),
            # On three customers: not counted.
            ("c7", "F", "eve ng"),
            ("c8", "F", "eve ng"),
            ("c9", "F", "eve ng"),
        ],
        columns=["customer_id", "person_id", "full_name"],
    )
    assert linkage_ceiling.two_customer_names(names) == {"names": 3, "one_person": 1}
