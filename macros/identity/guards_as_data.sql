{#-
    The identifier types flagged `flag` in seeds/identity/identifier_types.csv, in order (read
    when the model compiles, macro reference_seed_rows).
-#}
{% macro identifier_types_with(flag) -%}
    {%- set types = [] -%}
    {%- for row in reference_seed_rows('identifier_types') if row[flag] -%}
        {%- do types.append(row.identifier_type) -%}
    {%- endfor -%}
    {{ return(types) }}
{%- endmacro %}


{#-
    True when `identifier_type` (a SQL expression) is one of the types flagged `flag` in
    seeds/identity/identifier_types.csv; false, never NULL, for any other or none.
-#}
{% macro identifier_type_has(identifier_type, flag) -%}
    {{ is_one_of(identifier_type, identifier_types_with(flag)) }}
{%- endmacro %}


{#- True when `expression` equals one of `values` (Python strings), false, never NULL, otherwise or for none. -#}
{% macro is_one_of(expression, values) -%}
    {%- set literals = [] -%}
    {%- for value in values -%}
        {%- do literals.append(string_literal(value)) -%}
    {%- endfor -%}
    {%- if literals -%}
        coalesce({{ expression }} in ({{ literals | join(', ') }}), false)
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}


{#-
    CASE branches giving a shared reason to an identifier group whose `distinct_first_names`
    exceed its type's max_first_names in seeds/identity/identifier_types.csv.
-#}
{% macro identifier_first_name_limit_branches(identifier_type, distinct_first_names) -%}
    {%- for row in reference_seed_rows('identifier_types') if row.max_first_names is not none %}
            when {{ identifier_type }} = {{ string_literal(row.identifier_type) }}
                and {{ distinct_first_names }} > {{ row.max_first_names | int }}
                then {{ string_literal(row.identifier_type ~ ' used by more than ' ~ (row.max_first_names | int) ~ ' first names') }}
    {%- endfor %}
{%- endmacro %}


{#-
    The rejection reason of a decided edge or match, read for a person: the text of its
    `rejection_code` in seeds/identity/rejection_reasons.csv, followed by ': ' and `detail`
    where the code has one (which blocked value, which household email pattern). Rendered as
    a CASE over the seed's codes when the model compiles (macro reference_seed_rows); NULL for
    NULL (an accepted edge).
-#}
{% macro rejection_reason_text(rejection_code, detail=none) -%}
    case {{ rejection_code }}
        {%- for row in reference_seed_rows('rejection_reasons') %}
        when {{ string_literal(row.rejection_code) }} then
            {%- if row.is_followed_by_detail and detail %}
            {{ dbt.concat([string_literal(row.rejection_reason ~ ': '), detail]) }}
            {%- else %}
            {{ string_literal(row.rejection_reason) }}
            {%- endif %}
        {%- endfor %}
    end
{%- endmacro %}


{#- The rejection codes of seeds/identity/rejection_reasons.csv flagged `flag`, as a SQL test on `rejection_code`. -#}
{% macro rejection_code_has(rejection_code, flag) -%}
    {%- set codes = [] -%}
    {%- for row in reference_seed_rows('rejection_reasons') if row[flag] -%}
        {%- do codes.append(row.rejection_code) -%}
    {%- endfor -%}
    {{ is_one_of(rejection_code, codes) }}
{%- endmacro %}
