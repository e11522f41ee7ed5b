{#-
    Incremental config of a model whose new rows replace the stored rows they match:
    on most engines `delete+insert` on `unique_key`; on Spark without Delta or Iceberg
    (no delete, no merge) `insert_overwrite` of the partitions the new rows fill, by
    `partition_by`. Use: config(materialized='incremental', **replace_incremental_config(...)).

    The two agree when a run's rows for a partition are all its current rows (a rerun of
    one as_of_date); a key that leaves a partition is kept by delete+insert, dropped by
    insert_overwrite.
-#}
{% macro replace_incremental_config(unique_key, partition_by) -%}
    {{ return(adapter.dispatch('replace_incremental_config', 'single_customer_view')(unique_key, partition_by)) }}
{%- endmacro %}

{% macro default__replace_incremental_config(unique_key, partition_by) -%}
    {{ return({'unique_key': unique_key, 'incremental_strategy': 'delete+insert'}) }}
{%- endmacro %}

{% macro spark__replace_incremental_config(unique_key, partition_by) -%}
    {{ return({'incremental_strategy': 'insert_overwrite', 'partition_by': partition_by, 'file_format': 'parquet'}) }}
{%- endmacro %}
