{#-
    Every consent signal in one shape, each on the identifier it was given for:
    - the consent ledger (consent_events), on its subject;
    - the shop account's accepts_email_marketing (false = denied), captured at
      the account's updated_at, on the shop customer id (reading 3);
    - the loyalty form's marketing_opt_in, for email and SMS marketing, captured
      at the signup date (00:00 UTC, reading 4), on the card number; no answer
      is no signal.
-#}
with

consent_events as (

    select
        'consent_events' as source_table,
        cast(consent_event_id as {{ dbt.type_string() }}) as source_record_id,
        subject_type,
        -- Consent binds an email as written (reading 5: the identifier a customer holds); matching
        -- repairs 'gnail.com' and plus-tags to link people, consent does not stretch that far.
        case when subject_type = 'email' then subject_email else subject_identifier end as subject_identifier,
        purpose,
        consent_status,
        source_system,
        policy_version,
        cast(captured_at as {{ dbt.type_timestamp() }}) as captured_at
    from {{ ref('stg_privacy__consent_events') }}

),

shop_accounts as (

    select
        'shop_customers' as source_table,
        cast(shop_customer_id as {{ dbt.type_string() }}) as source_record_id,
        'shop_customer_id' as subject_type,
        cast(shop_customer_id as {{ dbt.type_string() }}) as subject_identifier,
        'email_marketing' as purpose,
        case when accepts_email_marketing then 'granted' else 'denied' end as consent_status,
        'shop_account' as source_system,
        cast(null as {{ dbt.type_string() }}) as policy_version,
        cast(updated_at as {{ dbt.type_timestamp() }}) as captured_at
    from {{ ref('stg_shop__customers') }}
    where accepts_email_marketing is not null and shop_customer_id is not null

),

loyalty_forms as (

    select
        loyalty_card_number,
        marketing_opt_in,
        signup_date
    from {{ ref('stg_loyalty__members') }}
    where marketing_opt_in is not null and loyalty_card_number is not null

),

loyalty_purposes as (

    select 'email_marketing' as purpose
    union all
    select 'sms_marketing' as purpose

),

loyalty_opt_ins as (

    select
        'loyalty_members' as source_table,
        cast(loyalty_forms.loyalty_card_number as {{ dbt.type_string() }}) as source_record_id,
        'loyalty_card_number' as subject_type,
        cast(loyalty_forms.loyalty_card_number as {{ dbt.type_string() }}) as subject_identifier,
        loyalty_purposes.purpose,
        case when loyalty_forms.marketing_opt_in then 'granted' else 'denied' end as consent_status,
        'loyalty_form' as source_system,
        cast(null as {{ dbt.type_string() }}) as policy_version,
        cast(loyalty_forms.signup_date as {{ dbt.type_timestamp() }}) as captured_at
    from loyalty_forms
    cross join loyalty_purposes

),

unioned as (

    select * from consent_events
    union all
    select * from shop_accounts
    union all
    select * from loyalty_opt_ins

),

final as (

    select
        {{ dbt.concat(['source_table', "':'", 'source_record_id', "':'", 'purpose']) }} as consent_signal_id,
        source_table,
        source_record_id,
        subject_type,
        subject_identifier,
        purpose,
        consent_status,
        source_system,
        policy_version,
        -- On a tie at the same instant the more restrictive status wins (contract).
        case consent_status when 'withdrawn' then 2 when 'denied' then 1 else 0 end as restrictiveness,
        captured_at
    from unioned

)

select * from final
