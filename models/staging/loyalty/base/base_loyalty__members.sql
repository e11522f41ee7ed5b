{#-
    A member row has no updated_at: of two rows with one card number the later in
    the file wins. The spreadsheet has no address or country, so phones written
    nationally get no E.164 here (is_phone_country_unknown; contract reading 7).
-#}
with

source as (

    select * from {{ source('loyalty', 'loyalty_members') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('loyalty', 'loyalty_members') }},
        {{ exact_duplicate_rank('loyalty', 'loyalty_members') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ normalise_identifier_code('card_number') }} as loyalty_card_number,

        -- text
        {{ clean_text('full_name') }} as full_name,
        {{ person_contact_columns('email', 'phone') }},
        {{ person_address_columns() }},
        {{ clean_text('signup_store') }} as signup_store,

        -- booleans
        {{ parse_boolean('marketing_opt_in') }} as marketing_opt_in,

        -- dates
        {{ date_separated_text('birth_date') }} as birth_date_separated,
        {{ date_separated_text('signup_date') }} as signup_date_separated,

        -- raw values the repair notes compare against
        nullif(trim(birth_date), '') as birth_date_raw,
        nullif(trim(signup_date), '') as signup_date_raw,
        nullif(trim(marketing_opt_in), '') as marketing_opt_in_raw,

        -- lineage
        _row_number as raw_row_number,
        exact_duplicate_rank,
        raw_value_note,
        is_repeated_header_row

    from bounded

),

-- The given and family names of the cleaned full name; the dates read from their separated text.
names_split as (

    select
        *,
        {{ full_name_first_name('full_name') }} as first_name_parsed,
        {{ full_name_last_name('full_name') }} as last_name_parsed,
        {{ date_iso_text_from_separated('birth_date_separated') }} as birth_date_iso_text,
        {{ date_iso_text_from_separated('signup_date_separated') }} as signup_date_iso_text
    from renamed

),

parsed as (

    select
        *,
        {{ person_name_columns('first_name_parsed', 'last_name_parsed') }},
        {{ date_from_iso_text('birth_date_iso_text') }} as birth_date,
        {{ date_parse_issue('birth_date_raw', 'birth_date_iso_text') }} as birth_date_issue,
        {{ date_from_iso_text('signup_date_iso_text') }} as signup_date,
        {{ date_parse_issue('signup_date_raw', 'signup_date_iso_text') }} as signup_date_issue,
        {{ latest_version_rank(['loyalty_card_number']) }} as version_rank
    from names_split

),

{{ person_flag_ctes('parsed', has_country=false) }},

final as (

    select
        -- ids
        loyalty_card_number,

        -- text
        full_name,
        {{ person_text_outputs() }},
        signup_store,

        -- booleans
        {{ person_flag_outputs() }},
        marketing_opt_in,

        -- dates
        birth_date,
        signup_date,

        -- row status
        raw_row_number,
        {{ rejection_reason(['loyalty_card_number']) }} as rejection_reason,
        {{ repair_notes(person_repair_notes() + [
            "raw_value_note",
            note_when("is_first_name_junk or is_last_name_junk", 'full_name: placeholder value'),
            "'birth_date: ' || birth_date_issue",
            "'signup_date: ' || signup_date_issue",
            note_when("marketing_opt_in_raw is not null and marketing_opt_in is null", 'marketing_opt_in: unknown value'),
        ]) }} as repair_note

    from flagged

)

select * from final
