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
        'b' as input_key,
        3 as input_value,
        2 as expected_ascending,
        4 as expected_descending
    union all
    select
        'c' as input_key,
        3 as input_value,
        2 as expected_ascending,
        4 as expected_descending
    union all
    select
        'd' as input_key,
        10 as input_value,
        4 as expected_ascending,
        2 as expected_descending
    union all
    select
        'e' as input_key,
        10 as input_value,
        4 as expected_ascending,
        2 as expected_descending
    union all
    select
        'f' as input_key,
        20 as input_value,
        5 as expected_ascending,
        1 as expected_descending

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
