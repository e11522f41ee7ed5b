-- Fails the build when one customer holds more source records than identity_max_cluster_records:
-- a giant cluster is an over-merge, never a person.
select
    customer_id,
    count(*) as record_count
from {{ ref('int_customer_ids_assigned') }}
where customer_id is not null
group by customer_id
having count(*) > {{ var('identity_max_cluster_records') }}
