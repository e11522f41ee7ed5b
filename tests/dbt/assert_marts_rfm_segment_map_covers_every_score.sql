-- Every combination of r, f and m scores (1-5) matches a row of seeds/marts/rfm_segment_map.csv.
with

scores as (

    select 1 as score
    union all
    select 2
    union all
    select 3
    union all
    select 4
    union all
    select 5

),

combinations as (

    select
        r.score as r_score,
        f.score as f_score,
        m.score as m_score
    from scores as r
    cross join scores as f
    cross join scores as m

),

covered as (

    select distinct
        combinations.r_score,
        combinations.f_score,
        combinations.m_score
    from combinations
    inner join {{ ref('rfm_segment_map') }} as segment_map
        on
            combinations.r_score between segment_map.r_score_min and segment_map.r_score_max
            and combinations.f_score between segment_map.f_score_min and segment_map.f_score_max
            and combinations.m_score between segment_map.m_score_min and segment_map.m_score_max

)

select combinations.*
from combinations
left join covered
    on
        combinations.r_score = covered.r_score
        and combinations.f_score = covered.f_score
        and combinations.m_score = covered.m_score
where covered.r_score is null
