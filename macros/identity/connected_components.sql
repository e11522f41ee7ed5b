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

{#-
    Spark: a recursive CTE must use UNION ALL there, which never ends on a graph with
    cycles. Instead, min-label propagation unrolled `iterations` times (var
    identity_components_max_iterations): each step gives every node the smallest label
    among itself and its neighbours, so after k steps a node holds the smallest id within
    k edges. One more step checks convergence: a node whose neighbours still hold another
    label fails the build (raise_error) rather than splitting a customer silently.
-#}
{% macro spark__connected_components(edges, nodes) -%}
{%- set iterations = var('identity_components_max_iterations', 20) | int -%}
with

neighbours as (

    select left_node as node_id, right_node as neighbour_id from {{ edges }}
    union all
    select right_node as node_id, left_node as neighbour_id from {{ edges }}
    union all
    select left_node as node_id, left_node as neighbour_id from {{ edges }}
    union all
    select right_node as node_id, right_node as neighbour_id from {{ edges }}
    union all
    select node_id, node_id as neighbour_id from {{ nodes }}

),

labels_1 as (

    select node_id, min(neighbour_id) as component_id
    from neighbours
    group by node_id

),
{% for step in range(2, iterations + 2) %}
labels_{{ step }} as (

    select
        neighbours.node_id,
        min(labels.component_id) as component_id,
        max(labels.component_id) as max_neighbour_component_id
    from neighbours
    inner join labels_{{ step - 1 }} as labels
        on neighbours.neighbour_id = labels.node_id
    group by neighbours.node_id

){{ ',' if not loop.last }}
{% endfor %}
select
    node_id,
    case
        when component_id = max_neighbour_component_id then component_id
        else cast(raise_error(concat(
            'connected_components did not converge in {{ iterations }} steps (node ', node_id,
            '): raise the var identity_components_max_iterations'
        )) as string)
    end as component_id
from labels_{{ iterations + 1 }}
{%- endmacro %}
