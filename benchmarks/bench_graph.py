"""Time the graph projections and their analysis on a synthetic store of fictional cases.

    .venv/bin/python benchmarks/bench_graph.py --nodes 100000

Lays out a synthetic store (every name invented: "Fictional Person 17", "Imaginary Court
3") with the graph layout of ``kg build``, then times each step of the code path that
``kg analyze`` and ``kg export`` take: the proceedings, the SPARQL reads, the typed graph,
the co-involvement projection, PageRank and sampled betweenness.  Prints one line per step.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import pyoxigraph as ox

from kg.analyze import BETWEENNESS_SAMPLE, centrality
from kg.graph import coinvolvement_graph, fetch_rows, typed_graph
from kg.model import EVENT_TYPES
from kg.namespaces import LEK, PROV, RDF, RDFS, RES, XSD
from kg.proceedings import PROCEEDINGS_GRAPH, proceeding_quads
from kg.store import KgStore

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000, help="about this many nodes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--backend", choices=("auto", "networkx", "igraph"), default="auto", help="auto: both"
    )
    parser.add_argument("--sample", type=int, default=BETWEENNESS_SAMPLE)
    options = parser.parse_args()
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
