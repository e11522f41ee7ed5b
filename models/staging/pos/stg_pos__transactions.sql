with

base as (

    select * from {{ ref('base_pos__transactions') }}
    where rejection_reason is null

),

final as (

    select
        -- ids
        transaction_id,
        store_id,
        loyalty_card_number,
        payment_token,

        -- text
        currency_code,

        -- numbers
        amount,

        -- booleans
        is_refund,
        is_loyalty_card_number_junk,
        is_payment_token_junk,

        -- timestamps
        transacted_at

    from base

)

select * from final
