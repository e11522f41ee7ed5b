"""Synthetic raw data for the single customer view, with the known answers.

`python -m scv.generate --persons N --seed S --out DIR [--as-of YYYY-MM-DD]` writes the
ten raw contract tables to DIR/raw and the truth (docs/truth_format.md) to DIR/truth.
"""

from .cli import main
from .runner import generate

__all__ = ["generate", "main"]
