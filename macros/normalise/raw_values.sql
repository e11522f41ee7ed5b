{#-
    Raw values are bounded before anything reads them. A value longer than its
    column kind's cap (var raw_value_max_characters) is dropped: a pasted document
    or a base64 blob in a name field is no name, and a cut one would be a wrong
    one. Control characters (NUL, bell, escape, ...; not tab or line breaks,
    which clean_text reads as spaces) are removed. Each base model reads its raw
    table through bounded_raw_columns() and adds raw_value_note to its repair
    notes, so the quarantine names the table, the row, the column and the length.
-#}

{#- The kind of a contract column, which decides its cap: name, email, phone, address, url or other. -#}
{% macro raw_value_kind(column) -%}
    {%- set kinds = {
        'first_name': 'name', 'last_name': 'name', 'full_name': 'name', 'requester_name': 'name',
        'billing_first_name': 'name', 'billing_last_name': 'name',
        'email': 'email', 'requester_email': 'email',
        'phone': 'phone', 'requester_phone': 'phone',
        'street': 'address', 'address_line1': 'address', 'billing_address_line1': 'address',
        'city': 'address', 'billing_city': 'address',
        'page_url': 'url',
    } -%}
    {{ return(kinds.get(column, 'other')) }}
{%- endmacro %}


{#- The longest value of `column` that staging keeps, in characters. -#}
{% macro raw_value_cap(column) -%}
    {%- set caps = var('raw_value_max_characters') -%}
    {%- set kind = raw_value_kind(column) -%}
    {%- if kind not in caps -%}
        {{ exceptions.raise_compiler_error("var raw_value_max_characters has no cap for the kind '" ~ kind ~ "' (column " ~ column ~ "); kinds: " ~ (caps.keys() | sort | join(', '))) }}
    {%- endif -%}
    {{ return(caps[kind] | int) }}
{%- endmacro %}


{#- The characters that are never part of a value: C0 controls but the whitespace ones (tab to carriage return), and DEL. -#}
{% macro control_character_pattern() -%}
    {{ return('[\\x00-\\x08\\x0e-\\x1f\\x7f]') }}
{%- endmacro %}


{#-
    The columns of a raw table, bounded: every contract column (NULL when over its
    cap, control characters removed), `_row_number`, `raw_value_note`: what was
    dropped or cleaned ('first_name: 1048576 characters, over the cap of 200;
    dropped'), or NULL, and `is_repeated_header_row`.
-#}
{% macro bounded_raw_columns(source_name, table_name) -%}
    {%- set columns = raw_source_columns(source_name, table_name) -%}
    {%- set notes = [] -%}
    {%- for column in columns %}
    {%- set cap = raw_value_cap(column) %}
    case
        when length({{ column }}) > {{ cap }} then null
        else {{ regexp_replace_all(column, control_character_pattern(), '') }}
    end as {{ column }},
    {%- do notes.append(
        "case when length(" ~ column ~ ") > " ~ cap ~ " then '" ~ column ~ ": ' || cast(length(" ~ column ~ ") as "
        ~ dbt.type_string() ~ ") || ' characters, over the cap of " ~ cap ~ "; dropped' when "
        ~ regexp_is_match(column, control_character_pattern()) ~ " then '" ~ column ~ ": control characters removed' end"
    ) %}
    {%- endfor %}
    _row_number,
    {{ repair_notes(notes) }} as raw_value_note,
    {#- The header written again mid-file (files concatenated with their headers): every value
        is empty or its column's name, and at least two are the name. #}
    (
        {%- for column in columns %}
        coalesce(lower(trim({{ column }})) = '{{ column }}', true){% if not loop.last %} and{% endif %}
        {%- endfor %}
    ) and (
        {%- for column in columns %}
        case when lower(trim({{ column }})) = '{{ column }}' then 1 else 0 end{% if not loop.last %} +{% endif %}
        {%- endfor %}
    ) >= 2 as is_repeated_header_row
{%- endmacro %}
