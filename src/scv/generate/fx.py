"""Exchange rates into the base currency (EUR), read from the project's seed."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

# The same rates as seeds/reference/fx_rates.csv, for an installed package that has no
# repository around it; a test keeps the two equal.
EMBEDDED_RATES: dict[str, str] = {
    "EUR": "1",
    "GBP": "1.17",
    "USD": "0.92",
    "CHF": "1.05",
    "SEK": "0.088",
    "DKK": "0.134",
}


def seed_path() -> Path:
    """seeds/reference/fx_rates.csv at the repository root (src/scv/generate/fx.py -> root)."""
    return Path(__file__).resolve().parents[3] / "seeds" / "reference" / "fx_rates.csv"


def load_rates(path: Path | None = None) -> dict[str, Decimal]:
    """`currency_code -> rate_to_eur` (1 unit of the currency is worth that many EUR)."""
    path = path or seed_path()
    if not path.exists():
        return {code: Decimal(rate) for code, rate in EMBEDDED_RATES.items()}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["currency_code"].strip().upper(): Decimal(row["rate_to_eur"].strip())
                for row in csv.DictReader(handle)}  # fmt: skip
