{#-
    The identifier crosswalk: every identifier seen on every person-bearing
    record, with when it was seen. Values are the normalised match keys from
    staging (emails without plus-tags, phones as national significant numbers);
    junk placeholders are already NULL there, and the blocked-values seed is
    applied here to the identifier types staging does not clean (the first
    matching rule's reason in alphabetical order).
-#}
{%- set record_identifiers = [
    ('stg_crm__contacts', 'crm_contacts', 'contact_id', 'updated_at',
        [('email', 'email_match_key'), ('phone', 'phone_national_number'), ('crm_contact_id', 'contact_id')]),
    ('stg_shop__customers', 'shop_customers', 'shop_customer_id', 'updated_at',
        [('email', 'email_match_key'), ('phone', 'phone_national_number'), ('shop_customer_id', 'shop_customer_id')]),
    ('stg_shop__orders', 'shop_orders', 'order_id', 'ordered_at',
        [('email', 'email_match_key'), ('phone', 'phone_national_number'),
         ('shop_customer_id', 'shop_customer_id'), ('order_id', 'order_id')]),
    ('stg_loyalty__members', 'loyalty_members', 'loyalty_card_number', 'signup_date',
        [('email', 'email_match_key'), ('phone', 'phone_national_number'),
         ('loyalty_card_number', 'loyalty_card_number')]),
    ('stg_support__tickets', 'support_tickets', 'ticket_id', 'created_at',
        [('email', 'email_match_key'), ('phone', 'phone_national_number')]),
    ('stg_pos__transactions', 'pos_transactions', 'transaction_id', 'transacted_at',
        [('loyalty_card_number', 'loyalty_card_number'), ('payment_token', 'payment_token')]),
    ('stg_web__events', 'web_events', 'anonymous_id', 'occurred_at',
        [('anonymous_id', 'anonymous_id'), ('shop_customer_id', 'shop_customer_id'), ('device_id', 'device_id'),
         ('email', 'email_match_key'), ('order_id', 'order_id')]),
] -%}
{%- set identifier_columns = record_identifiers | map(attribute='4') | sum(start=[]) -%}
{%- set identifier_types = identifier_columns | map(attribute='0') | unique | list %}

with

observed as (

    {% for model, table, key, seen_at, identifiers in record_identifiers %}
    {% for identifier_type, column in identifiers %}
    select
        '{{ table }}' as source_table,
        cast({{ key }} as {{ dbt.type_string() }}) as source_record_id,
        '{{ identifier_type }}' as identifier_type,
        cast({{ column }} as {{ dbt.type_string() }}) as identifier_value,
        cast({{ seen_at }} as {{ dbt.type_timestamp() }}) as seen_at
    from {{ ref(model) }}
    where {{ column }} is not null and {{ key }} is not null
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

collapsed as (

    select
        source_table,
        source_record_id,
        identifier_type,
        identifier_value,
        min(seen_at) as first_seen_at,
        max(seen_at) as last_seen_at,
        count(*) as times_seen
    from observed
    group by source_table, source_record_id, identifier_type, identifier_value

),

flagged as (

    select
        *,
        -- The seed's rules rendered as constants per type (macro blocked_identifier_reason):
        -- a regex read from a table row would be compiled again for every identifier.
        case identifier_type
            {%- for identifier_type in identifier_types %}
            when '{{ identifier_type }}' then {{ blocked_identifier_reason(identifier_type, 'identifier_value') }}
            {%- endfor %}
        end as blocked_reason
    from collapsed

),

final as (

    select
        {{ record_key('source_table', 'source_record_id') }} as record_key,
        source_table,
        source_record_id,
        identifier_type,
        identifier_value,
        {{ dbt.concat(['identifier_type', "':'", 'identifier_value']) }} as identifier_key,
        blocked_reason is not null as is_blocked,
        blocked_reason,
        times_seen,
        first_seen_at,
        last_seen_at
    from flagged

)

select * from final
