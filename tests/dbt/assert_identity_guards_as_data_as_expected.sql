-- Macros identifier_type_has, rejection_code_has and is_one_of: a value the seed flags (read when
-- the test compiles: seeds/identity/identifier_types.csv, seeds/identity/rejection_reasons.csv) is
-- true; another value, a value of other case, NULL, or an empty list of values is false, never
-- NULL. The macros ref() the seeds, so `dbt build` loads them before this test.
{%- set guards = {
    'identifier_type_has': identifier_type_has,
    'rejection_code_has': rejection_code_has,
    'is_one_of': is_one_of,
} %}
{%- set cases = [
    ('identifier_type_has', 'email', 'is_household_shareable', true),
    ('identifier_type_has', 'phone', 'is_household_shareable', true),
    ('identifier_type_has', 'loyalty_card_number', 'is_household_shareable', false),
    ('identifier_type_has', 'device_id', 'is_carried_by_anonymous_records', true),
    ('identifier_type_has', 'payment_token', 'is_carried_by_anonymous_records', true),
    ('identifier_type_has', 'email', 'is_carried_by_anonymous_records', false),
    ('identifier_type_has', 'crm_contact_id', 'is_erasure_subject', true),
    ('identifier_type_has', 'order_id', 'is_erasure_subject', false),
    ('identifier_type_has', 'EMAIL', 'is_household_shareable', false),
    ('identifier_type_has', 'fax', 'is_household_shareable', false),
    ('identifier_type_has', none, 'is_erasure_subject', false),
    ('rejection_code_has', 'below_accept_threshold', 'is_for_review', true),
    ('rejection_code_has', 'conflicting_signatures', 'is_for_review', false),
    ('rejection_code_has', 'blocked_value', 'is_followed_by_detail', true),
    ('rejection_code_has', 'steward_conflict', 'is_followed_by_detail', false),
    ('rejection_code_has', none, 'is_for_review', false),
    ('is_one_of', 'email', ['email', 'phone'], true),
    ('is_one_of', "o'brien", ["o'brien"], true),
    ('is_one_of', 'fax', ['email', 'phone'], false),
    ('is_one_of', none, ['email'], false),
    ('is_one_of', 'email', [], false),
] %}
with

cases as (

    {%- for guard, value, argument, expected in cases %}
    select
        {{ loop.index }} as case_number,
        '{{ guard }}' as guard,
        {{ string_literal(value) if value is not none else 'cast(null as ' ~ dbt.type_string() ~ ')' }}
            as guarded_value,
        {{ string_literal(argument | string) }} as argument,
        {{ expected }} as expected_to_hold
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

)

select * from cases
where
    case case_number
        {%- for guard, value, argument, expected in cases %}
        when {{ loop.index }} then {{ guards[guard]('guarded_value', argument) }}
        {%- endfor %}
    end is distinct from expected_to_hold
