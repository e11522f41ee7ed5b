"""Connected components: every node gets the smallest node id of its component."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scv.identity.clustering import connected_components


def edges_frame(pairs: list[tuple[str | None, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(pairs, columns=["left_node", "right_node"], dtype=object)


def as_mapping(result: pd.DataFrame) -> dict[str, str]:
    return dict(zip(result["node_id"], result["component_id"], strict=True))


def union_find_reference(edges: list[tuple[str, str]], nodes: list[str]) -> dict[str, str]:
    """A deliberately simple reference: union-find, then label by the smallest member."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in edges:
        parent[find(left)] = find(right)
    for node in nodes:
        find(node)
    members: dict[str, list[str]] = {}
    for node in parent:
        members.setdefault(find(node), []).append(node)
    return {node: min(group) for group in members.values() for node in group}


def test_chain_is_one_component_labelled_by_smallest_id():
    result = connected_components(edges_frame([("d", "c"), ("c", "b"), ("b", "a")]))
    assert as_mapping(result) == {"a": "a", "b": "a", "c": "a", "d": "a"}


def test_star_is_one_component():
    result = connected_components(edges_frame([("hub", leaf) for leaf in ["x", "y", "z"]]))
    assert as_mapping(result) == {"hub": "hub", "x": "hub", "y": "hub", "z": "hub"}


def test_smallest_id_uses_string_order_not_numeric_order():
    result = connected_components(edges_frame([("9", "10")]))
    assert as_mapping(result) == {"9": "10", "10": "10"}


def test_nodes_without_edges_become_singletons():
    result = connected_components(edges_frame([("a", "b")]), nodes=pd.Series(["c", "a", "e"]))
    assert as_mapping(result) == {"a": "a", "b": "a", "c": "c", "e": "e"}


def test_duplicate_and_self_edges_are_harmless():
    result = connected_components(edges_frame([("a", "b"), ("b", "a"), ("a", "b"), ("c", "c")]))
    assert as_mapping(result) == {"a": "a", "b": "a", "c": "c"}
    assert result["node_id"].is_unique


def test_edge_with_null_end_keeps_its_other_node_as_singleton():
    result = connected_components(edges_frame([("a", None), (None, None)]))
    assert as_mapping(result) == {"a": "a"}


def test_empty_input_gives_empty_frame_with_columns():
    result = connected_components(edges_frame([]))
    assert list(result.columns) == ["node_id", "component_id"]
    assert result.empty


def test_only_nodes_no_edges():
    result = connected_components(edges_frame([]), nodes=pd.Series(["b", "a", None]))
    assert as_mapping(result) == {"a": "a", "b": "b"}


def test_custom_column_names():
    edges = pd.DataFrame({"record_a": ["x"], "record_b": ["y"]})
    result = connected_components(edges, left="record_a", right="record_b")
    assert as_mapping(result) == {"x": "x", "y": "x"}


def test_missing_column_is_a_clear_error():
    with pytest.raises(ValueError, match="no column"):
        connected_components(pd.DataFrame({"a": ["x"], "b": ["y"]}))


def test_result_does_not_depend_on_edge_order_or_direction():
    rng = np.random.default_rng(7)
    ids = [f"n{i}" for i in range(200)]
    pairs = [(ids[a], ids[b]) for a, b in rng.integers(0, 200, size=(150, 2))]
    baseline = as_mapping(connected_components(edges_frame(pairs)))
    for _ in range(5):
        shuffled = [pairs[i] for i in rng.permutation(len(pairs))]
        flipped = [(b, a) if rng.random() < 0.5 else (a, b) for a, b in shuffled]
        assert as_mapping(connected_components(edges_frame(flipped))) == baseline


@pytest.mark.parametrize("seed", range(10))
def test_agrees_with_union_find_reference_on_random_graphs(seed):
    rng = np.random.default_rng(seed)
    node_count = int(rng.integers(1, 300))
    edge_count = int(rng.integers(0, node_count * 2))
    ids = [f"id-{value}" for value in rng.choice(10_000, size=node_count, replace=False)]
    pairs = [(ids[a], ids[b]) for a, b in rng.integers(0, node_count, size=(edge_count, 2))]
    extra_nodes = [ids[i] for i in rng.integers(0, node_count, size=20)]
    result = connected_components(edges_frame(pairs), nodes=pd.Series(extra_nodes, dtype=object))
    assert as_mapping(result) == union_find_reference(pairs, extra_nodes)


def test_relations_version_equals_the_frame_version_on_a_random_graph():
    import duckdb

    from scv.identity.clustering import connected_components_of_relations

    rng = np.random.default_rng(7)
    ids = [f"r{number}" for number in range(400)] + [f"email:{number}" for number in range(60)]
    pairs = [(ids[a], ids[b]) for a, b in rng.integers(0, len(ids), size=(300, 2))]
    pairs += [("r1", None), (None, "r2")]
    extra_nodes = ["r0", "r999", "r5"]
    with duckdb.connect() as connection:
        connection.execute("create table edges (left_node varchar, right_node varchar)")
        connection.executemany("insert into edges values (?, ?)", pairs)
        connection.execute("create table records as select unnest(?) as record_key", [extra_nodes])
        relations = connected_components_of_relations(
            connection, connection.table("edges"), nodes=connection.table("records")
        ).df()
    frames = connected_components(edges_frame(pairs), nodes=pd.Series(extra_nodes))
    assert as_mapping(relations) == as_mapping(frames)
    assert len(relations) == len(frames)
