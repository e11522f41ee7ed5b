"""Connected components of a record graph, labelled deterministically.

Each component is labelled with its smallest node id (string order), so the labels do
not depend on edge order, on how the graph was built, or on the order rows come back
from the warehouse. That is what a stable customer id is derived from.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components as _scipy_connected_components


def connected_components(
    edges: pd.DataFrame,
    nodes: pd.Series | None = None,
    left: str = "left_node",
    right: str = "right_node",
) -> pd.DataFrame:
    """Assign every node to a connected component of the undirected graph `edges`.

    Args:
        edges: one row per edge, node ids (strings) in columns `left` and `right`.
            Duplicate edges and self edges are harmless. An edge with one NULL
            end only contributes its other end as a node.
        nodes: optional extra node ids; those that appear in no edge become
            singleton components. NULLs are ignored.
        left, right: the names of the edge columns.

    Returns:
        A frame with one row per distinct node, columns `node_id` and `component_id`,
        where `component_id` is the smallest `node_id` (string order) of the node's
        component. Row order is unspecified (sort if you need one).

    Runs in near-linear time: node ids are factorised to integers once and the
    components are found by scipy's sparse graph routine.
    """
    missing = [column for column in (left, right) if column not in edges.columns]
    if missing:
        raise ValueError(f"edges has no column(s) {missing}; columns are {list(edges.columns)}")

    left_ids = _as_string_array(edges[left])
    right_ids = _as_string_array(edges[right])
    extra_ids = _as_string_array(nodes) if nodes is not None else np.array([], dtype=object)
    all_ids = np.concatenate([left_ids, right_ids, extra_ids])

    # Sorting 10M+ string ids is the slow part of this function, so factorise unsorted
    # and take the string minimum per component afterwards.
    codes, unique_ids = pd.factorize(all_ids, use_na_sentinel=True)
    node_count = len(unique_ids)
    if node_count == 0:
        return pd.DataFrame({"node_id": pd.Series([], dtype=object), "component_id": []})

    edge_count = len(left_ids)
    left_codes = codes[:edge_count]
    right_codes = codes[edge_count : 2 * edge_count]
    usable = (left_codes >= 0) & (right_codes >= 0)
    labels = _component_labels(left_codes[usable], right_codes[usable], node_count)

    unique_values = pd.Series(np.asarray(unique_ids, dtype=object), dtype=object)
    smallest_per_label = unique_values.groupby(labels).min().to_numpy(dtype=object)
    return pd.DataFrame(
        {
            "node_id": unique_values.to_numpy(dtype=object),
            "component_id": smallest_per_label[labels],
        }
    )


def connected_components_of_relations(
    connection: duckdb.DuckDBPyConnection,
    edges: duckdb.DuckDBPyRelation,
    nodes: duckdb.DuckDBPyRelation | None = None,
    left: str = "left_node",
    right: str = "right_node",
    node: str = "record_key",
) -> duckdb.DuckDBPyRelation:
    """`connected_components` for DuckDB relations of `connection` (a Python model's refs and
    session), ids kept in DuckDB: it numbers the distinct node ids once, only integers reach
    scipy, and each component takes its smallest id in SQL. Returns a relation (node_id,
    component_id) with the same rows as connected_components on the same edges and nodes
    (tests: test_clustering.py).
    """
    graph = edges.select(f"{left} as left_node, {right} as right_node")
    if nodes is not None:
        graph = graph.union(nodes.select(f"{node} as left_node, null::varchar as right_node"))
    # A temporary table, not an Arrow table: pyarrow is not a dependency (it came with splink).
    graph.create_view("scv_component_graph", replace=True)
    connection.execute(
        """
        create or replace temporary table scv_component_nodes as
        with ids as (
            select left_node as node_id from scv_component_graph where left_node is not null
            union
            select right_node from scv_component_graph where right_node is not null
        )
        select node_id, row_number() over () - 1 as node_number from ids
        """
    )
    node_count = connection.sql("select count(*) from scv_component_nodes").fetchall()[0][0]
    pairs = connection.sql(
        """
        select l.node_number as left_number, r.node_number as right_number
        from scv_component_graph as graph
        inner join scv_component_nodes as l on graph.left_node = l.node_id
        inner join scv_component_nodes as r on graph.right_node = r.node_id
        """
    ).fetchnumpy()
    labels = _component_labels(
        np.asarray(pairs["left_number"], dtype=np.int64),
        np.asarray(pairs["right_number"], dtype=np.int64),
        node_count,
    )
    connection.register(
        "scv_component_labels",
        pd.DataFrame({"node_number": np.arange(node_count, dtype=np.int64), "label": labels}),
    )
    return connection.sql(
        """
        select
            nodes.node_id,
            min(nodes.node_id) over (partition by labels.label) as component_id
        from scv_component_nodes as nodes
        inner join scv_component_labels as labels
            on nodes.node_number = labels.node_number
        """
    )


def _component_labels(left: np.ndarray, right: np.ndarray, node_count: int) -> np.ndarray:
    """scipy's component label of every node 0..node_count-1 of the undirected graph."""
    graph = coo_matrix(
        (np.ones(len(left), dtype=np.int8), (left, right)),
        shape=(node_count, node_count),
    )
    _, labels = _scipy_connected_components(graph, directed=False)
    return labels


def _as_string_array(values: pd.Series) -> np.ndarray:
    """Node ids as an object array of str with None for NULL (ids must compare as text)."""
    series = pd.Series(values)
    is_null = series.isna().to_numpy()
    as_text = series.astype(str).to_numpy(dtype=object)
    as_text[is_null] = None
    return as_text
