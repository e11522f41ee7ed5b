{#-
    on-run-end: a short summary of the build for whoever runs it: raw rows in, staged,
    quarantined by reason, customers, id changes this run (created, merged, split, retired),
    the review queue and the suspect clusters. Printed only when every model it reads was
    built or already exists (a partial selection prints nothing); returns no SQL.
-#}
{% macro print_run_summary() %}
    {%- if not execute or flags.WHICH not in ('build', 'run') -%}
        {{ return('') }}
    {%- endif -%}
    {%- set names = ['int_source_row_counts_reconciled', 'int_source_rows_quarantined', 'dim_customer',
                     'customer_id_history', 'int_match_pairs_for_review', 'int_identity_suspect_clusters'] -%}
    {%- set relations = {} -%}
    {%- for name in names -%}
        {%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ name) -%}
        {%- set relation = adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias) if node else none -%}
        {%- if relation is none -%}
            {{ return('') }}
        {%- endif -%}
        {%- do relations.update({name: relation}) -%}
    {%- endfor -%}
    {%- set counts = run_query(
        "select sum(raw_row_count), sum(staged_row_count), sum(rejected_row_count), sum(repaired_row_count)"
        ~ " from " ~ relations.int_source_row_counts_reconciled
    ).rows[0] -%}
    {%- set reasons = run_query(
        "select rejection_reason, count(*) from " ~ relations.int_source_rows_quarantined
        ~ " where is_rejected group by rejection_reason order by count(*) desc, rejection_reason"
    ).rows -%}
    {%- set customers = run_query("select count(*) from " ~ relations.dim_customer).rows[0][0] -%}
    {%- set changes = run_query(
        "select change_type, count(*) from " ~ relations.customer_id_history
        ~ " where invocation_id = '" ~ invocation_id ~ "' group by change_type order by change_type"
    ).rows -%}
    {%- set review = run_query("select count(*) from " ~ relations.int_match_pairs_for_review).rows[0][0] -%}
    {%- set suspects = run_query("select count(*) from " ~ relations.int_identity_suspect_clusters).rows[0][0] -%}
    {%- set lines = [
        'Run summary:',
        '  raw rows ' ~ counts[0] ~ ', staged ' ~ counts[1] ~ ', rejected ' ~ counts[2] ~ ', repaired ' ~ counts[3],
        '  rejected by reason: ' ~ ((reasons | map('join', ' ') | join(', ')) or 'none'),
        '  customers ' ~ customers ~ '; id changes this run: ' ~ ((changes | map('join', ' ') | join(', ')) or 'none'),
        '  review queue ' ~ review ~ ' pairs (int_match_pairs_for_review), suspect clusters ' ~ suspects,
        '  quarantine: int_source_rows_quarantined',
    ] -%}
    {{ log(lines | join('\n'), info=True) }}
    {{ return('') }}
{% endmacro %}
