{#-
    Survivorship: each customer's candidates for each attribute group in order,
    best first (survivor_rank = 1 wins). The order, the same for every group:
    1. a valid value beats an invalid one (is_valid);
    2. the group's own preference (is_preferred): a mobile over a landline; a
       personal email over one other customers give too (a household's); a full
       first name over its nickname, a whole compound surname over its first part;
    3. the most recently confirmed value (confirmed_at): the latest time a
       confirming record carried the same email in any spelling (two or three
       edits), the same surname in any spelling, or the same country and postal
       code;
    4. support: a value more of the customer's records carry beats a one-off
       (support_count; a typo or an old address is rarely repeated);
    5. spelling (spelling_score): a name spelled as many customers spell it, an
       email that spells the customer's name (a typo is one person's alone);
    6. source trust (trust_rank from seeds/golden/survivorship_rules.csv, 1 best);
    7. recency (the record's observed_at);
    8. completeness (how many of the group's fields the record fills);
    9. source table and record id, so that a full tie always ends the same way.
-#}
with

candidates as (

    select * from {{ ref('int_golden_candidates_gathered') }}

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
                spelling_score desc nulls last,
                trust_rank asc,
                observed_at desc nulls last,
                completeness desc,
                source_table asc,
                source_record_id asc
        ) as survivor_rank
    from candidates

)

select * from ranked
