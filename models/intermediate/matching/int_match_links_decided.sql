{#-
    The decision on every scored pair at or above the review threshold. Accepted
    pairs (match_probability >= matching_accept_probability) become identity links
    unless a guard stops them: one side has neither a first name nor a birth date
    (or only an initial, and no personal email or mobile in common),
    the two profiles' strong attributes conflict (first
    names, or birth dates more than one mistyped digit apart, where the data's matches
    rarely disagree on them: see `guards`), nothing but the names and a place
    vouches for the link, a steward declared a record of each side a different
    person, or the link would chain two conflicting people (a profile drops its
    links to profiles that conflict with a stronger match of its own, or were
    scored as another person than it). Pairs between the
    review and accept thresholds go to the review queue.
-#}
{#- A mobile reaches one person; a landline rings the whole household. -#}
{%- set is_mobile_agreeing -%}
    (
        coalesce(scored.phone_level, 0) = 2
        and (coalesce(l.is_mobile_phone, false) or coalesce(r.is_mobile_phone, false))
    )
{%- endset %}

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
        {{ names_in_given_order('profiles') }},
        profiles.birth_date,
        profiles.is_household_email,
        profiles.is_mobile_phone
    from {{ ref('int_match_profiles') }} as profiles
    left join {{ ref('int_first_names_profiled') }} as first_names
        on profiles.first_name_normalised = first_names.first_name
    left join {{ ref('int_first_names_profiled') }} as last_names
        on {{ last_word('profiles.last_name_normalised') }} = last_names.first_name

),

-- Profiles compared and scored as different people (below the review threshold).
scored_apart as (

    select
        left_profile_key,
        right_profile_key
    from {{ ref('int_match_pairs_scored') }}
    where match_probability < {{ var('matching_review_probability') }}

),

