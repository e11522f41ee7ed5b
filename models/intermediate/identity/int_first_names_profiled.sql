{#-
    Every word typed as a first name, with how often it is typed as a first and as a
    last name. A given name is a first name on enough person records and far more
    often a first name than a last name ('maria' is, 'martin' and 'thomas' are not).
    Read from the data itself, so it knows the names of whatever countries the
    customers come from. Used to read household emails and to read a name written
    surname first ('Fonto Maria').
-#}
with

records as (

    select
        first_name_normalised,
        last_name_normalised
    from {{ ref('int_source_records_unioned') }}
    where is_person_record

),

first_name_counts as (

    select
        first_name_normalised as first_name,
        count(*) as first_name_record_count
    from records
    where length(first_name_normalised) >= 3
    group by first_name_normalised

),

last_name_counts as (

    select
        last_name_normalised as last_name,
        count(*) as last_name_record_count
    from records
    where last_name_normalised is not null
    group by last_name_normalised

),

final as (

    select
        first_name_counts.first_name,
        first_name_counts.first_name_record_count,
        coalesce(last_name_counts.last_name_record_count, 0) as last_name_record_count,
        first_name_counts.first_name_record_count >= {{ var('identity_given_name_min_records') }}
        and first_name_counts.first_name_record_count > 5 * coalesce(last_name_counts.last_name_record_count, 0)
            as is_given_name
    from first_name_counts
    left join last_name_counts
        on first_name_counts.first_name = last_name_counts.last_name

)

select * from final
