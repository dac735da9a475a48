#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Diplomap's graph exports with a real reader, networkx, and checks
that they hold the same nodes, edges and attributes as the JSON exchange
format of the same articles.

Usage: check-graph-exports.py DIPLOMAP ARTICLE...  (TAP on stdout)

networkx (2.8, Debian 12) cannot read our files exactly as written, for
two reasons this script checks rather than hides:

- it knows GEXF 1.1draft and 1.2draft only: the 1.3 namespace
  (http://gexf.net/1.3) gives "No <graph> element", and version="1.3" is
  an unknown version.  The 1.3 file's structure is checked here with
  xml.etree, and networkx reads a copy whose namespace is rewritten to
  1.2draft (nothing else in our files differs between 1.2 and 1.3);
- it has no mixed graphs: an undirected edge (GEXF type="undirected",
  GraphML directed="false") in a directed graph is refused ("Undirected
  edge found in directed graph").  The script checks that the per-edge
  markers agree with the "directed" attribute, then lets networkx read a
  copy without them.

When a networkx release reads a file as written, the script reads that
one instead.  Run with Debian's /usr/bin/python3, where python3-networkx
is installed.
"""

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    import networkx as nx
except ImportError:
    print("1..0 # SKIP networkx is not installed (apt install python3-networkx)")
    sys.exit(0)

GEXF13 = "http://gexf.net/1.3"
GEXF12 = "http://www.gexf.net/1.2draft"
GRAPHML = "http://graphml.graphdrawing.org/xmlns"
SEPARATOR = " | "
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")

results = []


def check(ok, name, detail=""):
    results.append((bool(ok), name, detail))
    return ok


def iso_date(date):
    """A document's day as the JSON gives it (YYYY-MM-DD, or null)."""
    m = ISO_DATE.match(date or "")
    return date[:10] if m else None


def expected_graph(analysis):
    """Nodes and edges as the exports must carry them, from the JSON."""
    dates = {d["id"]: iso_date(d["date"]) for d in analysis["documents"]}
    nodes = {}
    for a in analysis["actors"]:
        node = {"code": a["code"], "name": a["name"], "kind": a["kind"], "mentions": a["count"]}
        if a["anchor"] is not None:
            node["latitude"] = a["anchor"]["lat"]
            node["longitude"] = a["anchor"]["lon"]
        nodes[a["code"]] = node
    edges = []
    for link in analysis["links"]:
        known = sorted(dates[e["doc"]] for e in link["evidence"] if dates[e["doc"]])
        edges.append({
            "source": link["source"], "target": link["target"],
            "kind": link["kind"], "class": link["quad"], "directed": link["directed"],
            "weight": link["weight"], "confidence": link["confidence"],
            "first_date": known[0] if known else "", "last_date": known[-1] if known else "",
            "curation": "machine",
            "evidence": SEPARATOR.join(e["text"] for e in link["evidence"]),
        })
    return nodes, edges


def edge_key(e):
    return (e["source"], e["target"], e["kind"])


def compare(label, nodes, edges, expected_nodes, expected_edges):
    """@nodes: code -> dict, @edges: list of dicts with source/target."""
    check(set(nodes) == set(expected_nodes), f"{label}: the same nodes",
          f"{sorted(nodes)} vs {sorted(expected_nodes)}")
    for code, want in expected_nodes.items():
        got = nodes.get(code, {})
        bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
        extra = set(got) - set(want) - {"label"}
        check(not bad and not extra, f"{label}: node {code} attributes", f"{bad} extra={extra}")
    check(len(edges) == len(expected_edges), f"{label}: {len(expected_edges)} edges", str(len(edges)))
    by_key = {edge_key(e): e for e in edges}
    check(len(by_key) == len(edges), f"{label}: one edge per (source, target, kind)")
    for want in expected_edges:
        got = by_key.get(edge_key(want), {})
        bad = {}
        for k, v in want.items():
            g = got.get(k)
            if isinstance(v, float) or k in ("weight", "confidence"):
                ok = g is not None and abs(float(g) - float(v)) < 1e-9
            else:
                ok = g == v
            if not ok:
                bad[k] = (g, v)
        check(not bad, f"{label}: edge {'→'.join(edge_key(want)[:2])} {want['kind']} attributes", str(bad))


def networkx_edges(graph):
    edges = []
    for source, target, data in graph.edges(data=True):
        edges.append(dict(data, source=source, target=target))
    return edges


def networkx_nodes(graph):
    return {code: dict(data) for code, data in graph.nodes(data=True)}


def read_or_refusal(reader, path, refusals):
    """networkx's graph of @path, or None when it refuses it for one of the
    known @refusals (recorded); any other error fails the check."""
    try:
        return reader(path), None
    except nx.NetworkXError as error:
        message = str(error)
        known = any(r in message for r in refusals)
        check(known, f"networkx refuses {os.path.basename(path)} for a known reason", message)
        return None, message


def check_gexf(path, expected_nodes, expected_edges, work):
    tree = ET.parse(path)
    root = tree.getroot()
    ns = {"g": GEXF13}
    check(root.tag == f"{{{GEXF13}}}gexf" and root.get("version") == "1.3", "GEXF: version 1.3 in the 1.3 namespace")
    graph = root.find("g:graph", ns)
    check(graph is not None and graph.get("defaultedgetype") == "directed" and graph.get("mode") == "static",
          "GEXF: <graph defaultedgetype=directed mode=static>")
    declared = {(a.get("class"), at.get("id")): at.get("type")
                for a in root.iter(f"{{{GEXF13}}}attributes") for at in a.findall("g:attribute", ns)}
    check(declared == {
        ("node", "code"): "string", ("node", "name"): "string", ("node", "kind"): "string",
        ("node", "mentions"): "integer", ("node", "latitude"): "double", ("node", "longitude"): "double",
        ("edge", "kind"): "string", ("edge", "class"): "string", ("edge", "directed"): "boolean",
        ("edge", "confidence"): "double", ("edge", "first_date"): "string", ("edge", "last_date"): "string",
        ("edge", "curation"): "string", ("edge", "evidence"): "string",
    }, "GEXF: the attributes declared, with their types", str(declared))
    mismatched = []
    for edge in root.iter(f"{{{GEXF13}}}edge"):
        directed = {v.get("for"): v.get("value") for v in edge.iter(f"{{{GEXF13}}}attvalue")}["directed"]
        if (edge.get("type") == "undirected") != (directed == "false") or edge.get("type") not in (None, "undirected"):
            mismatched.append(edge.get("id"))
        if edge.get("kind") != edge.get("label"):
            mismatched.append(edge.get("id"))
    check(not mismatched, "GEXF: type=undirected exactly on the undirected links", str(mismatched))

    # the file as written first, as a user would
    G, refusal = read_or_refusal(nx.read_gexf, path, ["No <graph> element", "Undirected edge found in directed graph"])
    try:
        nx.read_gexf(path, version="1.3")
        check(False, "GEXF: networkx knows no version 1.3 (update this script if it does)")
    except nx.NetworkXError as error:
        check("Unknown GEXF version 1.3" in str(error), "GEXF: networkx 2.8 knows no version 1.3", str(error))

    if G is None:
        # the same content in the 1.2draft namespace, without per-edge types
        ET.register_namespace("", GEXF12)
        ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
        text = open(path, encoding="utf-8").read().replace(f'xmlns="{GEXF13}"', f'xmlns="{GEXF12}"')
        text = text.replace('version="1.3"', 'version="1.2"', 1)
        copy_root = ET.fromstring(text)
        for edge in copy_root.iter(f"{{{GEXF12}}}edge"):
            edge.attrib.pop("type", None)
        copy = os.path.join(work, "as-1.2draft.gexf")
        ET.ElementTree(copy_root).write(copy, encoding="utf-8", xml_declaration=True)
        G = nx.read_gexf(copy)
        print(f"# GEXF read by networkx from a 1.2draft copy without per-edge types ({refusal})")

    nodes = networkx_nodes(G)
    check(all(d.get("label") == d.get("name") for d in nodes.values()), "GEXF: node labels are the names")
    edges = networkx_edges(G)
    for e in edges:
        # networkx gives the edge's own weight as a float, its id and label as extras
        e.pop("id", None)
        check(e.pop("label", None) == e["kind"], f"GEXF: edge {e.get('source')}→{e.get('target')} label is its kind")
    compare("GEXF", nodes, edges, expected_nodes, expected_edges)


def check_graphml(path, expected_nodes, expected_edges, work):
    root = ET.parse(path).getroot()
    ns = {"m": GRAPHML}
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.findall("m:key", ns)}
    check(keys == {
        ("node", "code"): "string", ("node", "name"): "string", ("node", "kind"): "string",
        ("node", "mentions"): "int", ("node", "latitude"): "double", ("node", "longitude"): "double",
        ("edge", "kind"): "string", ("edge", "class"): "string", ("edge", "directed"): "boolean",
        ("edge", "weight"): "int", ("edge", "confidence"): "double", ("edge", "first_date"): "string",
        ("edge", "last_date"): "string", ("edge", "curation"): "string", ("edge", "evidence"): "string",
    }, "GraphML: the keys declared, with attr.type", str(keys))
    graph = root.find("m:graph", ns)
    check(graph.get("edgedefault") == "directed", "GraphML: edgedefault=directed")
    mismatched = [e.get("id") for e in graph.findall("m:edge", ns)
                  if (e.get("directed") == "false") != (e.find("m:data[@key='e_directed']", ns).text == "false")
                  or e.get("directed") not in (None, "false")]
    check(not mismatched, "GraphML: directed=false exactly on the undirected links", str(mismatched))

    G, refusal = read_or_refusal(nx.read_graphml, path, ["directed=false edge found in directed graph"])
    if G is None:
        ET.register_namespace("", GRAPHML)
        ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
        tree = ET.parse(path)
        for edge in tree.getroot().iter(f"{{{GRAPHML}}}edge"):
            edge.attrib.pop("directed", None)
        copy = os.path.join(work, "directed.graphml")
        tree.write(copy, encoding="utf-8", xml_declaration=True)
        G = nx.read_graphml(copy)
        print(f"# GraphML read by networkx from a copy without per-edge directed=false ({refusal})")

    edges = networkx_edges(G)
    for e in edges:
        e.pop("id", None)
        # GraphML leaves unknown dates out; they read back as absent
        e.setdefault("first_date", "")
        e.setdefault("last_date", "")
    compare("GraphML", networkx_nodes(G), edges, expected_nodes, expected_edges)


def check_csv(nodes_path, edges_path, expected_nodes, expected_edges):
    raw = open(nodes_path, "rb").read()
    check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "CSV: nodes records end with CRLF")
    with open(nodes_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(list(rows[0].keys()) == ["code", "name", "kind", "mentions", "latitude", "longitude"] if rows else False,
          "CSV: the nodes header")
    nodes = {}
    for r in rows:
        n = {"code": r["code"], "name": r["name"], "kind": r["kind"], "mentions": int(r["mentions"])}
        if r["latitude"]:
            n["latitude"] = float(r["latitude"])
            n["longitude"] = float(r["longitude"])
        nodes[r["code"]] = n
    with open(edges_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(rows and list(rows[0].keys()) == ["source", "target", "kind", "class", "directed", "weight", "confidence",
                                             "first_date", "last_date", "curation", "evidence"],
          "CSV: the edges header")
    edges = [dict(r, directed={"true": True, "false": False}[r["directed"]], weight=int(r["weight"]),
                  confidence=float(r["confidence"])) for r in rows]
    compare("CSV", nodes, edges, expected_nodes, expected_edges)
    # the edges are networkx's too, through its own edge-list reader
    M = nx.MultiDiGraph()
    for e in edges:
        M.add_edge(e["source"], e["target"], key=e["kind"], **{k: v for k, v in e.items() if k not in ("source", "target")})
    check(M.number_of_edges() == len(expected_edges) and set(M.nodes) <= set(expected_nodes),
          "CSV: networkx builds the same multigraph from the edges file")


def main():
    diplomap, articles = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory(prefix="diplomap-networkx-") as work:
        analysis = json.loads(subprocess.run([diplomap, "--analyze", "--format", "json", *articles],
                                             check=True, capture_output=True, text=True).stdout)
        expected_nodes, expected_edges = expected_graph(analysis)
        check(any(not e["directed"] for e in expected_edges) and any(e["directed"] for e in expected_edges),
              "the articles give directed and undirected links")
        for name in ("graph.gexf", "graph.graphml", "graph.csv"):
            run = subprocess.run([diplomap, "--export", os.path.join(work, name), *articles],
                                 capture_output=True, text=True)
            check(run.returncode == 0 and run.stderr == "", f"diplomap --export {name}", run.stderr.strip())
        check(sorted(os.listdir(work)) == ["graph-edges.csv", "graph-nodes.csv", "graph.gexf", "graph.graphml"],
              "the export writes these four files and nothing else", str(os.listdir(work)))
        check_gexf(os.path.join(work, "graph.gexf"), expected_nodes, expected_edges, work)
        check_graphml(os.path.join(work, "graph.graphml"), expected_nodes, expected_edges, work)
        check_csv(os.path.join(work, "graph-nodes.csv"), os.path.join(work, "graph-edges.csv"),
                  expected_nodes, expected_edges)

    print(f"1..{len(results)}")
    for i, (ok, name, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {name}" + ("" if ok or not detail else f" # {detail}"))
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
