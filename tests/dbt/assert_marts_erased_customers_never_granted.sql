-- An erased customer's consent is withdrawn for every purpose, never granted (contract reading 11).
select
    consent.customer_id,
    consent.purpose,
    consent.status
from {{ ref('customer_consent') }} as consent
inner join {{ ref('dim_customer') }} as customers
    on consent.customer_id = customers.customer_id
where customers.is_erased and (consent.is_granted or consent.status <> 'withdrawn')
