{#- An email as typed, cleaned for display: every whitespace character removed, lower case; '' becomes NULL. -#}
{% macro normalise_email(expression) -%}
    {{ return(adapter.dispatch('normalise_email', 'single_customer_view')(expression)) }}
{%- endmacro %}

{% macro default__normalise_email(expression) -%}
    nullif(lower({{ regexp_replace_all(expression, '\\s+', '') }}), '')
{%- endmacro %}


{#-
    True when a normalised email has the shape local@domain.tld (a simple syntax
    check, not deliverability): dot-separated atoms of letters, digits and
    _%+'- before the '@', dot-separated labels and a 2+ letter TLD after it.
    False for NULL.
-#}
{% macro is_valid_email(email) -%}
    {{ return(adapter.dispatch('is_valid_email', 'single_customer_view')(email)) }}
{%- endmacro %}

{% macro default__is_valid_email(email) -%}
    coalesce({{ regexp_is_match(email, "^[a-z0-9_%+'-]+([.][a-z0-9_%+'-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?([.][a-z0-9]([a-z0-9-]*[a-z0-9])?)*[.][a-z]{2,}$") }}, false)
{%- endmacro %}


{#- True when a normalised email is a blocked placeholder (seeds/identity/blocked_identifier_values.csv). -#}
{% macro is_junk_email(email) -%}
    {{ return(adapter.dispatch('is_junk_email', 'single_customer_view')(email)) }}
{%- endmacro %}

{% macro default__is_junk_email(email) -%}
    {{ is_blocked_identifier('email', [email]) }}
{%- endmacro %}


{#-
    The email domain with known misspellings corrected
    (seeds/reference/email_domain_corrections.csv, rendered as a CASE).
-#}
{% macro corrected_email_domain(domain) -%}
    {{ return(adapter.dispatch('corrected_email_domain', 'single_customer_view')(domain)) }}
{%- endmacro %}

{% macro default__corrected_email_domain(domain) -%}
    {%- set corrections = reference_seed_rows('email_domain_corrections') -%}
    {%- if corrections -%}
    case {{ domain }}
        {%- for correction in corrections %}
        when {{ string_literal(correction.misspelt_domain | lower) }} then {{ string_literal(correction.corrected_domain | lower) }}
        {%- endfor %}
        else {{ domain }}
    end
    {%- else -%}
    {{ domain }}
    {%- endif -%}
{%- endmacro %}


{#-
    The key emails are matched on: the local part without its +tag, '@', the
    domain with misspellings corrected ('Ana.Lopez+shop@GMIAL.com' ->
    'ana.lopez@gmail.com'). NULL when the email is not valid, and when
    `is_junk` (a SQL boolean expression, optional) is true.
-#}
{% macro email_match_key(email, is_junk=none) -%}
    {{ return(adapter.dispatch('email_match_key', 'single_customer_view')(email, is_junk)) }}
{%- endmacro %}

{% macro default__email_match_key(email, is_junk=none) -%}
    {%- set local_part = regexp_replace_all(dbt.split_part(email, "'@'", 1), '[+].*$', '') -%}
    {%- set domain = corrected_email_domain(dbt.split_part(email, "'@'", 2)) -%}
    case
        when {{ is_valid_email(email) }}{% if is_junk is not none %} and not {{ is_junk }}{% endif %}
            then nullif({{ local_part }}, '') || '@' || {{ domain }}
    end
{%- endmacro %}
