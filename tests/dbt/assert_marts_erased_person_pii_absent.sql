{#-
    Right to erasure: no erased person's email, phone or name appears in any mart
    or in the dim_customer snapshot. Emails and phones are searched everywhere
    (every email / phone on the erased customers' records, except a value a
    customer who is not erased also holds, such as a family landline); names are
    searched on the erased customers' own rows, since another person may share a
    name. Returns one row per leak.
-#}
with

erased as (

    select customer_id from {{ ref('dim_customer') }}
    where is_erased

),

customer_ids as (

    select
        record_key,
        customer_id
    from {{ ref('int_customer_ids_assigned') }}
    where customer_id is not null

),

identifier_holders as (

    select
        identifiers.identifier_type,
        identifiers.identifier_value,
        max(case when erased.customer_id is null then 1 else 0 end) as held_by_someone_else
    from {{ ref('int_identifiers_unioned') }} as identifiers
    inner join customer_ids
        on identifiers.record_key = customer_ids.record_key
    left join erased
        on customer_ids.customer_id = erased.customer_id
    where identifiers.identifier_type in ('email', 'phone')
    group by identifiers.identifier_type, identifiers.identifier_value

),

erased_records as (

    select records.*
    from {{ ref('int_source_records_unioned') }} as records
    inner join customer_ids
        on records.record_key = customer_ids.record_key
    inner join erased
        on customer_ids.customer_id = erased.customer_id

),

erased_emails as (

    select distinct lower(trim(erased_records.email)) as email
    from erased_records
    left join identifier_holders
        on identifier_holders.identifier_type = 'email'
            and erased_records.email_match_key = identifier_holders.identifier_value
    where erased_records.email is not null and coalesce(identifier_holders.held_by_someone_else, 0) = 0
    union
    select identifier_value
    from identifier_holders
    where identifier_type = 'email' and held_by_someone_else = 0
        and identifier_value in (select email_match_key from erased_records)

),

erased_phones as (

    select distinct erased_records.phone_national_number as national_number
    from erased_records
    inner join identifier_holders
        on identifier_holders.identifier_type = 'phone'
            and erased_records.phone_national_number = identifier_holders.identifier_value
    where identifier_holders.held_by_someone_else = 0

),

published_emails as (

    select
        'dim_customer' as mart,
        customer_id,
        lower(email) as email
    from {{ ref('dim_customer') }}
    union all
    select
        'dim_customer_snapshot',
        customer_id,
        lower(email)
    from {{ ref('dim_customer_snapshot') }}
    union all
    select
        'audience_email_marketing',
        customer_id,
        lower(email)
    from {{ ref('audience_email_marketing') }}
    union all
    select
        'customer_identifiers',
        customer_id,
        identifier_value
    from {{ ref('customer_identifiers') }}
    where identifier_type = 'email'

),

published_phones as (

    select
        'dim_customer' as mart,
        customer_id,
        phone
    from {{ ref('dim_customer') }}
    union all
    select
        'dim_customer_snapshot',
        customer_id,
        phone
    from {{ ref('dim_customer_snapshot') }}
    union all
    select
        'audience_sms_marketing',
        customer_id,
        phone
    from {{ ref('audience_sms_marketing') }}
    union all
    select
        'customer_identifiers',
        customer_id,
        identifier_value
    from {{ ref('customer_identifiers') }}
    where identifier_type = 'phone'

),

published_names as (

    select
        'dim_customer' as mart,
        customer_id,
        first_name,
        last_name
    from {{ ref('dim_customer') }}
    union all
    select
        'dim_customer_snapshot',
        customer_id,
        first_name,
        last_name
    from {{ ref('dim_customer_snapshot') }}

),

leaks as (

    select
        published_emails.mart,
        published_emails.customer_id,
        'email' as leaked
    from published_emails
    inner join erased_emails
        on published_emails.email = erased_emails.email
    union all
    select
        published_phones.mart,
        published_phones.customer_id,
        'phone' as leaked
    from published_phones
    inner join erased_phones
        on {{ dbt.right('published_phones.phone', 'length(erased_phones.national_number)') }}
            = erased_phones.national_number
    union all
    select
        published_names.mart,
        published_names.customer_id,
        'name' as leaked
    from published_names
    inner join erased
        on published_names.customer_id = erased.customer_id
    where published_names.first_name is not null or published_names.last_name is not null

)

select * from leaks
