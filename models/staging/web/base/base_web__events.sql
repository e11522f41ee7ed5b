{#- An event has no updated_at: of two rows with one event_id the later in the file wins. -#}
{%- set event_types = ['page_view', 'product_view', 'add_to_cart', 'checkout_started', 'order_completed',
                       'login', 'signup', 'newsletter_signup'] -%}

with

source as (

    select * from {{ source('web', 'web_events') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('web', 'web_events') }},
        {{ exact_duplicate_rank('web', 'web_events') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ clean_text('event_id') }} as event_id,
        {{ clean_text('anonymous_id') }} as anonymous_id_cleaned,
        {{ clean_text('user_id') }} as shop_customer_id,
        {{ clean_text('device_id') }} as device_id_cleaned,
        {{ clean_text('order_id') }} as order_id,

        -- text
        {{ normalise_category('event_type') }} as event_type,
        {{ normalise_email('email') }} as email,
        nullif(trim(page_url), '') as page_url,

        -- timestamps
        {{ parse_timestamp('occurred_at') }} as occurred_at,

        -- raw values the repair notes compare against
        nullif(trim(occurred_at), '') as occurred_at_raw,

        -- lineage
        _row_number as raw_row_number,
        exact_duplicate_rank,
        raw_value_note,
        is_repeated_header_row

    from bounded

),

parsed as (

    select
        *,
        {{ is_blocked_identifier('anonymous_id', ['anonymous_id_cleaned']) }} as is_anonymous_id_junk,
        {{ is_blocked_identifier('device_id', ['device_id_cleaned']) }} as is_device_id_junk,
        {{ is_valid_email('email') }} as is_email_valid,
        {{ is_junk_email('email') }} as is_email_junk,
        {{ latest_version_rank(['event_id']) }} as version_rank
    from renamed

),

final as (

    select
        -- ids
        event_id,
        case when not is_anonymous_id_junk then anonymous_id_cleaned end as anonymous_id,
        shop_customer_id,
        case when not is_device_id_junk then device_id_cleaned end as device_id,
        order_id,

        -- text
        event_type,
        email,
        {{ email_match_key('email', 'is_email_junk') }} as email_match_key,
        page_url,

        -- booleans
        is_email_valid,
        is_email_junk,
        is_anonymous_id_junk,
        is_device_id_junk,

        -- timestamps
        occurred_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['event_id']) }} as rejection_reason,
        {{ repair_notes([
            "raw_value_note",
            note_when("is_anonymous_id_junk", 'anonymous_id: placeholder value'),
            note_when("is_device_id_junk", 'device_id: placeholder value'),
            note_when("email is not null and is_email_junk", 'email: placeholder value'),
            note_when("email is not null and not is_email_junk and not is_email_valid", 'email: invalid address'),
            note_when("event_type is null", 'event_type: missing value'),
            note_when("event_type not in ('" ~ event_types | join("', '") ~ "')", 'event_type: unknown value'),
            note_when("occurred_at_raw is not null and occurred_at is null", 'occurred_at: unparseable timestamp'),
            note_when("occurred_at_raw is null", 'occurred_at: missing value'),
        ]) }} as repair_note

    from parsed

)

select * from final
