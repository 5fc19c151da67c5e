"""Tests for kg.eval: scoring hand-built stores (fictional people only) against gold files."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.errors import EvalError
from kg.eval import EvalReport, GoldDocument, Score, evaluate, format_report, load_gold
from kg.model import (
    Document,
    Entity,
    Event,
    Extraction,
    Item,
    Membership,
    Mention,
    Provision,
    Resolved,
    entity_id_for,
    slugify,
    stable_id,
)
from kg.to_rdf import document_quads

LEK = "https://w3id.org/legal-events-kg/ontology#"
RES = "https://w3id.org/legal-events-kg/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
DCTERMS = "http://purl.org/dc/terms/"
PROV_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
XSD = "http://www.w3.org/2001/XMLSchema#"

FILE_NAME = "100_fiction.txt"
PROJECT_GOLD = Path(__file__).parent.parent / "data" / "gold"

GOLD: dict[str, Any] = {
    "document": FILE_NAME,
    "items": [{"id": "i1", "date": "2024-03-01", "first_words": "Police in Fictopolis"}],
    "entities": [
        {"key": "chan-dara", "type": "Person", "label": "Chan Dara", "aliases": ["Mr. Dara"]},
        {"key": "lim-sovann", "type": "Person", "label": "Lim Sovann", "aliases": []},
        {
            "key": "pip",
            "type": "PoliticalParty",
            "label": "Party of Imaginary Progress",
            "aliases": ["PIP"],
        },
        {"key": "court", "type": "Court", "label": "Fictopolis Municipal Court", "aliases": []},
        {"key": "prison", "type": "Facility", "label": "Imaginary Prison", "aliases": []},
        {"key": "fictopolis", "type": "Place", "label": "Fictopolis", "aliases": []},
    ],
    "memberships": [
        {"person": "chan-dara", "organization": "pip", "role": "president"},
        {"person": "lim-sovann", "organization": "pip", "role": None},
    ],
    "events": [
        {
            "type": "Arrest",
            "item": "i1",
            "date": "2024-02-28",
            "subjects": ["chan-dara"],
            "agents": [],
            "place": "fictopolis",
            "charges": [],
            "provisions": [],
            "sentence": None,
            "group": None,
            "evidence": "Police arrested Chan Dara",
        },
        {
            "type": "Charge",
            "item": "i1",
            "date": "2024-02-29",
            "subjects": ["chan-dara", "lim-sovann"],
            "agents": ["court"],
            "place": None,
            "charges": ["treason", "incitement to commit a felony"],
            "provisions": ["Criminal Code Article 443"],
            "sentence": None,
            "group": None,
            "evidence": "The court charged them with treason",
        },
        {
            "type": "Dissolution",
            "item": "i1",
            "date": "2024",
            "subjects": ["pip"],
            "agents": ["court"],
            "place": None,
            "charges": [],
            "provisions": [],
            "sentence": None,
            "group": None,
            "evidence": "The court dissolved the PIP",
        },
        {
            "type": "Release",
            "item": "i1",
            "date": None,
            "subjects": [],
            "agents": [],
            "place": None,
            "charges": [],
            "provisions": [],
            "sentence": None,
            "group": "two activists",
            "evidence": "two activists were released",
        },
    ],
}


def lek(name: str) -> ox.NamedNode:
    return ox.NamedNode(LEK + name)


def typed_date(value: str) -> ox.Literal:
    kind = {4: "gYear", 7: "gYearMonth"}.get(len(value), "date")
    return ox.Literal(value, datatype=ox.NamedNode(XSD + kind))


class DocGraph:
    """Writes one source file's named graph the way docs/graph-layout.md lays it out."""

    def __init__(self, store: ox.Store, doc_id: str, file_name: str) -> None:
        self.store = store
        self.graph = ox.NamedNode(f"{RES}graph/{doc_id}")
        self.file = ox.NamedNode(f"{RES}doc/{doc_id}")
        self.item = ox.NamedNode(f"{RES}doc/{doc_id}/item/0")
        self.add(self.file, RDF_TYPE, lek("Document"))
        self.add(self.file, ox.NamedNode(DCTERMS + "identifier"), ox.Literal(file_name))
        self.add(self.item, RDF_TYPE, lek("Document"))
        self.add(self.item, ox.NamedNode(DCTERMS + "isPartOf"), self.file)
        self.add(
            self.item, lek("itemIndex"), ox.Literal("0", datatype=ox.NamedNode(XSD + "integer"))
        )

    def add(self, subject: ox.NamedNode, predicate: ox.NamedNode, obj: Any) -> None:
        self.store.add(ox.Quad(subject, predicate, obj, self.graph))

    def actor(self, cls: str, key: str, *names: str) -> ox.NamedNode:
        node = ox.NamedNode(f"{RES}{cls.lower()}/{slugify(key)}")
        self.add(node, RDF_TYPE, lek(cls))
        self.add(node, lek("mentionedIn"), self.item)
        for name in names:
            self.add(node, lek("name"), ox.Literal(name))
        return node

    def event(
        self,
        cls: str,
        ident: str,
        subjects: tuple[ox.NamedNode, ...] = (),
        date: str | None = None,
        charges: tuple[str, ...] = (),
        articles: tuple[str, ...] = (),
    ) -> ox.NamedNode:
        node = ox.NamedNode(f"{RES}event/{ident}")
        self.add(node, RDF_TYPE, lek(cls))
        self.add(node, PROV_DERIVED, self.item)
        self.add(node, lek("evidence"), ox.Literal(f"evidence of {ident}"))
        for subject in subjects:
            self.add(node, lek("subject"), subject)
        if date is not None:
            self.add(node, lek("date"), typed_date(date))
        for charge in charges:
            offence = ox.NamedNode(f"{RES}offence/{slugify(charge)}")
            self.add(offence, RDF_TYPE, lek("Offence"))
            self.add(offence, RDFS_LABEL, ox.Literal(charge))
            self.add(node, lek("charge"), offence)
        for article in articles:
            provision = ox.NamedNode(f"{RES}provision/criminal-code-article-{article}")
            self.add(provision, RDF_TYPE, lek("LegalProvision"))
            self.add(provision, RDFS_LABEL, ox.Literal(f"Criminal Code Article {article}"))
            self.add(provision, lek("article"), ox.Literal(article))
            self.add(node, lek("provision"), provision)
        return node

    def membership(self, ident: str, person: ox.NamedNode, org: ox.NamedNode) -> None:
        node = ox.NamedNode(f"{RES}membership/{ident}")
        self.add(node, RDF_TYPE, lek("Membership"))
        self.add(node, lek("member"), person)
        self.add(node, lek("organization"), org)
        self.add(node, PROV_DERIVED, self.item)
        self.add(person, lek("memberOf"), org)


