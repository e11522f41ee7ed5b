"""Side-by-side benchmark: this project's identity resolution against Splink, same records.

    python bench/compare_splink.py --persons 10000 --persons 100000 --febrl3 \\
        [--febrl 1,2,3,4] [--rldata] [--pseudopeople [--pseudopeople-seeds 1,2]] \\
        [--seed 7] [--out bench/out] [--json results.json] [--timeout SECONDS]
        [--max-memory-mb MB] [--splink-memory-limit 10GB] [--tools ours,splink]
        [--project-dir DIR]

For each generated size (python -m scv.generate, as_of 2026-06-30) and each external data set
mapped into the raw contract (FEBRL 1-4, RLdata10000, pseudopeople per noise seed; see
bench/febrl.py, bench/rldata.py, bench/pseudopeople_data.py):

1. ours: `dbt seed`, then the timed `dbt run --select +customer_crosswalk` (raw CSV load,
   staging, matching, identity graph, crosswalk) into <out>/<dataset>/warehouse.duckdb with its
   own --target-path; wall time and peak RSS of the dbt process (os.wait4 rusage).
2. Splink (bench/splink_model.py, its own process): reads
   intermediate.int_source_records where is_person_record from that warehouse (the same
   records after the same staging), trains the standard dedupe model, predicts, clusters.
   Its wall time runs from reading that table to the clusters at 0.95; its peak RSS is the
   process's peak at that moment. Clusters at 0.5 are reported too.
3. Both are scored on exactly the same person records against truth/record_persons.csv with
   scv.evaluate.metrics: pairwise precision/recall/F1 (from cluster sizes), B-cubed F1 (the
   "clustered F1"), cluster count, largest cluster.

Prints a markdown table (and writes JSON after every dataset, so a partial run keeps its figures).
`--project-dir` builds the dbt project of another checkout (its models, seeds and `src/` package)
with this harness. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

import febrl  # noqa: E402
import pseudopeople_data  # noqa: E402
import rldata  # noqa: E402
import scoring  # noqa: E402
from measure import run_measured  # noqa: E402

from scv.evaluate.truth import read_truth_csv  # noqa: E402
from scv.project import dbt_executable  # noqa: E402

AS_OF_DATE = "2026-06-30"
# The checkout whose dbt project is benchmarked by default: the one this script is in.
PROJECT_DIR = BENCH_DIR.parent


# --------------------------------------------------------------------------- machine


def load_average() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def project_env(project_dir: Path) -> dict:
    """The environment for the project's processes: its own `src/` first on PYTHONPATH, so the
    dbt Python models and the generator import that checkout's `scv` package."""
    paths = [str(project_dir / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def project_code_version(project_dir: Path = PROJECT_DIR) -> dict:
    """The git commit the project's build ran from, and whether its code had local edits."""

    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=project_dir, capture_output=True, text=True)
        return result.stdout.strip() if result.returncode == 0 else ""

    edited = git(
        "status",
        "--porcelain",
        "--",
        "models",
        "macros",
        "seeds",
        "src",
        "dbt_project.yml",
    )
    return {
        "project_dir": str(project_dir),
        "commit": git("rev-parse", "--short", "HEAD") or None,
        "uncommitted_build_changes": len(edited.splitlines()) if edited else 0,
    }


def machine_info(project_dir: Path = PROJECT_DIR) -> dict:
    memory_gb = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for package in ("splink", "duckdb", "dbt-core", "dbt-duckdb", "pandas"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:  # noqa: BLE001
            versions[package] = None
    return {
        "project_code": project_code_version(project_dir),
        "date_utc": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu_count": os.cpu_count(),
        "memory_gb": memory_gb,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average_at_start": load_average(),
        "versions": versions,
    }


# --------------------------------------------------------------------------- data


def generate(out_dir: Path, persons: int, seed: int, project_dir: Path = PROJECT_DIR) -> dict:
    """Generated raw CSVs and truth; reused when the same size and seed are already there."""
    manifest_path = out_dir / "truth" / "manifest.json"
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("persons") == persons and manifest.get("seed") == seed:
            return {"reused": True, "seconds": None}
    if out_dir.exists():
        shutil.rmtree(out_dir)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "scv.generate",
            "--persons",
            str(persons),
            "--seed",
            str(seed),
            "--out",
            str(out_dir),
            "--as-of",
            AS_OF_DATE,
            "--quiet",
        ],
        check=True,
        cwd=project_dir,
        env=project_env(project_dir),
    )
    return {"reused": False, "seconds": round(time.perf_counter() - started, 1)}


