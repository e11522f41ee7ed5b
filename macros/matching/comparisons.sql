{#-
    The comparisons of probabilistic matching, Splink-style: each an ordered list
    of levels, most similar first. A pair takes the first level whose condition
    holds; a pair missing the value on either side takes the NULL level (no
    evidence); a pair matching no level takes 0 ("else"). `l` and `r` are the two
    profiles of a pair. `tf` names the column whose term frequency adjusts the
    exact level's weight (common names weigh less than rare ones).
-#}
{% macro match_comparisons() %}
    {%- set jw = jaro_winkler -%}
    {{ return([
        {
            'name': 'first_name',
            'null_if': 'l.first_name_normalised is null or r.first_name_normalised is null',
            'tf': 'first_name_normalised',
            'levels': [
                (4, 'exact', 'l.first_name_normalised = r.first_name_normalised'),
                (3, 'nickname or formal name', 'l.first_name_canonical = r.first_name_canonical'),
                (2, 'Jaro-Winkler >= 0.92 (not a gender variant) or swapped with last name',
                    '(' ~ jw('l.first_name_normalised', 'r.first_name_normalised') ~ ' >= 0.92'
                    ~ ' and not ' ~ is_gender_variant('l.first_name_normalised', 'r.first_name_normalised') ~ ')'
                    ~ ' or ' ~ names_swapped()),
                (1, 'Jaro-Winkler >= 0.8 (not a gender variant) or an initial',
                    '(' ~ jw('l.first_name_normalised', 'r.first_name_normalised') ~ ' >= 0.8'
                    ~ ' and not ' ~ is_gender_variant('l.first_name_normalised', 'r.first_name_normalised') ~ ')'
                    ~ ' or ((length(l.first_name_normalised) = 1 or length(r.first_name_normalised) = 1)'
                    ~ ' and ' ~ ('substr(' ~ 'l.first_name_normalised' ~ ', 1, 1)') ~ ' = ' ~ ('substr(' ~ 'r.first_name_normalised' ~ ', 1, 1)') ~ ')'),
            ],
        },
        {
            'name': 'last_name',
            'null_if': 'l.last_name_normalised is null or r.last_name_normalised is null',
            'tf': 'last_name_normalised',
            'levels': [
                (3, 'exact', 'l.last_name_normalised = r.last_name_normalised'),
                (2, 'Jaro-Winkler >= 0.92 or swapped with first name',
                    jw('l.last_name_normalised', 'r.last_name_normalised') ~ ' >= 0.92 or ' ~ names_swapped()),
                (1, 'Jaro-Winkler >= 0.8', jw('l.last_name_normalised', 'r.last_name_normalised') ~ ' >= 0.8'),
            ],
        },
        {
            'name': 'birth_date',
            'null_if': 'l.birth_date is null or r.birth_date is null',
            'tf': none,
            'levels': [
                (3, 'exact', 'l.birth_date = r.birth_date'),
                (2, 'day and month swapped, or one digit off',
                    '(extract(year from l.birth_date) = extract(year from r.birth_date)'
                    ~ ' and extract(month from l.birth_date) = extract(day from r.birth_date)'
                    ~ ' and extract(day from l.birth_date) = extract(month from r.birth_date))'
                    ~ ' or ' ~ levenshtein(dbt.cast('l.birth_date', dbt.type_string()), dbt.cast('r.birth_date', dbt.type_string())) ~ ' <= 1'),
                (1, 'same year', 'extract(year from l.birth_date) = extract(year from r.birth_date)'),
            ],
        },
        {
            'name': 'email',
            'null_if': 'l.email_match_key is null or r.email_match_key is null',
            'tf': none,
            'levels': [
                (1, 'exact', 'l.email_match_key = r.email_match_key'),
            ],
        },
        {
            'name': 'phone',
            'null_if': 'l.phone_national_number is null or r.phone_national_number is null',
            'tf': none,
            'levels': [
                (2, 'exact', 'l.phone_national_number = r.phone_national_number'),
                (1, 'one typo', levenshtein('l.phone_national_number', 'r.phone_national_number') ~ ' <= 1'),
            ],
        },
        {
            'name': 'location',
            'null_if': '(l.postal_code_normalised is null or r.postal_code_normalised is null)'
                ~ ' and (l.city_normalised is null or r.city_normalised is null)',
            'tf': none,
            'levels': [
                (3, 'same postcode', 'l.postal_code_normalised = r.postal_code_normalised'),
                (2, 'same postcode district and city',
                    'substr(l.postal_code_normalised, 1, 3) = substr(r.postal_code_normalised, 1, 3)'
                    ~ ' and ' ~ jw('l.city_normalised', 'r.city_normalised') ~ ' >= 0.9'),
                (1, 'same city', jw('l.city_normalised', 'r.city_normalised') ~ ' >= 0.9'),
            ],
        },
        {
            'name': 'street',
            'null_if': 'l.street_normalised is null or r.street_normalised is null',
            'tf': none,
            'levels': [
                (2, 'exact', 'l.street_normalised = r.street_normalised'),
                (1, 'Jaro-Winkler >= 0.88', jw('l.street_normalised', 'r.street_normalised') ~ ' >= 0.88'),
            ],
        },
    ]) }}
{% endmacro %}


{#-
    First and last name typed the other way round on one side: each crossed pair
    agrees at Jaro-Winkler >= 0.92. Both name comparisons take their fuzzy level, so
    a swapped name weighs like a mistyped one, not like two different names.
-#}
{% macro names_swapped() -%}
    ({{ jaro_winkler('l.first_name_normalised', 'r.last_name_normalised') }} >= 0.92
    and {{ jaro_winkler('l.last_name_normalised', 'r.first_name_normalised') }} >= 0.92)
{%- endmacro %}


{#- The level a pair reaches on one comparison (an integer, NULL when a value is missing). -#}
{% macro comparison_level(comparison) -%}
    case
        when {{ comparison.null_if }} then null
        {%- for level, label, condition in comparison.levels %}
        when {{ condition }} then {{ level }}
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
