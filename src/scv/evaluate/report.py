"""Evaluate a build: read the marts and the truth, compute every metric, format them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from scv.evaluate import metrics
from scv.evaluate.truth import read_truth
from scv.evaluate.warehouse import connect, existing_schemas, read_marts, scan_for_identifiers

SECTIONS = ["identity", "traps", "golden", "consent", "rfm", "erasure"]


def _not_available(*missing: str) -> dict:
    return {"status": "not available", "reason": "missing: " + ", ".join(missing)}


def _missing(named: dict[str, object]) -> list[str]:
    return [name for name, value in named.items() if value is None]


def evaluate(
    duckdb_path: Path | str,
    truth_dir: Path | str,
    schema: str = "marts",
    snapshot_schema: str = "snapshots",
) -> dict:
    """Score the marts in `duckdb_path` against the truth in `truth_dir`.

    Every section is computed from what exists; a section whose mart or truth file is
    missing is ``{"status": "not available", "reason": ...}``. The result is plain
    JSON-serialisable data, with a ``must_be_zero`` summary of the counts a healthy
    build keeps at 0.
    """
    truth = read_truth(truth_dir)
    with connect(duckdb_path) as connection:
        marts = read_marts(connection, schema)
        scanned_schemas = existing_schemas(connection, [schema, snapshot_schema])
        identifiers = metrics.erased_identifiers(truth.persons) if truth.persons is not None else []
        leak_scan = (
            scan_for_identifiers(connection, scanned_schemas, identifiers)
            if truth.persons is not None
            else None
        )

    crosswalk = marts["customer_crosswalk"]
    mart_names = {
        "customer_crosswalk": crosswalk,
        "record_persons.csv": truth.record_persons,
    }
    aligned = (
        metrics.align_records(crosswalk, truth.record_persons) if not _missing(mart_names) else None
    )
    person_customers = (
        metrics.resolve_persons(crosswalk, truth.record_persons, aligned=aligned)
        if aligned is not None
        else None
    )
    results: dict = {
        "inputs": {
            "duckdb": str(duckdb_path),
            "truth": str(truth_dir),
            "schema": schema,
            "marts_available": {name: frame is not None for name, frame in marts.items()},
            "truth_files_available": truth.available(),
            "truth_manifest": truth.manifest,
        }
    }

    def section(needs: dict[str, object], compute) -> dict:
        missing = _missing(needs)
        return _not_available(*missing) if missing else {"status": "ok", **compute()}

    results["identity"] = section(
        mart_names,
        lambda: metrics.identity_metrics(crosswalk, truth.record_persons, aligned=aligned),
    )
    results["traps"] = section(
        {"customer_crosswalk": crosswalk, "trap_pairs.csv": truth.trap_pairs},
        lambda: metrics.trap_metrics(truth.trap_pairs, crosswalk),
    )
    results["golden"] = section(
        {
            **mart_names,
            "dim_customer": marts["dim_customer"],
            "persons.csv": truth.persons,
        },
        lambda: metrics.golden_metrics(truth.persons, marts["dim_customer"], person_customers),
    )
    results["consent"] = section(
        {
            **mart_names,
            "customer_consent": marts["customer_consent"],
            "consent.csv": truth.consent,
        },
        lambda: metrics.consent_metrics(
            truth.consent,
            marts["customer_consent"],
            person_customers,
            erased_persons=metrics.erased_person_ids(truth.persons),
        ),
    )
    results["rfm"] = section(
        {
            **mart_names,
            "customer_segments": marts["customer_segments"],
            "rfm.csv": truth.rfm,
        },
        lambda: metrics.rfm_metrics(truth.rfm, marts["customer_segments"], person_customers),
    )
    results["erasure"] = section(
        {"persons.csv": truth.persons},
        lambda: _erasure_section(
            truth, marts, crosswalk, aligned, identifiers, leak_scan, scanned_schemas
        ),
    )
    results["must_be_zero"] = _must_be_zero(results)
    return results


def _erasure_section(
    truth, marts, crosswalk, aligned, identifiers, leak_scan, scanned_schemas
) -> dict:
    if aligned is not None:
        result = metrics.erasure_metrics(
            truth.persons, marts["dim_customer"], crosswalk, truth.record_persons, aligned=aligned
        )
    else:
        result = {
            "erased_persons": int(metrics.is_true(truth.persons["is_erased"]).sum()),
            "dim_customer": _not_available("customer_crosswalk or record_persons.csv"),
        }
    leaking = leak_scan[leak_scan["matching_rows"] > 0]
    result["leak_scan"] = {
        "schemas_scanned": scanned_schemas,
        "identifiers_checked": len(identifiers),
        "columns_scanned": int(len(leak_scan)),
        "leaking_rows": int(leaking["matching_rows"].sum()),
        "leaking_columns": [
            {
                "column": f"{row.schema}.{row.table}.{row.column}",
                "matching_rows": int(row.matching_rows),
            }
            for row in leaking.itertuples(index=False)
        ],
    }
    return result


def _must_be_zero(results: dict) -> dict:
    """The counts that are 0 in a healthy build (None when not available)."""

    def pick(*path: str):
        value = results
        for key in path:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return value

    return {
        "records_missing_from_crosswalk": pick("identity", "records_missing_from_crosswalk"),
        "crosswalk_records_not_in_truth": pick("identity", "crosswalk_records_not_in_truth"),
        "crosswalk_duplicate_keys": pick("identity", "crosswalk_duplicate_keys"),
        "consent_granted_where_not_granted": pick("consent", "granted_where_not_granted"),
        "erased_customers_not_flagged": pick(
            "erasure", "dim_customer", "customers_not_flagged_erased"
        ),
        "erased_customers_with_personal_data": pick(
            "erasure", "dim_customer", "customers_with_personal_data"
        ),
        "erasure_leaking_rows": pick("erasure", "leak_scan", "leaking_rows"),
    }


def to_json(results: dict) -> str:
    """The results as indented JSON (numpy and pandas scalars converted)."""

    def default(value):
        if isinstance(value, np.generic):
            return value.item()
        if isinstance(value, pd.Timestamp):
            return value.isoformat()
        return str(value)

    return json.dumps(results, indent=2, default=default, ensure_ascii=False)


def format_report(results: dict) -> str:
    """A readable plain-text report: one block per section, one number per line."""
    lines: list[str] = []
    for name in [*SECTIONS, "must_be_zero"]:
        lines.append(f"== {name} ==")
        data = results.get(name, {})
        rows = list(_flatten(data))
        width = max((len(key) for key, _ in rows), default=0)
        for key, value in rows:
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                # Records (examples, leaking columns) read best one per line.
                lines.append(f"  {key}:")
                lines += [f"    {json.dumps(v, default=str, ensure_ascii=False)}" for v in value]
            else:
                lines.append(f"  {key.ljust(width)}  {_format_value(value)}")
        lines.append("")
    return "\n".join(lines)


def _flatten(data: dict, prefix: str = ""):
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            yield from _flatten(value, f"{name}.")
        else:
            yield name, value


def _format_value(value) -> str:
    if value is None:
        return "not available"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value) if value else "-"
    return str(value)
