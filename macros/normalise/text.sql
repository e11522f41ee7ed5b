{#- Text with surrounding whitespace trimmed and inner runs of whitespace collapsed to one space; '' becomes NULL. -#}
{% macro clean_text(expression) -%}
    {{ return(adapter.dispatch('clean_text', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__clean_text(expression) -%}
    nullif(trim({{ regexp_replace_all(expression, '\s+', ' ') }}), '')
{%- endmacro %}


{#- Each word's first letter upper case, the rest lower case ('jean-pierre o''BRIEN' -> 'Jean-Pierre O''Brien'). -#}
{% macro title_case(expression) -%}
    {{ return(adapter.dispatch('title_case', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__title_case(expression) -%}
    initcap({{ expression }})
{%- endmacro %}

{#- DuckDB has no initcap: upper-case every letter that follows a non-letter, like Postgres' initcap. -#}
{% macro duckdb__title_case(expression) -%}
    array_to_string(
        list_transform(
            range(1, length({{ expression }}) + 1),
            lambda i: case
                when i = 1 or not regexp_matches(substr({{ expression }}, i - 1, 1), '\p{L}')
                    then upper(substr({{ expression }}, i, 1))
                else lower(substr({{ expression }}, i, 1))
            end
        ),
        ''
    )
{%- endmacro %}


{#-
    Accents folded to plain letters ('García' -> 'Garcia', 'Straße' -> 'Strasse'),
    for matching only. The letters folded are the ones European names use.
-#}
{% macro fold_accents(expression) -%}
    {{ return(adapter.dispatch('fold_accents', 'single_customer_view')(expression)) }}
{%- endmacro %}

{#- Letters that decompose into a base letter plus accent, and their base letter. -#}
{% macro accented_letters() %}
    {{ return({
        'from': 'àáâãäåāăąçćĉčďèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľńņňñòóôõöōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž'
              ~ 'ÀÁÂÃÄÅĀĂĄÇĆĈČĎÈÉÊËĒĔĖĘĚĜĞĠĢĤÌÍÎÏĨĪĬĮİĴĶĹĻĽŃŅŇÑÒÓÔÕÖŌŎŐŔŖŘŚŜŞŠŢŤÙÚÛÜŨŪŬŮŰŲŴÝŸŶŹŻŽ',
        'to':   'aaaaaaaaaccccdeeeeeeeeegggghiiiiiiiiijklllnnnnoooooooorrrssssttuuuuuuuuuuwyyyzzz'
              ~ 'AAAAAAAAACCCCDEEEEEEEEEGGGGHIIIIIIIIIJKLLLNNNNOOOOOOOORRRSSSSTTUUUUUUUUUUWYYYZZZ'
    }) }}
{% endmacro %}

{#- Letters that do not decompose (no Unicode accent to strip) and what they fold to. -#}
{% macro unaccented_letter_folds() %}
    {{ return([('ø', 'o'), ('Ø', 'O'), ('ł', 'l'), ('Ł', 'L'), ('đ', 'd'), ('Đ', 'D'), ('ð', 'd'), ('Ð', 'D'),
               ('ß', 'ss'), ('æ', 'ae'), ('Æ', 'AE'), ('œ', 'oe'), ('Œ', 'OE'), ('þ', 'th'), ('Þ', 'TH')]) }}
{% endmacro %}

{% macro replace_unaccented_letters(expression) -%}
    {%- set folded = namespace(sql=expression) -%}
    {%- for letter, plain in unaccented_letter_folds() -%}
        {%- set folded.sql = "replace(" ~ folded.sql ~ ", '" ~ letter ~ "', '" ~ plain ~ "')" -%}
    {%- endfor -%}
    {{ folded.sql }}
{%- endmacro %}

{% macro default__fold_accents(expression) -%}
    {%- set letters = accented_letters() -%}
    {{ replace_unaccented_letters("translate(" ~ expression ~ ", '" ~ letters['from'] ~ "', '" ~ letters['to'] ~ "')") }}
{%- endmacro %}

{#- strip_accents covers every decomposable accent; the replace chain adds ø, ł, ß and the like. -#}
{% macro duckdb__fold_accents(expression) -%}
    {{ replace_unaccented_letters("strip_accents(" ~ expression ~ ")") }}
{%- endmacro %}


{#- Categorical text as a lower-case token: trimmed, spaces and hyphens as '_' ('Page View' -> 'page_view'); '' becomes NULL. -#}
{% macro normalise_category(expression) -%}
    {{ return(adapter.dispatch('normalise_category', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_category(expression) -%}
    nullif({{ regexp_replace_all('lower(trim(' ~ expression ~ '))', '[\s-]+', '_') }}, '')
{%- endmacro %}
