{#-
    Every value a customer's records offer for each golden attribute group, with
    the facts survivorship ranks them on (int_golden_candidates_ranked). One row
    per customer, attribute group and supplying record. Groups whose fields must
    come together come from one record: `name` (first and last name) and
    `address` (street, city, postal code, country).

    A record supplies an attribute only when seeds/marts/survivorship_rules.csv
    lists its source table for it; a soft-deleted CRM contact never supplies
    anything. Phones are kept only in E.164: a national number on a record with
    no country takes the country of the customer's other records when they name
    exactly one (int_golden_phone_countries_inferred), else it is not a candidate.
    An email or phone an erased customer holds is no one's candidate
    (int_erased_identifiers_hashed).
-#}
with

records as (

    select * from {{ ref('int_source_records_unioned') }}
    where is_person_record and not coalesce(is_deleted, false)

),

customer_ids as (

    select
        record_key,
        customer_id
    from {{ ref('int_customer_ids_assigned') }}
    where customer_id is not null

),

rules as (

    select
        attribute,
        source_table,
        trust_rank
    from {{ ref('survivorship_rules') }}

),

phone_countries as (

    select
        customer_id,
        country_code
    from {{ ref('int_golden_phone_countries_inferred') }}
    where unresolved_reason is null

),

-- Values an erased customer holds are nobody's golden value (a landline shared with them too).
erased_identifiers as (

    select
        hashed_type,
        value_hash
    from {{ ref('int_erased_identifiers_hashed') }}

),

mobile_prefixes as (

    select
        cast(calling_code as {{ dbt.type_string() }}) as calling_code,
        cast(mobile_prefix as {{ dbt.type_string() }}) as mobile_prefix
    from {{ ref('phone_mobile_prefixes') }}

),

customer_records as (

    select
        customer_ids.customer_id,
        records.*
    from records
    inner join customer_ids
        on records.record_key = customer_ids.record_key

),

-- An email is confirmed each time any record of the customer carries it (a login, an order, a form).
email_seen as (

    select
        customer_ids.customer_id,
        identifiers.identifier_value as email_match_key,
        max(identifiers.last_seen_at) as seen_at
    from {{ ref('int_identifiers_unioned') }} as identifiers
    inner join customer_ids
        on identifiers.record_key = customer_ids.record_key
    where identifiers.identifier_type = 'email' and not identifiers.is_blocked
    group by customer_ids.customer_id, identifiers.identifier_value

),

-- A misspelling (two edits or fewer, three in an address over 15 characters) confirms the
-- address it misspells: the latest order typed with a typo still confirms the address, and
-- support then prefers its usual spelling.
email_confirmations as (

    select
        address.customer_id,
        address.email_match_key,
        max(spelling.seen_at) as confirmed_at
    from email_seen as address
    inner join email_seen as spelling
        on
            address.customer_id = spelling.customer_id
            and (
                address.email_match_key = spelling.email_match_key
                or {{ levenshtein('address.email_match_key', 'spelling.email_match_key') }}
                <= case when length(address.email_match_key) > 15 then 3 else 2 end
            )
    group by address.customer_id, address.email_match_key

),

name_candidates as (

    select
        customer_id,
        'name' as attribute,
        source_table,
        source_record_id,
        first_name,
        last_name,
        cast(null as {{ dbt.type_string() }}) as email,
        cast(null as {{ dbt.type_string() }}) as phone,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as country_code,
        -- A name typed as a name: not an initial ("j."), not all upper or all lower case.
        (
            first_name is not null
            and length(replace(first_name, '.', '')) > 1
            and upper(first_name) <> lower(first_name)
            and first_name <> upper(first_name)
            and first_name <> lower(first_name)
            and (last_name is null or (last_name <> upper(last_name) and last_name <> lower(last_name)))
        ) as is_valid,
        false as is_preferred,
        false as is_inferred,
        cast(null as {{ dbt.type_timestamp() }}) as confirmed_at,
        observed_at,
        (case when first_name is not null then 1 else 0 end)
        + (case when last_name is not null then 1 else 0 end) as completeness
    from customer_records
    where first_name is not null or last_name is not null

),

email_candidates as (

    select
        customer_records.customer_id,
        'email' as attribute,
        customer_records.source_table,
        customer_records.source_record_id,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        -- The canonical address: lower case, +tag dropped, known domain misspellings corrected.
        customer_records.email_match_key as email,
        cast(null as {{ dbt.type_string() }}) as phone,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as country_code,
        coalesce(customer_records.is_email_valid, false) as is_valid,
        false as is_preferred,
        false as is_inferred,
        email_confirmations.confirmed_at,
        customer_records.observed_at,
        1 as completeness
    from customer_records
    left join email_confirmations
        on
            customer_records.customer_id = email_confirmations.customer_id
            and customer_records.email_match_key = email_confirmations.email_match_key
    left join erased_identifiers
        on
            erased_identifiers.hashed_type = 'email'
            and erased_identifiers.value_hash
            = {{ salted_hash(dbt.concat(["'email:'", 'customer_records.email_match_key'])) }}
    -- No match key: staging found a placeholder (`n/a`, `none@none.com`), not an address.
    where customer_records.email_match_key is not null and erased_identifiers.value_hash is null

),

-- A national number on a record with no country is read again, as staging reads phones, with the
-- customer's one country (staging macros of macros/normalise/phone.sql).
phones_with_country as (

    select
        customer_records.customer_id,
        customer_records.source_table,
        customer_records.source_record_id,
        customer_records.observed_at,
        customer_records.phone_e164,
        customer_records.phone_national_number,
        {{ phone_digits('customer_records.phone') }} as phone_digits,
        {{ country_calling_code('phone_countries.country_code') }} as inferred_calling_code,
        {{ country_trunk_prefix('phone_countries.country_code') }} as inferred_trunk_prefix
    from customer_records
    left join phone_countries
        on
            customer_records.customer_id = phone_countries.customer_id
            and customer_records.phone_e164 is null
            and customer_records.country_code is null
    where customer_records.phone_national_number is not null

),

phones_inferred as (

    select
        *,
        {{ phone_national_number(
            'phone_digits', 'cast(null as ' ~ dbt.type_string() ~ ')', 'cast(null as ' ~ dbt.type_string() ~ ')',
            'inferred_calling_code', 'inferred_trunk_prefix') }} as inferred_national_number
    from phones_with_country

),

phones_resolved as (

    select
        customer_id,
        source_table,
        source_record_id,
        observed_at,
        coalesce(
            phone_e164,
            {{ phone_e164(
                'inferred_national_number', 'cast(null as ' ~ dbt.type_string() ~ ')',
                'cast(null as ' ~ dbt.type_string() ~ ')', 'inferred_calling_code') }}
        ) as phone,
        phone_national_number,
        phone_e164 is null as is_inferred
    from phones_inferred

),

-- A mobile beats a landline: it reaches the person, not the household.
mobile_phones as (

    select distinct phones_resolved.phone
    from phones_resolved
    inner join mobile_prefixes
        on
            phones_resolved.phone
            like {{ dbt.concat(["'+'", 'mobile_prefixes.calling_code', 'mobile_prefixes.mobile_prefix', "'%'"]) }}

),

phone_candidates as (

    select
        phones_resolved.customer_id,
        'phone' as attribute,
        phones_resolved.source_table,
        phones_resolved.source_record_id,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        cast(null as {{ dbt.type_string() }}) as email,
        phones_resolved.phone,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as country_code,
        true as is_valid,
        mobile_phones.phone is not null as is_preferred,
        phones_resolved.is_inferred,
        cast(null as {{ dbt.type_timestamp() }}) as confirmed_at,
        phones_resolved.observed_at,
        1 as completeness
    from phones_resolved
    left join mobile_phones
        on phones_resolved.phone = mobile_phones.phone
    left join erased_identifiers
        on
            (
                erased_identifiers.hashed_type = 'phone'
                and erased_identifiers.value_hash
                = {{ salted_hash(dbt.concat(["'phone:'", 'phones_resolved.phone_national_number'])) }}
            )
            or (
                erased_identifiers.hashed_type = 'phone_e164'
                and erased_identifiers.value_hash
                = {{ salted_hash(dbt.concat(["'phone_e164:'", 'phones_resolved.phone'])) }}
            )
    where phones_resolved.phone is not null and erased_identifiers.value_hash is null

),

birth_date_candidates as (

    select
        customer_id,
        'birth_date' as attribute,
        source_table,
        source_record_id,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        cast(null as {{ dbt.type_string() }}) as email,
        cast(null as {{ dbt.type_string() }}) as phone,
        birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as country_code,
        (birth_date >= cast('1900-01-01' as date) and birth_date <= {{ as_of_date() }}) as is_valid,
        false as is_preferred,
        false as is_inferred,
        cast(null as {{ dbt.type_timestamp() }}) as confirmed_at,
        observed_at,
        1 as completeness
    from customer_records
    where birth_date is not null

),

address_candidates as (

    select
        customer_id,
        'address' as attribute,
        source_table,
        source_record_id,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        cast(null as {{ dbt.type_string() }}) as email,
        cast(null as {{ dbt.type_string() }}) as phone,
        cast(null as date) as birth_date,
        street,
        city,
        postal_code,
        country_code,
        (street is not null and city is not null and postal_code is not null) as is_valid,
        false as is_preferred,
        false as is_inferred,
        -- An address (country and postal code, leading zeros aside) is confirmed each time a record
        -- carries it in any spelling: the latest one is where the customer lives now.
        max(observed_at) over (
            partition by
                customer_id,
                coalesce(country_code, ''),
                {{ regexp_replace_all("coalesce(postal_code_normalised, '')", '^0+', '') }}
        ) as confirmed_at,
        observed_at,
        (case when street is not null then 1 else 0 end)
        + (case when city is not null then 1 else 0 end)
        + (case when postal_code is not null then 1 else 0 end)
        + (case when country_code is not null then 1 else 0 end) as completeness
    from customer_records
    where street is not null or city is not null or postal_code is not null or country_code is not null

),

unioned as (

    select * from name_candidates
    union all
    select * from email_candidates
    union all
    select * from phone_candidates
    union all
    select * from birth_date_candidates
    union all
    select * from address_candidates

),

-- How many of the customer's records offer the same value: a value typed alike on several
-- records is confirmed, a one-off typo is not.
supported as (

    select
        *,
        count(*) over (
            partition by
                customer_id,
                attribute,
                coalesce(lower(first_name), ''),
                coalesce(lower(last_name), ''),
                coalesce(email, ''),
                coalesce(phone, ''),
                coalesce(cast(birth_date as {{ dbt.type_string() }}), ''),
                coalesce(street, ''),
                coalesce(city, ''),
                coalesce(postal_code, ''),
                coalesce(country_code, '')
        ) as support_count
    from unioned

),

final as (

    select
        supported.customer_id,
        supported.attribute,
        supported.source_table,
        supported.source_record_id,
        supported.first_name,
        supported.last_name,
        supported.email,
        supported.phone,
        supported.street,
        supported.city,
        supported.postal_code,
        supported.country_code,
        rules.trust_rank,
        supported.support_count,
        supported.completeness,
        supported.is_valid,
        supported.is_preferred,
        supported.is_inferred,
        supported.birth_date,
        supported.confirmed_at,
        supported.observed_at
    from supported
    inner join rules
        on supported.attribute = rules.attribute and supported.source_table = rules.source_table

)

select * from final
