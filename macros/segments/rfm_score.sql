{#-
    A 1-5 score from the percentile rank of `order_by` among the rows of the
    query: `1 + floor(5 * percent_rank)`, capped at 5, where percent_rank is
    (rank - 1) / (rows - 1). rank() gives equal values the same rank, so equal
    values get equal scores, and the thresholds are compared in integers
    (5 * (rank - 1) >= k * (rows - 1)) so no engine's float rounding moves a
    boundary. With a single row, or all rows equal, every score is 1.
    Put the best values last: `order_by='frequency'`, `order_by='recency_days desc'`.
-#}
{% macro rfm_score(order_by) -%}
    {%- set rank_expression = 'rank() over (order by ' ~ order_by ~ ')' -%}
    {%- set rows_expression = 'count(*) over ()' -%}
    (
        1
        {%- for threshold in range(1, 5) %}
        + case
            when {{ rows_expression }} > 1
                and 5 * ({{ rank_expression }} - 1) >= {{ threshold }} * ({{ rows_expression }} - 1)
                then 1
            else 0
        end
        {%- endfor %}
    )
{%- endmacro %}
