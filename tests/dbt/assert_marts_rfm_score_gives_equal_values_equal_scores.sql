-- Macro rfm_score: percentile scores 1-5, equal values equal scores, in both directions.
with

input as (

    select
        'a' as input_key,
        1 as input_value,
        1 as expected_ascending,
        5 as expected_descending
    union all
    select
        'b',
        3,
        2,
        4
    union all
    select
        'c',
        3,
        2,
        4
    union all
    select
        'd',
        10,
        4,
        2
    union all
    select
        'e',
        10,
        4,
        2
    union all
    select
        'f',
        20,
        5,
        1

),

scored as (

    select
        input_key,
        expected_ascending,
        expected_descending,
        {{ rfm_score('input_value') }} as actual_ascending,
        {{ rfm_score('input_value desc') }} as actual_descending
    from input

)

select *
from scored
where actual_ascending <> expected_ascending or actual_descending <> expected_descending
