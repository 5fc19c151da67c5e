"""kg.derived: the entity and proceedings graphs updated where a few documents changed are
the graphs recomputed whole (random fictional stores, then real builds of fictional news)."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.derived import Changes, refresh_derived
from kg.namespaces import LEK, RDF, RDFS, RES
from kg.pipeline import build
from kg.proceedings import CHARGED_STEPS, PROCEEDING_STEPS, PROCEEDINGS_GRAPH, proceeding_quads
from kg.settings import Settings
from kg.store import ENTITY_GRAPH, KgStore, entity_label_quads, stored_states

from .fictional import write_corpus

#: Few nodes of each kind, so that documents share events, people and offences.
PEOPLE = {"chan-dara": ("Chan Dara", "Dara", "Mr. Chan Dara"), "lim-sovann": ("Lim Sovann",)}
PEOPLE |= {"pich-nary": ("Pich Nary", "Nary"), "ivan-fictivov": ("Ivan Fictivov", "Fictivov")}
OFFENCES = {"treason": ("treason", "high treason"), "incitement": ("incitement",)}
ARTICLES = {"article-443": ("Article 443",), "article-495": ("Article 495", "Art. 495")}
KINDS = (*PROCEEDING_STEPS, *CHARGED_STEPS, "Dissolution")


def _node(path: str) -> ox.NamedNode:
    return ox.NamedNode(str(RES[path]))


def _term(name: object) -> ox.NamedNode:
    return ox.NamedNode(str(name))


TYPE, LABEL, NAME = _term(RDF.type), _term(RDFS.label), _term(LEK.name)
SUBJECT, CHARGE, PROVISION = _term(LEK.subject), _term(LEK.charge), _term(LEK.provision)


def _random_graph(rng: random.Random, graph: str) -> list[ox.Quad]:
    """A document graph of a few events, drawn from small pools of fictional nodes."""
    name = ox.NamedNode(graph)
    facts: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = []
    for _ in range(rng.randint(0, 4)):
        number = rng.randint(0, 2 * len(KINDS) - 1)  # an event has one kind in every document
        event = _node(f"event/e{number}")
        facts.append((event, TYPE, _term(LEK[KINDS[number % len(KINDS)]])))
        for person in rng.sample(sorted(PEOPLE), rng.randint(1, 2)):
            facts.append((event, SUBJECT, _node(f"person/{person}")))
            facts.append((_node(f"person/{person}"), NAME, ox.Literal(rng.choice(PEOPLE[person]))))
        for pool, predicate, kind in (
            (OFFENCES, CHARGE, "offence"),
            (ARTICLES, PROVISION, "provision"),
        ):
            if rng.random() < 0.5:
                key = rng.choice(sorted(pool))
                facts.append((event, predicate, _node(f"{kind}/{key}")))
                facts.append((_node(f"{kind}/{key}"), LABEL, ox.Literal(rng.choice(pool[key]))))
    return [ox.Quad(s, p, o, name) for s, p, o in facts]


def _derived(store: KgStore | ServerLike) -> tuple[set[ox.Quad], set[ox.Quad]]:
    return set(store.graph_quads(ENTITY_GRAPH)), set(store.graph_quads(PROCEEDINGS_GRAPH))


class ServerLike:
    """A store seen only through the GraphStore protocol, as a SPARQL server is: derived
    graphs are then rewritten whole instead of patched in place."""

    def __init__(self) -> None:
        self.inner = KgStore(None)
        self.query = self.inner.query
        self.document_states = self.inner.document_states
        self.graph_quads = self.inner.graph_quads
        self.replace_graph = self.inner.replace_graph
        self.refresh_entity_labels = self.inner.refresh_entity_labels

    def __len__(self) -> int:
        return len(self.inner)


@pytest.mark.parametrize("server_like", [False, True])
@pytest.mark.parametrize("seed", range(30))
def test_updating_where_documents_changed_gives_the_graphs_recomputed_whole(
    seed: int, server_like: bool
) -> None:
    rng = random.Random(seed)
    graphs = [str(RES[f"graph/doc-{n}"]) for n in range(8)]
    incremental: KgStore | ServerLike = ServerLike() if server_like else KgStore(None)
    whole = KgStore(None)
    for store in (incremental, whole):
        for graph in graphs[:5]:
            store.replace_graph(graph, _random_graph(random.Random(f"{seed} {graph}"), graph))
        refresh_derived(store, None)
    for _ in range(6):  # builds that each change, add or empty one to three documents
        changes = Changes()
        for graph in rng.sample(graphs, rng.randint(1, 3)):
            quads = _random_graph(rng, graph) if rng.random() < 0.8 else []
            changes.note(incremental, graph, quads)
            incremental.replace_graph(graph, quads)
            whole.replace_graph(graph, quads)
        refresh_derived(incremental, changes)
        refresh_derived(whole, None)
        assert _derived(incremental) == _derived(whole)
    assert any(_derived(whole))  # the stores compared were not empty


def test_a_label_changed_elsewhere_renames_the_proceedings_citing_it() -> None:
    graph, other = str(RES["graph/doc-1"]), str(RES["graph/doc-2"])
    event, person, offence = _node("event/e1"), _node("person/chan-dara"), _node("offence/treason")
    store = KgStore(None)
    store.replace_graph(
        graph,
        [
            ox.Quad(event, TYPE, _term(LEK.Charge), ox.NamedNode(graph)),
            ox.Quad(event, SUBJECT, person, ox.NamedNode(graph)),
            ox.Quad(person, NAME, ox.Literal("Chan Dara"), ox.NamedNode(graph)),
            ox.Quad(event, CHARGE, offence, ox.NamedNode(graph)),
            ox.Quad(offence, LABEL, ox.Literal("treason"), ox.NamedNode(graph)),
        ],
    )
    refresh_derived(store, None)
    changes = Changes()
    renamed = [ox.Quad(offence, LABEL, ox.Literal("high treason"), ox.NamedNode(other))]
    changes.note(store, other, renamed)
    store.replace_graph(other, renamed)
    refresh_derived(store, changes)
    labels = {q.object for q in store.graph_quads(PROCEEDINGS_GRAPH) if q.predicate == LABEL}
    assert labels == {ox.Literal("Chan Dara — high treason")}


@pytest.mark.model
def test_a_build_adding_and_changing_a_few_documents_keeps_the_derived_graphs_whole(
    tmp_path: Path,
) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    write_corpus(corpus, 1, size=8)
    assert build([corpus], store, Settings(n_process=1)).ok
    for path in write_corpus(tmp_path / "v2", 2, size=9)[::4]:  # two changed, one added
        (corpus / path.name).write_bytes(path.read_bytes())
    report = build([corpus], store, Settings(n_process=1))
    assert report.ok and len(report.changed) == 3
    built = KgStore(store, read_only=True)
    entities, proceedings = _derived(built)
    assert entities == set(entity_label_quads(built))
    assert proceedings == set(proceeding_quads(built)) and proceedings


@pytest.mark.model
def test_the_states_of_a_few_named_files_are_those_of_the_whole_store(tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    write_corpus(corpus, 1, size=3)
    assert build([corpus], store, Settings(n_process=1)).ok
    built = KgStore(store, read_only=True)
    every = built.document_states()
    assert set(every) == {"article-00.txt", "article-01.txt", "article-02.txt"}
    few = stored_states(built, ["article-01.txt", "no-such-file.txt"])
    assert few == {"article-01.txt": every["article-01.txt"]}