def perfect_graph(store: ox.Store) -> DocGraph:
    """The graph that holds exactly what GOLD says."""
    doc = DocGraph(store, "fiction100", FILE_NAME)
    dara = doc.actor("Person", "chan dara", "Chan Dara", "Mr. Dara")
    sovann = doc.actor("Person", "lim sovann", "Lim Sovann")
    pip = doc.actor("PoliticalParty", "pip", "Party of Imaginary Progress", "PIP")
    doc.actor("Court", "fictopolis municipal court", "Fictopolis Municipal Court")
    doc.actor("Facility", "imaginary prison", "Imaginary Prison")
    doc.actor("Place", "fictopolis", "Fictopolis")
    doc.membership("m1", dara, pip)
    doc.membership("m2", sovann, pip)
    doc.event("Arrest", "arrest", (dara,), "2024-02-28")
    doc.event(
        "Charge",
        "charge",
        (dara, sovann),
        "2024-02-29",
        ("treason", "incitement to commit a felony"),
        ("443",),
    )
    doc.event("Dissolution", "dissolution", (pip,), "2024")
    doc.event("Release", "release")
    return doc


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "100_fiction.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (folder / "SCHEMA.md").write_text("# not a gold file", encoding="utf-8")
    return folder


def write_gold(folder: Path, data: Any, name: str = "100_fiction.json") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.fixture
def store() -> ox.Store:
    return ox.Store()


def person(key: str) -> ox.NamedNode:
    return ox.NamedNode(f"{RES}person/{key}")


