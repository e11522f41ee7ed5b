"""Connected components of the accepted identity edges (DuckDB: Python models run in-process)."""

from scv.identity.clustering import connected_components_of_relations


def model(dbt, session):
    dbt.config(materialized="table")
    edges = dbt.ref("int_identity_edges").filter("is_accepted").select("left_node, right_node")
    records = dbt.ref("int_source_records").select("record_key")
    return connected_components_of_relations(session, edges, nodes=records)
