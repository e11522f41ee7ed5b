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
        {%- do tables.append({
            'name': node.name,
            'columns': node.columns.keys() | list,
            'key_columns': node.meta.get('key_columns', []),
        }) -%}
    {%- endfor -%}
    {{ return(tables | sort(attribute='name')) }}
{% endmacro %}


{#- True when the profile's scv.duckdb_plugin gave this connection its file functions. -#}
{% macro raw_file_functions_available() %}
    {%- set found = run_query(
        "select count(*) from duckdb_functions() where function_name = 'scv_raw_file_encoding'"
    ).columns[0].values()[0] -%}
    {{ return(found > 0) }}
{% endmacro %}


{#-
    The path to read a raw file from: the file itself when it is UTF-8, else a UTF-8 copy of it
    read in its encoding (var raw_file_encodings names a table's; otherwise detected: UTF-16
    by its byte-order mark, else Windows-1252, else Latin-1), with a warning. A declared
    encoding that does not read the file stops the build naming the file and the first line.
-#}
{% macro raw_file_in_utf8(path, table_name) %}
    {%- set declared = var('raw_file_encodings', {}).get(table_name) -%}
    {%- set encoding = run_query(
        'select scv_raw_file_encoding(' ~ string_literal(path) ~ ', '
        ~ (string_literal(declared) if declared else 'null') ~ ')'
    ).columns[0].values()[0] -%}
    {%- if encoding in ('utf-8', 'utf_8') -%}
        {{ return(path) }}
    {%- endif -%}
    {%- set copy = run_query(
        'select scv_raw_file_utf8_copy(' ~ string_literal(path) ~ ', ' ~ string_literal(encoding) ~ ')'
    ).columns[0].values()[0] -%}
    {{ log("Warning: raw file " ~ path ~ " is not UTF-8; read as " ~ encoding
        ~ (" (var raw_file_encodings)" if declared else " (detected; set var raw_file_encodings to override)")
        ~ ".", info=True) }}
    {{ return(copy) }}
{% endmacro %}


{#- DuckDB's CSV reader over one raw file, every value as text. -#}
{% macro raw_csv_reader(path, delimiter, line_bytes) -%}
    read_csv('{{ path }}', header = true, all_varchar = true, delim = '{{ delimiter }}', quote = '"',
             escape = '"', strict_mode = false, null_padding = true, parallel = false,
             max_line_size = {{ line_bytes }}, buffer_size = {{ line_bytes }})
{%- endmacro %}


{#- A raw file's header: lower-cased, trimmed column name -> the name as written. -#}
{% macro raw_file_columns(reader) %}
    {%- set file_columns = {} -%}
    {%- for column in run_query('select * from ' ~ reader ~ ' limit 0').column_names -%}
        {%- do file_columns.setdefault(column | trim | lower, column) -%}
    {%- endfor -%}
    {{ return(file_columns) }}
{% endmacro %}


{#-
    The contract's delimiter is ','. A file whose header, read so, lacks a key column but
    holds ';', tabs or '|' (what spreadsheets export in many locales) is read with the first
    of those that gives a header with every key column, with a warning. Otherwise ','.
-#}
{% macro raw_file_delimiter(path, line_bytes, key_columns) %}
    {%- set comma_columns = raw_file_columns(raw_csv_reader(path, ',', line_bytes)) -%}
    {%- if key_columns | reject('in', comma_columns) | list | length == 0 -%}
        {{ return(',') }}
    {%- endif -%}
    {%- set first_column = (comma_columns.values() | list)[0] -%}
    {%- for candidate, label in [(';', 'semicolon'), ('\t', 'tab'), ('|', 'pipe')] if candidate in first_column -%}
        {%- set columns = raw_file_columns(raw_csv_reader(path, candidate, line_bytes)) -%}
        {%- if key_columns | reject('in', columns) | list | length == 0 -%}
            {{ log("Warning: raw file " ~ path ~ " is not comma-separated; read with its " ~ label
                ~ " delimiter.", info=True) }}
            {{ return(candidate) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(',') }}
{% endmacro %}


{#-
    Stop before any model runs when `raw_dir` is no directory, or holds files but none of the
    contract's (a typo, or its parent): either would otherwise build an empty warehouse. An
    existing, empty directory builds empty, as the contract says. Needs the profile's
    scv.duckdb_plugin (SQL cannot tell a missing directory from an empty one): the loader
    calls it only when raw_file_functions_available().
-#}
{% macro duckdb__check_raw_dir(found_tables) %}
    {%- set raw_dir = var('raw_dir') -%}
    {%- set entries = run_query(
        'select scv_directory_entry_count(' ~ string_literal(raw_dir) ~ ')'
    ).columns[0].values()[0] -%}
    {%- set expected = contract_source_tables() | map(attribute='name') | map('string') | list -%}
    {%- if entries < 0 -%}
        {{ exceptions.raise_compiler_error(
            "raw_dir '" ~ raw_dir ~ "' is not a directory (relative paths are read from the project "
            ~ "root). Point --vars '{raw_dir: ...}' at the directory that holds the contract's CSV "
            ~ "files: " ~ (expected | join('.csv, ')) ~ ".csv.") }}
    {%- elif entries > 0 and found_tables | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "raw_dir '" ~ raw_dir ~ "' holds " ~ entries ~ " entries but none of the contract's "
            ~ "files (" ~ (expected | join('.csv, ')) ~ ".csv): is it the right directory? "
            ~ "An empty directory builds an empty warehouse.") }}
    {%- endif -%}
{% endmacro %}


{% macro duckdb__load_raw_sources() %}
    {%- if execute -%}
        {%- do run_query('create schema if not exists raw') -%}
        {#- Without the profile's scv.duckdb_plugin, files are read as UTF-8 and raw_dir is not checked. -#}
        {%- set file_functions = raw_file_functions_available() -%}
        {%- set found_tables = [] -%}
        {%- for table in contract_source_tables() -%}
            {%- set path = var('raw_dir') ~ '/' ~ table.name ~ '.csv' -%}
            {%- set sizes = run_query("select size from read_blob('" ~ path ~ "')").columns[0].values() -%}
            {%- if sizes | length > 0 -%}
                {%- do found_tables.append(table.name) -%}
            {%- endif -%}
            {%- if sizes | length > 0 and sizes[0] > 0 -%}
                {#- A line may be as long as the file (a 100 MB value is dropped by staging, not a
                    failed load), up to 1 GiB; DuckDB's default stops at 2 MB. -#}
                {%- set line_bytes = [[sizes[0] + 1, 2097152] | max, 1073741824] | min -%}
                {%- set file_path = path -%}
                {%- set path = raw_file_in_utf8(path, table.name) if file_functions else path -%}
                {%- if path != file_path -%}
                    {#- A UTF-8 copy takes up to three bytes per character of one byte. -#}
                    {%- set line_bytes = [[3 * sizes[0] + 1, 2097152] | max, 1073741824] | min -%}
                {%- endif -%}
                {%- set delimiter = raw_file_delimiter(path, line_bytes, table.key_columns) -%}
                {%- set reader = raw_csv_reader(path, delimiter, line_bytes) -%}
                {%- set file_columns = raw_file_columns(reader) -%}
                {%- set missing_keys = table.key_columns | reject('in', file_columns) | list -%}
                {%- if missing_keys -%}
                    {{ exceptions.raise_compiler_error(
                        "raw file " ~ path ~ " has no " ~ (missing_keys | join(', ')) ~ " column in its header, "
                        ~ "so none of its rows can be identified. Its header, read with the delimiter '"
                        ~ delimiter ~ "': " ~ (file_columns.values() | join(', '))) }}
                {%- endif -%}
                {%- set missing_columns = table.columns | reject('in', file_columns) | list -%}
                {%- if missing_columns -%}
                    {{ log("Warning: raw file " ~ path ~ " has no column " ~ (missing_columns | join(', '))
                        ~ "; read as empty.", info=True) }}
                {%- endif -%}
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
        {%- if file_functions -%}
            {%- do duckdb__check_raw_dir(found_tables) -%}
        {%- endif -%}
    {%- endif -%}
    select 1 as raw_sources_loaded
{% endmacro %}
