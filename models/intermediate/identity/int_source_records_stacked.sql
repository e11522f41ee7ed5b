{#-
    Every person-bearing source record, one row each, in one shape, before first
    names are read against the whole data (int_first_names_profiled):
    int_source_records_unioned adds their canonical forms. Web cookies have no
    attributes of their own; till transactions neither.
-#}
{{ config(materialized='view') }}
{%- set person_sources = [
    {'model': 'stg_crm__contacts', 'table': 'crm_contacts', 'key': 'contact_id',
     'observed_at': 'updated_at', 'first_seen_at': 'created_at', 'is_deleted': 'is_deleted', 'birth_date': 'birth_date'},
    {'model': 'stg_shop__customers', 'table': 'shop_customers', 'key': 'shop_customer_id',
     'observed_at': 'updated_at', 'first_seen_at': 'created_at', 'is_deleted': 'false', 'birth_date': 'null'},
    {'model': 'stg_shop__orders', 'table': 'shop_orders', 'key': 'order_id',
     'observed_at': 'ordered_at', 'first_seen_at': 'ordered_at', 'is_deleted': 'false', 'birth_date': 'null'},
    {'model': 'stg_loyalty__members', 'table': 'loyalty_members', 'key': 'loyalty_card_number',
     'observed_at': 'signup_date', 'first_seen_at': 'signup_date', 'is_deleted': 'false', 'birth_date': 'birth_date'},
    {'model': 'stg_support__tickets', 'table': 'support_tickets', 'key': 'ticket_id',
     'observed_at': 'created_at', 'first_seen_at': 'created_at', 'is_deleted': 'false', 'birth_date': 'null'},
] -%}

with

{% for source in person_sources %}
{{ source.table }} as (

    select
        '{{ source.table }}' as source_table,
        cast({{ source.key }} as {{ dbt.type_string() }}) as source_record_id,
        true as is_person_record,
        first_name,
        last_name,
        first_name_normalised,
        last_name_normalised,
        email,
        email_match_key,
        is_email_valid,
        phone,
        phone_e164,
        phone_national_number,
        cast({{ source.birth_date }} as date) as birth_date,
        street,
        city,
        postal_code,
        postal_code_normalised,
        country_code,
        cast({{ source.is_deleted }} as boolean) as is_deleted,
        cast({{ source.first_seen_at }} as {{ dbt.type_timestamp() }}) as first_seen_at,
        cast({{ source.observed_at }} as {{ dbt.type_timestamp() }}) as observed_at

    from {{ ref(source.model) }}

),

{% endfor %}

pos_transactions as (

    select
        'pos_transactions' as source_table,
        cast(transaction_id as {{ dbt.type_string() }}) as source_record_id,
        false as is_person_record,
        transacted_at as first_seen_at,
        transacted_at as observed_at
    from {{ ref('stg_pos__transactions') }}

),

web_cookies as (

    select
        'web_events' as source_table,
        cast(anonymous_id as {{ dbt.type_string() }}) as source_record_id,
        false as is_person_record,
        min(occurred_at) as first_seen_at,
        max(occurred_at) as observed_at
    from {{ ref('stg_web__events') }}
    where anonymous_id is not null
    group by anonymous_id

),

satellites as (

    select * from pos_transactions
    union all
    select * from web_cookies

),

unioned as (

    {% for source in person_sources %}
    select * from {{ source.table }}
    union all
    {% endfor %}
    select
        source_table,
        source_record_id,
        is_person_record,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        cast(null as {{ dbt.type_string() }}) as first_name_normalised,
        cast(null as {{ dbt.type_string() }}) as last_name_normalised,
        cast(null as {{ dbt.type_string() }}) as email,
        cast(null as {{ dbt.type_string() }}) as email_match_key,
        cast(null as boolean) as is_email_valid,
        cast(null as {{ dbt.type_string() }}) as phone,
        cast(null as {{ dbt.type_string() }}) as phone_e164,
        cast(null as {{ dbt.type_string() }}) as phone_national_number,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as postal_code_normalised,
        cast(null as {{ dbt.type_string() }}) as country_code,
        false as is_deleted,
        first_seen_at,
        observed_at
    from satellites

)

select
    {{ record_key('unioned.source_table', 'unioned.source_record_id') }} as record_key,
    unioned.*
from unioned
