{#-
    Every person-bearing source record, one row each, in one shape: the rows of
    `customer_crosswalk` and the inputs of matching and survivorship. A first
    name gets its canonical form from int_first_names_profiled (the formal name
    of a nickname, the common name a rare misspelling stands for).
-#}
with

records as (

    select * from {{ ref('int_source_records_stacked') }}

),

first_names as (

    select
        first_name,
        first_name_canonical
    from {{ ref('int_first_names_profiled') }}

),

final as (

    select
        records.*,
        coalesce(first_names.first_name_canonical, records.first_name_normalised) as first_name_canonical
    from records
    left join first_names
        on records.first_name_normalised = first_names.first_name

)

select * from final
