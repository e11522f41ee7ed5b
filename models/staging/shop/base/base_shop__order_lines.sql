{#- A line has no updated_at: of two rows with one order_id and line_number the later in the file wins. -#}
with

source as (

    select * from {{ source('shop', 'shop_order_lines') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('shop', 'shop_order_lines') }},
        {{ exact_duplicate_rank('shop', 'shop_order_lines') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ clean_text('order_id') }} as order_id,
        {{ clean_text('line_number') }} as line_number_text,
        {{ parse_integer('line_number') }} as line_number,

        -- text
        {{ clean_text('sku') }} as sku,
        {{ clean_text('product_category') }} as product_category,

        -- numbers
        {{ parse_amount('quantity') }} as quantity,
        {{ parse_amount('unit_price') }} as unit_price,

        -- raw values the repair notes compare against
        nullif(trim(quantity), '') as quantity_raw,
        nullif(trim(unit_price), '') as unit_price_raw,

        -- lineage
        _row_number as raw_row_number,
        exact_duplicate_rank,
        raw_value_note,
        is_repeated_header_row

    from bounded

),

keyed as (

    select
        *,
        -- '3' and '03' are one line: the key uses the number when the text is one.
        order_id || '-' || coalesce(cast(line_number as {{ dbt.type_string() }}), line_number_text) as order_line_id
    from renamed

),

parsed as (

    select
        *,
        {{ latest_version_rank(['order_line_id']) }} as version_rank
    from keyed

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
        unit_price,

        -- row status
        raw_row_number,
        {{ rejection_reason(['order_id', 'line_number_text']) }} as rejection_reason,
        {{ repair_notes([
            "raw_value_note",
            note_when("line_number_text is not null and line_number is null", 'line_number: not a whole number'),
            note_when("quantity_raw is not null and quantity is null", 'quantity: not a number'),
            note_when("unit_price_raw is not null and unit_price is null", 'unit_price: not a number'),
        ]) }} as repair_note

    from parsed

)

select * from final
