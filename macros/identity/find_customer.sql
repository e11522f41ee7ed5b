{#-
    Which customer holds a value? Reads what a person types the way staging
    reads the sources: an email in any case, with spaces, a +tag or a misspelt
    domain finds its match key; a phone in any format finds its national number
    (the typed digits end with it); any other id (card, order, account, token,
    cookie, device) matches trimmed and case-insensitively, spaces ignored.
        dbt run-operation find_customer --args '{value: " Ana.Garcia+crm@GMIAL.com"}'
    Prints each customer found with the identifier that matched and the golden
    name, or that none holds it; returns the customer ids.
-#}
{% macro find_customer(value) %}
    {%- set typed = string_literal(value) -%}
    {%- set email = normalise_email(typed) -%}
    {%- set digits = phone_digits(typed) -%}
    {%- set compact = "upper(" ~ regexp_replace_all(typed, '\\s+', '') ~ ")" -%}
    {%- set query -%}
        select distinct
            identifiers.customer_id,
            identifiers.identifier_type,
            identifiers.identifier_value,
            {{ dbt.concat(["coalesce(customers.first_name, '')", "' '", "coalesce(customers.last_name, '')"]) }} as golden_name
        from {{ ref('customer_identifiers') }} as identifiers
        left join {{ ref('dim_customer') }} as customers
            on identifiers.customer_id = customers.customer_id
        where
            (identifiers.identifier_type = 'email' and identifiers.identifier_value = {{ email_match_key(email) }})
            or (
                identifiers.identifier_type = 'phone'
                and length(identifiers.identifier_value) >= 6
                and {{ dbt.right(digits, 'length(identifiers.identifier_value)') }} = identifiers.identifier_value
                and length({{ digits }}) - length(identifiers.identifier_value) <= 4
            )
            or (
                identifiers.identifier_type not in ('email', 'phone')
                and upper({{ regexp_replace_all('identifiers.identifier_value', '\\s+', '') }}) = {{ compact }}
            )
        order by identifiers.customer_id, identifiers.identifier_type
    {%- endset -%}
    {%- set result = run_query(query) -%}
    {%- if result.rows | length == 0 -%}
        {{ print("No customer holds " ~ value ~ " (read as email "
            ~ (run_query('select ' ~ email_match_key(email)).columns[0].values()[0] or 'none')
            ~ ", phone digits " ~ (run_query('select ' ~ digits).columns[0].values()[0] or 'none') ~ ").") }}
        {{ return([]) }}
    {%- endif -%}
    {%- for row in result.rows -%}
        {{ print(row[0] ~ "  " ~ row[3] ~ "  (" ~ row[1] ~ " " ~ row[2] ~ ")") }}
    {%- endfor -%}
    {{ return(result.columns[0].values() | unique | list) }}
{% endmacro %}
