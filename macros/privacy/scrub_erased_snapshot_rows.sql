{#-
    Post-hooks of dim_customer_snapshot, so that the history keeps no more of an
    erased person than dim_customer does.

    scrub_erased_snapshot_rows: blank every personal column of every version of
    an erased customer, and of versions kept under an older id that was merged
    into an erased customer (identity's customer_id_history).

    scrub_erased_snapshot_values: blank one column (email or phone) on any
    version whose value an erased customer holds (a shared family email or
    landline), as int_erased_identifiers_hashed lists them.
-#}
{% macro scrub_erased_snapshot_rows(snapshot_relation) -%}
    {%- set personal_columns = [
        'first_name', 'last_name', 'email', 'phone', 'birth_date', 'street', 'city', 'postal_code', 'country_code',
        'name_source_record_id', 'email_source_record_id', 'phone_source_record_id', 'birth_date_source_record_id',
        'address_source_record_id', 'is_email_valid', 'is_phone_mobile', 'is_phone_country_inferred'
    ] -%}
    update {{ snapshot_relation }}
    set
        {%- for column in personal_columns %}
        {{ column }} = null{% if not loop.last %},{% endif %}
        {%- endfor %}
    where customer_id in (
        select customer_id from {{ ref('dim_customer') }} where is_erased
        union all
        select history.customer_id
        from {{ ref('customer_id_history') }} as history
        inner join {{ ref('dim_customer') }} as customers
            on history.related_customer_id = customers.customer_id
        where history.change_type = 'merged' and customers.is_erased
    )
{%- endmacro %}


{% macro scrub_erased_snapshot_values(snapshot_relation, column, hashed_type) -%}
    update {{ snapshot_relation }}
    set {{ column }} = null
    where {{ salted_hash(dbt.concat(["'" ~ hashed_type ~ ":'", column])) }} in (
        select value_hash
        from {{ ref('int_erased_identifiers_hashed') }}
        where hashed_type = '{{ hashed_type }}'
    )
{%- endmacro %}
