{#-
    A request has no updated_at: of two rows with one request_id the later in the
    file wins. A request whose subject cannot be read or is a blocked placeholder
    is rejected into the quarantine, where a steward sees it (it cannot be matched
    to anyone).
-#}
with

source as (

    select * from {{ source('privacy', 'erasure_requests') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('privacy', 'erasure_requests') }},
        {{ exact_duplicate_rank('privacy', 'erasure_requests') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ clean_text('request_id') }} as erasure_request_id,

        -- text
        {{ privacy_subject_columns('subject_type', 'subject_value') }},

        -- timestamps
        {{ parse_timestamp('requested_at') }} as requested_at,

        -- raw values the repair notes compare against
        nullif(trim(requested_at), '') as requested_at_raw,

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
        {{ latest_version_rank(['erasure_request_id']) }} as version_rank
    from renamed

),

{{ privacy_subject_ctes('parsed') }},

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
        {{ rejection_reason(['erasure_request_id'], privacy_subject_rejections()) }} as rejection_reason,
        {{ repair_notes([
            "raw_value_note",
            note_when("requested_at_raw is not null and requested_at is null", 'requested_at: unparseable timestamp'),
            note_when("requested_at_raw is null", 'requested_at: missing value'),
        ]) }} as repair_note

    from identified

)

select * from final
