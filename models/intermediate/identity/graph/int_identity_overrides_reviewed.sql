{#-
    Each steward decision and what became of it: applied, in conflict with another decision,
    or naming an unknown record.
-#}
with

overrides as (

    select
        *,
        {{ record_key('left_source_table', 'left_source_record_id') }} as left_record_key,
        {{ record_key('right_source_table', 'right_source_record_id') }} as right_record_key
    from {{ ref('identity_overrides') }}

),

records as (

    select record_key from {{ ref('int_source_records') }}

),

assigned as (

    select
        record_key,
        customer_id
    from {{ ref('int_customer_ids_assigned') }}

),

final as (

    select
        overrides.decision,
        overrides.left_record_key,
        overrides.right_record_key,
        overrides.reason,
        overrides.decided_by,
        overrides.decided_at,
        left_assigned.customer_id as left_customer_id,
        right_assigned.customer_id as right_customer_id,
        case
            when left_record.record_key is null or right_record.record_key is null
                then 'unknown record: no such source record in this build'
            when
                exists (
                    select 1 from overrides as opposite
                    where
                        opposite.decision <> overrides.decision
                        and (
                            (
                                opposite.left_record_key = overrides.left_record_key
                                and opposite.right_record_key = overrides.right_record_key
                            )
                            or (
                                opposite.left_record_key = overrides.right_record_key
                                and opposite.right_record_key = overrides.left_record_key
                            )
                        )
                )
                then 'conflict: the same pair is both must-link and cannot-link; cannot-link wins'
            when overrides.decision = 'cannot_link' and left_assigned.customer_id = right_assigned.customer_id
                then 'not honoured: other evidence still joins the pair (see int_identity_suspect_clusters)'
            when
                overrides.decision = 'must_link'
                and coalesce(left_assigned.customer_id <> right_assigned.customer_id, true)
                then 'not honoured: a record is unresolved or a guard rejected the link'
            when overrides.decision not in ('must_link', 'cannot_link')
                then 'unknown decision: use must_link or cannot_link'
            else 'applied'
        end as review_status
    from overrides
    left join records as left_record
        on overrides.left_record_key = left_record.record_key
    left join records as right_record
        on overrides.right_record_key = right_record.record_key
    left join assigned as left_assigned
        on overrides.left_record_key = left_assigned.record_key
    left join assigned as right_assigned
        on overrides.right_record_key = right_assigned.record_key

)

select * from final
