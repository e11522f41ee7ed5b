{#-
    Candidate pairs aggregated into comparison patterns (a level per comparison)
    with their count: the whole input of parameter estimation, tiny at any scale.
    `pair_source` tells blocked candidates from random pairs (for u probabilities,
    counted in int_match_random_patterns_counted, which needs no candidate pairs and
    so builds beside them).
-#}
{%- set level_columns = [] -%}
{%- for comparison in match_comparisons() -%}{%- do level_columns.append(comparison.name ~ '_level') -%}{%- endfor -%}
with

candidate_patterns as (

    select
        'candidates' as pair_source,
        {{ level_columns | join(', ') }},
        count(*) as pair_count
    from {{ ref('int_match_pairs_compared') }}
    -- Identical profiles compared with themselves say nothing about u or m.
    where blocking_rule <> 'identical_profile'
    group by {{ level_columns | join(', ') }}

),

random_patterns as (

    select * from {{ ref('int_match_random_patterns_counted') }}

)

select * from candidate_patterns
union all
select * from random_patterns