def test_perfect_graph_scores_one_everywhere(store: ox.Store, gold_dir: Path) -> None:
    perfect_graph(store)
    report = evaluate(store, gold_dir)
    assert {c: s.f1 for c, s in report.scores.items()} == dict.fromkeys(report.scores, 1.0)
    assert report.scores["events"].tp == 4  # (type, subject) pairs; the subjectless Release is out
    assert report.scores["charges"].tp == 4  # two subjects x two offences
    assert report.dates.value == 1.0 and report.dates.total == 4
    assert report.nodes["all"].per_entity == 1.0 and report.nodes["all"].merges == 0
    assert report.documents[0].subjectless_gold_events == 1
    assert report.documents[0].subjectless_store_events == 1
    assert report.missing_documents == ()


def test_missing_person_lowers_recall_only(store: ox.Store, gold_dir: Path) -> None:
    doc = perfect_graph(store)
    store.remove(ox.Quad(person("lim-sovann"), RDF_TYPE, lek("Person"), doc.graph))
    persons = evaluate(store, gold_dir).scores["persons"]
    assert (persons.tp, persons.fp, persons.fn) == (1, 0, 1)
    assert persons.recall == 0.5 and persons.precision == 1.0


def test_spurious_event_lowers_precision(store: ox.Store, gold_dir: Path) -> None:
    doc = perfect_graph(store)
    doc.event("Conviction", "spurious", (person("chan-dara"),), "2024-03-01")
    report = evaluate(store, gold_dir)
    events = report.scores["events"]
    assert (events.tp, events.fp, events.fn) == (4, 1, 0)
    assert events.precision == pytest.approx(0.8) and events.recall == 1.0
    assert report.documents[0].spurious["events"] == ("Conviction — Chan Dara",)


def test_two_gold_people_in_one_node_is_a_merge(store: ox.Store, gold_dir: Path) -> None:
    doc = DocGraph(store, "fiction100", FILE_NAME)
    doc.actor("Person", "chan dara", "Chan Dara", "Lim Sovann")
    report = evaluate(store, gold_dir)
    assert report.nodes["persons"].merges == 1
    assert report.scores["persons"].tp == 2  # both gold people are found, in one node
    assert report.documents[0].merged_entities == ("Lim Sovann = Chan Dara + Lim Sovann",)


def test_one_gold_person_in_two_nodes_raises_nodes_per_entity(
    store: ox.Store, gold_dir: Path
) -> None:
    doc = DocGraph(store, "fiction100", FILE_NAME)
    doc.actor("Person", "chan dara", "Chan Dara")
    doc.actor("Person", "dara", "Mr. Dara")
    doc.actor("Person", "lim sovann", "Lim Sovann")
    report = evaluate(store, gold_dir)
    assert report.nodes["persons"].per_entity == pytest.approx(1.5)
    assert report.scores["persons"].fp == 0
    assert report.documents[0].split_entities == ("Chan Dara: 2 nodes",)


@pytest.mark.parametrize(
    "name",
    ["Mr. Dara", "CHAN  DARA", "Chan Dara’s", "chan dara,", "“Chan Dara”"],
)
def test_names_match_gold_label_or_alias_after_normalising(
    store: ox.Store, gold_dir: Path, name: str
) -> None:
    DocGraph(store, "fiction100", FILE_NAME).actor("Person", "someone", name)
    report = evaluate(store, gold_dir)
    assert report.scores["persons"].tp == 1
    assert report.documents[0].missed["persons"] == ("Lim Sovann",)


def test_the_party_matches_without_the_article(store: ox.Store, gold_dir: Path) -> None:
    DocGraph(store, "fiction100", FILE_NAME).actor(
        "PoliticalParty", "pip", "the Party of Imaginary Progress’s"
    )
    assert evaluate(store, gold_dir).scores["organisations"].tp == 1


def test_a_person_node_does_not_match_a_gold_organisation(store: ox.Store, gold_dir: Path) -> None:
    DocGraph(store, "fiction100", FILE_NAME).actor("Person", "pip", "PIP")
    report = evaluate(store, gold_dir)
    assert report.scores["persons"].fp == 1
    assert report.scores["organisations"].tp == 0


