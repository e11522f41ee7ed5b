{#-
    Each customer's top product categories (var segments_affinity_top_categories
    of them) from the lines of their paid shop orders on or before as_of_date,
    ranked by spend in the base currency, then quantity, then name.
-#}
with

orders as (

    select
        source_record_id as order_id,
        customer_id,
        fx_rate_to_base
    from {{ ref('int_transactions_converted') }}
    where
        source_table = 'shop_orders'
        and is_purchase
        and customer_id is not null
        and transaction_date <= {{ as_of_date() }}

),

order_lines as (

    select
        order_id,
        product_category,
        quantity,
        unit_price
    from {{ ref('stg_shop__order_lines') }}
    where product_category is not null

),

categories as (

    select
        orders.customer_id,
        order_lines.product_category,
        count(distinct orders.order_id) as order_count,
        sum(order_lines.quantity) as quantity,
        -- Summed as decimals: a sum of doubles depends on the order the engine adds them in, and
        -- the cents it rounds to then differ from run to run.
        sum(
            cast(order_lines.quantity * order_lines.unit_price * orders.fx_rate_to_base as numeric(38, 10))
        ) as spend_base
    from orders
    inner join order_lines
        on orders.order_id = cast(order_lines.order_id as {{ dbt.type_string() }})
    group by orders.customer_id, order_lines.product_category

),

ranked as (

    select
        *,
        row_number() over (
            partition by customer_id
            order by spend_base desc nulls last, quantity desc nulls last, product_category asc
        ) as category_rank
    from categories

),

final as (

    select
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(product_category as {{ dbt.type_string() }}) as product_category,
        cast(category_rank as {{ dbt.type_int() }}) as category_rank,
        cast(order_count as {{ dbt.type_int() }}) as order_count,
        cast(quantity as numeric(18, 2)) as quantity,
        cast(spend_base as numeric(18, 2)) as spend_base,
        cast({{ as_of_date() }} as date) as as_of_date
    from ranked
    where category_rank <= {{ var('segments_affinity_top_categories') }}

)

select * from final
