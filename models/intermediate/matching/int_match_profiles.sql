{#- One row per distinct matching profile, with how many records carry it. -#}
with

profile_records as (

    select * from {{ ref('int_match_profile_records') }}

),

final as (

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

)

select * from final
