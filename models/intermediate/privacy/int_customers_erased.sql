{#-
    Every erased customer: one that holds an identifier an erasure request named
    (on any of its records), or one of whose source records belonged to a
    customer erased before, as erasure_suppression_list remembers them; and the
    erased person's fragments, records the graph left apart: a customer all of
    whose person records carry an identifier of an erased customer's records
    (email, phone, card, payment token, cookie, device, …) with a name and birth
    date that do not conflict with that record (a household member on the
    family's email or landline conflicts, and keeps their data), or sit in the
    review band with an erased customer's records (`probable_fragment`: withheld
    until a steward decides). A customer with no person record (a payment card's
    sales) is a fragment when a record carries such an identifier.

    Erasure is irreversible: the suppression list only ever stores requests dated on or
    before the as_of_date of the run that stored them (contract reading 1), and every
    stored request stays in force, so a later run at an earlier as_of_date (a backfill)
    never brings an erased person's data back.
-#}
with

suppressed as (

    select
        hash_kind,
        hashed_type,
        value_hash,
        erasure_request_id,
        requested_at
    from {{ ref('erasure_suppression_list') }}
    where hash_kind in ('requested_subject', 'source_record')

),

resolved_records as (

    select
        customer_id,
        record_key,
        source_table,
        source_record_id,
        is_person_record,
        {{ name_signature_columns() }},
        birth_date,
        phone_e164
    from {{ ref('int_customer_records') }}

),

identifiers as (

    select
        record_key,
        identifier_type,
        identifier_value
    from {{ ref('int_identifiers_unioned') }}
    where
        not is_blocked
        and {{ identifier_type_has('identifier_type', 'is_erasure_subject') }}

),

identifier_hashes as (

    select distinct
        resolved_records.customer_id,
        identifiers.identifier_type as hashed_type,
        {{ salted_hash(dbt.concat(['identifiers.identifier_type', "':'", 'identifiers.identifier_value'])) }}
            as value_hash
    from identifiers
    inner join resolved_records
        on identifiers.record_key = resolved_records.record_key
    union
    -- A phone subject written without '+' (`1-281-555-3163`) names the E.164 digits.
    select
        customer_id,
        'phone' as hashed_type,
        {{ salted_hash(dbt.concat(["'phone:'", 'substr(phone_e164, 2)'])) }} as value_hash
    from resolved_records
    where phone_e164 is not null

),

record_hashes as (

    select
        customer_id,
        source_table as hashed_type,
        {{ salted_hash(dbt.concat(['source_table', "':'", 'source_record_id'])) }} as value_hash
    from resolved_records

),

matches as (

    select
        identifier_hashes.customer_id,
        suppressed.erasure_request_id,
        suppressed.requested_at
    from identifier_hashes
    inner join suppressed
        on
            suppressed.hash_kind = 'requested_subject'
            and identifier_hashes.hashed_type = suppressed.hashed_type
            and identifier_hashes.value_hash = suppressed.value_hash
    union all
    select
        record_hashes.customer_id,
        suppressed.erasure_request_id,
        suppressed.requested_at
    from record_hashes
    inner join suppressed
        on
            suppressed.hash_kind = 'source_record'
            and record_hashes.hashed_type = suppressed.hashed_type
            and record_hashes.value_hash = suppressed.value_hash

),

ranked as (

    select
        *,
        row_number() over (partition by customer_id order by requested_at, erasure_request_id) as request_rank
    from matches

),

requested as (

    select
        customer_id,
        erasure_request_id,
        requested_at as erased_at
    from ranked
    where request_rank = 1

),

erased_records as (

    select
        requested.customer_id,
        requested.erasure_request_id,
        requested.erased_at,
        resolved_records.record_key,
        resolved_records.is_person_record,
        {{ name_signature_columns('resolved_records') }},
        resolved_records.birth_date
    from requested
    inner join resolved_records
        on requested.customer_id = resolved_records.customer_id

),

-- Other customers' records that carry an identifier of an erased record and could be that
-- person (no conflicting name or birth date).
identifier_fragments as (

    select distinct
        record_key,
        erasure_request_id,
        erased_at
    from (
        -- Each erased record (l) and holder (r), with their name relations selected once.
        select
            r.record_key,
            l.erasure_request_id,
            l.erased_at,
            {{ name_relation_columns('l', 'r') }}
        from erased_records as l
        inner join {{ ref('int_identifiers_unioned') }} as erased_identifiers
            on l.record_key = erased_identifiers.record_key and not erased_identifiers.is_blocked
        inner join {{ ref('int_identifiers_unioned') }} as holder_identifiers
            on
                erased_identifiers.identifier_key = holder_identifiers.identifier_key
                and erased_identifiers.record_key <> holder_identifiers.record_key
        inner join resolved_records as r
            on holder_identifiers.record_key = r.record_key
    ) as holder_pairs
    where not {{ signatures_conflict_of(
        name_relations_of(), tolerate_typos=true, typos_need_compatible_surnames=true
    ) }}

),

profile_records as (

    select
        record_key,
        profile_key
    from {{ ref('int_match_profile_records') }}

),

review_pairs as (

    select
        left_profile_key as profile_key,
        right_profile_key as other_profile_key
    from {{ ref('int_match_links_decided') }}
    where is_for_review
    union all
    select
        right_profile_key as profile_key,
        left_profile_key as other_profile_key
    from {{ ref('int_match_links_decided') }}
    where is_for_review

),

-- Records scored in the review band against an erased record: probably the same person.
review_fragments as (

    select distinct
        other_records.record_key,
        erased_records.erasure_request_id,
        erased_records.erased_at
    from erased_records
    inner join profile_records as erased_profiles
        on erased_records.record_key = erased_profiles.record_key
    inner join review_pairs
        on erased_profiles.profile_key = review_pairs.profile_key
    inner join profile_records as other_records
        on review_pairs.other_profile_key = other_records.profile_key

),

fragment_records as (

    select
        record_key,
        erasure_request_id,
        erased_at,
        'fragment' as erasure_basis
    from identifier_fragments
    union all
    select
        record_key,
        erasure_request_id,
        erased_at,
        'probable_fragment' as erasure_basis
    from review_fragments

),

customer_records as (

    select
        resolved_records.customer_id,
        resolved_records.record_key,
        resolved_records.is_person_record,
        fragment_records.erasure_request_id,
        fragment_records.erased_at,
        fragment_records.erasure_basis
    from resolved_records
    left join fragment_records
        on resolved_records.record_key = fragment_records.record_key
    where resolved_records.customer_id not in (select customer_id from requested)

),

-- Every person record of the customer is a fragment (or, with none, some record is).
fragment_customers as (

    select customer_id
    from customer_records
    group by customer_id
    having
        sum(case when is_person_record and erasure_basis is null then 1 else 0 end) = 0
        and count(erasure_basis) > 0

),

fragments_ranked as (

    select
        customer_records.customer_id,
        customer_records.erasure_request_id,
        customer_records.erased_at,
        customer_records.erasure_basis,
        row_number() over (
            partition by customer_records.customer_id
            order by
                case when customer_records.erasure_basis = 'fragment' then 0 else 1 end,
                customer_records.erased_at,
                customer_records.erasure_request_id
        ) as basis_rank
    from customer_records
    inner join fragment_customers
        on customer_records.customer_id = fragment_customers.customer_id
    where customer_records.erasure_basis is not null

),

final as (

    select
        customer_id,
        erasure_request_id,
        erased_at,
        'request' as erasure_basis
    from requested
    union all
    select
        customer_id,
        erasure_request_id,
        erased_at,
        erasure_basis
    from fragments_ranked
    where basis_rank = 1

)

select * from final
