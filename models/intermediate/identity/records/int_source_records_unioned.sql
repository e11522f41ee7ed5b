{#-
    Every person-bearing source record, one row each, in one shape, before first
    names are read against the whole data (int_first_names_profiled):
    int_source_records adds their canonical forms. The sources are the
    source registry's tables with `identity` (macro source_registry). Web
    cookies and till transactions are satellites: no person columns of their own.
-#}
{{ config(materialized='view') }}
{%- set person_columns = [
    'first_name', 'last_name', 'first_name_normalised', 'last_name_normalised', 'email', 'email_match_key',
    'is_email_valid', 'phone', 'phone_e164', 'phone_national_number', 'street', 'city', 'postal_code',
    'postal_code_normalised', 'country_code',
] -%}
{%- set person_column_types = {'is_email_valid': 'boolean'} %}

with

{% for source in identity_sources() %}
{%- set record = source.identity %}
{%- set is_grouped = record.record_id != source.record_id %}
{#- A grouped record's own columns are constants (a cookie has no person columns), its times a span. #}
{%- set first_seen_at = 'min(' ~ record.first_seen_at ~ ')' if is_grouped else record.first_seen_at %}
{%- set observed_at = 'max(' ~ record.observed_at ~ ')' if is_grouped else record.observed_at %}
{{ source.source_table }} as (

    select
        '{{ source.source_table }}' as source_table,
        cast({{ record.record_id }} as {{ dbt.type_string() }}) as source_record_id,
        {{ 'true' if record.is_person_record else 'false' }} as is_person_record,
        {%- for column in person_columns %}
        {%- if record.is_person_record %}
        {{ column }},
        {%- else %}
        cast(null as {{ person_column_types.get(column, dbt.type_string()) }}) as {{ column }},
        {%- endif %}
        {%- if column == 'phone_national_number' %}
        cast({{ record.birth_date }} as date) as birth_date,
        {%- endif %}
        {%- endfor %}
        cast({{ record.is_deleted }} as boolean) as is_deleted,
        cast({{ record.store_id }} as {{ dbt.type_string() }}) as store_id,
        cast({{ record.is_account_copy }} as boolean) as is_account_copy,
        cast({{ first_seen_at }} as {{ dbt.type_timestamp() }}) as first_seen_at,
        cast({{ observed_at }} as {{ dbt.type_timestamp() }}) as observed_at

    from {{ ref(source.staging_model) }}
    {%- if is_grouped %}
    -- Many rows per record (events of one cookie): one record, seen from the first to the last.
    where {{ record.record_id }} is not null
    group by {{ record.record_id }}
    {%- endif %}

),

{% endfor %}

unioned as (

    {% for source in identity_sources() %}
    select * from {{ source.source_table }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select
    {{ record_key('unioned.source_table', 'unioned.source_record_id') }} as record_key,
    unioned.*
from unioned
