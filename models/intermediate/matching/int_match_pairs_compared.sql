{#- Every candidate pair's level on every comparison (macros/matching/comparisons.sql). -#}
with

pairs as (

    select * from {{ ref('int_match_candidate_pairs') }}

),

profiles as (

    select * from {{ ref('int_match_profiles') }}

),

final as (

    select
        pairs.left_profile_key,
        pairs.right_profile_key,
        pairs.blocking_rule,
        {%- for comparison in match_comparisons() %}
        {{ comparison_level(comparison) }} as {{ comparison.name }}_level,
        {%- if comparison.tf %}
        case
            when l.{{ comparison.tf }} = r.{{ comparison.tf }} then l.{{ comparison.tf }}
        end as {{ comparison.name }}_agreed_value,
        {%- endif %}
        {%- endfor %}
        l.record_count * r.record_count as record_pair_count
    from pairs
    inner join profiles as l
        on pairs.left_profile_key = l.profile_key
    inner join profiles as r
        on pairs.right_profile_key = r.profile_key

)

select * from final
