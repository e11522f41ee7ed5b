{#-
    Candidate pairs aggregated into comparison patterns (a level per comparison)
    with their count: the whole input of parameter estimation, tiny at any scale.
    `pair_source` tells blocked candidates from random pairs (for u probabilities).
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

profiles as (

    -- A deterministic sample of profiles: random pairs among them estimate u.
    select *
    from {{ ref('int_match_profiles') }}
    order by {{ dbt.hash('profile_key') }}
    limit {{ var('matching_random_sample_profiles') }}

),

random_patterns as (

    select
        'random' as pair_source,
        {%- for comparison in match_comparisons() %}
        {{ comparison_level(comparison) }} as {{ comparison.name }}_level,
        {%- endfor %}
        count(*) as pair_count
    from profiles as l
    inner join profiles as r
        on l.profile_key < r.profile_key
    group by {{ level_columns | join(', ') }}

)

select * from candidate_patterns
union all
select * from random_patterns
