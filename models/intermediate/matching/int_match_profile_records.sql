{#-
    Person records in matching form, each with its profile: the hash of the
    attributes matching compares. Records with identical attributes (a
    customer's repeated orders) share a profile and are scored once.
-#}
with

records as (

    select
        *,
        birth_date is null and email_match_key is null and phone_national_number is null
        and postal_code_normalised is null and street is null as is_name_only
    from {{ ref('int_source_records') }}
    where is_person_record

),

prepared as (

    select
        records.record_key,
        {{ name_signature_columns('records') }},
        {{ name_signature_columns('records', column_prefix='given_order_') }},
        records.birth_date,
        records.email_match_key,
        records.phone_national_number,
        records.is_mobile_phone,
        records.postal_code_normalised,
        nullif(lower({{ fold_accents('records.city') }}), '') as city_normalised,
        nullif(lower({{ fold_accents('records.street') }}), '') as street_normalised,
        records.is_name_only
    from records
    -- A profile needs a full name (no initials), or a name and something else, to be matched on
    -- at all. A full name alone is compared too: how rare it is decides (a loyalty card with only a
    -- name and an online account with the name and an address).
    where
        (length(records.first_name_normalised) >= 2 and length(records.last_name_normalised) >= 2)
        or (
            (records.first_name_normalised is not null or records.last_name_normalised is not null)
            and not records.is_name_only
        )

),

-- Records with the same attributes share a profile (a customer's repeated orders), except records
-- with a name alone: 500 tickets from 'John Smith' are no evidence of one person, so each is its
-- own profile and the scores decide.
final as (

    select
        *,
        {{ dbt.hash(dbt.concat([
            "case when is_name_only then " ~ dbt.concat(['record_key', "'|'"]) ~ " else '' end",
            "coalesce(first_name_normalised, '~')", "'|'",
            "coalesce(last_name_normalised, '~')", "'|'",
            "coalesce(" ~ dbt.cast('birth_date', dbt.type_string()) ~ ", '~')", "'|'",
            "coalesce(email_match_key, '~')", "'|'",
            "coalesce(phone_national_number, '~')", "'|'",
            "coalesce(postal_code_normalised, '~')", "'|'",
            "coalesce(city_normalised, '~')", "'|'",
            "coalesce(street_normalised, '~')"
        ])) }} as profile_key
    from prepared

)

select * from final
