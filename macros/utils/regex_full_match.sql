{#- True when the whole of `expression` matches the regular expression `pattern` (both SQL expressions). -#}
{% macro regex_full_match(expression, pattern) -%}
    {{ return(adapter.dispatch('regex_full_match', 'single_customer_view')(expression, pattern)) }}
{%- endmacro %}

{% macro default__regex_full_match(expression, pattern) -%}
    {#- `~` binds tighter than `||` on PostgreSQL: the concatenated pattern needs its own parentheses. -#}
    ({{ expression }} ~ ({{ dbt.concat(["'^(?:'", pattern, "')$'"]) }}))
{%- endmacro %}

{% macro duckdb__regex_full_match(expression, pattern) -%}
    regexp_full_match({{ expression }}, {{ pattern }})
{%- endmacro %}

{% macro spark__regex_full_match(expression, pattern) -%}
    ({{ expression }} rlike {{ dbt.concat(["'^(?:'", pattern, "')$'"]) }})
{%- endmacro %}
