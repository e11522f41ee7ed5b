{#-
    Erasure requests that erased nobody, each with the reason (an unknown
    subject, a request after as_of_date, a subject type the project does not
    keep, ...). The subject is shown only as its salted hash, the form the
    suppression list keeps: a request for an unknown email is still remembered
    there and erases the person when their records arrive.
-#}
with

-- One row per request: a reviewed request can still name an identifier several customers
-- hold (one dated after as_of_date, say), and int_erasure_requests_matched has a row for each.
requests as (

    select distinct
        erasure_request_id,
        subject_type,
        subject_identifier,
        review_reason,
        requested_at
    from {{ ref('int_erasure_requests_matched') }}
    where review_reason is not null

),

final as (

    select
        cast(erasure_request_id as {{ dbt.type_string() }}) as erasure_request_id,
        cast(subject_type as {{ dbt.type_string() }}) as subject_type,
        cast(
            case
                when subject_identifier is not null
                    then {{ salted_hash(dbt.concat(['subject_type', "':'", 'subject_identifier'])) }}
            end as {{ dbt.type_string() }}
        ) as subject_hash,
        cast(review_reason as {{ dbt.type_string() }}) as review_reason,
        cast(requested_at as {{ dbt.type_timestamp() }}) as requested_at
    from requests

)

select * from final
