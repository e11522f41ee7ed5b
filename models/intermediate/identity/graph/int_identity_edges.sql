{#-
    The identity graph's edges, every one explained: a record's identifier and
    steward edges (int_identity_identifier_edges: identifier groups split by
    signature under the household guards) and the probabilistic matches (records
    join their matching profile, accepted profile pairs meet). Rejected edges
    stay, with the guard that rejected them, so "why not linked" is a query too.
-#}
with

identifier_edges as (

    select * from {{ ref('int_identity_identifier_edges') }}

),

-- Probabilistic matches (models/intermediate/matching): records join their profile, matched profiles meet.
accepted_matches as (

    select
        left_profile_key,
        right_profile_key,
        match_probability
    from {{ ref('int_match_links_decided') }}
    where is_accepted

),

matched_profiles as (

    select left_profile_key as profile_key from accepted_matches
    union
    select right_profile_key as profile_key from accepted_matches

),

profile_edges as (

    select
        profile_records.record_key as left_node,
        {{ dbt.concat(["'profile:'", 'profile_records.profile_key']) }} as right_node,
        'matched_profile' as edge_type,
        cast(null as {{ dbt.type_string() }}) as identifier_type,
        cast(null as {{ dbt.type_string() }}) as identifier_value,
        true as is_accepted,
        cast(null as {{ dbt.type_string() }}) as rejection_reason,
        cast(null as {{ dbt.type_string() }}) as rejection_code
    from {{ ref('int_match_profile_records') }} as profile_records
    inner join matched_profiles
        on profile_records.profile_key = matched_profiles.profile_key
    union all
    select
        {{ dbt.concat(["'profile:'", 'left_profile_key']) }} as left_node,
        {{ dbt.concat(["'profile:'", 'right_profile_key']) }} as right_node,
        'probabilistic_match' as edge_type,
        cast(null as {{ dbt.type_string() }}) as identifier_type,
        {{ dbt.cast('match_probability', dbt.type_string()) }} as identifier_value,
        true as is_accepted,
        cast(null as {{ dbt.type_string() }}) as rejection_reason,
        cast(null as {{ dbt.type_string() }}) as rejection_code
    from accepted_matches

)

select
    left_node,
    right_node,
    edge_type,
    identifier_type,
    identifier_value,
    is_accepted,
    rejection_reason,
    rejection_code
from identifier_edges
union all
select * from profile_edges
