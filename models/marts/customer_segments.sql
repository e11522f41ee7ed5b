{#-
    RFM and lifecycle of every customer at as_of_date. rfm_segment comes from
    seeds/marts/rfm_segment_map.csv: the matching row of lowest priority whose
    score ranges hold the customer's r, f and m scores (the `Prospect` row,
    bounds 0, for customers without a purchase: NULL scores match as 0).

    lifecycle_stage, first match wins (day thresholds are vars):
    - prospect: no purchase on or before as_of_date;
    - new: first purchase at most segments_lifecycle_new_days ago;
    - reactivated: last purchase at most segments_lifecycle_active_days ago,
      after a gap of more than segments_lifecycle_at_risk_days since the one
      before (the customer had lapsed and came back);
    - active: last purchase at most segments_lifecycle_active_days ago;
    - at_risk: at most segments_lifecycle_at_risk_days ago;
    - lapsed: at most segments_lifecycle_lapsed_days ago;
    - churned: longer ago.
-#}
with

customers as (

    select customer_id from {{ ref('int_customers') }}

),

scored as (

    select * from {{ ref('int_customer_rfm_scored') }}

),

segment_map as (

    select * from {{ ref('rfm_segment_map') }}

),

joined as (

    select
        customers.customer_id,
        scored.recency_days,
        coalesce(scored.frequency, 0) as frequency,
        coalesce(scored.monetary, 0) as monetary,
        scored.r_score,
        scored.f_score,
        scored.m_score,
        scored.days_since_first_purchase,
        scored.days_between_last_purchases,
        scored.first_purchase_date,
        scored.last_purchase_date
    from customers
    left join scored
        on customers.customer_id = scored.customer_id

),

segment_matches as (

    select
        joined.customer_id,
        segment_map.rfm_segment,
        row_number() over (partition by joined.customer_id order by segment_map.priority) as match_rank
    from joined
    inner join segment_map
        on
            -- No purchase, no scores: matched as 0, the Prospect row's bounds.
            coalesce(joined.r_score, 0) between segment_map.r_score_min and segment_map.r_score_max
            and coalesce(joined.f_score, 0) between segment_map.f_score_min and segment_map.f_score_max
            and coalesce(joined.m_score, 0) between segment_map.m_score_min and segment_map.m_score_max

),

staged as (

    select
        joined.*,
        segment_matches.rfm_segment,
        case
            when joined.last_purchase_date is null
                then 'prospect'
            when joined.days_since_first_purchase <= {{ var('segments_lifecycle_new_days') }}
                then 'new'
            when joined.recency_days <= {{ var('segments_lifecycle_active_days') }}
                and joined.days_between_last_purchases > {{ var('segments_lifecycle_at_risk_days') }}
                then 'reactivated'
            when joined.recency_days <= {{ var('segments_lifecycle_active_days') }}
                then 'active'
            when joined.recency_days <= {{ var('segments_lifecycle_at_risk_days') }}
                then 'at_risk'
            when joined.recency_days <= {{ var('segments_lifecycle_lapsed_days') }}
                then 'lapsed'
            else 'churned'
        end as lifecycle_stage
    from joined
    left join segment_matches
        on joined.customer_id = segment_matches.customer_id and segment_matches.match_rank = 1

),

final as (

    select
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(rfm_segment as {{ dbt.type_string() }}) as rfm_segment,
        cast(lifecycle_stage as {{ dbt.type_string() }}) as lifecycle_stage,
        cast(recency_days as {{ dbt.type_int() }}) as recency_days,
        cast(frequency as {{ dbt.type_int() }}) as frequency,
        cast(monetary as numeric(18, 2)) as monetary,
        cast(r_score as {{ dbt.type_int() }}) as r_score,
        cast(f_score as {{ dbt.type_int() }}) as f_score,
        cast(m_score as {{ dbt.type_int() }}) as m_score,
        cast({{ as_of_date() }} as date) as as_of_date,
        cast(first_purchase_date as date) as first_purchase_date,
        cast(last_purchase_date as date) as last_purchase_date
    from staged

)

select * from final
