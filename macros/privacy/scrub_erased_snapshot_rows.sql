{#-
    Post-hooks of dim_customer_snapshot, so that the history keeps no more of an
    erased person than dim_customer does.

    scrub_erased_snapshot_rows: blank every personal column of every version of
    an erased customer, and of versions kept under an older id that was merged,
    directly or through other merges, into an erased customer (identity's
    customer_id_history).

    scrub_erased_snapshot_values: blank one column (email or phone) on any
    version whose value an erased customer holds (a shared family email or
    landline), as int_erased_identifiers_hashed lists them.

    Spark (Delta) takes no subquery in UPDATE, so it gets the same as MERGE.
-#}
{% macro erased_snapshot_personal_columns() -%}
    {{ return([
        'first_name', 'last_name', 'email', 'phone', 'birth_date', 'street', 'city', 'postal_code', 'country_code',
        'name_source_record_id', 'email_source_record_id', 'phone_source_record_id', 'birth_date_source_record_id',
        'address_source_record_id', 'is_email_valid', 'is_phone_mobile', 'is_phone_country_inferred'
    ]) }}
{%- endmacro %}


{#-
    The customer ids whose snapshot versions are scrubbed whole: erased customers and every id
    merged into them, through any number of merges (A into B, B into C, C erased: A and B).
    Snapshots run on DuckDB and PostgreSQL only, both of which take WITH RECURSIVE here.
-#}
{% macro erased_snapshot_customer_ids() -%}
    with recursive erased_ids (customer_id) as (
        select customer_id from {{ ref('dim_customer') }} where is_erased
        union
        select history.customer_id
        from {{ ref('customer_id_history') }} as history
        inner join erased_ids
            on history.related_customer_id = erased_ids.customer_id
        where history.change_type = 'merged'
    )

    select customer_id from erased_ids
{%- endmacro %}


{% macro scrub_erased_snapshot_rows(snapshot_relation) -%}
    {{ return(adapter.dispatch('scrub_erased_snapshot_rows', 'single_customer_view')(snapshot_relation)) }}
{%- endmacro %}

{% macro default__scrub_erased_snapshot_rows(snapshot_relation) -%}
    update {{ snapshot_relation }}
    set
        {%- for column in erased_snapshot_personal_columns() %}
        {{ column }} = null{% if not loop.last %},{% endif %}
        {%- endfor %}
    where customer_id in (
        {{ erased_snapshot_customer_ids() }}
    )
{%- endmacro %}

{% macro spark__scrub_erased_snapshot_rows(snapshot_relation) -%}
    merge into {{ snapshot_relation }} as versions
    using (
        {{ erased_snapshot_customer_ids() }}
    ) as erased
        on versions.customer_id = erased.customer_id
    when matched then update set
        {%- for column in erased_snapshot_personal_columns() %}
        versions.{{ column }} = null{% if not loop.last %},{% endif %}
        {%- endfor %}
{%- endmacro %}


{% macro scrub_erased_snapshot_values(snapshot_relation, column, hashed_type) -%}
    {{ return(adapter.dispatch('scrub_erased_snapshot_values', 'single_customer_view')(
        snapshot_relation, column, hashed_type)) }}
{%- endmacro %}

{% macro default__scrub_erased_snapshot_values(snapshot_relation, column, hashed_type) -%}
    update {{ snapshot_relation }}
    set {{ column }} = null
    where {{ salted_hash(dbt.concat(["'" ~ hashed_type ~ ":'", column])) }} in (
        select value_hash
        from {{ ref('int_erased_identifiers_hashed') }}
        where hashed_type = '{{ hashed_type }}'
    )
{%- endmacro %}

{% macro spark__scrub_erased_snapshot_values(snapshot_relation, column, hashed_type) -%}
    merge into {{ snapshot_relation }} as versions
    using (
        select value_hash
        from {{ ref('int_erased_identifiers_hashed') }}
        where hashed_type = '{{ hashed_type }}'
    ) as erased
        on {{ salted_hash(dbt.concat(["'" ~ hashed_type ~ ":'", 'versions.' ~ column])) }} = erased.value_hash
    when matched then update set versions.{{ column }} = null
{%- endmacro %}
