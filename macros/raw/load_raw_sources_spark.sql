{#-
    Spark: the session reads the CSVs itself (`USING csv`), as DuckDB's `read_csv` does:
    all columns as strings, RFC 4180 quoting with `""` inside quotes, values spanning lines.
    A file is found by listing `raw_dir` (a missing path would fail the whole statement);
    `_row_number` is the row's position in the file, which Spark reads as one partition
    because `multiLine` files are not split. Tables are parquet, dropped and recreated
    (Spark views hold no dependency on them).
-#}
{% macro spark__load_raw_sources() %}
    {%- if execute -%}
        {%- do run_query('create database if not exists raw') -%}
        {%- for table in contract_source_tables() -%}
            {%- set file = spark__find_raw_file(table.name) -%}
            {%- do run_query('drop table if exists raw.' ~ table.name) -%}
            {%- if file -%}
                {%- do spark__load_raw_file(table, file) -%}
            {%- else -%}
                {%- set create_sql -%}
                    create table raw.{{ table.name }} (
                        {%- for column in table.columns %}
                        {{ column }} string,
                        {%- endfor %}
                        _row_number bigint
                    ) using parquet
                {%- endset -%}
                {%- do run_query(create_sql) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do run_query('drop view if exists scv_raw_files') -%}
        {%- do run_query('drop view if exists scv_raw_file') -%}
        {%- do run_query('drop view if exists scv_raw_lines') -%}
    {%- endif -%}
    select 1 as raw_sources_loaded
{% endmacro %}


{#-
    The qualified path of `<raw_dir>/<table>.csv`, or none when it is missing or empty.
    The listing is recursive because Spark refuses a directory whose subdirectories look
    like partitions; the shortest match is the file in `raw_dir` itself.
-#}
{% macro spark__find_raw_file(table_name) %}
    {%- set list_sql -%}
        create or replace temporary view scv_raw_files using binaryFile options (
            path {{ spark_path_literal(raw_dir_path()) }},
            pathGlobFilter {{ spark_path_literal(table_name ~ '.csv') }},
            recursiveFileLookup 'true'
        )
    {%- endset -%}
    {%- do run_query(list_sql) -%}
    {%- set found = run_query(
        'select path from scv_raw_files where length > 0 order by length(path) limit 1'
    ).columns[0].values() -%}
    {{ return(found[0] if found | length > 0 else none) }}
{% endmacro %}


{% macro spark__load_raw_file(table, file) %}
    {#- Given no line separator, Spark turns CRLF inside a quoted value into LF. -#}
    {%- set lines_sql -%}
        create or replace temporary view scv_raw_lines using text options (
            path {{ spark_path_literal(file) }}, lineSep '\n'
        )
    {%- endset -%}
    {%- do run_query(lines_sql) -%}
    {%- set line_end = run_query(
        "select case when right(value, 1) = chr(13) then 'crlf' else 'lf' end from scv_raw_lines limit 1"
    ).columns[0].values()[0] -%}
    {%- set reader_sql -%}
        create or replace temporary view scv_raw_file using csv options (
            path {{ spark_path_literal(file) }},
            header 'true', inferSchema 'false', multiLine 'true', encoding 'UTF-8',
            quote '"', escape '"', mode 'PERMISSIVE'
            {%- if line_end == 'crlf' %}, lineSep '\r\n'{% endif %}
        )
    {%- endset -%}
    {%- do run_query(reader_sql) -%}
    {%- set file_columns = {} -%}
    {%- for column in run_query('select * from scv_raw_file limit 0').column_names -%}
        {%- do file_columns.setdefault(column | trim | lower, column) -%}
    {%- endfor -%}
    {%- set load_sql -%}
        create table raw.{{ table.name }} using parquet as
        select
            {%- for column in table.columns %}
            {% if column in file_columns -%}
                nullif(`{{ file_columns[column] | replace('`', '``') }}`, '')
            {%- else -%}
                cast(null as string)
            {%- endif %} as {{ column }},
            {%- endfor %}
            cast(row_number() over (order by _scv_position) as bigint) as _row_number
        from (select *, monotonically_increasing_id() as _scv_position from scv_raw_file) as file_rows
    {%- endset -%}
    {%- do run_query(load_sql) -%}
{% endmacro %}


{% macro spark_path_literal(value) -%}
    '{{ value | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}
