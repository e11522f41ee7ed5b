{#-
    A salted one-way hash of `expression` (a SQL expression), for keeping an
    erased person's identifiers without keeping the identifiers. The salt comes
    from the var `privacy_erasure_salt` unless `salt` (a Python string) is given;
    a deployment sets its own secret salt, so the hashes cannot be looked up in
    a table of hashed e-mail addresses.
-#}
{% macro salted_hash(expression, salt=none) -%}
    {%- set salt_value = var('privacy_erasure_salt') if salt is none else salt -%}
    {{ dbt.hash(dbt.concat(["'" ~ (salt_value | replace("'", "''")) ~ "|'", expression])) }}
{%- endmacro %}
