{#-
    Right to erasure: no erased person's email, phone or name appears in any mart
    or in the dim_customer snapshot. Every email and phone on the erased
    customers' records is searched for everywhere, on every customer (a family
    email or landline shared with an erased person is withheld from the other
    holders too); names are searched on the erased customers' own rows, since
    other people share names. Returns one row per leak.
-#}
with

erased as (

    select customer_id from {{ ref('dim_customer') }}
    where is_erased

),

erased_records as (

    select records.*
    from {{ ref('int_source_records') }} as records
    inner join {{ ref('int_customer_ids_assigned') }} as customer_ids
        on records.record_key = customer_ids.record_key
    inner join erased
        on customer_ids.customer_id = erased.customer_id

),

erased_emails as (

    select lower(trim(email)) as email from erased_records
    where email is not null
    union
    select email_match_key from erased_records
    where email_match_key is not null

),

erased_phones as (

    select distinct
        phone_national_number as national_number,
        length(phone_national_number) as digits
    from erased_records
    where phone_national_number is not null

),

erased_phone_lengths as (

    select distinct digits from erased_phones

),

published_emails as (

    select
        'dim_customer' as mart,
        customer_id,
        lower(email) as email
    from {{ ref('dim_customer') }}
    union all
    select
        'dim_customer_snapshot' as mart,
        customer_id,
        lower(email) as email
    from {{ ref('dim_customer_snapshot') }}
    union all
    select
        'audience_email_marketing' as mart,
        customer_id,
        lower(email) as email
    from {{ ref('audience_email_marketing') }}
    union all
    select
        'customer_identifiers' as mart,
        customer_id,
        identifier_value as email
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
        'dim_customer_snapshot' as mart,
        customer_id,
        phone
    from {{ ref('dim_customer_snapshot') }}
    union all
    select
        'audience_sms_marketing' as mart,
        customer_id,
        phone
    from {{ ref('audience_sms_marketing') }}
    union all
    select
        'customer_identifiers' as mart,
        customer_id,
        identifier_value as phone
    from {{ ref('customer_identifiers') }}
    where identifier_type = 'phone'

),

-- A phone leaks when it ends in an erased national number. Its endings of each length those
-- numbers have (a handful) make that an equi-join, not a comparison of every published phone
-- with every erased number (minutes at a million customers).
published_phone_endings as (

    select
        published_phones.mart,
        published_phones.customer_id,
        erased_phone_lengths.digits,
        {{ dbt.right('published_phones.phone', 'erased_phone_lengths.digits') }} as ending
    from published_phones
    cross join erased_phone_lengths
    where published_phones.phone is not null

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
        'dim_customer_snapshot' as mart,
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
    from published_phone_endings as published_phones
    inner join erased_phones
        on
            published_phones.digits = erased_phones.digits
            and published_phones.ending = erased_phones.national_number
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
