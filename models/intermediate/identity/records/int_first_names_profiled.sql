{#-
    Every word typed as a first name, with how often it is typed as a first and as a
    last name, and its canonical form. A given name is a first name on enough person
    records and far more often a first name than a last name ('maria' is, 'martin'
    and 'thomas' are not). Read from the data itself, so it knows the names of
    whatever countries the customers come from.

    The canonical form is the formal name of a nickname (seed nicknames), or, for a
    rare single-word spelling a typo away from one common given name, that name
    ('wulliam' and 'willaim' are 'william'): two misspellings of one name then
    agree with each other, not only each with the name.
-#}
with

records as (

    select
        first_name_normalised,
        last_name_normalised
    from {{ ref('int_source_records_unioned') }}
    where is_person_record

),

first_name_counts as (

    select
        first_name_normalised as first_name,
        count(*) as first_name_record_count
    from records
    where first_name_normalised is not null
    group by first_name_normalised

),

last_name_counts as (

    select
        last_name_normalised as last_name,
        count(*) as last_name_record_count
    from records
    where last_name_normalised is not null
    group by last_name_normalised

),

nicknames as (

    -- A nickname can shorten several names (Alex); the first canonical name is enough to compare.
    select
        lower(nickname) as nickname,
        min(lower(canonical_name)) as canonical_name
    from {{ ref('nicknames') }}
    group by lower(nickname)

),

profiled as (

    select
        first_name_counts.first_name,
        first_name_counts.first_name_record_count,
        coalesce(last_name_counts.last_name_record_count, 0) as last_name_record_count,
        length(first_name_counts.first_name) >= 3
        and first_name_counts.first_name_record_count >= {{ var('identity_given_name_min_records') }}
        and first_name_counts.first_name_record_count > 5 * coalesce(last_name_counts.last_name_record_count, 0)
            as is_given_name,
        nicknames.canonical_name as nickname_of
    from first_name_counts
    left join last_name_counts
        on first_name_counts.first_name = last_name_counts.last_name
    left join nicknames
        on first_name_counts.first_name = nicknames.nickname

),

-- Single words of three letters or more, with the keys a misspelling is looked up by.
spellings as (

    select
        first_name,
        first_name_record_count,
        nickname_of,
        length(first_name) as name_length,
        substr(first_name, 1, 1) as first_letter,
        {{ dbt.right('first_name', '2') }} as last_letters
    from profiled
    where length(first_name) >= 3 and {{ dbt.position("' '", 'first_name') }} = 0

),

-- Blocked on the first letter or the last two, where typos rarely fall both at once.
spelling_pairs as (

    {% for key in ['first_letter', 'last_letters'] %}
    select
        candidates.first_name,
        candidates.first_name_record_count,
        common_first_names.first_name as common_name,
        common_first_names.first_name_record_count as common_name_record_count
    from spellings as candidates
    -- Names typed as first names often enough to be misspelt ('thomas' too, though also a surname).
    inner join spellings as common_first_names
        on
            candidates.{{ key }} = common_first_names.{{ key }}
            and abs(candidates.name_length - common_first_names.name_length) <= 2
            and common_first_names.first_name_record_count
            >= {{ var('identity_misspelling_min_ratio') }} * candidates.first_name_record_count
            and common_first_names.first_name_record_count >= {{ var('identity_given_name_min_records') }}
    where candidates.nickname_of is null
    {% if not loop.last %}union{% endif %}
    {% endfor %}

),

misspellings as (

    select
        first_name,
        common_name,
        common_name_record_count,
        {{ levenshtein('first_name', 'common_name') }} as edits,
        {{ jaro_winkler('first_name', 'common_name') }} as similarity
    from spelling_pairs
    -- Giovanna is not a misspelt Giovanni, nor Sandra Sander. But a spelling too rare to be a
    -- given name that is a common name without its last letter lost it ('laur', 'petr', 'emm').
    where
        not {{ is_gender_variant('first_name', 'common_name') }}
        or (
            first_name_record_count < {{ var('identity_given_name_min_records') }}
            and common_name = {{ dbt.concat(['first_name', dbt.right('common_name', '1')]) }}
        )

),

-- One edit, or two in longer names that stay alike ('willaim', 'stwwven'; not 'thoas' / 'thijs').
close_misspellings as (

    select * from misspellings
    where
        edits <= 1
        or (
            edits = 2
            and least(length(first_name), length(common_name)) >= 6
            and similarity >= {{ var('identity_misspelling_min_similarity') }}
        )

),

ranked_misspellings as (

    select
        first_name,
        common_name,
        edits,
        similarity,
        common_name_record_count,
        lead(edits) over closeness as runner_up_edits,
        lead(similarity) over closeness as runner_up_similarity,
        lead(common_name_record_count) over closeness as runner_up_record_count,
        row_number() over closeness as closeness_rank
    from close_misspellings
    window closeness as (
        partition by first_name
        order by edits asc, similarity desc, common_name_record_count desc, common_name asc
    )

),

-- One name clearly nearest, or far more common ('jon' is as near to 'john' as to 'joan').
corrections as (

    select
        first_name,
        common_name
    from ranked_misspellings
    where
        closeness_rank = 1
        and (
            runner_up_edits is null
            or runner_up_edits > edits
            or similarity >= runner_up_similarity + {{ var('identity_misspelling_similarity_margin') }}
            or common_name_record_count >= 5 * runner_up_record_count
        )

),

named as (

    select
        profiled.first_name,
        profiled.first_name_record_count,
        profiled.last_name_record_count,
        profiled.is_given_name,
        corrections.common_name as misspelling_of,
        coalesce(
            profiled.nickname_of,
            common_name_nicknames.canonical_name,
            corrections.common_name,
            profiled.first_name
        ) as first_name_canonical
    from profiled
    left join corrections
        on profiled.first_name = corrections.first_name
    left join nicknames as common_name_nicknames
        on corrections.common_name = common_name_nicknames.nickname

),

-- The masculine forms of each name and of its canonical form (macro is_gender_variant), once per
-- name: the models that read names in given-name order look them up here.
final as (

    select
        *,
        {{ masculine_forms('first_name') }} as first_name_masculine_forms,
        {{ masculine_forms('first_name_canonical') }} as first_name_canonical_masculine_forms
    from named

)

select * from final
