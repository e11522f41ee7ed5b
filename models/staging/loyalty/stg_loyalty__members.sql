with

base as (

    select * from {{ ref('base_loyalty__members') }}
    where rejection_reason is null

),

final as (

    select
        -- ids
        loyalty_card_number,

        -- text
        full_name,
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
        signup_store,

        -- booleans
        is_email_valid,
        is_email_junk,
        is_phone_country_unknown,
        is_phone_junk,
        is_phone_valid,
        is_first_name_junk,
        is_last_name_junk,
        marketing_opt_in,

        -- dates
        birth_date,
        signup_date

    from base

)

select * from final
