"""Match parameters from the warehouse's comparison patterns.

u from random pairs, m and lambda by EM.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from scv.matching.fellegi_sunter import NULL_LEVEL, estimate_parameters

LEVEL_SUFFIX = "_level"
PARAMETER_COLUMNS = [
    "comparison",
    "level",
    "m_probability",
    "u_probability",
    "match_weight",
    "prior_match_weight",
    "match_probability_prior",
    "em_iterations",
    "em_converged",
    "parameters_version",
]


def level_columns(patterns: pd.DataFrame) -> list[str]:
    """The comparison level columns of a pattern table, in table order."""
    return [column for column in patterns.columns if column.endswith(LEVEL_SUFFIX)]


def u_from_random_pairs(random_patterns: pd.DataFrame, columns: list[str]) -> dict:
    """u per comparison and level: each level's share among random (almost all non-matching) pairs.

    A level never seen among random pairs gets half a pair, so its u is small but
    not zero (exact agreement on a rare phone number is strong, not infinite, evidence).
    """
    u: dict[str, dict[int, float]] = {}
    for column in columns:
        levels = random_patterns[column].fillna(NULL_LEVEL).astype(int)
        counts = (
            random_patterns.loc[levels != NULL_LEVEL]
            .groupby(levels[levels != NULL_LEVEL])["pair_count"]
            .sum()
        )
        u[column] = counts.astype(float).to_dict()
    return u


def estimate_match_parameters(
    patterns: pd.DataFrame, profile_count: int, max_iterations: int = 200
) -> pd.DataFrame:
    """Estimate Fellegi-Sunter parameters from `int_match_patterns_counted`.

    `patterns` has `pair_source` ('candidates' or 'random'), one `<comparison>_level`
    column per comparison and `pair_count`. u comes from the random pairs; m from EM on
    the blocked candidates. The prior is that of two *random* profiles matching (the
    matches EM finds among the candidates over all `profile_count` choose 2 pairs), as in
    Splink: blocking selects pairs that agree on the blocked fields, and a prior taken
    from the candidates would count that agreement twice. Returns one row per
    comparison and level (the columns of PARAMETER_COLUMNS); `parameters_version`
    is a hash of the estimates, so a changed model is visible as a new version.
    """
    candidates = patterns[patterns["pair_source"] == "candidates"]
    random_pairs = patterns[patterns["pair_source"] == "random"]
    if candidates.empty:
        raise ValueError("no candidate pairs to estimate match parameters from")
    # A comparison missing on every candidate (a CRM-only extract has no emails) carries no
    # evidence and has nothing to estimate: it is left out, and scores as missing.
    columns = [c for c in level_columns(patterns) if candidates[c].notna().any()]
    # Sorted input makes EM's floating-point sums, and so the estimates, the same every build.
    candidates = candidates.sort_values(columns, na_position="last").reset_index(drop=True)
    random_pairs = random_pairs.sort_values(columns, na_position="last").reset_index(drop=True)

    observed_u = u_from_random_pairs(random_pairs, columns)
    fixed_u = {}
    for column in columns:
        levels = set(candidates[column].dropna().astype(int)) - {NULL_LEVEL}
        counts = {level: observed_u.get(column, {}).get(level, 0.5) for level in levels}
        counts.update({level: count for level, count in observed_u.get(column, {}).items()})
        total = sum(counts.values())
        fixed_u[column] = {level: count / total for level, count in counts.items()}

    result = estimate_parameters(
        candidates, columns, fixed_u=fixed_u, max_iterations=max_iterations, tolerance=1e-7
    )
    parameters = result.parameters.copy()
    parameters["comparison"] = parameters["comparison"].str.removesuffix(LEVEL_SUFFIX)
    all_pairs = max(profile_count * (profile_count - 1) / 2, 1.0)
    expected_matches = result.lambda_ * float(candidates["pair_count"].sum())
    prior = min(max(expected_matches / all_pairs, 1e-12), 0.5)
    parameters["prior_match_weight"] = float(np.log2(prior / (1.0 - prior)))
    parameters["match_probability_prior"] = prior
    parameters["em_iterations"] = result.iterations
    parameters["em_converged"] = result.converged
    fingerprint = parameters[["comparison", "level", "m_probability", "u_probability"]].round(6)
    parameters["parameters_version"] = hashlib.sha256(
        fingerprint.to_csv(index=False).encode()
    ).hexdigest()[:12]
    return parameters[PARAMETER_COLUMNS].sort_values(["comparison", "level"]).reset_index(drop=True)
