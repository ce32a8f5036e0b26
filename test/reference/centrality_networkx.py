#!/usr/bin/env python3
"""Reference centralities from networkx for test/integration/caviar-centrality.test.ts.

Reads JSON from stdin: {"graphs": [{"name": str, "nodes": [str], "edges": [[str, str]]}]}
Prints JSON: {name: {"degree": {node: value}, "betweenness": ..., "closeness": ..., "eigenvector": ...}}

The graph is nx.Graph (undirected, unweighted, simple), the reading Schakel's analysis module documents
(renderer/src/analysis/centrality.ts). Every measure uses networkx's defaults except eigenvector's
tolerance and iteration cap, tightened so both power iterations stop far below the 1e-6 compared.
"""
import json
import sys

import networkx as nx


def centralities(nodes, edges):
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    return {
        "degree": nx.degree_centrality(graph),
        "betweenness": nx.betweenness_centrality(graph, normalized=True),
        "closeness": nx.closeness_centrality(graph, wf_improved=True),
        "eigenvector": nx.eigenvector_centrality(graph, max_iter=10000, tol=1e-12),
    }


def main():
    request = json.load(sys.stdin)
    result = {g["name"]: centralities(g["nodes"], g["edges"]) for g in request["graphs"]}
    json.dump({"networkx": nx.__version__, "graphs": result}, sys.stdout)


if __name__ == "__main__":
    main()
