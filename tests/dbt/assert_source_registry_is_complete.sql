{#-
    What a new source in the registry (macro source_registry) needs beyond its
    own entry, where forgetting it would not fail the build but silently lose
    data: every identifier type it emits is a row of
    seeds/identity/identifier_types.csv (else no guard knows whether a household
    shares it), and every person-record source has at least one survivorship
    rule in seeds/golden/survivorship_rules.csv (else none of its values ever
    reaches the golden record). A wrong column name needs no test here: the
    models that read it fail to compile. Returns one row per gap.
-#}
{%- set identifier_types = [] -%}
{%- set person_tables = [] -%}
{%- for source in identity_sources() -%}
{%- for identifier_type, column in source.identity.identifiers if [identifier_type] not in identifier_types -%}
{%- do identifier_types.append([identifier_type]) -%}
{%- endfor -%}
{%- if source.identity.is_person_record -%}
{%- do person_tables.append([source.source_table]) -%}
{%- endif -%}
{%- endfor %}

with

registry_identifier_types as (

    {{ literal_rows(identifier_types, [('identifier_type', "'%s'")]) }}

),

registry_person_tables as (

    {{ literal_rows(person_tables, [('source_table', "'%s'")]) }}

),

known_identifier_types as (

    select identifier_type from {{ ref('identifier_types') }}

),

survivorship_tables as (

    select distinct source_table from {{ ref('survivorship_rules') }}

)

select
    'identifier type' as gap_kind,
    registry_identifier_types.identifier_type as gap_value,
    'not a row of seeds/identity/identifier_types.csv' as problem
from registry_identifier_types
left join known_identifier_types
    on registry_identifier_types.identifier_type = known_identifier_types.identifier_type
where known_identifier_types.identifier_type is null

union all

select
    'person-record source table' as gap_kind,
    registry_person_tables.source_table as gap_value,
    'no rule in seeds/golden/survivorship_rules.csv' as problem
from registry_person_tables
left join survivorship_tables
    on registry_person_tables.source_table = survivorship_tables.source_table
where survivorship_tables.source_table is null
