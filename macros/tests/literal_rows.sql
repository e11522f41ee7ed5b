{#-
    The rows of a singular test's cases as one `select ... union all select ...`: `rows` is a list
    of tuples, `columns` a list of (column name, SQL template) pairs, each template with one `%s`
    where the row's value goes ("'%s'" for text, "nullif('%s', '')" for text that may be missing,
    "cast('%s' as date)", "%s" for a boolean or a number).
-#}
{% macro literal_rows(rows, columns) -%}
    {%- for row in rows %}
    select
        {%- for column, template in columns %}
        {{ template | format(row[loop.index0]) }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
