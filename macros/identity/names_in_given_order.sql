{#- The last word of a last name ('quintado adrian' -> 'adrian'; 'maria' -> 'maria'). -#}
{% macro last_word(name) -%}
    {{ regexp_replace_all(name, '^.* ', '') }}
{%- endmacro %}


{#-
    A name written surname first ('Fonto Maria' typed as first name Fonto, last name
    Maria; 'Ferrillo Quintado Adrian': first name Ferrillo, last name Quintado Adrian):
    the last word of its last name is a given name and its first name is not.
    `first_names` and `last_names` are aliases of int_first_names_profiled joined on the
    record's first name and on the last word of its last name (macro last_word; NULL
    when not found).
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
    `relation`, and the masculine forms of the first two, read in given-name order and named
    with `prefix`: swapped back when written surname first (the given name, the last name's
    last word, with its canonical form and their forms from `last_names`; the surname, the
    first name and the last name's other words). Needs the joins of
    `is_written_surname_first` and the relation's masculine forms columns.
-#}
{% macro names_in_given_order(relation, first_names='first_names', last_names='last_names', prefix='') -%}
    {%- set first = relation ~ '.first_name_normalised' -%}
    {%- set last = relation ~ '.last_name_normalised' -%}
    {%- set swapped = is_written_surname_first(first, last, first_names, last_names) -%}
    {%- set surname_rest = 'trim(substr(' ~ last ~ ', 1, length(' ~ last ~ ') - length(' ~ last_word(last) ~ ')))' -%}
    case
        when {{ swapped }} then {{ last_word(last) }} else {{ first }}
    end as {{ prefix }}first_name_normalised,
    case
        when {{ swapped }} then {{ last_names }}.first_name_canonical else {{ relation }}.first_name_canonical
    end as {{ prefix }}first_name_canonical,
    case
        when {{ swapped }} and {{ surname_rest }} <> ''
            then {{ dbt.concat([first, "' '", surname_rest]) }}
        when {{ swapped }} then {{ first }}
        else {{ last }}
    end as {{ prefix }}last_name_normalised,
    case
        when {{ swapped }} then {{ last_names }}.first_name_masculine_forms
        else {{ relation }}.first_name_masculine_forms
    end as {{ prefix }}first_name_masculine_forms,
    case
        when {{ swapped }} then {{ last_names }}.first_name_canonical_masculine_forms
        else {{ relation }}.first_name_canonical_masculine_forms
    end as {{ prefix }}first_name_canonical_masculine_forms
{%- endmacro %}


{#-
    The masculine forms of a last name read in given-name order (column `prefix` ~
    last_name_normalised, beside the as-typed columns): the last or the first name's forms
    when it is one of them, else computed (a surname of several words written first).
-#}
{% macro given_order_last_name_masculine_forms(prefix) -%}
    case
        when {{ prefix }}last_name_normalised = last_name_normalised then last_name_masculine_forms
        when {{ prefix }}last_name_normalised = first_name_normalised then first_name_masculine_forms
        else {{ masculine_forms(prefix ~ 'last_name_normalised') }}
    end
{%- endmacro %}


{#-
    The name columns the conflict macros read (name_signature_columns) from the given-name-order
    columns of `relation` (int_source_records, int_match_profiles), named as they read them.
-#}
{% macro given_order_name_signature_columns(relation) -%}
    {%- set columns = [
        'first_name_normalised', 'first_name_canonical', 'last_name_normalised',
        'first_name_masculine_forms', 'first_name_canonical_masculine_forms', 'last_name_masculine_forms',
    ] -%}
    {%- for column in columns -%}
        {{ relation }}.given_order_{{ column }} as {{ column }}{% if not loop.last %},
        {% endif %}
    {%- endfor -%}
{%- endmacro %}
