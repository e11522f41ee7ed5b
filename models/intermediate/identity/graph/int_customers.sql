{#-
    The customer list: one row per resolved customer, with its size and span
    over all its records (soft-deleted contacts and till or web records
    included: they are evidence of the person even when they supply no value).
    The golden record, consent and segments start from here, so a mart never
    needs another mart for its list of customers.
-#}
with

customer_records as (

    select
        customer_id,
        first_seen_at,
        observed_at
    from {{ ref('int_customer_records') }}

),

final as (

    select
        customer_id,
        count(*) as source_record_count,
        min(first_seen_at) as first_seen_at,
        max(coalesce(observed_at, first_seen_at)) as last_seen_at
    from customer_records
    group by customer_id

)

select * from final
