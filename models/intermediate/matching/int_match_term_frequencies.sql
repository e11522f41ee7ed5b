{#- How common each first and last name is among profiles: rare agreement is stronger evidence. -#}
with

profiles as (

    select * from {{ ref('int_match_profiles') }}

),

{% set tf_columns = [] %}
{% for comparison in match_comparisons() if comparison.tf %}{% do tf_columns.append(comparison.tf) %}{% endfor %}

counted as (

    {% for column in tf_columns %}
    select
        '{{ column }}' as column_name,
        {{ column }} as column_value,
        count(*) as profile_count
    from profiles
    where {{ column }} is not null
    group by {{ column }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        column_name,
        column_value,
        profile_count,
        cast(profile_count as {{ dbt.type_float() }}) / sum(profile_count) over (partition by column_name)
            as term_frequency
    from counted

)

select * from final