def test_wrong_organisation_subtype_still_matches(store: ox.Store, gold_dir: Path) -> None:
    doc = DocGraph(store, "fiction100", FILE_NAME)
    doc.actor("CivilSocietyOrganization", "pip", "PIP")
    doc.actor("Court", "fictopolis municipal court", "Fictopolis Municipal Court")
    report = evaluate(store, gold_dir)
    assert report.scores["organisations"].f1 == 1.0
    assert (report.org_subtypes.correct, report.org_subtypes.total) == (1, 2)
    assert report.documents[0].mistyped_orgs == (
        "Party of Imaginary Progress: CivilSocietyOrganization, gold PoliticalParty",
    )


def test_names_come_from_the_documents_own_graph(store: ox.Store, gold_dir: Path) -> None:
    DocGraph(store, "fiction100", FILE_NAME).actor("Person", "lim sovann", "Nobody Known")
    DocGraph(store, "other", "other.txt").actor("Person", "lim sovann", "Lim Sovann")
    persons = evaluate(store, gold_dir).scores["persons"]
    assert (persons.tp, persons.fp) == (0, 1)


def test_wrong_date_lowers_date_accuracy(store: ox.Store, gold_dir: Path) -> None:
    doc = perfect_graph(store)
    arrest = ox.NamedNode(f"{RES}event/arrest")
    store.remove(ox.Quad(arrest, lek("date"), typed_date("2024-02-28"), doc.graph))
    doc.add(arrest, lek("date"), typed_date("2024-02"))
    report = evaluate(store, gold_dir)
    assert (report.dates.correct, report.dates.total) == (3, 4)
    assert report.scores["events"].f1 == 1.0
    assert report.documents[0].wrong_dates == (
        "Arrest — Chan Dara: gold 2024-02-28, store 2024-02",
    )


def test_a_duplicate_event_with_a_wrong_date_lowers_the_strict_date_figure(
    store: ox.Store, gold_dir: Path
) -> None:
    doc = perfect_graph(store)
    dara = ox.NamedNode(f"{RES}person/chan-dara")
    doc.event("Arrest", "again", (dara,), "2023-01", (), ())
    report = evaluate(store, gold_dir)
    assert report.scores["events"].f1 == 1.0, "set semantics: the duplicate pair is not spurious"
    assert report.dates.value == 1.0
    assert (report.event_dates.correct, report.event_dates.total) == (
        report.event_dates.total - 1,
        report.event_dates.total,
    )
    assert report.documents[0].store_events == report.documents[0].gold_events + 1


def test_charges_match_by_whole_words_one_to_one(store: ox.Store, gold_dir: Path) -> None:
    doc = DocGraph(store, "fiction100", FILE_NAME)
    dara = doc.actor("Person", "chan dara", "Chan Dara")
    doc.event("Charge", "c1", (dara,), None, ("Treason", "incitement", "robbery"), ("443",))
    report = evaluate(store, gold_dir)
    charges = report.scores["charges"]
    assert (charges.tp, charges.fp, charges.fn) == (2, 1, 2)  # Lim Sovann's two are missed
    assert report.documents[0].spurious["charges"] == ("Chan Dara: robbery",)
    provisions = report.scores["provisions"]
    assert (provisions.tp, provisions.fp, provisions.fn) == (1, 0, 1)


def test_offence_inside_a_longer_word_does_not_match(store: ox.Store, gold_dir: Path) -> None:
    doc = DocGraph(store, "fiction100", FILE_NAME)
    dara = doc.actor("Person", "chan dara", "Chan Dara")
    doc.event("Charge", "c1", (dara,), None, ("treasonous talk",))
    assert evaluate(store, gold_dir).scores["charges"].tp == 0


def test_membership_with_unmatched_member_is_spurious(store: ox.Store, gold_dir: Path) -> None:
    doc = perfect_graph(store)
    stranger = doc.actor("Person", "pich nary", "Pich Nary")
    doc.membership("m3", stranger, ox.NamedNode(f"{RES}politicalparty/pip"))
    report = evaluate(store, gold_dir)
    assert report.scores["memberships"].fp == 1
    assert report.documents[0].spurious["memberships"] == (
        "Pich Nary — Party of Imaginary Progress",
    )


