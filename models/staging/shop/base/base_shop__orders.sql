{#- An order has no updated_at: of two rows with one order_id the later in the file wins. -#}
{%- set order_statuses = ['paid', 'pending', 'cancelled', 'refunded'] -%}

with

source as (

    select
        *,
        {{ exact_duplicate_rank('shop', 'shop_orders') }} as exact_duplicate_rank
    from {{ source('shop', 'shop_orders') }}

),

renamed as (

    select
        -- ids
        {{ clean_text('order_id') }} as order_id,
        {{ clean_text('customer_id') }} as shop_customer_id,

        -- text
        {{ normalise_name_display('billing_first_name') }} as first_name,
        {{ normalise_name_display('billing_last_name') }} as last_name,
        {{ normalise_name_match('billing_first_name') }} as first_name_match,
        {{ normalise_name_match('billing_last_name') }} as last_name_match,
        {{ normalise_email('email') }} as email,
        {{ clean_text('phone') }} as phone,
        {{ phone_digits('phone') }} as phone_digits,
        {{ phone_international_digits('phone') }} as phone_international_digits,
        {{ clean_text('billing_address_line1') }} as street,
        {{ clean_text('billing_city') }} as city,
        {{ normalise_postal_code('billing_zip') }} as postal_code,
        {{ postal_code_match_key('billing_zip') }} as postal_code_normalised,
        {{ normalise_country_code('billing_country_code') }} as country_code,
        {{ normalise_currency_code('currency') }} as currency_code,
        {{ normalise_category('status') }} as order_status,

        -- numbers
        {{ parse_amount('total_amount') }} as total_amount,

        -- timestamps
        {{ parse_timestamp('ordered_at') }} as ordered_at,

        -- raw values the repair notes compare against
        nullif(trim(billing_country_code), '') as country_raw,
        nullif(trim(currency), '') as currency_raw,
        nullif(trim(total_amount), '') as total_amount_raw,
        nullif(trim(ordered_at), '') as ordered_at_raw,

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
        {{ latest_version_rank(['order_id']) }} as version_rank
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
        order_id,
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
        currency_code,
        order_status,

        -- numbers
        total_amount,

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
        coalesce(order_status = 'paid', false) as is_paid,

        -- timestamps
        ordered_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['order_id']) }} as rejection_reason,
        {{ repair_notes([
            note_when("email is not null and is_email_junk", 'email: placeholder value'),
            note_when("email is not null and not is_email_junk and not is_email_valid", 'email: invalid address'),
            note_when("phone is not null and is_phone_junk", 'phone: placeholder value'),
            note_when("phone is not null and not is_phone_junk and phone_national_number_parsed is null and phone_e164_parsed is null", 'phone: not a phone number'),
            note_when("is_first_name_junk", 'billing_first_name: placeholder value'),
            note_when("is_last_name_junk", 'billing_last_name: placeholder value'),
            note_when("country_raw is not null and country_code is null", 'billing_country_code: unknown value'),
            note_when("currency_raw is not null and currency_code is null", 'currency: unknown value'),
            note_when("currency_raw is null", 'currency: missing value'),
            note_when("total_amount_raw is not null and total_amount is null", 'total_amount: not a number'),
            note_when("total_amount_raw is null", 'total_amount: missing value'),
            note_when("order_status is null", 'status: missing value'),
            note_when("order_status not in ('" ~ order_statuses | join("', '") ~ "')", 'status: unknown value'),
            note_when("ordered_at_raw is not null and ordered_at is null", 'ordered_at: unparseable timestamp'),
            note_when("ordered_at_raw is null", 'ordered_at: missing value'),
        ]) }} as repair_note

    from flagged

)

select * from final
