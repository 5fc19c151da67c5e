"""One event per happening across documents, its reports, and its count of sources.

Every person, publisher and place here is invented.  The fast tests lay hand-made
extractions out with the real kg.to_rdf; the ``model`` tests build small fictional corpora
(and the demo corpus) with ``kg build``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.eval import evaluate
from kg.happenings import EVENTS_GRAPH, happening_quads, refresh_happenings
from kg.model import (
    Document,
    Entity,
    Event,
    Extraction,
    Item,
    Mention,
    Resolved,
    entity_id_for,
    stable_id,
)
from kg.namespaces import LEK, PROV, RES
from kg.params import bind_params
from kg.query import run_query
from kg.store import KgStore
from kg.timeline import timeline_entries
from kg.to_rdf import document_iri, document_quads, entity_iri, item_iri, ontology_quads
from kg.validate import validate
from kg.view_data import load_view_data

QUERIES = Path(__file__).resolve().parent.parent / "queries"
DAY = "2021-03-04"


@dataclass(frozen=True)
class Told:
    """One sentence telling an event: its kind, whom it happened to, when, what it cites."""

    sentence: str
    charges: tuple[str, ...] = ()
    type: str = "Arrest"
    subjects: tuple[str, ...] = ("Chan Dara",)
    date: str | None = DAY
    status: str = "asserted"
    group: str | None = None


def _graph(
    name: str, told: Sequence[Told], publisher: str | None = None, *, items: bool = False
) -> list[ox.Quad]:
    """The named graph of a file ``name`` whose text is the sentences of ``told``: one item,
    or with ``items`` one item (one article of a listing) per sentence."""
    text = " ".join(t.sentence for t in told)
    doc_id = stable_id(name)
    document = Document(doc_id, name, name, stable_id(text, length=64), text, publisher=publisher)
    spans = [(0, len(text))]
    if items:
        starts = [text.index(t.sentence) for t in told]
        spans = [(start, start + len(t.sentence)) for start, t in zip(starts, told, strict=True)]
    parts = [
        Item(stable_id(doc_id, index), doc_id, index, start, end, text[start:end])
        for index, (start, end) in enumerate(spans)
    ]
    mentions: list[Mention] = []
    events: list[Event] = []
    for t in told:
        start = text.index(t.sentence)
        item = next(part for part in parts if part.start <= start < part.end)
        subjects = []
        for person in t.subjects:
            at = text.index(person, start)
            mention = Mention(stable_id(doc_id, at), item.item_id, person, "Person", at, at + 1)
            mentions.append(mention)
            subjects.append(mention.mention_id)
        events.append(
            Event(
                event_id=stable_id(doc_id, t.type, start),
                type=t.type,
                item_id=item.item_id,
                evidence=t.sentence,
                start=start,
                end=start + len(t.sentence),
                subjects=tuple(subjects),
                charges=t.charges,
                date=t.date,
                status=t.status,
                group=t.group,
            )
        )
    canonical = {m.mention_id: entity_id_for("Person", m.text) for m in mentions}
    entities = tuple(
        Entity(
            entity_id_for("Person", person),
            "Person",
            person,
            person,
            mention_ids=tuple(m.mention_id for m in mentions if m.text == person),
        )
        for person in sorted({m.text for m in mentions})
    )
    extraction = Extraction(tuple(mentions), tuple(events))
    return document_quads(document, parts, Resolved(extraction, entities, canonical))


def _store(*graphs: list[ox.Quad]) -> KgStore:
    """An in-memory store holding the graphs, the ontology, the labels and the events graph."""
    store = KgStore(None)
    for quads in (*graphs, ontology_quads()):
        store.replace_graph(quads[0].graph_name.value, quads)
    store.refresh_entity_labels()
    store.replace_graph(EVENTS_GRAPH, happening_quads(store))
    return store


def _events(store: KgStore) -> dict[str, set[str]]:
    """Each event node → the sentences of its reports."""
    rows = store.query(
        f"""SELECT ?event ?evidence WHERE {{ ?event <{LEK.report}> ?report .
              ?report <{LEK.evidence}> ?evidence }}"""
    )
    assert isinstance(rows, ox.QuerySolutions)
    events: dict[str, set[str]] = {}
    for row in rows:
        events.setdefault(row["event"].value, set()).add(row["evidence"].value)
    return events


def _objects(store: KgStore, subject: str, predicate: str) -> set[str]:
    return {
        quad.object.value
        for quad in store.oxigraph.quads_for_pattern(
            ox.NamedNode(subject), ox.NamedNode(predicate), None, None
        )
    }


def test_the_same_happening_told_by_two_files_is_one_event_with_a_report_from_each() -> None:
    first = Told("Police arrested Chan Dara in Exampleville on 4 March 2021.")
    second = Told("Chan Dara was detained by police on Thursday 4 March 2021.")
    store = _store(_graph("a.txt", [first]), _graph("b.txt", [second]))
    ((event, sentences),) = _events(store).items()
    assert sentences == {first.sentence, second.sentence}
    assert _objects(store, event, str(LEK.evidence)) == sentences
    assert len(_objects(store, event, str(PROV.wasDerivedFrom))) == 2
    for report in _objects(store, event, str(LEK.report)):
        (sentence,) = _objects(store, report, str(LEK.evidence))
        (source,) = _objects(store, report, str(PROV.wasDerivedFrom))
        own = "a.txt" if sentence == first.sentence else "b.txt"
        assert source.startswith(document_iri(stable_id(own)))
        (start,) = _objects(store, report, str(LEK.startOffset))
        assert int(start) == 0
    assert validate(store.oxigraph.quads_for_pattern(None, None, None, None)).conforms


def test_the_timeline_shows_each_sentence_of_a_shared_event_with_its_own_source() -> None:
    first = Told("Police arrested Chan Dara in Exampleville on 4 March 2021.")
    second = Told("Chan Dara was detained by police on Thursday 4 March 2021.")
    store = _store(_graph("a.txt", [first]), _graph("b.txt", [second]))
    person = entity_iri(entity_id_for("Person", "Chan Dara"))
    entries = timeline_entries(load_view_data(store), person)
    assert {(entry.evidence, entry.source) for entry in entries} == {
        (first.sentence, item_iri(stable_id("a.txt"), 0)),
        (second.sentence, item_iri(stable_id("b.txt"), 0)),
    }


def test_each_report_keeps_how_its_own_source_presents_the_event() -> None:
    stated = Told("Police arrested Chan Dara on 4 March 2021.")
    denied = Told(
        "Chan Dara's arrest on 4 March 2021 was politically motivated.", status="disputed"
    )
    store = _store(_graph("a.txt", [stated]), _graph("b.txt", [denied]))
    (event,) = _events(store)
    assert _objects(store, event, str(LEK.status)) == {"asserted", "disputed"}
    by_sentence = {
        _objects(store, report, str(LEK.evidence)).pop(): _objects(store, report, str(LEK.status))
        for report in _objects(store, event, str(LEK.report))
    }
    assert by_sentence == {stated.sentence: {"asserted"}, denied.sentence: {"disputed"}}
    assert validate(store.oxigraph.quads_for_pattern(None, None, None, None)).conforms


def test_each_document_graph_holds_only_what_its_document_says() -> None:
    charged = Told("Police arrested Chan Dara for incitement on 4 March 2021.", ("incitement",))
    store = _store(_graph("a.txt", [charged]), _graph("b.txt", [Told("Chan Dara, 4 March 2021.")]))
    (event,) = _events(store)
    in_b = store.graph_quads(str(RES[f"graph/{stable_id('b.txt')}"]))
    assert {q.object.value for q in in_b if q.subject.value == event} >= {
        "Chan Dara, 4 March 2021."
    }
    assert [
        q for q in in_b if q.subject.value == event and q.predicate.value == str(LEK.charge)
    ] == []
    assert [q for q in in_b if charged.sentence in str(q.object)] == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            Told("Chan Dara was arrested on 4 March."),
            Told("Chan Dara was arrested on 9 May.", date="2021-05-09"),
        ),
        (
            Told("Chan Dara was arrested in March.", date="2021-03"),
            Told("Chan Dara, held in March.", date="2021-03"),
        ),
        (
            Told("Police arrested Chan Dara on 4 March 2021."),
            Told("Chan Dara was arrested in March.", date="2021-03"),
        ),
        (
            Told("Chan Dara was arrested, undated.", date=None),
            Told("Chan Dara, arrested.", date=None),
        ),
        (
            Told("Ten activists were arrested.", subjects=()),
            Told("Ten were arrested.", subjects=()),
        ),
        (Told("Chan Dara was arrested."), Told("Chan Dara was detained.", type="Detention")),
        (
            Told("Chan Dara was arrested."),
            Told("Chan Dara and Lim Sovann were arrested.", subjects=("Chan Dara", "Lim Sovann")),
        ),
    ],
    ids=[
        "another-day",
        "month-only",
        "month-against-another-files-day",
        "undated",
        "no-subject",
        "another-kind",
        "other-people",
    ],
)
def test_different_or_unsure_happenings_stay_apart(first: Told, second: Told) -> None:
    store = _store(_graph("a.txt", [first]), _graph("b.txt", [second]))
    assert sorted(map(len, _events(store).values())) == [1, 1]


def test_two_statements_in_one_file_of_the_same_happening_are_one_event() -> None:
    told = [
        Told("Police arrested Chan Dara on 4 March 2021."),
        Told("Chan Dara was held on 4 March."),
    ]
    quads = _graph("listing.txt", told)
    store = _store(quads)
    assert list(map(len, _events(store).values())) == [2]
    assert validate(quads + ontology_quads()).conforms


def _dates(store: KgStore, event: str) -> set[str]:
    return _objects(store, event, str(LEK.date))


@pytest.mark.parametrize("coarse", ["2021-03", "2021"], ids=["month", "year"])
def test_a_coarser_date_in_the_same_file_joins_the_one_happening_it_can_mean(
    coarse: str,
) -> None:
    day = Told("Police arrested Chan Dara on 4 March 2021.")
    vague = Told("Chan Dara was arrested earlier that spring.", date=coarse)
    other = Told("Chan Dara was arrested again on 9 May 2020.", date="2020-05-09")
    quads = _graph("listing.txt", [day, other, vague], "Imaginary Watch", items=True)
    store = _store(quads)
    events = _events(store)
    (joined,) = (event for event, sentences in events.items() if len(sentences) == 2)
    assert events[joined] == {day.sentence, vague.sentence}
    assert _dates(store, joined) == {DAY}
    doc_id = stable_id("listing.txt")
    for report in _objects(store, joined, str(LEK.report)):
        (sentence,) = _objects(store, report, str(LEK.evidence))
        (source,) = _objects(store, report, str(PROV.wasDerivedFrom))
        (start,) = _objects(store, report, str(LEK.startOffset))
        assert source == item_iri(doc_id, 0 if sentence == day.sentence else 2)
        assert int(start) == " ".join(t.sentence for t in (day, other, vague)).index(sentence)
    assert _objects(store, joined, str(LEK.documentCount)) == {"2"}
    assert _objects(store, joined, str(LEK.sourceCount)) == {"1"}
    assert validate(quads + ontology_quads()).conforms


@pytest.mark.parametrize(
    ("days", "vague"),
    [
        (
            [
                Told("Police arrested Chan Dara on 4 March 2021."),
                Told("Chan Dara was arrested again on 19 March 2021.", date="2021-03-19"),
            ],
            Told("Chan Dara was arrested in March.", date="2021-03"),
        ),
        (
            [Told("Police arrested Chan Dara on 4 March 2021.")],
            Told("Chan Dara was arrested in April.", date="2021-04"),
        ),
        (
            [Told("Police arrested Chan Dara on 4 March 2021.")],
            Told("Chan Dara was detained in March.", type="Detention", date="2021-03"),
        ),
        (
            [Told("Police arrested Chan Dara on 4 March 2021.")],
            Told(
                "Chan Dara and Lim Sovann were arrested in March.",
                date="2021-03",
                subjects=("Chan Dara", "Lim Sovann"),
            ),
        ),
        (
            [Told("Police arrested Chan Dara on 4 March 2021.", group="ten others")],
            Told("Chan Dara was arrested in March.", date="2021-03"),
        ),
        (
            [Told("Police arrested Chan Dara on 4 March 2021.")],
            Told(
                "Chan Dara and five others were arrested in March.",
                date="2021-03",
                group="five others",
            ),
        ),
    ],
    ids=[
        "two-candidate-days",
        "another-month",
        "another-kind",
        "other-people",
        "group-on-the-day",
        "group-in-the-month",
    ],
)
def test_a_coarser_date_that_could_mean_another_happening_stays_apart(
    days: list[Told], vague: Told
) -> None:
    store = _store(_graph("listing.txt", [*days, vague], items=True))
    events = _events(store)
    assert sorted(map(len, events.values())) == [1] * (len(days) + 1)
    (alone,) = (event for event, sentences in events.items() if sentences == {vague.sentence})
    assert _dates(store, alone) == {vague.date}


@pytest.mark.parametrize(
    ("publishers", "sources"),
    [
        (("Imaginary Watch", "Fictional Times"), 2),
        (("Imaginary Watch", "imaginary  WATCH"), 1),
        ((None, None), 2),
        (("Imaginary Watch", None), 2),
    ],
    ids=["two-publishers", "one-publisher-twice", "unknown-publishers", "one-unknown"],
)
def test_source_count_counts_distinct_publishers(
    publishers: tuple[str | None, str | None], sources: int
) -> None:
    graphs = [
        _graph(name, [Told(f"Chan Dara was arrested on 4 March 2021 ({name}).")], publisher)
        for name, publisher in zip(("a.txt", "b.txt"), publishers, strict=True)
    ]
    store = _store(*graphs)
    (event,) = _events(store)
    assert _objects(store, event, str(LEK.sourceCount)) == {str(sources)}
    assert _objects(store, event, str(LEK.documentCount)) == {"2"}
    counted = {
        q.graph_name.value
        for q in store.named_quads()
        if q.subject == ox.NamedNode(event) and q.predicate.value == str(LEK.sourceCount)
    }
    assert counted == {EVENTS_GRAPH}


def test_counting_only_the_events_a_new_file_names_gives_the_whole_count() -> None:
    told = Told("Chan Dara was arrested on 4 March 2021.")
    store = _store(_graph("a.txt", [told], "Imaginary Watch"), _graph("b.txt", [told]))
    other = Told("Lim Sovann was arrested on 9 May 2021.", subjects=("Lim Sovann",))
    added = _graph("c.txt", [told, other], "Fictional Times")
    store.replace_graph(added[0].graph_name.value, added)
    refresh_happenings(store, {q.subject.value for q in added})
    patched = set(store.graph_quads(EVENTS_GRAPH))
    assert patched == set(happening_quads(store))
    counts = {
        q.subject.value: q.object.value
        for q in patched
        if q.predicate == ox.NamedNode(str(LEK.sourceCount))
    }
    assert sorted(counts.values()) == ["1", "3"]


def test_a_report_holds_one_statement() -> None:
    quads = _graph("a.txt", [Told("Police arrested Chan Dara on 4 March 2021.")])
    (report,) = {q.object for q in quads if q.predicate.value == str(LEK.report)}
    evidence = ox.NamedNode(str(LEK.evidence))
    extra = ox.Quad(report, evidence, ox.Literal("Another sentence."), quads[0].graph_name)
    result = validate([*quads, extra, *ontology_quads()])
    assert not result.conforms
    assert "lek:evidence" in result.text


def _gold(folder: Path, name: str, charges: list[str]) -> None:
    """A gold file stating that Chan Dara was arrested on 4 March 2021, with ``charges``."""
    folder.mkdir(exist_ok=True)
    event = {"type": "Arrest", "item": "i1", "date": DAY, "subjects": ["chan-dara"]}
    event |= {"agents": [], "place": None, "charges": charges, "provisions": []}
    event |= {"sentence": None, "group": None, "evidence": "arrested"}
    gold = {
        "document": name,
        "items": [{"id": "i1", "date": None, "first_words": "Chan Dara"}],
        "entities": [{"key": "chan-dara", "type": "Person", "label": "Chan Dara", "aliases": []}],
        "memberships": [],
        "events": [event],
    }
    (folder / name.replace(".txt", ".json")).write_text(json.dumps(gold), encoding="utf-8")


def test_eval_scores_a_shared_event_for_each_file_with_what_that_file_says(
    tmp_path: Path,
) -> None:
    charged = Told("Chan Dara was arrested for incitement on 4 March 2021.", ("incitement",))
    store = _store(_graph("a.txt", [charged]), _graph("b.txt", [Told("Chan Dara, 4 March 2021.")]))
    _gold(tmp_path / "gold", "a.txt", ["incitement"])
    _gold(tmp_path / "gold", "b.txt", [])
    scores = evaluate(store.oxigraph, tmp_path / "gold").scores
    assert (scores["events"].tp, scores["events"].fp, scores["events"].fn) == (2, 0, 0)
    assert (scores["charges"].tp, scores["charges"].fp, scores["charges"].fn) == (1, 0, 0)


# -- built with the real model --------------------------------------------------------------

#: Four fictional files: three tell one arrest on 4 March 2021 (publishers Imaginary Watch,
#: Fictional Times and one unknown), two tell a second arrest on 9 May 2021 (both from
#: Fictional Times, its name written two ways).
FILES = {
    "a.txt": "Police Detain Opposition Figure\n\nPolice arrested Chan Dara, a leader of the "
    "Party of Imaginary Progress, in Exampleville on 4 March 2021.\n",
    "b.txt": "Second Arrest for Chan Dara\n\nChan Dara was arrested by police in Exampleville "
    "on 4 March 2021 and released a week later.\n\nPolice arrested Chan Dara again on 9 May "
    "2021 in Fictograd.\n",
    "c.txt": "Activist Held Again\n\nOn 9 May 2021, police arrested Chan Dara in Fictograd.\n",
    "d.txt": "Statement on the Arrest of Chan Dara\n\nWe condemn the arrest of Chan Dara. "
    "Police arrested Chan Dara on 4 March 2021.\n",
}
MANIFEST = (
    "file,publisher,title,date,items,note\n"
    "a.txt,Imaginary Watch,,2021-03-05,1,\n"
    "b.txt,Fictional Times,,2021-05-10,1,\n"
    "c.txt,fictional  times,,2021-05-10,1,\n"
)


def _build(corpus: Path, store: Path) -> str:
    result = CliRunner().invoke(main, ["build", str(corpus), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return result.output


def _multi_source(store: Path) -> dict[str, dict[str, str]]:
    """The rows of queries/multi_source_events.rq on a built store, by event date."""
    opened = KgStore(store, read_only=True)
    try:
        text = (QUERIES / "multi_source_events.rq").read_text("utf-8")
        result = run_query(opened, bind_params(text, {}))
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        rows = [{n: row[n].value for n in names if row[n] is not None} for row in result]
    finally:
        opened.close()
    return {row["date"]: row for row in rows}


def _arrests(store: Path) -> dict[str, tuple[str, str]]:
    """Each arrest's date → its (sourceCount, documentCount)."""
    opened = KgStore(store, read_only=True)
    try:
        rows = opened.query(
            f"""SELECT DISTINCT ?event ?date ?sources ?documents WHERE {{ ?event a <{LEK.Arrest}> ;
                  <{LEK.date}> ?date ; <{LEK.sourceCount}> ?sources ;
                  <{LEK.documentCount}> ?documents }}"""
        )
        assert isinstance(rows, ox.QuerySolutions)
        found = [(r["date"].value, (r["sources"].value, r["documents"].value)) for r in rows]
    finally:
        opened.close()
    assert len(found) == len(dict(found)), "one node per happening"
    return dict(found)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("happenings") / "corpus"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "MANIFEST.csv").write_text(MANIFEST, encoding="utf-8")
    return folder


