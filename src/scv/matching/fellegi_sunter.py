"""Fellegi–Sunter record linkage: unsupervised EM estimation and scoring.

The warehouse compares candidate pairs and aggregates them into one row per
comparison pattern (a level per comparison) with a pair count. EM then runs on
that small table, so it costs the same whatever the number of pairs.

Conventions (the same as Splink's):

* A comparison level is a small non-negative integer; a higher level means more
  similar (e.g. 0 = different, 1 = fuzzy, 2 = exact).
* A NULL level means the value was missing on one side: it contributes no
  evidence, i.e. it is left out of the pattern's likelihood and of the m/u
  estimates of that comparison. NULL may be given as a pandas/SQL NULL (NA, NaN,
  None) or as -1; both mean the same.
* ``match_weight = log2(m / u)`` per level, and a pair's total match weight is the
  prior weight ``log2(lambda / (1 - lambda))`` plus the weights of its non-NULL
  levels, so ``match_probability = 2**w / (1 + 2**w)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

# m and u are floored at PROBABILITY_FLOOR (then renormalised, which can shave a hair off
# it) and lambda is kept inside [floor, 1 - floor]: a level never seen among matches (or
# non-matches) would otherwise get m = 0 (or u = 0), an infinite match weight, and an EM
# that could never move away from it again.
PROBABILITY_FLOOR = 1e-10

NULL_LEVEL = -1

# Default initial m for a comparison with k levels is proportional to
# INITIAL_M_RATIO ** rank, rank 0 for the least similar level.
INITIAL_M_RATIO = 4.0

ParameterDict = dict[str, dict[int, float]]


@dataclass(frozen=True)
class EstimationResult:
    """Estimated Fellegi–Sunter parameters.

    Attributes:
        lambda_: prior probability that a compared pair is a match.
        parameters: one row per comparison and level: ``comparison``, ``level``,
            ``m_probability``, ``u_probability``, ``match_weight`` (log2 m/u).
        iterations: EM iterations run.
        converged: whether the largest parameter change fell below the tolerance.
        log_likelihood_history: the data log-likelihood before each M-step
            (natural log); non-decreasing for an unconstrained EM.
        comparison_columns: the comparisons, in the order given.
    """

    lambda_: float
    parameters: pd.DataFrame
    iterations: int
    converged: bool
    log_likelihood_history: list[float] = field(default_factory=list)
    comparison_columns: list[str] = field(default_factory=list)

    @property
    def prior_match_weight(self) -> float:
        """log2 of the prior odds of a match."""
        return float(np.log2(self.lambda_ / (1.0 - self.lambda_)))

    def m(self) -> ParameterDict:
        """m probabilities as ``{comparison: {level: m}}``."""
        return self._as_dict("m_probability")

    def u(self) -> ParameterDict:
        """u probabilities as ``{comparison: {level: u}}``."""
        return self._as_dict("u_probability")

    def _as_dict(self, column: str) -> ParameterDict:
        result: ParameterDict = {}
        for row in self.parameters.itertuples(index=False):
            result.setdefault(row.comparison, {})[int(row.level)] = float(getattr(row, column))
        return result


def estimate_parameters(
    pattern_counts: pd.DataFrame,
    comparison_columns: list[str],
    *,
    count_column: str = "pair_count",
    initial_match_probability: float = 1e-3,
    initial_m: ParameterDict | None = None,
    initial_u: ParameterDict | None = None,
    fixed_u: ParameterDict | None = None,
    fixed_m: ParameterDict | None = None,
    max_iterations: int = 100,
    tolerance: float = 1e-6,
) -> EstimationResult:
    """Estimate lambda, m and u by EM under conditional independence.

    Args:
        pattern_counts: one row per comparison pattern (rows with the same pattern
            are summed): a level column per comparison and a pair count column.
        comparison_columns: the level columns, one per comparison.
        count_column: the column holding the number of pairs with that pattern.
        initial_match_probability: starting lambda.
        initial_m: starting m per comparison and level; by default rising
            geometrically with the level, so the most similar level starts most likely
            among matches (that also fixes which EM class is "match").
        initial_u: starting u; by default each level's share among all pairs, which
            is close to u because almost all candidate pairs are non-matches.
        fixed_u: u estimated elsewhere (typically from random pairs); when given, u
            is held at these values and only lambda and m are estimated.
        fixed_m: m estimated elsewhere (typically by EM sessions on subsets of the
            pairs); when given, m is held at these values. With both fixed, EM
            estimates lambda alone.
        max_iterations: the most EM iterations to run.
        tolerance: converged once no parameter (lambda, m or u) moves by more.

    Returns:
        An :class:`EstimationResult`.

    Raises:
        ValueError: on input EM cannot learn from: a missing column, negative or
            non-finite counts, a zero total count, fewer than two distinct patterns,
            a comparison with no non-NULL level, levels below -1 or not integers,
            or initial/fixed parameters missing a level that occurs in the data.
    """
    if not 0.0 < initial_match_probability < 1.0:
        raise ValueError("initial_match_probability must be strictly between 0 and 1")
    if max_iterations < 1:
        raise ValueError("max_iterations must be at least 1")

    levels, counts = _validated_patterns(pattern_counts, comparison_columns, count_column)
    # The levels each comparison has parameters for: those in the data, plus any that
    # fixed_u knows about (so the u given is returned exactly as given).
    observed_levels = {
        name: np.union1d(
            levels[:, index][levels[:, index] != NULL_LEVEL],
            [
                int(level)
                for given in (fixed_u, fixed_m)
                for level in ((given or {}).get(name) or {})
            ],
        ).astype(np.int64)
        for index, name in enumerate(comparison_columns)
    }

    if fixed_m is not None:
        m = {
            name: _initial_vector(name, observed_levels[name], fixed_m, "fixed_m", normalise=False)
            for name in comparison_columns
        }
    else:
        m = {
            name: _initial_vector(name, observed_levels[name], initial_m, "initial_m")
            if initial_m is not None and name in initial_m
            else _default_initial_m(len(observed_levels[name]))
            for name in comparison_columns
        }
    if fixed_u is not None:
        u = {
            name: _initial_vector(name, observed_levels[name], fixed_u, "fixed_u", normalise=False)
            for name in comparison_columns
        }
    else:
        u = {
            name: _initial_vector(name, observed_levels[name], initial_u, "initial_u")
            if initial_u is not None and name in initial_u
            else _level_shares(levels[:, index], counts, observed_levels[name])
            for index, name in enumerate(comparison_columns)
        }
    lambda_ = float(initial_match_probability)

    # Level values mapped to positions in each comparison's parameter vector.
    positions = [
        _level_positions(levels[:, index], observed_levels[name])
        for index, name in enumerate(comparison_columns)
    ]

    history: list[float] = []
    converged = False
    iterations = 0
    for iteration in range(1, max_iterations + 1):
        iterations = iteration
        match_posterior, log_likelihood = _expectation(
            positions, comparison_columns, counts, lambda_, m, u
        )
        history.append(log_likelihood)

        match_mass = counts * match_posterior
        non_match_mass = counts * (1.0 - match_posterior)
        new_lambda = _clip(match_mass.sum() / counts.sum())
        new_m = (
            m
            if fixed_m is not None
            else {
                name: _weighted_level_shares(positions[index], match_mass, len(m[name]))
                for index, name in enumerate(comparison_columns)
            }
        )
        new_u = (
            u
            if fixed_u is not None
            else {
                name: _weighted_level_shares(positions[index], non_match_mass, len(u[name]))
                for index, name in enumerate(comparison_columns)
            }
        )

        largest_change = max(
            abs(new_lambda - lambda_),
            *(np.abs(new_m[name] - m[name]).max() for name in comparison_columns),
            *(np.abs(new_u[name] - u[name]).max() for name in comparison_columns),
        )
        lambda_, m, u = new_lambda, new_m, new_u
        if largest_change < tolerance:
            converged = True
            break

    parameters = pd.DataFrame(
        [
            {
                "comparison": name,
                "level": int(level),
                "m_probability": float(m[name][position]),
                "u_probability": float(u[name][position]),
                "match_weight": float(np.log2(m[name][position] / u[name][position])),
            }
            for name in comparison_columns
            for position, level in enumerate(observed_levels[name])
        ]
    )
    return EstimationResult(
        lambda_=lambda_,
        parameters=parameters,
        iterations=iterations,
        converged=converged,
        log_likelihood_history=history,
        comparison_columns=list(comparison_columns),
    )


def score_patterns(frame: pd.DataFrame, params: EstimationResult) -> pd.DataFrame:
    """Score comparison patterns (or individual pairs) with estimated parameters.

    Args:
        frame: any frame with a level column per comparison of ``params`` (NULL or
            -1 for a missing value); other columns are kept.
        params: the result of :func:`estimate_parameters`.

    Returns:
        A copy of ``frame`` with ``match_weight`` (prior weight plus the weights of
        the non-NULL levels) and ``match_probability``.

    Raises:
        ValueError: when a comparison column is missing or a level has no estimate.
    """
    missing = [name for name in params.comparison_columns if name not in frame.columns]
    if missing:
        raise ValueError(f"frame has no comparison column(s) {missing}")

    total_weight = np.full(len(frame), params.prior_match_weight, dtype=float)
    for name in params.comparison_columns:
        rows = params.parameters[params.parameters["comparison"] == name]
        level_values = _levels_as_int(frame[name], name)
        max_level = max(int(rows["level"].max()), int(level_values.max(initial=0)))
        # A lookup array indexed by level keeps scoring vectorised for millions of pairs.
        weight_by_level = np.full(max_level + 1, np.nan)
        weight_by_level[rows["level"].to_numpy(dtype=int)] = rows["match_weight"].to_numpy()
        present = level_values != NULL_LEVEL
        level_weights = np.zeros(len(frame))
        level_weights[present] = weight_by_level[level_values[present]]
        if np.isnan(level_weights).any():
            unknown = sorted(set(level_values[present][np.isnan(level_weights[present])]))
            raise ValueError(f"comparison {name!r} has level(s) {unknown} with no estimate")
        total_weight += level_weights

    scored = frame.copy()
    scored["match_weight"] = total_weight
    # 1 / (1 + 2**-w) is the same as 2**w / (1 + 2**w) without overflowing for large w.
    with np.errstate(over="ignore"):
        scored["match_probability"] = 1.0 / (1.0 + np.exp2(-total_weight))
    return scored


def _validated_patterns(
    pattern_counts: pd.DataFrame, comparison_columns: list[str], count_column: str
) -> tuple[np.ndarray, np.ndarray]:
    """The patterns as an int level matrix (NULL as -1) and a float count vector."""
    if not comparison_columns:
        raise ValueError("comparison_columns is empty")
    missing = [c for c in [*comparison_columns, count_column] if c not in pattern_counts.columns]
    if missing:
        raise ValueError(f"pattern_counts has no column(s) {missing}")

    counts = pd.to_numeric(pattern_counts[count_column], errors="coerce").to_numpy(dtype=float)
    if not np.isfinite(counts).all():
        raise ValueError(f"{count_column} has NULL or non-numeric values")
    if (counts < 0).any():
        raise ValueError(f"{count_column} has negative values")
    levels = np.column_stack(
        [_levels_as_int(pattern_counts[name], name) for name in comparison_columns]
    )

    nonzero = counts > 0
    levels, counts = levels[nonzero], counts[nonzero]
    if counts.sum() == 0:
        raise ValueError(f"the total {count_column} is zero: there is nothing to learn from")
    # Identical patterns given on several rows are summed.
    distinct, inverse = np.unique(levels, axis=0, return_inverse=True)
    summed = np.bincount(inverse.ravel(), weights=counts, minlength=len(distinct))
    if len(distinct) < 2:
        raise ValueError(
            "all pairs share one comparison pattern: matches and non-matches cannot be "
            "told apart (need at least two distinct patterns with a positive count)"
        )
    for index, name in enumerate(comparison_columns):
        if (distinct[:, index] == NULL_LEVEL).all():
            raise ValueError(f"comparison {name!r} is NULL in every pattern")
    return distinct, summed


def _levels_as_int(values: pd.Series, name: str) -> np.ndarray:
    """Levels as int64 with NULL (NA/NaN/None or -1) as -1; other values must be ints >= 0."""
    numeric = pd.to_numeric(values, errors="coerce")
    not_numeric = numeric.isna() & values.notna()
    if not_numeric.any():
        raise ValueError(f"comparison {name!r} has non-numeric levels")
    as_float = numeric.to_numpy(dtype=float, na_value=np.nan)
    as_float = np.where(np.isnan(as_float), NULL_LEVEL, as_float)
    if (as_float != np.round(as_float)).any() or (as_float < NULL_LEVEL).any():
        raise ValueError(f"comparison {name!r} levels must be integers >= 0 (or -1/NULL)")
    return as_float.astype(np.int64)


def _level_positions(level_values: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """Each pattern's position in the comparison's parameter vector; -1 for NULL."""
    positions = np.searchsorted(observed, level_values)
    return np.where(level_values == NULL_LEVEL, -1, positions)


def _expectation(
    positions: list[np.ndarray],
    comparison_columns: list[str],
    counts: np.ndarray,
    lambda_: float,
    m: dict[str, np.ndarray],
    u: dict[str, np.ndarray],
) -> tuple[np.ndarray, float]:
    """Posterior match probability per pattern, and the data log-likelihood."""
    log_match = np.full(len(counts), np.log(lambda_))
    log_non_match = np.full(len(counts), np.log1p(-lambda_))
    for index, name in enumerate(comparison_columns):
        present = positions[index] >= 0
        log_match[present] += np.log(m[name][positions[index][present]])
        log_non_match[present] += np.log(u[name][positions[index][present]])
    log_total = np.logaddexp(log_match, log_non_match)
    return np.exp(log_match - log_total), float((counts * log_total).sum())


def _weighted_level_shares(positions: np.ndarray, mass: np.ndarray, level_count: int) -> np.ndarray:
    """Each level's share of `mass` among patterns where the comparison is not NULL."""
    present = positions >= 0
    totals = np.bincount(positions[present], weights=mass[present], minlength=level_count)
    if totals.sum() <= 0:
        return np.full(level_count, 1.0 / level_count)
    return _floored(totals / totals.sum())


