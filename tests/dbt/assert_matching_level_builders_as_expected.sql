-- Macros exact_level, custom_level, jaro_winkler_level, levenshtein_level and comparison_level:
-- a pair takes the first level whose condition holds, levels are numbered from the bottom (the
-- last listed is 1), a pair matching none is 0 and a pair missing a value is NULL; each level
-- carries its label (the builders' default, or the one given).
{%- set comparison = {
    'name': 'city',
    'null_if': 'l.city is null or r.city is null',
    'levels': [
        exact_level('exact', 'city'),
        custom_level('abbreviated', 'one the start of the other',
            'substr(l.city, 1, length(r.city)) = r.city or substr(r.city, 1, length(l.city)) = l.city'),
        jaro_winkler_level('similar', 'city', 0.9),
        levenshtein_level('typo', 'city', 2, 'two letters off'),
    ],
} %}
{%- set cases = [
    ('amsterdam', 'amsterdam', 4, 'exact'),
    ('den haag', 'den', 3, 'one the start of the other'),
    ('amsterdam', 'amsterdma', 2, 'Jaro-Winkler >= 0.9'),
    ('bern', 'born', 1, 'two letters off'),
    ('lyon', 'leon', 1, 'two letters off'),
    ('paris', 'lyon', 0, none),
    ('paris', none, none, none),
] %}
with

cases as (

    {%- for left_city, right_city, expected_level, expected_label in cases %}
    select
        {{ loop.index }} as case_number,
        {{ string_literal(left_city) if left_city is not none else 'null' }} as left_city,
        {{ string_literal(right_city) if right_city is not none else 'null' }} as right_city,
        {{ expected_level if expected_level is not none else 'null' }} as expected_level,
        {{ string_literal(expected_label) if expected_label is not none else 'null' }} as expected_label
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

levels as (

    {%- for level in comparison.levels %}
    select
        {{ loop.revindex }} as level_number,
        {{ string_literal(level.label) }} as level_label
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

sides as (

    select
        case_number,
        'l' as side,
        left_city as city
    from cases
    union all
    select
        case_number,
        'r' as side,
        right_city as city
    from cases

),

computed as (

    select
        cases.*,
        {{ comparison_level(comparison) }} as computed_level
    from cases
    inner join sides as l
        on cases.case_number = l.case_number and l.side = 'l'
    inner join sides as r
        on cases.case_number = r.case_number and r.side = 'r'

)

select
    computed.*,
    levels.level_label as computed_label
from computed
left join levels
    on computed.computed_level = levels.level_number
where
    computed.computed_level is distinct from computed.expected_level
    or levels.level_label is distinct from computed.expected_label