@pytest.mark.model
def test_built_corpus_merges_one_happening_and_counts_its_publishers(
    corpus: Path, tmp_path: Path
) -> None:
    _build(corpus, tmp_path / "store")
    assert _arrests(tmp_path / "store") == {"2021-03-04": ("3", "3"), "2021-05-09": ("1", "2")}
    rows = _multi_source(tmp_path / "store")
    assert list(rows) == ["2021-03-04"]
    march = rows["2021-03-04"]
    assert (march["type"], march["subjects"], march["sources"]) == ("Arrest", "Chan Dara", "3")
    assert set(march["files"].split()) == {"a.txt", "b.txt", "d.txt"}
    assert set(march["publishers"].split("; ")) == {
        "Imaginary Watch",
        "Fictional Times",
        "d.txt (publisher unknown)",
    }
    result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output


@pytest.mark.model
def test_an_edited_manifest_rebuilds_its_file_and_recounts(corpus: Path, tmp_path: Path) -> None:
    edited = tmp_path / "corpus"
    edited.mkdir()
    for path in corpus.iterdir():
        (edited / path.name).write_bytes(path.read_bytes())
    _build(edited, tmp_path / "store")
    (edited / "MANIFEST.csv").write_text(
        MANIFEST.replace("c.txt,fictional  times", "c.txt,Imaginary Watch"), encoding="utf-8"
    )
    output = _build(edited, tmp_path / "store")
    assert "1 changed, 3 unchanged" in output
    assert _arrests(tmp_path / "store")["2021-05-09"] == ("2", "2")
    assert list(_multi_source(tmp_path / "store")) == ["2021-03-04", "2021-05-09"]


