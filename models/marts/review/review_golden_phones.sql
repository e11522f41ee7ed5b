{#-
    Customers whose only phone numbers are national numbers on records with no
    country, where the customer's other records do not name exactly one country
    (reading 7): the golden phone stays NULL rather than a guess. A steward can
    settle the country on a source record.
-#}
with

records as (

    select
        customer_id,
        source_table,
        source_record_id,
        phone_national_number,
        phone_e164,
        country_code
    from {{ ref('int_customer_records') }}
    where is_person_record and not coalesce(is_deleted, false)

),

phone_countries as (

    select
        customer_id,
        unresolved_reason
    from {{ ref('int_golden_phone_countries_inferred') }}
    where unresolved_reason is not null

),

golden as (

    select
        customer_id,
        phone
    from {{ ref('dim_customer') }}

),

unresolved_phones as (

    select
        records.customer_id,
        count(*) as unresolved_record_count,
        min(records.source_table) as example_source_table,
        min(records.source_record_id) as example_source_record_id
    from records
    where
        records.phone_national_number is not null
        and records.phone_e164 is null
        and records.country_code is null
    group by records.customer_id

),

final as (

    select
        cast(unresolved_phones.customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(unresolved_phones.example_source_table as {{ dbt.type_string() }}) as example_source_table,
        cast(unresolved_phones.example_source_record_id as {{ dbt.type_string() }}) as example_source_record_id,
        cast(phone_countries.unresolved_reason as {{ dbt.type_string() }}) as review_reason,
        cast(unresolved_phones.unresolved_record_count as {{ dbt.type_int() }}) as unresolved_record_count
    from unresolved_phones
    inner join phone_countries
        on unresolved_phones.customer_id = phone_countries.customer_id
    inner join golden
        on unresolved_phones.customer_id = golden.customer_id
    where golden.phone is null

)

select * from final
