{#-
    The match parameters scoring reads: estimated by the EM Python model where the
    engine runs Python models (DuckDB), else the last estimate saved in
    seeds/matching/match_parameters.csv (`scv export-parameters` refreshes it).
-#}
{% macro match_parameters() -%}
    {{ return(adapter.dispatch('match_parameters', 'single_customer_view')()) }}
{%- endmacro %}

{% macro default__match_parameters() -%}
    {{ return(ref('match_parameters')) }}
{%- endmacro %}

{% macro duckdb__match_parameters() -%}
    {{ return(ref('int_match_parameters_estimated')) }}
{%- endmacro %}
