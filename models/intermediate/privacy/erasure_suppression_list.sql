{#-
    The erasure suppression list: what an erased person was, kept only as salted
    hashes (macro salted_hash, salt var privacy_erasure_salt) so that the person
    is erased again when old data brings their records back. Never rebuilt by
    --full-refresh (full_refresh: false): a request may leave the source
    extract, its effect may not. Rows are only ever added.

    hash_kind:
    - requested_subject: the identifier the request named (also kept for a
      request no customer holds yet, so the person is erased when they appear);
    - source_record: every source record of every customer the request erased;
    - identifier: every identifier on those records, for downstream suppression.
    int_customers_erased erases a customer holding a requested_subject or a
    source_record hash; identifier hashes alone erase nobody (a shared family
    phone must not erase the family).
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false,
        on_schema_change='append_new_columns'
    )
}}

with

requests as (

    select * from {{ ref('int_erasure_requests_matched') }}
    where review_reason is null or review_reason = 'no customer holds the subject identifier'

),

customer_ids as (

    select
        record_key,
        source_table,
        source_record_id,
        customer_id
    from {{ ref('int_customer_ids_assigned') }}
    where customer_id is not null

),

identifiers as (

    select
        record_key,
        identifier_type,
        identifier_value
    from {{ ref('int_identifiers_unioned') }}
    where not is_blocked

),

erased_customers as (

    select distinct
        erasure_request_id,
        customer_id,
        requested_at
    from requests
    where customer_id is not null

),

requested_subjects as (

    select distinct
        'requested_subject' as hash_kind,
        subject_type as hashed_type,
        {{ salted_hash(dbt.concat(['subject_type', "':'", 'subject_identifier'])) }} as value_hash,
        erasure_request_id,
        requested_at
    from requests

),

source_records as (

    select distinct
        'source_record' as hash_kind,
        customer_ids.source_table as hashed_type,
        {{ salted_hash(dbt.concat(['customer_ids.source_table', "':'", 'customer_ids.source_record_id'])) }}
            as value_hash,
        erased_customers.erasure_request_id,
        erased_customers.requested_at
    from erased_customers
    inner join customer_ids
        on erased_customers.customer_id = customer_ids.customer_id

),

customer_identifiers as (

    select distinct
        'identifier' as hash_kind,
        identifiers.identifier_type as hashed_type,
        {{ salted_hash(dbt.concat(['identifiers.identifier_type', "':'", 'identifiers.identifier_value'])) }}
            as value_hash,
        erased_customers.erasure_request_id,
        erased_customers.requested_at
    from erased_customers
    inner join customer_ids
        on erased_customers.customer_id = customer_ids.customer_id
    inner join identifiers
        on customer_ids.record_key = identifiers.record_key

),

unioned as (

    select * from requested_subjects
    union all
    select * from source_records
    union all
    select * from customer_identifiers

),

final as (

    select
        hash_kind,
        hashed_type,
        value_hash,
        erasure_request_id,
        cast(requested_at as {{ dbt.type_timestamp() }}) as requested_at,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}) as suppressed_at
    from unioned
    {% if is_incremental() %}
    where
        not exists (
            select 1
            from {{ this }} as suppressed
            where
                suppressed.hash_kind = unioned.hash_kind
                and suppressed.value_hash = unioned.value_hash
                and suppressed.erasure_request_id = unioned.erasure_request_id
        )
    {% endif %}

)

select * from final
