with

source as (

    select * from {{ source('shop', 'shop_customers') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('shop', 'shop_customers') }},
        {{ exact_duplicate_rank('shop', 'shop_customers') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ clean_text('customer_id') }} as shop_customer_id,

        -- text
        {{ person_name_columns('first_name', 'last_name') }},
        {{ person_contact_columns('email', 'phone') }},
        {{ person_address_columns('address_line1', 'city', 'zip', 'country_code') }},

        -- booleans
        {{ parse_boolean('accepts_email_marketing') }} as accepts_email_marketing,

        -- timestamps
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('updated_at') }} as updated_at,

        -- raw values the repair notes compare against
        nullif(trim(country_code), '') as country_raw,
        nullif(trim(accepts_email_marketing), '') as accepts_email_marketing_raw,
        nullif(trim(created_at), '') as created_at_raw,
        nullif(trim(updated_at), '') as updated_at_raw,

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
        {{ latest_version_rank(['shop_customer_id'], ['updated_at']) }} as version_rank
    from renamed

),

{{ person_flag_ctes('parsed') }},

final as (

    select
        -- ids
        shop_customer_id,

        -- text
        {{ person_text_outputs() }},

        -- booleans
        {{ person_flag_outputs() }},
        accepts_email_marketing,

        -- timestamps
        created_at,
        updated_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['shop_customer_id']) }} as rejection_reason,
        {{ repair_notes(person_repair_notes() + [
            "raw_value_note",
            note_when("is_first_name_junk", 'first_name: placeholder value'),
            note_when("is_last_name_junk", 'last_name: placeholder value'),
            note_when("country_raw is not null and country_code is null", 'country_code: unknown value'),
            note_when("accepts_email_marketing_raw is not null and accepts_email_marketing is null", 'accepts_email_marketing: unknown value'),
            note_when("created_at_raw is not null and created_at is null", 'created_at: unparseable timestamp'),
            note_when("updated_at_raw is not null and updated_at is null", 'updated_at: unparseable timestamp'),
        ]) }} as repair_note

    from flagged

)

select * from final
