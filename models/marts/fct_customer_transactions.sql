{#-
    Every shop order and till transaction, the base of RFM: its customer (NULL
    for a guest order or a cash sale nobody can be tied to), channel, status,
    and the amount in its own currency and in the var base_currency.
-#}
with

transactions as (

    select * from {{ ref('int_transactions_converted') }}

),

final as (

    select
        cast(transaction_key as {{ dbt.type_string() }}) as transaction_key,
        cast(source_table as {{ dbt.type_string() }}) as source_table,
        cast(source_record_id as {{ dbt.type_string() }}) as source_record_id,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(store_id as {{ dbt.type_string() }}) as store_id,
        cast(channel as {{ dbt.type_string() }}) as channel,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(currency_code as {{ dbt.type_string() }}) as currency_code,
        cast(amount as numeric(18, 2)) as amount,
        cast(amount_base as numeric(18, 2)) as amount_base,
        cast(fx_rate_to_base as numeric(18, 8)) as fx_rate_to_base,
        is_purchase,
        is_refund,
        cast(transaction_date as date) as transaction_date,
        cast(transacted_at as {{ dbt.type_timestamp() }}) as transacted_at
    from transactions

)

select * from final
