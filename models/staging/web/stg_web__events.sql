with

base as (

    select * from {{ ref('base_web__events') }}
    where rejection_reason is null

),

final as (

    select
        -- ids
        event_id,
        anonymous_id,
        shop_customer_id,
        device_id,
        order_id,

        -- text
        event_type,
        email,
        email_match_key,
        page_url,

        -- booleans
        is_email_valid,
        is_email_junk,
        is_anonymous_id_junk,
        is_device_id_junk,

        -- timestamps
        occurred_at

    from base

)

select * from final
