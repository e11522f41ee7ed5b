{#-
    The golden customer: one row per resolved person. Attribute values follow
    the survivorship of models/intermediate/golden (rules in
    seeds/golden/survivorship_rules.csv); an erased customer keeps its row with
    is_erased and every personal column NULL (contract reading 11). household_id
    names the customer's home (dim_household).
-#}
with

golden as (

    select * from {{ ref('int_golden_records_assembled') }}

),

erased as (

    select
        customer_id,
        erased_at
    from {{ ref('int_customers_erased') }}

),

households as (

    select
        customer_id,
        household_id
    from {{ ref('int_customer_households_assigned') }}

),

joined as (

    select
        golden.*,
        erased.customer_id is not null as is_erased,
        erased.erased_at,
        households.household_id
    from golden
    left join erased
        on golden.customer_id = erased.customer_id
    left join households
        on golden.customer_id = households.customer_id

),

final as (

    select
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        {%- for column in ['first_name', 'last_name', 'email', 'phone', 'street', 'city', 'postal_code', 'country_code',
                           'name_source_table', 'name_source_record_id', 'email_source_table', 'email_source_record_id',
                           'phone_source_table', 'phone_source_record_id', 'birth_date_source_table',
                           'birth_date_source_record_id', 'address_source_table', 'address_source_record_id'] %}
        cast(case when not is_erased then {{ column }} end as {{ dbt.type_string() }}) as {{ column }},
        {%- endfor %}
        cast(source_record_count as {{ dbt.type_int() }}) as source_record_count,
        is_erased,
        case when not is_erased then is_email_valid end as is_email_valid,
        case when not is_erased then is_phone_mobile end as is_phone_mobile,
        case when not is_erased then is_phone_country_inferred end as is_phone_country_inferred,
        cast(case when not is_erased then birth_date end as date) as birth_date,
        cast(first_seen_at as {{ dbt.type_timestamp() }}) as first_seen_at,
        cast(last_seen_at as {{ dbt.type_timestamp() }}) as last_seen_at,
        cast(erased_at as {{ dbt.type_timestamp() }}) as erased_at,
        cast(household_id as {{ dbt.type_string() }}) as household_id
    from joined

)

select * from final
