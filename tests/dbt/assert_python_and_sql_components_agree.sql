-- The portable SQL connected components give exactly the Python model's partition (same labels:
-- the smallest node id of each component). Runs where both are built (DuckDB with
-- identity_build_sql_components).
{{ config(enabled=(target.type == 'duckdb' and var('identity_build_sql_components'))) }}

select
    coalesce(python_components.node_id, sql_components.node_id) as node_id,
    python_components.component_id as python_component_id,
    sql_components.component_id as sql_component_id
from {{ ref('int_identity_components_python') }} as python_components
full outer join {{ ref('int_identity_components_sql') }} as sql_components
    on python_components.node_id = sql_components.node_id
where
    python_components.node_id is null
    or sql_components.node_id is null
    or python_components.component_id <> sql_components.component_id
