{#-
    Who may receive sms marketing at as_of_date: customers whose
    sms_marketing consent is granted, who are not erased, and who have
    a phone number in E.164 (dim_customer).
-#}
with

customers as (

    select * from {{ ref('dim_customer') }}

),

consent as (

    select * from {{ ref('customer_consent') }}
    where purpose = 'sms_marketing' and is_granted

),

final as (

    select
        cast(customers.customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(customers.phone as {{ dbt.type_string() }}) as phone,
        cast(customers.first_name as {{ dbt.type_string() }}) as first_name,
        cast(customers.last_name as {{ dbt.type_string() }}) as last_name,
        cast(consent.source_system as {{ dbt.type_string() }}) as consent_source_system,
        cast(consent.policy_version as {{ dbt.type_string() }}) as consent_policy_version,
        cast(consent.as_of_date as date) as as_of_date,
        cast(consent.captured_at as {{ dbt.type_timestamp() }}) as consent_captured_at
    from customers
    inner join consent
        on customers.customer_id = consent.customer_id
    where
        not customers.is_erased
        and customers.phone is not null

)

select * from final
