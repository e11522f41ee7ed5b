{#-
    The identifier crosswalk: every identifier seen on every person-bearing
    record, with when it was seen. Values are the normalised match keys from
    staging (emails without plus-tags, phones as national significant numbers);
    junk placeholders are already NULL there, and the blocked-values seed is
    applied here to the identifier types staging does not clean (the first
    matching rule's reason in alphabetical order). The records and their
    identifier columns are the source registry's (macro source_registry).
-#}
{%- set identifier_columns = identity_sources()
    | map(attribute='identity') | map(attribute='identifiers') | sum(start=[]) -%}
{%- set identifier_types = identifier_columns | map(attribute='0') | unique | list %}

with

observed as (

    {% for source in identity_sources() %}
    {%- set record = source.identity %}
    {% for identifier_type, column in record.identifiers %}
    select
        '{{ source.source_table }}' as source_table,
        cast({{ record.record_id }} as {{ dbt.type_string() }}) as source_record_id,
        '{{ identifier_type }}' as identifier_type,
        cast({{ column }} as {{ dbt.type_string() }}) as identifier_value,
        cast({{ record.observed_at }} as {{ dbt.type_timestamp() }}) as seen_at
    from {{ ref(source.staging_model) }}
    where {{ column }} is not null and {{ record.record_id }} is not null
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

collapsed as (

    select
        source_table,
        source_record_id,
        identifier_type,
        identifier_value,
        min(seen_at) as first_seen_at,
        max(seen_at) as last_seen_at,
        count(*) as times_seen
    from observed
    group by source_table, source_record_id, identifier_type, identifier_value

),

flagged as (

    select
        *,
        -- The seed's rules rendered as constants per type (macro blocked_identifier_reason):
        -- a regex read from a table row would be compiled again for every identifier.
        case identifier_type
            {%- for identifier_type in identifier_types %}
            when '{{ identifier_type }}' then {{ blocked_identifier_reason(identifier_type, 'identifier_value') }}
            {%- endfor %}
        end as blocked_reason
    from collapsed

),

final as (

    select
        {{ record_key('source_table', 'source_record_id') }} as record_key,
        source_table,
        source_record_id,
        identifier_type,
        identifier_value,
        {{ dbt.concat(['identifier_type', "':'", 'identifier_value']) }} as identifier_key,
        blocked_reason is not null as is_blocked,
        blocked_reason,
        times_seen,
        first_seen_at,
        last_seen_at
    from flagged

)

select * from final
