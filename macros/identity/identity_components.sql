{#-
    The components relation the identity layer reads: the Python model where the
    engine runs Python models (DuckDB), the portable SQL model elsewhere.
-#}
{% macro identity_components() -%}
    {{ return(adapter.dispatch('identity_components', 'single_customer_view')()) }}
{%- endmacro %}

{% macro default__identity_components() -%}
    {{ return(ref('int_identity_components_sql')) }}
{%- endmacro %}

{% macro duckdb__identity_components() -%}
    {{ return(ref('int_identity_components_python')) }}
{%- endmacro %}
