{#-
    Every value a customer's records offer for each golden attribute group, with
    the facts survivorship ranks them on (int_golden_candidates_ranked). One row
    per customer, attribute group and supplying record. Groups whose fields must
    come together come from one record: `name` (first and last name) and
    `address` (street, city, postal code, country).

    A record supplies an attribute only when seeds/golden/survivorship_rules.csv
    lists its source table for it; a soft-deleted CRM contact never supplies
    anything. Its `confirms_value` says whether the record's time also counts as
    a confirmation of the value (confirmed_at): a name parsed from a free-text
    full name (loyalty form, ticket) is offered but confirms nothing. An order
    placed from a shop account carries the account's email: it repeats that
    email (is_repeated), so it neither confirms nor supports it.

    Phones are kept only in E.164: a national number on a record with no country
    takes the country of the customer's other records when they name exactly one
    (int_customer_phones_resolved), else it is not a candidate. An email or phone
    an erased customer holds is no one's candidate (int_erased_identifiers_hashed).
-#}
with

rules as (

    select
        attribute,
        source_table,
        trust_rank,
        confirms_value
    from {{ ref('survivorship_rules') }}

),

resolved_phones as (

    select * from {{ ref('int_customer_phones_resolved') }}
    where not is_deleted

),

-- Values an erased customer holds are nobody's golden value (a landline shared with them too).
erased_identifiers as (

    select
        hashed_type,
        value_hash
    from {{ ref('int_erased_identifiers_hashed') }}

),

mobile_prefixes as (

    {{ mobile_prefixes() }}

),

nicknames as (

    select distinct
        lower(nickname) as nickname,
        lower(canonical_name) as canonical_name
    from {{ ref('nicknames') }}

),

customer_records as (

    select * from {{ ref('int_customer_records') }}
    where is_person_record and not coalesce(is_deleted, false)

),

-- Names ------------------------------------------------------------------------------------

name_values as (

    select
        customer_id,
        source_table,
        source_record_id,
        first_name_normalised,
        last_name_normalised,
        observed_at
    from customer_records
    where first_name is not null or last_name is not null

),

-- Each customer's distinct spellings of a name: the rules below compare spellings, not records, so
-- their cost grows with the names a customer goes by, not with the square of their records. Keys
-- are coalesced to '' (a normalised name is never empty) so that a missing name joins too.
name_spellings as (

    select
        name_values.customer_id,
        name_values.first_name_normalised,
        name_values.last_name_normalised,
        coalesce(name_values.first_name_normalised, '') as first_name_key,
        coalesce(name_values.last_name_normalised, '') as last_name_key,
        max(case when rules.confirms_value then name_values.observed_at end) as confirmed_at,
        max(case when rules.confirms_value then 1 else 0 end) = 1 as is_confirming
    from name_values
    left join rules
        on rules.attribute = 'name' and name_values.source_table = rules.source_table
    group by
        name_values.customer_id,
        name_values.first_name_normalised,
        name_values.last_name_normalised

),

-- A surname is confirmed each time a confirming record carries it in any spelling: alike, a
-- typo away (one edit, two from four letters), one compound surname shortened to its first
-- part, or first and last name typed into each other's boxes. The latest is the name the
-- customer goes by now (a married name over a maiden one).
name_confirmations as (

    select
        candidate.customer_id,
        candidate.first_name_key,
        candidate.last_name_key,
        max(spelling.confirmed_at) as confirmed_at
    from name_spellings as candidate
    inner join name_spellings as spelling
        on candidate.customer_id = spelling.customer_id
    where
        spelling.is_confirming
        and candidate.last_name_normalised is not null
        and spelling.last_name_normalised is not null
        and (
            candidate.last_name_normalised = spelling.last_name_normalised
            or {{ levenshtein('candidate.last_name_normalised', 'spelling.last_name_normalised') }}
            <= case
                when least(length(candidate.last_name_normalised), length(spelling.last_name_normalised)) >= 4
                    then 2
                else 1
            end
            or spelling.last_name_normalised like {{ dbt.concat(['candidate.last_name_normalised', "' %'"]) }}
            or candidate.last_name_normalised like {{ dbt.concat(['spelling.last_name_normalised', "' %'"]) }}
            or (
                candidate.last_name_normalised = spelling.first_name_normalised
                and candidate.first_name_normalised = spelling.last_name_normalised
            )
        )
    group by candidate.customer_id, candidate.first_name_key, candidate.last_name_key

),

-- A short form loses to the full one the customer also gives: a nickname (nicknames seed) to the
-- first name it stands for, a compound surname's first part to the whole compound.
names_shortened as (

    select distinct
        candidate.customer_id,
        candidate.first_name_key,
        candidate.last_name_key
    from name_spellings as candidate
    inner join name_spellings as other
        on candidate.customer_id = other.customer_id
    left join nicknames
        on
            candidate.first_name_normalised = nicknames.nickname
            and other.first_name_normalised = nicknames.canonical_name
    where
        nicknames.nickname is not null
        or other.last_name_normalised like {{ dbt.concat(['candidate.last_name_normalised', "' %'"]) }}

),

-- How many customers spell a first or last name this way: a typo is one person's alone.
first_name_spellings as (

    select
        first_name_normalised,
        count(distinct customer_id) as customer_count
    from customer_records
    where first_name_normalised is not null
    group by first_name_normalised

),

last_name_spellings as (

    select
        last_name_normalised,
        count(distinct customer_id) as customer_count
    from customer_records
    where last_name_normalised is not null
    group by last_name_normalised

),

name_candidates as (

    select
        customer_records.customer_id,
        'name' as attribute,
        customer_records.source_table,
        customer_records.source_record_id,
        customer_records.first_name,
        customer_records.last_name,
        cast(null as {{ dbt.type_string() }}) as email,
        cast(null as {{ dbt.type_string() }}) as phone,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as country_code,
        -- A name typed as a name: not an initial ("j."), not all upper or all lower case.
        (
            customer_records.first_name is not null
            and length(replace(customer_records.first_name, '.', '')) > 1
            and upper(customer_records.first_name) <> lower(customer_records.first_name)
            and customer_records.first_name <> upper(customer_records.first_name)
            and customer_records.first_name <> lower(customer_records.first_name)
            and (
                customer_records.last_name is null
                or (
                    customer_records.last_name <> upper(customer_records.last_name)
                    and customer_records.last_name <> lower(customer_records.last_name)
                )
            )
        ) as is_valid,
        names_shortened.customer_id is null as is_preferred,
        false as is_inferred,
        false as is_repeated,
        name_confirmations.confirmed_at,
        ln(1 + coalesce(first_name_spellings.customer_count, 0))
        + ln(1 + coalesce(last_name_spellings.customer_count, 0)) as spelling_score,
        customer_records.observed_at,
        (case when customer_records.first_name is not null then 1 else 0 end)
        + (case when customer_records.last_name is not null then 1 else 0 end) as completeness
    from customer_records
    left join name_confirmations
        on
            customer_records.customer_id = name_confirmations.customer_id
            and coalesce(customer_records.first_name_normalised, '') = name_confirmations.first_name_key
            and coalesce(customer_records.last_name_normalised, '') = name_confirmations.last_name_key
    left join names_shortened
        on
            customer_records.customer_id = names_shortened.customer_id
            and coalesce(customer_records.first_name_normalised, '') = names_shortened.first_name_key
            and coalesce(customer_records.last_name_normalised, '') = names_shortened.last_name_key
    left join first_name_spellings
        on customer_records.first_name_normalised = first_name_spellings.first_name_normalised
    left join last_name_spellings
        on customer_records.last_name_normalised = last_name_spellings.last_name_normalised
    where customer_records.first_name is not null or customer_records.last_name is not null

),

-- Emails -----------------------------------------------------------------------------------

-- The records that state an email themselves (not an order repeating its account's email).
email_statements as (

    select
        customer_records.customer_id,
        customer_records.email_match_key,
        customer_records.observed_at
    from customer_records
    inner join rules
        on rules.attribute = 'email' and customer_records.source_table = rules.source_table
    where
        customer_records.email_match_key is not null
        and rules.confirms_value
        and not customer_records.is_account_copy

),

email_seen as (

    select
        customer_id,
        email_match_key,
        max(observed_at) as seen_at
    from email_statements
    group by customer_id, email_match_key

),

customer_emails as (

    select distinct
        customer_id,
        email_match_key,
        {{ regexp_replace_all(dbt.split_part('email_match_key', "'@'", 1), '[^a-z]', '') }} as local_letters
    from customer_records
    where email_match_key is not null

),

-- Spellings of one address: alike or a misspelling of it (two edits or fewer, three in an
-- address over 15 characters).
email_spellings_of_address as (

    select
        address.customer_id,
        address.email_match_key,
        spelling.email_match_key as spelling_match_key
    from customer_emails as address
    inner join customer_emails as spelling
        on
            address.customer_id = spelling.customer_id
            and (
                address.email_match_key = spelling.email_match_key
                or {{ levenshtein('address.email_match_key', 'spelling.email_match_key') }}
                <= case when length(address.email_match_key) > 15 then 3 else 2 end
            )

),

-- A misspelling confirms the address it misspells: the latest order typed with a typo still
-- confirms the address, and support and spelling then prefer its usual spelling.
email_confirmations as (

    select
        address.customer_id,
        address.email_match_key,
        max(email_seen.seen_at) as confirmed_at
    from email_spellings_of_address as address
    inner join email_seen
        on
            address.customer_id = email_seen.customer_id
            and address.spelling_match_key = email_seen.email_match_key
    group by address.customer_id, address.email_match_key

),

-- An address several customers give (a household's, a store clerk's typed on customers' forms)
-- reaches the household, not the person: a personal one is preferred, as a mobile over a landline.
-- A misspelling of a shared address is that shared address too.
email_holders as (

    select
        email_match_key,
        count(distinct customer_id) as customer_count
    from customer_records
    where email_match_key is not null
    group by email_match_key

),

email_sharing as (

    select
        address.customer_id,
        address.email_match_key,
        max(email_holders.customer_count) as holder_count
    from email_spellings_of_address as address
    inner join email_holders
        on address.spelling_match_key = email_holders.email_match_key
    group by address.customer_id, address.email_match_key

),

-- The customer's first and last names (letters only, three or more), to find in an address.
customer_name_parts as (

    select distinct
        customer_id,
        {{ regexp_replace_all('first_name_normalised', '[^a-z]', '') }} as name_part
    from customer_records
    where first_name_normalised is not null
    union
    select distinct
        customer_id,
        {{ regexp_replace_all('last_name_normalised', '[^a-z]', '') }} as name_part
    from customer_records
    where last_name_normalised is not null

),

-- Of two spellings of one address, the one that spells the customer's name is the right one
-- (`michael48@` for Michael, not `mivhael48@`).
email_spellings as (

    select
        customer_emails.customer_id,
        customer_emails.email_match_key,
        count(distinct customer_name_parts.name_part) as name_part_count
    from customer_emails
    left join customer_name_parts
        on
            customer_emails.customer_id = customer_name_parts.customer_id
            and length(customer_name_parts.name_part) >= 3
            and {{ dbt.position('customer_name_parts.name_part', 'customer_emails.local_letters') }} > 0
    group by customer_emails.customer_id, customer_emails.email_match_key

),

email_candidates as (

    select
        customer_records.customer_id,
        'email' as attribute,
        customer_records.source_table,
        customer_records.source_record_id,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        -- The canonical address: lower case, +tag dropped, known domain misspellings corrected.
        customer_records.email_match_key as email,
        cast(null as {{ dbt.type_string() }}) as phone,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as country_code,
        coalesce(customer_records.is_email_valid, false) as is_valid,
        email_sharing.holder_count = 1 as is_preferred,
        false as is_inferred,
        customer_records.is_account_copy as is_repeated,
        email_confirmations.confirmed_at,
        cast(email_spellings.name_part_count as {{ dbt.type_float() }}) as spelling_score,
        customer_records.observed_at,
        1 as completeness
    from customer_records
    inner join email_sharing
        on
            customer_records.customer_id = email_sharing.customer_id
            and customer_records.email_match_key = email_sharing.email_match_key
    left join email_confirmations
        on
            customer_records.customer_id = email_confirmations.customer_id
            and customer_records.email_match_key = email_confirmations.email_match_key
    left join email_spellings
        on
            customer_records.customer_id = email_spellings.customer_id
            and customer_records.email_match_key = email_spellings.email_match_key
    left join erased_identifiers
        on
            erased_identifiers.hashed_type = 'email'
            and erased_identifiers.value_hash
            = {{ salted_hash(dbt.concat(["'email:'", 'customer_records.email_match_key'])) }}
    -- No match key: staging found a placeholder (`n/a`, `none@none.com`), not an address.
    where customer_records.email_match_key is not null and erased_identifiers.value_hash is null

),

-- Phones -----------------------------------------------------------------------------------

-- A mobile beats a landline: it reaches the person, not the household.
mobile_phones as (

    select distinct resolved_phones.phone_e164 as phone
    from resolved_phones
    inner join mobile_prefixes
        on {{ phone_has_mobile_prefix('resolved_phones.phone_e164', 'mobile_prefixes') }}

),

phone_candidates as (

    select
        resolved_phones.customer_id,
        'phone' as attribute,
        resolved_phones.source_table,
        resolved_phones.source_record_id,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        cast(null as {{ dbt.type_string() }}) as email,
        resolved_phones.phone_e164 as phone,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as country_code,
        true as is_valid,
        mobile_phones.phone is not null as is_preferred,
        resolved_phones.is_inferred,
        false as is_repeated,
        cast(null as {{ dbt.type_timestamp() }}) as confirmed_at,
        cast(null as {{ dbt.type_float() }}) as spelling_score,
        resolved_phones.observed_at,
        1 as completeness
    from resolved_phones
    left join mobile_phones
        on resolved_phones.phone_e164 = mobile_phones.phone
    -- Two equi-joins, not one join on an OR: an OR makes every phone meet every erased value.
    left join erased_identifiers as erased_numbers
        on
            erased_numbers.hashed_type = 'phone'
            and erased_numbers.value_hash
            = {{ salted_hash(dbt.concat(["'phone:'", 'resolved_phones.staged_national_number'])) }}
    left join erased_identifiers as erased_e164_numbers
        on
            erased_e164_numbers.hashed_type = 'phone_e164'
            and erased_e164_numbers.value_hash
            = {{ salted_hash(dbt.concat(["'phone_e164:'", 'resolved_phones.phone_e164'])) }}
    where
        resolved_phones.phone_e164 is not null
        and erased_numbers.value_hash is null
        and erased_e164_numbers.value_hash is null

),

-- Birth dates and addresses ----------------------------------------------------------------

birth_date_candidates as (

    select
        customer_id,
        'birth_date' as attribute,
        source_table,
        source_record_id,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        cast(null as {{ dbt.type_string() }}) as email,
        cast(null as {{ dbt.type_string() }}) as phone,
        birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as country_code,
        (birth_date >= cast('1900-01-01' as date) and birth_date <= {{ as_of_date() }}) as is_valid,
        false as is_preferred,
        false as is_inferred,
        false as is_repeated,
        cast(null as {{ dbt.type_timestamp() }}) as confirmed_at,
        cast(null as {{ dbt.type_float() }}) as spelling_score,
        observed_at,
        1 as completeness
    from customer_records
    where birth_date is not null

),

address_values as (

    select
        *,
        -- An address is its country and postal code, leading zeros aside, in any spelling.
        {{ dbt.concat([
            "coalesce(country_code, '')", "'|'",
            regexp_replace_all("coalesce(postal_code_normalised, '')", '^0+', '')]) }} as address_key
    from customer_records
    where street is not null or city is not null or postal_code is not null or country_code is not null

),

-- The latest time a confirming record carried the address: where the customer lives now.
address_confirmations as (

    select
        address_values.customer_id,
        address_values.address_key,
        max(address_values.observed_at) as confirmed_at
    from address_values
    inner join rules
        on rules.attribute = 'address' and address_values.source_table = rules.source_table
    where rules.confirms_value
    group by address_values.customer_id, address_values.address_key

),

address_candidates as (

    select
        address_values.customer_id,
        'address' as attribute,
        address_values.source_table,
        address_values.source_record_id,
        cast(null as {{ dbt.type_string() }}) as first_name,
        cast(null as {{ dbt.type_string() }}) as last_name,
        cast(null as {{ dbt.type_string() }}) as email,
        cast(null as {{ dbt.type_string() }}) as phone,
        cast(null as date) as birth_date,
        address_values.street,
        address_values.city,
        address_values.postal_code,
        address_values.country_code,
        (
            address_values.street is not null
            and address_values.city is not null
            and address_values.postal_code is not null
        ) as is_valid,
        false as is_preferred,
        false as is_inferred,
        false as is_repeated,
        address_confirmations.confirmed_at,
        cast(null as {{ dbt.type_float() }}) as spelling_score,
        address_values.observed_at,
        (case when address_values.street is not null then 1 else 0 end)
        + (case when address_values.city is not null then 1 else 0 end)
        + (case when address_values.postal_code is not null then 1 else 0 end)
        + (case when address_values.country_code is not null then 1 else 0 end) as completeness
    from address_values
    left join address_confirmations
        on
            address_values.customer_id = address_confirmations.customer_id
            and address_values.address_key = address_confirmations.address_key

),

unioned as (

    select * from name_candidates
    union all
    select * from email_candidates
    union all
    select * from phone_candidates
    union all
    select * from birth_date_candidates
    union all
    select * from address_candidates

),

-- How many of the customer's records offer the same value: a value typed alike on several
-- records is confirmed, a one-off typo is not. A record repeating another's value (an order's
-- copy of its account's email) adds no support.
supported as (

    select
        *,
        count(case when not is_repeated then 1 end) over (
            partition by
                customer_id,
                attribute,
                coalesce(lower(first_name), ''),
                coalesce(lower(last_name), ''),
                coalesce(email, ''),
                coalesce(phone, ''),
                coalesce(cast(birth_date as {{ dbt.type_string() }}), ''),
                coalesce(street, ''),
                coalesce(city, ''),
                coalesce(postal_code, ''),
                coalesce(country_code, '')
        ) as support_count
    from unioned

),

final as (

    select
        supported.customer_id,
        supported.attribute,
        supported.source_table,
        supported.source_record_id,
        supported.first_name,
        supported.last_name,
        supported.email,
        supported.phone,
        supported.street,
        supported.city,
        supported.postal_code,
        supported.country_code,
        rules.trust_rank,
        supported.support_count,
        supported.completeness,
        supported.spelling_score,
        supported.is_valid,
        supported.is_preferred,
        supported.is_inferred,
        supported.is_repeated,
        supported.birth_date,
        supported.confirmed_at,
        supported.observed_at
    from supported
    inner join rules
        on supported.attribute = rules.attribute and supported.source_table = rules.source_table

)

select * from final
