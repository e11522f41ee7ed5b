{#-
    Each source record's cluster. A cluster is named by its smallest record key;
    it becomes a customer only if it holds a person record (a CRM contact, shop
    account, order, loyalty member or ticket): till receipts and cookies that
    reach no person stay unattributed, as the contract asks.
-#}
with

components as (

    select
        node_id,
        component_id
    from {{ identity_components() }}

),

records as (

    select
        record_key,
        source_table,
        source_record_id,
        is_person_record
    from {{ ref('int_source_records_unioned') }}

),

clustered as (

    select
        records.record_key,
        records.source_table,
        records.source_record_id,
        records.is_person_record,
        components.component_id
    from records
    inner join components
        on records.record_key = components.node_id

),

final as (

    select
        record_key,
        source_table,
        source_record_id,
        is_person_record,
        min(record_key) over (partition by component_id) as cluster_key,
        count(*) over (partition by component_id) as cluster_record_count,
        max(case when is_person_record then 1 else 0 end) over (partition by component_id) = 1 as is_resolved
    from clustered

)

select * from final
