{#-
    A member row has no updated_at: of two rows with one card number the later in
    the file wins. The spreadsheet has no address or country, so phones written
    nationally get no E.164 here (is_phone_country_unknown; contract reading 7).
-#}
with

source as (

    select
        *,
        {{ exact_duplicate_rank('loyalty', 'loyalty_members') }} as exact_duplicate_rank
    from {{ source('loyalty', 'loyalty_members') }}

),

renamed as (

    select
        -- ids
        {{ normalise_identifier_code('card_number') }} as loyalty_card_number,

        -- text
        {{ clean_text('full_name') }} as full_name,
        {{ full_name_first_name('full_name') }} as first_name_parsed,
        {{ full_name_last_name('full_name') }} as last_name_parsed,
        {{ normalise_email('email') }} as email,
        {{ clean_text('phone') }} as phone,
        {{ phone_digits('phone') }} as phone_digits,
        {{ phone_international_digits('phone') }} as phone_international_digits,
        {{ clean_text('signup_store') }} as signup_store,

        -- booleans
        {{ parse_boolean('marketing_opt_in') }} as marketing_opt_in,

        -- dates
        {{ date_iso_text('birth_date') }} as birth_date_iso_text,
        {{ date_iso_text('signup_date') }} as signup_date_iso_text,

        -- raw values the repair notes compare against
        nullif(trim(birth_date), '') as birth_date_raw,
        nullif(trim(signup_date), '') as signup_date_raw,
        nullif(trim(marketing_opt_in), '') as marketing_opt_in_raw,

        -- lineage
        _row_number as raw_row_number,
        exact_duplicate_rank

    from source

),

parsed as (

    select
        *,
        {{ normalise_name_display('first_name_parsed') }} as first_name,
        {{ normalise_name_display('last_name_parsed') }} as last_name,
        {{ normalise_name_match('first_name_parsed') }} as first_name_match,
        {{ normalise_name_match('last_name_parsed') }} as last_name_match,
        {{ date_from_iso_text('birth_date_iso_text') }} as birth_date,
        {{ date_parse_issue('birth_date_raw', 'birth_date_iso_text') }} as birth_date_issue,
        {{ date_from_iso_text('signup_date_iso_text') }} as signup_date,
        {{ date_parse_issue('signup_date_raw', 'signup_date_iso_text') }} as signup_date_issue,
        {{ is_valid_email('email') }} as is_email_valid,
        {{ is_junk_email('email') }} as is_email_junk,
        {{ calling_code_of_international_digits('phone_international_digits') }} as phone_calling_code,
        {{ latest_version_rank(['loyalty_card_number']) }} as version_rank
    from renamed

),

phone_numbers as (

    select
        *,
        {{ is_blocked_identifier('name', ['first_name_match', 'first_name']) }} as is_first_name_junk,
        {{ is_blocked_identifier('name', ['last_name_match', 'last_name']) }} as is_last_name_junk,
        {{ phone_national_number('phone_digits', 'phone_international_digits', 'phone_calling_code', 'null', 'null') }}
            as phone_national_number_parsed
    from parsed

),

flagged as (

    select
        *,
        {{ phone_e164('phone_national_number_parsed', 'phone_international_digits', 'phone_calling_code', 'null') }}
            as phone_e164_parsed,
        {{ is_junk_phone('phone', 'phone_digits', 'phone_national_number_parsed') }} as is_phone_junk
    from phone_numbers

),

final as (

    select
        -- ids
        loyalty_card_number,

        -- text
        full_name,
        first_name,
        last_name,
        case when not is_first_name_junk then first_name_match end as first_name_normalised,
        case when not is_last_name_junk then last_name_match end as last_name_normalised,
        email,
        {{ email_match_key('email', 'is_email_junk') }} as email_match_key,
        phone,
        case when not is_phone_junk then phone_e164_parsed end as phone_e164,
        case when not is_phone_junk then phone_national_number_parsed end as phone_national_number,
        -- No address on a loyalty form: NULL, so every person-bearing model has the same columns.
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as postal_code_normalised,
        cast(null as {{ dbt.type_string() }}) as country_code,
        signup_store,

        -- booleans
        is_email_valid,
        is_email_junk,
        coalesce(
            not is_phone_junk
            and {{ is_phone_country_unknown('phone_national_number_parsed', 'phone_international_digits', 'null') }},
            false
        ) as is_phone_country_unknown,
        is_phone_junk,
        (phone_national_number_parsed is not null or phone_e164_parsed is not null) as is_phone_valid,
        is_first_name_junk,
        is_last_name_junk,
        marketing_opt_in,

        -- dates
        birth_date,
        signup_date,

        -- row status
        raw_row_number,
        {{ rejection_reason(['loyalty_card_number']) }} as rejection_reason,
        {{ repair_notes([
            note_when("email is not null and is_email_junk", 'email: placeholder value'),
            note_when("email is not null and not is_email_junk and not is_email_valid", 'email: invalid address'),
            note_when("phone is not null and is_phone_junk", 'phone: placeholder value'),
            note_when("phone is not null and not is_phone_junk and phone_national_number_parsed is null and phone_e164_parsed is null", 'phone: not a phone number'),
            note_when("is_first_name_junk or is_last_name_junk", 'full_name: placeholder value'),
            "'birth_date: ' || birth_date_issue",
            "'signup_date: ' || signup_date_issue",
            note_when("marketing_opt_in_raw is not null and marketing_opt_in is null", 'marketing_opt_in: unknown value'),
        ]) }} as repair_note

    from flagged

)

select * from final
