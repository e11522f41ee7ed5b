{#-
    Why are these two records the same customer? Prints the shortest path of
    accepted identity edges between two record keys (`<source_table>:<id>`):
        dbt run-operation explain_customer_link --args '{left: "crm_contacts:C1", right: "shop_orders:O9"}'
    `max_hops` bounds the search. Returns the path as a list of steps. A record key
    this build does not hold is said so (a mistyped id is not "not linked").
-#}
{% macro explain_customer_link(left, right, max_hops=12) %}
    {%- set edges = ref('int_identity_edges') -%}
    {%- set left = left | replace("'", "''") -%}
    {%- set right = right | replace("'", "''") -%}
    {%- set found = run_query(
        "select record_key from " ~ ref('int_source_records')
        ~ " where record_key in ('" ~ left ~ "', '" ~ right ~ "')"
    ).columns[0].values() -%}
    {%- set missing = [left, right] | reject('in', found) | unique | list -%}
    {%- if missing -%}
        {{ print("No record " ~ (missing | join(' or ')) ~ " in this build: record keys are "
            ~ "<source_table>:<source_record_id> as in customer_crosswalk (e.g. crm_contacts:C1).") }}
        {{ return([]) }}
    {%- endif -%}
    {%- set query -%}
        with recursive
        undirected as (
            select left_node as node_id, right_node as next_node_id, edge_type,
                {{ dbt.concat(["coalesce(identifier_type, edge_type)", "'='", "coalesce(identifier_value, right_node)"]) }} as evidence
            from {{ edges }} where is_accepted
            union all
            select right_node as node_id, left_node as next_node_id, edge_type,
                {{ dbt.concat(["coalesce(identifier_type, edge_type)", "'='", "coalesce(identifier_value, right_node)"]) }} as evidence
            from {{ edges }} where is_accepted
        ),
        walk (node_id, hops, path) as (
            select cast('{{ left }}' as {{ dbt.type_string() }}) as node_id, 0 as hops,
                cast('{{ left }}' as {{ dbt.type_string() }}) as path
            union all
            select undirected.next_node_id, walk.hops + 1,
                {{ dbt.concat(["walk.path", "' -['", "undirected.evidence", "']-> '", "undirected.next_node_id"]) }}
            from walk
            inner join undirected on walk.node_id = undirected.node_id
            where walk.hops < {{ max_hops }} and walk.node_id <> '{{ right }}'
                and {{ dbt.position("undirected.next_node_id", "walk.path") }} = 0
        )
        select path, hops from walk where node_id = '{{ right }}' order by hops, path limit 1
    {%- endset -%}
    {%- set result = run_query(query) -%}
    {%- if result.rows | length == 0 -%}
        {{ print("No path of accepted links within " ~ max_hops ~ " hops: " ~ left ~ " and " ~ right ~ " are not the same customer (see int_identity_edges for rejected links).") }}
        {{ return([]) }}
    {%- endif -%}
    {{ print("Linked in " ~ result.rows[0][1] ~ " hops:\n" ~ result.rows[0][0]) }}
    {{ return(result.rows[0][0]) }}
{% endmacro %}
