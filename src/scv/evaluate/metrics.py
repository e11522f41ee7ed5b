"""Accuracy metrics of the published marts against the generator's truth, on DataFrames.

No I/O here: every function takes frames (as read by :mod:`scv.evaluate.truth` and
:mod:`scv.evaluate.warehouse`) and returns plain Python numbers, so each metric is
tested on tiny hand-made frames.

Shared conventions:

* Records are keyed by ``(source_table, source_record_id)``; ids compare as text.
* A truth record with an empty ``person_id`` is its own singleton pseudo-person; a
  record with a NULL ``customer_id`` (or missing from the crosswalk) is its own
  singleton cluster.
* A ratio with an empty denominator is 1.0 (e.g. pairwise precision when no pair
  was predicted: no wrong merge was made), and the raw counts are always reported.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, datetime

import numpy as np
import pandas as pd

RECORD_KEY = ["source_table", "source_record_id"]

# Golden attributes scored, and the subset that must all be right for a person to count
# as fully correct.
GOLDEN_ATTRIBUTES = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "birth_date",
    "postal_code",
    "street",
    "city",
    "country_code",
]
KEY_GOLDEN_ATTRIBUTES = ["email", "phone", "first_name", "last_name", "birth_date", "postal_code"]

# dim_customer columns that must be NULL for an erased customer. country_code is left
# out: a country alone does not identify anyone and may be kept for aggregates.
PERSONAL_COLUMNS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "birth_date",
    "street",
    "city",
    "postal_code",
]

MONETARY_TOLERANCE = 0.01
MAX_EXAMPLES = 5


# --------------------------------------------------------------------------- ids


def as_id(values: pd.Series) -> pd.Series:
    """Ids as text with NULL kept, so ids typed as integers in one place and text in
    another still join (a float column of whole numbers is read as integers)."""
    series = pd.Series(values)
    if pd.api.types.is_float_dtype(series) and (series.dropna() % 1 == 0).all():
        series = series.astype("Int64")
    text = series.astype(str)
    return text.where(series.notna() & (text != ""))


def _ratio(numerator: float, denominator: float) -> float:
    return float(numerator / denominator) if denominator else 1.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return float(2 * precision * recall / total) if total else 0.0


# --------------------------------------------------------------------------- identity


# Tables whose records describe a person (names, contacts, consent, addresses); till receipts
# and cookies do not.
DESCRIBING_TABLES = (
    "crm_contacts",
    "shop_customers",
    "shop_orders",
    "loyalty_members",
    "support_tickets",
)


def align_records(crosswalk: pd.DataFrame, record_persons: pd.DataFrame) -> pd.DataFrame:
    """Truth records with their predicted customer.

    Returns one row per truth record: the key, ``person_id`` (NULL when empty in the
    truth), ``customer_id`` (NULL when NULL in the crosswalk or missing from it),
    ``in_crosswalk``, and integer cluster labels ``true_label`` / ``predicted_label``
    where every NULL person / customer gets a fresh singleton label.
    """
    truth = pd.DataFrame(
        {
            "source_table": as_id(record_persons["source_table"]),
            "source_record_id": as_id(record_persons["source_record_id"]),
            "person_id": as_id(record_persons["person_id"]),
        }
    ).drop_duplicates(RECORD_KEY)
    predicted = pd.DataFrame(
        {
            "source_table": as_id(crosswalk["source_table"]),
            "source_record_id": as_id(crosswalk["source_record_id"]),
            "customer_id": as_id(crosswalk["customer_id"]),
            "in_crosswalk": True,
        }
    ).drop_duplicates(RECORD_KEY)
    aligned = truth.merge(predicted, on=RECORD_KEY, how="left")
    aligned["in_crosswalk"] = aligned["in_crosswalk"].fillna(False).astype(bool)
    aligned["true_label"] = _labels_with_singletons(aligned["person_id"])
    aligned["predicted_label"] = _labels_with_singletons(aligned["customer_id"])
    return aligned.reset_index(drop=True)


def _labels_with_singletons(ids: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(ids, use_na_sentinel=True)
    codes = codes.astype(np.int64)
    is_null = codes < 0
    codes[is_null] = len(uniques) + np.arange(int(is_null.sum()))
    return codes


def _pairs(sizes: np.ndarray) -> int:
    sizes = np.asarray(sizes, dtype=np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def pairwise_scores(true_labels: np.ndarray, predicted_labels: np.ndarray) -> dict:
    """Pairwise precision/recall/F1 from the contingency table (no pair enumeration).

    A pair of records is predicted when both share a predicted cluster and true when
    both share a true person; true positives are pairs sharing both.
    """
    labels = pd.DataFrame({"true": true_labels, "predicted": predicted_labels})
    true_positive = _pairs(labels.groupby(["true", "predicted"]).size().to_numpy())
    predicted_pairs = _pairs(labels.groupby("predicted").size().to_numpy())
    true_pairs = _pairs(labels.groupby("true").size().to_numpy())
    precision = _ratio(true_positive, predicted_pairs)
    recall = _ratio(true_positive, true_pairs)
    return {
        "true_positive_pairs": true_positive,
        "predicted_pairs": predicted_pairs,
        "true_pairs": true_pairs,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
    }


def bcubed_scores(true_labels: np.ndarray, predicted_labels: np.ndarray) -> dict:
    """B-cubed precision/recall/F1 (Bagga & Baldwin): per-record shares, averaged.

    A record's precision is the share of its predicted cluster that is its own person;
    its recall is the share of its person that is in its predicted cluster.
    """
    labels = pd.DataFrame({"true": true_labels, "predicted": predicted_labels})
    record_count = len(labels)
    if record_count == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    overlap = labels.groupby(["true", "predicted"]).size().rename("overlap").reset_index()
    overlap["cluster_size"] = overlap["predicted"].map(labels.groupby("predicted").size())
    overlap["person_size"] = overlap["true"].map(labels.groupby("true").size())
    # Each of the `overlap` records in a cell has the same precision and recall.
    squared = overlap["overlap"].astype(float) ** 2
    precision = float((squared / overlap["cluster_size"]).sum() / record_count)
    recall = float((squared / overlap["person_size"]).sum() / record_count)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def identity_metrics(
    crosswalk: pd.DataFrame, record_persons: pd.DataFrame, *, aligned: pd.DataFrame | None = None
) -> dict:
    """Coverage, pairwise and B-cubed scores and cluster sizes of the crosswalk.

    Scored over the truth's records; a truth record missing from the crosswalk counts
    as an unresolved singleton, and crosswalk records unknown to the truth are only
    counted (both counts must be 0 for a healthy build). ``aligned`` is
    :func:`align_records` of the same inputs, when already computed.
    """
    if aligned is None:
        aligned = align_records(crosswalk, record_persons)
    crosswalk_keys = pd.DataFrame(
        {
            "source_table": as_id(crosswalk["source_table"]),
            "source_record_id": as_id(crosswalk["source_record_id"]),
        }
    )
    truth_keys = aligned[RECORD_KEY].assign(in_truth=True)
    known = crosswalk_keys.drop_duplicates().merge(truth_keys, on=RECORD_KEY, how="left")

    assigned = aligned[aligned["customer_id"].notna()]
    true_sizes = aligned[aligned["person_id"].notna()].groupby("person_id").size()
    predicted_sizes = assigned.groupby("customer_id").size()
    return {
        "truth_records": int(len(aligned)),
        "crosswalk_records": int(len(crosswalk_keys)),
        "crosswalk_duplicate_keys": int(crosswalk_keys.duplicated().sum()),
        "records_missing_from_crosswalk": int((~aligned["in_crosswalk"]).sum()),
        "crosswalk_records_not_in_truth": int(known["in_truth"].isna().sum()),
        "records_with_customer": int(len(assigned)),
        "records_without_person_in_truth": int(aligned["person_id"].isna().sum()),
        "predicted_clusters": int(len(predicted_sizes)),
        "true_persons": int(len(true_sizes)),
        "largest_predicted_cluster": int(predicted_sizes.max()) if len(predicted_sizes) else 0,
        "largest_true_person": int(true_sizes.max()) if len(true_sizes) else 0,
        "pairwise": pairwise_scores(aligned["true_label"], aligned["predicted_label"]),
        "bcubed": bcubed_scores(aligned["true_label"], aligned["predicted_label"]),
    }


def trap_metrics(trap_pairs: pd.DataFrame, crosswalk: pd.DataFrame) -> dict:
    """Per trap type: pairs checked and pairs wrongly given the same customer_id.

    A pair is wrongly merged when both records have the same non-NULL customer_id.
    """
    lookup = pd.DataFrame(
        {
            "source_table": as_id(crosswalk["source_table"]),
            "source_record_id": as_id(crosswalk["source_record_id"]),
            "customer_id": as_id(crosswalk["customer_id"]),
        }
    ).drop_duplicates(RECORD_KEY)
    pairs = pd.DataFrame({"trap_type": as_id(trap_pairs["trap_type"]).fillna("")})
    for side in ("a", "b"):
        keys = pd.DataFrame(
            {
                "source_table": as_id(trap_pairs[f"source_table_{side}"]),
                "source_record_id": as_id(trap_pairs[f"source_record_id_{side}"]),
            }
        )
        pairs[f"customer_id_{side}"] = keys.merge(lookup, on=RECORD_KEY, how="left")[
            "customer_id"
        ].to_numpy()
    pairs["is_merged"] = (
        pairs["customer_id_a"].notna()
        & pairs["customer_id_b"].notna()
        & (pairs["customer_id_a"] == pairs["customer_id_b"])
    )
    by_type = {
        str(trap_type): {
            "pairs_checked": int(len(group)),
            "pairs_merged": int(group["is_merged"].sum()),
            "merge_rate": _ratio(group["is_merged"].sum(), len(group)),
        }
        for trap_type, group in pairs.groupby("trap_type", sort=True)
    }
    return {
        "pairs_checked": int(len(pairs)),
        "pairs_merged": int(pairs["is_merged"].sum()),
        "by_type": by_type,
    }


# --------------------------------------------------------------------------- persons


def resolve_persons(
    crosswalk: pd.DataFrame, record_persons: pd.DataFrame, *, aligned: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Map each true person to customers.

    Returns one row per (non-empty) person: ``person_id``, ``record_count``,
    ``customer_count`` (distinct non-NULL customer_ids of its records),
    ``customer_id`` (the customer holding most of its records that describe a person,
    DESCRIBING_TABLES, then most records, ties to the smallest id; NULL when none) and
    ``is_correctly_resolved``: its non-NULL customer_ids are exactly one customer, and
    that customer holds no record of another person (a truth record without a person
    counts as another person). ``aligned`` is :func:`align_records` of the same inputs,
    when already computed.
    """
    if aligned is None:
        aligned = align_records(crosswalk, record_persons)
    persons = aligned[aligned["person_id"].notna()]
    assigned = aligned[aligned["customer_id"].notna()]

    people_per_customer = assigned.groupby("customer_id")["true_label"].nunique()
    person_assigned = assigned[assigned["person_id"].notna()]
    record_count = persons.groupby("person_id").size().rename("record_count")
    customer_count = person_assigned.groupby("person_id")["customer_id"].nunique()
    # The main customer holds most of the person's records that describe a person (not till
    # receipts or cookies, which carry no name, consent or address), then most records.
    held = (
        person_assigned.assign(
            described=person_assigned["source_table"].isin(DESCRIBING_TABLES).astype(int)
        )
        .groupby(["person_id", "customer_id"])
        .agg(held_described=("described", "sum"), held=("described", "size"))
        .reset_index()
        .sort_values(
            ["person_id", "held_described", "held", "customer_id"],
            ascending=[True, False, False, True],
        )
        .drop_duplicates("person_id")
        .set_index("person_id")["customer_id"]
    )
    result = record_count.to_frame()
    result["customer_count"] = customer_count.reindex(result.index).fillna(0).astype(int)
    result["customer_id"] = held.reindex(result.index)
    result["is_correctly_resolved"] = (result["customer_count"] == 1) & (
        result["customer_id"].map(people_per_customer) == 1
    )
    return result.reset_index()


