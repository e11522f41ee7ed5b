{#-
    Each customer's household: the customers at one postal address (street,
    postcode and country as the golden record holds them), the home a catalogue
    goes to. A customer without a golden address joins the household of the
    customers it shares an email or phone with, when every placed holder of that
    value lives at that one home (a family's email or landline; a store's email
    on every member's form points to many homes and places nobody). An address
    with more customers than households_max_customers is no one home (a care
    home, a business, a student hall): its customers get no household. Erased
    customers belong to none, so no household shows where they lived. The id is
    a hash of the address, stable while the address is.
-#}
with

erased as (

    select customer_id from {{ ref('int_customers_erased') }}

),

golden as (

    select
        golden.customer_id,
        case
            when golden.street is not null and golden.postal_code is not null
                then {{ dbt.concat([
                    "coalesce(golden.country_code, '')", "'|'",
                    "upper(replace(golden.postal_code, ' ', ''))", "'|'",
                    "lower(" ~ fold_accents('golden.street') ~ ")"
                ]) }}
        end as address_key
    from {{ ref('int_golden_records_assembled') }} as golden
    where golden.customer_id not in (select customer_id from erased)

),

address_sizes as (

    select
        address_key,
        count(*) as customer_count
    from golden
    where address_key is not null
    group by address_key

),

address_households as (

    select
        golden.customer_id,
        golden.address_key,
        {{ dbt.concat(["'hh_'", dbt.right(dbt.hash('golden.address_key'), '16')]) }} as household_id
    from golden
    inner join address_sizes
        on golden.address_key = address_sizes.address_key
    where address_sizes.customer_count <= {{ var('households_max_customers') }}

),

customer_values as (

    select distinct
        customer_ids.customer_id,
        identifiers.identifier_key
    from {{ ref('int_identifiers_unioned') }} as identifiers
    inner join {{ ref('int_customer_ids_assigned') }} as customer_ids
        on identifiers.record_key = customer_ids.record_key
    where
        {{ identifier_type_has('identifiers.identifier_type', 'is_household_shareable') }}
        and not identifiers.is_blocked
        and customer_ids.customer_id is not null

),

-- Emails and phones whose placed holders all live at one home.
value_homes as (

    select
        customer_values.identifier_key,
        min(address_households.household_id) as household_id
    from customer_values
    inner join address_households
        on customer_values.customer_id = address_households.customer_id
    group by customer_values.identifier_key
    having count(distinct address_households.household_id) = 1

),

-- Customers without an address household, and the home of the values they share.
value_households as (

    select
        unplaced.customer_id,
        min(value_homes.household_id) as household_id
    from golden as unplaced
    inner join customer_values as unplaced_values
        on unplaced.customer_id = unplaced_values.customer_id
    inner join value_homes
        on unplaced_values.identifier_key = value_homes.identifier_key
    where unplaced.customer_id not in (select customer_id from address_households)
    group by unplaced.customer_id
    having count(distinct value_homes.household_id) = 1

),

final as (

    select
        customer_id,
        household_id,
        'address' as household_basis
    from address_households
    union all
    select
        customer_id,
        household_id,
        'shared_email_or_phone' as household_basis
    from value_households

)

select * from final
