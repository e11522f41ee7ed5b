{#-
    An ISO 8601 timestamp as a timestamp without time zone holding UTC:
    '2024-03-05T14:22:01Z', '2024-03-05 14:22:01' (no offset: read as UTC,
    contract reading 4), '2024-03-05T14:22:01+01:00' (converted to UTC),
    '2024-03-05' (00:00 UTC). Seconds and fractions are optional, 'T' or a space
    separates date and time, an offset may be '+01', '+0100' or '+01:00'.
    Anything else, or an impossible date or time, is NULL.
-#}
{% macro parse_timestamp(expression) -%}
    {{ return(adapter.dispatch('parse_timestamp', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro timestamp_shape_pattern() %}
    {{ return('^[0-9]{4}-[0-9]{2}-[0-9]{2}([t ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?\\s*(z|[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?)?)?$') }}
{% endmacro %}

{% macro default__parse_timestamp(expression) -%}
    {%- set text = 'lower(trim(' ~ expression ~ '))' -%}
    {#- After the 10-character date: 'hh:mm[:ss[.fff]]' then an optional offset; '-' there can only be a sign. -#}
    {%- set rest = 'substr(' ~ text ~ ', 12)' -%}
    {%- set offset_at -%}
        case
            when {{ dbt.position("'+'", rest) }} > 0 then {{ dbt.position("'+'", rest) }}
            when {{ dbt.position("'-'", rest) }} > 0 then {{ dbt.position("'-'", rest) }}
            when {{ dbt.position("'z'", rest) }} > 0 then {{ dbt.position("'z'", rest) }}
        end
    {%- endset -%}
    {%- set local_time = 'trim(case when (' ~ offset_at ~ ') is null then ' ~ rest ~ ' else substr(' ~ rest ~ ', 1, (' ~ offset_at ~ ') - 1) end)' -%}
    {%- set offset_digits = "replace(substr(" ~ rest ~ ", (" ~ offset_at ~ ")), ':', '')" -%}
    {#- 'z' (or no offset) is 0 minutes; '+hh', '+hhmm', '+hh:mm' are read only when a sign is there. -#}
    {%- set offset_minutes -%}
        case
            when substr({{ offset_digits }}, 1, 1) in ('+', '-')
                then
                    case when substr({{ offset_digits }}, 1, 1) = '-' then -1 else 1 end
                    * (
                        cast(substr({{ offset_digits }}, 2, 2) as integer) * 60
                        + case when length({{ offset_digits }}) >= 5 then cast(substr({{ offset_digits }}, 4, 2) as integer) else 0 end
                    )
            else 0
        end
    {%- endset -%}
    {%- set local_timestamp -%}
        cast(
            substr({{ text }}, 1, 10)
            || ' ' || case when length({{ text }}) > 10 then {{ local_time }} else '00:00:00' end
            as {{ dbt.type_timestamp() }}
        )
    {%- endset -%}
    case
        when {{ regexp_is_match(text, timestamp_shape_pattern()) }}
            and {{ is_real_iso_date('substr(' ~ text ~ ', 1, 10)') }}
            then {{ dbt.dateadd('minute', '-1 * (' ~ offset_minutes ~ ')', local_timestamp) }}
    end
{%- endmacro %}

{#-
    DuckDB reads every accepted shape itself. An offset string goes through
    timestamptz and AT TIME ZONE 'UTC' and one without through a plain
    timestamp, so the result does not depend on the session time zone.
-#}
{% macro duckdb__parse_timestamp(expression) -%}
    {%- set text = "regexp_replace(upper(trim(" ~ expression ~ ")), '\\s+([+-][0-9]{2}(:?[0-9]{2})?)$', '\\1')" -%}
    case
        when not {{ regexp_is_match('lower(trim(' ~ expression ~ '))', timestamp_shape_pattern()) }} then null
        when {{ regexp_is_match(text, '[0-9]:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)$') }}
            then cast(try_cast({{ text }} as timestamptz) at time zone 'UTC' as timestamp)
        else try_cast({{ text }} as timestamp)
    end
{%- endmacro %}
