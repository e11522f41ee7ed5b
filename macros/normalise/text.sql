{#- Text with surrounding whitespace trimmed and inner runs of whitespace collapsed to one space; '' becomes NULL. -#}
{% macro clean_text(expression) -%}
    {{ return(adapter.dispatch('clean_text', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__clean_text(expression) -%}
    nullif(trim({{ regexp_replace_all(expression, '\\s+', ' ') }}), '')
{%- endmacro %}


{#- Each word's first letter upper case, the rest lower case ('jean-pierre o''BRIEN' -> 'Jean-Pierre O''Brien'). -#}
{% macro title_case(expression) -%}
    {{ return(adapter.dispatch('title_case', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__title_case(expression) -%}
    initcap({{ expression }})
{%- endmacro %}

{#-
    DuckDB has no initcap: upper-case every letter that follows a non-letter, like Postgres'
    initcap. Each character is paired with the one before it (list_zip), so the expression is
    read twice, not once per character: a 1 MB value costs linear time, not 10^6 re-evaluations.
-#}
{% macro duckdb__title_case(expression) -%}
    array_to_string(
        list_transform(
            list_zip(string_split({{ expression }}, ''), list_prepend('', string_split({{ expression }}, ''))),
            lambda pair: case
                when not regexp_matches(pair[2], '\p{L}') then upper(pair[1])
                else lower(pair[1])
            end
        )[1:length({{ expression }})],
        ''
    )
{%- endmacro %}


{#- Spark's initcap only starts words after spaces ('Jean-pierre'); match the other engines. -#}
{% macro spark__title_case(expression) -%}
    case
        when length({{ expression }}) > 0 then array_join(
            transform(
                sequence(1, length({{ expression }})),
                i -> case
                    when i = 1 or not {{ regexp_is_match('substr(' ~ expression ~ ', i - 1, 1)', '\\p{L}') }}
                        then upper(substr({{ expression }}, i, 1))
                    else lower(substr({{ expression }}, i, 1))
                end
            ),
            ''
        )
        else {{ expression }}
    end
{%- endmacro %}

{#-
    Text in lower case with accents folded to plain letters ('García' -> 'garcia',
    'Søren' -> 'soren', 'Straße' -> 'strasse'), for matching. Lower case first,
    so only lower-case letters need folding: the expression stays shallow enough
    for every engine's and sqlfluff's parser (deep replace() chains are not).
-#}
{% macro fold_accents(expression) -%}
    {{ return(adapter.dispatch('fold_accents', 'single_customer_view')(expression)) }}
{%- endmacro %}

{#- Lower-case letters that decompose into a base letter plus accent, and letters Unicode does not decompose (ø, ł, đ, ð), with their plain letter: the two translate() strings. -#}
{% macro accented_letters() %}
    {{ return({
        'from': 'àáâãäåāăąçćĉčďèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľńņňñòóôõöōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżžøłđð',
        'to':   'aaaaaaaaaccccdeeeeeeeeegggghiiiiiiiiijklllnnnnoooooooorrrssssttuuuuuuuuuuwyyyzzzoldd'
    }) }}
{% endmacro %}

{#- Lower-case letters that fold to two letters, and what they fold to. -#}
{% macro ligature_folds() %}
    {{ return([('ß', 'ss'), ('æ', 'ae'), ('œ', 'oe'), ('þ', 'th')]) }}
{% endmacro %}

{% macro replace_ligatures(expression) -%}
    {%- set folded = namespace(sql=expression) -%}
    {%- for letter, plain in ligature_folds() -%}
        {%- set folded.sql = "replace(" ~ folded.sql ~ ", '" ~ letter ~ "', '" ~ plain ~ "')" -%}
    {%- endfor -%}
    {{ folded.sql }}
{%- endmacro %}

{% macro default__fold_accents(expression) -%}
    {%- set letters = accented_letters() -%}
    {{ replace_ligatures("translate(lower(" ~ expression ~ "), '" ~ letters['from'] ~ "', '" ~ letters['to'] ~ "')") }}
{%- endmacro %}

{#- strip_accents covers every decomposable accent; translate adds ø ł đ ð, the replaces the ligatures. -#}
{% macro duckdb__fold_accents(expression) -%}
    {{ replace_ligatures("translate(strip_accents(lower(" ~ expression ~ ")), 'øłđð', 'oldd')") }}
{%- endmacro %}


{#- Categorical text as a lower-case token: trimmed, spaces and hyphens as '_' ('Page View' -> 'page_view'); '' becomes NULL. -#}
{% macro normalise_category(expression) -%}
    {{ return(adapter.dispatch('normalise_category', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_category(expression) -%}
    nullif({{ regexp_replace_all('lower(trim(' ~ expression ~ '))', '[\\s-]+', '_') }}, '')
{%- endmacro %}
