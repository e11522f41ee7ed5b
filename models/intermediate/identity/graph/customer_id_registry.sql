{#-
    The id registry: every source record's customer id, carried from run to run.
    It reads itself ({{ this }}) as the last run left it and assigns this run's
    ids: each old id goes to the cluster now holding most of its records; a
    cluster that wins several ids (a merge) keeps the oldest; a cluster that
    wins none gets a new id, derived from its smallest record key so that a
    rebuild from nothing is deterministic too. Never rebuilt by --full-refresh
    (full_refresh: false), so ids survive it. A record that left its extract
    keeps its row (and its id, should it come back), except on Spark, where a
    run overwrites whole source_table partitions.
-#}
{{
    config(
        materialized='incremental',
        full_refresh=false,
        on_schema_change='append_new_columns',
        **replace_incremental_config(unique_key='record_key', partition_by=['source_table'])
    )
}}

with

clusters as (

    select
        record_key,
        source_table,
        source_record_id,
        cluster_key,
        is_resolved
    from {{ ref('int_record_clusters') }}

),

-- The registry as the last run left it: this model's own table.
previous_rows as (

    {% if is_incremental() -%}
    select
        record_key,
        customer_id,
        id_issued_at,
        assigned_at
    from {{ this }}
    {%- else -%}
    select
        cast(null as {{ dbt.type_string() }}) as record_key,
        cast(null as {{ dbt.type_string() }}) as customer_id,
        cast(null as {{ dbt.type_timestamp() }}) as id_issued_at,
        cast(null as {{ dbt.type_timestamp() }}) as assigned_at
    where 1 = 0
    {%- endif %}

),

previous as (

    select
        record_key,
        customer_id,
        id_issued_at
    from previous_rows
    where customer_id is not null

),

old_id_shares as (

    select
        clusters.cluster_key,
        previous.customer_id,
        min(previous.id_issued_at) as id_issued_at,
        count(*) as records_kept
    from clusters
    inner join previous
        on clusters.record_key = previous.record_key
    where clusters.is_resolved
    group by clusters.cluster_key, previous.customer_id

),

claims as (

    select
        *,
        row_number() over (partition by customer_id order by records_kept desc, cluster_key asc) as claim_rank
    from old_id_shares

),

survivors as (

    select
        cluster_key,
        customer_id,
        id_issued_at,
        row_number() over (partition by cluster_key order by id_issued_at, customer_id) as survivor_rank
    from claims
    where claim_rank = 1

),

resolved_clusters as (

    select distinct cluster_key
    from clusters
    where is_resolved

),

new_ids as (

    select
        resolved_clusters.cluster_key,
        {{ dbt.concat(["'cus_'", dbt.right(dbt.hash('resolved_clusters.cluster_key'), '16')]) }} as candidate_id
    from resolved_clusters
    left join survivors
        on resolved_clusters.cluster_key = survivors.cluster_key and survivors.survivor_rank = 1
    where survivors.cluster_key is null

),

cluster_ids as (

    select
        cluster_key,
        customer_id,
        id_issued_at,
        false as is_new_id
    from survivors
    where survivor_rank = 1
    union all
    select
        new_ids.cluster_key,
        -- A retired id is never reissued: salt the hash with the run when the plain one was used before.
        case
            when
                exists (
                    select 1 from previous
                    where previous.customer_id = new_ids.candidate_id
                )
                then {{ dbt.concat(["'cus_'", dbt.right(dbt.hash(dbt.concat(['new_ids.cluster_key', "'|" ~ run_started_at ~ "'"])), '16')]) }}  -- one macro call -- noqa: LT05
            else new_ids.candidate_id
        end as customer_id,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}) as id_issued_at,
        true as is_new_id
    from new_ids

),

final as (

    select
        clusters.record_key,
        clusters.source_table,
        clusters.source_record_id,
        clusters.cluster_key,
        cluster_ids.customer_id,
        cluster_ids.id_issued_at,
        coalesce(cluster_ids.is_new_id, false) as is_new_id,
        previous_rows.customer_id as previous_customer_id,
        previous_rows.assigned_at as previous_assigned_at,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}) as assigned_at,
        '{{ invocation_id }}' as invocation_id
    from clusters
    left join cluster_ids
        on clusters.cluster_key = cluster_ids.cluster_key and clusters.is_resolved
    left join previous_rows
        on clusters.record_key = previous_rows.record_key

)

select * from final
