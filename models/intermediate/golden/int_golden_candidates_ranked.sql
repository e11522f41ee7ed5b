{#-
    Survivorship: each customer's candidates for each attribute group in order,
    best first (survivor_rank = 1 wins). The order, the same for every group:
    1. a valid value beats an invalid one (is_valid);
    2. the group's own preference: a mobile over a landline (is_preferred); the
       most recently confirmed email, and the most recently confirmed address
       (confirmed_at: the latest time any record carried the same email match
       key or a misspelling of it (two or three edits), or the same country and
       postal code in any spelling);
    3. support: a value more of the customer's records carry beats a one-off
       (support_count; a typo or an old address is rarely repeated);
    4. source trust (trust_rank from seeds/marts/survivorship_rules.csv, 1 best);
    5. recency (the record's observed_at);
    6. completeness (how many of the group's fields the record fills);
    7. source table and record id, so that a full tie always ends the same way.
-#}
with

candidates as (

    select * from {{ ref('int_golden_candidates_scored') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by customer_id, attribute
            order by
                case when is_valid then 0 else 1 end,
                case when is_preferred then 0 else 1 end,
                confirmed_at desc nulls last,
                support_count desc,
                trust_rank asc,
                observed_at desc nulls last,
                completeness desc,
                source_table asc,
                source_record_id asc
        ) as survivor_rank
    from candidates

)

select * from ranked
