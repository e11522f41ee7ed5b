-- Macros signatures_conflict (as given, and with tolerate_typos), match_signatures_conflict and
-- signatures_differ, the first three also read over name_relation_columns (signatures_conflict_of),
-- on realistic pairs of records (first name, its canonical form, last name, birth date; '' = missing).
-- One person: a nickname, a typo, a married name, a day/month swap, first and last name typed the
-- other way round, an initial with a compatible (double) surname.
-- Two people: the other sex's form of a name (twins Maria and Mario), twins with different first
-- names, one name with birth dates years apart, an initial with another surname, a surname
-- with no first name beside a different one. Only typo-tolerant readings let a birth date one
-- digit off or a heavier first-name typo pass, and signatures_conflict only between compatible
-- surnames ('lea' / 'la' Petit; 'maxime valier' / 'marie francois' on one device are two people).
{%- set cases = [
    (('bill', 'william', 'smith', '1980-04-02'), ('william', 'william', 'smith', '1980-04-02'), true, false, false, false),
    (('bob', 'robert', 'jones', ''), ('robert', 'robert', 'jones', '1975-09-30'), true, false, false, false),
    (('wulliam', 'wulliam', 'smith', '1980-04-02'), ('william', 'william', 'smith', '1980-04-02'), true, false, false, false),
    (('anna', 'anna', 'jansen', '1985-03-12'), ('anna', 'anna', 'de vries', '1985-03-12'), true, false, false, false),
    (('anna', 'anna', 'de vries', '1985-03-12'), ('anna', 'anna', 'de vries', '1985-12-03'), true, false, false, false),
    (('brandhuber', 'brandhuber', 'sven', ''), ('sven', 'sven', 'b', ''), true, false, false, false),
    (('c', 'c', 'garcia lopez', ''), ('carmen', 'carmen', 'garcia', ''), true, false, false, false),
    (('', '', 'garcia lopez', ''), ('carmen', 'carmen', 'garcia', ''), true, false, false, false),
    (('sophie', 'sophie', 'blanc', '1990-06-01'), ('sophie', 'sophie', 'blanc', '1990-06-01'), false, false, false, false),
    (('maria', 'maria', 'rossi', '1990-05-17'), ('mario', 'mario', 'rossi', '1990-05-17'), true, true, true, true),
    (('lukas', 'lukas', 'meyer', '2001-11-03'), ('jonas', 'jonas', 'meyer', '2001-11-03'), true, true, true, true),
    (('anna', 'anna', 'de vries', '1962-07-21'), ('anna', 'anna', 'de vries', '1991-02-08'), true, true, true, true),
    (('c', 'c', 'martinez', ''), ('carmen', 'carmen', 'garcia', ''), true, true, true, true),
    (('s', 's', 'blanc', ''), ('blanc', 'blanc', 'sophie', ''), true, true, true, true),
    (('', '', 'jansen', '1985-03-12'), ('anna', 'anna', 'de vries', '1985-03-12'), true, true, true, true),
    (('anna', 'anna', 'de vries', '1985-03-12'), ('anna', 'anna', 'de vries', '1985-03-13'), true, true, false, false),
    (('lea', 'lea', 'petit', ''), ('la', 'la', 'petit', ''), true, true, false, false),
    (('sazh', 'sazh', 'kowalski', ''), ('sarah', 'sarah', 'kowalski', ''), true, true, false, false),
    (('maxime', 'maxime', 'valier', ''), ('marie', 'marie', 'francois', ''), true, true, true, false),
    (('luca', 'luca', 'bianchi', ''), ('laura', 'laura', 'bianchi', ''), true, true, true, true),
] %}
with

cases as (

    {%- for left, right, expected_to_differ, expected_conflict, expected_conflict_tolerating_typos,
        expected_match_conflict in cases %}
    select
        {{ loop.index }} as case_number,
        '{{ left | join(" ") | trim }} / {{ right | join(" ") | trim }}' as pair,
        {{ expected_to_differ }} as expected_to_differ,
        {{ expected_conflict }} as expected_conflict,
        {{ expected_conflict_tolerating_typos }} as expected_conflict_tolerating_typos,
        {{ expected_match_conflict }} as expected_match_conflict
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

sides as (

    {%- for case in cases %}
    {%- set case_number, is_last_case = loop.index, loop.last %}
    {%- for side, signature in [('l', case[0]), ('r', case[1])] %}
    {%- set first_name, first_name_canonical, last_name, birth_date = signature %}
    select
        {{ case_number }} as case_number,
        '{{ side }}' as side,
        nullif('{{ first_name }}', '') as first_name_normalised,
        nullif('{{ first_name_canonical }}', '') as first_name_canonical,
        nullif('{{ last_name }}', '') as last_name_normalised,
        cast(nullif('{{ birth_date }}', '') as date) as birth_date
    {%- if not (loop.last and is_last_case) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}

),

signatures as (

    select
        *,
        {{ masculine_forms_columns() }}
    from sides

),

-- The same pairs with their name relations selected once as columns (name_relation_columns),
-- as the models read them: both readings must decide alike.
related as (

    select
        cases.*,
        {{ signatures_differ('l', 'r') }} as is_different,
        {{ signatures_conflict('l', 'r') }} as is_conflict,
        {{ signatures_conflict('l', 'r', tolerate_typos=true) }} as is_conflict_tolerating_typos,
        {{ match_signatures_conflict('l', 'r') }} as is_match_conflict,
        {{ name_relation_columns('l', 'r') }}
    from cases
    inner join signatures as l
        on cases.case_number = l.case_number and l.side = 'l'
    inner join signatures as r
        on cases.case_number = r.case_number and r.side = 'r'

),

computed as (

    select
        *,
        {{ signatures_conflict_of(name_relations_of(), typos_need_compatible_surnames=true) }}
            as is_conflict_from_columns,
        {{ signatures_conflict_of(
            name_relations_of(), tolerate_typos=true, typos_need_compatible_surnames=true
        ) }} as is_conflict_tolerating_typos_from_columns,
        {{ match_signatures_conflict_of(name_relations_of()) }} as is_match_conflict_from_columns
    from related

)

select * from computed
where
    is_different is distinct from expected_to_differ
    or is_conflict is distinct from expected_conflict
    or is_conflict_tolerating_typos is distinct from expected_conflict_tolerating_typos
    or is_match_conflict is distinct from expected_match_conflict
    or is_conflict_from_columns is distinct from expected_conflict
    or is_conflict_tolerating_typos_from_columns is distinct from expected_conflict_tolerating_typos
    or is_match_conflict_from_columns is distinct from expected_match_conflict
