{#-
    Every phone on a resolved customer's person records, in E.164 where it can
    be. A national number on a record with no country (`081 9726777` on a
    ticket) is read again, as staging reads phones (macros/normalise/phone.sql),
    with the customer's one country (int_golden_phone_countries_inferred,
    contract reading 7): that gives its E.164 form and the national number of
    that country (Italian numbers keep their leading 0). With no country to
    infer it keeps staging's reading and no E.164 form.

    Golden phones (int_golden_candidates_gathered) and consent holders
    (int_consent_signals_attributed) both read phones from here, so a consent
    signal given on `+39 081 972 6777` reaches the customer whose ticket wrote
    `081 9726777`. Soft-deleted contacts are kept (is_deleted): they still hold
    their identifiers, but never supply a golden value.
-#}
with

records as (

    select
        customer_id,
        record_key,
        source_table,
        source_record_id,
        phone,
        phone_e164,
        phone_national_number,
        country_code,
        is_deleted,
        observed_at
    from {{ ref('int_customer_records') }}
    where is_person_record and phone_national_number is not null

),

phone_countries as (

    select
        customer_id,
        country_code
    from {{ ref('int_golden_phone_countries_inferred') }}
    where unresolved_reason is null

),

with_country as (

    select
        records.customer_id,
        records.record_key,
        records.source_table,
        records.source_record_id,
        records.observed_at,
        coalesce(records.is_deleted, false) as is_deleted,
        records.phone_e164,
        records.phone_national_number,
        {{ phone_digits('records.phone') }} as phone_digits,
        {{ country_calling_code('phone_countries.country_code') }} as inferred_calling_code,
        {{ country_trunk_prefix('phone_countries.country_code') }} as inferred_trunk_prefix
    from records
    left join phone_countries
        on
            records.customer_id = phone_countries.customer_id
            and records.phone_e164 is null
            and records.country_code is null

),

inferred as (

    select
        *,
        {{ phone_national_number(
            'phone_digits', 'cast(null as ' ~ dbt.type_string() ~ ')', 'cast(null as ' ~ dbt.type_string() ~ ')',
            'inferred_calling_code', 'inferred_trunk_prefix') }} as inferred_national_number
    from with_country

),

final as (

    select
        customer_id,
        record_key,
        source_table,
        source_record_id,
        coalesce(
            phone_e164,
            {{ phone_e164(
                'inferred_national_number', 'cast(null as ' ~ dbt.type_string() ~ ')',
                'cast(null as ' ~ dbt.type_string() ~ ')', 'inferred_calling_code') }}
        ) as phone_e164,
        -- Staging's national number when staging knew the country; else the one read with the inferred country.
        case
            when phone_e164 is null and inferred_calling_code is not null
                then coalesce(inferred_national_number, phone_national_number)
            else phone_national_number
        end as phone_national_number,
        phone_national_number as staged_national_number,
        phone_e164 is null and inferred_calling_code is not null as is_inferred,
        is_deleted,
        observed_at
    from inferred

)

select * from final
