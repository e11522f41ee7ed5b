-- customer_segments has exactly the customers of dim_customer.
select coalesce(customers.customer_id, segments.customer_id) as customer_id
from {{ ref('dim_customer') }} as customers
full outer join {{ ref('customer_segments') }} as segments
    on customers.customer_id = segments.customer_id
where customers.customer_id is null or segments.customer_id is null
