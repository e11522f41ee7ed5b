"""Fellegi-Sunter parameters estimated from the comparison patterns.

u from random pairs; m and the prior by EM.
"""

from scv.matching.parameters import estimate_match_parameters


def model(dbt, session):
    dbt.config(materialized="table")
    patterns = dbt.ref("int_match_patterns_counted").df()
    profile_count = dbt.ref("int_match_profiles").aggregate("count(*)").fetchall()[0][0]
    return estimate_match_parameters(patterns, profile_count=profile_count)
