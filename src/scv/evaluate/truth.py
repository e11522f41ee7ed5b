"""Read the generator's truth files (see docs/truth_format.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

TRUTH_FILES = {
    "record_persons": "record_persons.csv",
    "persons": "persons.csv",
    "consent": "consent.csv",
    "rfm": "rfm.csv",
    "trap_pairs": "trap_pairs.csv",
}


@dataclass(frozen=True)
class Truth:
    """The truth files that exist; a missing file is None."""

    record_persons: pd.DataFrame | None
    persons: pd.DataFrame | None
    consent: pd.DataFrame | None
    rfm: pd.DataFrame | None
    trap_pairs: pd.DataFrame | None
    manifest: dict | None

    def available(self) -> dict[str, bool]:
        """Which truth files were found."""
        found = {name: getattr(self, name) is not None for name in TRUTH_FILES}
        return {**found, "manifest": self.manifest is not None}


def read_truth_csv(path: Path) -> pd.DataFrame:
    """A truth CSV with every value as text and only the empty field as NULL.

    pandas would otherwise read `NA` or `None` (a real name or a placeholder value)
    as NULL, and ids such as `007` as numbers.
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


def read_truth(truth_dir: Path | str) -> Truth:
    """Read every truth file in `truth_dir`; missing files are None."""
    directory = Path(truth_dir)
    if not directory.is_dir():
        raise FileNotFoundError(f"truth directory not found: {directory}")
    frames = {
        name: read_truth_csv(directory / filename) if (directory / filename).is_file() else None
        for name, filename in TRUTH_FILES.items()
    }
    manifest_path = directory / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else None
    return Truth(**frames, manifest=manifest)
