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

    select * from {{ source('privacy', 'consent_events') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('privacy', 'consent_events') }},
        {{ exact_duplicate_rank('privacy', 'consent_events') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ clean_text('consent_event_id') }} as consent_event_id,

        -- text
        {{ privacy_subject_columns('subject_type', 'subject_value') }},
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
        exact_duplicate_rank,
        raw_value_note,
        is_repeated_header_row

    from bounded

),

parsed as (

    select
        *,
        {{ latest_version_rank(['consent_event_id']) }} as version_rank
    from renamed

),

{{ privacy_subject_ctes('parsed') }},

final as (

    select
        -- ids
        consent_event_id,

        -- text
        subject_type,
        subject_value,
        case when not is_subject_value_junk then subject_identifier_parsed end as subject_identifier,
        case when subject_type = 'email' and not is_subject_value_junk then subject_email end as subject_email,
        purpose,
        consent_status,
        source_system,
        policy_version,

        -- timestamps
        captured_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['consent_event_id'], privacy_subject_rejections() + [
            ("purpose is null or purpose not in ('" ~ purposes | join("', '") ~ "')", 'unknown_purpose'),
            ("consent_status is null or consent_status not in ('" ~ consent_statuses | join("', '") ~ "')", 'unknown_consent_status'),
        ]) }} as rejection_reason,
        {{ repair_notes([
            "raw_value_note",
            note_when("source_system not in ('" ~ source_systems | join("', '") ~ "')", 'source_system: unknown value'),
            note_when("captured_at_raw is not null and captured_at is null", 'captured_at: unparseable timestamp'),
            note_when("captured_at_raw is null", 'captured_at: missing value'),
        ]) }} as repair_note

    from identified

)

select * from final
