{#-
    The person columns every person-bearing base model shares (CRM contacts, shop customers
    and orders, loyalty members, support tickets): one definition, so a fix to how a name,
    an email or a phone is read applies to every source at once. A base model calls them in
    order: the *_columns macros in its `renamed` (or `parsed`) CTE, `person_flag_ctes` after
    it, then `person_text_outputs` / `person_flag_outputs` and `person_repair_notes` in `final`.
-#}

{#- Display and match forms of a first and a last name (raw column names or SQL expressions). -#}
{% macro person_name_columns(first_name, last_name) -%}
    {{ normalise_name_display(first_name) }} as first_name,
        {{ normalise_name_display(last_name) }} as last_name,
        {{ normalise_name_match(first_name) }} as first_name_match,
        {{ normalise_name_match(last_name) }} as last_name_match
{%- endmacro %}


{#- The email, and the phone as written with the digit strings its parsing starts from. -#}
{% macro person_contact_columns(email, phone) -%}
    {{ normalise_email(email) }} as email,
        {{ clean_text(phone) }} as phone,
        {{ phone_digits(phone) }} as phone_digits,
        {{ phone_international_digits(phone) }} as phone_international_digits
{%- endmacro %}


{#- The address; without arguments, NULL columns for a source that has none. -#}
{% macro person_address_columns(street=none, city=none, postal_code=none, country=none) -%}
    {%- if street is none -%}
        {%- set null_text = 'cast(null as ' ~ dbt.type_string() ~ ')' -%}
    {{ null_text }} as street,
        {{ null_text }} as city,
        {{ null_text }} as postal_code,
        {{ null_text }} as postal_code_normalised,
        {{ null_text }} as country_code
    {%- else -%}
    {{ clean_text(street) }} as street,
        {{ clean_text(city) }} as city,
        {{ normalise_postal_code(postal_code) }} as postal_code,
        {{ postal_code_match_key(postal_code) }} as postal_code_normalised,
        {{ normalise_country_code(country) }} as country_code
    {%- endif -%}
{%- endmacro %}


{#-
    Three CTEs over `from_cte` (which has the columns above): validity and junk flags with the
    phone's calling codes, the national number, then E.164 and the phone junk flag. Each step
    reads the columns the one before computed. `has_country`: whether country_code can tell
    a national phone's country (false for sources without an address).
-#}
{% macro person_flag_ctes(from_cte, has_country=true) -%}
{%- set no_country = 'cast(null as ' ~ dbt.type_string() ~ ')' -%}
person_codes as (

    select
        *,
        {{ is_valid_email('email') }} as is_email_valid,
        {{ is_junk_email('email') }} as is_email_junk,
        {{ is_blocked_identifier('name', ['first_name_match', 'first_name']) }} as is_first_name_junk,
        {{ is_blocked_identifier('name', ['last_name_match', 'last_name']) }} as is_last_name_junk,
        {{ calling_code_of_international_digits('phone_international_digits') }} as phone_calling_code,
        {{ country_calling_code('country_code') if has_country else no_country }} as phone_country_calling_code,
        {{ country_trunk_prefix('country_code') if has_country else no_country }} as phone_country_trunk_prefix
    from {{ from_cte }}

),

phone_numbers as (

    select
        *,
        {{ phone_national_number(
            'phone_digits', 'phone_international_digits', 'phone_calling_code',
            'phone_country_calling_code', 'phone_country_trunk_prefix') }} as phone_national_number_parsed
    from person_codes

),

flagged as (

    select
        *,
        {{ phone_e164(
            'phone_national_number_parsed', 'phone_international_digits', 'phone_calling_code',
            'phone_country_calling_code') }} as phone_e164_parsed,
        {{ is_junk_phone('phone', 'phone_digits', 'phone_national_number_parsed') }} as is_phone_junk
    from phone_numbers

)
{%- endmacro %}


{#- The person's text columns as every staging model publishes them (from `flagged`). -#}
{% macro person_text_outputs() -%}
    first_name,
        last_name,
        case when not is_first_name_junk then first_name_match end as first_name_normalised,
        case when not is_last_name_junk then last_name_match end as last_name_normalised,
        email,
        {{ email_match_key('email', 'is_email_junk') }} as email_match_key,
        phone,
        case when not is_phone_junk then phone_e164_parsed end as phone_e164,
        case when not is_phone_junk then phone_national_number_parsed end as phone_national_number,
        street,
        city,
        postal_code,
        postal_code_normalised,
        country_code
{%- endmacro %}


{#- The person's boolean columns as every staging model publishes them (from `flagged`). -#}
{% macro person_flag_outputs() -%}
    is_email_valid,
        is_email_junk,
        coalesce(
            not is_phone_junk
            and {{ is_phone_country_unknown(
                'phone_national_number_parsed', 'phone_international_digits', 'phone_country_calling_code') }},
            false
        ) as is_phone_country_unknown,
        is_phone_junk,
        (phone_national_number_parsed is not null or phone_e164_parsed is not null) as is_phone_valid,
        is_first_name_junk,
        is_last_name_junk
{%- endmacro %}


{#-
    The repair notes on the email and phone, labelled with the source's own column names;
    a list for repair_notes(), to which a model adds its own.
-#}
{% macro person_repair_notes(email_column='email', phone_column='phone') -%}
    {{ return([
        note_when("email is not null and is_email_junk", email_column ~ ': placeholder value'),
        note_when("email is not null and not is_email_junk and not is_email_valid", email_column ~ ': invalid address'),
        note_when("phone is not null and is_phone_junk", phone_column ~ ': placeholder value'),
        note_when(
            "phone is not null and not is_phone_junk"
            ~ " and phone_national_number_parsed is null and phone_e164_parsed is null",
            phone_column ~ ': not a phone number'),
    ]) }}
{%- endmacro %}
