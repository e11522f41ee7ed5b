{#- Courtesy titles stripped from the start of names, lower case ('m' is Monsieur and only counts with its dot: 'M. Dupont'). -#}
{% macro name_titles() %}
    {{ return(['mrs', 'mr', 'mstr', 'ms', 'miss', 'dr', 'prof', 'herr', 'frau', 'mme', 'mlle', 'srta', 'sra', 'sr']) }}
{% endmacro %}


{#- A word as a regular expression matching it in any case ('van' -> '[Vv][Aa][Nn]'); non-letters are kept as they are. -#}
{% macro case_insensitive_pattern(word) %}
    {%- set letters = [] -%}
    {%- for letter in word -%}
        {%- do letters.append('[' ~ letter | upper ~ letter ~ ']' if letter.isalpha() else letter) -%}
    {%- endfor -%}
    {{ return(letters | join('')) }}
{% endmacro %}


{#-
    A regular expression for one or more leading titles, each followed by a dot
    and/or whitespace. A title must be followed by something, so a lone 'Mr'
    stays. `case_insensitive` spells each letter as [Xx] (engines disagree on
    regex flags).
-#}
{% macro name_title_pattern(case_insensitive=false) %}
    {%- set words = [] -%}
    {%- for title in name_titles() -%}
        {%- do words.append(case_insensitive_pattern(title) if case_insensitive else title) -%}
    {%- endfor -%}
    {%- set monsieur = '[Mm]' if case_insensitive else 'm' -%}
    {{ return('^((' ~ (words | join('|')) ~ ')([.]\\s*|\\s+)|' ~ monsieur ~ '[.]\\s*)+') }}
{% endmacro %}


{#-
    Surname particles: a full name that starts with one is written surname
    first ('van der Akker Lotte', 'de la Fuente'). `leading` are the particles a
    surname can start with, `following` those that can come after one.
-#}
{% macro surname_particles() %}
    {{ return({
        'leading': ['van', 'von', 'vander', 'vanden', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'du', 'dos', 'das', 'ter', 'ten'],
        'following': ['van', 'von', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'du', 'dos', 'das', 'ter', 'ten', 'la', 'le', 'los', 'las', 'het', 'op']
    }) }}
{% endmacro %}


{#- The start of a surname-first name: leading particle, following particles, the surname's own word (any case). -#}
{% macro particle_surname_pattern() %}
    {%- set leading = [] -%}
    {%- set following = [] -%}
    {%- for particle in surname_particles()['leading'] -%}
        {%- do leading.append(case_insensitive_pattern(particle)) -%}
    {%- endfor -%}
    {%- for particle in surname_particles()['following'] -%}
        {%- do following.append(case_insensitive_pattern(particle)) -%}
    {%- endfor -%}
    {{ return('^(' ~ (leading | join('|')) ~ ')( (' ~ (following | join('|')) ~ '))* [^ ,]+') }}
{% endmacro %}


{#- A name for display: trimmed, inner spaces collapsed, title case ('  ana   GARCÍA ' -> 'Ana García'). -#}
{% macro normalise_name_display(expression) -%}
    {{ return(adapter.dispatch('normalise_name_display', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_name_display(expression) -%}
    {{ title_case(clean_text(expression)) }}
{%- endmacro %}


{#-
    A name in matching form: lower case, accents folded, leading titles
    stripped, apostrophes dropped, any other non-letter run as one space
    ('Dr. José-María O''Neil' -> 'jose maria oneil'); NULL when nothing is left.
-#}
{% macro normalise_name_match(expression) -%}
    {{ return(adapter.dispatch('normalise_name_match', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_name_match(expression) -%}
    {#- trim, not clean_text: the title pattern allows any spacing and the last step collapses the rest. -#}
    {%- set untitled = regexp_replace_all(fold_accents('trim(' ~ expression ~ ')'), name_title_pattern(), '') -%}
    {#- translate() deletes the characters it has no replacement for: the apostrophes. -#}
    {%- set without_apostrophes = 'translate(' ~ untitled ~ ', ' ~ string_literal("'’`") ~ ", '')" -%}
    nullif(trim({{ regexp_replace_all(without_apostrophes, '[^a-z]+', ' ') }}), '')
{%- endmacro %}


{#- A cleaned full name with its leading titles removed ('Mr John Smith' -> 'John Smith'). -#}
{% macro strip_name_titles(expression) -%}
    {{ return(adapter.dispatch('strip_name_titles', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__strip_name_titles(expression) -%}
    trim({{ regexp_replace_all(expression, name_title_pattern(case_insensitive=true), '') }})
{%- endmacro %}


{#-
    The given-name part of a free-text full name, passed cleaned (clean_text, in the
    model's renamed CTE, so that the expression is not inlined at every use here; apply
    normalise_name_display / normalise_name_match to the result):
    'GARCIA, Ana' -> 'Ana' (LAST, First), 'Mr John Smith' -> 'John',
    'j. smith' -> 'j.', 'Ana García López' -> 'Ana' (first word),
    'van der Akker Lotte' -> 'Lotte' (a name starting with a surname particle is
    surname first), 'de la Fuente' -> NULL, 'Madonna' -> 'Madonna' (one word and
    no title: a given name), 'Mr Smith' -> NULL.
-#}
{% macro full_name_first_name(cleaned_full_name) -%}
    {{ return(adapter.dispatch('full_name_first_name', 'single_customer_view')(cleaned_full_name)) }}
{%- endmacro %}

{% macro default__full_name_first_name(cleaned_full_name) -%}
    {%- set cleaned = cleaned_full_name -%}
    {%- set untitled = strip_name_titles(cleaned) -%}
    case
        when {{ dbt.position("','", untitled) }} > 0
            then nullif({{ strip_name_titles('trim(substr(' ~ untitled ~ ', ' ~ dbt.position("','", untitled) ~ ' + 1))') }}, '')
        when {{ regexp_is_match(untitled, particle_surname_pattern() ~ '$') }}
            then null
        when {{ regexp_is_match(untitled, particle_surname_pattern() ~ ' ') }}
            then {{ regexp_replace_all(untitled, particle_surname_pattern() ~ ' ', '') }}
        when {{ dbt.position("' '", untitled) }} > 0
            then {{ dbt.split_part(untitled, "' '", 1) }}
        when {{ untitled }} = {{ cleaned }}
            then nullif({{ untitled }}, '')
    end
{%- endmacro %}


{#-
    The family-name part of a free-text full name: 'GARCIA, Ana' -> 'GARCIA',
    'Mr John Smith' -> 'Smith', 'Ana García López' -> 'García López' (every
    word after the first), 'van der Akker Lotte' -> 'van der Akker',
    'de la Fuente' -> 'de la Fuente', 'Mr Smith' -> 'Smith' (a title and one word).
-#}
{% macro full_name_last_name(cleaned_full_name) -%}
    {{ return(adapter.dispatch('full_name_last_name', 'single_customer_view')(cleaned_full_name)) }}
{%- endmacro %}

{% macro default__full_name_last_name(cleaned_full_name) -%}
    {%- set cleaned = cleaned_full_name -%}
    {%- set untitled = strip_name_titles(cleaned) -%}
    {%- set given_names = regexp_replace_all(untitled, particle_surname_pattern() ~ ' ', '') -%}
    case
        when {{ dbt.position("','", untitled) }} > 0
            then nullif(trim(substr({{ untitled }}, 1, {{ dbt.position("','", untitled) }} - 1)), '')
        when {{ regexp_is_match(untitled, particle_surname_pattern() ~ '$') }}
            then {{ untitled }}
        when {{ regexp_is_match(untitled, particle_surname_pattern() ~ ' ') }}
            then substr({{ untitled }}, 1, length({{ untitled }}) - length({{ given_names }}) - 1)
        when {{ dbt.position("' '", untitled) }} > 0
            then substr({{ untitled }}, {{ dbt.position("' '", untitled) }} + 1)
        when {{ untitled }} <> {{ cleaned }}
            then nullif({{ untitled }}, '')
    end
{%- endmacro %}
