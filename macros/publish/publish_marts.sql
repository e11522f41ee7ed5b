{#-
    Publish the marts for readers after a successful `dbt build` / `dbt run` (on-run-end).

    DuckDB lets one process write a database file or many read it, so a BI tool holding
    the warehouse open would block the next build, and a build would lock out the BI tool.
    On DuckDB the marts (every public model, and the snapshots) are therefore copied to
    Parquet files in `publish_dir`, each written to a temporary file and renamed over the
    old one (a reader keeps the version it opened), and `publish_dir/scv_marts.duckdb` holds
    views over them for tools that want a database file: readers open that file, never the
    warehouse, and neither side locks the other. A run with a failed or skipped node
    publishes nothing, so readers keep the last good marts.

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
    {%- do write_publication_record(directory, 'publishing', 0) -%}
    {%- set published = [] -%}
    {%- for node in published_nodes() -%}
        {%- set relation = adapter.get_relation(node.database, node.schema, node.alias) -%}
        {%- if relation is not none -%}
            {%- set path = directory ~ '/' ~ node.alias ~ '.parquet' -%}
            {%- do run_query(
                "copy (select * from " ~ relation ~ ") to '" ~ path ~ "' (format parquet, use_tmp_file true)") -%}
            {%- do published.append({'name': node.alias, 'path': path}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do publish_catalog(directory ~ '/scv_marts.duckdb', published) -%}
    {%- do write_publication_record(directory, 'published', published | length) -%}
    {%- do log('Published ' ~ published | length ~ ' marts to ' ~ directory, info=true) -%}
    {{ return('select 1 as marts_published') }}
{% endmacro %}


{#-
    Where marts are published: var `publish_dir`, or by default the warehouse file's name with
    `_published` (warehouse/scv.duckdb -> warehouse/scv_published/). Relative paths are read
    from the project root.
-#}
{% macro publish_dir() %}
    {%- set directory = var('publish_dir', '') | string -%}
    {%- if not directory -%}
        {%- set database_path = target.path | string -%}
        {%- set directory = (database_path[:-7] if database_path.endswith('.duckdb') else database_path) ~ '_published' -%}
    {%- endif -%}
    {%- if not directory.startswith('/') -%}
        {%- set directory = invocation_args_dict.get('project_dir', '.') ~ '/' ~ directory -%}
    {%- endif -%}
    {{ return(directory.rstrip('/')) }}
{% endmacro %}


{#-
    `publication_0.csv` in the publish directory: this run's invocation id, the time and the
    state ('publishing' while the files are replaced, then 'published' with the number of
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


{#-
    `scv_marts.duckdb`: a view per published Parquet file in schema `marts`. Views over Parquet
    re-read the file on every query, so the catalog is only written when a view is missing;
    a reader holding it open therefore never blocks a build (unless a new mart was added).
-#}
{% macro publish_catalog(catalog_path, published) %}
    {%- set existing = {} -%}
    {%- if catalog_exists(catalog_path) -%}
        {#- Read-only: other readers may hold the file; a shared lock lets us look. -#}
        {%- do run_query("attach '" ~ catalog_path ~ "' as scv_publish_check (read_only)") -%}
        {%- set rows = run_query(
            "select view_name, sql from duckdb_views() where database_name = 'scv_publish_check' and schema_name = 'marts'") -%}
        {%- for row in rows -%}
            {%- do existing.update({row[0]: row[1]}) -%}
        {%- endfor -%}
        {%- do run_query('detach scv_publish_check') -%}
    {%- endif -%}
    {%- set missing = [] -%}
    {%- for mart in published if mart.path not in existing.get(mart.name, '') -%}
        {%- do missing.append(mart) -%}
    {%- endfor -%}
    {%- if missing -%}
        {%- do run_query("attach '" ~ catalog_path ~ "' as scv_publish_catalog") -%}
        {%- do run_query('create schema if not exists scv_publish_catalog.marts') -%}
        {%- for mart in missing -%}
            {%- do run_query("create or replace view scv_publish_catalog.marts." ~ mart.name
                             ~ " as select * from read_parquet('" ~ mart.path ~ "')") -%}
        {%- endfor -%}
        {%- do run_query('detach scv_publish_catalog') -%}
    {%- endif -%}
{% endmacro %}


{% macro catalog_exists(catalog_path) %}
    {{ return(run_query("select count(*) from glob('" ~ catalog_path ~ "')").columns[0].values()[0] > 0) }}
{% endmacro %}
