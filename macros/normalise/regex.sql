{#-
    Regular-expression primitives the normalisation macros are built on. Patterns
    are Jinja strings (constants), written in the subset every engine reads alike:
    bracket classes, `\s`, groups and alternation; no back-references, no
    look-arounds, no flags.
-#}

{#- A text constant as a SQL string literal, quoted the way the engine reads it back unchanged. -#}
{% macro string_literal(value) -%}
    {{ return(adapter.dispatch('string_literal', 'single_customer_view')(value)) }}
{%- endmacro %}

{% macro default__string_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

{#- Spark SQL unescapes backslashes in literals and reads '' as two adjacent literals: escape both with a backslash. -#}
{% macro spark__string_literal(value) -%}
    '{{ value | replace('\\', '\\\\') | replace("'", "\\'") }}'
{%- endmacro %}


{#- True when `pattern` matches somewhere in `expression` (anchor it with ^ and $ for a whole match). -#}
{% macro regexp_is_match(expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_is_match', 'single_customer_view')(expression, pattern)) }}
{%- endmacro %}

{#- regexp_like: PostgreSQL 15+, Spark 3.2+, Snowflake, Oracle, MySQL 8, Trino. -#}
{% macro default__regexp_is_match(expression, pattern) -%}
    regexp_like({{ expression }}, {{ string_literal(pattern) }})
{%- endmacro %}

{% macro duckdb__regexp_is_match(expression, pattern) -%}
    regexp_matches({{ expression }}, {{ string_literal(pattern) }})
{%- endmacro %}


{#- `expression` with every match of `pattern` replaced by `replacement` (a constant, no back-references). -#}
{% macro regexp_replace_all(expression, pattern, replacement) -%}
    {{ return(adapter.dispatch('regexp_replace_all', 'single_customer_view')(expression, pattern, replacement)) }}
{%- endmacro %}

{#- regexp_replace replaces every match on Spark, Snowflake, Oracle, MySQL 8, Trino. -#}
{% macro default__regexp_replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ string_literal(pattern) }}, {{ string_literal(replacement) }})
{%- endmacro %}

{#- DuckDB and PostgreSQL replace only the first match unless told 'g'. -#}
{% macro duckdb__regexp_replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ string_literal(pattern) }}, {{ string_literal(replacement) }}, 'g')
{%- endmacro %}

{% macro postgres__regexp_replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ string_literal(pattern) }}, {{ string_literal(replacement) }}, 'g')
{%- endmacro %}
