-- Macro first_names_conflict: two typos of one name ('michwle', 'micheell') are far apart, but
-- their canonical forms (int_first_names_profiled) are one edit apart: no conflict. 'jan' (a
-- nickname of Johannes) and 'johanna' are two people: their canonical forms are two edits apart.
-- The names' masculine forms are given as columns, as the unified record carries them.
{%- set cases = [
    ('michwle', 'michele', 'micheell', 'michelle', false),
    ('michwle', 'michele', 'michelle', 'michelle', false),
    ('jan', 'johannes', 'johanna', 'johanna', true),
    ('maria', 'maria', 'mario', 'mario', true),
    ('giuseppina', 'giuseppina', 'giuseppe', 'giuseppe', true),
    ('sandra', 'sandra', 'sander', 'sander', true),
    ('noemie', 'noemie', 'noemiie', 'noemiie', false),
] %}
with

cases as (

    {%- for left_name, left_canonical, right_name, right_canonical, expected in cases %}
    select
        {{ loop.index }} as case_number,
        '{{ left_name }}' as left_name,
        '{{ left_canonical }}' as left_canonical,
        '{{ right_name }}' as right_name,
        '{{ right_canonical }}' as right_canonical,
        {{ expected }} as expected_to_conflict
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

left_names as (

    select
        case_number,
        left_name as first_name_normalised,
        left_canonical as first_name_canonical,
        'van kamp' as last_name_normalised,
        {{ masculine_forms('left_name') }} as first_name_masculine_forms,
        {{ masculine_forms('left_canonical') }} as first_name_canonical_masculine_forms,
        {{ masculine_forms("'van kamp'") }} as last_name_masculine_forms
    from cases

),

right_names as (

    select
        case_number,
        right_name as first_name_normalised,
        right_canonical as first_name_canonical,
        'van kamp' as last_name_normalised,
        {{ masculine_forms('right_name') }} as first_name_masculine_forms,
        {{ masculine_forms('right_canonical') }} as first_name_canonical_masculine_forms,
        {{ masculine_forms("'van kamp'") }} as last_name_masculine_forms
    from cases

)

select
    cases.*,
    {{ first_names_conflict('l', 'r') }} as is_conflict
from cases
inner join left_names as l
    on cases.case_number = l.case_number
inner join right_names as r
    on cases.case_number = r.case_number
where {{ first_names_conflict('l', 'r') }} <> cases.expected_to_conflict
