{#-
    American Soundex of a name ('Robert' -> 'R163'), the sound-alike blocking key.
    Portable: letters to digit classes with translate(), runs collapsed, vowels
    dropped. (The rule that h/w do not separate equal codes is not applied: it
    only matters for rare spellings and the key is used for blocking, not scoring.)
    Every engine uses this one: a native soundex (Spark's applies the h/w rule) would
    block other pairs than DuckDB and so give other clusters.
-#}
{% macro soundex(expression) -%}
    {{ return(adapter.dispatch('soundex', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__soundex(expression) -%}
    {%- set letters = regexp_replace_all('lower(' ~ expression ~ ')', '[^a-z]', '') -%}
    {%- set codes = namespace(sql="translate(" ~ letters ~ ", 'abcdefghijklmnopqrstuvwxyz', '01230120022455012623010202')") -%}
    {%- for digit in ['1', '2', '3', '4', '5', '6'] -%}
        {%- set codes.sql = regexp_replace_all(codes.sql, digit ~ '+', digit) -%}
    {%- endfor -%}
    case
        when {{ letters }} = '' then null
        else {{ dbt.concat([
            'upper(' ~ ('substr(' ~ letters ~ ', 1, 1)') ~ ')',
            'substr(' ~ dbt.concat([regexp_replace_all('substr(' ~ codes.sql ~ ', 2)', '0', ''), "'000'"]) ~ ', 1, 3)'
        ]) }}
    end
{%- endmacro %}
