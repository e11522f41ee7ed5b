{#-
    Every raw row is either staged or rejected into the quarantine, for every
    table: the raw table's own row count (read from the source, not from staging)
    equals staged + rejected rows, and the quarantine holds exactly the rejected
    rows. Returns the tables that do not add up.
-#}
with

raw_counts as (

    {% for table in source_registry() %}
    select
        '{{ table.source_table }}' as source_table,
        count(*) as raw_file_row_count
    from {{ source(table.source_name, table.source_table) }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

quarantined_counts as (

    select
        source_table,
        count(*) as quarantined_rejected_row_count
    from {{ ref('int_source_rows_quarantined') }}
    where is_rejected
    group by source_table

),

reconciled as (

    select * from {{ ref('int_source_row_counts_reconciled') }}

),

compared as (

    select
        coalesce(raw_counts.source_table, reconciled.source_table) as source_table,
        raw_counts.raw_file_row_count,
        reconciled.staged_row_count,
        reconciled.rejected_row_count,
        coalesce(quarantined_counts.quarantined_rejected_row_count, 0) as quarantined_rejected_row_count
    from raw_counts
    full outer join reconciled
        on raw_counts.source_table = reconciled.source_table
    left join quarantined_counts
        on coalesce(raw_counts.source_table, reconciled.source_table) = quarantined_counts.source_table

)

select *
from compared
where
    raw_file_row_count is null
    or staged_row_count is null
    or raw_file_row_count <> staged_row_count + rejected_row_count
    or rejected_row_count <> quarantined_rejected_row_count
