{#-
    on-run-end hook: write this run's audience changes (activation_audience_changes) as
    customer-match upload files, one folder per audience under `activation_export_dir`:
    `<run start>_adds.csv` and `<run start>_removes.csv` with the hashed identifier in the
    column ad platforms read (`Email` for an audience of emails, `Phone` for one of phones). Only when that model succeeded in this run,
    and only files with rows. Server engines keep the changes in the table for a reverse-ETL
    tool to read (default__ writes nothing).
-#}
{% macro write_activation_exports(results) %}
    {{ return(adapter.dispatch('write_activation_exports', 'single_customer_view')(results)) }}
{% endmacro %}


{% macro default__write_activation_exports(results) %}
    select 1 as activation_exports_in_table
{% endmacro %}


{% macro duckdb__write_activation_exports(results) %}
    {%- set built = results | selectattr('node.name', 'equalto', 'activation_audience_changes')
                            | selectattr('status', 'equalto', 'success') | list -%}
    {%- if not execute or not built or not var('activation_exports', true) -%}
        {{ return('select 1 as activation_exports_not_written') }}
    {%- endif -%}
    {%- set node = built[0].node -%}
    {%- set relation = adapter.get_relation(node.database, node.schema, node.alias) -%}
    {%- set directory = activation_export_dir() -%}
    {%- set stamp = run_started_at.strftime('%Y%m%dT%H%M%S') -%}
    {%- set counts = run_query(
        "select audience, change_type, count(*), count(hashed_email) > 0 from " ~ relation
        ~ " where invocation_id = '" ~ invocation_id ~ "' group by all order by all") -%}
    {%- for row in counts.rows -%}
        {%- set audience, change = row[0], row[1] -%}
        {%- set column = 'hashed_email as "Email"' if row[3] else 'hashed_phone as "Phone"' -%}
        {%- set folder = directory ~ '/' ~ audience -%}
        {%- do run_query("select scv_make_directory('" ~ folder ~ "')") -%}
        {%- do run_query(
            "copy (select " ~ column ~ " from " ~ relation
            ~ " where invocation_id = '" ~ invocation_id ~ "' and audience = '" ~ audience
            ~ "' and change_type = '" ~ change ~ "' order by member_key) to '" ~ folder ~ "/" ~ stamp
            ~ "_" ~ change ~ "s.csv' (header true)") -%}
        {%- do log('Activation export: ' ~ row[2] ~ ' ' ~ change ~ '(s) for ' ~ audience ~ ' in ' ~ folder, info=true) -%}
    {%- endfor -%}
    {{ return('select 1 as activation_exports_written') }}
{% endmacro %}


{#-
    Where audience exports are written: var `activation_export_dir`, or by default the
    warehouse file's name with `_exports` (warehouse/scv.duckdb -> warehouse/scv_exports/).
    Relative paths are read from the project root.
-#}
{% macro activation_export_dir() %}
    {{ return(warehouse_sibling_dir(var('activation_export_dir', ''), '_exports')) }}
{% endmacro %}
