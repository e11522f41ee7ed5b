{#-
    The decision on every scored pair at or above the review threshold. A match
    weight says how alike two profiles are; it cannot say whether they are one person
    or two people of one household, who share a surname, an address, a landline, a
    family email, a cookie and sometimes a copied birth date. So an accepted pair
    (match_probability >= matching_accept_probability) becomes an identity link only
    with person-level evidence, however many household values agree:
    - both sides have a first name or a birth date (or an initial with a personal email
      or phone in common);
    - their first names are one name (the same, a nickname, a typo, an initial) and their
      birth dates are not more than a typo apart (`match_signatures_conflict`, always
      applied: no estimate switches it);
    - and something personal agrees: one person's email, one person's phone with a
      compatible first name, a household's email or phone with a similar first name, or
      the same first name with the same birth date or street address, a similar first name
      with the same birth date or street address unless email and phone both differ, the
      same full name with nothing that disagrees (the score, weighing how rare the names
      are, decides), or a first name missing on one side and the very same birth date at
      the same street.
    A steward's cannot-link stops a link, and a profile keeps no link that would chain
    two conflicting people (one that conflicts with a stronger match of its own, or was
    scored as another person than it). Pairs between the review and accept thresholds
    go to the review queue. Levels are read by name (macros/matching/comparisons.sql).
-#}
{%- set first_name = 'coalesce(scored.first_name_level, 0)' -%}
{%- set birth_date = 'coalesce(scored.birth_date_level, 0)' -%}
{%- set street = 'coalesce(scored.street_level, 0)' -%}
{%- set email = 'coalesce(scored.email_level, -1)' -%}
{%- set phone = 'coalesce(scored.phone_level, -1)' -%}
{%- set personal_email_agrees = email ~ ' = ' ~ match_level('email', 'personal') -%}
{%- set personal_phone_agrees = phone ~ ' = ' ~ match_level('phone', 'personal') -%}
{%- set household_value_agrees = '(' ~ email ~ ' = ' ~ match_level('email', 'household')
    ~ ' or ' ~ phone ~ ' = ' ~ match_level('phone', 'household') ~ ')' -%}
{%- set same_first_name = first_name ~ ' >= ' ~ match_level('first_name', 'nickname') -%}
{%- set similar_first_name = first_name ~ ' >= ' ~ match_level('first_name', 'similar') -%}
{%- set compatible_first_name = first_name ~ ' >= ' ~ match_level('first_name', 'fuzzy') -%}
{%- set birth_date_agrees = birth_date ~ ' >= ' ~ match_level('birth_date', 'typo') -%}
{%- set street_agrees = street ~ ' >= ' ~ match_level('street', 'similar') %}

with

scored as (

    select *
    from {{ ref('int_match_pairs_scored') }}
    where match_probability >= {{ var('matching_review_probability') }}

),

-- Names in given-name order, so that 'Barejo Antonio' and 'Barejo Mercedes' are Antonio and Mercedes.
profiles as (

    select
        profiles.profile_key,
        {{ given_order_name_signature_columns('profiles') }},
        profiles.birth_date
    from {{ ref('int_match_profiles') }} as profiles

),

-- Profiles compared and scored as different people (below the review threshold).
scored_apart as (

    select
        left_profile_key,
        right_profile_key
    from {{ ref('int_match_pairs_scored') }}
    where match_probability < {{ var('matching_review_probability') }}

),

profile_records as (

    select
        record_key,
        profile_key
    from {{ ref('int_match_profile_records') }}

),

-- Pairs below are keyed (lower key, higher key), so a check is an equi-join, not an OR.
steward_cannot_links as (

    select distinct
        least(left_records.profile_key, right_records.profile_key) as lower_profile_key,
        greatest(left_records.profile_key, right_records.profile_key) as higher_profile_key
    from {{ ref('identity_overrides') }} as overrides
    inner join profile_records as left_records
        on left_records.record_key = {{ record_key('overrides.left_source_table', 'overrides.left_source_record_id') }}
    inner join profile_records as right_records
        on right_records.record_key = {{ record_key('overrides.right_source_table', 'overrides.right_source_record_id') }}  -- one macro call -- noqa: LT05
    where overrides.decision = 'cannot_link'

),

-- Each pair with its profiles' first names and birth dates, and their name relations selected
-- once (macro name_relation_columns), which the conflict guard reads.
scored_pairs as (

    select
        scored.*,
        l.first_name_normalised as left_first_name_normalised,
        l.birth_date as left_birth_date,
        r.first_name_normalised as right_first_name_normalised,
        r.birth_date as right_birth_date,
        {{ signatures_differ('l', 'r') }} as do_signatures_differ,
        {{ name_relation_columns('l', 'r') }}
    from scored
    inner join profiles as l
        on scored.left_profile_key = l.profile_key
    inner join profiles as r
        on scored.right_profile_key = r.profile_key

),

judged as (

    select
        scored.left_profile_key,
        scored.right_profile_key,
        scored.match_weight,
        scored.match_probability,
        coalesce(scored.email_level, 0) >= {{ match_level('email', 'household') }}
        or coalesce(scored.phone_level, 0) >= {{ match_level('phone', 'household') }} as is_contact_agreeing,
        case
            when scored.match_probability < {{ var('matching_accept_probability') }}
                then 'below_accept_threshold'
            when
                (scored.left_first_name_normalised is null and scored.left_birth_date is null)
                or (scored.right_first_name_normalised is null and scored.right_birth_date is null)
                -- A surname and a family email or landline fit every member of the household:
                -- which one it is, only the identity graph's household guards can say.
                then 'household_member_unknown'
            when
                (
                    (length(scored.left_first_name_normalised) = 1 and scored.left_birth_date is null)
                    or (length(scored.right_first_name_normalised) = 1 and scored.right_birth_date is null)
                )
                -- Family members share initials too (Joanne and John at thesutcrofts@): an initial
                -- needs one person's email or phone in common.
                and not {{ personal_email_agrees }}
                and not {{ personal_phone_agrees }}
                then 'initial_household_member_unknown'
            when scored.do_signatures_differ and {{ match_signatures_conflict_of(name_relations_of('scored')) }}
                then 'conflicting_signatures'
            -- Names and a place are what namesakes and relatives share: a link needs a personal
            -- attribute to agree too.
            when
                not (
                    {{ personal_email_agrees }}
                    or ({{ personal_phone_agrees }} and {{ compatible_first_name }})
                    -- A household's email or landline vouches for a first name that agrees.
                    or ({{ household_value_agrees }} and {{ similar_first_name }})
                    or ({{ same_first_name }} and ({{ birth_date_agrees }} or {{ street_agrees }}))
                    -- The same full name and nothing that disagrees (no other birth date, email,
                    -- phone or place): the score, which weighs how rare the two names are, decides.
                    or (
                        {{ same_first_name }}
                        and coalesce(scored.last_name_level, 0) >= {{ match_level('last_name', 'similar') }}
                        {%- for comparison in ['birth_date', 'email', 'phone', 'location', 'street'] %}
                        and coalesce(scored.{{ comparison }}_level, -1) <> 0
                        {%- endfor %}
                    )
                    -- A first name missing on one side: the very same birth date at the same street.
                    or (
                        scored.first_name_level is null
                        and coalesce(scored.birth_date_level, 0) = {{ match_level('birth_date', 'exact') }}
                        and {{ street_agrees }}
                    )
                    -- A similar first name and the same birth date or street, unless email and
                    -- phone both differ (twins, a sibling with a look-alike name).
                    or (
                        {{ compatible_first_name }}
                        and ({{ birth_date_agrees }} or {{ street_agrees }})
                        and not (coalesce(scored.email_level, -1) = 0 and coalesce(scored.phone_level, -1) = 0)
                    )
                )
                then 'no_person_level_evidence'
            when steward_cannot_links.lower_profile_key is not null
                then 'steward_cannot_link'
        end as rejection_code
    from scored_pairs as scored
    left join steward_cannot_links
        on
            least(scored.left_profile_key, scored.right_profile_key) = steward_cannot_links.lower_profile_key
            and greatest(scored.left_profile_key, scored.right_profile_key) = steward_cannot_links.higher_profile_key

),

-- Each accepted link seen from both of its profiles.
accepted_ends as (

    select
        left_profile_key as profile_key,
        right_profile_key as neighbour_key,
        match_weight,
        is_contact_agreeing
    from judged
    where rejection_code is null and left_profile_key <> right_profile_key
    union all
    select
        right_profile_key as profile_key,
        left_profile_key as neighbour_key,
        match_weight,
        is_contact_agreeing
    from judged
    where rejection_code is null and left_profile_key <> right_profile_key

),

neighbours as (

    select
        accepted_ends.profile_key,
        accepted_ends.neighbour_key,
        accepted_ends.match_weight,
        accepted_ends.is_contact_agreeing,
        row_number() over (
            partition by accepted_ends.profile_key
            order by accepted_ends.match_weight desc, accepted_ends.neighbour_key asc
        ) as strength_rank,
        {{ name_signature_columns('profiles') }},
        profiles.birth_date
    from accepted_ends
    inner join profiles
        on accepted_ends.neighbour_key = profiles.profile_key

),

-- Each accepted link beside a stronger one of the same profile, with the two neighbours' name
-- relations selected once.
neighbour_pairs as (

    select
        weaker.profile_key,
        weaker.neighbour_key,
        weaker.is_contact_agreeing,
        scored_apart.left_profile_key is not null as were_neighbours_scored_apart,
        {{ signatures_differ('weaker', 'stronger') }} as do_signatures_differ,
        {{ name_relation_columns('weaker', 'stronger') }}
    from neighbours as weaker
    inner join neighbours as stronger
        on
            weaker.profile_key = stronger.profile_key
            and weaker.strength_rank > stronger.strength_rank
    left join scored_apart
        on
            least(weaker.neighbour_key, stronger.neighbour_key) = scored_apart.left_profile_key
            and greatest(weaker.neighbour_key, stronger.neighbour_key) = scored_apart.right_profile_key

),

-- A profile keeps no link to a neighbour that conflicts with a stronger neighbour of its own, or
-- that was scored as another person than it (a bridge: `patricia johnson 1964-09-01` and nothing
-- else matches two namesakes with other emails, phones and cities): the links it keeps never
-- join two people who conflict, and its other links stay.
weaker_chain_links as (

    select distinct
        least(profile_key, neighbour_key) as lower_profile_key,
        greatest(profile_key, neighbour_key) as higher_profile_key
    from neighbour_pairs
    where
        (do_signatures_differ and {{ match_signatures_conflict_of(name_relations_of()) }})
        -- A bridge vouched for by names and a birth date or street only (a shared email or phone
        -- links people seen together; the identity graph's household guards judge those).
        or (were_neighbours_scored_apart and not is_contact_agreeing)

),

final as (

    select
        judged.left_profile_key,
        judged.right_profile_key,
        judged.match_weight,
        judged.match_probability,
        coalesce(
            judged.rejection_code,
            case
                when weaker_chain_links.lower_profile_key is not null
                    then 'would_chain_conflicting_people'
            end
        ) as rejection_code
    from judged
    left join weaker_chain_links
        on
            least(judged.left_profile_key, judged.right_profile_key) = weaker_chain_links.lower_profile_key
            and greatest(judged.left_profile_key, judged.right_profile_key) = weaker_chain_links.higher_profile_key

)

select
    left_profile_key,
    right_profile_key,
    match_weight,
    match_probability,
    rejection_code is null as is_accepted,
    {{ rejection_reason_text('rejection_code') }} as rejection_reason,
    rejection_code,
    {{ rejection_code_has('rejection_code', 'is_for_review') }} as is_for_review
from final
