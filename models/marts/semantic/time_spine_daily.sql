{#-
    One row per day from 2000 to 2039: MetricFlow's time spine (metric_time, cumulative
    metrics, days without data). Declared as the spine in _semantic__models.yml.
-#}
with

days as (

    {{ dbt.date_spine('day', "cast('2000-01-01' as date)", "cast('2040-01-01' as date)") }}

)

select cast(date_day as date) as date_day
from days
