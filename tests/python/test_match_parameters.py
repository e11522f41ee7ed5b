"""scv.matching.parameters: match parameters from the warehouse's comparison patterns."""

import numpy as np
import pandas as pd
import pytest

from scv.matching.parameters import estimate_match_parameters


def simulated_patterns(seed: int = 1, email_missing: bool = False) -> pd.DataFrame:
    """Candidates: half matches (agree on both), half not; random pairs: almost all disagree."""
    rng = np.random.default_rng(seed)
    rows = []
    for source, count, match_share in [("candidates", 4000, 0.5), ("random", 20000, 0.0)]:
        for _ in range(count):
            is_match = rng.random() < match_share
            first_name_level = 2 if is_match and rng.random() < 0.9 else rng.integers(0, 2)
            rows.append(
                {
                    "pair_source": source,
                    "first_name_level": first_name_level,
                    "email_level": None if email_missing else (1 if is_match else 0),
                    "pair_count": 1,
                }
            )
    frame = pd.DataFrame(rows)
    frame["email_level"] = frame["email_level"].astype("Int64")
    return (
        frame.groupby(["pair_source", "first_name_level", "email_level"], dropna=False)
        .pair_count.sum()
        .reset_index()
    )


def test_agreement_weighs_for_a_match_and_disagreement_against():
    parameters = estimate_match_parameters(simulated_patterns(), profile_count=10_000)
    weights = parameters.set_index(["comparison", "level"])["match_weight"]
    assert weights[("first_name", 2)] > 0 > weights[("first_name", 0)]
    assert weights[("email", 1)] > 0 > weights[("email", 0)]


def test_prior_is_that_of_two_random_profiles():
    # About 2,000 matching candidate pairs among 10,000 profiles: 2,000 / (10,000 choose 2).
    parameters = estimate_match_parameters(simulated_patterns(), profile_count=10_000)
    prior = parameters["match_probability_prior"].iloc[0]
    assert prior == pytest.approx(2000 / (10_000 * 9_999 / 2), rel=0.15)
    assert parameters["prior_match_weight"].iloc[0] < -10


def test_comparison_missing_on_every_candidate_is_left_out():
    patterns = simulated_patterns(email_missing=True)
    parameters = estimate_match_parameters(patterns, profile_count=5000)
    assert set(parameters["comparison"]) == {"first_name"}


def test_estimates_do_not_depend_on_row_order():
    patterns = simulated_patterns()
    shuffled = patterns.sample(frac=1.0, random_state=3).reset_index(drop=True)
    first = estimate_match_parameters(patterns, profile_count=10_000)
    second = estimate_match_parameters(shuffled, profile_count=10_000)
    pd.testing.assert_frame_equal(first, second)


def test_no_candidates_is_a_clear_error():
    patterns = simulated_patterns()
    with pytest.raises(ValueError, match="no candidate pairs"):
        estimate_match_parameters(patterns[patterns["pair_source"] == "random"], profile_count=10)
