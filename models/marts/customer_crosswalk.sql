with

assigned as (

    select * from {{ ref('int_customer_ids_assigned') }}

),

final as (

    select
        source_table,
        source_record_id,
        customer_id
    from assigned

)

select * from final
