{#-
    Blocking keys: each a small SQL expression over a match profile (columns of
    int_match_profiles, plus the names' Soundex codes first_name_soundex and
    last_name_soundex that int_match_blocking_keys computes once per profile).
    Two profiles are compared when they agree on at least
    one key listed in the `matching_blocking_keys` var. NULL means "no key":
    the profile is not blocked by that rule. `name_soundexes_either_order` finds first
    and last name typed the other way round; `birth_date_postcode_area` finds a
    person whose names were both mistyped or replaced.
-#}
{% macro blocking_key(name) -%}
    {%- set keys = {
        'surname_soundex_birth_year': dbt.concat(['last_name_soundex', "'|'", dbt.cast('extract(year from birth_date)', dbt.type_string())]),
        'first_name_birth_date': dbt.concat(['first_name_canonical', "'|'", dbt.cast('birth_date', dbt.type_string())]),
        'email_local_part': "case when length(" ~ email_local_part('email_match_key') ~ ") >= 4 then " ~ email_local_part('email_match_key') ~ " end",
        'phone_last_7_digits': "case when length(phone_national_number) >= 7 then " ~ dbt.right('phone_national_number', '7') ~ " end",
        'postcode_first_initial': dbt.concat(['postal_code_normalised', "'|'", ('substr(' ~ 'first_name_canonical' ~ ', 1, 1)')]),
        'full_name_city': dbt.concat(['first_name_canonical', "'|'", 'last_name_normalised', "'|'", 'city_normalised']),
        'surname_soundex_first_initial': dbt.concat(['last_name_soundex', "'|'", ('substr(' ~ 'first_name_canonical' ~ ', 1, 1)')]),
        'surname_soundex_postcode': dbt.concat(['last_name_soundex', "'|'", 'postal_code_normalised']),
        'name_soundexes_either_order': dbt.concat([
            'least(first_name_soundex, last_name_soundex)', "'|'", 'greatest(first_name_soundex, last_name_soundex)']),
        'birth_date_postcode_area': dbt.concat([dbt.cast('birth_date', dbt.type_string()), "'|'", 'substr(postal_code_normalised, 1, 1)']),
    } -%}
    {%- if name not in keys -%}
        {{ exceptions.raise_compiler_error("Unknown blocking key '" ~ name ~ "' in var matching_blocking_keys; known keys: " ~ (keys.keys() | sort | join(', '))) }}
    {%- endif -%}
    {{ return(keys[name]) }}
{%- endmacro %}

{#- The part of an email before '@'. -#}
{% macro email_local_part(expression) -%}
    {{ dbt.split_part(expression, "'@'", 1) }}
{%- endmacro %}
