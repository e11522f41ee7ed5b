{#-
    One row per distinct matching profile, with how many records carry it,
    whether its phone is a mobile (a landline rings a household), and
    whether its email is a household's (int_email_local_parts_read): an
    agreeing household email does not say which family member a record is.
-#}
with

profile_records as (

    select * from {{ ref('int_match_profile_records') }}

),

household_emails as (

    select identifier_value as email_match_key
    from {{ ref('int_email_local_parts_read') }}
    where household_email_reason is not null

),

profiles as (

    select
        profile_key,
        first_name_normalised,
        first_name_canonical,
        last_name_normalised,
        birth_date,
        email_match_key,
        phone_national_number,
        postal_code_normalised,
        city_normalised,
        street_normalised,
        max(case when is_mobile_phone then 1 else 0 end) = 1 as is_mobile_phone,
        count(*) as record_count
    from profile_records
    group by
        profile_key,
        first_name_normalised,
        first_name_canonical,
        last_name_normalised,
        birth_date,
        email_match_key,
        phone_national_number,
        postal_code_normalised,
        city_normalised,
        street_normalised

),

final as (

    select
        profiles.*,
        household_emails.email_match_key is not null as is_household_email
    from profiles
    left join household_emails
        on profiles.email_match_key = household_emails.email_match_key

)

select * from final
