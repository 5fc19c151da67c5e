"""The store's default graph is the set union of its named graphs (kg.union): a triple that
several documents hold is counted once, and every write keeps it so."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.namespaces import LEK, RDF, SKOS
from kg.store import KgStore, open_for_writing
from kg.union import DEFAULT_GRAPH

RES = "https://w3id.org/legal-events-kg/id/"
PERSON = ox.NamedNode(RES + "person/chan-dara")
ARREST = ox.NamedNode(RES + "event/arrest-chan-dara")
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
Triple = tuple[ox.NamedNode | ox.BlankNode | ox.Triple, ox.NamedNode, object]


def graph_name(doc: str) -> str:
    return f"{RES}graph/{doc}"


def document(doc: str, content_hash: str = "h1", *, arrest: bool = True) -> list[ox.Quad]:
    """A fictional document's graph; every one that tells the arrest repeats its triples."""
    graph, node = ox.NamedNode(graph_name(doc)), ox.NamedNode(f"{RES}doc/{doc}")
    facts: list[tuple[ox.NamedNode, str, ox.NamedNode | ox.Literal]] = [
        (node, str(LEK.sourcePath), ox.Literal(f"{doc}.txt")),
        (node, str(LEK.contentHash), ox.Literal(content_hash)),
        (node, str(LEK.builtWith), ox.Literal("test")),
        (PERSON, str(RDF.type), ox.NamedNode(str(LEK.Person))),
        (PERSON, str(LEK.name), ox.Literal("Chan Dara")),
        (PERSON, str(LEK.mentionedIn), node),
    ]
    if arrest:
        facts += [
            (ARREST, str(RDF.type), ox.NamedNode(str(LEK.Arrest))),
            (ARREST, str(LEK.subject), PERSON),
            (ARREST, str(LEK.date), ox.Literal("2021-03-02", datatype=ox.NamedNode(XSD_DATE))),
        ]
    return [ox.Quad(s, ox.NamedNode(p), o, graph) for s, p, o in facts]


COUNT_ARRESTS = f"""SELECT (COUNT(*) AS ?n) WHERE {{
    ?e a <{LEK.Arrest}> ; <{LEK.subject}> <{PERSON.value}> ; <{LEK.date}> ?d }}"""


def count(store: KgStore, sparql: str) -> int:
    rows = store.query(sparql)
    assert isinstance(rows, ox.QuerySolutions)
    value = next(rows)["n"]
    assert value is not None
    return int(value.value)


def default_graph(store: KgStore) -> set[Triple]:
    quads = store.oxigraph.quads_for_pattern(None, None, None, DEFAULT_GRAPH)
    return {(q.subject, q.predicate, q.object) for q in quads}


def union_from_scratch(store: KgStore) -> set[Triple]:
    return {(q.subject, q.predicate, q.object) for q in store.named_quads()}


def write(store: KgStore, *docs: str) -> None:
    for doc in docs:
        store.replace_graph(graph_name(doc), document(doc))


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> KgStore:
    return KgStore(None if request.param == "memory" else tmp_path / "s")


def test_a_happening_two_documents_tell_is_counted_once(store: KgStore) -> None:
    write(store, "a", "b")
    assert count(store, COUNT_ARRESTS) == 1
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?x a <{LEK.Person}> }}") == 1
    everything = count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert everything == len(union_from_scratch(store)) == len(default_graph(store))


def test_a_triple_two_graphs_hold_survives_removing_one(store: KgStore) -> None:
    write(store, "a", "b")
    store.replace_graph(graph_name("b"), [])
    assert count(store, COUNT_ARRESTS) == 1
    assert default_graph(store) == union_from_scratch(store)
    assert ox.NamedNode(f"{RES}doc/b") not in {s for s, _, _ in default_graph(store)}
    store.replace_graph(graph_name("a"), [])
    assert count(store, COUNT_ARRESTS) == 0
    assert default_graph(store) == set()


def test_graph_queries_and_the_quad_count_see_only_the_named_graphs(store: KgStore) -> None:
    write(store, "a", "b")
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert isinstance(rows, ox.QuerySolutions)
    per_graph = {row["g"].value: int(row["n"].value) for row in rows}
    assert per_graph == {graph_name("a"): 9, graph_name("b"): 9}
    assert len(store) == 18  # "the store holds N quads": the default graph's copies not counted


def _change_a_delete_b(store: KgStore) -> None:
    store.replace_graph(graph_name("a"), document("a", "h2", arrest=False))
    store.replace_graph(graph_name("b"), [])


def _relabel(store: KgStore) -> None:
    label = ox.Quad(PERSON, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("Pich Nary"))
    store.patch_graph(graph_name("curation"), [PERSON], [label])
    store.refresh_entity_labels()


def _patch_away(store: KgStore) -> None:
    store.patch_graph(graph_name("c"), [ARREST], [])


