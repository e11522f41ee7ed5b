-- Macros names_agree / is_gender_variant: typos of one name agree, two names of one family do not
-- (the other sex's form of a name, or a different name two edits away).
{%- set cases = [
    ('wulliam', 'william', true), ('thoas', 'thomas', true), ('claudi', 'claudia', true),
    ('jon', 'john', true), ('maria', 'maria', true), ('noemie', 'noemiie', true),
    ('karin', 'martin', false), ('maxime', 'marie', false), ('annika', 'anneke', false),
    ('maria', 'mario', false), ('giovanna', 'giovanni', false), ('simone', 'simona', false),
    ('sandra', 'sander', false), ('petra', 'peter', false), ('christian', 'christina', false),
    ('louis', 'louise', false), ('daniel', 'danielle', false), ('stephane', 'stephanie', false),
    ('daniel', 'daniela', false), ('giuseppe', 'giuseppina', false),
] %}
with

cases as (

    {{ literal_rows(cases, [
        ('left_name', "'%s'"),
        ('right_name', "'%s'"),
        ('expected_to_agree', "%s"),
    ]) }}

)

select *
from cases
where {{ names_agree('left_name', 'right_name') }} <> expected_to_agree
