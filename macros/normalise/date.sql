{#-
    Dates in every format the contract allows, in two steps a model runs in
    consecutive CTEs (parse_date does both at once, with a longer SQL text):

      date_iso_text(raw)          -> 'YYYY-MM-DD' text, NULL when no format fits
      date_from_iso_text(iso)     -> the date, NULL when it is impossible ('1985-02-31')
      date_parse_issue(raw, iso)  -> NULL, 'unparseable date' or 'impossible date'

    Formats: YYYY-MM-DD (a trailing time is ignored), DD/MM/YYYY, D/M/YY (also
    with '.' or '-'), '12 March 1985', '12 Mar 1985', 'March 12, 1985'. A two-digit
    year YY is 20YY unless that date is after as_of_date, then 19YY (contract
    reading 6). Day-first is the contract's reading of n/n/n.
-#}

{#- Month names and abbreviations, lower case, by month number. -#}
{% macro month_names() %}
    {{ return({
        '01': ['jan', 'january'], '02': ['feb', 'february'], '03': ['mar', 'march'],
        '04': ['apr', 'april'], '05': ['may'], '06': ['jun', 'june'], '07': ['jul', 'july'],
        '08': ['aug', 'august'], '09': ['sep', 'sept', 'september'], '10': ['oct', 'october'],
        '11': ['nov', 'november'], '12': ['dec', 'december']
    }) }}
{% endmacro %}


{% macro date_iso_text(expression) -%}
    {{ return(adapter.dispatch('date_iso_text', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__date_iso_text(expression) -%}
    {{ date_iso_text_from_separated(date_separated_text(expression)) }}
{%- endmacro %}


{#-
    The first step of date_iso_text: lower case, a time after an ISO date dropped,
    every separator run made '/'. A model with several dates selects it in one CTE
    and date_iso_text_from_separated of the column in the next, so the long
    expression is not inlined at each of the format tests (compiled size).
-#}
{% macro date_separated_text(expression) -%}
    {{ return(adapter.dispatch('date_separated_text', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__date_separated_text(expression) -%}
    {%- set lowered = 'lower(trim(' ~ expression ~ '))' -%}
    {%- set without_time = 'case when ' ~ regexp_is_match(lowered, '^[0-9]{4}-[0-9]{2}-[0-9]{2}[t ]')
        ~ ' then substr(' ~ lowered ~ ', 1, 10) else ' ~ lowered ~ ' end' -%}
    {{ regexp_replace_all(without_time, '[/.,\\s-]+', '/') }}
{%- endmacro %}


{#- The second step of date_iso_text: 'YYYY-MM-DD' from date_separated_text, NULL when no format fits. -#}
{% macro date_iso_text_from_separated(text) -%}
    {{ return(adapter.dispatch('date_iso_text_from_separated', 'single_customer_view')(text)) }}
{%- endmacro %}

{% macro default__date_iso_text_from_separated(text) -%}
    {%- set part_1 = dbt.split_part(text, "'/'", 1) -%}
    {%- set part_2 = dbt.split_part(text, "'/'", 2) -%}
    {%- set part_3 = dbt.split_part(text, "'/'", 3) -%}
    {%- set month_of = {} -%}
    {%- for part_name, part in [('part_1', part_1), ('part_2', part_2)] -%}
        {%- set month_case -%}
            case {{ part }}
                {%- for number, names in month_names().items() %}
                {%- for name in names %}
                when '{{ name }}' then '{{ number }}'
                {%- endfor %}
                {%- endfor %}
            end
        {%- endset -%}
        {%- do month_of.update({part_name: month_case}) -%}
    {%- endfor -%}
    {%- set padded_1 = "lpad(" ~ part_1 ~ ", 2, '0')" -%}
    {%- set padded_2 = "lpad(" ~ part_2 ~ ", 2, '0')" -%}
    case
        when {{ regexp_is_match(text, '^[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}$') }}
            then {{ part_1 }} || '-' || {{ padded_2 }} || '-' || lpad({{ part_3 }}, 2, '0')
        when {{ regexp_is_match(text, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$') }}
            then {{ part_3 }} || '-' || {{ padded_2 }} || '-' || {{ padded_1 }}
        when {{ regexp_is_match(text, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}$') }}
            then {{ two_digit_year_iso_text(part_3, padded_2, padded_1) }}
        when {{ regexp_is_match(text, '^[0-9]{1,2}/[a-z]+/[0-9]{4}$') }}
            then {{ part_3 }} || '-' || {{ month_of['part_2'] }} || '-' || {{ padded_1 }}
        when {{ regexp_is_match(text, '^[0-9]{1,2}/[a-z]+/[0-9]{2}$') }}
            then {{ two_digit_year_iso_text(part_3, month_of['part_2'], padded_1) }}
        when {{ regexp_is_match(text, '^[a-z]+/[0-9]{1,2}/[0-9]{4}$') }}
            then {{ part_3 }} || '-' || {{ month_of['part_1'] }} || '-' || {{ padded_2 }}
    end
{%- endmacro %}


{#- 'YYYY-MM-DD' for a two-digit year: 20YY, or 19YY when 20YY-MM-DD is after as_of_date (contract reading 6). -#}
{% macro two_digit_year_iso_text(year_2, month_2, day_2) -%}
    {%- set month_day = "'-' || " ~ month_2 ~ " || '-' || " ~ day_2 -%}
    case when '20' || {{ year_2 }} || {{ month_day }} > '{{ as_of_date_value() }}' then '19' else '20' end
    || {{ year_2 }} || {{ month_day }}
{%- endmacro %}


{#- True when 'YYYY-MM-DD' text is a real Gregorian date (month 1-12, day within its month, 29 February only in leap years). -#}
{% macro is_real_iso_date(iso_text) -%}
    {{ return(adapter.dispatch('is_real_iso_date', 'single_customer_view')(iso_text)) }}
{%- endmacro %}

{% macro default__is_real_iso_date(iso_text) -%}
    {#- One constant pattern, so the text is read once and no cast can fail on an engine without try_cast. -#}
    {%- set leap_year = '([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)' -%}
    {%- set pattern = '^(' ~ leap_year ~ '-02-29|[0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8])))$' -%}
    coalesce({{ regexp_is_match(iso_text, pattern) }}, false)
{%- endmacro %}


{% macro date_from_iso_text(iso_text) -%}
    {{ return(adapter.dispatch('date_from_iso_text', 'single_customer_view')(iso_text)) }}
{%- endmacro %}

{% macro default__date_from_iso_text(iso_text) -%}
    case when {{ is_real_iso_date(iso_text) }} then cast({{ iso_text }} as date) end
{%- endmacro %}


{% macro date_parse_issue(expression, iso_text) -%}
    {{ return(adapter.dispatch('date_parse_issue', 'single_customer_view')(expression, iso_text)) }}
{%- endmacro %}

{% macro default__date_parse_issue(expression, iso_text) -%}
    case
        when nullif(trim({{ expression }}), '') is null then null
        when {{ iso_text }} is null then 'unparseable date'
        when not {{ is_real_iso_date(iso_text) }} then 'impossible date'
    end
{%- endmacro %}


{#- A date in any contract format, in one expression: date_from_iso_text(date_iso_text(expression)). -#}
{% macro parse_date(expression) -%}
    {{ return(adapter.dispatch('parse_date', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__parse_date(expression) -%}
    {{ date_from_iso_text(date_iso_text(expression)) }}
{%- endmacro %}
