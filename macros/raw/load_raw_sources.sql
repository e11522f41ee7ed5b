{#-
    Load every contract table from `raw_dir` into the `raw` schema as text.

    The columns come from the source definitions (`meta.contract_table`), so the
    contract lives in one place: a column missing from a file is loaded as NULL,
    a column the contract does not name is ignored, and a missing file gives an
    empty table. A line may be as long as its file, up to 1 GiB. `_row_number`
    keeps each row's position in its file, the key the
    quarantine uses for rows whose own key is unusable.
-#}
{% macro load_raw_sources() %}
    {#- `raw_loader: external`: `raw` was loaded beforehand (`scv load-raw`), leave it be. -#}
    {%- if var('raw_loader', 'dbt') == 'external' -%}
        {{ return('select 1 as raw_sources_loaded_outside_dbt') }}
    {%- endif -%}
    {{ return(adapter.dispatch('load_raw_sources', 'single_customer_view')()) }}
{% endmacro %}


{% macro default__load_raw_sources() %}
    {#- Server engines load `raw` beforehand with `scv load-raw` (see README). -#}
    select 1 as raw_sources_loaded_outside_dbt
{% endmacro %}


{% macro contract_source_tables() %}
    {%- set tables = [] -%}
    {%- for node in graph.sources.values() if node.meta.get('contract_table') -%}
        {%- do tables.append({'name': node.name, 'columns': node.columns.keys() | list}) -%}
    {%- endfor -%}
    {{ return(tables | sort(attribute='name')) }}
{% endmacro %}


{% macro duckdb__load_raw_sources() %}
    {%- if execute -%}
        {%- do run_query('create schema if not exists raw') -%}
        {%- for table in contract_source_tables() -%}
            {%- set path = var('raw_dir') ~ '/' ~ table.name ~ '.csv' -%}
            {%- set sizes = run_query("select size from read_blob('" ~ path ~ "')").columns[0].values() -%}
            {%- if sizes | length > 0 -%}
                {#- A line may be as long as the file (a 100 MB value is dropped by staging, not a
                    failed load), up to 1 GiB; DuckDB's default stops at 2 MB. -#}
                {%- set line_bytes = [[sizes[0] + 1, 2097152] | max, 1073741824] | min -%}
                {%- set reader -%}
                    read_csv('{{ path }}', header = true, all_varchar = true, delim = ',', quote = '"',
                             escape = '"', strict_mode = false, null_padding = true, parallel = false,
                             max_line_size = {{ line_bytes }}, buffer_size = {{ line_bytes }})
                {%- endset -%}
                {%- set file_columns = {} -%}
                {%- for column in run_query('select * from ' ~ reader ~ ' limit 0').column_names -%}
                    {%- do file_columns.setdefault(column | trim | lower, column) -%}
                {%- endfor -%}
                {%- set load_sql -%}
                    create or replace table raw.{{ table.name }} as
                    select
                        {%- for column in table.columns %}
                        {% if column in file_columns -%}
                            cast("{{ file_columns[column] }}" as varchar)
                        {%- else -%}
                            cast(null as varchar)
                        {%- endif %} as {{ column }},
                        {%- endfor %}
                        row_number() over () as _row_number
                    from {{ reader }}
                {%- endset -%}
            {%- else -%}
                {%- set load_sql -%}
                    create or replace table raw.{{ table.name }} as
                    select
                        {%- for column in table.columns %}
                        cast(null as varchar) as {{ column }},
                        {%- endfor %}
                        cast(null as bigint) as _row_number
                    where false
                {%- endset -%}
            {%- endif -%}
            {%- do run_query(load_sql) -%}
        {%- endfor -%}
    {%- endif -%}
    select 1 as raw_sources_loaded
{% endmacro %}
