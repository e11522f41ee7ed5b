{#-
    This run's records with their stable customer ids: the rows of the id
    registry for the records that exist now (the registry also keeps records
    that left their extract).
-#}
select
    registry.record_key,
    registry.source_table,
    registry.source_record_id,
    registry.cluster_key,
    registry.customer_id,
    registry.id_issued_at,
    registry.is_new_id
from {{ ref('customer_id_registry') }} as registry
where registry.record_key in (select clusters.record_key from {{ ref('int_record_clusters') }} as clusters)
