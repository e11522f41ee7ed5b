-- An audience holds only customers granted for its purpose, not erased, with an address for the channel.
with

audiences as (

    select
        'email_marketing' as purpose,
        customer_id,
        email as address
    from {{ ref('audience_email_marketing') }}
    union all
    select
        'sms_marketing' as purpose,
        customer_id,
        phone
    from {{ ref('audience_sms_marketing') }}

)

select audiences.*
from audiences
inner join {{ ref('dim_customer') }} as customers
    on audiences.customer_id = customers.customer_id
left join {{ ref('customer_consent') }} as consent
    on audiences.customer_id = consent.customer_id and audiences.purpose = consent.purpose
where
    customers.is_erased
    or consent.is_granted is null
    or not consent.is_granted
    or audiences.address is null
    or (audiences.purpose = 'email_marketing' and not customers.is_email_valid)
    or (audiences.purpose = 'sms_marketing' and audiences.address not like '+%')
