-- Macro blocking_key: each named key of a match profile as the string profiles are blocked on, and
-- NULL (no key: the profile is not blocked by that rule) when the profile lacks what the key
-- reads, or holds too little of it (an email's local part under four characters, a phone under
-- seven digits). Typed the other way round, a name keeps its name_soundexes_either_order key.
-- The Soundex codes are inputs here, as int_match_blocking_keys computes them beside the profile.
{%- set profiles = {
    'anna': {
        'first_name_canonical': 'anna', 'last_name_normalised': 'de vries', 'birth_date': '1985-03-12',
        'email_match_key': 'anna.devries@gmail.com', 'phone_national_number': '612345678',
        'postal_code_normalised': '1012ab', 'city_normalised': 'amsterdam',
        'first_name_soundex': 'A500', 'last_name_soundex': 'D162',
    },
    'sven': {
        'first_name_canonical': 'sven', 'last_name_normalised': 'brandhuber',
        'first_name_soundex': 'S150', 'last_name_soundex': 'B653',
    },
    'sven_swapped': {
        'first_name_canonical': 'brandhuber', 'last_name_normalised': 'sven',
        'first_name_soundex': 'B653', 'last_name_soundex': 'S150',
    },
    'sparse': {
        'last_name_normalised': 'smit', 'email_match_key': 'ab@xs4all.nl', 'phone_national_number': '12345',
        'city_normalised': 'utrecht', 'last_name_soundex': 'S530',
    },
} %}
{%- set cases = [
    ('surname_soundex_birth_year', 'anna', 'D162|1985'),
    ('first_name_birth_date', 'anna', 'anna|1985-03-12'),
    ('email_local_part', 'anna', 'anna.devries'),
    ('phone_last_7_digits', 'anna', '2345678'),
    ('postcode_first_initial', 'anna', '1012ab|a'),
    ('full_name_city', 'anna', 'anna|de vries|amsterdam'),
    ('surname_soundex_first_initial', 'anna', 'D162|a'),
    ('surname_soundex_postcode', 'anna', 'D162|1012ab'),
    ('name_soundexes_either_order', 'anna', 'A500|D162'),
    ('birth_date_postcode_area', 'anna', '1985-03-12|1'),
    ('name_soundexes_either_order', 'sven', 'B653|S150'),
    ('name_soundexes_either_order', 'sven_swapped', 'B653|S150'),
    ('surname_soundex_birth_year', 'sparse', none),
    ('email_local_part', 'sparse', none),
    ('phone_last_7_digits', 'sparse', none),
    ('postcode_first_initial', 'sparse', none),
    ('full_name_city', 'sparse', none),
] %}
{%- set text_columns = [
    'first_name_canonical', 'last_name_normalised', 'email_match_key', 'phone_national_number',
    'postal_code_normalised', 'city_normalised', 'first_name_soundex', 'last_name_soundex',
] %}
with

cases as (

    {%- for rule, profile_name, expected in cases %}
    select
        '{{ rule }}' as blocking_rule,
        {%- set profile = profiles[profile_name] %}
        '{{ profile_name }}' as profile_name,
        {%- for column in text_columns %}
        {{ string_literal(profile[column]) if column in profile else 'cast(null as ' ~ dbt.type_string() ~ ')' }}
            as {{ column }},
        {%- endfor %}
        cast({{ string_literal(profile.birth_date) if 'birth_date' in profile else 'null' }} as date) as birth_date,
        {{ string_literal(expected) if expected is not none else 'null' }} as expected_key
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

computed as (

    select
        blocking_rule,
        profile_name,
        expected_key,
        case blocking_rule
            {%- for rule in cases | map(attribute=0) | unique %}
            when '{{ rule }}' then {{ blocking_key(rule) }}
            {%- endfor %}
        end as computed_key
    from cases

)

select * from computed
where computed_key is distinct from expected_key
