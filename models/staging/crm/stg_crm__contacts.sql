with

base as (

    select * from {{ ref('base_crm__contacts') }}
    where rejection_reason is null

),

final as (

    select
        -- ids
        contact_id,

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
        gender,
        street,
        city,
        postal_code,
        postal_code_normalised,
        country_code,

        -- booleans
        is_email_valid,
        is_email_junk,
        is_phone_country_unknown,
        is_phone_junk,
        is_phone_valid,
        is_first_name_junk,
        is_last_name_junk,
        is_deleted,

        -- dates
        birth_date,

        -- timestamps
        created_at,
        updated_at

    from base

)

select * from final
