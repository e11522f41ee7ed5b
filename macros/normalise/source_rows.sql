{#-
    How staging decides which raw rows it keeps, and how the quality models
    account for every raw row. Each base model types every raw row and computes
    `rejection_reason` (NULL = kept) and `repair_note` (what was repaired); the
    stg_ model selects the kept rows; the quarantine and the row-count
    reconciliation union the base models listed in source_registry().
-#}

{#-
    The contract columns of a raw table, from its source definition (the raw
    loader's list). `graph` is empty inside a unit test, so the loaded raw table
    (schema `raw`, as in the source ymls) is read instead, without `_row_number`.
-#}
{% macro raw_source_columns(source_name, table_name) %}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set node = graph.get('sources', {}).get('source.' ~ project_name ~ '.' ~ source_name ~ '.' ~ table_name) -%}
    {%- if node is not none -%}
        {{ return(node.columns.keys() | list) }}
    {%- endif -%}
    {%- set relation = adapter.get_relation(database=target.database, schema='raw', identifier=table_name) -%}
    {%- if relation is none -%}
        {{ exceptions.raise_compiler_error("raw_source_columns: raw." ~ table_name ~ " is not loaded") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in adapter.get_columns_in_relation(relation) if column.name | lower != '_row_number' -%}
        {%- do columns.append(column.name | lower) -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}


{#-
    1 for the first occurrence of a raw row, 2, 3, ... for its exact repeats
    (every contract column equal, NULLs equal), in file order.
-#}
{% macro exact_duplicate_rank(source_name, table_name) -%}
    {%- set columns = raw_source_columns(source_name, table_name) -%}
    row_number() over (
        {% if columns %}partition by {{ columns | join(', ') }}{% endif %}
        order by _row_number
    )
{%- endmacro %}


{#-
    1 for the version of a key that is kept: not an exact repeat, then the
    latest `version_columns` (descending, NULLs last), then the row later in
    the file. Reads `exact_duplicate_rank` and `raw_row_number`.
-#}
{% macro latest_version_rank(key_columns, version_columns=[]) -%}
    row_number() over (
        partition by {{ key_columns | join(', ') }}
        order by
            case when exact_duplicate_rank = 1 then 0 else 1 end,
            {%- for column in version_columns %}
            {{ column }} desc nulls last,
            {%- endfor %}
            raw_row_number desc
    )
{%- endmacro %}


{#-
    Why a raw row is not staged, or NULL when it is: 'repeated_header_row', 'missing_key',
    'exact_duplicate_row', 'superseded_by_later_version', then the table's own
    `rules` in order, each a (SQL condition, reason) pair. Reads
    `is_repeated_header_row`, `exact_duplicate_rank` and `version_rank`.
-#}
{% macro rejection_reason(key_columns, rules=[]) -%}
    case
        when is_repeated_header_row then 'repeated_header_row'
        when {% for column in key_columns %}{{ column }} is null{% if not loop.last %} or {% endif %}{% endfor %}
            then 'missing_key'
        when exact_duplicate_rank > 1 then 'exact_duplicate_row'
        when version_rank > 1 then 'superseded_by_later_version'
        {%- for condition, reason in rules %}
        when {{ condition }} then '{{ reason }}'
        {%- endfor %}
    end
{%- endmacro %}


{#- `note` (constant text) when `condition` holds, else NULL: one entry of repair_notes(). -#}
{% macro note_when(condition, note) -%}
    case when {{ condition }} then {{ string_literal(note) }} end
{%- endmacro %}


{#- The non-NULL `notes` (SQL text expressions) joined with '; ', or NULL when there are none. -#}
{% macro repair_notes(notes) -%}
    nullif(substr(
        {%- for note in notes %}
        coalesce('; ' || {{ note }}, ''){% if not loop.last %} ||{% endif %}
        {%- endfor %},
        3
    ), '')
{%- endmacro %}


{#- The rejected and repaired rows of every base model, one union (int_source_rows_quarantined). -#}
{% macro quarantined_source_rows() -%}
    {%- for table in source_registry() %}
    select
        '{{ table.source_table }}' as source_table,
        cast({{ table.record_id }} as {{ dbt.type_string() }}) as source_record_id,
        raw_row_number,
        coalesce(rejection_reason, repair_note) as quarantine_reason,
        rejection_reason is not null as is_rejected,
        rejection_reason,
        repair_note
    from {{ ref(table.base_model) }}
    where rejection_reason is not null or repair_note is not null
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}


{#- Per staged table: raw, staged, rejected and repaired row counts (int_source_row_counts_reconciled). -#}
{% macro source_row_counts() -%}
    {%- for table in source_registry() %}
    select
        '{{ table.source_table }}' as source_table,
        (select count(*) from {{ ref(table.base_model) }}) as raw_row_count,
        (select count(*) from {{ ref(table.staging_model) }}) as staged_row_count,
        (select count(*) from {{ ref(table.base_model) }} where rejection_reason is not null) as rejected_row_count,
        (
            select count(*) from {{ ref(table.base_model) }}
            where rejection_reason is null and repair_note is not null
        ) as repaired_row_count
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}
