{#-
    One row per day from 2000-01-01 to the run's as_of_date: MetricFlow's time spine
    (metric_time, cumulative metrics, days without data), so a cumulative metric ends at the
    build's date. Declared as the spine in _semantic__models.yml.
-#}
with

days as (

    {{ dbt.date_spine('day', "cast('2000-01-01' as date)", dbt.dateadd('day', 1, as_of_date())) }}

)

select cast(date_day as date) as date_day
from days
