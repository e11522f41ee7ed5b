{#-
    RFM values and 1-5 scores (5 best) of every resolved customer at
    as_of_date. Scores rank the customers with a purchase on or before
    as_of_date (macro rfm_score: percentile rank, equal values equal scores;
    recency: fewer days scores higher). A customer with no purchase ever has
    recency NULL, frequency and monetary 0 and no scores (the `Prospect` row of
    seeds/marts/rfm_segment_map.csv).
-#}
with

customers as (

    select customer_id from {{ ref('int_customers') }}

),

purchases as (

    select * from {{ ref('int_customer_purchases_aggregated') }}

),

rfm_values as (

    select
        customers.customer_id,
        {{ dbt.datediff('purchases.last_purchase_date', as_of_date(), 'day') }} as recency_days,  -- macro expansion -- noqa: LT05
        coalesce(purchases.frequency, 0) as frequency,
        -- Rounded before ranking, so that values equal to the cent score the same.
        round(cast(coalesce(purchases.monetary, 0) as {{ dbt.type_numeric() }}), 2) as monetary,
        {{ dbt.datediff('purchases.first_purchase_date', as_of_date(), 'day') }} as days_since_first_purchase,  -- macro expansion -- noqa: LT05
        {{ dbt.datediff('purchases.previous_purchase_date', 'purchases.last_purchase_date', 'day') }} as days_between_last_purchases,  -- macro expansion -- noqa: LT05
        purchases.first_purchase_date,
        purchases.last_purchase_date
    from customers
    left join purchases
        on customers.customer_id = purchases.customer_id

),

scored as (

    select
        customer_id,
        {{ rfm_score('recency_days desc') }} as r_score,
        {{ rfm_score('frequency') }} as f_score,
        {{ rfm_score('monetary') }} as m_score
    from rfm_values
    where last_purchase_date is not null

),

final as (

    select
        rfm_values.customer_id,
        rfm_values.recency_days,
        rfm_values.frequency,
        rfm_values.monetary,
        scored.r_score,
        scored.f_score,
        scored.m_score,
        rfm_values.days_since_first_purchase,
        rfm_values.days_between_last_purchases,
        rfm_values.first_purchase_date,
        rfm_values.last_purchase_date
    from rfm_values
    left join scored
        on rfm_values.customer_id = scored.customer_id

)

select * from final
