{#-
    Every consent signal attributed to its customer, on or before as_of_date,
    with the erasure of an erased customer as a withdrawal of every purpose.
    is_current marks the signal customer_consent reports. An erased customer's
    other signals keep their facts but not their source record id (a shop
    account or loyalty card number is an identifier).
-#}
with

signals as (

    select * from {{ ref('int_consent_signals_ranked') }}

),

erased_customers as (

    select distinct customer_id from signals
    where is_erasure

),

final as (

    select
        cast(signals.consent_signal_id as {{ dbt.type_string() }}) as consent_signal_id,
        cast(signals.customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(signals.purpose as {{ dbt.type_string() }}) as purpose,
        cast(signals.consent_status as {{ dbt.type_string() }}) as status,
        cast(signals.source_system as {{ dbt.type_string() }}) as source_system,
        cast(signals.policy_version as {{ dbt.type_string() }}) as policy_version,
        cast(signals.source_table as {{ dbt.type_string() }}) as source_table,
        cast(
            case
                when signals.is_erasure or erased_customers.customer_id is null
                    then signals.source_record_id
            end as {{ dbt.type_string() }}
        ) as source_record_id,
        cast(signals.subject_type as {{ dbt.type_string() }}) as subject_type,
        cast(signals.signal_rank as {{ dbt.type_int() }}) as signal_rank,
        signals.consent_status = 'granted' as is_granted,
        signals.signal_rank = 1 as is_current,
        signals.is_erasure,
        cast(signals.captured_at as {{ dbt.type_timestamp() }}) as captured_at
    from signals
    left join erased_customers
        on signals.customer_id = erased_customers.customer_id

)

select * from final
