{#-
    The erasure suppression list, for tools outside the warehouse that must not
    re-import an erased person: salted hashes only (see erasure_suppression_list).
-#}
with

suppressed as (

    select * from {{ ref('erasure_suppression_list') }}

),

final as (

    select
        cast(hash_kind as {{ dbt.type_string() }}) as hash_kind,
        cast(hashed_type as {{ dbt.type_string() }}) as hashed_type,
        cast(value_hash as {{ dbt.type_string() }}) as value_hash,
        cast(erasure_request_id as {{ dbt.type_string() }}) as erasure_request_id,
        cast(requested_at as {{ dbt.type_timestamp() }}) as requested_at,
        cast(suppressed_at as {{ dbt.type_timestamp() }}) as suppressed_at
    from suppressed

)

select * from final
