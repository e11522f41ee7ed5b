{#- The identity graph's node id for a source record: `<source_table>:<source_record_id>`. -#}
{% macro record_key(source_table_expression, source_record_id_expression) -%}
    {{ dbt.concat([source_table_expression, "':'", source_record_id_expression]) }}
{%- endmacro %}
