{#-
    PostgreSQL: the server reads the CSVs itself (`COPY ... FROM 'file'`), so `dbt build
    --target postgres --vars '{raw_dir: ...}'` loads `raw` like DuckDB does. That needs a
    server on this machine that can read `raw_dir`, and a superuser or a member of
    `pg_read_server_files`. Any other server: load with `python -m scv.load_raw` and
    build with `--vars '{raw_loader: external}'` (docs/engines.md).

    Each file is copied into a temporary table with one text column per header cell, then
    its contract columns are inserted into `raw.<table>`; an empty field becomes NULL (quoted
    or not, as DuckDB reads it). The tables are truncated and refilled, not dropped, so the
    staging views that depend on them survive a partial build; everything commits at once.
-#}
{% macro postgres__load_raw_sources() %}
    {%- if execute -%}
        {%- do run_query('create schema if not exists raw') -%}
        {%- for table in contract_source_tables() -%}
            {%- set path = raw_source_path(table.name, absolute=true) -%}
            {%- do postgres__prepare_raw_table(table) -%}
            {%- set header = postgres__raw_file_header(path) -%}
            {%- if header -%}
                {%- do postgres__copy_raw_file(table, path, header) -%}
            {%- endif -%}
        {%- endfor -%}
        {#- run_query opens no dbt transaction, but the driver's implicit one needs a commit. -#}
        {%- do run_query('commit') -%}
    {%- endif -%}
    select 1 as raw_sources_loaded
{% endmacro %}


{#- An empty `raw.<table>` with exactly the contract's columns; recreated if they changed. -#}
{% macro postgres__prepare_raw_table(table) %}
    {%- set wanted = table.columns + ['_row_number'] -%}
    {%- set existing = run_query(
        "select column_name from information_schema.columns where table_schema = 'raw'"
        ~ " and table_name = '" ~ table.name ~ "' order by ordinal_position"
    ).columns[0].values() | list -%}
    {%- if existing == wanted -%}
        {%- do run_query('truncate table raw.' ~ table.name) -%}
    {%- else -%}
        {%- set create_sql -%}
            drop table if exists raw.{{ table.name }} cascade;
            create table raw.{{ table.name }} (
                {%- for column in table.columns %}
                {{ column }} text,
                {%- endfor %}
                _row_number bigint
            )
        {%- endset -%}
        {%- do run_query(create_sql) -%}
    {%- endif -%}
{% endmacro %}


{#-
    The header cells of the file at `path`, as the server sees it; an empty list when the
    file is missing or empty. Cells are split the RFC 4180 way, so a quoted header with a
    comma stays one cell; a UTF-8 byte order mark and a CR line end are dropped.
-#}
{% macro postgres__raw_file_header(path) %}
    {%- set quoted_path = "'" ~ path | replace("'", "''") ~ "'" -%}
    {%- set header_sql -%}
        with head as (
            select pg_read_binary_file({{ quoted_path }}, 0, 1048576, true) as bytes
        ),
        first_line as (
            select rtrim(ltrim(convert_from(
                substring(bytes from 1 for coalesce(nullif(position('\x0a'::bytea in bytes), 0), length(bytes) + 1) - 1),
                'UTF8'), chr(65279)), chr(13)) as line
            from head
            where bytes is not null and length(bytes) > 0
        )
        select replace(regexp_replace(cell.match[1], '^"(.*)"$', '\1'), '""', '"') as name
        from first_line,
            regexp_matches(first_line.line || ',', '("(?:[^"]|"")*"|[^,]*),', 'g') with ordinality as cell (match, position)
        order by cell.position
    {%- endset -%}
    {{ return(run_query(header_sql).columns[0].values() | list) }}
{% endmacro %}


{% macro postgres__copy_raw_file(table, path, header) %}
    {%- set file_columns = {} -%}
    {%- for name in header -%}
        {%- do file_columns.setdefault(name | trim | lower, 'c' ~ loop.index) -%}
    {%- endfor -%}
    {%- set load_sql -%}
        drop table if exists scv_raw_file;
        create temporary table scv_raw_file (
            {%- for name in header %}
            c{{ loop.index }} text,
            {%- endfor %}
            _row_number bigint generated always as identity
        );
        copy scv_raw_file ({% for name in header %}c{{ loop.index }}{{ ', ' if not loop.last }}{% endfor %})
        from {{ "'" ~ path | replace("'", "''") ~ "'" }}
        with (format csv, header true, encoding 'UTF8');
        insert into raw.{{ table.name }}
        select
            {%- for column in table.columns %}
            {% if column in file_columns -%}
                nullif({{ file_columns[column] }}, '')
            {%- else -%}
                cast(null as text)
            {%- endif %} as {{ column }},
            {%- endfor %}
            _row_number
        from scv_raw_file;
        drop table scv_raw_file
    {%- endset -%}
    {%- do run_query(load_sql) -%}
{% endmacro %}
