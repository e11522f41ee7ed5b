{#-
    Every identifier an erased customer holds, as salted hashes: the values no
    mart may show for anyone. A family landline or email shared with an erased
    person is that person's data too, so it is withheld from the other holders'
    golden record, identifiers and snapshot as well. Phones are hashed both as
    identifier values (national numbers) and in E.164 (`phone_e164`), the form
    dim_customer shows.
-#}
with

erased as (

    select customer_id from {{ ref('int_customers_erased') }}

),

erased_records as (

    select
        customer_records.record_key,
        customer_records.phone_e164
    from {{ ref('int_customer_records') }} as customer_records
    inner join erased
        on customer_records.customer_id = erased.customer_id

),

identifiers as (

    select
        identifiers.identifier_type as hashed_type,
        identifiers.identifier_value as hashed_value
    from {{ ref('int_identifiers_unioned') }} as identifiers
    inner join erased_records
        on identifiers.record_key = erased_records.record_key
    where not identifiers.is_blocked

),

e164_phones as (

    select
        'phone_e164' as hashed_type,
        phone_e164 as hashed_value
    from erased_records
    where phone_e164 is not null

),

unioned as (

    select * from identifiers
    union all
    select * from e164_phones

),

final as (

    select distinct
        hashed_type,
        {{ salted_hash(dbt.concat(['hashed_type', "':'", 'hashed_value'])) }} as value_hash
    from unioned

)

select * from final
