{#-
    What each audience export adds and removes, run after run: the log that customer-match
    uploads are written from. Members are read from the audience marts (consented, not
    erased, a valid identifier); each is keyed by audience, customer and hashed identifier
    (the SHA-256 of the normalised email or E.164 phone, the identifier the consent covers).
    A member not in the last export state is an add; an exported member gone from the
    audience (consent withdrawn, erased, identifier changed) is a remove. Append-only and
    never full-refreshed: it is what the platforms were sent. The state is read from this
    model's own table.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false
    )
}}

with

members as (

    select
        cast('email_marketing' as {{ dbt.type_string() }}) as audience,
        customer_id,
        {{ sha256_hex('lower(trim(email))') }} as hashed_email,
        cast(null as {{ dbt.type_string() }}) as hashed_phone
    from {{ ref('audience_email_marketing') }}
    union all
    select
        cast('sms_marketing' as {{ dbt.type_string() }}) as audience,
        customer_id,
        cast(null as {{ dbt.type_string() }}) as hashed_email,
        {{ sha256_hex('trim(phone)') }} as hashed_phone
    from {{ ref('audience_sms_marketing') }}

),

current_members as (

    select
        *,
        {{ dbt.concat([
            "audience", "'|'", "customer_id", "'|'",
            "coalesce(hashed_email, '')", "'|'", "coalesce(hashed_phone, '')",
        ]) }} as member_key
    from members

),

-- Members whose last change in the log is an add: what the platforms hold now.
exported as (

    {% if is_incremental() -%}
    select
        audience,
        customer_id,
        hashed_email,
        hashed_phone,
        member_key
    from (
        select
            *,
            row_number() over (partition by member_key order by exported_at desc) as change_rank
        from {{ this }}
    ) as changes
    where change_rank = 1 and change_type = 'add'
    {%- else -%}
    select
        cast(null as {{ dbt.type_string() }}) as audience,
        cast(null as {{ dbt.type_string() }}) as customer_id,
        cast(null as {{ dbt.type_string() }}) as hashed_email,
        cast(null as {{ dbt.type_string() }}) as hashed_phone,
        cast(null as {{ dbt.type_string() }}) as member_key
    where 1 = 0
    {%- endif %}

),

changes as (

    select
        audience,
        customer_id,
        cast('add' as {{ dbt.type_string() }}) as change_type,
        hashed_email,
        hashed_phone,
        member_key
    from current_members
    where member_key not in (select exported.member_key from exported)
    union all
    select
        audience,
        customer_id,
        cast('remove' as {{ dbt.type_string() }}) as change_type,
        hashed_email,
        hashed_phone,
        member_key
    from exported
    where member_key not in (select current_members.member_key from current_members)

)

select
    audience,
    customer_id,
    change_type,
    hashed_email,
    hashed_phone,
    member_key,
    {{ as_of_date() }} as as_of_date,
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}) as exported_at,
    cast('{{ invocation_id }}' as {{ dbt.type_string() }}) as invocation_id
from changes
