{#-
    Fellegi-Sunter scores: for every candidate pair, each comparison's level and
    match weight (log2 m/u), the term-frequency adjustment of exact first and last name
    agreement (agreeing on a rare name is stronger evidence than on a common one),
    the total match weight and the match probability. "Why" is a query on this model.
-#}
with

pairs as (

    select * from {{ ref('int_match_pairs_compared') }}

),

parameters as (

    select
        comparison,
        level,
        u_probability,
        match_weight,
        prior_match_weight
    from {{ match_parameters() }}

),

prior as (

    select max(prior_match_weight) as prior_match_weight from parameters

),

exact_levels as (

    select
        comparison,
        max(level) as exact_level
    from parameters
    group by comparison

),

term_frequencies as (

    select
        column_name,
        column_value,
        term_frequency
    from {{ ref('int_match_term_frequencies') }}

),

weighed as (

    select
        pairs.left_profile_key,
        pairs.right_profile_key,
        pairs.blocking_rule,
        pairs.record_pair_count,
        {%- for comparison in match_comparisons() %}
        pairs.{{ comparison.name }}_level,
        coalesce({{ comparison.name }}_weight.match_weight, 0) as {{ comparison.name }}_weight,
        {%- if comparison.tf %}
        case
            when pairs.{{ comparison.name }}_level = {{ comparison.name }}_exact.exact_level
                then
                    ln(
                        {{ comparison.name }}_weight.u_probability
                        / greatest({{ comparison.name }}_tf.term_frequency, {{ var('matching_min_term_frequency') }})
                    ) / ln(2)
            else 0
        end as {{ comparison.name }}_tf_adjustment,
        {%- endif %}
        {%- endfor %}
        prior.prior_match_weight
    from pairs
    cross join prior
    {%- for comparison in match_comparisons() %}
    left join parameters as {{ comparison.name }}_weight
        on
            {{ comparison.name }}_weight.comparison = '{{ comparison.name }}'
            and {{ comparison.name }}_weight.level = pairs.{{ comparison.name }}_level
    {%- if comparison.tf %}
    left join exact_levels as {{ comparison.name }}_exact
        on {{ comparison.name }}_exact.comparison = '{{ comparison.name }}'
    left join term_frequencies as {{ comparison.name }}_tf
        on
            {{ comparison.name }}_tf.column_name = '{{ comparison.tf }}'
            and {{ comparison.name }}_tf.column_value = pairs.{{ comparison.name }}_agreed_value
    {%- endif %}
    {%- endfor %}

),

totalled as (

    select
        *,
        prior_match_weight
        {%- for comparison in match_comparisons() %}
        + {{ comparison.name }}_weight
        {%- if comparison.tf %} + coalesce({{ comparison.name }}_tf_adjustment, 0){% endif %}
        {%- endfor %} as match_weight
    from weighed

),

final as (

    select
        *,
        1.0 / (1.0 + power(2.0, -1.0 * match_weight)) as match_probability
    from totalled

)

select * from final