@pytest.mark.model
def test_the_demo_corpus_tells_one_arrest_on_3_september_2017_from_three_documents(
    demo_store: Path,
) -> None:
    """The seed files tell it in 001's one item and in several articles (items) of 002, one
    of them dating it only "In September"; two publishers."""
    rows = _multi_source(demo_store)
    arrest = rows["2017-09-03"]
    assert (arrest["type"], arrest["subjects"]) == ("Arrest", "Kem Sokha")
    assert set(arrest["files"].split()) == {"001_3e0596b61597a4bc.txt", "002_8769f3845ee12cc6.txt"}
    assert arrest["sources"] == "2"
    assert int(arrest["documents"]) >= 3
    opened = KgStore(demo_store, read_only=True)
    try:
        event = ox.NamedNode(arrest["event"])
        derived = ox.NamedNode(str(PROV.wasDerivedFrom))
        items = {q.object for q in opened.oxigraph.quads_for_pattern(event, derived, None, None)}
        evidence = ox.NamedNode(str(LEK.evidence))
        said = {
            q.object.value for q in opened.oxigraph.quads_for_pattern(event, evidence, None, None)
        }
    finally:
        opened.close()
    assert len(items) == int(arrest["documents"])
    assert any(sentence.startswith("In September") for sentence in said)
