{#-
    One row per customer and purpose (all four purposes for every customer): the
    status at as_of_date and its proof, the winning signal of
    int_consent_signals_ranked. No signal: 'unknown', not granted.
-#}
with

customers as (

    select customer_id from {{ ref('int_customers') }}

),

purposes as (

    select purpose from {{ ref('consent_purposes') }}

),

winners as (

    select * from {{ ref('int_consent_signals_ranked') }}
    where signal_rank = 1

),

final as (

    select
        cast(customers.customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(purposes.purpose as {{ dbt.type_string() }}) as purpose,
        cast(coalesce(winners.consent_status, 'unknown') as {{ dbt.type_string() }}) as status,
        cast(winners.source_system as {{ dbt.type_string() }}) as source_system,
        cast(winners.policy_version as {{ dbt.type_string() }}) as policy_version,
        cast(winners.source_table as {{ dbt.type_string() }}) as source_table,
        cast(winners.source_record_id as {{ dbt.type_string() }}) as source_record_id,
        coalesce(winners.consent_status = 'granted', false) as is_granted,
        cast({{ as_of_date() }} as date) as as_of_date,
        cast(winners.captured_at as {{ dbt.type_timestamp() }}) as captured_at
    from customers
    cross join purposes
    left join winners
        on customers.customer_id = winners.customer_id and purposes.purpose = winners.purpose

)

select * from final
