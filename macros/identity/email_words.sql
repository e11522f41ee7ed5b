{#-
    The first four words of each email's local part, one row per (key, word), with
    its position: 'anna.peter.smith82@' gives anna 1, peter 2, smith 3 (and an empty
    word 4). `relation` is a CTE or relation with columns `key` and `email`; words
    are runs of letters.
-#}
{% macro email_words(relation, key, email) -%}
    {%- set words = 'trim(' ~ regexp_replace_all(dbt.split_part(email, "'@'", 1), '[^a-z]+', ' ') ~ ')' -%}
    {%- for position in range(1, 5) %}
    select
        {{ key }},
        {{ dbt.split_part(words, "' '", position) }} as word,
        {{ position }} as word_position
    from {{ relation }}
    where {{ email }} is not null
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
