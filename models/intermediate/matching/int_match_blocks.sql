{#-
    Every block: the profiles agreeing on one blocking key (var matching_blocking_keys).
    A block larger than matching_max_block_profiles (or its rule's own cap in
    matching_max_block_profiles_by_rule) would cost quadratic pairs for little
    evidence (500 records named "Maria Garcia" and nothing else): it is capped,
    i.e. not compared, and listed with `is_capped` for review.
-#}
{%- set rule_caps = var('matching_max_block_profiles_by_rule', {}) -%}
with

keyed as (

    select * from {{ ref('int_match_blocking_keys') }}

),

final as (

    select
        blocking_rule,
        blocking_key,
        count(*) as profile_count,
        count(*) > case blocking_rule
            {%- for rule, cap in rule_caps.items() %}
            when '{{ rule }}' then {{ cap }}
            {%- endfor %}
            else {{ var('matching_max_block_profiles') }}
        end as is_capped
    from keyed
    group by blocking_rule, blocking_key

)

select * from final
