{#-
    Connected components in portable SQL, for engines without Python models.
    `edges` is a relation with left_node and right_node; `nodes` a relation with
    node_id (nodes without edges become singletons). Every node is labelled with
    the smallest node id reachable from it, the same answer as
    scv.identity.clustering.connected_components. The recursive closure costs
    the sum of squared component sizes: fine for bounded clusters (the identity
    graph's guards bound them), not for giant ones.
-#}
{% macro connected_components(edges, nodes) -%}
    {{ return(adapter.dispatch('connected_components', 'single_customer_view')(edges, nodes)) }}
{%- endmacro %}

{% macro default__connected_components(edges, nodes) -%}
with recursive

undirected as (

    select left_node as node_id, right_node as neighbour_id from {{ edges }}
    union
    select right_node as node_id, left_node as neighbour_id from {{ edges }}

),

reachable (node_id, reached_id) as (

    select node_id, node_id as reached_id from {{ nodes }}
    union
    select node_id, node_id as reached_id from undirected
    union
    select reachable.node_id, undirected.neighbour_id as reached_id
    from reachable
    inner join undirected
        on reachable.reached_id = undirected.node_id

)

select
    node_id,
    min(reached_id) as component_id
from reachable
group by node_id
{%- endmacro %}
