"""Generate a whole data set: chunks of people in parallel, written in order."""

from __future__ import annotations

import csv
import io
import json
import math
import multiprocessing
import os
import random
from collections import Counter, deque
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from .corrupt import Corruptor
from .emit import ChunkEmitter
from .fx import load_rates
from .people import CHUNK_SIZE, CoreGenerator, PersonCore, World
from .profiles import Profile, get_profile
from .schema import HOUSEHOLD_TRAP_TYPES, TABLE_COLUMNS, TABLES, TRAP_TYPES
from .truth import LOCAL_TRAPS, assign_keys, derive

DEFAULT_AS_OF = date(2026, 6, 30)
BASE_CURRENCY = "EUR"
MAX_PAIRS_PER_GROUP = 50
TRUTH_COLUMNS = {
    "record_persons": ("source_table", "source_record_id", "person_id"),
    "persons": ("person_id", "first_name", "last_name", "email", "phone", "birth_date",
                "street", "city", "postal_code", "country_code", "is_erased"),
    "consent": ("person_id", "purpose", "status"),
    "rfm": ("person_id", "as_of_date", "recency_days", "frequency", "monetary"),
    "trap_pairs": ("trap_type", "source_table_a", "source_record_id_a", "source_table_b",
                   "source_record_id_b"),
}  # fmt: skip


@dataclass
class ChunkOutput:
    raw: dict[str, str]
    raw_rows: dict[str, int]
    truth: dict[str, str]
    truth_rows: dict[str, int]
    trap_members: list[tuple[str, str, str, str]]
    bad_rows: Counter
    erased: int


