{#-
    The steward's review queue: pairs scored between matching_review_probability
    and matching_accept_probability, with an example record of each side and the
    level reached on every comparison. A decision goes into
    seeds/identity/identity_overrides.csv as must_link or cannot_link.
-#}
with

for_review as (

    select
        left_profile_key,
        right_profile_key,
        match_weight,
        match_probability
    from {{ ref('int_match_links_decided') }}
    where is_for_review

),

scored as (

    select * from {{ ref('int_match_pairs_scored') }}

),

example_records as (

    select
        profile_key,
        min(record_key) as example_record_key
    from {{ ref('int_match_profile_records') }}
    group by profile_key

),

final as (

    select
        left_examples.example_record_key as left_record_key,
        right_examples.example_record_key as right_record_key,
        for_review.match_probability,
        for_review.match_weight,
        {%- for comparison in match_comparisons() %}
        scored.{{ comparison.name }}_level,
        {%- endfor %}
        for_review.left_profile_key,
        for_review.right_profile_key
    from for_review
    inner join scored
        on
            for_review.left_profile_key = scored.left_profile_key
            and for_review.right_profile_key = scored.right_profile_key
    inner join example_records as left_examples
        on for_review.left_profile_key = left_examples.profile_key
    inner join example_records as right_examples
        on for_review.right_profile_key = right_examples.profile_key

)

select * from final
