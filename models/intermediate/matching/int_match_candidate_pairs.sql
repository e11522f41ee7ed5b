{#-
    Candidate pairs: two profiles that agree on at least one blocking key, within
    and across sources, each pair once (left < right), with the first rule that
    found it. A profile shared by several records is also paired with itself, so
    that records with identical attributes can be linked on their own merits.
-#}
with

profiles as (

    select * from {{ ref('int_match_profiles') }}

),

keyed as (

    select * from {{ ref('int_match_blocking_keys') }}

),

open_blocks as (

    select
        blocking_rule,
        blocking_key
    from {{ ref('int_match_blocks') }}
    where not is_capped

),

blocked as (

    select keyed.*
    from keyed
    inner join open_blocks
        on keyed.blocking_rule = open_blocks.blocking_rule and keyed.blocking_key = open_blocks.blocking_key

),

paired as (

    select
        left_side.profile_key as left_profile_key,
        right_side.profile_key as right_profile_key,
        min(left_side.rule_order) as rule_order
    from blocked as left_side
    inner join blocked as right_side
        on
            left_side.blocking_rule = right_side.blocking_rule
            and left_side.blocking_key = right_side.blocking_key
            and left_side.profile_key < right_side.profile_key
    group by left_side.profile_key, right_side.profile_key

),

self_pairs as (

    select
        profile_key as left_profile_key,
        profile_key as right_profile_key,
        0 as rule_order
    from profiles
    where record_count > 1

),

final as (

    select
        left_profile_key,
        right_profile_key,
        case rule_order
            when 0 then 'identical_profile'
            {% for rule in var('matching_blocking_keys') %}
            when {{ loop.index }} then '{{ rule }}'
            {% endfor %}
        end as blocking_rule
    from (
        select * from paired
        union all
        select * from self_pairs
    ) as pairs

)

select * from final
