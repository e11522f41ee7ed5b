{#-
    Every person-bearing source record, one row each, in one shape: the rows of
    `customer_crosswalk` and the inputs of matching and survivorship. A first
    name gets its canonical form from int_first_names_profiled (the formal name
    of a nickname, the common name a rare misspelling stands for). A record typed
    with an initial or no first name takes the one given name its own email
    starts or spells out ('S. Ehrhuber' at sebastian859@ is Sebastian), so that
    a family member's initial on a shared line is not read as anyone's. A garbled
    first name ('keivn', too rare to be a name, within two edits of it) takes the
    one given name the other records at its personal email and mobile go by. The
    names are also read in given-name order (`given_order_*`: 'Fonto Maria' typed
    surname first is Maria Fonto), which the guards compare.
-#}
with

records as (

    select * from {{ ref('int_source_records_unioned') }}

),

first_names as (

    select
        first_name,
        first_name_record_count,
        last_name_record_count,
        is_given_name,
        first_name_canonical,
        first_name_masculine_forms,
        first_name_canonical_masculine_forms
    from {{ ref('int_first_names_profiled') }}

),

initial_or_unnamed_with_email as (

    select
        record_key,
        email_match_key,
        first_name_normalised,
        last_name_normalised
    from records
    where
        is_person_record
        and email_match_key is not null
        and (first_name_normalised is null or length(first_name_normalised) = 1)

),

email_words as (

    {{ email_words('initial_or_unnamed_with_email', 'record_key', 'email_match_key') }}

),

household_emails as (

    select identifier_value as email_match_key
    from {{ ref('int_email_local_parts_read') }}
    where household_email_reason is not null

),

-- Words of the address typed as first names often enough ('thomas' counts, though also a surname).
email_first_names as (

    select distinct
        email_words.record_key,
        email_words.word as first_name,
        first_names.is_given_name
    from email_words
    inner join first_names
        on email_words.word = first_names.first_name
    where first_names.first_name_record_count >= {{ var('identity_given_name_min_records') }}

),

-- Exactly one first name in a personal address (thomas.sandrine.girelle@ names two), a given
-- name fitting the typed initial.
first_names_from_email as (

    select
        email_first_names.record_key,
        min(email_first_names.first_name) as first_name_normalised
    from email_first_names
    inner join initial_or_unnamed_with_email as records
        on email_first_names.record_key = records.record_key
    left join household_emails
        on records.email_match_key = household_emails.email_match_key
    where
        email_first_names.first_name <> coalesce(records.last_name_normalised, '')
        and household_emails.email_match_key is null
    group by email_first_names.record_key
    having
        count(*) = 1
        and min(case when email_first_names.is_given_name then 1 else 0 end) = 1
        and (
            max(records.first_name_normalised) is null
            or substr(min(email_first_names.first_name), 1, 1) = max(records.first_name_normalised)
        )

),

mobile_prefixes as (

    {{ mobile_prefixes() }}

),

mobile_phones as (

    select distinct records.phone_e164
    from records
    inner join mobile_prefixes
        on {{ phone_has_mobile_prefix('records.phone_e164', 'mobile_prefixes') }}

),

completed as (

    select
        records.record_key,
        records.source_table,
        records.source_record_id,
        records.is_person_record,
        records.first_name,
        records.last_name,
        coalesce(first_names_from_email.first_name_normalised, records.first_name_normalised)
            as first_name_normalised,
        first_names_from_email.record_key is not null as is_first_name_from_email,
        records.last_name_normalised,
        records.email,
        records.email_match_key,
        records.is_email_valid,
        records.phone,
        records.phone_e164,
        records.phone_national_number,
        -- A mobile reaches one person; a landline rings a household.
        mobile_phones.phone_e164 is not null as is_mobile_phone,
        records.birth_date,
        records.street,
        records.city,
        records.postal_code,
        records.postal_code_normalised,
        records.country_code,
        records.is_deleted,
        records.store_id,
        records.is_account_copy,
        records.first_seen_at,
        records.observed_at
    from records
    left join first_names_from_email
        on records.record_key = first_names_from_email.record_key
    left join mobile_phones
        on records.phone_e164 = mobile_phones.phone_e164

),

-- A person's own address and mobile (not a household's address or a landline).
personal_contacts as (

    select
        completed.record_key,
        {{ dbt.concat(["'email:'", 'completed.email_match_key']) }} as contact_key
    from completed
    left join household_emails
        on completed.email_match_key = household_emails.email_match_key
    where
        completed.is_person_record
        and completed.email_match_key is not null
        and household_emails.email_match_key is null
    union all
    select
        record_key,
        {{ dbt.concat(["'mobile:'", 'phone_national_number']) }} as contact_key
    from completed
    where is_person_record and is_mobile_phone

),