# --------------------------------------------------------------------------- tools


def dbt_command(
    args: list[str], run_dir: Path, raw_dir: Path, project_dir: Path = PROJECT_DIR
) -> tuple[list[str], dict]:
    """The dbt command and environment, as scv.project.run_dbt builds them (own database and
    target folder under run_dir)."""
    target = run_dir / "target"
    command = [
        dbt_executable(),
        *args,
        "--vars",
        json.dumps({"raw_dir": str(raw_dir), "as_of_date": AS_OF_DATE}),
        "--target-path",
        str(target),
    ]
    env = {
        **project_env(project_dir),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "SCV_DUCKDB_PATH": str(run_dir / "warehouse.duckdb"),
        "DBT_LOG_PATH": str(target / "logs"),
    }
    return command, env


def run_ours(
    run_dir: Path,
    raw_dir: Path,
    timeout: float | None,
    max_memory_mb: float | None = None,
    project_dir: Path = PROJECT_DIR,
) -> dict:
    for stale in (run_dir / "warehouse.duckdb", run_dir / "warehouse.duckdb.wal"):
        stale.unlink(missing_ok=True)
    command, env = dbt_command(["seed"], run_dir, raw_dir, project_dir)
    seed = run_measured(command, cwd=project_dir, env=env, log_path=run_dir / "dbt_seed.log")
    if seed.returncode != 0:
        return {"status": "failed", "step": "dbt seed", "seed": seed.as_dict()}
    command, env = dbt_command(
        ["run", "--select", "+customer_crosswalk"], run_dir, raw_dir, project_dir
    )
    load_before = load_average()
    run = run_measured(
        command,
        cwd=project_dir,
        env=env,
        log_path=run_dir / "dbt_run.log",
        timeout_seconds=timeout,
        max_memory_mb=max_memory_mb,
    )
    status = "ok" if run.returncode == 0 else (run.stopped or "failed")
    return {
        "status": status,
        "seed": seed.as_dict(),
        "run": run.as_dict(),
        "wall_seconds": run.wall_seconds,
        "resolution_seconds": resolution_seconds(run_dir / "target" / "run_results.json")
        if status == "ok"
        else None,
        "peak_rss_mb": run.peak_rss_mb,
        "load_average_before": load_before,
        "load_average_after": load_average(),
    }


def resolution_seconds(run_results_path: Path) -> float | None:
    """Wall time of the linking alone: from the first intermediate model's start to the last
    one's end (staging and the raw load before them excluded, as Splink reads staged records)."""
    if not run_results_path.is_file():
        return None
    spans = []
    for result in json.loads(run_results_path.read_text())["results"]:
        if '"intermediate".' not in (result.get("relation_name") or ""):
            continue
        timing = {step["name"]: step for step in result.get("timing", [])}
        if "execute" in timing and timing["execute"].get("started_at"):
            spans.append((timing["compile"]["started_at"], timing["execute"]["completed_at"]))
    if not spans:
        return None
    start = min(datetime.fromisoformat(begin.replace("Z", "+00:00")) for begin, _ in spans)
    end = max(datetime.fromisoformat(finish.replace("Z", "+00:00")) for _, finish in spans)
    return round((end - start).total_seconds(), 1)


def run_splink(
    run_dir: Path,
    profile: str,
    timeout: float | None,
    max_memory_mb: float | None = None,
    splink_memory_limit: str | None = None,
) -> dict:
    out = run_dir / "splink"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    command = [
        sys.executable,
        str(BENCH_DIR / "splink_model.py"),
        "--warehouse",
        str(run_dir / "warehouse.duckdb"),
        "--out",
        str(out),
        "--profile",
        profile,
    ]
    if splink_memory_limit:
        command += ["--memory-limit", splink_memory_limit]
    load_before = load_average()
    process = run_measured(
        command,
        cwd=BENCH_DIR,
        env=dict(os.environ),
        log_path=run_dir / "splink.log",
        timeout_seconds=timeout,
        max_memory_mb=max_memory_mb,
    )
    result = {
        "process": process.as_dict(),
        "load_average_before": load_before,
        "load_average_after": load_average(),
    }
    summary_path = out / "splink_timings.json"
    if process.returncode != 0 or not summary_path.is_file():
        result["status"] = process.stopped or "failed"
        return result
    result["status"] = "ok"
    result["summary"] = json.loads(summary_path.read_text())
    return result


# --------------------------------------------------------------------------- scoring


