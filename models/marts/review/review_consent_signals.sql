{#-
    Consent signals that set no customer's consent, each with the reason: a
    subject staging could not normalise, a signal without a timestamp or
    captured after as_of_date (reading 1), a blocked placeholder subject, or a
    subject no customer holds. Subjects are not repeated here (they may be an
    erased person's email): the steward looks the signal up by its id.
-#}
with

signals as (

    select * from {{ ref('int_consent_signals_unioned') }}

),

attributed as (

    select distinct consent_signal_id
    from {{ ref('int_consent_signals_attributed') }}

),

blocked_values as (

    select distinct
        identifier_type,
        identifier_value
    from {{ ref('int_identifiers_unioned') }}
    where is_blocked

),

reviewed as (

    select
        signals.*,
        case
            when signals.subject_identifier is null
                then 'subject could not be normalised to an identifier'
            when signals.captured_at is null
                then 'signal has no readable timestamp'
            when cast(signals.captured_at as date) > {{ as_of_date() }}
                then 'captured after as_of_date'
            when blocked_values.identifier_value is not null
                then 'subject is a blocked placeholder value, not an identifier of a person'
            else 'no customer holds the subject identifier'
        end as review_reason
    from signals
    left join attributed
        on signals.consent_signal_id = attributed.consent_signal_id
    left join blocked_values
        on
            signals.subject_type = blocked_values.identifier_type
            and signals.subject_identifier = blocked_values.identifier_value
    where attributed.consent_signal_id is null

),

final as (

    select
        cast(consent_signal_id as {{ dbt.type_string() }}) as consent_signal_id,
        cast(source_table as {{ dbt.type_string() }}) as source_table,
        cast(source_record_id as {{ dbt.type_string() }}) as source_record_id,
        cast(subject_type as {{ dbt.type_string() }}) as subject_type,
        cast(purpose as {{ dbt.type_string() }}) as purpose,
        cast(consent_status as {{ dbt.type_string() }}) as status,
        cast(source_system as {{ dbt.type_string() }}) as source_system,
        cast(review_reason as {{ dbt.type_string() }}) as review_reason,
        cast(captured_at as {{ dbt.type_timestamp() }}) as captured_at
    from reviewed

)

select * from final