# --------------------------------------------------------------------------- golden


def _is_empty(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return str(value).strip() == ""


def normalize_name(value) -> str:
    """Casefolded, accents stripped (NFKD), whitespace collapsed; '' when empty."""
    if _is_empty(value):
        return ""
    decomposed = unicodedata.normalize("NFKD", str(value))
    unaccented = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(unaccented.casefold().split())


def normalize_email(value) -> str:
    """Lower case, trimmed; '' when empty."""
    return "" if _is_empty(value) else str(value).strip().lower()


def normalize_phone(value) -> str:
    """Exact (E.164 is already canonical); '' when empty."""
    return "" if _is_empty(value) else str(value)


def normalize_postal_code(value) -> str:
    """Upper case without any whitespace; '' when empty."""
    return "" if _is_empty(value) else "".join(str(value).upper().split())


def normalize_date(value) -> str:
    """ISO `YYYY-MM-DD` for dates, timestamps and ISO strings; '' when empty."""
    if _is_empty(value):
        return ""
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()[:10]


def normalize_code(value) -> str:
    """A code such as a consent status: lower case, trimmed; '' when empty."""
    return "" if _is_empty(value) else str(value).strip().lower()


def normalize_country(value) -> str:
    """Upper case, trimmed; '' when empty."""
    return "" if _is_empty(value) else str(value).strip().upper()


ATTRIBUTE_NORMALIZERS: dict[str, Callable[[object], str]] = {
    "first_name": normalize_name,
    "last_name": normalize_name,
    "street": normalize_name,
    "city": normalize_name,
    "email": normalize_email,
    "phone": normalize_phone,
    "birth_date": normalize_date,
    "postal_code": normalize_postal_code,
    "country_code": normalize_country,
}


def _normalized(values: pd.Series, normalizer: Callable[[object], str]) -> np.ndarray:
    """Apply a normaliser once per distinct value (persons repeat names a lot)."""
    series = pd.Series(values, dtype=object)
    mapping = {value: normalizer(value) for value in series.dropna().unique()}
    return series.map(mapping).astype(object).fillna("").to_numpy(dtype=object)


def is_true(values: pd.Series) -> pd.Series:
    """Booleans from bool columns or `true`/`false` text; NULL is False."""
    series = pd.Series(values)
    if pd.api.types.is_bool_dtype(series):
        return series.fillna(False).astype(bool)
    text = _normalized(series, normalize_code)
    return pd.Series(np.isin(text, ["true", "t", "1", "yes", "y"]), index=series.index)


def golden_metrics(
    persons: pd.DataFrame, dim_customer: pd.DataFrame, person_customers: pd.DataFrame
) -> dict:
    """Attribute accuracy of dim_customer for correctly resolved, non-erased persons.

    Values are compared after the attribute's normaliser. An attribute the truth leaves
    blank (no record ever shows the person's true value) has no right answer: it is not
    scored, and is counted in `truth_blank` (with `filled_where_truth_blank`, the marts'
    guesses there). A person whose customer has no dim_customer row is wrong on every
    scored attribute. Attributes missing from dim_customer are reported as not available.
    """
    resolved = person_customers[person_customers["is_correctly_resolved"]]
    truth = persons.assign(person_id=as_id(persons["person_id"]))
    truth = truth[~is_true(truth["is_erased"]).to_numpy()] if "is_erased" in truth else truth
    scored = truth.merge(resolved[["person_id", "customer_id"]], on="person_id", how="inner")
    dim = dim_customer.assign(customer_id=as_id(dim_customer["customer_id"]))
    dim = dim.drop_duplicates("customer_id")
    available = [a for a in GOLDEN_ATTRIBUTES if a in dim.columns and a in truth.columns]
    joined = scored.merge(
        dim[["customer_id", *available]].assign(in_dim=True),
        on="customer_id",
        how="left",
        suffixes=("_truth", "_mart"),
    )
    in_dim = joined["in_dim"].fillna(False).astype(bool).to_numpy()

    attributes: dict[str, dict] = {}
    correct_by_attribute: dict[str, np.ndarray] = {}
    for attribute in GOLDEN_ATTRIBUTES:
        if attribute not in available:
            attributes[attribute] = {"status": "not available"}
            continue
        normalizer = ATTRIBUTE_NORMALIZERS[attribute]
        expected = _normalized(joined[f"{attribute}_truth"], normalizer)
        actual = _normalized(joined[f"{attribute}_mart"], normalizer)
        knowable = expected != ""
        correct = (expected == actual) & in_dim
        # An unknowable attribute does not make a person's key attributes wrong.
        correct_by_attribute[attribute] = correct | ~knowable
        attributes[attribute] = {
            "correct": int((correct & knowable).sum()),
            "evaluated": int(knowable.sum()),
            "accuracy": _ratio((correct & knowable).sum(), knowable.sum()),
            "truth_blank": int((~knowable).sum()),
            "filled_where_truth_blank": int((~knowable & (actual != "")).sum()),
        }

    key_available = all(a in correct_by_attribute for a in KEY_GOLDEN_ATTRIBUTES)
    all_key_correct = (
        np.logical_and.reduce([correct_by_attribute[a] for a in KEY_GOLDEN_ATTRIBUTES])
        if key_available and len(joined)
        else np.zeros(len(joined), dtype=bool)
    )
    return {
        "persons_evaluated": int(len(joined)),
        "persons_missing_from_dim_customer": int((~in_dim).sum()),
        "attributes": attributes,
        "all_key_attributes_correct": (
            {
                "correct": int(all_key_correct.sum()),
                "share": _ratio(all_key_correct.sum(), len(joined)),
            }
            if key_available
            else {"status": "not available"}
        ),
    }


# --------------------------------------------------------------------------- consent


def consent_metrics(
    truth_consent: pd.DataFrame,
    customer_consent: pd.DataFrame,
    person_customers: pd.DataFrame,
    erased_persons: set[str] | frozenset[str] = frozenset(),
) -> dict:
    """Consent status accuracy per person × purpose, through the person's main customer.

    Every person with a customer (the one holding most of its records) is scored. A
    missing mart row is a mismatch, except for an erased person: the contract lets
    an erased customer have no consent rows, so those are only counted. The
    ``granted_where_not_granted`` count is of rows the mart grants (status `granted`
    or is_granted true) where the truth does not; it must be 0: that is the costly
    error.

    When ``person_customers`` says which persons are correctly resolved, the same
    figures are also given for those persons alone (``correctly_resolved_persons``):
    a person split across customers or merged with another is judged through one
    customer that holds only part of their identifiers, or someone else's too, so its
    misses are identity's; the rest are the consent rules' own.
    """
    mapped = person_customers[person_customers["customer_id"].notna()]
    resolved_flag = "is_correctly_resolved" in mapped
    columns = ["person_id", "customer_id", *(["is_correctly_resolved"] if resolved_flag else [])]
    truth = pd.DataFrame(
        {
            "person_id": as_id(truth_consent["person_id"]),
            "purpose": as_id(truth_consent["purpose"]),
            "truth_status": _normalized(truth_consent["status"], normalize_code),
        }
    ).merge(mapped[columns], on="person_id", how="inner")
    mart = pd.DataFrame(
        {
            "customer_id": as_id(customer_consent["customer_id"]),
            "purpose": as_id(customer_consent["purpose"]),
            "mart_status": _normalized(customer_consent["status"], normalize_code),
            "mart_is_granted": (
                is_true(customer_consent["is_granted"]).to_numpy()
                if "is_granted" in customer_consent
                else False
            ),
            "in_mart": True,
        }
    ).drop_duplicates(["customer_id", "purpose"])
    joined = truth.merge(mart, on=["customer_id", "purpose"], how="left")
    in_mart = joined["in_mart"].fillna(False).astype(bool)
    erased_absent = ~in_mart & joined["person_id"].isin(erased_persons)
    joined = joined[~erased_absent].reset_index(drop=True)
    in_mart = in_mart[~erased_absent].reset_index(drop=True)
    mart_status = joined["mart_status"].fillna("")
    matches = in_mart & (mart_status == joined["truth_status"])
    mart_grants = (mart_status == "granted") | joined["mart_is_granted"].fillna(False).astype(bool)
    wrongly_granted = in_mart & mart_grants & (joined["truth_status"] != "granted")

    by_purpose = {
        str(purpose): {
            "rows": int(len(group)),
            "status_matches": int(matches[group.index].sum()),
            "accuracy": _ratio(matches[group.index].sum(), len(group)),
        }
        for purpose, group in joined.groupby("purpose", sort=True)
    }
    result = {
        "persons_evaluated": int(joined["person_id"].nunique()),
        "persons_without_customer": int(person_customers["customer_id"].isna().sum()),
        "rows_evaluated": int(len(joined)),
        "rows_missing_from_mart": int((~in_mart).sum()),
        "erased_rows_absent_from_mart": int(erased_absent.sum()),
        "status_matches": int(matches.sum()),
        "accuracy": _ratio(matches.sum(), len(joined)),
        "granted_where_not_granted": int(wrongly_granted.sum()),
        "by_purpose": by_purpose,
    }
    if resolved_flag:
        resolved = joined["is_correctly_resolved"].fillna(False).astype(bool)
        result["correctly_resolved_persons"] = {
            "rows_evaluated": int(resolved.sum()),
            "status_matches": int((matches & resolved).sum()),
            "accuracy": _ratio((matches & resolved).sum(), resolved.sum()),
            "granted_where_not_granted": int((wrongly_granted & resolved).sum()),
        }
    return result


# --------------------------------------------------------------------------- rfm


def rfm_metrics(
    truth_rfm: pd.DataFrame, customer_segments: pd.DataFrame, person_customers: pd.DataFrame
) -> dict:
    """RFM agreement for correctly resolved persons.

    recency_days and frequency must be equal and monetary within 0.01; NULL equals
    only NULL (a customer with no purchase has frequency 0 and monetary 0, not NULL).
    A person whose customer has no segments row mismatches every field.
    """
    resolved = person_customers[person_customers["is_correctly_resolved"]]
    truth = truth_rfm.assign(person_id=as_id(truth_rfm["person_id"])).merge(
        resolved[["person_id", "customer_id"]], on="person_id", how="inner"
    )
    segments = customer_segments.assign(customer_id=as_id(customer_segments["customer_id"]))
    segments = segments.drop_duplicates("customer_id")
    fields = ["recency_days", "frequency", "monetary"]
    available = [f for f in fields if f in segments.columns]
    joined = truth.merge(
        segments[["customer_id", *available]].assign(in_mart=True),
        on="customer_id",
        how="left",
        suffixes=("_truth", "_mart"),
    )
    in_mart = joined["in_mart"].fillna(False).astype(bool).to_numpy()

    values: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    field_ok: dict[str, np.ndarray] = {}
    for field_name in available:
        expected = pd.to_numeric(joined[f"{field_name}_truth"], errors="coerce").to_numpy(float)
        actual = pd.to_numeric(joined[f"{field_name}_mart"], errors="coerce").to_numpy(float)
        tolerance = MONETARY_TOLERANCE if field_name == "monetary" else 0.0
        both_null = np.isnan(expected) & np.isnan(actual)
        with np.errstate(invalid="ignore"):
            # The epsilon keeps a difference of exactly 0.01 within tolerance in floats.
            close = np.abs(expected - actual) <= tolerance + 1e-9
        values[field_name] = (expected, actual)
        field_ok[field_name] = (both_null | close) & in_mart

    all_ok = (
        np.logical_and.reduce(list(field_ok.values()))
        if field_ok
        else np.zeros(len(joined), dtype=bool)
    )
    examples = [
        {
            "person_id": joined["person_id"].iloc[row],
            "customer_id": joined["customer_id"].iloc[row],
            **{
                f"{field_name}_{side}": _plain(pair[index][row])
                for field_name, pair in values.items()
                for index, side in enumerate(("truth", "mart"))
            },
        }
        for row in np.flatnonzero(~all_ok)[:MAX_EXAMPLES]
    ]
    return {
        "persons_evaluated": int(len(joined)),
        "persons_missing_from_segments": int((~in_mart).sum()),
        "fields_compared": available,
        "all_fields_match": int(all_ok.sum()),
        "share_all_fields_match": _ratio(all_ok.sum(), len(joined)),
        "mismatches": {
            field_name: (
                int((~field_ok[field_name]).sum()) if field_name in field_ok else "not available"
            )
            for field_name in fields
        },
        "examples": examples,
    }


def _plain(value):
    """A JSON-friendly scalar."""
    if _is_empty(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


# --------------------------------------------------------------------------- erasure


def erased_person_ids(persons: pd.DataFrame | None) -> set[str]:
    """The ids of persons the truth marks erased (none when persons.csv is missing)."""
    if persons is None:
        return set()
    return set(as_id(persons["person_id"])[is_true(persons["is_erased"]).to_numpy()])


def erased_identifiers(persons: pd.DataFrame) -> list[str]:
    """Emails (lower case) and E.164 phones of erased persons: none may appear anywhere."""
    erased = persons[is_true(persons["is_erased"]).to_numpy()]
    values = [normalize_email(value) for value in erased.get("email", [])]
    values += [normalize_phone(value).strip() for value in erased.get("phone", [])]
    return sorted({value for value in values if value})


def erasure_metrics(
    persons: pd.DataFrame,
    dim_customer: pd.DataFrame | None,
    crosswalk: pd.DataFrame,
    record_persons: pd.DataFrame,
    *,
    aligned: pd.DataFrame | None = None,
) -> dict:
    """Erased persons: every customer holding any of their records must be erased.

    Stricter than checking the mapped customer only: a split person leaves no copy
    of their data behind in a second customer either. A customer passes when its
    dim_customer row has is_erased true and every personal column NULL.
    ``persons_failing_through_describing_records`` leaves out customers holding only the
    person's till receipts or cookies with no personal data (a payment card nothing ties to
    them: there is nothing of theirs to erase); ``persons_failing`` counts them too.
    """
    erased_ids = erased_person_ids(persons)
    if aligned is None:
        aligned = align_records(crosswalk, record_persons)
    holdings = aligned[aligned["person_id"].isin(erased_ids) & aligned["customer_id"].notna()]
    holdings = holdings[["person_id", "customer_id"]].drop_duplicates()
    result = {
        "erased_persons": len(erased_ids),
        "erased_persons_with_customer": int(holdings["person_id"].nunique()),
        "customers_checked": int(holdings["customer_id"].nunique()),
    }
    if dim_customer is None:
        result["dim_customer"] = {"status": "not available"}
        return result

    dim = dim_customer.assign(customer_id=as_id(dim_customer["customer_id"]))
    dim = dim.drop_duplicates("customer_id").set_index("customer_id")
    customers = pd.Index(holdings["customer_id"].unique())
    in_dim = customers.isin(dim.index)
    rows = dim.reindex(customers)
    flagged = (
        is_true(rows["is_erased"]).to_numpy()
        if "is_erased" in rows
        else np.zeros(len(rows), dtype=bool)
    )
    personal = [column for column in PERSONAL_COLUMNS if column in rows.columns]
    has_personal_data = (
        rows[personal].map(lambda value: not _is_empty(value)).any(axis=1).to_numpy()
        if personal
        else np.zeros(len(rows), dtype=bool)
    )
    failing = customers[~in_dim | ~flagged | has_personal_data]
    # A customer holding only the person's till receipts or cookies (a payment card nothing
    # ties to them) has nothing of theirs to erase: counted, and failing only with personal data.
    describing = aligned[
        aligned["person_id"].isin(erased_ids)
        & aligned["customer_id"].notna()
        & aligned["source_table"].isin(DESCRIBING_TABLES)
    ]["customer_id"].unique()
    described = customers.isin(describing)
    failing_described = customers[(~in_dim | ~flagged | has_personal_data) & described]
    failing_described = failing_described.union(customers[has_personal_data])
    result["dim_customer"] = {
        "customers_missing": int((~in_dim).sum()),
        "customers_not_flagged_erased": int((in_dim & ~flagged).sum()),
        "customers_with_personal_data": int((in_dim & has_personal_data).sum()),
        "customers_without_describing_records_not_flagged": int(
            (in_dim & ~flagged & ~described).sum()
        ),
        "persons_failing": int(
            holdings[holdings["customer_id"].isin(failing)]["person_id"].nunique()
        ),
        "persons_failing_through_describing_records": int(
            holdings[holdings["customer_id"].isin(failing_described)]["person_id"].nunique()
        ),
        "personal_columns_checked": personal,
    }
    return result
