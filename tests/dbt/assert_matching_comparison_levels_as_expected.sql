-- Macros match_comparisons, comparison_level and match_level: a realistic pair of profiles lands on
-- the named level of each comparison (read by name, as decisions read it). A nickname is not a
-- typo, the other sex's form of a name ('maria' / 'mario') is no level at all, a swapped name is
-- 'similar', a household's email or phone is weaker than one person's, and a street a typo apart
-- is the same address only with the same house number. Level NULL: a value missing on one side.
{%- set cases = [
    ('first_name', {'first_name_normalised': 'william', 'first_name_canonical': 'william'},
        {'first_name_normalised': 'william', 'first_name_canonical': 'william'}, 'exact'),
    ('first_name', {'first_name_normalised': 'bill', 'first_name_canonical': 'william'},
        {'first_name_normalised': 'william', 'first_name_canonical': 'william'}, 'nickname'),
    ('first_name', {'first_name_normalised': 'catherine', 'first_name_canonical': 'catherine'},
        {'first_name_normalised': 'catharine', 'first_name_canonical': 'catharine'}, 'similar'),
    ('first_name', {'first_name_normalised': 'brandhuber', 'last_name_normalised': 'sven'},
        {'first_name_normalised': 'sven', 'last_name_normalised': 'brandhuber'}, 'similar'),
    ('first_name', {'first_name_normalised': 'wulliam', 'first_name_canonical': 'wulliam'},
        {'first_name_normalised': 'william', 'first_name_canonical': 'william'}, 'fuzzy'),
    ('first_name', {'first_name_normalised': 'j'}, {'first_name_normalised': 'john'}, 'fuzzy'),
    ('first_name', {'first_name_normalised': 'maria', 'first_name_canonical': 'maria'},
        {'first_name_normalised': 'mario', 'first_name_canonical': 'mario'}, 'else'),
    ('first_name', {}, {'first_name_normalised': 'anna'}, none),
    ('last_name', {'last_name_normalised': 'kowalska'}, {'last_name_normalised': 'kowalski'}, 'similar'),
    ('last_name', {'last_name_normalised': 'garcia lopez'}, {'last_name_normalised': 'garcia'}, 'fuzzy'),
    ('last_name', {'last_name_normalised': 'jansen'}, {'last_name_normalised': 'de vries'}, 'else'),
    ('birth_date', {'birth_date': '1985-03-12'}, {'birth_date': '1985-12-03'}, 'typo'),
    ('birth_date', {'birth_date': '1985-03-12'}, {'birth_date': '1985-03-13'}, 'typo'),
    ('birth_date', {'birth_date': '1985-03-12'}, {'birth_date': '1985-07-30'}, 'same_year'),
    ('birth_date', {'birth_date': '1985-03-12'}, {'birth_date': '1962-03-12'}, 'else'),
    ('email', {'email_match_key': 'anna.devries@gmail.com'}, {'email_match_key': 'anna.devries@gmail.com'}, 'personal'),
    ('email', {'email_match_key': 'devries.family@gmail.com', 'is_household_email': true},
        {'email_match_key': 'devries.family@gmail.com', 'is_household_email': true}, 'household'),
    ('phone', {'phone_national_number': '612345678'}, {'phone_national_number': '612345678'}, 'personal'),
    ('phone', {'phone_national_number': '201234567', 'is_household_phone': true},
        {'phone_national_number': '201234567', 'is_household_phone': true}, 'household'),
    ('phone', {'phone_national_number': '612345678'}, {'phone_national_number': '612345679'}, 'typo'),
    ('location', {'postal_code_normalised': '1012ab', 'city_normalised': 'amsterdam'},
        {'postal_code_normalised': '1012ab', 'city_normalised': 'amsterdam'}, 'postcode'),
    ('location', {'postal_code_normalised': '1012ab', 'city_normalised': 'amsterdam'},
        {'postal_code_normalised': '1017cd', 'city_normalised': 'amsterdam'}, 'district'),
    ('location', {'postal_code_normalised': '3011aa', 'city_normalised': 'rotterdam'},
        {'postal_code_normalised': '3072ap', 'city_normalised': 'roterdam'}, 'city'),
    ('location', {'city_normalised': 'rotterdam'}, {'postal_code_normalised': '3072ap'}, none),
    ('street', {'street_normalised': 'corso mazini, 4'}, {'street_normalised': 'corso mazzini, 4'}, 'similar'),
    ('street', {'street_normalised': 'corso mazzini, 4'}, {'street_normalised': 'corso mazzini, 77'}, 'else'),
] %}
{%- set text_columns = [
    'first_name_normalised', 'first_name_canonical', 'last_name_normalised', 'email_match_key',
    'phone_national_number', 'postal_code_normalised', 'city_normalised', 'street_normalised',
] %}
with

cases as (

    {%- for comparison, left_profile, right_profile, expected in cases %}
    select
        {{ loop.index }} as case_number,
        '{{ comparison }}' as comparison,
        {{ string_literal(expected) if expected else 'null' }} as expected_level_name,
        {{ 'null' if expected is none else 0 if expected == 'else' else match_level(comparison, expected) }}
            as expected_level
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

sides as (

    {%- for comparison, left_profile, right_profile, expected in cases %}
    {%- set case_number, is_last_case = loop.index, loop.last %}
    {%- for side, profile in [('l', left_profile), ('r', right_profile)] %}
    select
        {{ case_number }} as case_number,
        '{{ side }}' as side,
        {%- for column in text_columns %}
        {{ string_literal(profile[column]) if column in profile else 'cast(null as ' ~ dbt.type_string() ~ ')' }}
            as {{ column }},
        {%- endfor %}
        cast({{ string_literal(profile.birth_date) if 'birth_date' in profile else 'null' }} as date) as birth_date,
        {{ profile.get('is_household_email', false) }} as is_household_email,
        {{ profile.get('is_household_phone', false) }} as is_household_phone
    {%- if not (loop.last and is_last_case) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}

),

profiles as (

    select
        *,
        {{ masculine_forms_columns() }}
    from sides

),

computed as (

    select
        cases.*,
        case cases.comparison
            {%- for comparison in match_comparisons() %}
            when '{{ comparison.name }}' then {{ comparison_level(comparison) }}
            {%- endfor %}
        end as computed_level
    from cases
    inner join profiles as l
        on cases.case_number = l.case_number and l.side = 'l'
    inner join profiles as r
        on cases.case_number = r.case_number and r.side = 'r'

)

select * from computed
where computed_level is distinct from expected_level
