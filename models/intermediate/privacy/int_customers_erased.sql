{#-
    Every erased customer: one that holds an identifier an erasure request named
    (on any of its records), or one of whose source records belonged to a
    customer erased before, as erasure_suppression_list remembers them.

    Erasure is irreversible: the suppression list only ever stores requests dated on or
    before the as_of_date of the run that stored them (contract reading 1), and every
    stored request stays in force, so a later run at an earlier as_of_date (a backfill)
    never brings an erased person's data back.
-#}
with

suppressed as (

    select
        hash_kind,
        hashed_type,
        value_hash,
        erasure_request_id,
        requested_at
    from {{ ref('erasure_suppression_list') }}
    where hash_kind in ('requested_subject', 'source_record')

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
    where
        not is_blocked
        and identifier_type in ('email', 'phone', 'shop_customer_id', 'crm_contact_id', 'loyalty_card_number')

),

e164_phones as (

    select
        record_key,
        phone_e164
    from {{ ref('int_source_records_unioned') }}
    where phone_e164 is not null

),

identifier_hashes as (

    select distinct
        customer_ids.customer_id,
        identifiers.identifier_type as hashed_type,
        {{ salted_hash(dbt.concat(['identifiers.identifier_type', "':'", 'identifiers.identifier_value'])) }}
            as value_hash
    from identifiers
    inner join customer_ids
        on identifiers.record_key = customer_ids.record_key
    union
    -- A phone subject written without '+' (`1-281-555-3163`) names the E.164 digits.
    select
        customer_ids.customer_id,
        'phone' as hashed_type,
        {{ salted_hash(dbt.concat(["'phone:'", 'substr(e164_phones.phone_e164, 2)'])) }} as value_hash
    from e164_phones
    inner join customer_ids
        on e164_phones.record_key = customer_ids.record_key

),

record_hashes as (

    select
        customer_id,
        source_table as hashed_type,
        {{ salted_hash(dbt.concat(['source_table', "':'", 'source_record_id'])) }} as value_hash
    from customer_ids

),

matches as (

    select
        identifier_hashes.customer_id,
        suppressed.erasure_request_id,
        suppressed.requested_at
    from identifier_hashes
    inner join suppressed
        on
            suppressed.hash_kind = 'requested_subject'
            and identifier_hashes.hashed_type = suppressed.hashed_type
            and identifier_hashes.value_hash = suppressed.value_hash
    union all
    select
        record_hashes.customer_id,
        suppressed.erasure_request_id,
        suppressed.requested_at
    from record_hashes
    inner join suppressed
        on
            suppressed.hash_kind = 'source_record'
            and record_hashes.hashed_type = suppressed.hashed_type
            and record_hashes.value_hash = suppressed.value_hash

),

ranked as (

    select
        *,
        row_number() over (partition by customer_id order by requested_at, erasure_request_id) as request_rank
    from matches

),

final as (

    select
        customer_id,
        erasure_request_id,
        requested_at as erased_at
    from ranked
    where request_rank = 1

)

select * from final
