-- Macro surnames_compatible: last names that do not clearly disagree: a missing one, a typo, one of
-- a double surname ('garcia lopez' / 'garcia', also the other way round), two double surnames
-- sharing the first ('garcia lopez' / 'garcia martinez'), a Polish wife's and husband's forms
-- ('kowalska' / 'kowalski'). Two different surnames are not compatible, never NULL.
{%- set cases = [
    ('garcia lopez', 'garcia', true), ('garcia', 'lopez garcia', true),
    ('garcia lopez', 'garcia martinez', true), ('smith', 'smyth', true),
    ('kowalska', 'kowalski', true), ('', 'jansen', true),
    ('martinez', 'garcia', false), ('jansen', 'de vries', false), ('lopez', 'garcia martinez', false),
    ('bianchi', 'rossi', false),
] %}
with

cases as (

    {{ literal_rows(cases, [
        ('left_name', "nullif('%s', '')"),
        ('right_name', "nullif('%s', '')"),
        ('expected_to_be_compatible', "%s"),
    ]) }}

)

select * from cases
where {{ surnames_compatible('left_name', 'right_name') }} is distinct from expected_to_be_compatible
