{#-
    A ticket has no updated_at: of two rows with one ticket_id the later in the
    file wins. Tickets carry no address or country, so phones written nationally
    get no E.164 here (is_phone_country_unknown; contract reading 7).
-#}
{%- set channels = ['email', 'phone', 'chat', 'social'] -%}
{%- set ticket_statuses = ['new', 'open', 'pending', 'solved', 'closed'] -%}
{%- set satisfactions = ['good', 'bad'] -%}

with

source as (

    select * from {{ source('support', 'support_tickets') }}

),

-- Values over their cap dropped, control characters removed (macros/normalise/raw_values.sql).
bounded as (

    select
        {{ bounded_raw_columns('support', 'support_tickets') }},
        {{ exact_duplicate_rank('support', 'support_tickets') }} as exact_duplicate_rank
    from source

),

renamed as (

    select
        -- ids
        {{ clean_text('ticket_id') }} as ticket_id,

        -- text
        {{ clean_text('requester_name') }} as requester_name,
        {{ person_contact_columns('requester_email', 'requester_phone') }},
        {{ person_address_columns() }},
        {{ normalise_category('channel') }} as channel,
        {{ normalise_category('status') }} as ticket_status,
        {{ normalise_category('satisfaction') }} as satisfaction,

        -- timestamps
        {{ parse_timestamp('created_at') }} as created_at,
        {{ parse_timestamp('solved_at') }} as solved_at,

        -- raw values the repair notes compare against
        nullif(trim(created_at), '') as created_at_raw,
        nullif(trim(solved_at), '') as solved_at_raw,

        -- lineage
        _row_number as raw_row_number,
        exact_duplicate_rank,
        raw_value_note,
        is_repeated_header_row

    from bounded

),

-- The given and family names of the cleaned full name.
names_split as (

    select
        *,
        {{ full_name_first_name('requester_name') }} as first_name_parsed,
        {{ full_name_last_name('requester_name') }} as last_name_parsed
    from renamed

),

parsed as (

    select
        *,
        {{ person_name_columns('first_name_parsed', 'last_name_parsed') }},
        {{ latest_version_rank(['ticket_id']) }} as version_rank
    from names_split

),

{{ person_flag_ctes('parsed', has_country=false) }},

final as (

    select
        -- ids
        ticket_id,

        -- text
        requester_name,
        {{ person_text_outputs() }},
        channel,
        ticket_status,
        satisfaction,

        -- booleans
        {{ person_flag_outputs() }},

        -- timestamps
        created_at,
        solved_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['ticket_id']) }} as rejection_reason,
        {{ repair_notes(person_repair_notes('requester_email', 'requester_phone') + [
            "raw_value_note",
            note_when("is_first_name_junk or is_last_name_junk", 'requester_name: placeholder value'),
            note_when("channel not in ('" ~ channels | join("', '") ~ "')", 'channel: unknown value'),
            note_when("ticket_status not in ('" ~ ticket_statuses | join("', '") ~ "')", 'status: unknown value'),
            note_when("satisfaction not in ('" ~ satisfactions | join("', '") ~ "')", 'satisfaction: unknown value'),
            note_when("created_at_raw is not null and created_at is null", 'created_at: unparseable timestamp'),
            note_when("solved_at_raw is not null and solved_at is null", 'solved_at: unparseable timestamp'),
        ]) }} as repair_note

    from flagged

)

select * from final
