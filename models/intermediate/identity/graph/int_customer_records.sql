{#-
    Every source record of a resolved customer, with the customer's id: the
    unified record (int_source_records) joined once to its customer
    (int_customer_ids_assigned), so the golden, privacy and review models read
    one relation instead of repeating the join. Records left unresolved (no
    customer_id) are not here. A view: DuckDB plans the join into each reader.
-#}
{{ config(materialized='view') }}

with

customer_ids as (

    select
        record_key,
        customer_id
    from {{ ref('int_customer_ids_assigned') }}
    where customer_id is not null

),

records as (

    select * from {{ ref('int_source_records') }}

),

final as (

    select
        customer_ids.customer_id,
        records.*
    from records
    inner join customer_ids
        on records.record_key = customer_ids.record_key

)

select * from final
