#!/usr/bin/env python3
"""Reference centralities from networkx for Schakel's integration tests.

Reads JSON from stdin, with either or both of:
  {"graphs": [{"name": str, "nodes": [str], "edges": [[str, str]]}],
   "files":  [{"name": str, "path": str, "format": "edge-list" | "adjacency-matrix"}]}
Prints JSON: {"networkx": version, "graphs": {name: {"degree": {node: value}, "betweenness": ...,
"closeness": ..., "eigenvector": ...}}}; a file's entry also has "weightedDegree", "nodes" and "edges".

The graph is nx.Graph (undirected, simple), the reading Schakel's analysis module documents
(renderer/src/analysis/centrality.ts). A file is read here on its own, with Python's csv module, so an
import that dropped or duplicated a link shows as a difference: an edge list has a header with source,
target and optionally weight (1 when absent); an adjacency matrix holds the ids in its first row and column
and the weight of row -> column in each cell (blank or 0: no link). Pairs that several rows or both
directions connect become one edge whose weight is their sum, as Schakel's measured network does.
Every measure uses networkx's defaults except eigenvector's tolerance and iteration cap, tightened so both
power iterations stop far below the tolerances compared.
"""
import csv
import json
import sys

import networkx as nx


def centralities(graph):
    return {
        "degree": nx.degree_centrality(graph),
        "betweenness": nx.betweenness_centrality(graph, normalized=True),
        "closeness": nx.closeness_centrality(graph, wf_improved=True),
        "eigenvector": nx.eigenvector_centrality(graph, max_iter=10000, tol=1e-12),
    }


def simple_graph(nodes, edges):
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    return graph


def add_weight(graph, a, b, weight):
    if a == b:
        return
    if graph.has_edge(a, b):
        graph[a][b]["weight"] += weight
    else:
        graph.add_edge(a, b, weight=weight)


def graph_from_file(path, file_format):
    graph = nx.Graph()
    with open(path, newline="", encoding="utf-8-sig") as handle:
        if file_format == "edge-list":
            for row in csv.DictReader(handle):
                source, target = row["source"].strip(), row["target"].strip()
                graph.add_nodes_from([source, target])
                weight = (row.get("weight") or "").strip()
                add_weight(graph, source, target, float(weight) if weight else 1.0)
        elif file_format == "adjacency-matrix":
            rows = [row for row in csv.reader(handle) if row]
            columns = [cell.strip() for cell in rows[0][1:]]
            graph.add_nodes_from(columns)
            for row in rows[1:]:
                source = row[0].strip()
                graph.add_node(source)
                for target, cell in zip(columns, row[1:]):
                    weight = float(cell) if cell.strip() else 0.0
                    if weight != 0:
                        add_weight(graph, source, target, weight)
        else:
            raise ValueError(f"unknown format {file_format}")
    return graph


def file_reference(graph):
    result = centralities(graph)
    scale = 1 / (graph.number_of_nodes() - 1)
    result["weightedDegree"] = {node: value * scale for node, value in graph.degree(weight="weight")}
    result["nodes"] = graph.number_of_nodes()
    result["edges"] = graph.number_of_edges()
    return result


def main():
    request = json.load(sys.stdin)
    result = {g["name"]: centralities(simple_graph(g["nodes"], g["edges"])) for g in request.get("graphs", [])}
    for f in request.get("files", []):
        result[f["name"]] = file_reference(graph_from_file(f["path"], f["format"]))
    json.dump({"networkx": nx.__version__, "graphs": result}, sys.stdout)


if __name__ == "__main__":
    main()
