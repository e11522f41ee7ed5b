{#-
    Jaro-Winkler similarity of two strings, 0 to 1. Engines without a native
    function must get an implementation (see issue: Postgres) rather than a
    different metric, so that scores agree across engines.
-#}
{% macro jaro_winkler(left, right) -%}
    {{ return(adapter.dispatch('jaro_winkler', 'single_customer_view')(left, right)) }}
{%- endmacro %}

{% macro default__jaro_winkler(left, right) -%}
    {{ exceptions.raise_compiler_error(
        "jaro_winkler is not implemented for the '" ~ target.type ~ "' adapter: add a "
        ~ target.type ~ "__jaro_winkler override in macros/matching/jaro_winkler.sql"
    ) }}
{%- endmacro %}

{% macro duckdb__jaro_winkler(left, right) -%}
    jaro_winkler_similarity({{ left }}, {{ right }})
{%- endmacro %}

{% macro spark__jaro_winkler(left, right) -%}
    jaro_winkler_similarity({{ left }}, {{ right }})
{%- endmacro %}

{#- Created by the on-run-start hook (macro create_engine_functions), in the target schema. -#}
{% macro postgres__jaro_winkler(left, right) -%}
    {{ target.schema }}.jaro_winkler_similarity({{ left }}, {{ right }})
{%- endmacro %}
