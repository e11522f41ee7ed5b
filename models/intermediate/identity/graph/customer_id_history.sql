{#- Every id created, merged, split or retired, with the run that did it. Survives --full-refresh. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false
    )
}}

select
    change_type,
    customer_id,
    related_customer_id,
    record_count,
    changed_at,
    invocation_id
from {{ ref('int_customer_id_changes') }}
