"""Probabilistic record matching: Fellegi–Sunter parameter estimation and scoring."""

from scv.matching.fellegi_sunter import (
    NULL_LEVEL,
    PROBABILITY_FLOOR,
    EstimationResult,
    estimate_parameters,
    score_patterns,
)

__all__ = [
    "NULL_LEVEL",
    "PROBABILITY_FLOOR",
    "EstimationResult",
    "estimate_parameters",
    "score_patterns",
]