-- A first-name or birth-date disagreement stops a link only where EM found that true
-- matches rarely carry one (m of its "else" level below matching_conflict_max_m): then it
-- means another person (a twin, a sibling on the family's email). Where matches often do
-- (entry that replaces whole values, as in FEBRL), it is as likely an entry error, and the
-- disagreement's negative match weight already counts against the pair.
guards as (

    select
        coalesce(max(case when comparison = 'first_name' and level = 0 then m_probability end), 0)
        < {{ var('matching_conflict_max_m') }} as is_first_name_guarded,
        coalesce(max(case when comparison = 'birth_date' and level = 0 then m_probability end), 0)
        < {{ var('matching_conflict_max_m') }} as is_birth_date_guarded
    from {{ match_parameters() }}

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

judged as (

    select
        scored.left_profile_key,
        scored.right_profile_key,
        scored.match_weight,
        scored.match_probability,
        coalesce(scored.email_level, 0) >= 1 or coalesce(scored.phone_level, 0) >= 1 as is_contact_agreeing,
        case
            when scored.match_probability < {{ var('matching_accept_probability') }}
                then 'below the accept threshold: for review'
            when
                (l.first_name_normalised is null and l.birth_date is null)
                or (r.first_name_normalised is null and r.birth_date is null)
                -- A surname and a family email or landline fit every member of the household:
                -- which one it is, only the identity graph's household guards can say.
                then 'no first name or birth date: which household member it is is unknown'
            when
                (
                    (length(l.first_name_normalised) = 1 and l.birth_date is null)
                    or (length(r.first_name_normalised) = 1 and r.birth_date is null)
                )
                -- Family members share initials too (Joanne and John at thesutcrofts@): an initial
                -- needs a personal email or a mobile in common.
                and not (coalesce(scored.email_level, 0) >= 1 and not coalesce(l.is_household_email, false))
                and not {{ is_mobile_agreeing }}
                then 'only an initial and no birth date, and no personal email or mobile in common: which household member it is is unknown'  -- message text -- noqa: LT05
            when {{ signatures_differ('l', 'r') }} and {{ match_signatures_conflict('l', 'r', 'guards') }}
                then 'conflicting first names or birth dates'
            -- Names and a place are what namesakes and relatives share: a link needs a personal
            -- attribute to agree too. Levels as in macros/matching/comparisons.sql. Only where
            -- EM finds that matches keep their first names (guards): where entry replaces or
            -- garbles names (FEBRL), an exact name is not what a match looks like, and the
            -- weights decide.
            when
                guards.is_first_name_guarded
                and not (
                    coalesce(scored.email_level, 0) >= 1
                    -- A phone can be the family's landline: it vouches for the same first name only
                    -- (James and Jane Blackley, C. and Cornelis de Jong share one); a mobile in
                    -- common vouches for any first name that agrees (D. and David Thomas).
                    or (coalesce(scored.phone_level, 0) >= 1 and coalesce(scored.first_name_level, 0) >= 3)
                    or ({{ is_mobile_agreeing }} and coalesce(scored.first_name_level, 0) >= 1)
                    -- The same first name (or its formal form), and the same birth date or street address.
                    or (
                        coalesce(scored.first_name_level, 0) >= 3
                        and (coalesce(scored.birth_date_level, 0) >= 2 or coalesce(scored.street_level, 0) >= 2)
                    )
                    -- A similar first name and the same birth date, unless email and phone both differ (twins).
                    or (
                        coalesce(scored.first_name_level, 0) in (1, 2)
                        and coalesce(scored.birth_date_level, 0) >= 2
                        and not (coalesce(scored.email_level, -1) = 0 and coalesce(scored.phone_level, -1) = 0)
                    )
                )
                then 'too little evidence beyond the names: no agreeing email, nor the same first name with the same phone, birth date or street'  -- message text -- noqa: LT05
            when steward_cannot_links.lower_profile_key is not null
                then 'steward cannot-link'
        end as rejection_reason
    from scored
    cross join guards
    inner join profiles as l
        on scored.left_profile_key = l.profile_key
    inner join profiles as r
        on scored.right_profile_key = r.profile_key
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
    where rejection_reason is null and left_profile_key <> right_profile_key
    union all
    select
        right_profile_key as profile_key,
        left_profile_key as neighbour_key,
        match_weight,
        is_contact_agreeing
    from judged
    where rejection_reason is null and left_profile_key <> right_profile_key

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
        profiles.first_name_normalised,
        profiles.first_name_canonical,
        profiles.last_name_normalised,
        profiles.birth_date
    from accepted_ends
    inner join profiles
        on accepted_ends.neighbour_key = profiles.profile_key

),

-- A profile keeps no link to a neighbour that conflicts with a stronger neighbour of its own, or
-- that was scored as another person than it (a bridge: `patricia johnson 1964-09-01` and nothing
-- else matches two namesakes with other emails, phones and cities): the links it keeps never
-- join two people who conflict, and its other links stay.
weaker_chain_links as (

    select distinct
        least(weaker.profile_key, weaker.neighbour_key) as lower_profile_key,
        greatest(weaker.profile_key, weaker.neighbour_key) as higher_profile_key
    from neighbours as weaker
    cross join guards
    inner join neighbours as stronger
        on
            weaker.profile_key = stronger.profile_key
            and weaker.strength_rank > stronger.strength_rank
    left join scored_apart
        on
            least(weaker.neighbour_key, stronger.neighbour_key) = scored_apart.left_profile_key
            and greatest(weaker.neighbour_key, stronger.neighbour_key) = scored_apart.right_profile_key
    where
        (
            {{ signatures_differ('weaker', 'stronger') }}
            and {{ match_signatures_conflict('weaker', 'stronger', 'guards') }}
        )
        -- A bridge vouched for by names and a birth date or street only (a shared email or phone
        -- links people seen together; the identity graph's household guards judge those).
        or (scored_apart.left_profile_key is not null and not weaker.is_contact_agreeing)

),

final as (

    select
        judged.left_profile_key,
        judged.right_profile_key,
        judged.match_weight,
        judged.match_probability,
        coalesce(
            judged.rejection_reason,
            case
                when weaker_chain_links.lower_profile_key is not null
                    then 'would chain two conflicting people: a stronger match was kept'
            end
        ) as rejection_reason
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
    rejection_reason is null as is_accepted,
    rejection_reason,
    rejection_reason = 'below the accept threshold: for review' as is_for_review
from final
