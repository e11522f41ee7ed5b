{#- Text read as a boolean: true/t/yes/y/1/x and false/f/no/n/0, any case (x is a ticked box: yes); '' and anything else NULL. -#}
{% macro parse_boolean(expression) -%}
    {{ return(adapter.dispatch('parse_boolean', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__parse_boolean(expression) -%}
    case
        when lower(trim({{ expression }})) in ('true', 't', 'yes', 'y', '1', 'x') then true
        when lower(trim({{ expression }})) in ('false', 'f', 'no', 'n', '0') then false
    end
{%- endmacro %}


{#- A decimal string with '.' as separator ('-12.50', '+3', '.5') as a number of `data_type`; anything else (junk, '1,234.50', '12,50') NULL. -#}
{% macro parse_amount(expression, data_type='decimal(18, 4)') -%}
    {{ return(adapter.dispatch('parse_amount', 'single_customer_view')(expression, data_type)) }}
{%- endmacro %}

{% macro default__parse_amount(expression, data_type='decimal(18, 4)') -%}
    {#- At most 14 integer digits, so the cast to decimal(18, 4) cannot overflow. -#}
    case
        when {{ regexp_is_match('trim(' ~ expression ~ ')', '^[+-]?([0-9]{1,14}([.][0-9]*)?|[.][0-9]+)$') }}
            then cast(trim({{ expression }}) as {{ data_type }})
    end
{%- endmacro %}


{#- A whole number ('3', '+3', '007'), as integer; anything else NULL. -#}
{% macro parse_integer(expression) -%}
    {{ return(adapter.dispatch('parse_integer', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__parse_integer(expression) -%}
    case
        when {{ regexp_is_match('trim(' ~ expression ~ ')', '^[+-]?[0-9]{1,9}$') }}
            then cast(trim({{ expression }}) as integer)
    end
{%- endmacro %}


{#- Free-text gender as 'female' or 'male' (F, female, Woman, W, M, Male, Man, ...); anything else NULL. -#}
{% macro normalise_gender(expression) -%}
    {{ return(adapter.dispatch('normalise_gender', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_gender(expression) -%}
    case
        when lower(trim({{ expression }})) in ('f', 'female', 'w', 'woman', 'fem', 'femme', 'frau', 'mujer', 'vrouw', 'v')
            then 'female'
        when lower(trim({{ expression }})) in ('m', 'male', 'man', 'homme', 'herr', 'hombre', 'mann')
            then 'male'
    end
{%- endmacro %}


{#- A postal code for display: trimmed, upper case, inner spaces collapsed ('sw1a  1aa' -> 'SW1A 1AA'). -#}
{% macro normalise_postal_code(expression) -%}
    {{ return(adapter.dispatch('normalise_postal_code', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_postal_code(expression) -%}
    upper({{ clean_text(expression) }})
{%- endmacro %}


{#- A postal code in matching form: upper case, letters and digits only ('1012 ab' -> '1012AB', '28-001' -> '28001'). -#}
{% macro postal_code_match_key(expression) -%}
    {{ return(adapter.dispatch('postal_code_match_key', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__postal_code_match_key(expression) -%}
    nullif({{ regexp_replace_all('upper(' ~ expression ~ ')', '[^A-Z0-9]', '') }}, '')
{%- endmacro %}


{#- A card-style code: every whitespace character removed, upper case ('ab 1234 5678' -> 'AB12345678'); '' becomes NULL. -#}
{% macro normalise_identifier_code(expression) -%}
    {{ return(adapter.dispatch('normalise_identifier_code', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_identifier_code(expression) -%}
    nullif(upper({{ regexp_replace_all(expression, '\\s+', '') }}), '')
{%- endmacro %}


{#- An ISO 4217 currency code, upper case ('eur ' -> 'EUR'); anything not three letters NULL. -#}
{% macro normalise_currency_code(expression) -%}
    {{ return(adapter.dispatch('normalise_currency_code', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_currency_code(expression) -%}
    case
        when {{ regexp_is_match('upper(trim(' ~ expression ~ '))', '^[A-Z]{3}$') }}
            then upper(trim({{ expression }}))
    end
{%- endmacro %}
