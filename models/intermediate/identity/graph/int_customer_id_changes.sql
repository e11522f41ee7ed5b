{#-
    What this run changed in the id registry: ids created, merged into an older
    id, split off an existing customer, records moved from one existing customer
    to another, records released (they resolve to no
    customer any more: new data showed their identifier is shared), or retired
    (no record resolves to the id any more). Read from the rows of the registry
    that this run wrote (an earlier run's rows give no changes, so a later rerun
    of this model alone appends nothing twice). Read by customer_id_history,
    which keeps them across runs.
-#}
with

-- The registry rows this run wrote: the records that exist now.
written as (

    select
        record_key,
        customer_id,
        is_new_id,
        previous_customer_id,
        previous_assigned_at
    from {{ ref('customer_id_registry') }}
    where invocation_id = '{{ invocation_id }}'

),

-- Rows of records that were in the last run and have left their extract since.
left_since_last_run as (

    select
        record_key,
        customer_id
    from {{ ref('customer_id_registry') }}
    where
        (invocation_id is null or invocation_id <> '{{ invocation_id }}')
        and customer_id is not null
        and assigned_at = (select max(written.previous_assigned_at) from written)

),

-- The registry as the last run left it, for the records of this run and of the last.
previous as (

    select
        record_key,
        previous_customer_id as customer_id
    from written
    where previous_customer_id is not null
    union all
    select
        record_key,
        customer_id
    from left_since_last_run

),

assigned as (

    select
        record_key,
        customer_id,
        is_new_id
    from written
    where customer_id is not null

),

current_ids as (

    select
        customer_id,
        max(case when is_new_id then 1 else 0 end) = 1 as is_new_id,
        count(*) as record_count
    from assigned
    group by customer_id

),

transitions as (

    select
        previous.customer_id as old_customer_id,
        assigned.customer_id as new_customer_id,
        count(*) as record_count
    from previous
    inner join assigned
        on previous.record_key = assigned.record_key
    group by previous.customer_id, assigned.customer_id

),

ranked_transitions as (

    select
        *,
        row_number() over (
            partition by old_customer_id order by record_count desc, new_customer_id asc
        ) as rank_from_old,
        row_number() over (
            partition by new_customer_id order by record_count desc, old_customer_id asc
        ) as rank_into_new
    from transitions

),

merged as (

    select
        'merged' as change_type,
        ranked_transitions.old_customer_id as customer_id,
        ranked_transitions.new_customer_id as related_customer_id,
        ranked_transitions.record_count
    from ranked_transitions
    where
        ranked_transitions.rank_from_old = 1
        and ranked_transitions.old_customer_id <> ranked_transitions.new_customer_id
        and ranked_transitions.old_customer_id not in (select customer_id from current_ids)

),

split as (

    select
        'split' as change_type,
        ranked_transitions.new_customer_id as customer_id,
        ranked_transitions.old_customer_id as related_customer_id,
        ranked_transitions.record_count
    from ranked_transitions
    inner join current_ids
        on ranked_transitions.new_customer_id = current_ids.customer_id
    where current_ids.is_new_id and ranked_transitions.rank_into_new = 1

),

created as (

    select
        'created' as change_type,
        current_ids.customer_id,
        cast(null as {{ dbt.type_string() }}) as related_customer_id,
        current_ids.record_count
    from current_ids
    where
        current_ids.is_new_id
        and current_ids.customer_id not in (select new_customer_id from transitions)

),

retired as (

    select
        'retired' as change_type,
        previous.customer_id,
        cast(null as {{ dbt.type_string() }}) as related_customer_id,
        count(*) as record_count
    from previous
    where previous.customer_id not in (select old_customer_id from transitions)
    group by previous.customer_id

),

-- Records of a customer that still exists now resolving to another existing customer.
moved as (

    select
        'moved' as change_type,
        transitions.old_customer_id as customer_id,
        transitions.new_customer_id as related_customer_id,
        transitions.record_count
    from transitions
    inner join current_ids as old_id
        on transitions.old_customer_id = old_id.customer_id
    inner join current_ids as new_id
        on transitions.new_customer_id = new_id.customer_id
    where transitions.old_customer_id <> transitions.new_customer_id and not new_id.is_new_id

),

released as (

    select
        'released' as change_type,
        previous.customer_id,
        cast(null as {{ dbt.type_string() }}) as related_customer_id,
        count(*) as record_count
    from previous
    inner join written
        on previous.record_key = written.record_key
    where written.customer_id is null
    group by previous.customer_id

),

unioned as (

    select * from merged
    union all
    select * from moved
    union all
    select * from released
    union all
    select * from split
    union all
    select * from created
    union all
    select * from retired

)

select
    change_type,
    customer_id,
    related_customer_id,
    record_count,
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}) as changed_at,
    '{{ invocation_id }}' as invocation_id
from unioned
