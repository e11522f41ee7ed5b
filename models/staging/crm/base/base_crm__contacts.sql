with

source as (

    select * from {{ source('crm', 'crm_contacts') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('crm', 'crm_contacts') }},
        {{ exact_duplicate_rank('crm', 'crm_contacts') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ clean_text('contact_id') }} as contact_id,

        -- text
        {{ person_name_columns('first_name', 'last_name') }},
        {{ person_contact_columns('email', 'phone') }},
        {{ person_address_columns('street', 'city', 'postal_code', 'country') }},
        {{ normalise_gender('gender') }} as gender,

        -- booleans
        coalesce({{ parse_boolean('is_deleted') }}, false) as is_deleted,

        -- dates
        {{ date_separated_text('birth_date') }} as birth_date_separated,

        -- timestamps
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('updated_at') }} as updated_at,

        -- raw values the repair notes compare against
        nullif(trim(birth_date), '') as birth_date_raw,
        nullif(trim(gender), '') as gender_raw,
        nullif(trim(country), '') as country_raw,
        nullif(trim(is_deleted), '') as is_deleted_raw,
        nullif(trim(created_at), '') as created_at_raw,
        nullif(trim(updated_at), '') as updated_at_raw,

        -- lineage
        _row_number as raw_row_number,
        exact_duplicate_rank,
        raw_value_note,
        is_repeated_header_row

    from bounded

),

-- The birth date read from its separated text (macros/normalise/date.sql), once.
dates_read as (

    select
        *,
        {{ date_iso_text_from_separated('birth_date_separated') }} as birth_date_iso_text
    from renamed

),

parsed as (

    select
        *,
        {{ date_from_iso_text('birth_date_iso_text') }} as birth_date,
        {{ date_parse_issue('birth_date_raw', 'birth_date_iso_text') }} as birth_date_issue,
        {{ latest_version_rank(['contact_id'], ['updated_at']) }} as version_rank
    from dates_read

),

{{ person_flag_ctes('parsed') }},

final as (

    select
        -- ids
        contact_id,

        -- text
        {{ person_text_outputs() }},
        gender,

        -- booleans
        {{ person_flag_outputs() }},
        is_deleted,

        -- dates
        birth_date,

        -- timestamps
        created_at,
        updated_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['contact_id']) }} as rejection_reason,
        {{ repair_notes(person_repair_notes() + [
            "raw_value_note",
            note_when("is_first_name_junk", 'first_name: placeholder value'),
            note_when("is_last_name_junk", 'last_name: placeholder value'),
            "'birth_date: ' || birth_date_issue",
            note_when("gender_raw is not null and gender is null", 'gender: unknown value'),
            note_when("country_raw is not null and country_code is null", 'country: unknown value'),
            note_when("is_deleted_raw is not null and " ~ parse_boolean('is_deleted_raw') ~ " is null", 'is_deleted: unknown value'),
            note_when("created_at_raw is not null and created_at is null", 'created_at: unparseable timestamp'),
            note_when("updated_at_raw is not null and updated_at is null", 'updated_at: unparseable timestamp'),
        ]) }} as repair_note

    from flagged

)

select * from final
