{#-
    The id registry: every source record's customer id, carried from run to run.
    Never rebuilt by --full-refresh (full_refresh: false), so ids survive it.
-#}
{{
    config(
        materialized='incremental',
        full_refresh=false,
        on_schema_change='append_new_columns',
        **replace_incremental_config(unique_key='record_key', partition_by=['source_table'])
    )
}}
-- depends_on: {{ ref('int_customer_id_changes') }}

select
    record_key,
    source_table,
    source_record_id,
    customer_id,
    id_issued_at,
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}) as assigned_at
from {{ ref('int_customer_ids_assigned') }}
