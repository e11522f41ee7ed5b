{#-
    A request has no updated_at: of two rows with one request_id the later in the
    file wins. A request whose subject cannot be read or is a blocked placeholder
    is rejected into the quarantine, where a steward sees it (it cannot be matched
    to anyone).
-#}
with

source as (

    select
        *,
        {{ exact_duplicate_rank('privacy', 'erasure_requests') }} as exact_duplicate_rank
    from {{ source('privacy', 'erasure_requests') }}

),

renamed as (

    select
        -- ids
        {{ clean_text('request_id') }} as erasure_request_id,

        -- text
        {{ normalise_category('subject_type') }} as subject_type,
        nullif(trim(subject_value), '') as subject_value,
        {{ normalise_email('subject_value') }} as subject_email,
        {{ phone_digits('subject_value') }} as subject_phone_digits,
        {{ phone_international_digits('subject_value') }} as subject_phone_international_digits,
        {{ normalise_identifier_code('subject_value') }} as subject_code,
        {{ clean_text('subject_value') }} as subject_record_id,

        -- timestamps
        {{ parse_timestamp('requested_at') }} as requested_at,

        -- raw values the repair notes compare against
        nullif(trim(requested_at), '') as requested_at_raw,

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
        {{ latest_version_rank(['erasure_request_id']) }} as version_rank
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
        erasure_request_id,

        -- text
        subject_type,
        subject_value,
        case when not is_subject_value_junk then subject_identifier_parsed end as subject_identifier,

        -- timestamps
        requested_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['erasure_request_id'], [
            ("subject_type is null or subject_type not in ('" ~ privacy_subject_types() | join("', '") ~ "')", 'unknown_subject_type'),
            ("subject_identifier_parsed is null", 'invalid_subject_value'),
            ("is_subject_value_junk", 'blocked_subject_value'),
        ]) }} as rejection_reason,
        {{ repair_notes([
            note_when("requested_at_raw is not null and requested_at is null", 'requested_at: unparseable timestamp'),
            note_when("requested_at_raw is null", 'requested_at: missing value'),
        ]) }} as repair_note

    from identified

)

select * from final
