{#-
    Phones to E.164, in steps a model runs in consecutive CTEs (each step reads
    the columns the step before produced, which keeps the SQL small):

      phone_digits(phone), phone_international_digits(phone)      -- from the raw text
      calling_code_of_international_digits(international_digits),
      country_calling_code(country_code), country_trunk_prefix(country_code)
      phone_national_number(digits, international_digits, calling_code,
                            country_calling_code, country_trunk_prefix)
      phone_e164(national_number, international_digits, calling_code, country_calling_code)

    '+CC...' and '00CC...' are international. Anything else is national and is
    read with the record's country: trunk prefix dropped ('06 12 34 56 78' on an
    NL record -> 612345678 -> +31612345678). With no country (or one the
    reference does not know) a national number keeps its national significant
    number but gets no E.164 (contract reading 7: never guess a country).
-#}

{#- The digits of a phone, after dropping a '(0)' trunk hint and an extension ('ext 12', 'x12', '#12'). -#}
{% macro phone_digits(phone) -%}
    {{ return(adapter.dispatch('phone_digits', 'single_customer_view')(phone)) }}
{%- endmacro %}

{% macro default__phone_digits(phone) -%}
    {{ regexp_replace_all(
        regexp_replace_all("replace(" ~ phone ~ ", '(0)', '')", '\\s*([eE][xX][tT]|[xX]|#).*$', ''),
        '[^0-9]', '') }}
{%- endmacro %}


{#- For an international phone ('+CC...' or '00CC...') its digits after the '+' or '00'; NULL for a national phone. -#}
{% macro phone_international_digits(phone) -%}
    {{ return(adapter.dispatch('phone_international_digits', 'single_customer_view')(phone)) }}
{%- endmacro %}

{% macro default__phone_international_digits(phone) -%}
    {%- set digits = phone_digits(phone) -%}
    case
        when trim({{ phone }}) like '+%' then nullif({{ digits }}, '')
        when {{ digits }} like '00%' then nullif(substr({{ digits }}, 3), '')
    end
{%- endmacro %}


{#-
    The national significant number: for an international phone the digits
    after its calling code (NULL when the code is not in the reference); for a
    national phone the digits without the trunk prefix of the record's country,
    or without one leading 0 when the country is unknown. A national phone that
    starts with the record's own calling code and is long enough to hold a whole
    number after it is read as international typed without '+' ('447700900123'
    on a GB record). NULL unless 6 to 14 digits.
-#}
{% macro phone_national_number(digits, international_digits, calling_code, country_calling_code, country_trunk_prefix) -%}
    {{ return(adapter.dispatch('phone_national_number', 'single_customer_view')(
        digits, international_digits, calling_code, country_calling_code, country_trunk_prefix)) }}
{%- endmacro %}

{% macro default__phone_national_number(digits, international_digits, calling_code, country_calling_code, country_trunk_prefix) -%}
    {%- set candidate -%}
    case
        when {{ international_digits }} is not null
            then substr({{ international_digits }}, length({{ calling_code }}) + 1)
        when {{ country_calling_code }} is null
            then case when {{ digits }} like '0%' then substr({{ digits }}, 2) else {{ digits }} end
        when {{ country_trunk_prefix }} <> '' and {{ digits }} like ({{ country_trunk_prefix }} || '%')
            then substr({{ digits }}, length({{ country_trunk_prefix }}) + 1)
        when {{ digits }} like ({{ country_calling_code }} || '%')
            and length({{ digits }}) >= length({{ country_calling_code }})
            + case when {{ country_trunk_prefix }} = '0' then 8 else 9 end
            then substr({{ digits }}, length({{ country_calling_code }}) + 1)
        else {{ digits }}
    end
    {%- endset -%}
    case when length({{ candidate }}) between 6 and 14 then {{ candidate }} end
{%- endmacro %}


{#-
    The phone in E.164 ('+31612345678'): '+', calling code, national number.
    An international phone whose code the reference does not know keeps its
    digits as given (8 to 15). NULL when the number is not valid, and for a
    national phone without a known country.
-#}
{% macro phone_e164(national_number, international_digits, calling_code, country_calling_code) -%}
    {{ return(adapter.dispatch('phone_e164', 'single_customer_view')(
        national_number, international_digits, calling_code, country_calling_code)) }}
{%- endmacro %}

{% macro default__phone_e164(national_number, international_digits, calling_code, country_calling_code) -%}
    case
        when {{ international_digits }} is not null and {{ calling_code }} is not null
            then case when {{ national_number }} is not null and length({{ international_digits }}) <= 15
                then '+' || {{ international_digits }} end
        when {{ international_digits }} is not null
            then case when length({{ international_digits }}) between 8 and 15
                then '+' || {{ international_digits }} end
        when {{ country_calling_code }} is not null and {{ national_number }} is not null
            and length({{ country_calling_code }}) + length({{ national_number }}) <= 15
            then '+' || {{ country_calling_code }} || {{ national_number }}
    end
{%- endmacro %}


{#- True when a national phone has a national number but no known country to make it E.164 (contract reading 7). -#}
{% macro is_phone_country_unknown(national_number, international_digits, country_calling_code) -%}
    {{ return(adapter.dispatch('is_phone_country_unknown', 'single_customer_view')(
        national_number, international_digits, country_calling_code)) }}
{%- endmacro %}

{% macro default__is_phone_country_unknown(national_number, international_digits, country_calling_code) -%}
    ({{ national_number }} is not null and {{ international_digits }} is null and {{ country_calling_code }} is null)
{%- endmacro %}


{#-
    True when a phone is a blocked placeholder: its cleaned text, its digits or
    its national number is blocked for 'phone' (0000000000, 1234567890, one
    digit repeated, dashes only).
-#}
{% macro is_junk_phone(phone, digits, national_number) -%}
    {{ return(adapter.dispatch('is_junk_phone', 'single_customer_view')(phone, digits, national_number)) }}
{%- endmacro %}

{% macro default__is_junk_phone(phone, digits, national_number) -%}
    ({{ phone }} is not null and {{ is_blocked_identifier('phone', [phone, digits, national_number]) }})
{%- endmacro %}


{#-
    True when an E.164 phone starts with a mobile prefix of seed phone_mobile_prefixes;
    `prefixes` is the alias of a relation over that seed with text columns calling_code
    and mobile_prefix. A mobile reaches one person, a landline a household.
-#}
{% macro phone_has_mobile_prefix(phone_e164, prefixes) -%}
    ({{ phone_e164 }} like {{ dbt.concat(["'+'", prefixes ~ '.calling_code', prefixes ~ '.mobile_prefix', "'%'"]) }})
{%- endmacro %}


{#- The mobile prefixes of seed phone_mobile_prefixes as text, for phone_has_mobile_prefix. -#}
{% macro mobile_prefixes() -%}
    select
        cast(calling_code as {{ dbt.type_string() }}) as calling_code,
        cast(mobile_prefix as {{ dbt.type_string() }}) as mobile_prefix
    from {{ ref('phone_mobile_prefixes') }}
{%- endmacro %}
