"""Score both tools on the same person records with the project's metrics, and format the table.

Pure functions on DataFrames (unit-tested in tests/python/test_bench_scoring.py); the metrics
themselves are scv.evaluate.metrics (pairwise_scores, bcubed_scores via identity_metrics).
"""

from __future__ import annotations

import pandas as pd

from scv.evaluate.metrics import RECORD_KEY, align_records, as_id, identity_metrics, trap_metrics

# The tables whose rows are person records (with attributes); till transactions and web cookies
# are satellites with no attributes of their own, which Splink cannot compare.
PERSON_TABLES = [
    "crm_contacts",
    "shop_customers",
    "shop_orders",
    "loyalty_members",
    "support_tickets",
]


def keys(frame: pd.DataFrame) -> pd.DataFrame:
    """The record keys of a frame, as text, deduplicated."""
    return (
        pd.DataFrame(
            {
                "source_table": as_id(frame["source_table"]),
                "source_record_id": as_id(frame["source_record_id"]),
            }
        )
        .drop_duplicates()
        .reset_index(drop=True)
    )


def restrict_truth(
    record_persons: pd.DataFrame, person_records: pd.DataFrame
) -> tuple[pd.DataFrame, dict]:
    """Truth rows of exactly the scored record set, and how the two sets differ.

    `person_records` is the set both tools resolved (the build's person records). Truth rows
    of person tables missing from it, and records missing from the truth, are counted.
    """
    truth = pd.DataFrame(
        {
            "source_table": as_id(record_persons["source_table"]),
            "source_record_id": as_id(record_persons["source_record_id"]),
            "person_id": as_id(record_persons["person_id"]),
        }
    ).drop_duplicates(RECORD_KEY)
    truth = truth[truth["source_table"].isin(PERSON_TABLES)]
    scored = keys(person_records).assign(scored=True)
    joined = truth.merge(scored, on=RECORD_KEY, how="outer", indicator=True)
    restricted = joined[joined["_merge"] == "both"][[*RECORD_KEY, "person_id"]]
    return restricted.reset_index(drop=True), {
        "scored_records": int(len(restricted)),
        "truth_person_records_not_in_build": int((joined["_merge"] == "left_only").sum()),
        "build_records_not_in_truth": int((joined["_merge"] == "right_only").sum()),
    }


