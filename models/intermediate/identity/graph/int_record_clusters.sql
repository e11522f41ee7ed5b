{#-
    Each source record's cluster. A cluster is named by its smallest record key;
    it becomes a customer if it holds a person record (a CRM contact, shop
    account, order, loyalty member or ticket) or a card holder's till sale: a
    receipt whose payment token joined the graph (not blocked, not shared, not
    rejected by a guard) is its card's holder's, even when no record names them
    (contract reading 12). Cash sales and cookies that reach no person stay
    unattributed.
-#}
with

components as (

    select
        node_id,
        component_id
    from {{ identity_components() }}

),

-- Records tied to a payment card by an accepted identifier edge: the card is one person.
card_holder_records as (

    select distinct left_node as record_key
    from {{ ref('int_identity_edges') }}
    where identifier_type = 'payment_token' and edge_type in ('identifier', 'identifier_signature') and is_accepted

),

records as (

    select
        record_key,
        source_table,
        source_record_id,
        is_person_record
    from {{ ref('int_source_records') }}

),

clustered as (

    select
        records.record_key,
        records.source_table,
        records.source_record_id,
        records.is_person_record,
        card_holder_records.record_key is not null as is_card_holder_record,
        components.component_id
    from records
    inner join components
        on records.record_key = components.node_id
    left join card_holder_records
        on records.record_key = card_holder_records.record_key

),

final as (

    select
        record_key,
        source_table,
        source_record_id,
        is_person_record,
        min(record_key) over (partition by component_id) as cluster_key,
        count(*) over (partition by component_id) as cluster_record_count,
        max(case when is_person_record or is_card_holder_record then 1 else 0 end) over (partition by component_id) = 1
            as is_resolved,
        max(case when is_person_record then 1 else 0 end) over (partition by component_id) = 1 as has_person_record
    from clustered

)

select * from final
