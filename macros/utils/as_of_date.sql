{#-
    The run's `as_of_date` var ('' = today, the UTC date the run started) as
    'YYYY-MM-DD' text, checked once here so every layer reads the same date.
-#}
{% macro as_of_date_value() %}
    {%- set value = var('as_of_date', '') -%}
    {%- set value = '' if value is none else (value | string | trim) -%}
    {%- if value == '' -%}
        {%- set value = run_started_at.strftime('%Y-%m-%d') -%}
    {%- endif -%}
    {%- if not modules.re.match('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', value) -%}
        {{ exceptions.raise_compiler_error("var as_of_date must be a YYYY-MM-DD date or empty (today), got '" ~ value ~ "'") }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}


{#- The `as_of_date` var as a SQL date literal. -#}
{% macro as_of_date() %}
    {{ return(adapter.dispatch('as_of_date', 'single_customer_view')()) }}
{% endmacro %}


{% macro default__as_of_date() -%}
    cast('{{ as_of_date_value() }}' as date)
{%- endmacro %}
