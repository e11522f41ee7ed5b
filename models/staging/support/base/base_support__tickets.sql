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

    select
        *,
        {{ exact_duplicate_rank('support', 'support_tickets') }} as exact_duplicate_rank
    from {{ source('support', 'support_tickets') }}

),

renamed as (

    select
        -- ids
        {{ clean_text('ticket_id') }} as ticket_id,

        -- text
        {{ clean_text('requester_name') }} as requester_name,
        {{ full_name_first_name('requester_name') }} as first_name_parsed,
        {{ full_name_last_name('requester_name') }} as last_name_parsed,
        {{ normalise_email('requester_email') }} as email,
        {{ clean_text('requester_phone') }} as phone,
        {{ phone_digits('requester_phone') }} as phone_digits,
        {{ phone_international_digits('requester_phone') }} as phone_international_digits,
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
        exact_duplicate_rank

    from source

),

parsed as (

    select
        *,
        {{ normalise_name_display('first_name_parsed') }} as first_name,
        {{ normalise_name_display('last_name_parsed') }} as last_name,
        {{ normalise_name_match('first_name_parsed') }} as first_name_match,
        {{ normalise_name_match('last_name_parsed') }} as last_name_match,
        {{ is_valid_email('email') }} as is_email_valid,
        {{ is_junk_email('email') }} as is_email_junk,
        {{ calling_code_of_international_digits('phone_international_digits') }} as phone_calling_code,
        {{ latest_version_rank(['ticket_id']) }} as version_rank
    from renamed

),

phone_numbers as (

    select
        *,
        {{ is_blocked_identifier('name', ['first_name_match', 'first_name']) }} as is_first_name_junk,
        {{ is_blocked_identifier('name', ['last_name_match', 'last_name']) }} as is_last_name_junk,
        {{ phone_national_number('phone_digits', 'phone_international_digits', 'phone_calling_code', 'null', 'null') }}
            as phone_national_number_parsed
    from parsed

),

flagged as (

    select
        *,
        {{ phone_e164('phone_national_number_parsed', 'phone_international_digits', 'phone_calling_code', 'null') }}
            as phone_e164_parsed,
        {{ is_junk_phone('phone', 'phone_digits', 'phone_national_number_parsed') }} as is_phone_junk
    from phone_numbers

),

final as (

    select
        -- ids
        ticket_id,

        -- text
        requester_name,
        first_name,
        last_name,
        case when not is_first_name_junk then first_name_match end as first_name_normalised,
        case when not is_last_name_junk then last_name_match end as last_name_normalised,
        email,
        {{ email_match_key('email', 'is_email_junk') }} as email_match_key,
        phone,
        case when not is_phone_junk then phone_e164_parsed end as phone_e164,
        case when not is_phone_junk then phone_national_number_parsed end as phone_national_number,
        -- No address on a ticket: NULL, so every person-bearing model has the same columns.
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as city,
        cast(null as {{ dbt.type_string() }}) as postal_code,
        cast(null as {{ dbt.type_string() }}) as postal_code_normalised,
        cast(null as {{ dbt.type_string() }}) as country_code,
        channel,
        ticket_status,
        satisfaction,

        -- booleans
        is_email_valid,
        is_email_junk,
        coalesce(
            not is_phone_junk
            and {{ is_phone_country_unknown('phone_national_number_parsed', 'phone_international_digits', 'null') }},
            false
        ) as is_phone_country_unknown,
        is_phone_junk,
        (phone_national_number_parsed is not null or phone_e164_parsed is not null) as is_phone_valid,
        is_first_name_junk,
        is_last_name_junk,

        -- timestamps
        created_at,
        solved_at,

        -- row status
        raw_row_number,
        {{ rejection_reason(['ticket_id']) }} as rejection_reason,
        {{ repair_notes([
            note_when("email is not null and is_email_junk", 'requester_email: placeholder value'),
            note_when("email is not null and not is_email_junk and not is_email_valid", 'requester_email: invalid address'),
            note_when("phone is not null and is_phone_junk", 'requester_phone: placeholder value'),
            note_when("phone is not null and not is_phone_junk and phone_national_number_parsed is null and phone_e164_parsed is null", 'requester_phone: not a phone number'),
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