@pytest.mark.parametrize("change", [_change_a_delete_b, _relabel, _patch_away])
def test_every_write_keeps_the_default_graph_the_union(
    store: KgStore, change: Callable[[KgStore], None]
) -> None:
    write(store, "a", "b", "c")
    store.refresh_entity_labels()
    assert len(store) > 0  # counted once here; each write then keeps the count
    change(store)
    assert default_graph(store) == union_from_scratch(store)
    assert len(store) == len(list(store.named_quads()))
    assert count(store, COUNT_ARRESTS) == 1  # document c still tells it


def test_exports_write_the_named_graphs_or_their_union_once(store: KgStore) -> None:
    write(store, "a", "b")
    nquads = io.BytesIO()
    store.dump_sorted_nquads(nquads)
    parsed = list(ox.parse(nquads.getvalue(), format=ox.RdfFormat.N_QUADS))
    assert len(parsed) == len(store)
    assert all(isinstance(q.graph_name, ox.NamedNode) for q in parsed)
    trig = io.BytesIO()
    store.dump(trig, ox.RdfFormat.TRIG)
    assert set(ox.parse(trig.getvalue(), format=ox.RdfFormat.TRIG)) == set(store.named_quads())
    turtle = io.BytesIO()
    store.dump(turtle, ox.RdfFormat.TURTLE)
    parsed_turtle = ox.parse(turtle.getvalue(), format=ox.RdfFormat.TURTLE)
    assert {(t.subject, t.predicate, t.object) for t in parsed_turtle} == union_from_scratch(store)


def test_a_snapshot_reader_sees_the_union_as_published(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with open_for_writing(folder) as writable:
        write(writable, "a", "b")
    reader = KgStore(folder, read_only=True)
    with open_for_writing(folder) as writable:
        _change_a_delete_b(writable)
    assert count(reader, COUNT_ARRESTS) == 1
    assert default_graph(reader) == union_from_scratch(reader)
    fresh = KgStore(folder, read_only=True)
    assert count(fresh, COUNT_ARRESTS) == 0
    assert default_graph(fresh) == union_from_scratch(fresh) != set()
    assert len(fresh) == len(list(fresh.named_quads())) == 6  # a without the arrest
    reader.close()
    fresh.close()


def test_a_store_written_before_is_read_as_the_union_and_filled_by_the_next_build(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "store"
    with open_for_writing(folder) as writable:  # as earlier kg wrote: named graphs only
        writable.oxigraph.extend([*document("a"), *document("b")])
    old = KgStore(folder, read_only=True)
    assert default_graph(old) == set()
    assert count(old, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?d <{LEK.sourcePath}> ?p }}") == 2
    old.close()
    with open_for_writing(folder):
        pass  # a build that changes nothing
    upgraded = KgStore(folder, read_only=True)
    assert default_graph(upgraded) == union_from_scratch(upgraded)
    assert count(upgraded, COUNT_ARRESTS) == 1
    upgraded.close()


CORPUS = {
    "a.txt": "Activist Arrested\n\nMarch 3, 2021\n\nPolice arrested Chan Dara, a member of the "
    "Party of Imaginary Progress, in Exampleville on 2 March 2021.\n",
    "b.txt": "Arrest Condemned\n\nMarch 5, 2021\n\nImaginary Watch condemned the arrest of "
    "Chan Dara, a member of the Party of Imaginary Progress, on 2 March 2021.\n",
    "c.txt": "Hearing Postponed\n\nApril 9, 2021\n\nThe Provincial Court of Nowhere postponed "
    "the trial of Lim Sovann, a member of the Party of Imaginary Progress.\n",
}


@pytest.mark.model
def test_an_incremental_build_publishes_the_union_of_its_graphs(tmp_path: Path) -> None:
    corpus, folder = tmp_path / "docs", tmp_path / "store"
    corpus.mkdir()
    for name, text in CORPUS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    build = ["build", str(corpus), "--store", str(folder)]
    assert CliRunner().invoke(main, build).exit_code == 0
    (corpus / "c.txt").write_text(CORPUS["c.txt"] + "Lim Sovann was released.\n", "utf-8")
    result = CliRunner().invoke(main, build)
    assert result.exit_code == 0 and "1 changed, 2 unchanged" in result.output
    store = KgStore(folder, read_only=True)
    assert default_graph(store) == union_from_scratch(store)
    persons = count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?x a <{LEK.Person}> }}")
    distinct = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{LEK.Person}> }}"
    assert persons == count(store, distinct) >= 2
    assert f"holds {len(list(store.named_quads()))} quads" in result.output
    store.close()


def test_the_quad_count_a_build_publishes_stays_exact_through_the_next_builds(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "store"
    with open_for_writing(folder) as writable:
        write(writable, "a", "b", "c")
        assert len(writable) == 27  # counted, then recorded in the snapshot
    for change in (_change_a_delete_b, _relabel, _patch_away):
        with open_for_writing(folder) as writable:
            assert writable.known_quad_count is not None, "read from the snapshot, not counted"
            change(writable)
            assert len(writable) == len(list(writable.named_quads()))
        reader = KgStore(folder, read_only=True)
        assert len(reader) == len(list(reader.named_quads()))
        reader.close()
