"""Time the graph projections and their analysis on a synthetic store of fictional cases.

    .venv/bin/python benchmarks/bench_graph.py --nodes 100000
    .venv/bin/python benchmarks/bench_graph.py --store build/bench/store-10k

Lays out a synthetic store (every name invented: "Fictional Person 17", "Imaginary Court
3") with the graph layout of ``kg build``, then times each step of the code path that
``kg analyze`` and ``kg export`` take: the proceedings, the SPARQL reads, the typed graph,
the co-involvement projection, PageRank and sampled betweenness.  Prints one line per step.

With ``--store``, the same steps run on a store ``kg build`` made (the 10,000-document
synthetic corpus's): the SPARQL reads, the typed graph, the co-involvement projection, then
PageRank and sampled betweenness alone and ``kg analyze centrality``'s whole computation,
with igraph when it is installed.  Progress goes to standard error and the Markdown
section for BENCHMARKS.md to standard output.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import networkx as nx
import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, section  # noqa: E402

from kg.analyze import BETWEENNESS_SAMPLE, _betweenness, _igraph, _to_igraph, centrality  # noqa: E402
from kg.graph import coinvolvement_graph, fetch_rows, typed_graph  # noqa: E402
from kg.model import EVENT_TYPES  # noqa: E402
from kg.namespaces import LEK, PROV, RDF, RDFS, RES, XSD  # noqa: E402
from kg.proceedings import PROCEEDINGS_GRAPH, proceeding_quads  # noqa: E402
from kg.store import KgStore  # noqa: E402

T = TypeVar("T")
ORGANIZATION_KINDS = ("Court", "GovernmentBody", "PoliticalParty", "CivilSocietyOrganization")


def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _quad(subject: str, predicate: str, obj: ox.NamedNode | ox.Literal, graph: str) -> ox.Quad:
    return ox.Quad(_node(subject), _node(predicate), obj, _node(graph))


def synthetic_documents(nodes: int, seed: int) -> Iterator[tuple[str, list[ox.Quad]]]:
    """Yield (graph IRI, quads) for synthetic documents whose graph has about ``nodes`` nodes.

    About half the nodes are events, a quarter persons; proceedings are computed later.
    """
    rng = random.Random(seed)
    people = [str(RES[f"person/fictional-person-{i}"]) for i in range(nodes // 4)]
    organisations = [
        (str(RES[f"{kind.lower()}/imaginary-{kind.lower()}-{i}"]), kind)
        for i in range(max(4, nodes // 40))
        for kind in (ORGANIZATION_KINDS[i % len(ORGANIZATION_KINDS)],)
    ]
    offences = [str(RES[f"offence/synthetic-offence-{i}"]) for i in range(200)]
    provisions = [str(RES[f"provision/imaginary-code-article-{i}"]) for i in range(300)]
    events = nodes // 2
    per_document = 500
    for first in range(0, events, per_document):
        graph, source = str(RES[f"graph/synthetic-{first}"]), str(RES[f"doc/synthetic-{first}"])
        quads = [_quad(source, str(RDF.type), _node(str(LEK.Document)), graph)]
        for number in range(first, min(first + per_document, events)):
            event = str(RES[f"event/synthetic-{number}"])
            facts: list[tuple[str, ox.NamedNode | ox.Literal]] = [
                (str(RDF.type), _node(str(LEK[rng.choice(EVENT_TYPES)]))),
                (str(LEK.evidence), ox.Literal(f"Synthetic sentence {number}.")),
                (str(PROV.wasDerivedFrom), _node(source)),
            ]
            day = f"{rng.randint(2000, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            facts.append((str(LEK.date), ox.Literal(day, datatype=_node(str(XSD.date)))))
            for person in rng.sample(people, rng.choice((1, 1, 1, 2, 3))):
                facts.append((str(LEK.subject), _node(person)))
            if rng.random() < 0.5:
                facts.append((str(LEK.agent), _node(rng.choice(organisations)[0])))
            if rng.random() < 0.6:
                offence = offences[int(rng.paretovariate(1.2)) % len(offences)]
                facts.append((str(LEK.charge), _node(offence)))
            if rng.random() < 0.3:
                facts.append((str(LEK.provision), _node(rng.choice(provisions))))
            quads += [_quad(event, predicate, obj, graph) for predicate, obj in facts]
        yield graph, quads
    labels = str(RES["graph/entities"])
    quads = []
    for iri in people:
        name = ox.Literal(iri.rsplit("/", 1)[-1].replace("-", " ").title())
        quads += [
            _quad(iri, str(RDF.type), _node(str(LEK.Person)), labels),
            _quad(iri, str(RDFS.label), name, labels),
        ]
        if rng.random() < 0.3:
            membership = str(RES[f"membership/synthetic-{len(quads)}"])
            quads += [
                _quad(membership, str(RDF.type), _node(str(LEK.Membership)), labels),
                _quad(membership, str(LEK.member), _node(iri), labels),
                _quad(
                    membership, str(LEK.organization), _node(rng.choice(organisations)[0]), labels
                ),
                _quad(membership, str(LEK.role), ox.Literal("member"), labels),
            ]
    for iri, kind in organisations:
        quads.append(_quad(iri, str(RDF.type), _node(str(LEK[kind])), labels))
    for iri in offences:
        label = ox.Literal(iri.rsplit("/", 1)[-1].replace("-", " "))
        quads += [
            _quad(iri, str(RDF.type), _node(str(LEK.Offence)), labels),
            _quad(iri, str(RDFS.label), label, labels),
        ]
    for iri in provisions:
        quads.append(_quad(iri, str(RDF.type), _node(str(LEK.LegalProvision)), labels))
    yield labels, quads


def timed(name: str, step: Callable[[], T]) -> T:
    """Run one step and print how long it took."""
    started = time.perf_counter()
    result = step()
    print(f"{name:<44} {time.perf_counter() - started:8.2f} s", flush=True)
    return result


def on_store(path: Path, backend: str, sample: int) -> list[Row]:
    """Time the projections and the centralities on a built store; return the table's rows."""
    store = KgStore(path, read_only=True)
    rows = [Row("store", f"{len(store):,} quads")]

    def step(name: str, work: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = work()
        seconds = time.perf_counter() - started
        print(f"{name}: {seconds:.2f} s", file=sys.stderr, flush=True)
        rows.append(Row(name, f"{seconds:,.2f} s"))
        return result

    read = step("SPARQL reads (`kg.graph.fetch_rows`)", lambda: fetch_rows(store))
    typed = step("typed graph (`kg.graph.typed_graph`)", lambda: typed_graph(read))
    rows.append(Row("typed graph", f"{len(typed):,} nodes, {typed.number_of_edges():,} edges"))
    shared = step("co-involvement projection", lambda: coinvolvement_graph(typed))
    size = f"{len(shared):,} actors, {shared.number_of_edges():,} edges"
    rows.append(Row("co-involvement graph", size))
    module = _igraph(backend)
    undirected = typed.to_undirected(as_view=True)
    nodes = sorted(undirected)
    name = "igraph" if module is not None else "networkx"
    if module is not None:
        ig = step("conversion to igraph", lambda: _to_igraph(module, undirected, nodes))
        step("PageRank (igraph)", lambda: ig.pagerank(weights="weight"))
    else:
        ig = None
        step("PageRank (networkx)", lambda: nx.pagerank(undirected, weight="weight"))
    step(
        f"betweenness sampled from {sample} sources ({name})",
        lambda: _betweenness(undirected, nodes, ig, 0, sample, 0),
    )
    step(
        f"`kg analyze centrality`: all four measures ({name})",
        lambda: centrality(typed, top=5, backend=backend, sample=sample),
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000, help="about this many nodes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--backend", choices=("auto", "networkx", "igraph"), default="auto", help="auto: both"
    )
    parser.add_argument("--sample", type=int, default=BETWEENNESS_SAMPLE)
    parser.add_argument("--store", type=Path, help="time a built store instead")
    options = parser.parse_args()
    if options.store is not None:
        rows = on_store(options.store, options.backend, options.sample)
        command = f".venv/bin/python benchmarks/bench_graph.py --store {options.store}"
        title = "Projections, PageRank and betweenness on the built store"
        print(section("graph-store", title, command, rows))
        return
    store = KgStore(None)

    def load() -> None:
        for graph, quads in synthetic_documents(options.nodes, options.seed):
            store.replace_graph(graph, quads)

    timed("synthetic store (not part of the figures)", load)
    print(f"{'quads':<44} {len(store):8d}")
    timed(
        "proceedings (kg.proceedings)",
        lambda: store.replace_graph(PROCEEDINGS_GRAPH, proceeding_quads(store)),
    )
    rows = timed("SPARQL reads (kg.graph.fetch_rows)", lambda: fetch_rows(store))
    typed = timed("typed graph (kg.graph.typed_graph)", lambda: typed_graph(rows))
    print(f"{'typed graph nodes / edges':<44} {len(typed):8d} / {typed.number_of_edges()}")
    shared = timed("co-involvement projection", lambda: coinvolvement_graph(typed))
    print(f"{'co-involvement nodes / edges':<44} {len(shared):8d} / {shared.number_of_edges()}")
    backends = ("networkx", "igraph") if options.backend == "auto" else (options.backend,)
    for backend in backends:
        analysis = timed(
            f"centrality: degree, betweenness, eigenvector, PageRank ({backend})",
            lambda backend=backend: centrality(  # type: ignore[misc]
                typed, top=5, backend=backend, sample=options.sample
            ),
        )
        print("  " + "; ".join(analysis.notes))


if __name__ == "__main__":
    main()
