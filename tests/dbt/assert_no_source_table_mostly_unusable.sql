{#-
    No raw table loses most of its rows to the quarantine for being unusable (no key, a
    repeated header, an unreadable subject, ...; exact duplicates and older versions of a
    key are data, not loss): a file whose key column is empty on every row, or a broken
    export, fails the build here instead of building green without its customers. A table
    fails when more than var quality_max_unusable_row_share of its raw rows, and at least
    var quality_min_unusable_rows rows, are unusable. Returns those tables, with the counts
    per reason.
-#}
with

reconciled as (

    select
        source_table,
        raw_row_count
    from {{ ref('int_source_row_counts_reconciled') }}

),

unusable as (

    select
        source_table,
        count(*) as unusable_row_count,
        {{ dbt.listagg("distinct rejection_reason", "', '", "order by rejection_reason") }} as unusable_reasons
    from {{ ref('int_source_rows_quarantined') }}
    where is_rejected and rejection_reason not in ('exact_duplicate_row', 'superseded_by_later_version')
    group by source_table

)

select
    reconciled.source_table,
    reconciled.raw_row_count,
    unusable.unusable_row_count,
    unusable.unusable_reasons
from reconciled
inner join unusable
    on reconciled.source_table = unusable.source_table
where
    unusable.unusable_row_count >= {{ var('quality_min_unusable_rows') }}
    and unusable.unusable_row_count > {{ var('quality_max_unusable_row_share') }} * reconciled.raw_row_count
