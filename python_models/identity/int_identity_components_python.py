"""Connected components of the accepted identity edges (DuckDB: Python models run in-process)."""

from scv.identity.clustering import connected_components


def model(dbt, session):
    dbt.config(materialized="table")
    edges = dbt.ref("int_identity_edges").filter("is_accepted").select("left_node, right_node").df()
    records = dbt.ref("int_source_records_unioned").select("record_key").df()
    return connected_components(edges, nodes=records["record_key"]).rename(
        columns={"node_id": "node_id", "component_id": "component_id"}
    )
