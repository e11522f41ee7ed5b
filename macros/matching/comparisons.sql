{#-
    The comparisons of probabilistic matching, Splink-style: each an ordered list
    of levels, most similar first, built by the level macros below. A pair takes
    the first level whose condition holds; a pair missing the value on either side
    takes the NULL level (no evidence); a pair matching no level takes 0 ("else").
    Levels are numbered from the bottom (the last listed is 1), and decisions read
    them by name (`match_level('email', 'personal')`), never by number. `l` and `r`
    are the two profiles of a pair. `tf` names the column whose term frequency
    adjusts the exact level's weight (common names weigh less than rare ones).

    A street a typo apart is the same address only with the same house number (the
    digits of both lines agree): `corso mazzini, 4` and `corso mazzini, 77` are two homes.

    Email and phone agreement are split by whose value it is: a value the records of
    two or more given names carry (a family's email, a landline) is a household's
    (int_match_profiles), and agreeing on it is a separate, weaker level than agreeing
    on one person's own. So EM learns household agreement as what it is, and the
    email training session learns from personal emails only.
-#}
{% macro match_comparisons() %}
    {%- set similar = var('matching_name_similar_threshold') -%}
    {%- set fuzzy = var('matching_name_fuzzy_threshold') -%}
    {{ return([
        {
            'name': 'first_name',
            'null_if': 'l.first_name_normalised is null or r.first_name_normalised is null',
            'tf': 'first_name_normalised',
            'levels': [
                exact_level('exact', 'first_name_normalised'),
                custom_level('nickname', 'nickname or formal name', 'l.first_name_canonical = r.first_name_canonical'),
                custom_level('similar', 'Jaro-Winkler >= ' ~ similar ~ ' (not a gender variant) or swapped with last name',
                    '(' ~ jaro_winkler_condition('first_name_normalised', similar)
                    ~ ' and not ' ~ is_gender_variant('l.first_name_normalised', 'r.first_name_normalised', 'l.first_name_masculine_forms', 'r.first_name_masculine_forms') ~ ')'
                    ~ ' or ' ~ names_swapped()),
                custom_level('fuzzy', 'Jaro-Winkler >= ' ~ fuzzy ~ ' (not a gender variant) or an initial',
                    '(' ~ jaro_winkler_condition('first_name_normalised', fuzzy)
                    ~ ' and not ' ~ is_gender_variant('l.first_name_normalised', 'r.first_name_normalised', 'l.first_name_masculine_forms', 'r.first_name_masculine_forms') ~ ')'
                    ~ ' or ((length(l.first_name_normalised) = 1 or length(r.first_name_normalised) = 1)'
                    ~ ' and substr(l.first_name_normalised, 1, 1) = substr(r.first_name_normalised, 1, 1))'),
            ],
        },
        {
            'name': 'last_name',
            'null_if': 'l.last_name_normalised is null or r.last_name_normalised is null',
            'tf': 'last_name_normalised',
            'levels': [
                exact_level('exact', 'last_name_normalised'),
                custom_level('similar', 'Jaro-Winkler >= ' ~ similar ~ ' or swapped with first name',
                    jaro_winkler_condition('last_name_normalised', similar) ~ ' or ' ~ names_swapped()),
                jaro_winkler_level('fuzzy', 'last_name_normalised', fuzzy),
            ],
        },
        {
            'name': 'birth_date',
            'null_if': 'l.birth_date is null or r.birth_date is null',
            'tf': none,
            'levels': [
                exact_level('exact', 'birth_date'),
                custom_level('typo', 'day and month swapped, one digit off or two digits transposed',
                    birth_dates_day_month_swapped('l.birth_date', 'r.birth_date')
                    ~ ' or ' ~ birth_dates_mistyped('l.birth_date', 'r.birth_date')),
                custom_level('same_year', 'same year', 'extract(year from l.birth_date) = extract(year from r.birth_date)'),
            ],
        },
        {
            'name': 'email',
            'null_if': 'l.email_match_key is null or r.email_match_key is null',
            'tf': none,
            'levels': [
                custom_level('personal', "exact, one person's email",
                    'l.email_match_key = r.email_match_key and not l.is_household_email'),
                exact_level('household', 'email_match_key', "exact, a household's email (several given names, or a family address)"),
            ],
        },
        {
            'name': 'phone',
            'null_if': 'l.phone_national_number is null or r.phone_national_number is null',
            'tf': none,
            'levels': [
                custom_level('personal', "exact, one person's phone",
                    'l.phone_national_number = r.phone_national_number and not l.is_household_phone'),
                exact_level('household', 'phone_national_number', "exact, a household's phone (several given names)"),
                levenshtein_level('typo', 'phone_national_number', 1),
            ],
        },
        {
            'name': 'location',
            'null_if': '(l.postal_code_normalised is null or r.postal_code_normalised is null)'
                ~ ' and (l.city_normalised is null or r.city_normalised is null)',
            'tf': none,
            'levels': [
                exact_level('postcode', 'postal_code_normalised', 'same postcode'),
                custom_level('district', 'same postcode district and city',
                    'substr(l.postal_code_normalised, 1, 3) = substr(r.postal_code_normalised, 1, 3)'
                    ~ ' and ' ~ jaro_winkler_condition('city_normalised', var('matching_city_similar_threshold'))),
                jaro_winkler_level('city', 'city_normalised', var('matching_city_similar_threshold'), 'same city'),
            ],
        },
        {
            'name': 'street',
            'null_if': 'l.street_normalised is null or r.street_normalised is null',
            'tf': none,
            'levels': [
                exact_level('exact', 'street_normalised'),
                custom_level('similar', 'Jaro-Winkler >= ' ~ var('matching_street_similar_threshold') ~ ', the same house number',
                    jaro_winkler_condition('street_normalised', var('matching_street_similar_threshold'))
                    ~ ' and ' ~ regexp_replace_all('l.street_normalised', '[^0-9]', '')
                    ~ ' = ' ~ regexp_replace_all('r.street_normalised', '[^0-9]', '')),
            ],
        },
    ]) }}
{% endmacro %}


{#- A level: its name (what decisions read), its label (what a reviewer reads) and its SQL. -#}
{% macro custom_level(name, label, condition) -%}
    {{ return({'name': name, 'label': label, 'sql': '(' ~ condition ~ ')'}) }}
{%- endmacro %}


{#- The two sides equal on `column`. -#}
{% macro exact_level(name, column, label='exact') -%}
    {{ return(custom_level(name, label, 'l.' ~ column ~ ' = r.' ~ column)) }}
{%- endmacro %}


{#- Jaro-Winkler similarity of `column` at or above `threshold`. -#}
{% macro jaro_winkler_level(name, column, threshold, label=none) -%}
    {{ return(custom_level(name, label or ('Jaro-Winkler >= ' ~ threshold), jaro_winkler_condition(column, threshold))) }}
{%- endmacro %}


{#- Levenshtein distance of `column` at most `distance`. -#}
{% macro levenshtein_level(name, column, distance, label=none) -%}
    {{ return(custom_level(
        name,
        label or ('Levenshtein <= ' ~ distance),
        levenshtein('l.' ~ column, 'r.' ~ column) ~ ' <= ' ~ distance
    )) }}
{%- endmacro %}


{% macro jaro_winkler_condition(column, threshold) -%}
    {{ jaro_winkler('l.' ~ column, 'r.' ~ column) }} >= {{ threshold }}
{%- endmacro %}


{#-
    The number of comparison `comparison`'s level `level_name` (levels count up from 1
    at the least similar; 0 is "else"). A misspelt name fails the compile, so
    renumbering or reordering levels can never silently change a decision.
-#}
{% macro match_level(comparison, level_name) -%}
    {%- for candidate in match_comparisons() if candidate.name == comparison -%}
        {%- for level in candidate.levels -%}
            {%- if level.name == level_name -%}{{ return(candidate.levels | length - loop.index0) }}{%- endif -%}
        {%- endfor -%}
        {{ exceptions.raise_compiler_error("comparison '" ~ comparison ~ "' has no level '" ~ level_name ~ "'") }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error("no comparison named '" ~ comparison ~ "'") }}
{%- endmacro %}


{#-
    First and last name typed the other way round on one side: each crossed pair
    agrees at Jaro-Winkler >= matching_name_similar_threshold. Both name comparisons
    take their fuzzy level, so a swapped name weighs like a mistyped one, not like two
    different names.
-#}
{% macro names_swapped() -%}
    ({{ jaro_winkler('l.first_name_normalised', 'r.last_name_normalised') }} >= {{ var('matching_name_similar_threshold') }}
    and {{ jaro_winkler('l.last_name_normalised', 'r.first_name_normalised') }} >= {{ var('matching_name_similar_threshold') }})
{%- endmacro %}


{#- The level a pair reaches on one comparison (an integer, NULL when a value is missing). -#}
{% macro comparison_level(comparison) -%}
    case
        when {{ comparison.null_if }} then null
        {%- for level in comparison.levels %}
        when {{ level.sql }} then {{ comparison.levels | length - loop.index0 }}
        {%- endfor %}
        else 0
    end
{%- endmacro %}


{#- Levenshtein edit distance. -#}
{% macro levenshtein(left, right) -%}
    {{ return(adapter.dispatch('levenshtein', 'single_customer_view')(left, right)) }}
{%- endmacro %}

{% macro default__levenshtein(left, right) -%}
    levenshtein({{ left }}, {{ right }})
{%- endmacro %}
