with

base as (

    select * from {{ ref('base_privacy__consent_events') }}
    where rejection_reason is null

),

final as (

    select
        -- ids
        consent_event_id,

        -- text
        subject_type,
        subject_value,
        subject_identifier,
        subject_email,
        purpose,
        consent_status,
        source_system,
        policy_version,

        -- timestamps
        captured_at

    from base

)

select * from final
