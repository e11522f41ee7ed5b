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


def empty_match_parameters() -> pd.DataFrame:
    """A parameter table without rows, with the column types of a real one."""
    types = {"level": "int64", "em_iterations": "int64", "em_converged": "bool"}
    types |= {
        c: "float64" for c in PARAMETER_COLUMNS if c.endswith(("probability", "weight", "prior"))
    }
    types |= {"comparison": "string", "parameters_version": "string"}
    return pd.DataFrame({column: pd.Series(dtype=types[column]) for column in PARAMETER_COLUMNS})


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


# EM training sessions, as Splink's: each runs on the candidate pairs that agree exactly on
# its comparisons (as pairs blocked on those fields would) and learns m of the others only.
# One EM over all candidates cannot work: blocking picked pairs that agree, so against u
# from random pairs nearly every candidate looks like a match (lambda ~0.99) and m becomes
# the candidates' level shares (a disagreement weighs -0.1 bit instead of -3 to -6). A
# comparison's m comes from the first session that leaves it free and has pairs to learn
# from; the birth-date session serves data without emails (FEBRL).
TRAINING_SESSIONS = (("first_name", "last_name"), ("email",), ("birth_date",))
# A session with fewer candidate pairs than this is skipped: too few to learn from.
MIN_SESSION_PAIRS = 50


def estimate_match_parameters(
    patterns: pd.DataFrame, profile_count: int, max_iterations: int = 200
) -> pd.DataFrame:
    """Estimate Fellegi-Sunter parameters from `int_match_patterns_counted`.

    `patterns` has `pair_source` ('candidates' or 'random'), one `<comparison>_level`
    column per comparison and `pair_count`. u comes from the random pairs. m comes from
    EM sessions (TRAINING_SESSIONS), each on the candidates that agree exactly on some
    comparisons, learning m of the others with u held. Lambda, the share of matches
    among all candidates, is then estimated with m and u held. The prior is that of two
    *random* profiles matching (those matches over all `profile_count` choose 2 pairs),
    as in Splink: blocking selects pairs that agree on the blocked fields, and a prior
    taken from the candidates would count that agreement twice. Returns one row per
    comparison and level (the columns of PARAMETER_COLUMNS); `parameters_version`
    is a hash of the estimates, so a changed model is visible as a new version.
    """
    candidates = patterns[patterns["pair_source"] == "candidates"]
    random_pairs = patterns[patterns["pair_source"] == "random"]
    if candidates.empty:
        # Nothing to compare (an empty or one-person extract): no parameters, and no pair is
        # scored with them; the build stays green.
        return empty_match_parameters()
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

    fixed_m, iterations = _m_from_sessions(candidates, columns, fixed_u, max_iterations)
    fixed_m = {column: monotone_m(fixed_m[column], fixed_u[column]) for column in columns}
    all_pairs = max(profile_count * (profile_count - 1) / 2, 1.0)
    prior, prior_iterations = _prior_over_all_pairs(
        candidates, columns, fixed_m, fixed_u, all_pairs, max_iterations
    )
    parameters = pd.DataFrame(
        [
            {
                "comparison": column.removesuffix(LEVEL_SUFFIX),
                "level": int(level),
                "m_probability": fixed_m[column][level],
                "u_probability": fixed_u[column][level],
                "match_weight": float(np.log2(fixed_m[column][level] / fixed_u[column][level])),
            }
            for column in columns
            for level in sorted(fixed_u[column])
        ]
    )
    parameters["prior_match_weight"] = float(np.log2(prior / (1.0 - prior)))
    parameters["match_probability_prior"] = prior
    parameters["em_iterations"] = iterations + prior_iterations
    parameters["em_converged"] = prior_iterations < max_iterations
    fingerprint = parameters[["comparison", "level", "m_probability", "u_probability"]].round(6)
    parameters["parameters_version"] = hashlib.sha256(
        fingerprint.to_csv(index=False).encode()
    ).hexdigest()[:12]
    return parameters[PARAMETER_COLUMNS].sort_values(["comparison", "level"]).reset_index(drop=True)


