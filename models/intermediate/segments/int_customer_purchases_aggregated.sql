{#-
    Each customer's purchases at as_of_date, the raw values of RFM and
    lifecycle. Nothing after as_of_date counts (reading 1); frequency and
    monetary count the 365 days as_of_date - 364 through as_of_date, both
    included (reading 2); monetary is purchases plus till refunds (negative)
    in the base currency; recency is from the last purchase ever.
-#}
with

transactions as (

    select
        customer_id,
        source_record_id,
        is_purchase,
        is_refund,
        amount_base,
        transaction_date,
        transacted_at,
        {{ dbt.datediff('transaction_date', as_of_date(), 'day') }} as days_before_as_of  -- macro expansion -- noqa: LT05
    from {{ ref('int_transactions_converted') }}
    where customer_id is not null and transaction_date <= {{ as_of_date() }}

),

purchases_ordered as (

    select
        customer_id,
        transaction_date,
        row_number() over (partition by customer_id order by transacted_at desc, source_record_id desc) as recency_order
    from transactions
    where is_purchase

),

previous_purchases as (

    select
        customer_id,
        transaction_date as previous_purchase_date
    from purchases_ordered
    where recency_order = 2

),

aggregated as (

    select
        customer_id,
        sum(case when is_purchase and days_before_as_of <= 364 then 1 else 0 end) as frequency,
        -- Summed as decimals, so that the total does not depend on the order the rows are added in.
        sum(
            case
                when (is_purchase or is_refund) and days_before_as_of <= 364
                    then cast(amount_base as numeric(38, 10))
                else 0
            end
        ) as monetary,
        min(case when is_purchase then transaction_date end) as first_purchase_date,
        max(case when is_purchase then transaction_date end) as last_purchase_date
    from transactions
    group by customer_id

),

final as (

    select
        aggregated.customer_id,
        aggregated.frequency,
        aggregated.monetary,
        aggregated.first_purchase_date,
        previous_purchases.previous_purchase_date,
        aggregated.last_purchase_date
    from aggregated
    left join previous_purchases
        on aggregated.customer_id = previous_purchases.customer_id

)

select * from final
