{#-
    Comparison patterns of random profile pairs, with their count: all pairs among a
    deterministic sample of `matching_random_sample_profiles` profiles, from which
    the u probabilities are estimated (int_match_patterns_counted).
-#}
{%- set level_columns = [] -%}
{%- for comparison in match_comparisons() -%}{%- do level_columns.append(comparison.name ~ '_level') -%}{%- endfor -%}
with

profiles as (

    select *
    from {{ ref('int_match_profiles') }}
    order by {{ dbt.hash('profile_key') }}
    limit {{ var('matching_random_sample_profiles') }}

),

final as (

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

select * from final
