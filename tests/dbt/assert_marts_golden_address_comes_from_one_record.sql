-- dim_customer's street, city, postal code and country are those of the one record address_source_* names.
select customers.customer_id
from {{ ref('dim_customer') }} as customers
left join {{ ref('int_source_records') }} as records
    on
        customers.address_source_table = records.source_table
        and customers.address_source_record_id = records.source_record_id
where
    not customers.is_erased
    and customers.address_source_record_id is not null
    and (
        records.source_table is null
        or coalesce(customers.street, '') <> coalesce(records.street, '')
        or coalesce(customers.city, '') <> coalesce(records.city, '')
        or coalesce(customers.postal_code, '') <> coalesce(records.postal_code, '')
        or coalesce(customers.country_code, '') <> coalesce(records.country_code, '')
    )
