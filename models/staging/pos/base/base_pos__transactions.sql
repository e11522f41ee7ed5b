{#- A transaction has no updated_at: of two rows with one transaction_id the later in the file wins. -#}
with

source as (

    select * from {{ source('pos', 'pos_transactions') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('pos', 'pos_transactions') }},
        {{ exact_duplicate_rank('pos', 'pos_transactions') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ clean_text('transaction_id') }} as transaction_id,
        {{ clean_text('store_id') }} as store_id,
        {{ normalise_identifier_code('loyalty_card_number') }} as loyalty_card_number_cleaned,
        {{ clean_text('payment_token') }} as payment_token_cleaned,

        -- text
        {{ normalise_currency_code('currency') }} as currency_code,

        -- numbers
        {{ parse_amount('amount') }} as amount,

        -- timestamps
        -- Store local time without an offset, read as UTC (contract reading 4).
        {{ parse_timestamp('transacted_at') }} as transacted_at,

        -- raw values the repair notes compare against
        nullif(trim(currency), '') as currency_raw,
        nullif(trim(amount), '') as amount_raw,
        nullif(trim(transacted_at), '') as transacted_at_raw,

        -- lineage
        _row_number as raw_row_number,
        exact_duplicate_rank,
        raw_value_note,
        is_repeated_header_row

    from bounded

),

parsed as (

    select
        *,
        {{ is_blocked_identifier('loyalty_card_number', ['loyalty_card_number_cleaned']) }}
            as is_loyalty_card_number_junk,
        {{ is_blocked_identifier('payment_token', ['payment_token_cleaned']) }} as is_payment_token_junk,
        {{ latest_version_rank(['transaction_id']) }} as version_rank
    from renamed

),

final as (

    select
        -- ids
        transaction_id,
        store_id,
        case when not is_loyalty_card_number_junk then loyalty_card_number_cleaned end as loyalty_card_number,
        case when not is_payment_token_junk then payment_token_cleaned end as payment_token,

        -- text
        currency_code,

        -- numbers
        amount,

        -- booleans
        coalesce(amount < 0, false) as is_refund,
        is_loyalty_card_number_junk,
        is_payment_token_junk,

        -- timestamps
        transacted_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['transaction_id']) }} as rejection_reason,
        {{ repair_notes([
            "raw_value_note",
            note_when("is_loyalty_card_number_junk", 'loyalty_card_number: placeholder value'),
            note_when("is_payment_token_junk", 'payment_token: placeholder value'),
            note_when("currency_raw is not null and currency_code is null", 'currency: unknown value'),
            note_when("currency_raw is null", 'currency: missing value'),
            note_when("amount_raw is not null and amount is null", 'amount: not a number'),
            note_when("amount_raw is null", 'amount: missing value'),
            note_when("transacted_at_raw is not null and transacted_at is null", 'transacted_at: unparseable timestamp'),
            note_when("transacted_at_raw is null", 'transacted_at: missing value'),
        ]) }} as repair_note

    from parsed

)

select * from final
