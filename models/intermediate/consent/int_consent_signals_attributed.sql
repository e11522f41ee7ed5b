{#-
    Every consent signal captured on or before as_of_date, once for every
    customer holding its subject identifier (reading 5: a signal on an
    identifier applies to every customer holding it). "Holding" means a person
    record of the customer (CRM contact, shop account, order, loyalty member,
    ticket) carries the identifier: a till receipt that scanned a store's
    house card does not make its payer the card's holder. Blocked placeholder
    values are nobody's identifier. A phone a record wrote as a national number
    with no country is also held as the customer's country reads it
    (int_customer_phones_resolved, contract reading 7): `081 9726777` on a
    ticket of an Italian customer holds `+39 081 972 6777`. An email is held as
    written (lower case): `anna@gnail.com` does not hold `anna@gmail.com`, though
    matching repairs the one into the other. A phone subject is
    also read as an international number written without '+'
    (`1-281-555-3163`): it reaches the holders of that E.164 number. Signals
    that reach no customer are listed in review_consent_signals.
-#}
with

signals as (

    select * from {{ ref('int_consent_signals_unioned') }}
    where cast(captured_at as date) <= {{ as_of_date() }}

),

identifiers as (

    select
        record_key,
        identifier_type,
        identifier_value
    from {{ ref('int_identifiers_unioned') }}
    where not is_blocked and identifier_type <> 'email'

),

-- Emails as written (trimmed, lower case): the address a consent names must be the one held.
written_emails as (

    select
        records.record_key,
        'email' as identifier_type,
        records.email as identifier_value
    from {{ ref('int_customer_records') }} as records
    inner join {{ ref('int_identifiers_unioned') }} as identifiers
        on
            records.record_key = identifiers.record_key
            and identifiers.identifier_type = 'email'
            and records.email_match_key = identifiers.identifier_value
    where records.email is not null and not identifiers.is_blocked

),

person_records as (

    select
        record_key,
        customer_id
    from {{ ref('int_customer_records') }}
    where is_person_record

),

blocked_phones as (

    select
        record_key,
        identifier_value
    from {{ ref('int_identifiers_unioned') }}
    where identifier_type = 'phone' and is_blocked

),

-- Every phone of a customer's person records, with the customer's country where the record had none.
customer_phones as (

    select
        phones.customer_id,
        phones.phone_e164,
        phones.phone_national_number
    from {{ ref('int_customer_phones_resolved') }} as phones
    left join blocked_phones
        on
            phones.record_key = blocked_phones.record_key
            and phones.staged_national_number = blocked_phones.identifier_value
    where blocked_phones.record_key is null

),

holders as (

    select distinct
        held.identifier_type,
        held.identifier_value,
        person_records.customer_id
    from (
        select * from identifiers
        union all
        select * from written_emails
    ) as held
    inner join person_records
        on held.record_key = person_records.record_key
    union
    -- The national number as the customer's country reads it ('0819726777' in Italy).
    select
        'phone' as identifier_type,
        phone_national_number as identifier_value,
        customer_id
    from customer_phones
    union
    -- The E.164 digits ('12815553163'), which a subject written without '+' normalises to.
    select
        'phone' as identifier_type,
        substr(phone_e164, 2) as identifier_value,
        customer_id
    from customer_phones
    where phone_e164 is not null

),

final as (

    select
        signals.consent_signal_id,
        holders.customer_id,
        signals.source_table,
        signals.source_record_id,
        signals.subject_type,
        signals.purpose,
        signals.consent_status,
        signals.source_system,
        signals.policy_version,
        signals.restrictiveness,
        signals.captured_at
    from signals
    inner join holders
        on
            signals.subject_type = holders.identifier_type
            and signals.subject_identifier = holders.identifier_value

)

select * from final