def test_document_missing_from_store_is_all_missed(store: ox.Store, gold_dir: Path) -> None:
    DocGraph(store, "other", "other.txt").actor("Person", "chan dara", "Chan Dara")
    report = evaluate(store, gold_dir)
    assert report.missing_documents == (FILE_NAME,)
    persons = report.scores["persons"]
    assert (persons.tp, persons.fp, persons.fn) == (0, 0, 2)
    assert report.scores["events"].fn == 4
    assert f"not in the store (all missed): {FILE_NAME}" in format_report(report)


def test_format_report_lists_figures_and_errors(store: ox.Store, gold_dir: Path) -> None:
    doc = perfect_graph(store)
    store.remove(ox.Quad(person("lim-sovann"), RDF_TYPE, lek("Person"), doc.graph))
    report = evaluate(store, gold_dir)
    text = format_report(report)
    assert "persons" in text and "0.667" in text  # F1 of 1 TP, 1 FN
    assert "persons missed (1): Lim Sovann" in text
    short = format_report(report, verbose=False)
    assert "persons missed" not in short and "event dates: 1.000 (3/3" in short


def test_to_json_carries_the_figures(store: ox.Store, gold_dir: Path) -> None:
    perfect_graph(store)
    data = json.loads(evaluate(store, gold_dir).to_json())
    assert data["scores"]["persons"]["f1"] == 1.0
    assert data["documents"][0]["document"] == FILE_NAME


def test_report_sums_over_documents(store: ox.Store, tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "gold", GOLD)
    second = copy.deepcopy(GOLD) | {"document": "101_fiction.txt"}
    write_gold(folder, second, "101_fiction.json")
    perfect_graph(store)
    report = evaluate(store, folder)
    assert isinstance(report, EvalReport)
    persons = report.scores["persons"]
    assert (persons.tp, persons.fn) == (2, 2)  # micro-average: the second file is all missed


def test_file_name_with_quotes_is_found(store: ox.Store, tmp_path: Path) -> None:
    odd = 'it\'s "odd" \\ file.txt'
    folder = write_gold(tmp_path / "gold", copy.deepcopy(GOLD) | {"document": odd})
    DocGraph(store, "odd", odd).actor("Person", "chan dara", "Chan Dara")
    report = evaluate(store, folder)
    assert report.missing_documents == ()
    assert report.scores["persons"].tp == 1


def test_actor_mentioned_in_the_file_itself_is_in_scope(store: ox.Store, gold_dir: Path) -> None:
    doc = DocGraph(store, "fiction100", FILE_NAME)
    dara = doc.actor("Person", "chan dara", "Chan Dara")
    store.remove(ox.Quad(dara, lek("mentionedIn"), doc.item, doc.graph))
    doc.add(dara, lek("mentionedIn"), doc.file)
    assert evaluate(store, gold_dir).scores["persons"].tp == 1


@pytest.mark.parametrize(
    ("score", "precision", "recall", "f1"),
    [
        (Score(), 1.0, 1.0, 1.0),  # nothing to find, nothing found
        (Score(fn=3), 1.0, 0.0, 0.0),  # nothing found
        (Score(fp=2), 0.0, 1.0, 0.0),  # nothing to find, something found
        (Score(tp=1, fp=1, fn=2), 0.5, 1 / 3, 0.4),
    ],
)
def test_score_conventions(score: Score, precision: float, recall: float, f1: float) -> None:
    assert (score.precision, score.recall) == pytest.approx((precision, recall))
    assert score.f1 == pytest.approx(f1)


def mutate(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(GOLD)
    change(data)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (mutate(lambda d: d.pop("events")), "missing field 'events'"),
        (mutate(lambda d: d["events"][0].update(subjects=["nobody"])), "unknown entity key"),
        (mutate(lambda d: d["entities"][0].update(type="Wizard")), "unknown type 'Wizard'"),
        (mutate(lambda d: d["events"][0].update(date="28/02/2024")), "not an ISO 8601 date"),
        (mutate(lambda d: d["entities"][0].update(aliases="Mr. Dara")), "expected a list"),
        (mutate(lambda d: d["events"][0].update(item="i9")), "unknown item 'i9'"),
        (mutate(lambda d: d["memberships"][0].update(person="pip")), "must be a Person"),
        ([1, 2], "expected a JSON object"),
    ],
)
def test_malformed_gold_is_a_one_line_error(tmp_path: Path, data: Any, message: str) -> None:
    folder = write_gold(tmp_path / "gold", data)
    with pytest.raises(EvalError, match=message) as caught:
        load_gold(folder)
    assert "100_fiction.json" in str(caught.value) and "\n" not in str(caught.value)


