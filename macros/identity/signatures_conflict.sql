{#-
    Cannot-link evidence between two records' strong attributes. `left` and
    `right` are relation aliases carrying first_name_normalised,
    first_name_canonical, last_name_normalised and birth_date.

    Two records are different people when:
    - their first names are both known and do not agree in either reading:
      as given (the same name, a nickname, a likely typo, a word of a
      multi-word name, or an initial where the last names agree), or swapped
      (first and last name typed the other way round, at least one pair
      agreeing and the other agreeing, missing or a surname's initial:
      `brandhuber sven` and `sven b`, but not `s blanc` and `blanc sophie`);
    - their birth dates are both known and differ other than by a day/month swap
      (with `tolerate_typos`, where the records only meet through a till or a device:
      other than by one mistyped digit either; and first names a heavier typo apart,
      `first_names_mistyped`, do not conflict where the surnames are compatible: 'Lea
      Petit' and 'La Petit' are one person, 'Maxime Valier' and 'Marie Francois' on one
      cookie two);
    - their last names are both known and disagree (also swapped) while one
      side has no first name: a different surname is no evidence against a
      married name when the first names agree, but nothing else vouches for it.
-#}
{% macro signatures_conflict(left, right, tolerate_typos=false) -%}
    {{ signatures_conflict_of(name_relations(left, right), tolerate_typos, typos_need_compatible_surnames=true) }}
{%- endmacro %}


{#-
    signatures_conflict read over a pair's name relations (macro name_relations): a dict of
    SQL, either the relations' expressions or the columns of name_relation_columns. Where a
    model judges many pairs, it selects the columns once per pair in a nested select and
    reads them here, so each name comparison runs once and compiles once.
-#}
{% macro signatures_conflict_of(relations, tolerate_typos=false, typos_need_compatible_surnames=false) -%}
    case
        when {{ relations.is_plainly_compatible }} then false
        else (
            {{ first_names_conflict_of(relations, tolerate_typos, typos_need_compatible_surnames) }}
            or {{ birth_dates_conflict_of(relations, tolerate_typos) }}
            or {{ surnames_conflict_without_first_name_of(relations) }}
        )
    end
{%- endmacro %}


{#-
    The same canonical first name and no two different birth dates: no conflict, whatever
    the rest says. Checked first because it is cheap and holds for most pairs compared;
    the string similarity functions then run on the few pairs left.
-#}
{% macro signatures_plainly_compatible(left, right) -%}
    (
        {{ left }}.first_name_canonical = {{ right }}.first_name_canonical
        and (
            {{ left }}.birth_date is null
            or {{ right }}.birth_date is null
            or {{ left }}.birth_date = {{ right }}.birth_date
        )
    )
{%- endmacro %}


{#-
    signatures_conflict for probabilistic matches: typo-tolerant on first names and birth
    dates (the other attributes already vouch for the pair). Always applied, whatever EM
    estimated: two first names that are not one name, or two birth dates more than a typo
    apart, are two people (a sibling, a spouse, a twin), however much a household shares.
-#}
{% macro match_signatures_conflict(left, right) -%}
    {{ match_signatures_conflict_of(name_relations(left, right)) }}
{%- endmacro %}

{% macro match_signatures_conflict_of(relations) -%}
    {{ signatures_conflict_of(relations, tolerate_typos=true) }}
{%- endmacro %}


{#-
    What the conflict rules ask of two records' names and birth dates, each asked once:
    a dict from relation name to a SQL expression over the aliases `left` and `right`
    (name_signature_columns and birth_date). The names agreeing are NULL when either is
    missing (names_agree); the other relations are booleans.
-#}
{% macro name_relations(left, right) -%}
    {%- set l_first, r_first = left ~ '.first_name_normalised', right ~ '.first_name_normalised' -%}
    {%- set l_last, r_last = left ~ '.last_name_normalised', right ~ '.last_name_normalised' -%}
    {%- set l_canonical, r_canonical = left ~ '.first_name_canonical', right ~ '.first_name_canonical' -%}
    {%- set l_first_forms, r_first_forms = left ~ '.first_name_masculine_forms', right ~ '.first_name_masculine_forms' -%}
    {%- set l_last_forms, r_last_forms = left ~ '.last_name_masculine_forms', right ~ '.last_name_masculine_forms' -%}
    {%- set l_date, r_date = left ~ '.birth_date', right ~ '.birth_date' -%}
    {{ return({
        'is_plainly_compatible': signatures_plainly_compatible(left, right),
        'are_first_names_known': '(' ~ l_first ~ ' is not null and ' ~ r_first ~ ' is not null)',
        'do_first_names_agree': 'coalesce(' ~ names_agree(l_first, r_first, l_canonical, r_canonical, l_first_forms, r_first_forms) ~ ', false)',
        'are_canonical_first_names_one_edit_apart': 'coalesce(' ~ canonical_names_one_edit_apart(l_canonical, r_canonical, left ~ '.first_name_canonical_masculine_forms', right ~ '.first_name_canonical_masculine_forms') ~ ', false)',
        'are_first_names_mistyped': first_names_mistyped(l_first, r_first, l_first_forms, r_first_forms),
        'is_first_name_an_initial_of_the_other': '((length(' ~ l_first ~ ') = 1 or length(' ~ r_first ~ ') = 1)'
            ~ ' and (substr(' ~ l_first ~ ', 1, 1) = substr(' ~ r_first ~ ', 1, 1)'
            ~ ' or substr(' ~ l_first ~ ', 1, 1) = substr(' ~ r_canonical ~ ', 1, 1)'
            ~ ' or substr(' ~ l_canonical ~ ', 1, 1) = substr(' ~ r_first ~ ', 1, 1)))',
        'do_last_names_agree': names_agree(l_last, r_last, left_forms=l_last_forms, right_forms=r_last_forms),
        'are_last_names_alike': last_names_alike(l_last, r_last),
        'does_first_agree_with_last': names_agree(l_first, r_last, left_forms=l_first_forms, right_forms=r_last_forms),
        'does_last_agree_with_first': names_agree(l_last, r_first, left_forms=l_last_forms, right_forms=r_first_forms),
        'is_last_the_initial_of_first': is_initial_of(r_last, l_first),
        'is_first_the_initial_of_last': is_initial_of(l_last, r_first),
        'do_birth_dates_differ': '(' ~ l_date ~ ' <> ' ~ r_date
            ~ ' and not ' ~ birth_dates_day_month_swapped(l_date, r_date) ~ ')',
        'are_birth_dates_mistyped': birth_dates_mistyped(l_date, r_date),
    }) }}
{%- endmacro %}


{#-
    The name relations of two aliases as select-list columns, one per line, for a nested
    select whose outer query reads them through name_relations_of. Each is NULL where the
    pair is plainly compatible (signatures_plainly_compatible), which the conflict rules
    test first: the string similarity functions then run only on the pairs left.
-#}
{% macro name_relation_columns(left, right) -%}
    {%- set relations = name_relations(left, right) -%}
    {%- for name, expression in relations.items() -%}
        {%- if name == 'is_plainly_compatible' %}
    {{ expression }} as {{ name }}
        {%- else %}
    case when not coalesce({{ relations.is_plainly_compatible }}, false) then {{ expression }} end as {{ name }}
        {%- endif %}{% if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}


{#- The columns of name_relation_columns, as read from `relation` (or unqualified). -#}
{% macro name_relations_of(relation=none) -%}
    {%- set prefix = relation ~ '.' if relation else '' -%}
    {%- set columns = {} -%}
    {%- for name in name_relations('l', 'r') -%}
        {%- do columns.update({name: prefix ~ name}) -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}


{#-
    True when two names are the same name, NULL when either is missing: equal, the
    same formal name, a likely typo (Jaro-Winkler at or above
    identity_first_name_similarity or one edit in names of three letters or more, unless
    the two are gender variants), or one a word of the other. Heavier typos of a common
    name agree through their canonical form (int_first_names_profiled: 'stwwven' is
    steven); 'karin' and 'martin', 'maxime' and 'marie' do not.
-#}
{% macro names_agree(left_name, right_name, left_canonical=none, right_canonical=none, left_forms=none, right_forms=none) -%}
    case
        when {{ left_name }} is null or {{ right_name }} is null then null
        when
            {{ left_name }} = {{ right_name }}
            {%- if left_canonical and right_canonical %}
            or coalesce({{ left_canonical }} = {{ right_canonical }}, false)
            {%- endif %}
            or (
                (
                    {{ jaro_winkler(left_name, right_name) }} >= {{ var('identity_first_name_similarity') }}
                    or (
                        {{ levenshtein(left_name, right_name) }} <= 1
                        and length({{ left_name }}) >= 3
                        and length({{ right_name }}) >= 3
                    )
                )
                and not {{ is_gender_variant(left_name, right_name, left_forms, right_forms) }}
            )
            or {{ is_word_of(left_name, right_name) }}
            or {{ is_word_of(right_name, left_name) }}
            then true
        else false
    end
{%- endmacro %}


{#- Two canonical first names one edit apart, of three letters or more, not the other sex's form. -#}
{% macro canonical_names_one_edit_apart(left_name, right_name, left_forms=none, right_forms=none) -%}
    (
        {{ levenshtein(left_name, right_name) }} <= 1
        and length({{ left_name }}) >= 3
        and length({{ right_name }}) >= 3
        and not {{ is_gender_variant(left_name, right_name, left_forms, right_forms) }}
    )
{%- endmacro %}


{#- True when the single word `word` is one of the words of `phrase` ('carmen' of 'riveda carmen'). -#}
{% macro is_word_of(word, phrase) -%}
    ({{ dbt.position(dbt.concat(["' '", word, "' '"]), dbt.concat(["' '", phrase, "' '"])) }} > 0)
{%- endmacro %}


{#-
    Heavier typos than names_agree accepts, for probabilistic matches that the other
    attributes already vouch for: a short name one edit away (`in` / `ian`, `ze` / `zoe`),
    or Jaro-Winkler >= identity_first_name_typo_similarity (0.82) within two edits (`sazh` /
    `sarah`, `maat` / `marta`), never
    two forms of one name for different sexes. Different names of one family stay apart
    (`luca` / `laura` is 0.805, `jose` / `rosa` 0.67, `maria` / `adrian` three edits).
-#}
{% macro first_names_mistyped(left_name, right_name, left_forms=none, right_forms=none) -%}
    (
        (
            (
                {{ levenshtein(left_name, right_name) }} <= 1
                and length({{ left_name }}) >= 2
                and length({{ right_name }}) >= 2
            )
            or (
                {{ jaro_winkler(left_name, right_name) }} >= {{ var('identity_first_name_typo_similarity') }}
                and {{ levenshtein(left_name, right_name) }} <= 2
            )
        )
        and not {{ is_gender_variant(left_name, right_name, left_forms, right_forms) }}
    )
{%- endmacro %}


{#- True when `initial` is a single letter, the initial of `name` ('b' of 'brandhuber'). -#}
{% macro is_initial_of(initial, name) -%}
    (length({{ initial }}) = 1 and substr({{ name }}, 1, 1) = {{ initial }})
{%- endmacro %}


{% macro first_names_conflict(left, right, tolerate_typos=false, typos_need_compatible_surnames=false) -%}
    {{ first_names_conflict_of(name_relations(left, right), tolerate_typos, typos_need_compatible_surnames) }}
{%- endmacro %}

{% macro first_names_conflict_of(relations, tolerate_typos=false, typos_need_compatible_surnames=false) -%}
    {%- set r = relations -%}
    (
        {{ r.are_first_names_known }}
        and not (
            {{ r.do_first_names_agree }}
            -- Two typos of one name can be far apart ('michwle' and 'micheell'); their canonical
            -- forms ('michele', 'michelle') are one edit apart (not 'johannes' and 'johanna').
            or {{ r.are_canonical_first_names_one_edit_apart }}
            {%- if tolerate_typos %}
            or (
                {{ r.are_first_names_mistyped }}
                {%- if typos_need_compatible_surnames %}
                and {{ surnames_compatible_of(r) }}
                {%- endif %}
            )
            {%- endif %}
            or ({{ r.is_first_name_an_initial_of_the_other }} and {{ surnames_compatible_of(r) }})
            -- First and last name typed the other way round on one side.
            or (
                coalesce({{ r.does_first_agree_with_last }} or {{ r.is_last_the_initial_of_first }}, true)
                and coalesce({{ r.does_last_agree_with_first }} or {{ r.is_first_the_initial_of_last }}, true)
                and (coalesce({{ r.does_first_agree_with_last }}, false) or coalesce({{ r.does_last_agree_with_first }}, false))
            )
        )
    )
{%- endmacro %}


{% macro birth_dates_conflict(left, right, tolerate_typos=false) -%}
    {{ birth_dates_conflict_of(name_relations(left, right), tolerate_typos) }}
{%- endmacro %}

{% macro birth_dates_conflict_of(relations, tolerate_typos=false) -%}
    (
        coalesce({{ relations.do_birth_dates_differ }}, false)
        {%- if tolerate_typos %}
        and not {{ relations.are_birth_dates_mistyped }}
        {%- endif %}
    )
{%- endmacro %}


{#- The same year, the day typed as the month and the month as the day. -#}
{% macro birth_dates_day_month_swapped(left_date, right_date) -%}
    (
        extract(year from {{ left_date }}) = extract(year from {{ right_date }})
        and extract(month from {{ left_date }}) = extract(day from {{ right_date }})
        and extract(day from {{ left_date }}) = extract(month from {{ right_date }})
    )
{%- endmacro %}


{#-
    Two dates one keystroke apart as written (YYYY-MM-DD): one digit wrong, or two
    adjacent digits typed the other way round (1929 / 1992, 12 / 21): a Damerau-Levenshtein
    distance of 1 on fixed-width strings. DuckDB has the function; elsewhere the
    transposition is spelled out by position, so that every engine computes it the same.
-#}
{% macro birth_dates_mistyped(left_date, right_date) -%}
    {{ return(adapter.dispatch('birth_dates_mistyped', 'single_customer_view')(left_date, right_date)) }}
{%- endmacro %}

{% macro default__birth_dates_mistyped(left_date, right_date) -%}
    {%- set l = dbt.cast(left_date, dbt.type_string()) -%}
    {%- set r = dbt.cast(right_date, dbt.type_string()) -%}
    (
        {{ levenshtein(l, r) }} <= 1
        {%- for position in range(1, 10) %}
        or (
            substr({{ l }}, 1, {{ position - 1 }}) = substr({{ r }}, 1, {{ position - 1 }})
            and substr({{ l }}, {{ position }}, 1) = substr({{ r }}, {{ position + 1 }}, 1)
            and substr({{ l }}, {{ position + 1 }}, 1) = substr({{ r }}, {{ position }}, 1)
            and substr({{ l }}, {{ position + 2 }}) = substr({{ r }}, {{ position + 2 }})
        )
        {%- endfor %}
    )
{%- endmacro %}

{% macro duckdb__birth_dates_mistyped(left_date, right_date) -%}
    (damerau_levenshtein(cast({{ left_date }} as varchar), cast({{ right_date }} as varchar)) <= 1)
{%- endmacro %}


{% macro surnames_conflict_without_first_name(left, right) -%}
    {{ surnames_conflict_without_first_name_of(name_relations(left, right)) }}
{%- endmacro %}

{% macro surnames_conflict_without_first_name_of(relations) -%}
    (
        not {{ relations.are_first_names_known }}
        and not coalesce({{ relations.do_last_names_agree }}, true)
        and not coalesce({{ relations.does_last_agree_with_first }}, false)
        and not coalesce({{ relations.does_first_agree_with_last }}, false)
    )
{%- endmacro %}

{#-
    Two forms of one name for different sexes, close enough to pass for a typo but
    siblings or spouses at one address: Maria / Mario, Giovanni / Giovanna, Simone /
    Simona, Christian / Christina, Sander / Sandra, Louis / Louise, Daniel / Danielle,
    Stephane / Stephanie (not Noemie / Noemiie), Daniel / Daniela (not Claudi / Claudia),
    Johannes / Johanna, Giuseppe / Giuseppina. One name is the other's feminine when the
    other is among its masculine forms (macro masculine_forms), which the unified record
    carries per name (`<name>_masculine_forms`): pass those columns, and the test is two
    lookups; without them the forms are computed here.
-#}
{% macro is_gender_variant(left_name, right_name, left_forms=none, right_forms=none) -%}
    {%- set left_forms = left_forms or masculine_forms(left_name) -%}
    {%- set right_forms = right_forms or masculine_forms(right_name) -%}
    coalesce(
        {{ dbt.position(dbt.concat(["'|'", right_name, "'|'"]), left_forms) }} > 0
        or {{ dbt.position(dbt.concat(["'|'", left_name, "'|'"]), right_forms) }} > 0
        or {{ dbt.position(dbt.concat(["'|'", 'substr(' ~ right_name ~ ', 1, length(' ~ right_name ~ ') - 1)', "'*|'"]), left_forms) }} > 0
        or {{ dbt.position(dbt.concat(["'|'", 'substr(' ~ left_name ~ ', 1, length(' ~ left_name ~ ') - 1)', "'*|'"]), right_forms) }} > 0,
        false
    )
{%- endmacro %}


{#-
    The masculine names a name is the feminine form of, as one string '|mario|marie|marii|'
    (NULL for no name, '|' for none; normalised names hold no '|'):
    - 'a' for 'o', 'e' or 'i' on one stem of two letters or more (Maria: Mario, Marie, Marii);
    - 'a' for the Latin 'us' or 'es' on a stem of four or more (Julia: Julius, Johanna: Johannes);
    - 'na' for 'an' and 'ra' for 'er' on a stem of three or more (Christina: Christian,
      Sandra: Sander);
    - 'a' or (French) 'e' added to a consonant (Daniela: Daniel; Louise: Louis, a stem of
      four or more), 'le' to a final 'l' (Danielle: Daniel);
    - 'ie' for a final 'e' (Stephanie: Stephane; not Noemiie, a doubled 'i');
    - 'ina' for any last letter on a stem of three letters or more that the feminine's stem
      starts with, written 'stem*' (Giuseppina: giusepp* for Giuseppe, also gius* for Giusi;
      Marina: mar* for Mari; Kristina: kris* for Krisi).
-#}
{% macro masculine_forms(name) -%}
    {%- set stem_1 = 'substr(' ~ name ~ ', 1, length(' ~ name ~ ') - 1)' -%}
    {%- set stem_2 = 'substr(' ~ name ~ ', 1, length(' ~ name ~ ') - 2)' -%}
    {%- set letter_before_last = 'substr(' ~ name ~ ', length(' ~ name ~ ') - 1, 1)' -%}
    case
        when {{ name }} is not null then {{ dbt.concat([
            "'|'",
            "case when " ~ dbt.right(name, '1') ~ " = 'a' and length(" ~ name ~ ") >= 3 then "
                ~ dbt.concat([stem_1, "'o|'", stem_1, "'e|'", stem_1, "'i|'"]) ~ " else '' end",
            "case when " ~ dbt.right(name, '1') ~ " = 'a' and length(" ~ name ~ ") >= 5 then "
                ~ dbt.concat([stem_1, "'us|'", stem_1, "'es|'"]) ~ " else '' end",
            "case when " ~ dbt.right(name, '2') ~ " = 'na' and length(" ~ name ~ ") >= 5 then "
                ~ dbt.concat([stem_2, "'an|'"]) ~ " else '' end",
            "case when " ~ dbt.right(name, '2') ~ " = 'ra' and length(" ~ name ~ ") >= 5 then "
                ~ dbt.concat([stem_2, "'er|'"]) ~ " else '' end",
            "case when " ~ dbt.right(name, '1') ~ " = 'a' and length(" ~ name ~ ") >= 4 and not "
                ~ is_vowel(letter_before_last) ~ " then " ~ dbt.concat([stem_1, "'|'"]) ~ " else '' end",
            "case when " ~ dbt.right(name, '1') ~ " = 'e' and length(" ~ name ~ ") >= 5 and not "
                ~ is_vowel(letter_before_last) ~ " then " ~ dbt.concat([stem_1, "'|'"]) ~ " else '' end",
            "case when " ~ dbt.right(name, '3') ~ " = 'lle' then " ~ dbt.concat([stem_2, "'|'"]) ~ " else '' end",
            "case when " ~ dbt.right(name, '2') ~ " = 'ie' and length(" ~ name ~ ") >= 6 and "
                ~ "substr(" ~ name ~ ", length(" ~ name ~ ") - 2, 1) <> 'i' then "
                ~ dbt.concat([stem_2, "'e|'"]) ~ " else '' end",
            "case when " ~ dbt.right(name, '3') ~ " = 'ina' then " ~ ina_stem_prefixes(name) ~ " else '' end",
        ]) }}
    end
{%- endmacro %}


{#-
    The masculine forms of a relation's first name, canonical first name and last name, as the
    columns first_name_masculine_forms, first_name_canonical_masculine_forms and
    last_name_masculine_forms that the name rules (signatures_conflict) read.
-#}
{% macro masculine_forms_columns() -%}
    {{ masculine_forms('first_name_normalised') }} as first_name_masculine_forms,
    {{ masculine_forms('first_name_canonical') }} as first_name_canonical_masculine_forms,
    {{ masculine_forms('last_name_normalised') }} as last_name_masculine_forms
{%- endmacro %}


{#- The prefixes of three letters or more of a name without its last three, each as 'prefix*|'. -#}
{% macro ina_stem_prefixes(name, longest=20) -%}
    {%- set parts = [] -%}
    {%- for length in range(3, longest + 1) -%}
        {%- do parts.append("case when length(" ~ name ~ ") - 3 >= " ~ length ~ " then "
            ~ dbt.concat(['substr(' ~ name ~ ', 1, ' ~ length ~ ')', "'*|'"]) ~ " else '' end") -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}


{#-
    A single letter is a vowel (y included). A position in a string, not an IN list: DuckDB
    turns a six-value IN list into a join evaluated on every row, outside the CASE that would
    spare most rows from it (int_match_links_decided 5.2 -> 2.4 s at 100k).
-#}
{% macro is_vowel(letter) -%}
    ({{ dbt.position(letter, "'aeiouy'") }} > 0)
{%- endmacro %}


{#-
    Last names that do not clearly disagree: either is missing, they agree, or
    they or their first words are similar (a typo, or one of two family names).
-#}
{% macro surnames_compatible(left_name, right_name, left_forms=none, right_forms=none) -%}
    (
        {{ left_name }} is null
        or {{ right_name }} is null
        or coalesce({{ names_agree(left_name, right_name, left_forms=left_forms, right_forms=right_forms) }}, false)
        or {{ last_names_alike(left_name, right_name) }}
    )
{%- endmacro %}


{#-
    Two last names alike enough not to disagree: Jaro-Winkler at or above
    identity_last_name_similarity, or their first words at or above
    identity_last_name_first_word_similarity ('garcia lopez' / 'garcia martinez').
-#}
{% macro last_names_alike(left_name, right_name) -%}
    (
        {{ jaro_winkler(left_name, right_name) }} >= {{ var('identity_last_name_similarity') }}
        or {{ jaro_winkler(dbt.split_part(left_name, "' '", 1), dbt.split_part(right_name, "' '", 1)) }}
        >= {{ var('identity_last_name_first_word_similarity') }}
    )
{%- endmacro %}

{#- surnames_compatible of a pair's last names, read over its name relations (NULL agreement: one is missing). -#}
{% macro surnames_compatible_of(relations) -%}
    (coalesce({{ relations.do_last_names_agree }}, true) or {{ relations.are_last_names_alike }})
{%- endmacro %}


{#-
    True unless the two signatures are the same name and birth date: a cheap test that
    spares the conflict macros (Jaro-Winkler, Levenshtein) the many pairs of equal ones.
-#}
{% macro signatures_differ(left, right) -%}
    (
        {{ left }}.first_name_normalised is distinct from {{ right }}.first_name_normalised
        or {{ left }}.last_name_normalised is distinct from {{ right }}.last_name_normalised
        or {{ left }}.birth_date is distinct from {{ right }}.birth_date
    )
{%- endmacro %}


{#-
    The name columns the conflict macros read, of `relation` (or unqualified), one per line as
    in a select or group by list: first_name_normalised, first_name_canonical,
    last_name_normalised and their masculine forms (birth_date goes beside them). With
    `column_prefix` 'given_order_', the same read in given-name order (int_source_records).
-#}
{% macro name_signature_columns(relation=none, column_prefix='') -%}
    {%- set prefix = (relation ~ '.' if relation else '') ~ column_prefix -%}
    {%- set columns = [
        'first_name_normalised', 'first_name_canonical', 'last_name_normalised',
        'first_name_masculine_forms', 'first_name_canonical_masculine_forms', 'last_name_masculine_forms',
    ] -%}
    {%- for column in columns -%}
        {{ prefix ~ column }}{% if not loop.last %},
        {% endif %}
    {%- endfor -%}
{%- endmacro %}
