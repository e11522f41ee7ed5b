{#-
    The golden record of every resolved customer, before erasure: the winning
    candidate of each attribute group (int_golden_candidates_ranked), which
    record supplied it, and the customer's span and size over all its records
    (int_customers).
-#}
with

winners as (

    select * from {{ ref('int_golden_candidates_ranked') }}
    where survivor_rank = 1

),

customers as (

    select * from {{ ref('int_customers') }}

),

names as (
    select * from winners
    where attribute = 'name'
),

emails as (
    select * from winners
    where attribute = 'email'
),

phones as (
    select * from winners
    where attribute = 'phone'
),

-- An impossible birth date (before 1900, after as_of_date) is no birth date, even when it is the only one.
birth_dates as (
    select * from winners
    where attribute = 'birth_date' and is_valid
),

addresses as (
    select * from winners
    where attribute = 'address'
),

final as (

    select
        customers.customer_id,
        names.first_name,
        names.last_name,
        emails.email,
        phones.phone,
        addresses.street,
        addresses.city,
        addresses.postal_code,
        addresses.country_code,
        names.source_table as name_source_table,
        names.source_record_id as name_source_record_id,
        emails.source_table as email_source_table,
        emails.source_record_id as email_source_record_id,
        phones.source_table as phone_source_table,
        phones.source_record_id as phone_source_record_id,
        birth_dates.source_table as birth_date_source_table,
        birth_dates.source_record_id as birth_date_source_record_id,
        addresses.source_table as address_source_table,
        addresses.source_record_id as address_source_record_id,
        customers.source_record_count,
        emails.is_valid as is_email_valid,
        phones.is_preferred as is_phone_mobile,
        phones.is_inferred as is_phone_country_inferred,
        birth_dates.birth_date,
        customers.first_seen_at,
        customers.last_seen_at
    from customers
    left join names
        on customers.customer_id = names.customer_id
    left join emails
        on customers.customer_id = emails.customer_id
    left join phones
        on customers.customer_id = phones.customer_id
    left join birth_dates
        on customers.customer_id = birth_dates.customer_id
    left join addresses
        on customers.customer_id = addresses.customer_id

)

select * from final
