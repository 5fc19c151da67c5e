"""The embedded store: atomic graph replacement, change tracking, labels, lock, export."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError, StoreLockedError
from kg.namespaces import LEK
from kg.store import ENTITY_GRAPH, KgStore, choose_label, open_for_writing, write_lock

RES = "https://w3id.org/legal-events-kg/id/"


def quad(s: str, p: str, o: ox.NamedNode | ox.Literal, g: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(RES + s), ox.NamedNode(p), o, ox.NamedNode(RES + g))


def doc_graph(doc: str, content_hash: str, names: list[str]) -> list[ox.Quad]:
    graph = f"graph/{doc}"
    quads = [
        quad(f"doc/{doc}", str(LEK.sourcePath), ox.Literal(f"{doc}.txt"), graph),
        quad(f"doc/{doc}", str(LEK.contentHash), ox.Literal(content_hash), graph),
        quad(f"doc/{doc}", str(LEK.builtWith), ox.Literal("test"), graph),
    ]
    quads += [quad("person/chan-dara", str(LEK.name), ox.Literal(n), graph) for n in names]
    return quads


def test_replace_graph_swaps_exactly_one_document(tmp_path: Path) -> None:
    store = KgStore(tmp_path / "s")
    store.replace_graph(RES + "graph/a", doc_graph("a", "h1", ["Chan Dara"]))
    store.replace_graph(RES + "graph/b", doc_graph("b", "h2", ["Dara"]))
    store.replace_graph(RES + "graph/a", doc_graph("a", "h3", ["Mr. Dara"]))
    states = store.document_states()
    assert {path: s.content_hash for path, s in states.items()} == {"a.txt": "h3", "b.txt": "h2"}
    quads_a = store.graph_quads(RES + "graph/a")
    names_in_a = {q.object.value for q in quads_a if q.predicate.value == str(LEK.name)}
    assert names_in_a == {"Mr. Dara"}


def test_store_survives_reopening(tmp_path: Path) -> None:
    with open_for_writing(tmp_path / "s") as store:
        store.replace_graph(RES + "graph/a", doc_graph("a", "h1", ["Chan Dara"]))
    reopened = KgStore(tmp_path / "s", read_only=True)
    assert set(reopened.document_states()) == {"a.txt"}


def test_read_only_open_of_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        KgStore(tmp_path / "nothing", read_only=True)


def test_entity_labels_prefer_the_name_most_files_use() -> None:
    store = KgStore(None)
    store.replace_graph(RES + "graph/a", doc_graph("a", "h", ["Chan Dara", "Dara"]))
    store.replace_graph(RES + "graph/b", doc_graph("b", "h", ["Chan Dara"]))
    store.refresh_entity_labels()
    labels = {
        (q.predicate.value.rsplit("#", 1)[-1], q.object.value)
        for q in store.graph_quads(ENTITY_GRAPH)
    }
    assert labels == {("label", "Chan Dara"), ("altLabel", "Dara")}


def test_choose_label_breaks_ties_by_length_then_alphabet() -> None:
    assert choose_label(Counter({"Dara": 1, "Chan Dara": 1})) == "Chan Dara"
    assert choose_label(Counter({"Lim B": 1, "Lim A": 1})) == "Lim A"


def test_a_second_writer_is_refused_at_once(tmp_path: Path) -> None:
    with (
        write_lock(tmp_path),
        pytest.raises(StoreLockedError, match="another kg build"),
        write_lock(tmp_path),
    ):
        pass  # pragma: no cover - the inner lock must not be granted


def test_sorted_nquads_do_not_depend_on_insertion_order() -> None:
    first, second = KgStore(None), KgStore(None)
    a, b = doc_graph("a", "h", ["Chan Dara"]), doc_graph("b", "h", ["Dara"])
    first.replace_graph(RES + "graph/a", a)
    first.replace_graph(RES + "graph/b", b)
    second.replace_graph(RES + "graph/b", b)
    second.replace_graph(RES + "graph/a", a)
    out1, out2 = io.BytesIO(), io.BytesIO()
    first.dump_sorted_nquads(out1)
    second.dump_sorted_nquads(out2)
    assert out1.getvalue() == out2.getvalue()
    assert out1.getvalue().count(b"\n") == len(a) + len(b)
