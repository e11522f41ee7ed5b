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
