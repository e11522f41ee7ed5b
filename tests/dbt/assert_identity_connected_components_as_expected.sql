-- Macro connected_components: every node is labelled with the smallest node id reachable from it,
-- whichever way its edges point. A chain of 25 nodes whose smallest id is in the middle, a star
-- whose hub is not the smallest id (with a repeated edge), a triangle (a cycle), a separate pair
-- and a node without edges (its own component) each get one label, and no node is lost or added.
{%- set chain = [14, 3, 22, 9, 17, 25, 5, 12, 20, 8, 1, 16, 24, 7, 11, 19, 2, 23, 10, 15, 6, 21, 4, 18, 13] %}
{#- Every other edge of the chain points backwards: direction does not matter. -#}
{%- set edges = [] %}
{%- for position in range(1, chain | length) %}
{%- set ends = ['c%02d' % chain[position - 1], 'c%02d' % chain[position]] %}
{%- do edges.append(ends if position % 2 else ends | reverse | list) %}
{%- endfor %}
{%- do edges.extend([
    ('s5', 's1'), ('s5', 's2'), ('s3', 's5'), ('s5', 's4'), ('s6', 's5'), ('s5', 's2'),
    ('t2', 't3'), ('t3', 't1'), ('t1', 't2'),
    ('p2', 'p1'),
]) %}
{%- set cases = [] %}
{%- for node_number in chain %}
{%- do cases.append(('c%02d' % node_number, 'c01')) %}
{%- endfor %}
{%- for node_number in range(1, 7) %}
{%- do cases.append(('s%d' % node_number, 's1')) %}
{%- endfor %}
{%- do cases.extend([('t1', 't1'), ('t2', 't1'), ('t3', 't1'), ('p1', 'p1'), ('p2', 'p1'), ('z9', 'z9')]) %}
with

edges as (

    {%- for left_node, right_node in edges %}
    select
        '{{ left_node }}' as left_node,
        '{{ right_node }}' as right_node
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

cases as (

    {{ literal_rows(cases, [
        ('node_id', "'%s'"),
        ('expected_component_id', "'%s'"),
    ]) }}

),

components as (

    {{ connected_components('edges', 'cases') }}

)

select
    coalesce(cases.node_id, components.node_id) as node_id,
    cases.expected_component_id,
    components.component_id
from cases
full outer join components
    on cases.node_id = components.node_id
where components.component_id is distinct from cases.expected_component_id
