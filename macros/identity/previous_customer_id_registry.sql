{#-
    The id registry as the previous run left it, read without a ref: the
    registry is rebuilt from this run's assignments, so a ref would be a cycle.
    Before the first run it is an empty relation of the same shape.
-#}
{% macro previous_customer_id_registry() -%}
    {%- set registry = none -%}
    {%- if execute -%}
        {%- set node = graph.nodes.get('model.single_customer_view.customer_id_registry') -%}
        {%- if node -%}
            {%- set registry = adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias) -%}
        {%- endif -%}
    {%- endif -%}
    {%- if registry is not none -%}
        select record_key, customer_id, id_issued_at
        from {{ registry }}
        where customer_id is not null
    {%- else -%}
        select
            cast(null as {{ dbt.type_string() }}) as record_key,
            cast(null as {{ dbt.type_string() }}) as customer_id,
            cast(null as {{ dbt.type_timestamp() }}) as id_issued_at
        where 1 = 0
    {%- endif -%}
{%- endmacro %}
