{#-
    Every email identifier, its local part read for a household: two given names
    (dotted, or joined by 'and' / 'und' / 'et'; or two first names before a surname,
    'thomas.claudia.steinhuber'), a family word or 'the' and a
    plural family name (seed household_email_patterns) make `household_email_reason`.
    Needs only the identifiers and the first-name profile, so the matching models
    that read it need not wait for the identifier groups.
-#}
{%- set household_email_patterns = reference_seed_rows('household_email_patterns') -%}
with

identifiers as (

    select
        identifier_key,
        identifier_value
    from {{ ref('int_identifiers_unioned') }}
    where not is_blocked and identifier_type = 'email'

),

-- Names joined by 'and' need only be first names ('chloeandlaurent'); in a dotted address both
-- must be given names (thomas.martin@ is one person).
first_names as (

    select
        first_name,
        is_given_name
    from {{ ref('int_first_names_profiled') }}
    where first_name_record_count >= {{ var('identity_given_name_min_records') }}

),

given_names as (

    select first_name as given_name
    from first_names
    where is_given_name

),

email_local_parts as (

    select distinct
        identifier_key,
        identifier_value,
        {{ dbt.split_part('identifier_value', "'@'", 1) }} as local_part
    from identifiers

),

-- The first four words of the local part ('anna.peter.smith82' has anna, peter, smith).
email_words as (

    {{ email_words('email_local_parts', 'identifier_key', 'identifier_value') }}

),

-- Two names joined in one word ('annaandpeter'): every split around a joining word.
joined_name_candidates as (

    {%- for joiner in ['and', 'und', 'et'] %}
    {%- for length in range(3, 13) %}
    select
        identifier_key,
        substr(word, 1, {{ length }}) as first_name,
        substr(word, {{ length + 1 + joiner | length }}) as second_name
    from email_words
    where substr(word, {{ length + 1 }}, {{ joiner | length }}) = '{{ joiner }}'
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

-- Two first names before a third word ('thomas.claudia.steinhuber82'): two people and their
-- surname, though 'thomas' is also a surname ('thomas.martin@', two words, is one person).
leading_first_name_pairs as (

    select
        first_word.identifier_key,
        first_word.word as first_name,
        second_word.word as second_name
    from email_words as first_word
    inner join email_words as second_word
        on
            first_word.identifier_key = second_word.identifier_key
            and second_word.word_position = 2
    inner join email_words as third_word
        on
            first_word.identifier_key = third_word.identifier_key
            and third_word.word_position = 3
    inner join first_names
        on first_word.word = first_names.first_name
    inner join first_names as second_names
        on second_word.word = second_names.first_name
    where
        first_word.word_position = 1
        and first_word.word <> second_word.word
        and third_word.word <> ''

),

email_given_names as (

    select
        email_words.identifier_key,
        email_words.word as given_name
    from email_words
    inner join given_names
        on email_words.word = given_names.given_name
    {%- for side in ['first_name', 'second_name'] %}
    union
    select
        identifier_key,
        {{ side }} as given_name
    from leading_first_name_pairs
    {%- endfor %}
    {%- for side in ['first_name', 'second_name'] %}
    union
    select
        joined_name_candidates.identifier_key,
        joined_name_candidates.{{ side }} as given_name
    from joined_name_candidates
    inner join first_names
        on joined_name_candidates.first_name = first_names.first_name
    inner join first_names as second_names
        on joined_name_candidates.second_name = second_names.first_name
    {%- endfor %}

),

household_emails as (

    select
        identifier_key,
        'the address names two people' as household_email_reason
    from email_given_names
    group by identifier_key
    having count(distinct given_name) >= 2
    {%- for rule in household_email_patterns %}
    union all
    select
        identifier_key,
        {{ string_literal('the address has ' ~ rule.reason) }} as household_email_reason
    from email_local_parts
    where {{ regexp_is_match('local_part', rule.pattern) }}
    {%- endfor %}

),

household_email_reasons as (

    select
        identifier_key,
        min(household_email_reason) as household_email_reason
    from household_emails
    group by identifier_key

),

final as (

    select
        email_local_parts.identifier_key,
        email_local_parts.identifier_value,
        household_email_reasons.household_email_reason
    from email_local_parts
    left join household_email_reasons
        on email_local_parts.identifier_key = household_email_reasons.identifier_key

)

select * from final
