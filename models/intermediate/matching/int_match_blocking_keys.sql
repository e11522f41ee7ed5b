{#-
    Every profile's key under every blocking rule (var matching_blocking_keys), computed
    once: int_match_blocks counts the profiles per key, int_match_candidate_pairs pairs
    them. A NULL key (the profile lacks what the rule reads) is left out.
-#}
with

profiles as (

    select
        *,
        -- Several keys read the Soundex codes: computed once here (a chain of regexes).
        {{ soundex('first_name_normalised') }} as first_name_soundex,
        {{ soundex('last_name_normalised') }} as last_name_soundex
    from {{ ref('int_match_profiles') }}

),

keyed as (

    {% for rule in var('matching_blocking_keys') %}
    select
        '{{ rule }}' as blocking_rule,
        {{ loop.index }} as rule_order,
        {{ blocking_key(rule) }} as blocking_key,
        profile_key
    from profiles
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        profile_key,
        blocking_rule,
        blocking_key,
        rule_order
    from keyed
    where blocking_key is not null

)

select * from final
