{#-
    Customers a steward should look at: more records than the limit, two person
    records whose strong attributes conflict (different first names or birth
    dates: a chain through a third record), or a steward's cannot-link pair that
    other evidence still joins. Decisions go into seeds/identity/identity_overrides.csv.
-#}
with

assigned as (

    select
        record_key,
        customer_id
    from {{ ref('int_customer_records') }}

),

records as (

    select
        customer_id,
        record_key,
        is_person_record,
        {{ name_signature_columns() }},
        birth_date
    from {{ ref('int_customer_records') }}

),

sizes as (

    select
        customer_id,
        count(*) as record_count,
        sum(case when is_person_record then 1 else 0 end) as person_record_count
    from records
    group by customer_id

),

signatures as (

    select
        customer_id,
        {{ name_signature_columns() }},
        birth_date,
        min(record_key) as example_record_key
    from records
    where is_person_record and (first_name_normalised is not null or birth_date is not null)
    group by
        customer_id,
        {{ name_signature_columns() }},
        birth_date

),

-- Each pair of a customer's signatures (l and r), with their name relations selected once.
signature_pairs as (

    select
        l.customer_id,
        l.example_record_key as left_record_key,
        r.example_record_key as right_record_key,
        {{ name_relation_columns('l', 'r') }}
    from signatures as l
    inner join signatures as r
        on
            l.customer_id = r.customer_id
            and l.example_record_key < r.example_record_key

),

conflicts as (

    select
        customer_id,
        min({{ dbt.concat(['left_record_key', "' vs '", 'right_record_key']) }}) as example
    from signature_pairs
    where {{ signatures_conflict_of(name_relations_of(), typos_need_compatible_surnames=true) }}
    group by customer_id

),

violated_cannot_links as (

    select
        left_assigned.customer_id,
        min({{ dbt.concat(['left_assigned.record_key', "' vs '", 'right_assigned.record_key']) }}) as example
    from {{ ref('identity_overrides') }} as overrides
    inner join assigned as left_assigned
        on left_assigned.record_key = {{ record_key('overrides.left_source_table', 'overrides.left_source_record_id') }}
    inner join assigned as right_assigned
        on right_assigned.record_key = {{ record_key('overrides.right_source_table', 'overrides.right_source_record_id') }}  -- one macro call -- noqa: LT05
    where overrides.decision = 'cannot_link' and left_assigned.customer_id = right_assigned.customer_id
    group by left_assigned.customer_id

),

flagged as (

    select
        sizes.customer_id,
        'more records than identity_max_cluster_records' as suspect_reason,
        cast(null as {{ dbt.type_string() }}) as example
    from sizes
    where sizes.record_count > {{ var('identity_max_cluster_records') }}
    union all
    select
        customer_id,
        'person records with conflicting first names or birth dates' as suspect_reason,
        example
    from conflicts
    union all
    select
        customer_id,
        'a steward cannot-link pair is still joined' as suspect_reason,
        example
    from violated_cannot_links

),

final as (

    select
        flagged.customer_id,
        flagged.suspect_reason,
        flagged.example,
        sizes.record_count,
        sizes.person_record_count
    from flagged
    inner join sizes
        on flagged.customer_id = sizes.customer_id

)

select * from final
