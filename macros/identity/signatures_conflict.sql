{#-
    Cannot-link evidence between two records' strong attributes. `left` and
    `right` are relation aliases carrying first_name_normalised,
    first_name_canonical, last_name_normalised and birth_date.

    First names conflict when both are known and are not the same name:
    not equal, not nickname-equivalent, not an initial of the other, not a
    likely typo (Jaro-Winkler at or above `identity_first_name_similarity`),
    and not a first/last swap. Birth dates conflict when both are known and
    differ other than by a day/month swap.
-#}
{% macro first_names_conflict(left, right) -%}
    (
        {{ left }}.first_name_normalised is not null
        and {{ right }}.first_name_normalised is not null
        and {{ left }}.first_name_normalised <> {{ right }}.first_name_normalised
        and coalesce({{ left }}.first_name_canonical <> {{ right }}.first_name_canonical, true)
        and not (
            (length({{ left }}.first_name_normalised) = 1 or length({{ right }}.first_name_normalised) = 1)
            and {{ ('substr(' ~ left ~ '.first_name_normalised' ~ ', 1, 1)') }} = {{ ('substr(' ~ right ~ '.first_name_normalised' ~ ', 1, 1)') }}
        )
        and {{ jaro_winkler(left ~ '.first_name_normalised', right ~ '.first_name_normalised') }}
            < {{ var('identity_first_name_similarity') }}
        and coalesce(
            not (
                {{ left }}.first_name_normalised = {{ right }}.last_name_normalised
                and {{ left }}.last_name_normalised = {{ right }}.first_name_normalised
            ),
            true
        )
    )
{%- endmacro %}

{% macro birth_dates_conflict(left, right) -%}
    (
        {{ left }}.birth_date is not null
        and {{ right }}.birth_date is not null
        and {{ left }}.birth_date <> {{ right }}.birth_date
        and not (
            extract(year from {{ left }}.birth_date) = extract(year from {{ right }}.birth_date)
            and extract(month from {{ left }}.birth_date) = extract(day from {{ right }}.birth_date)
            and extract(day from {{ left }}.birth_date) = extract(month from {{ right }}.birth_date)
        )
    )
{%- endmacro %}

{% macro signatures_conflict(left, right) -%}
    ({{ first_names_conflict(left, right) }} or {{ birth_dates_conflict(left, right) }})
{%- endmacro %}
