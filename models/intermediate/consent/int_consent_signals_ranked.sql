{#-
    Each customer's consent signals per purpose, ranked: signal_rank = 1 is the
    customer's status at as_of_date. An erased customer's erasure comes first
    for every purpose (withdrawn, captured at the request: an erased person is
    never granted, reading 11). Otherwise the latest signal wins; on a tie at
    the same instant the more restrictive status (withdrawn > denied > granted);
    then source system and record, so that ties always end the same way.
-#}
with

signals as (

    select * from {{ ref('int_consent_signals_attributed') }}

),

erased as (

    select
        customer_id,
        erasure_request_id,
        erased_at
    from {{ ref('int_customers_erased') }}

),

purposes as (

    select purpose from {{ ref('consent_purposes') }}

),

erasure_signals as (

    select
        {{ dbt.concat(["'erasure_requests:'", 'erased.erasure_request_id', "':'", 'purposes.purpose']) }}
            as consent_signal_id,
        erased.customer_id,
        'erasure_requests' as source_table,
        cast(erased.erasure_request_id as {{ dbt.type_string() }}) as source_record_id,
        cast(null as {{ dbt.type_string() }}) as subject_type,
        purposes.purpose,
        'withdrawn' as consent_status,
        'erasure_request' as source_system,
        cast(null as {{ dbt.type_string() }}) as policy_version,
        2 as restrictiveness,
        cast(erased.erased_at as {{ dbt.type_timestamp() }}) as captured_at,
        true as is_erasure
    from erased
    cross join purposes

),

unioned as (

    select
        consent_signal_id,
        customer_id,
        source_table,
        source_record_id,
        subject_type,
        purpose,
        consent_status,
        source_system,
        policy_version,
        restrictiveness,
        captured_at,
        false as is_erasure
    from signals
    union all
    select * from erasure_signals

),

ranked as (

    select
        *,
        row_number() over (
            partition by customer_id, purpose
            order by
                case when is_erasure then 0 else 1 end,
                captured_at desc nulls last,
                restrictiveness desc,
                source_system asc,
                source_table asc,
                source_record_id asc
        ) as signal_rank
    from unioned

)

select * from ranked
