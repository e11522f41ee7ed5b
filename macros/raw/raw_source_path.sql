{#-
    The directory of raw CSVs, `var('raw_dir')`; a relative one is read from the project
    root, as on DuckDB. With `absolute`, a path that is still relative (dbt was given a
    relative --project-dir) is an error: a database server resolves a relative path against
    its own data directory, not ours.
-#}
{% macro raw_dir_path(absolute=false) %}
    {%- set raw_dir = var('raw_dir') | string -%}
    {%- if not raw_dir.startswith('/') -%}
        {%- set raw_dir = invocation_args_dict.get('project_dir', '.') ~ '/' ~ raw_dir -%}
    {%- endif -%}
    {%- if absolute and not raw_dir.startswith('/') -%}
        {{ exceptions.raise_compiler_error(
            "raw_dir must be an absolute path on " ~ target.type ~ ", got '" ~ raw_dir ~ "'") }}
    {%- endif -%}
    {{ return(raw_dir.rstrip('/')) }}
{% endmacro %}


{#- `<raw_dir>/<table>.csv`, as `raw_dir_path` resolves the directory. -#}
{% macro raw_source_path(table_name, absolute=false) %}
    {{ return(raw_dir_path(absolute) ~ '/' ~ table_name ~ '.csv') }}
{% endmacro %}