def monotone_m(m: dict[int, float], u: dict[int, float]) -> dict[int, float]:
    """m adjusted so that a more similar level never weighs less than a less similar one.

    Levels are numbered from 0 ("else") up to the most similar. A session can learn the
    opposite where errors are not independent (RLdata duplicates carry exactly one typo, so
    among pairs agreeing on the names the birth date is almost never exact, and EM says an
    exact birth date weighs less than a mistyped one). Adjacent levels whose weights
    (log m/u) fall as similarity rises are pooled, as isotonic regression does: they share
    the weight of their summed m over their summed u, and each keeps its u. The m of the
    pooled levels sum to what they summed to before, so m stays a distribution.
    """
    blocks: list[list[int]] = []
    for level in sorted(u):
        blocks.append([level])
        while len(blocks) > 1 and _block_ratio(blocks[-1], m, u) < _block_ratio(blocks[-2], m, u):
            blocks[-2:] = [blocks[-2] + blocks[-1]]
    adjusted: dict[int, float] = {}
    for block in blocks:
        ratio = _block_ratio(block, m, u)
        for level in block:
            adjusted[level] = u[level] * ratio if len(block) > 1 else m[level]
    return adjusted


def _block_ratio(levels: list[int], m: dict[int, float], u: dict[int, float]) -> float:
    return sum(m[level] for level in levels) / sum(u[level] for level in levels)


def _m_from_sessions(
    candidates: pd.DataFrame, columns: list[str], fixed_u: dict, max_iterations: int
) -> tuple[dict, int]:
    """m per comparison and level from the training sessions, and the EM iterations run.

    A comparison no session could learn falls back to EM over all candidates.
    """
    m: dict[str, dict[int, float]] = {}
    iterations = 0
    sessions = [[f"{name}{LEVEL_SUFFIX}" for name in session] for session in TRAINING_SESSIONS]
    for given in [*sessions, []]:
        wanted = [c for c in columns if c not in given and c not in m]
        if not wanted or not set(given) <= set(columns):
            continue
        agreeing = pd.Series(True, index=candidates.index)
        for column in given:
            agreeing &= candidates[column] == max(fixed_u[column])
        subset = candidates[agreeing]
        free = [c for c in columns if c not in given and subset[c].notna().any()]
        if subset["pair_count"].sum() < MIN_SESSION_PAIRS or not set(wanted) & set(free):
            continue
        try:
            session = estimate_parameters(
                subset,
                free,
                fixed_u={c: fixed_u[c] for c in free},
                initial_match_probability=0.5 if given else 1e-3,
                max_iterations=max_iterations,
                tolerance=1e-7,
            )
        except ValueError:
            continue  # nothing to learn in this subset (e.g. a single pattern)
        iterations += session.iterations
        # A level never seen among the session's matches gets half a match, as u gets
        # half a pair: strong evidence against, not an infinite weight.
        floor = 0.5 / max(session.lambda_ * float(subset["pair_count"].sum()), 1.0)
        for column, by_level in session.m().items():
            if column in wanted:
                floored = {level: max(value, floor) for level, value in by_level.items()}
                total = sum(floored.values())
                m[column] = {level: value / total for level, value in floored.items()}
    for column in columns:
        if column not in m:  # unreachable unless every session failed: no evidence
            m[column] = {level: 1.0 / len(fixed_u[column]) for level in fixed_u[column]}
    return m, iterations


def _prior_over_all_pairs(
    candidates: pd.DataFrame,
    columns: list[str],
    m: dict,
    u: dict,
    all_pairs: float,
    max_iterations: int,
) -> tuple[float, int]:
    """The probability that two random profiles match, and the iterations it took.

    EM on lambda alone over all pairs, m and u held: a pair blocking did not pick is taken
    as a non-match (its posterior is ~0). Over the candidates alone, their agreement on
    the blocked fields would read as matches' (against u from random pairs) and inflate it.
    """
    log_odds = np.zeros(len(candidates))
    for column in columns:
        levels = candidates[column].fillna(NULL_LEVEL).astype(int).to_numpy()
        weight = {level: np.log(m[column][level] / u[column][level]) for level in u[column]}
        log_odds += np.array([weight.get(level, 0.0) for level in levels])
    counts = candidates["pair_count"].to_numpy(dtype=float)
    prior = min(counts.sum() / all_pairs / 2, 0.5)
    for iteration in range(1, max_iterations + 1):
        prior_log_odds = np.log(prior / (1.0 - prior))
        posterior = 1.0 / (1.0 + np.exp(-(log_odds + prior_log_odds)))
        new_prior = min(max(float((counts * posterior).sum()) / all_pairs, 1e-12), 0.5)
        if abs(np.log(new_prior / prior)) < 1e-9:
            return new_prior, iteration
        prior = new_prior
    return prior, max_iterations
