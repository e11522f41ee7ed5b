{#-
    One row per distinct matching profile, with how many records carry it,
    whether its phone is a mobile, and whether its email or phone is a
    household's: an agreeing household value does not say which family member
    a record is. A value is a household's when the person records carrying it
    go by two given names that are not one name (not a typo, a nickname or a
    word of the other; initials aside): whoever the data comes from, that is
    what a family email or a landline looks like. An email whose local
    part names a household (int_email_local_parts_read) is one too.
-#}
with

profile_records as (

    select * from {{ ref('int_match_profile_records') }}

),

-- The distinct given names each email and phone goes by (initials aside).
value_names as (

    select distinct
        'email' as value_type,
        email_match_key as value_key,
        first_name_canonical as given_name,
        first_name_canonical_masculine_forms as given_name_masculine_forms
    from profile_records
    where email_match_key is not null and length(first_name_canonical) > 1
    union all
    select distinct
        'phone' as value_type,
        phone_national_number as value_key,
        first_name_canonical as given_name,
        first_name_canonical_masculine_forms as given_name_masculine_forms
    from profile_records
    where phone_national_number is not null and length(first_name_canonical) > 1

),

-- Values whose records go by two names that are not one name (a typo, a word of a double
-- given name: 'jose' and 'jose luis' are one person's).
household_values as (

    select distinct
        left_names.value_type,
        left_names.value_key
    from value_names as left_names
    inner join value_names as right_names
        on
            left_names.value_type = right_names.value_type
            and left_names.value_key = right_names.value_key
            and left_names.given_name < right_names.given_name
    where
        {%- set names = ['left_names.given_name', 'right_names.given_name'] %}
        {%- set forms = ['left_names.given_name_masculine_forms', 'right_names.given_name_masculine_forms'] %}
        not coalesce({{ names_agree(names[0], names[1], left_forms=forms[0], right_forms=forms[1]) }}, false)
        and not {{ first_names_mistyped(names[0], names[1], forms[0], forms[1]) }}

),

household_emails as (

    select identifier_value as email_match_key
    from {{ ref('int_email_local_parts_read') }}
    where household_email_reason is not null
    union
    select value_key as email_match_key
    from household_values
    where value_type = 'email'

),

household_phones as (

    select value_key as phone_national_number
    from household_values
    where value_type = 'phone'

),

profiles as (

    select
        profile_key,
        {{ name_signature_columns() }},
        {{ name_signature_columns(column_prefix='given_order_') }},
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
        {{ name_signature_columns() }},
        {{ name_signature_columns(column_prefix='given_order_') }},
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
