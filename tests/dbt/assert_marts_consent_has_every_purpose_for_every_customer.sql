-- customer_consent: exactly one row per customer and purpose, all four purposes for every customer.
with

expected as (

    select
        customers.customer_id,
        purposes.purpose
    from {{ ref('dim_customer') }} as customers
    cross join {{ ref('consent_purposes') }} as purposes

),

actual as (

    select
        customer_id,
        purpose,
        count(*) as row_count
    from {{ ref('customer_consent') }}
    group by customer_id, purpose

)

select
    coalesce(expected.customer_id, actual.customer_id) as customer_id,
    coalesce(expected.purpose, actual.purpose) as purpose,
    actual.row_count
from expected
full outer join actual
    on expected.customer_id = actual.customer_id and expected.purpose = actual.purpose
where expected.customer_id is null or actual.customer_id is null or actual.row_count <> 1
