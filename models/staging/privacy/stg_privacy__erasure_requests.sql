with

base as (

    select * from {{ ref('base_privacy__erasure_requests') }}
    where rejection_reason is null

),

final as (

    select
        -- ids
        erasure_request_id,

        -- text
        subject_type,
        subject_value,
        subject_identifier,

        -- timestamps
        requested_at

    from base

)

select * from final
