{#-
    customer_segments as each run saw it: one row per customer per as_of_date,
    so that segment and lifecycle transitions can be counted between dates.
    A rerun for the same as_of_date replaces that date's rows. Not rebuilt by
    --full-refresh (full_refresh: false): past dates cannot be recomputed once
    customer ids have moved on. Backfill by running with older as_of_date vars.
-#}
{{
    config(
        materialized='incremental',
        full_refresh=false,
        on_schema_change='append_new_columns',
        **replace_incremental_config(unique_key=['customer_id', 'as_of_date'], partition_by=['as_of_date'])
    )
}}

with

segments as (

    select * from {{ ref('customer_segments') }}

),

final as (

    select
        customer_id,
        rfm_segment,
        lifecycle_stage,
        recency_days,
        frequency,
        monetary,
        r_score,
        f_score,
        m_score,
        as_of_date,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}) as computed_at
    from segments

)

select * from final
