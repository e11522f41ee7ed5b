{#-
    A name written surname first ('Fonto Maria' typed as first name Fonto, last name
    Maria): its last name is a given name and its first name is not. `first_names`
    and `last_names` are aliases of int_first_names_profiled joined on the record's
    first and last name (NULL when not found).
-#}
{% macro is_written_surname_first(first_name, last_name, first_names='first_names', last_names='last_names') -%}
    (
        {{ first_name }} is not null
        and {{ last_name }} is not null
        and coalesce({{ last_names }}.is_given_name, false)
        and not coalesce({{ first_names }}.is_given_name, false)
    )
{%- endmacro %}


{#-
    The columns first_name_normalised, first_name_canonical and last_name_normalised of
    `relation`, read in given-name order: swapped back when written surname first (the
    given name's canonical form then read from `last_names`). Needs the joins of
    `is_written_surname_first`.
-#}
{% macro names_in_given_order(relation, first_names='first_names', last_names='last_names') -%}
    {%- set swapped = is_written_surname_first(
        relation ~ '.first_name_normalised', relation ~ '.last_name_normalised', first_names, last_names) -%}
    case
        when {{ swapped }} then {{ relation }}.last_name_normalised else {{ relation }}.first_name_normalised
    end as first_name_normalised,
    case
        when {{ swapped }} then {{ last_names }}.first_name_canonical else {{ relation }}.first_name_canonical
    end as first_name_canonical,
    case
        when {{ swapped }} then {{ relation }}.first_name_normalised else {{ relation }}.last_name_normalised
    end as last_name_normalised
{%- endmacro %}