def read_warehouse(
    run_dir: Path, with_crosswalk: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(person records with their attributes, crosswalk or None) of our build."""
    with duckdb.connect(str(run_dir / "warehouse.duckdb"), read_only=True) as connection:
        records = connection.sql(
            "select source_table, source_record_id, first_name_normalised as first_name, "
            "last_name_normalised as last_name, birth_date, email_match_key as email, "
            "phone_national_number as phone, street, city, postal_code_normalised as postcode "
            "from intermediate.int_source_records where is_person_record"
        ).df()
        crosswalk = (
            connection.sql(
                "select source_table, source_record_id, customer_id from marts.customer_crosswalk"
            ).df()
            if with_crosswalk
            else None
        )
    records["birth_date"] = records["birth_date"].astype(str).where(records["birth_date"].notna())
    return records, crosswalk


def splink_clusters(path: str) -> pd.DataFrame:
    frame = pd.read_parquet(path)
    return frame.rename(columns={"cluster_id": "customer_id"})[
        ["source_table", "source_record_id", "customer_id"]
    ]


def evaluate_dataset(
    name: str,
    persons,
    run_dir: Path,
    truth_dir: Path,
    ours: dict,
    splink: dict | None,
    ours_ok: bool = True,
    examples: bool = True,
) -> dict:
    records, crosswalk = read_warehouse(run_dir, with_crosswalk=ours_ok)
    truth_all = read_truth_csv(truth_dir / "record_persons.csv")
    trap_path = truth_dir / "trap_pairs.csv"
    traps = read_truth_csv(trap_path) if trap_path.is_file() else None
    truth, coverage = scoring.restrict_truth(truth_all, records)
    attributes = records.assign(
        source_table=scoring.as_id(records["source_table"]),
        source_record_id=scoring.as_id(records["source_record_id"]),
    ).set_index(scoring.RECORD_KEY)

    result = {
        "dataset": name,
        "persons": persons,
        "coverage": coverage,
        "rows": [],
        "scores": {},
        "errors": {},
    }
    if crosswalk is not None:
        ours_scores = scoring.score(crosswalk, truth, traps)
        result["scores"]["ours"] = ours_scores
        result["rows"].append(
            scoring.table_row(
                "ours (dbt)",
                name,
                persons,
                ours_scores,
                ours.get("wall_seconds"),
                ours.get("peak_rss_mb"),
                ours.get("resolution_seconds"),
            )
        )
        if examples:
            result["errors"]["ours"] = scoring.error_examples(crosswalk, truth, attributes)
    else:
        result["rows"].append(
            {
                "tool": f"ours ({ours.get('status', 'not run')})",
                "dataset": name,
                "persons": persons,
                "wall_seconds": ours.get("wall_seconds"),
                "peak_rss_mb": ours.get("peak_rss_mb"),
            }
        )
    if splink and splink.get("status") == "ok":
        summary = splink["summary"]
        for threshold, measured in summary["thresholds"].items():
            predicted = splink_clusters(measured["clusters_path"])
            scores = scoring.score(predicted, truth, traps)
            label = f"Splink @{threshold}"
            result["scores"][label] = scores
            result["rows"].append(
                scoring.table_row(
                    label,
                    name,
                    persons,
                    scores,
                    measured["wall_seconds"],
                    measured["peak_rss_mb"],
                    measured.get("resolution_seconds"),
                )
            )
            if examples and float(threshold) == summary["model"]["cluster_threshold"]:
                result["errors"][label] = scoring.error_examples(predicted, truth, attributes)
    elif splink:
        result["rows"].append(
            {"tool": f"Splink ({splink.get('status')})", "dataset": name, "persons": persons}
        )
    return result


# --------------------------------------------------------------------------- main


def staged_records_exist(run_dir: Path) -> bool:
    """Our build got as far as the staged person records Splink reads."""
    path = run_dir / "warehouse.duckdb"
    if not path.exists():
        return False
    with duckdb.connect(str(path), read_only=True) as connection:
        return bool(
            connection.sql(
                "select count(*) from information_schema.tables "
                "where table_schema = 'intermediate' and table_name = 'int_source_records'"
            ).fetchall()[0][0]
        )


def crosswalk_exists(run_dir: Path) -> bool:
    with duckdb.connect(str(run_dir / "warehouse.duckdb"), read_only=True) as connection:
        return bool(
            connection.sql(
                "select count(*) from information_schema.tables where table_schema = 'marts' "
                "and table_name = 'customer_crosswalk'"
            ).fetchall()[0][0]
        )


def run_dataset(
    name: str, persons, raw_dir: Path, truth_dir: Path, profile: str, args: argparse.Namespace
) -> dict:
    run_dir = (args.out / name).resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    ours: dict = {}
    if "ours" in args.tools:
        print(f"[{name}] ours: dbt run --select +customer_crosswalk ...", flush=True)
        ours = run_ours(run_dir, raw_dir, args.timeout, args.max_memory_mb, args.project_dir)
        print(
            f"[{name}] ours: {ours.get('status')} {ours.get('wall_seconds')} s, "
            f"{ours.get('peak_rss_mb')} MB",
            flush=True,
        )
    if not staged_records_exist(run_dir):
        return {
            "dataset": name,
            "persons": persons,
            "ours": ours,
            "rows": [
                {
                    "tool": f"ours ({ours.get('status')})",
                    "dataset": name,
                    "persons": persons,
                    "wall_seconds": ours.get("wall_seconds"),
                    "peak_rss_mb": ours.get("peak_rss_mb"),
                }
            ],
        }
    splink = None
    if "splink" in args.tools:
        print(f"[{name}] Splink ...", flush=True)
        splink = run_splink(
            run_dir, profile, args.timeout, args.max_memory_mb, args.splink_memory_limit
        )
        print(
            f"[{name}] Splink: {splink['status']} (process "
            f"{splink['process']['wall_seconds']} s, {splink['process']['peak_rss_mb']} MB)",
            flush=True,
        )
    result = evaluate_dataset(
        name,
        persons,
        run_dir,
        truth_dir,
        ours,
        splink,
        ours_ok=ours.get("status", "ok") == "ok" and crosswalk_exists(run_dir),
    )
    result["ours"] = ours
    result["splink"] = splink
    return result


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--persons", type=int, action="append", default=[], help="generated persons (repeatable)"
    )
    parser.add_argument(
        "--febrl3", action="store_true", help="also run FEBRL3 (no soc_sec_id); = --febrl 3"
    )
    parser.add_argument(
        "--febrl",
        default="",
        help="comma-separated FEBRL data sets to run, of 1,2,3,4 (no soc_sec_id)",
    )
    parser.add_argument("--rldata", action="store_true", help="also run RLdata10000")
    parser.add_argument(
        "--pseudopeople",
        action="store_true",
        help="also run pseudopeople's sample population (census, W-2/1099, Social Security)",
    )
    parser.add_argument(
        "--pseudopeople-seeds",
        default="1,2",
        help="comma-separated pseudopeople noise seeds, one data set each (default 1,2)",
    )
    parser.add_argument(
        "--pseudopeople-python",
        default=None,
        help="a Python with pseudopeople to export its frames (default: this one if it has "
        "pseudopeople, else a venv created under <out>/cache)",
    )
    parser.add_argument(
        "--project-dir",
        type=Path,
        default=PROJECT_DIR,
        help="the checkout whose dbt project (and src/ package) is built (default: this one)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "out")
    parser.add_argument(
        "--json", type=Path, default=None, help="results JSON (default <out>/results.json)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds each tool run may take before it is stopped",
    )
    parser.add_argument(
        "--max-memory-mb",
        type=float,
        default=None,
        help="stop a tool run whose processes hold more resident memory than this",
    )
    parser.add_argument(
        "--splink-memory-limit",
        default=None,
        help="DuckDB memory_limit for Splink's connection, e.g. 10GB (spills past it)",
    )
    parser.add_argument(
        "--tools",
        default="ours,splink",
        help="comma-separated: ours, splink (Splink needs our build's staging)",
    )
    args = parser.parse_args(argv)
    args.tools = {tool.strip() for tool in args.tools.split(",") if tool.strip()}
    try:
        febrl_numbers = {int(part) for part in args.febrl.split(",") if part.strip()}
        args.pseudopeople_seeds = [
            int(part) for part in args.pseudopeople_seeds.split(",") if part.strip()
        ]
    except ValueError as error:
        parser.error(f"--febrl and --pseudopeople-seeds take comma-separated integers: {error}")
    if args.febrl3:
        febrl_numbers.add(3)
    if febrl_numbers - set(febrl.FEBRL_FILES):
        parser.error(f"FEBRL data sets are 1, 2, 3 and 4, not {sorted(febrl_numbers)}")
    args.febrl = sorted(febrl_numbers)
    if args.pseudopeople and not args.pseudopeople_seeds:
        parser.error("--pseudopeople needs at least one seed")
    if not (args.persons or args.febrl or args.rldata or args.pseudopeople):
        parser.error(
            "nothing to run: give --persons N, --febrl 1,2,3,4, --rldata and/or --pseudopeople"
        )
    args.project_dir = args.project_dir.resolve()
    if not (args.project_dir / "dbt_project.yml").is_file():
        parser.error(f"--project-dir {args.project_dir}: no dbt_project.yml there")
    args.out = args.out.resolve()
    args.json = (args.json or args.out / "results.json").resolve()
    return args


def write_results(path: Path, machine: dict, command: str, datasets: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [row for dataset in datasets for row in dataset.get("rows", [])]
    path.write_text(
        json.dumps(
            {"command": command, "machine": machine, "table": rows, "datasets": datasets},
            indent=2,
            default=str,
        )
    )


def external_datasets(
    args: argparse.Namespace,
) -> list[tuple[str, Callable[[], tuple[Path, Path]]]]:
    """(name, writer) of each external data set asked for; a writer maps it into
    <out>/data/<name>/raw and /truth and returns those two folders."""
    data = args.out / "data"
    cache = args.out / "cache"
    chosen: list[tuple[str, Callable[[], tuple[Path, Path]]]] = []
    for number in args.febrl:
        chosen.append(
            (
                f"febrl{number}",
                lambda number=number: febrl.write_febrl(
                    data / f"febrl{number}", number, cache_dir=cache
                ),
            )
        )
    if args.rldata:
        chosen.append(
            (
                "rldata10000",
                lambda: rldata.write_rldata(data / "rldata10000", cache_dir=cache),
            )
        )
    if args.pseudopeople:
        for seed in args.pseudopeople_seeds:
            name = f"pseudopeople-seed-{seed}"

            def write(seed: int = seed, name: str = name) -> tuple[Path, Path]:
                frames = pseudopeople_data.load_frames(
                    seed, data / name / "source", args.pseudopeople_python, cache
                )
                return pseudopeople_data.write_pseudopeople(data / name, frames)

            chosen.append((name, write))
    return chosen


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    machine = machine_info(args.project_dir)
    command = "python bench/compare_splink.py " + " ".join(sys.argv[1:] if argv is None else argv)
    print(
        f"project {machine['project_code']}; "
        f"machine: {machine['cpu_count']} cores, {machine['memory_gb']} GB, "
        f"load {machine['load_average_at_start']}, {machine['date_utc']}",
        flush=True,
    )
    datasets: list[dict] = []
    for persons in args.persons:
        name = f"generated-{persons}"
        data_dir = args.out / "data" / f"persons-{persons}-seed-{args.seed}"
        generated = generate(data_dir, persons, args.seed, args.project_dir)
        print(
            f"[{name}] data: {data_dir} ({'reused' if generated['reused'] else 'generated'})",
            flush=True,
        )
        result = run_dataset(name, persons, data_dir / "raw", data_dir / "truth", "generator", args)
        result["generated"] = generated
        datasets.append(result)
        write_results(args.json, machine, command, datasets)
        print(scoring.markdown_table(result.get("rows", [])), flush=True)
    for name, write in external_datasets(args):
        started = time.perf_counter()
        raw_dir, truth_dir = write()
        record_persons = read_truth_csv(truth_dir / "record_persons.csv")
        entities = int(record_persons["person_id"].nunique())
        print(
            f"[{name}] data: {raw_dir.parent} ({len(record_persons):,} records of "
            f"{entities:,} persons, mapped in {time.perf_counter() - started:.1f} s)",
            flush=True,
        )
        # No email in any of them: Splink's second EM session blocks on the birth date.
        profile = "febrl3" if name == "febrl3" else "external"
        result = run_dataset(name, entities, raw_dir, truth_dir, profile, args)
        result["data_dir"] = str(raw_dir.parent)
        result["raw_rows"] = {
            table: sum(1 for _ in path.open(encoding="utf-8")) - 1
            for table in ("crm_contacts", "shop_customers", "loyalty_members")
            if (path := raw_dir / f"{table}.csv").is_file()
        }
        datasets.append(result)
        write_results(args.json, machine, command, datasets)
        print(scoring.markdown_table(result.get("rows", [])), flush=True)
    machine["load_average_at_end"] = load_average()
    write_results(args.json, machine, command, datasets)
    rows = [row for dataset in datasets for row in dataset.get("rows", [])]
    print("\n" + scoring.markdown_table(rows))
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
