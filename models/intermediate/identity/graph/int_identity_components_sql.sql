{#- Connected components of the accepted identity edges in portable SQL (engines without Python models). -#}
with

accepted_edges as (

    select left_node, right_node
    from {{ ref('int_identity_edges') }}
    where is_accepted

),

record_nodes as (

    select record_key as node_id
    from {{ ref('int_source_records') }}

),

components as (

    {{ connected_components('accepted_edges', 'record_nodes') }}

)

select * from components
