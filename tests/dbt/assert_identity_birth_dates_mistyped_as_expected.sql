-- Macro birth_dates_mistyped: one digit wrong or two adjacent digits swapped is a typo of one
-- date; two digits wrong, or the day and month swapped (a separate rule), is not.
{%- set cases = [
    ('1985-03-12', '1985-03-12', true), ('1985-03-12', '1985-03-13', true),
    ('1985-03-12', '1985-03-21', true), ('1929-01-01', '1992-01-01', true),
    ('1985-03-12', '1958-03-12', true), ('1985-03-12', '1986-04-12', false),
    ('1985-03-12', '1985-12-03', false), ('1985-03-12', '1995-03-21', false),
] %}
with

cases as (

    {{ literal_rows(cases, [
        ('left_date', "cast('%s' as date)"),
        ('right_date', "cast('%s' as date)"),
        ('expected_to_be_mistyped', "%s"),
    ]) }}

)

select *
from cases
where {{ birth_dates_mistyped('left_date', 'right_date') }} <> expected_to_be_mistyped