-- The one given name the records at a personal contact go by ('kevin' at kevin.smith@).
contact_given_names as (

    select
        personal_contacts.contact_key,
        min(first_names.first_name_canonical) as first_name_canonical
    from personal_contacts
    inner join completed
        on personal_contacts.record_key = completed.record_key
    inner join first_names
        on completed.first_name_normalised = first_names.first_name
    where first_names.is_given_name
    group by personal_contacts.contact_key
    having count(distinct first_names.first_name_canonical) = 1

),

-- The one given name a record's own contacts go by (its email's and its mobile's agree).
contact_names as (

    select
        personal_contacts.record_key,
        min(contact_given_names.first_name_canonical) as first_name_canonical
    from personal_contacts
    inner join contact_given_names
        on personal_contacts.contact_key = contact_given_names.contact_key
    group by personal_contacts.record_key
    having count(distinct contact_given_names.first_name_canonical) = 1

),

-- A garbled first name ('keivn', 'mzrj': too rare to be anyone's name) takes the name its contacts
-- go by, so that it agrees with that name.
canonical_names_from_contacts as (

    select
        completed.record_key,
        contact_names.first_name_canonical
    from completed
    inner join contact_names
        on completed.record_key = contact_names.record_key
    left join first_names
        on completed.first_name_normalised = first_names.first_name
    where
        length(completed.first_name_normalised) >= 2
        and coalesce(first_names.first_name_record_count, 0) < {{ var('identity_given_name_min_records') }}
        and coalesce(first_names.last_name_record_count, 0) < {{ var('identity_given_name_min_records') }}
        and contact_names.first_name_canonical
        <> coalesce(first_names.first_name_canonical, completed.first_name_normalised)
        -- Only a spelling within two edits of the contacts' name is that name garbled ('lda' at
        -- linda.s@, where Linda lives): a rare name far from it ('simone' on the family's
        -- casa.rinato@, where Anna also writes) is another person, whatever the data's name pool.
        and {{ levenshtein('completed.first_name_normalised', 'contact_names.first_name_canonical') }} <= 2

),

canonically_named as (

    select
        completed.*,
        canonical_names_from_contacts.record_key is not null as is_first_name_canonical_from_contacts,
        coalesce(
            canonical_names_from_contacts.first_name_canonical,
            first_names.first_name_canonical,
            completed.first_name_normalised
        ) as first_name_canonical
    from completed
    left join first_names
        on completed.first_name_normalised = first_names.first_name
    left join canonical_names_from_contacts
        on completed.record_key = canonical_names_from_contacts.record_key

),

-- Each name's masculine forms, computed once here so that the name rules downstream test a
-- feminine form by lookup (macro is_gender_variant).
gendered as (

    select
        *,
        {{ masculine_forms_columns() }}
    from canonically_named

),

-- The names read in given-name order ('Fonto Maria' is Maria Fonto), as the identity and matching
-- guards compare them, and whether that first name is a given name.
given_order_read as (

    select
        gendered.*,
        {{ names_in_given_order('gendered', prefix='given_order_') }},
        case
            when {{ is_written_surname_first('gendered.first_name_normalised', 'gendered.last_name_normalised') }}
                then coalesce(last_names.is_given_name, false)
            else coalesce(first_names.is_given_name, false)
        end as is_given_first_name
    from gendered
    left join first_names
        on gendered.first_name_normalised = first_names.first_name
    left join first_names as last_names
        on {{ last_word('gendered.last_name_normalised') }} = last_names.first_name

),

final as (

    select
        *,
        {{ given_order_last_name_masculine_forms('given_order_') }} as given_order_last_name_masculine_forms
    from given_order_read

)

select * from final