def test_invalid_json_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "broken.json").write_text('{"document": ', encoding="utf-8")
    with pytest.raises(EvalError, match=r"broken\.json: not valid JSON"):
        load_gold(folder)


@pytest.mark.parametrize("make_folder", [True, False])
def test_empty_or_absent_gold_folder_is_an_error(tmp_path: Path, make_folder: bool) -> None:
    folder = tmp_path / "gold"
    if make_folder:
        folder.mkdir()
        (folder / "SCHEMA.md").write_text("# schema", encoding="utf-8")
    with pytest.raises(EvalError, match="gold"):
        load_gold(folder)


def test_two_files_for_one_document_is_an_error(tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "gold", GOLD)
    write_gold(folder, GOLD, "copy.json")
    with pytest.raises(EvalError, match="also in"):
        load_gold(folder)


def test_load_gold_skips_non_json_files(gold_dir: Path) -> None:
    documents = load_gold(gold_dir)
    assert [d.document for d in documents] == [FILE_NAME]
    assert documents[0].entities[0].aliases == ("Mr. Dara",)


def test_project_gold_files_load() -> None:
    documents = load_gold(PROJECT_GOLD)
    assert len(documents) == 5
    assert all(d.document == d.path.with_suffix(".txt").name for d in documents)
    assert all(d.entities and d.events for d in documents)


def gold_as_quads(gold: GoldDocument) -> list[ox.Quad]:
    """What kg.to_rdf writes for a perfect extraction of ``gold``: the gold, through the model."""
    document = Document(stable_id(gold.document), gold.document, gold.document, "0", "")
    items = [
        Item(stable_id(document.doc_id, i), document.doc_id, i, 0, 0, "", date=item.date)
        for i, item in enumerate(gold.items)
    ]
    item_ids = {item.id: items[i].item_id for i, item in enumerate(gold.items)}
    mentions = [
        Mention(f"{e.key}#{n}", items[0].item_id, name, e.type, 0, 0)
        for e in gold.entities
        for n, name in enumerate((e.label, *e.aliases))
    ]
    entities = [
        Entity(entity_id_for(e.type, e.key), e.type, e.key, e.label, e.aliases)
        for e in gold.entities
    ]
    canonical = {m.mention_id: entity_id_for(m.type, m.mention_id.split("#")[0]) for m in mentions}
    events = [
        Event(
            stable_id(document.doc_id, "event", i),
            e.type,
            item_ids[e.item],
            e.evidence,
            0,
            0,
            subjects=tuple(f"{key}#0" for key in e.subjects),
            charges=e.charges,
            provisions=tuple(Provision(*p.rpartition("Article ")[::2]) for p in e.provisions),
            date=e.date,
        )
        for i, e in enumerate(gold.events)
    ]
    memberships = [
        Membership(
            stable_id(document.doc_id, "membership", i),
            items[0].item_id,
            f"{m.person}#0",
            f"{m.organization}#0",
            m.role,
            "",
            0,
            0,
        )
        for i, m in enumerate(gold.memberships)
    ]
    extraction = Extraction(tuple(mentions), tuple(events), tuple(memberships))
    return document_quads(document, items, Resolved(extraction, tuple(entities), canonical))


@pytest.mark.parametrize("folder", ["fiction", "project"])
def test_graph_written_by_to_rdf_from_the_gold_scores_one(
    store: ox.Store, tmp_path: Path, folder: str
) -> None:
    gold_dir = write_gold(tmp_path / "gold", GOLD) if folder == "fiction" else PROJECT_GOLD
    for gold in load_gold(gold_dir):
        store.extend(gold_as_quads(gold))
    report = evaluate(store, gold_dir)
    assert {c: s.f1 for c, s in report.scores.items()} == dict.fromkeys(report.scores, 1.0)
    assert report.dates.value == 1.0 and report.org_subtypes.value == 1.0
    assert report.nodes["all"].per_entity == 1.0 and report.nodes["all"].merges == 0
