{#-
    The source registry: every staged raw table, what identifies its rows, and
    what it contributes to identity resolution. The one place to add a source:
    the quarantine and the row accounting read `source_table`, `source_name`,
    `record_id`, `base_model` and `staging_model`; a table with `identity`
    contributes records to int_source_records_unioned and identifiers to
    int_identifiers_unioned (then give it survivorship rules in
    seeds/golden/survivorship_rules.csv).

    `identity` keys:
    - `record_id`: the column that identifies one identity record (the row key,
      or a column rows share: web events are one record per cookie);
    - `observed_at` / `first_seen_at`: when the record was last / first seen;
      also when its identifiers were seen;
    - `is_person_record`: the record carries a person's name, contacts and
      address (the staging model then has the person columns of
      int_source_records_unioned); else it is a satellite (a till sale, a
      cookie) that only links identifiers;
    - `birth_date`, `is_deleted`: SQL expressions over the staging model
      (`null`, `false` where the source has none);
    - `store_id`: the store the record was made at, or `null`;
    - `is_account_copy`: true when the record's contacts are copied from an
      account record of another table (an order placed from a shop account);
    - `identifiers`: (identifier type, column) pairs; each type is a row of
      seeds/identity/identifier_types.csv.

    A macro, not yml `meta`: dbt reads `ref()` while it parses the models, and
    the `graph` holds no yml meta then, so a registry read from meta could not
    declare the dependencies.
-#}
{% macro source_registry() %}
    {{ return([
        {'source_table': 'crm_contacts', 'source_name': 'crm', 'record_id': 'contact_id',
         'base_model': 'base_crm__contacts', 'staging_model': 'stg_crm__contacts',
         'identity': {'record_id': 'contact_id', 'observed_at': 'updated_at', 'first_seen_at': 'created_at',
                      'is_person_record': true, 'birth_date': 'birth_date', 'is_deleted': 'is_deleted',
                      'store_id': 'null', 'is_account_copy': 'false',
                      'identifiers': [('email', 'email_match_key'), ('phone', 'phone_national_number'),
                                      ('crm_contact_id', 'contact_id')]}},
        {'source_table': 'shop_customers', 'source_name': 'shop', 'record_id': 'shop_customer_id',
         'base_model': 'base_shop__customers', 'staging_model': 'stg_shop__customers',
         'identity': {'record_id': 'shop_customer_id', 'observed_at': 'updated_at', 'first_seen_at': 'created_at',
                      'is_person_record': true, 'birth_date': 'null', 'is_deleted': 'false',
                      'store_id': 'null', 'is_account_copy': 'false',
                      'identifiers': [('email', 'email_match_key'), ('phone', 'phone_national_number'),
                                      ('shop_customer_id', 'shop_customer_id')]}},
        {'source_table': 'shop_orders', 'source_name': 'shop', 'record_id': 'order_id',
         'base_model': 'base_shop__orders', 'staging_model': 'stg_shop__orders',
         'identity': {'record_id': 'order_id', 'observed_at': 'ordered_at', 'first_seen_at': 'ordered_at',
                      'is_person_record': true, 'birth_date': 'null', 'is_deleted': 'false',
                      'store_id': 'null', 'is_account_copy': 'shop_customer_id is not null',
                      'identifiers': [('email', 'email_match_key'), ('phone', 'phone_national_number'),
                                      ('shop_customer_id', 'shop_customer_id'), ('order_id', 'order_id')]}},
        {'source_table': 'shop_order_lines', 'source_name': 'shop', 'record_id': 'order_line_id',
         'base_model': 'base_shop__order_lines', 'staging_model': 'stg_shop__order_lines'},
        {'source_table': 'pos_transactions', 'source_name': 'pos', 'record_id': 'transaction_id',
         'base_model': 'base_pos__transactions', 'staging_model': 'stg_pos__transactions',
         'identity': {'record_id': 'transaction_id', 'observed_at': 'transacted_at', 'first_seen_at': 'transacted_at',
                      'is_person_record': false, 'birth_date': 'null', 'is_deleted': 'false',
                      'store_id': 'store_id', 'is_account_copy': 'false',
                      'identifiers': [('loyalty_card_number', 'loyalty_card_number'),
                                      ('payment_token', 'payment_token')]}},
        {'source_table': 'loyalty_members', 'source_name': 'loyalty', 'record_id': 'loyalty_card_number',
         'base_model': 'base_loyalty__members', 'staging_model': 'stg_loyalty__members',
         'identity': {'record_id': 'loyalty_card_number', 'observed_at': 'signup_date', 'first_seen_at': 'signup_date',
                      'is_person_record': true, 'birth_date': 'birth_date', 'is_deleted': 'false',
                      'store_id': 'signup_store', 'is_account_copy': 'false',
                      'identifiers': [('email', 'email_match_key'), ('phone', 'phone_national_number'),
                                      ('loyalty_card_number', 'loyalty_card_number')]}},
        {'source_table': 'web_events', 'source_name': 'web', 'record_id': 'event_id',
         'base_model': 'base_web__events', 'staging_model': 'stg_web__events',
         'identity': {'record_id': 'anonymous_id', 'observed_at': 'occurred_at', 'first_seen_at': 'occurred_at',
                      'is_person_record': false, 'birth_date': 'null', 'is_deleted': 'false',
                      'store_id': 'null', 'is_account_copy': 'false',
                      'identifiers': [('anonymous_id', 'anonymous_id'), ('shop_customer_id', 'shop_customer_id'),
                                      ('device_id', 'device_id'), ('email', 'email_match_key'),
                                      ('order_id', 'order_id')]}},
        {'source_table': 'support_tickets', 'source_name': 'support', 'record_id': 'ticket_id',
         'base_model': 'base_support__tickets', 'staging_model': 'stg_support__tickets',
         'identity': {'record_id': 'ticket_id', 'observed_at': 'created_at', 'first_seen_at': 'created_at',
                      'is_person_record': true, 'birth_date': 'null', 'is_deleted': 'false',
                      'store_id': 'null', 'is_account_copy': 'false',
                      'identifiers': [('email', 'email_match_key'), ('phone', 'phone_national_number')]}},
        {'source_table': 'consent_events', 'source_name': 'privacy', 'record_id': 'consent_event_id',
         'base_model': 'base_privacy__consent_events', 'staging_model': 'stg_privacy__consent_events'},
        {'source_table': 'erasure_requests', 'source_name': 'privacy', 'record_id': 'erasure_request_id',
         'base_model': 'base_privacy__erasure_requests', 'staging_model': 'stg_privacy__erasure_requests'},
    ]) }}
{% endmacro %}


{#- The registry's tables that contribute identity records, in registry order. -#}
{% macro identity_sources() %}
    {{ return(source_registry() | selectattr('identity', 'defined') | list) }}
{% endmacro %}
