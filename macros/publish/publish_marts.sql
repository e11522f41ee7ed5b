{#-
    Publish the marts for readers after a successful `dbt build` / `dbt run` (on-run-end).

    DuckDB lets one process write a database file or many read it, so a BI tool holding
    the warehouse open would block the next build, and a build would lock out the BI tool.
    On DuckDB the marts (every public model, and the snapshots) are therefore copied into
    `publish_dir/scv_marts.duckdb`, a database of their own that readers open instead:
    - it is written under a temporary name and renamed over the old one in one step, so a
      reader sees the old marts or the new ones, never a mix, and a connection opened
      before a publish keeps reading the marts it opened (reconnect to see newer ones);
    - it holds tables, not views over files, so the folder can be copied to a BI host;
    - schema `operations` holds what operators look at beside the marts (var
      `publish_operations_models`: id merges and splits, the review queues, the quarantine
      and the row reconciliation; record keys, reasons and counts, no personal values);
    - it is written in storage version `publish_storage_version` (v1.0.0), which every
      DuckDB 1.x client and driver reads (DuckDB 2.0's own format they refuse).
    A run with a failed or skipped node publishes nothing, so readers keep the last good marts.

    Server engines need none of this (readers and the writer don't block each other there):
    default__ does nothing.
-#}
{% macro publish_marts(results) %}
    {{ return(adapter.dispatch('publish_marts', 'single_customer_view')(results)) }}
{% endmacro %}


{% macro default__publish_marts(results) %}
    select 1 as marts_served_in_place
{% endmacro %}


{% macro duckdb__publish_marts(results) %}
    {%- if not execute or flags.WHICH not in ('build', 'run') or not var('publish_marts', true) -%}
        {{ return('select 1 as marts_not_published') }}
    {%- endif -%}
    {%- set unfinished = results | selectattr('status', 'in', ['error', 'fail', 'skipped', 'runtime error']) | list -%}
    {%- if unfinished -%}
        {%- do log('Marts not published: ' ~ unfinished | length ~ ' node(s) failed or were skipped; '
                   ~ 'readers keep the last published marts.', info=true) -%}
        {{ return('select 1 as marts_not_published') }}
    {%- endif -%}

    {%- set directory = publish_dir() -%}
    {%- set catalog_path = directory ~ '/scv_marts.duckdb' -%}
    {%- set staging_path = catalog_path ~ '.publishing' -%}
    {%- do write_publication_record(directory, 'publishing', 0) -%}
    {#- A leftover of an interrupted publish (and its write-ahead log) is started again. -#}
    {%- do run_query("select scv_remove_file('" ~ staging_path ~ "'), scv_remove_file('" ~ staging_path ~ ".wal')") -%}
    {%- do run_query("attach '" ~ staging_path ~ "' as scv_publish (storage_version '"
                     ~ var('publish_storage_version', 'v1.0.0') ~ "')") -%}
    {%- do run_query('create schema scv_publish.marts') -%}
    {%- do run_query('create schema scv_publish.operations') -%}
    {%- set published = [] -%}
    {%- for schema, nodes in [('marts', published_nodes()), ('operations', published_operations_nodes())] -%}
        {%- for node in nodes -%}
            {%- set relation = adapter.get_relation(node.database, node.schema, node.alias) -%}
            {%- if relation is not none -%}
                {%- do run_query("create table scv_publish." ~ schema ~ "." ~ node.alias ~ " as select * from " ~ relation) -%}
                {%- do published.append(node.alias) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- do run_query('detach scv_publish') -%}
    {%- do run_query("select scv_replace_file('" ~ staging_path ~ "', '" ~ catalog_path ~ "')") -%}
    {%- do write_publication_record(directory, 'published', published | length) -%}
    {%- do log('Published ' ~ published | length ~ ' marts to ' ~ catalog_path, info=true) -%}
    {{ return('select 1 as marts_published') }}
{% endmacro %}


{#-
    Where marts are published: var `publish_dir`, or by default the warehouse file's name with
    `_published` (warehouse/scv.duckdb -> warehouse/scv_published/). Relative paths are read
    from the project root.
-#}
{% macro publish_dir() %}
    {{ return(warehouse_sibling_dir(var('publish_dir', ''), '_published')) }}
{% endmacro %}


{#-
    A directory for files a DuckDB build writes: `configured` when set, else the warehouse
    file's path with `suffix` instead of `.duckdb`; a relative path is read from the project root.
-#}
{% macro warehouse_sibling_dir(configured, suffix) %}
    {%- set directory = configured | string if configured else '' -%}
    {%- if not directory -%}
        {%- set database_path = target.path | string -%}
        {%- set directory = (database_path[:-7] if database_path.endswith('.duckdb') else database_path) ~ suffix -%}
    {%- endif -%}
    {%- if not directory.startswith('/') -%}
        {%- set directory = invocation_args_dict.get('project_dir', '.') ~ '/' ~ directory -%}
    {%- endif -%}
    {{ return(directory.rstrip('/')) }}
{% endmacro %}


{#-
    `publication_0.csv` in the publish directory: this run's invocation id, the time and the
    state ('publishing' while the catalog is written, then 'published' with the number of
    marts). Written with per-thread output because that is the one way DuckDB creates a
    missing directory.
-#}
{% macro write_publication_record(directory, state, published_count) %}
    {%- do run_query(
        "copy (select '" ~ invocation_id ~ "' as invocation_id, '" ~ state ~ "' as state, "
        ~ published_count ~ " as published_marts, now() as recorded_at) to '" ~ directory
        ~ "' (format csv, per_thread_output true, filename_pattern 'publication_{i}', overwrite_or_ignore true)") -%}
{% endmacro %}


{#- Public models (the marts) and snapshots, enabled in this run's project. -#}
{% macro published_nodes() %}
    {%- set nodes = [] -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.package_name == project_name and node.config.enabled
              and ((node.resource_type == 'model' and node.config.access == 'public'
                    and node.config.materialized in ('table', 'incremental'))
                   or node.resource_type == 'snapshot') -%}
            {%- do nodes.append(node) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(nodes | sort(attribute='alias')) }}
{% endmacro %}


{#- The models listed in var `publish_operations_models`, enabled in this run's project. -#}
{% macro published_operations_nodes() %}
    {%- set names = var('publish_operations_models', []) -%}
    {%- set nodes = [] -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.package_name == project_name and node.resource_type == 'model'
              and node.config.enabled and node.name in names -%}
            {%- do nodes.append(node) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(nodes | sort(attribute='alias')) }}
{% endmacro %}
