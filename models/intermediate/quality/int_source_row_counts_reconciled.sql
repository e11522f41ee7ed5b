{#- One row per staged raw table, including tables that arrived missing or empty (all counts 0). -#}
with

counted as (

    {{ source_row_counts() }}

),

final as (

    select
        source_table,
        raw_row_count,
        staged_row_count,
        rejected_row_count,
        repaired_row_count,
        raw_row_count = staged_row_count + rejected_row_count as is_reconciled
    from counted

)

select * from final