def _csv(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def build_chunk(
    seed: int,
    index: int,
    people: list[PersonCore],
    world: World,
    as_of: date,
    rates: dict[str, Decimal],
    profile: Profile,
) -> ChunkOutput:
    """Everything one chunk contributes, rendered to CSV text (runs in a worker)."""
    emitter = ChunkEmitter(seed, index, people, world, as_of, profile)
    emitter.emit()
    bad_rows = Corruptor(emitter, seed).run()
    assign_keys(emitter, random.Random(f"{seed}:{index}:order"))
    truth = derive(emitter, rates)
    raw = {t: _csv(rec.rendered() for rec in emitter.tables[t]) for t in TABLES}
    truth_rows = {
        "record_persons": truth.record_persons,
        "persons": truth.persons,
        "consent": truth.consent,
        "rfm": truth.rfm,
    }
    return ChunkOutput(
        raw=raw,
        raw_rows={t: len(emitter.tables[t]) for t in TABLES},
        truth={name: _csv(rows) for name, rows in truth_rows.items()},
        truth_rows={name: len(rows) for name, rows in truth_rows.items()},
        trap_members=truth.trap_members,
        bad_rows=bad_rows,
        erased=truth.erased,
    )


class TrapPairs:
    """Turns trap group members into record pairs of different people, 50 per group at most.

    Each member pairs with the group's first member when that is someone else, otherwise
    with the previous member; members arrive in chunk order, so the result is stable.
    """

    def __init__(self, writer) -> None:
        self.writer = writer
        self.state: dict[str, list] = {}
        self.pairs: Counter[str] = Counter()
        self.groups: Counter[str] = Counter()

    def add(self, members: list[tuple[str, str, str, str]]) -> None:
        for group, table, key, person in members:
            member = (table, key, person)
            state = self.state.get(group)
            if state is None:
                self.state[group] = [member, member, 0]
                continue
            first, previous, count = state
            state[1] = member
            if count >= MAX_PAIRS_PER_GROUP:
                continue
            other = first if first[2] != person else previous if previous[2] != person else None
            if other is None:
                continue
            trap_type = group.split(":", 1)[0]
            self.writer.writerow((trap_type, other[0], other[1], table, key))
            state[2] = count + 1
            self.pairs[trap_type] += 1
            if count == 0:
                self.groups[trap_type] += 1

    def close_local_groups(self) -> None:
        """Household groups never span chunks; forget them to keep memory flat."""
        for group in [g for g in self.state if g.split(":", 1)[0] in LOCAL_TRAPS]:
            del self.state[group]


def _workers(requested: int | None, chunks: int) -> int:
    if requested is not None:
        return max(0, requested)
    return 0 if chunks <= 2 else max(1, min(4, (os.cpu_count() or 1)))


def generate(
    persons: int,
    seed: int,
    out: Path,
    as_of: date = DEFAULT_AS_OF,
    workers: int | None = None,
    log=None,
    profile: Profile | str | None = None,
) -> dict:
    """Write out/raw/*.csv and out/truth/* for `persons` people; return the manifest.

    `profile` is a profiles.PROFILES name or a Profile (default: `default`)."""
    profile = get_profile(profile)
    if persons < 50:
        raise ValueError("persons must be at least 50 (stores and traps need people)")
    out = Path(out)
    (out / "raw").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    rates = load_rates()
    core = CoreGenerator(seed, persons, as_of, profile)
    world = core.build_world()
    chunks = math.ceil(persons / CHUNK_SIZE)
    handles = {}

    def open_csv(path: Path, header) -> io.TextIOWrapper:
        handle = path.open("w", encoding="utf-8", newline="")
        handle.write(_csv([header]))
        handles[path] = handle
        return handle

    raw_files = {t: open_csv(out / "raw" / f"{t}.csv", TABLE_COLUMNS[t]) for t in TABLES}
    truth_files = {
        name: open_csv(out / "truth" / f"{name}.csv", columns)
        for name, columns in TRUTH_COLUMNS.items()
    }
    traps = TrapPairs(csv.writer(truth_files["trap_pairs"], lineterminator="\n"))
    raw_rows: Counter[str] = Counter({t: 0 for t in TABLES})
    truth_rows: Counter[str] = Counter()
    bad_rows: Counter[str] = Counter()
    erased = 0

    def consume(result: ChunkOutput) -> None:
        nonlocal erased
        for table, text in result.raw.items():
            raw_files[table].write(text)
        for name, text in result.truth.items():
            truth_files[name].write(text)
        raw_rows.update(result.raw_rows)
        truth_rows.update(result.truth_rows)
        bad_rows.update(result.bad_rows)
        erased += result.erased
        traps.add(result.trap_members)
        traps.close_local_groups()

    n_workers = _workers(workers, chunks)
    try:
        if n_workers == 0:
            for index in range(chunks):
                consume(build_chunk(seed, index, core.chunk(index), world, as_of, rates, profile))
                if log:
                    log(index + 1, chunks)
        else:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            with context.Pool(n_workers) as pool:
                pending: deque = deque()
                for index in range(chunks):
                    args = (seed, index, core.chunk(index), world, as_of, rates, profile)
                    pending.append(pool.apply_async(build_chunk, args))
                    # Bounded look-ahead keeps memory flat however many chunks there are.
                    while len(pending) > 2 * n_workers:
                        consume(pending.popleft().get())
                        if log:
                            log(index + 1 - len(pending), chunks)
                while pending:
                    consume(pending.popleft().get())
                    if log:
                        log(chunks - len(pending), chunks)
    finally:
        for handle in handles.values():
            handle.close()

    trap_types = TRAP_TYPES + (HOUSEHOLD_TRAP_TYPES if profile.household_traps else ())
    manifest = {
        "seed": seed,
        "persons": persons,
        "as_of_date": as_of.isoformat(),
        "base_currency": BASE_CURRENCY,
        "generated_at": f"{as_of.isoformat()}T00:00:00Z",
        "generator": "scv.generate",
        "chunk_size": CHUNK_SIZE,
        "row_counts": dict(raw_rows),
        "trap_counts": {t: traps.pairs.get(t, 0) for t in trap_types},
        "trap_groups": {t: traps.groups.get(t, 0) for t in trap_types},
        "bad_row_counts": dict(sorted(bad_rows.items())),
        "truth_counts": {
            "persons": truth_rows["persons"],
            "erased_persons": erased,
            "record_persons": truth_rows["record_persons"],
            "trap_pairs": sum(traps.pairs.values()),
        },
        "stores": len(world.stores),
        "profile": profile.name,
        "profile_parameters": profile.parameters(),
    }
    with (out / "truth" / "manifest.json").open("w", encoding="utf-8", newline="\n") as handle:
        json.dump(manifest, handle, indent=2, sort_keys=False)
        handle.write("\n")
    return manifest
