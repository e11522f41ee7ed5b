{#-
    Every identifier of every resolved customer: one row per customer,
    identifier type and value, with when it was first and last seen on the
    customer's records. Blocked placeholder values are not identifiers and are
    left out. An erased customer's rows keep their type and dates but not the
    value (the suppression list keeps it as a salted hash); neither does any
    row of a value an erased customer also holds (a shared family email).
-#}
with

identifiers as (

    select * from {{ ref('int_identifiers_unioned') }}
    where not is_blocked

),

customer_ids as (

    select
        record_key,
        customer_id
    from {{ ref('int_customer_records') }}

),

groups as (

    select
        identifier_key,
        is_shared
    from {{ ref('int_identifier_groups_profiled') }}

),

erased as (

    select customer_id from {{ ref('int_customers_erased') }}

),

erased_identifiers as (

    select
        hashed_type,
        value_hash
    from {{ ref('int_erased_identifiers_hashed') }}

),

collapsed as (

    select
        customer_ids.customer_id,
        identifiers.identifier_type,
        identifiers.identifier_value,
        identifiers.identifier_key,
        count(distinct identifiers.record_key) as source_record_count,
        min(identifiers.first_seen_at) as first_seen_at,
        max(identifiers.last_seen_at) as last_seen_at
    from identifiers
    inner join customer_ids
        on identifiers.record_key = customer_ids.record_key
    group by
        customer_ids.customer_id, identifiers.identifier_type, identifiers.identifier_value, identifiers.identifier_key

),

final as (

    select
        cast(collapsed.customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(collapsed.identifier_type as {{ dbt.type_string() }}) as identifier_type,
        cast(
            case
                when erased.customer_id is null and erased_identifiers.value_hash is null
                    then collapsed.identifier_value
            end as {{ dbt.type_string() }}
        ) as identifier_value,
        cast(collapsed.source_record_count as {{ dbt.type_int() }}) as source_record_count,
        coalesce(groups.is_shared, false) as is_shared,
        erased.customer_id is not null as is_erased,
        cast(collapsed.first_seen_at as {{ dbt.type_timestamp() }}) as first_seen_at,
        cast(collapsed.last_seen_at as {{ dbt.type_timestamp() }}) as last_seen_at
    from collapsed
    left join groups
        on collapsed.identifier_key = groups.identifier_key
    left join erased
        on collapsed.customer_id = erased.customer_id
    left join erased_identifiers
        on
            collapsed.identifier_type = erased_identifiers.hashed_type
            and {{ salted_hash(dbt.concat(['collapsed.identifier_type', "':'", 'collapsed.identifier_value'])) }}
            = erased_identifiers.value_hash

)

select * from final
