{#-
    Functions an engine lacks, created once per run by the on-run-start hook so that
    models call them like built-ins (macros jaro_winkler, levenshtein).

    PostgreSQL: levenshtein comes from the fuzzystrmatch extension (trusted since
    PostgreSQL 13: a database owner may create it), and jaro_winkler_similarity is a
    PL/pgSQL port of DuckDB's, computed on the UTF-8 bytes as DuckDB does, so the two
    engines score the same pairs alike (tests/python/test_engines_e2e.py compares them).
-#}
{% macro create_engine_functions() -%}
    {{ return(adapter.dispatch('create_engine_functions', 'single_customer_view')()) }}
{%- endmacro %}

{% macro default__create_engine_functions() -%}
    select 1 as engine_functions_built_in
{%- endmacro %}

{% macro postgres__create_engine_functions() -%}
do $scv$
begin
    if not exists (select 1 from pg_extension where extname = 'fuzzystrmatch') then
        begin
            create extension fuzzystrmatch;
        exception when others then
            raise exception 'single_customer_view needs the PostgreSQL extension fuzzystrmatch (levenshtein) and could not create it: %. Ask the database owner or a superuser to run "create extension fuzzystrmatch;" in database %, or install the server''s contrib package.', sqlerrm, current_database();
        end;
    end if;
end
$scv$;

create schema if not exists {{ target.schema }};

{#- Jaro similarity with DuckDB's rules: match window max(len)/2 - 1, half the
    transpositions rounded down; Winkler's bonus (0.1 per common prefix byte, at most
    4) only above 0.7; an empty string scores 0. -#}
create or replace function {{ target.schema }}.jaro_winkler_similarity(left_text text, right_text text)
returns double precision
language plpgsql immutable strict parallel safe
as $scv$
declare
    s1 bytea := convert_to(left_text, 'UTF8');
    s2 bytea := convert_to(right_text, 'UTF8');
    l1 integer := length(s1);
    l2 integer := length(s2);
    bound integer;
    matched1 boolean[];
    matched2 boolean[];
    matches integer := 0;
    transpositions integer := 0;
    prefix integer := 0;
    i integer;
    j integer;
    k integer := 0;
    similarity double precision;
begin
    if l1 = 0 or l2 = 0 then
        return 0;
    end if;
    bound := greatest(greatest(l1, l2) / 2 - 1, 0);
    matched1 := array_fill(false, array[l1]);
    matched2 := array_fill(false, array[l2]);
    for i in 0 .. l1 - 1 loop
        for j in greatest(0, i - bound) .. least(l2 - 1, i + bound) loop
            if not matched2[j + 1] and get_byte(s1, i) = get_byte(s2, j) then
                matched1[i + 1] := true;
                matched2[j + 1] := true;
                matches := matches + 1;
                exit;
            end if;
        end loop;
    end loop;
    if matches = 0 then
        return 0;
    end if;
    for i in 0 .. l1 - 1 loop
        if matched1[i + 1] then
            while not matched2[k + 1] loop
                k := k + 1;
            end loop;
            if get_byte(s1, i) <> get_byte(s2, k) then
                transpositions := transpositions + 1;
            end if;
            k := k + 1;
        end if;
    end loop;
    transpositions := transpositions / 2;
    similarity := (matches::double precision / l1 + matches::double precision / l2
        + (matches - transpositions)::double precision / matches) / 3.0;
    if similarity > 0.7 then
        for i in 0 .. least(4, l1, l2) - 1 loop
            exit when get_byte(s1, i) <> get_byte(s2, i);
            prefix := prefix + 1;
        end loop;
        similarity := similarity + prefix * 0.1::double precision * (1.0 - similarity);
    end if;
    return similarity;
end
$scv$;
{%- endmacro %}
