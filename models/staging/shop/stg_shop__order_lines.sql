with

base as (

    select * from {{ ref('base_shop__order_lines') }}
    where rejection_reason is null

),

final as (

    select
        -- ids
        order_line_id,
        order_id,
        line_number,

        -- text
        sku,
        product_category,

        -- numbers
        quantity,
        unit_price

    from base

)

select * from final
