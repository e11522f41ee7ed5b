{#- An order has no updated_at: of two rows with one order_id the later in the file wins. -#}
{%- set order_statuses = ['paid', 'pending', 'cancelled', 'refunded'] -%}

with

source as (

    select * from {{ source('shop', 'shop_orders') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('shop', 'shop_orders') }},
        {{ exact_duplicate_rank('shop', 'shop_orders') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ clean_text('order_id') }} as order_id,
        {{ clean_text('customer_id') }} as shop_customer_id,

        -- text
        {{ person_name_columns('billing_first_name', 'billing_last_name') }},
        {{ person_contact_columns('email', 'phone') }},
        {{ person_address_columns('billing_address_line1', 'billing_city', 'billing_zip', 'billing_country_code') }},
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
        exact_duplicate_rank,
        raw_value_note,
        is_repeated_header_row

    from bounded

),

parsed as (

    select
        *,
        {{ latest_version_rank(['order_id']) }} as version_rank
    from renamed

),

{{ person_flag_ctes('parsed') }},

final as (

    select
        -- ids
        order_id,
        shop_customer_id,

        -- text
        {{ person_text_outputs() }},
        currency_code,
        order_status,

        -- numbers
        total_amount,

        -- booleans
        {{ person_flag_outputs() }},
        coalesce(order_status = 'paid', false) as is_paid,

        -- timestamps
        ordered_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['order_id']) }} as rejection_reason,
        {{ repair_notes(person_repair_notes() + [
            "raw_value_note",
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
