{#-
    One row per distinct matching profile, with how many records carry it,
    whether its phone is a mobile, and whether its email or phone is a
    household's: an agreeing household value does not say which family member
    a record is. A value is a household's when the person records carrying it
    go by two or more given names (initials aside): whoever the data comes from,
    that is what a family email or a landline looks like. An email whose local
    part names a household (int_email_local_parts_read) is one too.
-#}
with

profile_records as (

    select * from {{ ref('int_match_profile_records') }}

),

household_emails as (

    select identifier_value as email_match_key
    from {{ ref('int_email_local_parts_read') }}
    where household_email_reason is not null
    union
    select email_match_key
    from profile_records
    where email_match_key is not null and length(first_name_canonical) > 1
    group by email_match_key
    having count(distinct first_name_canonical) > 1

),

household_phones as (

    select phone_national_number
    from profile_records
    where phone_national_number is not null and length(first_name_canonical) > 1
    group by phone_national_number
    having count(distinct first_name_canonical) > 1

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
        household_emails.email_match_key is not null as is_household_email,
        household_phones.phone_national_number is not null as is_household_phone
    from profiles
    left join household_emails
        on profiles.email_match_key = household_emails.email_match_key
    left join household_phones
        on profiles.phone_national_number = household_phones.phone_national_number

)

select * from final
