-- A soft-deleted CRM contact is evidence of identity but never the source of a golden value.
with

lineage as (

    {% for attribute in ['name', 'email', 'phone', 'birth_date', 'address'] %}
    select
        customer_id,
        '{{ attribute }}' as attribute,
        {{ attribute }}_source_table as source_table,
        {{ attribute }}_source_record_id as source_record_id
    from {{ ref('dim_customer') }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select lineage.*
from lineage
inner join {{ ref('int_source_records') }} as records
    on lineage.source_table = records.source_table and lineage.source_record_id = records.source_record_id
where records.is_deleted
