{#-
    The country a customer's phone numbers without a country belong to. A
    national number (`06 12 34 56 78`) on a record with no country is
    ambiguous (Dutch or French, contract reading 7); it takes a country only
    from the customer's own records, first match wins:
    1. the address countries of its (not soft-deleted) person records, when
       they name exactly one country;
    2. else the countries of the stores it signed up at (loyalty) or bought at
       (till), when they name exactly one. A store's country comes from
       seeds/golden/store_countries.csv, else from its id when the id starts
       with an ISO country code the country reference knows (`FR003`).
    With none or several it stays unresolved (unresolved_reason), and
    review_golden_phones lists the customers left without a phone.
-#}
with

customer_records as (

    select
        customer_id,
        record_key,
        store_id,
        -- A soft-deleted contact's address is no evidence of where the customer lives.
        case when is_person_record and not coalesce(is_deleted, false) then country_code end as country_code
    from {{ ref('int_customer_records') }}

),

store_countries as (

    select
        store_id,
        country_code
    from {{ ref('store_countries') }}

),

-- The stores a customer's records were made at (loyalty signup stores, till sales).
store_visits as (

    select
        customer_id,
        store_id
    from customer_records
    where store_id is not null

),

store_visit_countries as (

    select
        store_visits.customer_id,
        coalesce(
            store_countries.country_code,
            case
                when {{ country_calling_code('upper(substr(store_visits.store_id, 1, 2))') }} is not null
                    then upper(substr(store_visits.store_id, 1, 2))
            end
        ) as country_code
    from store_visits
    left join store_countries
        on store_visits.store_id = store_countries.store_id

),

record_countries as (

    select
        customer_id,
        count(distinct country_code) as country_count,
        min(country_code) as only_country_code
    from customer_records
    group by customer_id

),

store_countries_visited as (

    select
        customer_id,
        count(distinct country_code) as country_count,
        min(country_code) as only_country_code
    from store_visit_countries
    group by customer_id

),

resolved as (

    select
        record_countries.customer_id,
        record_countries.country_count as record_country_count,
        coalesce(store_countries_visited.country_count, 0) as store_country_count,
        case
            when record_countries.country_count = 1
                then record_countries.only_country_code
            when record_countries.country_count = 0 and store_countries_visited.country_count = 1
                then store_countries_visited.only_country_code
        end as country_code,
        case
            when record_countries.country_count = 1 then 'customer_records'
            when record_countries.country_count = 0 and store_countries_visited.country_count = 1 then 'stores'
        end as country_source
    from record_countries
    left join store_countries_visited
        on record_countries.customer_id = store_countries_visited.customer_id

),

final as (

    select
        customer_id,
        country_code,
        country_source,
        cast(record_country_count as {{ dbt.type_int() }}) as record_country_count,
        cast(store_country_count as {{ dbt.type_int() }}) as store_country_count,
        case
            when record_country_count > 1
                then 'the records of the customer name several countries'
            when store_country_count > 1
                then 'no record names a country and the stores of the customer are in several countries'
            when country_code is null
                then 'neither the records nor the stores of the customer name a country'
            when {{ country_calling_code('country_code') }} is null
                then 'the country has no calling code in the country reference'
        end as unresolved_reason
    from resolved

)

select * from final
