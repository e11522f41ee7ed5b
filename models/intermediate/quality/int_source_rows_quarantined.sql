{#- Every raw row staging rejected or repaired, from every base model (the list is source_registry()). -#}
with

quarantined as (

    {{ quarantined_source_rows() }}

),

final as (

    select
        -- ids
        source_table,
        source_record_id,
        raw_row_number,

        -- text
        quarantine_reason,
        rejection_reason,
        repair_note,

        -- booleans
        is_rejected

    from quarantined

)

select * from final