def _level_shares(level_values: np.ndarray, counts: np.ndarray, observed: np.ndarray) -> np.ndarray:
    return _weighted_level_shares(_level_positions(level_values, observed), counts, len(observed))


def _default_initial_m(level_count: int) -> np.ndarray:
    weights = INITIAL_M_RATIO ** np.arange(level_count, dtype=float)
    return _floored(weights / weights.sum())


def _initial_vector(
    name: str,
    observed: np.ndarray,
    given: ParameterDict | None,
    argument: str,
    *,
    normalise: bool = True,
) -> np.ndarray:
    """A user-supplied probability vector for the given levels, floored (and normalised).

    Fixed m and u are not renormalised, so they are used exactly as estimated elsewhere.
    """
    by_level = (given or {}).get(name)
    if by_level is None:
        raise ValueError(f"{argument} has no entry for comparison {name!r}")
    by_level = {int(level): float(value) for level, value in by_level.items()}
    missing = [int(level) for level in observed if int(level) not in by_level]
    if missing:
        raise ValueError(f"{argument}[{name!r}] has no value for level(s) {missing}")
    values = np.array([by_level[int(level)] for level in observed], dtype=float)
    if not np.isfinite(values).all() or (values < 0).any() or values.sum() <= 0:
        raise ValueError(f"{argument}[{name!r}] must hold non-negative probabilities")
    if not normalise:
        return np.maximum(values, PROBABILITY_FLOOR)
    return _floored(values / values.sum())


def _floored(probabilities: np.ndarray) -> np.ndarray:
    floored = np.maximum(probabilities, PROBABILITY_FLOOR)
    return floored / floored.sum()


def _clip(probability: float) -> float:
    return float(min(max(probability, PROBABILITY_FLOOR), 1.0 - PROBABILITY_FLOOR))
