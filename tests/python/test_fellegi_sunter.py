"""Fellegi–Sunter EM: parameter recovery, fixed u, NULL levels, convergence, bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scv.matching.fellegi_sunter import (
    PROBABILITY_FLOOR,
    estimate_parameters,
    score_patterns,
)

TRUE_LAMBDA = 0.05
TRUE_M = {"name": [0.05, 0.15, 0.80], "email": [0.10, 0.90], "birth_date": [0.02, 0.08, 0.90]}
TRUE_U = {"name": [0.85, 0.12, 0.03], "email": [0.995, 0.005], "birth_date": [0.90, 0.08, 0.02]}
COMPARISONS = list(TRUE_M)


def simulate_pairs(
    pair_count: int = 200_000, seed: int = 1, null_share: float = 0.0, null_marker=pd.NA
) -> pd.DataFrame:
    """Pairs drawn from the known model; levels NULL at random (independent of match)."""
    rng = np.random.default_rng(seed)
    is_match = rng.random(pair_count) < TRUE_LAMBDA
    columns = {}
    for name in COMPARISONS:
        level_count = len(TRUE_M[name])
        match_levels = rng.choice(level_count, size=pair_count, p=TRUE_M[name])
        non_match_levels = rng.choice(level_count, size=pair_count, p=TRUE_U[name])
        levels = pd.array(np.where(is_match, match_levels, non_match_levels), dtype="Int64")
        if null_share:
            levels[rng.random(pair_count) < null_share] = null_marker
        columns[name] = levels
    return pd.DataFrame(columns)


def aggregate(pairs: pd.DataFrame) -> pd.DataFrame:
    """What the warehouse does: one row per comparison pattern with its pair count."""
    return pairs.value_counts(dropna=False).rename("pair_count").reset_index()


def assert_close_to_truth(result, tolerance: float = 0.02) -> None:
    assert result.lambda_ == pytest.approx(TRUE_LAMBDA, abs=tolerance)
    for name in COMPARISONS:
        estimated_m = result.m()[name]
        estimated_u = result.u()[name]
        for level, (true_m, true_u) in enumerate(zip(TRUE_M[name], TRUE_U[name], strict=True)):
            assert estimated_m[level] == pytest.approx(true_m, abs=tolerance), (name, level)
            assert estimated_u[level] == pytest.approx(true_u, abs=tolerance), (name, level)


def test_recovers_known_lambda_m_and_u_from_simulated_data():
    result = estimate_parameters(aggregate(simulate_pairs()), COMPARISONS)
    assert result.converged
    assert_close_to_truth(result)


def test_parameters_frame_is_tidy_with_log2_weights():
    result = estimate_parameters(aggregate(simulate_pairs(20_000)), COMPARISONS)
    frame = result.parameters
    assert list(frame.columns) == [
        "comparison",
        "level",
        "m_probability",
        "u_probability",
        "match_weight",
    ]
    assert len(frame) == sum(len(levels) for levels in TRUE_M.values())
    expected = np.log2(frame["m_probability"] / frame["u_probability"])
    np.testing.assert_allclose(frame["match_weight"], expected)
    for _, group in frame.groupby("comparison"):
        assert group["m_probability"].sum() == pytest.approx(1.0)
        assert group["u_probability"].sum() == pytest.approx(1.0)


def test_log_likelihood_never_decreases():
    result = estimate_parameters(aggregate(simulate_pairs(50_000)), COMPARISONS)
    assert np.all(np.diff(result.log_likelihood_history) >= -1e-6)


def test_fixed_u_is_returned_unchanged_and_m_and_lambda_are_estimated():
    fixed_u = {name: dict(enumerate(TRUE_U[name])) for name in COMPARISONS}
    result = estimate_parameters(aggregate(simulate_pairs()), COMPARISONS, fixed_u=fixed_u)
    assert result.u() == fixed_u
    assert_close_to_truth(result)


def test_fixed_u_missing_an_observed_level_is_a_clear_error():
    fixed_u = {name: dict(enumerate(TRUE_U[name])) for name in COMPARISONS}
    del fixed_u["name"][2]
    with pytest.raises(ValueError, match="fixed_u"):
        estimate_parameters(aggregate(simulate_pairs(5_000)), COMPARISONS, fixed_u=fixed_u)


def test_null_levels_are_ignored_and_parameters_still_recovered():
    patterns = aggregate(simulate_pairs(null_share=0.3))
    assert patterns[COMPARISONS].isna().any().all()
    result = estimate_parameters(patterns, COMPARISONS)
    assert set(result.parameters["level"]) == {0, 1, 2}
    assert_close_to_truth(result)


def test_minus_one_and_na_are_the_same_null():
    with_na = aggregate(simulate_pairs(30_000, null_share=0.2))
    with_minus_one = with_na.fillna(-1)
    first = estimate_parameters(with_na, COMPARISONS)
    second = estimate_parameters(with_minus_one, COMPARISONS)
    pd.testing.assert_frame_equal(first.parameters, second.parameters)
    assert first.lambda_ == second.lambda_


def test_pattern_only_null_in_a_comparison_adds_no_evidence_for_it():
    result = estimate_parameters(aggregate(simulate_pairs(20_000)), COMPARISONS)
    patterns = pd.DataFrame(
        {"name": [2, 2], "email": [1, pd.NA], "birth_date": [0, 0]}, dtype="Int64"
    )
    scored = score_patterns(patterns, result)
    email_weight = result.parameters.query("comparison == 'email' and level == 1")
    difference = scored["match_weight"][0] - scored["match_weight"][1]
    assert difference == pytest.approx(email_weight["match_weight"].item())


def test_score_patterns_adds_prior_and_level_weights():
    result = estimate_parameters(aggregate(simulate_pairs(20_000)), COMPARISONS)
    scored = score_patterns(pd.DataFrame({"name": [2], "email": [1], "birth_date": [2]}), result)
    weights = result.parameters.set_index(["comparison", "level"])["match_weight"]
    expected = (
        result.prior_match_weight
        + weights[("name", 2)]
        + weights[("email", 1)]
        + weights[("birth_date", 2)]
    )
    assert scored["match_weight"].item() == pytest.approx(expected)
    assert scored["match_probability"].item() == pytest.approx(2**expected / (1 + 2**expected))


def test_score_patterns_rejects_a_level_without_estimate():
    result = estimate_parameters(aggregate(simulate_pairs(20_000)), COMPARISONS)
    with pytest.raises(ValueError, match="no estimate"):
        score_patterns(pd.DataFrame({"name": [7], "email": [1], "birth_date": [2]}), result)


def test_convergence_flag_false_when_iterations_run_out():
    patterns = aggregate(simulate_pairs(20_000))
    stopped = estimate_parameters(patterns, COMPARISONS, max_iterations=2)
    assert not stopped.converged
    assert stopped.iterations == 2
    finished = estimate_parameters(patterns, COMPARISONS)
    assert finished.converged
    assert finished.iterations < 100


def test_default_initialisation_orders_m_by_level():
    # One EM step barely moves m, so m still shows the starting order.
    result = estimate_parameters(aggregate(simulate_pairs(5_000)), COMPARISONS, max_iterations=1)
    for name in COMPARISONS:
        m_by_level = [result.m()[name][level] for level in range(len(TRUE_M[name]))]
        assert m_by_level == sorted(m_by_level)


def test_probabilities_are_floored_so_unseen_match_levels_stay_finite():
    # Level 1 of `email` never occurs among the likely matches: m must not reach 0.
    patterns = pd.DataFrame(
        {
            "name": [1, 1, 0, 0],
            "email": [0, 0, 1, 0],
            "pair_count": [50, 0, 1, 10_000],
        }
    )
    result = estimate_parameters(patterns, ["name", "email"])
    # Renormalising after flooring can shave a hair off the floor itself.
    assert (result.parameters["m_probability"] >= PROBABILITY_FLOOR * 0.99).all()
    assert np.isfinite(result.parameters["match_weight"]).all()


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        (pd.DataFrame({"name": [2], "email": [1], "pair_count": [500]}), "one comparison pattern"),
        (pd.DataFrame({"name": [2, 0], "email": [1, 0], "pair_count": [0, 0]}), "zero"),
        (pd.DataFrame({"name": [2, 0], "email": [1, 0], "pair_count": [5, -1]}), "negative"),
        (pd.DataFrame({"name": [2, 0], "email": [1, 0], "pair_count": [5, None]}), "NULL"),
        (pd.DataFrame({"name": [2, 0], "email": [None, -1], "pair_count": [5, 9]}), "every"),
        (pd.DataFrame({"name": [2.5, 0], "email": [1, 0], "pair_count": [5, 9]}), "integers"),
        (pd.DataFrame({"name": [2, 0], "pair_count": [5, 9]}), "no column"),
        (pd.DataFrame({"name": [], "email": [], "pair_count": []}), "zero"),
    ],
)
def test_degenerate_input_raises_a_clear_value_error(patterns, message):
    with pytest.raises(ValueError, match=message):
        estimate_parameters(patterns, ["name", "email"])
