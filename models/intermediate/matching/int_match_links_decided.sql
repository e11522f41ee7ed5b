{#-
    The decision on every scored pair at or above the review threshold. Accepted
    pairs (match_probability >= matching_accept_probability) become identity links
    unless a guard stops them: the two profiles' strong attributes conflict (first
    names or birth dates), one profile has neither a first name nor a birth
    date, nothing but the names and a place vouches for the link, a steward declared a record of each side a different person, or the
    link would chain two conflicting people (a profile matched to two profiles
    that conflict keeps only its strongest match). Pairs between the
    review and accept thresholds go to the review queue.
-#}
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
        profiles.birth_date
    from {{ ref('int_match_profiles') }} as profiles
    left join {{ ref('int_first_names_profiled') }} as first_names
        on profiles.first_name_normalised = first_names.first_name
    left join {{ ref('int_first_names_profiled') }} as last_names
        on profiles.last_name_normalised = last_names.first_name

),

profile_records as (

    select
        record_key,
        profile_key
    from {{ ref('int_match_profile_records') }}

),

steward_cannot_links as (

    select distinct
        left_records.profile_key as left_profile_key,
        right_records.profile_key as right_profile_key
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
        case
            when scored.match_probability < {{ var('matching_accept_probability') }}
                then 'below the accept threshold: for review'
            when {{ signatures_conflict('l', 'r') }}
                then 'conflicting first names or birth dates'
            -- Such a profile is linked by its identifiers alone, under the household guards of the graph.
            when
                (l.first_name_normalised is null and l.birth_date is null)
                or (r.first_name_normalised is null and r.birth_date is null)
                then 'a profile without a first name or birth date: only its identifiers link it'
            -- Names and a place are what namesakes and relatives share: a link needs a personal
            -- attribute to agree too. Levels as in macros/matching/comparisons.sql.
            when
                not (
                    coalesce(scored.email_level, 0) >= 1
                    or coalesce(scored.phone_level, 0) >= 1
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
                then 'too little evidence beyond the names: no agreeing email or phone, nor the same first name with the same birth date or street'  -- message text -- noqa: LT05
            when
                exists (
                    select 1 from steward_cannot_links
                    where
                        (
                            steward_cannot_links.left_profile_key = scored.left_profile_key
                            and steward_cannot_links.right_profile_key = scored.right_profile_key
                        )
                        or (
                            steward_cannot_links.left_profile_key = scored.right_profile_key
                            and steward_cannot_links.right_profile_key = scored.left_profile_key
                        )
                )
                then 'steward cannot-link'
        end as rejection_reason
    from scored
    inner join profiles as l
        on scored.left_profile_key = l.profile_key
    inner join profiles as r
        on scored.right_profile_key = r.profile_key

),

-- Each accepted link seen from both of its profiles.
accepted_ends as (

    select
        left_profile_key as profile_key,
        right_profile_key as neighbour_key,
        match_weight
    from judged
    where rejection_reason is null and left_profile_key <> right_profile_key
    union all
    select
        right_profile_key as profile_key,
        left_profile_key as neighbour_key,
        match_weight
    from judged
    where rejection_reason is null and left_profile_key <> right_profile_key

),

neighbours as (

    select
        accepted_ends.profile_key,
        accepted_ends.neighbour_key,
        accepted_ends.match_weight,
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

chaining_profiles as (

    select distinct first_neighbour.profile_key
    from neighbours as first_neighbour
    inner join neighbours as second_neighbour
        on
            first_neighbour.profile_key = second_neighbour.profile_key
            and first_neighbour.neighbour_key < second_neighbour.neighbour_key
    where {{ signatures_conflict('first_neighbour', 'second_neighbour') }}

),

weaker_chain_ends as (

    select
        neighbours.profile_key,
        neighbours.neighbour_key
    from neighbours
    inner join chaining_profiles
        on neighbours.profile_key = chaining_profiles.profile_key
    where neighbours.strength_rank > 1

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
                when
                    exists (
                        select 1 from weaker_chain_ends
                        where
                            (
                                weaker_chain_ends.profile_key = judged.left_profile_key
                                and weaker_chain_ends.neighbour_key = judged.right_profile_key
                            )
                            or (
                                weaker_chain_ends.profile_key = judged.right_profile_key
                                and weaker_chain_ends.neighbour_key = judged.left_profile_key
                            )
                    )
                    then 'would chain two conflicting people: a stronger match was kept'
            end
        ) as rejection_reason
    from judged

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
