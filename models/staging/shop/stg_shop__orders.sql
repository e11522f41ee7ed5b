with

base as (

    select * from {{ ref('base_shop__orders') }}
    where rejection_reason is null

),

final as (

    select
        -- ids
        order_id,
        shop_customer_id,

        -- text
        first_name,
        last_name,
        first_name_normalised,
        last_name_normalised,
        email,
        email_match_key,
        phone,
        phone_e164,
        phone_national_number,
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
        is_phone_country_unknown,
        is_phone_junk,
        is_phone_valid,
        is_first_name_junk,
        is_last_name_junk,
        is_paid,

        -- timestamps
        ordered_at

    from base

)

select * from final
