{#-
    Reference seeds are read when a model is compiled and rendered into the SQL
    as constants (IN lists, anchored regular expressions, CASE branches), not
    joined or sub-queried at run time. Why: staging stays a per-row projection
    with no joins, and a constant pattern is compiled once by the engine, where a
    pattern read from a table row is compiled again for every row (on DuckDB
    ~300x slower: seconds per view read on a few hundred thousand rows, and
    staging views are read many times downstream). The cost: the seed must be
    loaded before the model compiles. `ref()` makes it an upstream node, so
    `dbt build` always seeds first; a command that only compiles (compile, docs,
    ls, the sqlfluff templater) on a database without the seed gets a warning and
    renders the rules as empty instead of failing.
-#}

{#- The rows of a seed of this project as a list of dicts (column name -> value), in a stable order. -#}
{% macro reference_seed_rows(seed_name) %}
    {#-
        ref() at parse time records the seed as an upstream node of the calling model. A unit
        test resolves only the refs it was given as inputs, so there the seed is not ref()'d.
    -#}
    {%- if model is not defined or model.resource_type != 'unit_test' -%}
        {%- set seed_ref = ref(seed_name) -%}
    {%- endif -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {#-
        The loaded table itself, not ref(): inside a unit test ref() points at a fixture CTE, and
        `graph` is empty there, so the seed is then looked up in its configured schema (seeds:
        +schema: reference, named by generate_schema_name).
    -#}
    {%- set node = graph.get('nodes', {}).get('seed.' ~ project_name ~ '.' ~ seed_name) -%}
    {%- if node is not none -%}
        {%- set relation = adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias) -%}
    {%- else -%}
        {%- set relation = adapter.get_relation(
            database=target.database, schema=generate_schema_name('reference', none) | trim, identifier=seed_name) -%}
    {%- endif -%}
    {%- if relation is none -%}
        {%- if flags.WHICH in ['run', 'build', 'test', 'retry'] -%}
            {{ exceptions.raise_compiler_error(
                "Seed '" ~ seed_name ~ "' is not loaded, and the staging rules are compiled from it. "
                ~ "Run `dbt seed --select " ~ seed_name ~ "` first, or select the seed with the models (`+model`).") }}
        {%- endif -%}
        {{ log("reference_seed_rows: seed '" ~ seed_name ~ "' is not loaded; its rules are rendered empty.", info=true) }}
        {{ return([]) }}
    {%- endif -%}
    {%- set result = run_query('select * from ' ~ relation ~ ' order by 1, 2') -%}
    {%- set rows = [] -%}
    {%- for row in result.rows -%}
        {%- set values = {} -%}
        {%- for column_name in result.column_names -%}
            {%- do values.update({column_name | lower: row[loop.index0]}) -%}
        {%- endfor -%}
        {%- do rows.append(values) -%}
    {%- endfor -%}
    {{ return(rows) }}
{% endmacro %}


{#-
    True when any of `candidates` (SQL expressions, compared lower-cased) is a
    value blocked in seeds/identity/blocked_identifier_values.csv for
    `identifier_type` or for 'any': equal to an `exact` value, or wholly matching
    a `regex` one. NULL candidates never match; the result is never NULL.
-#}
{% macro is_blocked_identifier(identifier_type, candidates) -%}
    {{ return(adapter.dispatch('is_blocked_identifier', 'single_customer_view')(identifier_type, candidates)) }}
{%- endmacro %}

{% macro default__is_blocked_identifier(identifier_type, candidates) -%}
    {%- set exact_values = [] -%}
    {%- set patterns = [] -%}
    {%- for rule in reference_seed_rows('blocked_identifier_values')
        if rule.identifier_type in [identifier_type, 'any'] and rule.blocked_value is not none -%}
        {%- if rule.match_type == 'exact' and rule.blocked_value not in exact_values -%}
            {%- do exact_values.append(rule.blocked_value | lower) -%}
        {%- elif rule.match_type == 'regex' -%}
            {%- do patterns.append('(' ~ rule.blocked_value ~ ')') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set tests = [] -%}
    {%- for candidate in candidates -%}
        {%- if exact_values -%}
            {%- set literals = [] -%}
            {%- for value in exact_values -%}
                {%- do literals.append(string_literal(value)) -%}
            {%- endfor -%}
            {%- do tests.append('lower(' ~ candidate ~ ') in (' ~ (literals | join(', ')) ~ ')') -%}
        {%- endif -%}
        {%- if patterns -%}
            {%- do tests.append(regexp_is_match('lower(' ~ candidate ~ ')', '^(' ~ (patterns | join('|')) ~ ')$')) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if tests -%}
        coalesce({{ tests | join(' or ') }}, false)
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}


{#-
    Why `value` (a SQL expression, compared lower-cased) is blocked for `identifier_type` in
    seeds/identity/blocked_identifier_values.csv, or NULL: the first reason in alphabetical
    order among the rules it matches (exact values, or regexes it wholly matches; rules for
    'any' always apply). Rendered as constants, like is_blocked_identifier.
-#}
{% macro blocked_identifier_reason(identifier_type, value) -%}
    {%- set rules_by_reason = {} -%}
    {%- for rule in reference_seed_rows('blocked_identifier_values')
        if rule.identifier_type in [identifier_type, 'any'] and rule.blocked_value is not none -%}
        {%- do rules_by_reason.setdefault(rule.reason, {'exact': [], 'regex': []}) -%}
        {%- set kind = 'exact' if rule.match_type == 'exact' else 'regex' -%}
        {%- do rules_by_reason[rule.reason][kind].append(
            string_literal(rule.blocked_value | lower) if kind == 'exact' else '(' ~ rule.blocked_value ~ ')') -%}
    {%- endfor -%}
    {%- if not rules_by_reason -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
    case
        {%- for reason in rules_by_reason | sort %}
        {%- set rules = rules_by_reason[reason] %}
        {%- if rules.exact %}
        when lower({{ value }}) in ({{ rules.exact | unique | join(', ') }}) then {{ string_literal(reason) }}
        {%- endif %}
        {%- if rules.regex %}
        when {{ regexp_is_match('lower(' ~ value ~ ')', '^(' ~ (rules.regex | join('|')) ~ ')$') }} then {{ string_literal(reason) }}
        {%- endif %}
        {%- endfor %}
    end
    {%- endif -%}
{%- endmacro %}
