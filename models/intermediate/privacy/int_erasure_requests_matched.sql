{#-
    Every erasure request, one row per customer holding its subject (or one row
    with no customer), and why it erases nobody when it doesn't. A request
    erases every customer holding the identifier on any of their records
    (reading 5 applies to erasure as it does to consent), a phone also when
    written as an international number without '+'; nothing requested after
    as_of_date counts (reading 1).
-#}
with

requests as (

    select
        erasure_request_id,
        subject_type,
        subject_identifier,
        requested_at
    from {{ ref('stg_privacy__erasure_requests') }}

),

identifiers as (

    select
        record_key,
        identifier_type,
        identifier_value,
        is_blocked
    from {{ ref('int_identifiers_unioned') }}

),

customer_ids as (

    select
        record_key,
        customer_id
    from {{ ref('int_customer_records') }}

),

e164_phones as (

    select
        customer_id,
        substr(phone_e164, 2) as e164_digits
    from {{ ref('int_customer_records') }}
    where phone_e164 is not null

),

blocked_values as (

    select distinct
        identifier_type,
        identifier_value
    from identifiers
    where is_blocked

),

holders as (

    select distinct
        requests.erasure_request_id,
        customer_ids.customer_id
    from requests
    inner join identifiers
        on
            requests.subject_type = identifiers.identifier_type
            and requests.subject_identifier = identifiers.identifier_value
            and not identifiers.is_blocked
    inner join customer_ids
        on identifiers.record_key = customer_ids.record_key
    union
    -- A phone written without '+' (`1-281-555-3163`) is matched on the holders' E.164 digits too.
    select
        requests.erasure_request_id,
        e164_phones.customer_id
    from requests
    inner join e164_phones
        on requests.subject_type = 'phone' and requests.subject_identifier = e164_phones.e164_digits

),

final as (

    select
        requests.erasure_request_id,
        holders.customer_id,
        requests.subject_type,
        requests.subject_identifier,
        case
            when not {{ identifier_type_has('requests.subject_type', 'is_erasure_subject') }}
                then 'subject type is not an identifier the project keeps'
            when requests.subject_identifier is null
                then 'subject could not be normalised to an identifier'
            when requests.requested_at is null
                then 'request has no readable timestamp'
            when cast(requests.requested_at as date) > {{ as_of_date() }}
                then 'requested after as_of_date'
            when blocked_values.identifier_value is not null
                then 'subject is a blocked placeholder value, not an identifier of a person'
            when holders.customer_id is null
                then 'no customer holds the subject identifier'
        end as review_reason,
        requests.requested_at
    from requests
    left join holders
        on requests.erasure_request_id = holders.erasure_request_id
    left join blocked_values
        on
            requests.subject_type = blocked_values.identifier_type
            and requests.subject_identifier = blocked_values.identifier_value

)

select * from final
