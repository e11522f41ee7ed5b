{#-
    Stable customer ids. Each old id (from the registry as the last run left it)
    goes to the cluster now holding most of its records; a cluster that wins
    several ids (a merge) keeps the oldest; a cluster that wins none gets a new
    id, derived from its smallest record key so that a rebuild from nothing is
    deterministic too.
-#}
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

previous as (

    {{ previous_customer_id_registry() }}

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
        coalesce(cluster_ids.is_new_id, false) as is_new_id
    from clusters
    left join cluster_ids
        on clusters.cluster_key = cluster_ids.cluster_key and clusters.is_resolved

)

select * from final
