{#-
    Every shop order and till transaction in one shape, amounts converted into
    the var base_currency (seeds/reference/fx_rates.csv holds each currency's
    rate to EUR), with the customer the crosswalk gives the record. A purchase
    is a paid order or a till sale (amount > 0); a till refund (amount < 0)
    reduces monetary value; pending, cancelled and refunded orders are neither.
-#}
with

orders as (

    select
        'shop_orders' as source_table,
        cast(order_id as {{ dbt.type_string() }}) as source_record_id,
        'web_shop' as channel,
        cast(null as {{ dbt.type_string() }}) as store_id,
        cast(order_status as {{ dbt.type_string() }}) as status,
        currency_code,
        cast(total_amount as {{ dbt.type_numeric() }}) as amount,
        -- A paid order whose amount could not be read is no purchase: it has no value to count.
        coalesce(is_paid, false) and total_amount is not null as is_purchase,
        false as is_refund,
        cast(ordered_at as {{ dbt.type_timestamp() }}) as transacted_at
    from {{ ref('stg_shop__orders') }}

),

till_transactions as (

    select
        'pos_transactions' as source_table,
        cast(transaction_id as {{ dbt.type_string() }}) as source_record_id,
        'store' as channel,
        cast(store_id as {{ dbt.type_string() }}) as store_id,
        case when amount < 0 then 'refund' else 'sale' end as status,
        currency_code,
        cast(amount as {{ dbt.type_numeric() }}) as amount,
        coalesce(amount > 0, false) as is_purchase,
        coalesce(amount < 0, false) as is_refund,
        cast(transacted_at as {{ dbt.type_timestamp() }}) as transacted_at
    from {{ ref('stg_pos__transactions') }}

),

fx_rates as (

    select
        upper(currency_code) as currency_code,
        cast(rate_to_eur as numeric(28, 10)) as rate_to_eur
    from {{ ref('fx_rates') }}

),

base_rate as (

    select rate_to_eur as base_rate_to_eur
    from fx_rates
    where currency_code = upper('{{ var("base_currency") }}')

),

customer_ids as (

    select
        source_table,
        source_record_id,
        customer_id
    from {{ ref('int_customer_ids_assigned') }}
    where source_table in ('shop_orders', 'pos_transactions')

),

unioned as (

    select * from orders
    union all
    select * from till_transactions

),

final as (

    select
        {{ dbt.concat(['unioned.source_table', "':'", 'unioned.source_record_id']) }} as transaction_key,
        unioned.source_table,
        unioned.source_record_id,
        customer_ids.customer_id,
        unioned.channel,
        unioned.store_id,
        unioned.status,
        unioned.currency_code,
        unioned.amount,
        -- NULL when either currency has no rate: an unconvertible amount counts for nothing.
        fx_rates.rate_to_eur / base_rate.base_rate_to_eur as fx_rate_to_base,
        unioned.amount * fx_rates.rate_to_eur / base_rate.base_rate_to_eur as amount_base,
        unioned.is_purchase,
        unioned.is_refund,
        cast(unioned.transacted_at as date) as transaction_date,
        unioned.transacted_at
    from unioned
    left join customer_ids
        on unioned.source_table = customer_ids.source_table and unioned.source_record_id = customer_ids.source_record_id
    left join fx_rates
        on upper(unioned.currency_code) = fx_rates.currency_code
    left join base_rate
        on 1 = 1

)

select * from final