def restrict_predictions(predicted: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Predicted (source_table, source_record_id, customer_id) rows of the scored records only."""
    frame = pd.DataFrame(
        {
            "source_table": as_id(predicted["source_table"]),
            "source_record_id": as_id(predicted["source_record_id"]),
            "customer_id": as_id(predicted["customer_id"]),
        }
    ).drop_duplicates(RECORD_KEY)
    return frame.merge(keys(truth), on=RECORD_KEY, how="inner")


def score(
    predicted: pd.DataFrame, truth: pd.DataFrame, trap_pairs: pd.DataFrame | None = None
) -> dict:
    """Pairwise and B-cubed scores and cluster sizes of `predicted` on the records of `truth`.

    `predicted` has source_table, source_record_id, customer_id (a cluster id); `truth` is the
    restricted record_persons. Records missing from `predicted` count as singletons.
    """
    predicted = restrict_predictions(predicted, truth)
    aligned = align_records(predicted, truth)
    metrics = identity_metrics(predicted, truth, aligned=aligned)
    # Singleton records (NULL customer_id) are their own clusters.
    cluster_count = int(aligned["predicted_label"].nunique())
    result = {
        "records": metrics["truth_records"],
        "true_persons": int(aligned["true_label"].nunique()),
        "clusters": cluster_count,
        "largest_cluster": metrics["largest_predicted_cluster"],
        "largest_true_person": metrics["largest_true_person"],
        "records_without_cluster": int(aligned["customer_id"].isna().sum()),
        "pairwise": metrics["pairwise"],
        "bcubed": metrics["bcubed"],
    }
    if trap_pairs is not None and len(trap_pairs):
        person_traps = trap_pairs[
            trap_pairs["source_table_a"].isin(PERSON_TABLES)
            & trap_pairs["source_table_b"].isin(PERSON_TABLES)
        ]
        traps = trap_metrics(person_traps, predicted)
        result["trap_pairs_merged"] = {
            "checked": traps["pairs_checked"],
            "merged": traps["pairs_merged"],
            "by_type": {name: value["pairs_merged"] for name, value in traps["by_type"].items()},
        }
    return result


def error_examples(
    predicted: pd.DataFrame, truth: pd.DataFrame, attributes: pd.DataFrame, limit: int = 10
) -> dict:
    """Examples of false merges (a predicted cluster holding several persons) and misses (a
    person split over several clusters), with the records' attributes, for the report.

    `attributes` is indexed by (source_table, source_record_id) with the columns to show.
    """
    predicted = restrict_predictions(predicted, truth)
    aligned = align_records(predicted, truth)
    aligned["cluster"] = aligned["predicted_label"]
    aligned["person"] = aligned["true_label"]

    def rows(frame: pd.DataFrame) -> list[dict]:
        shown = frame.merge(attributes.reset_index(), on=RECORD_KEY, how="left")
        columns = [
            *RECORD_KEY,
            "person_id",
            "customer_id",
            *[c for c in attributes.columns if c not in RECORD_KEY],
        ]
        return shown[columns].astype(object).where(shown[columns].notna(), None).to_dict("records")

    persons_per_cluster = aligned.groupby("cluster")["person"].nunique()
    merged = persons_per_cluster[persons_per_cluster > 1].sort_values(ascending=False)
    clusters_per_person = aligned.groupby("person")["cluster"].nunique()
    split = clusters_per_person[clusters_per_person > 1]
    return {
        "clusters_with_several_persons": int(len(merged)),
        "persons_split": int(len(split)),
        "false_merges": [
            rows(aligned[aligned["cluster"] == cluster]) for cluster in merged.index[:limit]
        ],
        "misses": [rows(aligned[aligned["person"] == person]) for person in split.index[:limit]],
    }


TABLE_COLUMNS = [
    ("tool", "tool"),
    ("dataset", "data"),
    ("persons", "persons"),
    ("records", "records"),
    ("precision", "pairwise P"),
    ("recall", "pairwise R"),
    ("f1", "pairwise F1"),
    ("bcubed_f1", "B-cubed F1"),
    ("clusters", "clusters"),
    ("largest_cluster", "largest cluster"),
    ("wall_seconds", "wall time (s)"),
    ("resolution_seconds", "resolution time (s)"),
    ("peak_rss_mb", "peak memory (MB)"),
]


def table_row(
    tool: str,
    dataset: str,
    persons,
    scores: dict,
    wall_seconds,
    peak_rss_mb,
    resolution_seconds=None,
) -> dict:
    """One row of the comparison table (numbers kept raw; formatted by markdown_table).

    `wall_seconds` is the tool's whole process; `resolution_seconds` the linking alone, on
    records already staged (ours: the intermediate models; Splink: training to clustering).
    """
    return {
        "tool": tool,
        "dataset": dataset,
        "persons": persons,
        "records": scores.get("records"),
        "precision": scores.get("pairwise", {}).get("precision"),
        "recall": scores.get("pairwise", {}).get("recall"),
        "f1": scores.get("pairwise", {}).get("f1"),
        "bcubed_f1": scores.get("bcubed", {}).get("f1"),
        "clusters": scores.get("clusters"),
        "largest_cluster": scores.get("largest_cluster"),
        "wall_seconds": wall_seconds,
        "resolution_seconds": resolution_seconds,
        "peak_rss_mb": peak_rss_mb,
    }


def _format(key: str, value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "n/a"
    if key in {"precision", "recall", "f1", "bcubed_f1"}:
        return f"{value:.4f}"
    if key in {"wall_seconds", "resolution_seconds"}:
        return f"{value:,.1f}"
    if key == "peak_rss_mb":
        return f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def markdown_table(rows: list[dict]) -> str:
    """The rows as a GitHub markdown table."""
    header = "| " + " | ".join(title for _, title in TABLE_COLUMNS) + " |"
    rule = (
        "|"
        + "|".join("---" if key in {"tool", "dataset"} else "---:" for key, _ in TABLE_COLUMNS)
        + "|"
    )
    lines = [header, rule]
    for row in rows:
        lines.append(
            "| " + " | ".join(_format(key, row.get(key)) for key, _ in TABLE_COLUMNS) + " |"
        )
    return "\n".join(lines)
