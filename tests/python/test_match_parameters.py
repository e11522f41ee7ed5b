"""scv.matching.parameters: match parameters from the warehouse's comparison patterns."""

import itertools

import numpy as np
import pandas as pd
import pytest

from scv.matching.parameters import estimate_match_parameters, monotone_m


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


def test_no_candidates_give_an_empty_table_of_the_same_columns_and_types():
    patterns = simulated_patterns()
    estimated = estimate_match_parameters(patterns, profile_count=10_000)
    empty = estimate_match_parameters(
        patterns[patterns["pair_source"] == "random"], profile_count=10
    )
    assert empty.empty
    assert list(empty.columns) == list(estimated.columns)
    for column in ["level", "m_probability", "em_iterations", "em_converged", "prior_match_weight"]:
        assert empty[column].dtype == estimated[column].dtype, column


# Known m and u for a blocked-candidates simulation (levels: higher is more similar).
KNOWN_M = {
    "first_name_level": {0: 0.05, 1: 0.15, 2: 0.80},
    "last_name_level": {0: 0.10, 1: 0.90},
    "email_level": {0: 0.20, 1: 0.80},
    "birth_date_level": {0: 0.05, 1: 0.95},
}
KNOWN_U = {
    "first_name_level": {0: 0.97, 1: 0.02, 2: 0.01},
    "last_name_level": {0: 0.99, 1: 0.01},
    "email_level": {0: 0.999, 1: 0.001},
    "birth_date_level": {0: 0.9995, 1: 0.0005},
}


def blocked_patterns(profile_count: int = 20_000, matches: int = 10_000) -> pd.DataFrame:
    """Expected pattern counts of blocked candidates and of random pairs, with known m and u.

    Candidates are the pairs that agree on full name, on email, or on a name and the birth
    date (as blocking keys would find them): they all agree on something, so their level
    shares are nothing like u.
    """
    all_pairs = profile_count * (profile_count - 1) / 2
    columns = list(KNOWN_M)
    rows = []
    for pattern in itertools.product(*(sorted(KNOWN_M[c]) for c in columns)):
        levels = dict(zip(columns, pattern, strict=True))
        m = np.prod([KNOWN_M[c][levels[c]] for c in columns])
        u = np.prod([KNOWN_U[c][levels[c]] for c in columns])
        blocked = (
            (levels["first_name_level"] == 2 and levels["last_name_level"] == 1)
            or levels["email_level"] == 1
            or (levels["first_name_level"] == 2 and levels["birth_date_level"] == 1)
            or (levels["last_name_level"] == 1 and levels["birth_date_level"] == 1)
        )
        if blocked:
            count = matches * m + (all_pairs - matches) * u
            rows.append({"pair_source": "candidates", **levels, "pair_count": count})
        rows.append({"pair_source": "random", **levels, "pair_count": 1e6 * u})
    return pd.DataFrame(rows)


def test_m_is_recovered_from_blocked_candidates_not_collapsed_to_their_level_shares():
    # EM over all blocked candidates at once takes almost every candidate for a match (they all
    # agree on something) and learns m as their level shares; sessions on pairs agreeing on
    # some comparisons learn the others' m as they are among matches.
    parameters = estimate_match_parameters(blocked_patterns(), profile_count=20_000)
    estimated = parameters.set_index(["comparison", "level"])["m_probability"]
    for column, by_level in KNOWN_M.items():
        for level, m in by_level.items():
            assert estimated[(column.removesuffix("_level"), level)] == pytest.approx(m, abs=0.01)


def test_disagreement_weighs_strongly_against_a_match():
    parameters = estimate_match_parameters(blocked_patterns(), profile_count=20_000)
    weights = parameters.set_index(["comparison", "level"])["match_weight"]
    # log2(0.05 / 0.97), log2(0.2 / 0.999): several bits, not the -0.1 of a collapsed m.
    assert weights[("first_name", 0)] == pytest.approx(np.log2(0.05 / 0.97), abs=0.3)
    assert weights[("email", 0)] == pytest.approx(np.log2(0.2 / 0.999), abs=0.3)


def test_prior_from_blocked_candidates_is_near_the_true_match_rate():
    # 10,000 matches among 20,000 choose 2 pairs; blocking finds ~97% of them.
    parameters = estimate_match_parameters(blocked_patterns(), profile_count=20_000)
    prior = parameters["match_probability_prior"].iloc[0]
    assert prior == pytest.approx(10_000 / (20_000 * 19_999 / 2), rel=0.2)


def test_without_email_the_birth_date_session_learns_the_names():
    # FEBRL-style data has no email: the names' m comes from pairs agreeing on birth date.
    patterns = blocked_patterns()
    patterns["email_level"] = pd.array([pd.NA] * len(patterns), dtype="Int64")
    patterns = (
        patterns.groupby(["pair_source", *[c for c in KNOWN_M if c != "email_level"]], dropna=False)
        .pair_count.sum()
        .reset_index()
    )
    patterns["email_level"] = pd.array([pd.NA] * len(patterns), dtype="Int64")
    parameters = estimate_match_parameters(patterns, profile_count=20_000)
    weights = parameters.set_index(["comparison", "level"])["match_weight"]
    assert "email" not in set(parameters["comparison"])
    # Blocking biases this session (its non-matches all agree on one name), so only roughly:
    # true weights are -4.3 and -3.3 bits.
    assert weights[("first_name", 0)] < -2.5
    assert weights[("last_name", 0)] < -2.5


def test_a_more_similar_level_never_weighs_less_than_a_less_similar_one():
    """RLdata's shape: EM says an exact birth date is rarer among matches than a typo."""
    u = {0: 0.987, 1: 0.0118, 2: 0.00109, 3: 0.000046}
    m = {0: 0.1864, 1: 0.087, 2: 0.7254, 3: 0.0012}
    adjusted = monotone_m(m, u)
    weights = [adjusted[level] / u[level] for level in sorted(u)]
    assert weights == sorted(weights)
    assert adjusted[2] / u[2] == pytest.approx(adjusted[3] / u[3])
    assert sum(adjusted.values()) == pytest.approx(sum(m.values()))
    # Levels already in order are left exactly as they were.
    assert adjusted[0] == m[0] and adjusted[1] == m[1]


def test_ordered_weights_are_left_unchanged():
    u = {0: 0.9, 1: 0.09, 2: 0.01}
    m = {0: 0.05, 1: 0.15, 2: 0.8}
    assert monotone_m(m, u) == m
