with

source as (

    select
        *,
        {{ exact_duplicate_rank('shop', 'shop_customers') }} as exact_duplicate_rank
    from {{ source('shop', 'shop_customers') }}

),

renamed as (

    select
        -- ids
        {{ clean_text('customer_id') }} as shop_customer_id,

        -- text
        {{ normalise_name_display('first_name') }} as first_name,
        {{ normalise_name_display('last_name') }} as last_name,
        {{ normalise_name_match('first_name') }} as first_name_match,
        {{ normalise_name_match('last_name') }} as last_name_match,
        {{ normalise_email('email') }} as email,
        {{ clean_text('phone') }} as phone,
        {{ phone_digits('phone') }} as phone_digits,
        {{ phone_international_digits('phone') }} as phone_international_digits,
        {{ clean_text('address_line1') }} as street,
        {{ clean_text('city') }} as city,
        {{ normalise_postal_code('zip') }} as postal_code,
        {{ postal_code_match_key('zip') }} as postal_code_normalised,
        {{ normalise_country_code('country_code') }} as country_code,

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
        exact_duplicate_rank

    from source

),

parsed as (

    select
        *,
        {{ is_valid_email('email') }} as is_email_valid,
        {{ is_junk_email('email') }} as is_email_junk,
        {{ is_blocked_identifier('name', ['first_name_match', 'first_name']) }} as is_first_name_junk,
        {{ is_blocked_identifier('name', ['last_name_match', 'last_name']) }} as is_last_name_junk,
        {{ calling_code_of_international_digits('phone_international_digits') }} as phone_calling_code,
        {{ country_calling_code('country_code') }} as phone_country_calling_code,
        {{ country_trunk_prefix('country_code') }} as phone_country_trunk_prefix,
        {{ latest_version_rank(['shop_customer_id'], ['updated_at']) }} as version_rank
    from renamed

),

phone_numbers as (

    select
        *,
        {{ phone_national_number(
            'phone_digits', 'phone_international_digits', 'phone_calling_code',
            'phone_country_calling_code', 'phone_country_trunk_prefix') }} as phone_national_number_parsed
    from parsed

),

flagged as (

    select
        *,
        {{ phone_e164(
            'phone_national_number_parsed', 'phone_international_digits', 'phone_calling_code',
            'phone_country_calling_code') }} as phone_e164_parsed,
        {{ is_junk_phone('phone', 'phone_digits', 'phone_national_number_parsed') }} as is_phone_junk
    from phone_numbers

),

final as (

    select
        -- ids
        shop_customer_id,

        -- text
        first_name,
        last_name,
        case when not is_first_name_junk then first_name_match end as first_name_normalised,
        case when not is_last_name_junk then last_name_match end as last_name_normalised,
        email,
        {{ email_match_key('email', 'is_email_junk') }} as email_match_key,
        phone,
        case when not is_phone_junk then phone_e164_parsed end as phone_e164,
        case when not is_phone_junk then phone_national_number_parsed end as phone_national_number,
        street,
        city,
        postal_code,
        postal_code_normalised,
        country_code,

        -- booleans
        is_email_valid,
        is_email_junk,
        coalesce(
            not is_phone_junk
            and {{ is_phone_country_unknown(
                'phone_national_number_parsed', 'phone_international_digits', 'phone_country_calling_code') }},
            false
        ) as is_phone_country_unknown,
        is_phone_junk,
        (phone_national_number_parsed is not null or phone_e164_parsed is not null) as is_phone_valid,
        is_first_name_junk,
        is_last_name_junk,
        accepts_email_marketing,

        -- timestamps
        created_at,
        updated_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['shop_customer_id']) }} as rejection_reason,
        {{ repair_notes([
            note_when("email is not null and is_email_junk", 'email: placeholder value'),
            note_when("email is not null and not is_email_junk and not is_email_valid", 'email: invalid address'),
            note_when("phone is not null and is_phone_junk", 'phone: placeholder value'),
            note_when("phone is not null and not is_phone_junk and phone_national_number_parsed is null and phone_e164_parsed is null", 'phone: not a phone number'),
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
