{#-
    One row per household (int_customer_households_assigned): the customers at one
    home, its address, how many they are, whom to address (the member who spent most
    in the last 365 days, then the earliest seen), and the household's combined RFM at
    as_of_date: purchases and spend of all members, recency from the latest purchase
    of any, scored 1-5 among households as customer_segments scores customers.
-#}
with

members as (

    select
        households.household_id,
        households.household_basis,
        golden.customer_id,
        golden.street,
        golden.city,
        golden.postal_code,
        golden.country_code,
        golden.first_seen_at,
        coalesce(purchases.frequency, 0) as frequency,
        coalesce(purchases.monetary, 0) as monetary,
        purchases.last_purchase_date
    from {{ ref('int_customer_households_assigned') }} as households
    inner join {{ ref('int_golden_records_assembled') }} as golden
        on households.customer_id = golden.customer_id
    left join {{ ref('int_customer_purchases_aggregated') }} as purchases
        on households.customer_id = purchases.customer_id

),

ranked as (

    select
        *,
        row_number() over (
            partition by household_id
            order by monetary desc, first_seen_at asc, customer_id asc
        ) as member_rank,
        row_number() over (
            partition by household_id
            order by case when household_basis = 'address' then 0 else 1 end, customer_id
        ) as address_rank
    from members

),

combined as (

    select
        household_id,
        count(*) as member_count,
        sum(frequency) as frequency,
        sum(monetary) as monetary,
        max(last_purchase_date) as last_purchase_date
    from members
    group by household_id

),

households as (

    select
        combined.household_id,
        addressed.customer_id as primary_customer_id,
        addressed_home.street,
        addressed_home.city,
        addressed_home.postal_code,
        addressed_home.country_code,
        combined.member_count,
        combined.frequency,
        round(cast(combined.monetary as {{ dbt.type_numeric() }}), 2) as monetary,
        {{ dbt.datediff("combined.last_purchase_date", as_of_date(), "day") }} as recency_days  -- macro expansion -- noqa: LT05
    from combined
    inner join ranked as addressed
        on combined.household_id = addressed.household_id and addressed.member_rank = 1
    inner join ranked as addressed_home
        on combined.household_id = addressed_home.household_id and addressed_home.address_rank = 1

),

scored as (

    select
        household_id,
        {{ rfm_score('recency_days desc') }} as r_score,
        {{ rfm_score('frequency') }} as f_score,
        {{ rfm_score('monetary') }} as m_score
    from households
    where recency_days is not null

),

final as (

    select
        cast(households.household_id as {{ dbt.type_string() }}) as household_id,
        cast(households.primary_customer_id as {{ dbt.type_string() }}) as primary_customer_id,
        cast(households.street as {{ dbt.type_string() }}) as street,
        cast(households.city as {{ dbt.type_string() }}) as city,
        cast(households.postal_code as {{ dbt.type_string() }}) as postal_code,
        cast(households.country_code as {{ dbt.type_string() }}) as country_code,
        cast(households.member_count as {{ dbt.type_int() }}) as member_count,
        cast(households.recency_days as {{ dbt.type_int() }}) as recency_days,
        cast(households.frequency as {{ dbt.type_int() }}) as frequency,
        cast(households.monetary as numeric(18, 2)) as monetary,
        cast(scored.r_score as {{ dbt.type_int() }}) as r_score,
        cast(scored.f_score as {{ dbt.type_int() }}) as f_score,
        cast(scored.m_score as {{ dbt.type_int() }}) as m_score
    from households
    left join scored
        on households.household_id = scored.household_id

)

select * from final
