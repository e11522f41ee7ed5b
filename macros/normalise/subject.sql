{#- The identifier types a consent event or an erasure request can name (contract: consent_events.subject_type). -#}
{% macro privacy_subject_types() %}
    {{ return(['email', 'phone', 'shop_customer_id', 'crm_contact_id', 'loyalty_card_number']) }}
{% endmacro %}


{#-
    A privacy subject's identifier in the form the staging identifier columns
    hold, so it compares with them directly: email -> email_match_key, phone ->
    phone_national_number, loyalty_card_number -> the card code (trimmed, upper,
    no spaces), shop_customer_id and crm_contact_id -> trimmed. Each argument is
    a SQL expression already normalised that way; NULL for an unknown type.
-#}
{% macro privacy_subject_identifier(subject_type, email_match_key, phone_national_number, loyalty_card_number, record_id) -%}
    {{ return(adapter.dispatch('privacy_subject_identifier', 'single_customer_view')(
        subject_type, email_match_key, phone_national_number, loyalty_card_number, record_id)) }}
{%- endmacro %}

{% macro default__privacy_subject_identifier(subject_type, email_match_key, phone_national_number, loyalty_card_number, record_id) -%}
    case {{ subject_type }}
        when 'email' then {{ email_match_key }}
        when 'phone' then {{ phone_national_number }}
        when 'loyalty_card_number' then {{ loyalty_card_number }}
        when 'shop_customer_id' then {{ record_id }}
        when 'crm_contact_id' then {{ record_id }}
    end
{%- endmacro %}


{#-
    The subject columns of a privacy row (consent event, erasure request): its type, the value
    as written, and the value read each way a subject can be written (email, phone digits,
    card code, record id); privacy_subject_ctes picks the reading the type names.
-#}
{% macro privacy_subject_columns(subject_type, subject_value) -%}
    {{ normalise_category(subject_type) }} as subject_type,
        nullif(trim({{ subject_value }}), '') as subject_value,
        {{ normalise_email(subject_value) }} as subject_email,
        {{ phone_digits(subject_value) }} as subject_phone_digits,
        {{ phone_international_digits(subject_value) }} as subject_phone_international_digits,
        {{ normalise_identifier_code(subject_value) }} as subject_code,
        {{ clean_text(subject_value) }} as subject_record_id
{%- endmacro %}


{#-
    Three CTEs over `from_cte` (which has privacy_subject_columns): junk flags and the phone's
    calling code, the phone's national number (a subject has no country: contract reading 7),
    then `identified` with subject_identifier_parsed and is_subject_value_junk.
-#}
{% macro privacy_subject_ctes(from_cte) -%}
subject_codes as (

    select
        *,
        {{ is_junk_email('subject_email') }} as is_subject_email_junk,
        {{ is_blocked_identifier('loyalty_card_number', ['subject_code']) }} as is_subject_code_junk,
        {{ calling_code_of_international_digits('subject_phone_international_digits') }} as subject_phone_calling_code
    from {{ from_cte }}

),

phone_numbers as (

    select
        *,
        {{ phone_national_number(
            'subject_phone_digits', 'subject_phone_international_digits', 'subject_phone_calling_code',
            'null', 'null') }} as subject_phone_national_number
    from subject_codes

),

identified as (

    select
        *,
        {{ privacy_subject_identifier(
            'subject_type',
            email_match_key('subject_email'),
            'subject_phone_national_number',
            'subject_code',
            'subject_record_id') }} as subject_identifier_parsed,
        case subject_type
            when 'email' then is_subject_email_junk
            when 'phone'
                then {{ is_junk_phone('subject_value', 'subject_phone_digits', 'subject_phone_national_number') }}
            when 'loyalty_card_number' then is_subject_code_junk
            else {{ is_blocked_identifier('any', ['subject_record_id']) }}
        end as is_subject_value_junk
    from phone_numbers

)
{%- endmacro %}


{#- Why a privacy row's subject is unusable: (condition, reason) pairs for rejection_reason(). -#}
{% macro privacy_subject_rejections() -%}
    {{ return([
        ("subject_type is null or subject_type not in ('" ~ privacy_subject_types() | join("', '") ~ "')", 'unknown_subject_type'),
        ("subject_identifier_parsed is null", 'invalid_subject_value'),
        ("is_subject_value_junk", 'blocked_subject_value'),
    ]) }}
{%- endmacro %}
