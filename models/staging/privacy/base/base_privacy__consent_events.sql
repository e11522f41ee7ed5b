{#-
    A consent event has no updated_at: of two rows with one consent_event_id the
    later in the file wins. A row whose subject, purpose or status cannot be read,
    or whose subject is a blocked placeholder (none@none.com), is rejected: a
    consent signal that cannot be applied must not be guessed at.
-#}
{%- set purposes = ['email_marketing', 'sms_marketing', 'profiling', 'third_party_sharing'] -%}
{%- set consent_statuses = ['granted', 'denied', 'withdrawn'] -%}
{%- set source_systems = ['preference_center', 'shop_checkout', 'crm', 'loyalty_form', 'support', 'esp_unsubscribe'] -%}

with

source as (

    select
        *,
        {{ exact_duplicate_rank('privacy', 'consent_events') }} as exact_duplicate_rank
    from {{ source('privacy', 'consent_events') }}

),

renamed as (

    select
        -- ids
        {{ clean_text('consent_event_id') }} as consent_event_id,

        -- text
        {{ normalise_category('subject_type') }} as subject_type,
        nullif(trim(subject_value), '') as subject_value,
        {{ normalise_email('subject_value') }} as subject_email,
        {{ phone_digits('subject_value') }} as subject_phone_digits,
        {{ phone_international_digits('subject_value') }} as subject_phone_international_digits,
        {{ normalise_identifier_code('subject_value') }} as subject_code,
        {{ clean_text('subject_value') }} as subject_record_id,
        {{ normalise_category('purpose') }} as purpose,
        {{ normalise_category('status') }} as consent_status,
        {{ normalise_category('source_system') }} as source_system,
        {{ clean_text('policy_version') }} as policy_version,

        -- timestamps
        {{ parse_timestamp('captured_at') }} as captured_at,

        -- raw values the repair notes compare against
        nullif(trim(captured_at), '') as captured_at_raw,

        -- lineage
        _row_number as raw_row_number,
        exact_duplicate_rank

    from source

),

parsed as (

    select
        *,
        {{ is_junk_email('subject_email') }} as is_subject_email_junk,
        {{ is_blocked_identifier('loyalty_card_number', ['subject_code']) }} as is_subject_code_junk,
        {{ calling_code_of_international_digits('subject_phone_international_digits') }} as subject_phone_calling_code,
        {{ latest_version_rank(['consent_event_id']) }} as version_rank
    from renamed

),

phone_numbers as (

    select
        *,
        {{ phone_national_number(
            'subject_phone_digits', 'subject_phone_international_digits', 'subject_phone_calling_code',
            'null', 'null') }} as subject_phone_national_number
    from parsed

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

),

final as (

    select
        -- ids
        consent_event_id,

        -- text
        subject_type,
        subject_value,
        case when not is_subject_value_junk then subject_identifier_parsed end as subject_identifier,
        purpose,
        consent_status,
        source_system,
        policy_version,

        -- timestamps
        captured_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['consent_event_id'], [
            ("subject_type is null or subject_type not in ('" ~ privacy_subject_types() | join("', '") ~ "')", 'unknown_subject_type'),
            ("subject_identifier_parsed is null", 'invalid_subject_value'),
            ("is_subject_value_junk", 'blocked_subject_value'),
            ("purpose is null or purpose not in ('" ~ purposes | join("', '") ~ "')", 'unknown_purpose'),
            ("consent_status is null or consent_status not in ('" ~ consent_statuses | join("', '") ~ "')", 'unknown_consent_status'),
        ]) }} as rejection_reason,
        {{ repair_notes([
            note_when("source_system not in ('" ~ source_systems | join("', '") ~ "')", 'source_system: unknown value'),
            note_when("captured_at_raw is not null and captured_at is null", 'captured_at: unparseable timestamp'),
            note_when("captured_at_raw is null", 'captured_at: missing value'),
        ]) }} as repair_note

    from identified

)

select * from final
