{#-
    Every profile's key under every blocking rule (var matching_blocking_keys), computed
    once: int_match_blocks counts the profiles per key, int_match_candidate_pairs pairs
    them. A NULL key (the profile lacks what the rule reads) is left out.
-#}
with

-- Several keys read the names' Soundex codes (a chain of regexes): computed once per
-- distinct name, far fewer than profiles.
names as (

    select
        normalised_name,
        {{ soundex('normalised_name') }} as name_soundex
    from (
        select first_name_normalised as normalised_name from {{ ref('int_match_profiles') }}
        union
        select last_name_normalised as normalised_name from {{ ref('int_match_profiles') }}
    ) as distinct_names
    where normalised_name is not null

),

profiles as (

    select
        profiles.*,
        first_names.name_soundex as first_name_soundex,
        last_names.name_soundex as last_name_soundex
    from {{ ref('int_match_profiles') }} as profiles
    left join names as first_names
        on profiles.first_name_normalised = first_names.normalised_name
    left join names as last_names
        on profiles.last_name_normalised = last_names.normalised_name

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
