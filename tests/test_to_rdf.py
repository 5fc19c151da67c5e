"""kg.to_rdf lays one document out as its named graph, as docs/graph-layout.md says.

All people, parties and places here are fictional.
"""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest

from kg import namespaces as ns
from kg.errors import DocumentError
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
    stable_id,
)
from kg.namespaces import DCTERMS, LEK, PROV, RDF, RDFS
from kg.to_rdf import (
    ONTOLOGY_GRAPH,
    date_literal,
    document_iri,
    document_quads,
    entity_iri,
    event_iri,
    graph_iri,
    item_iri,
    offence_iri,
    ontology_quads,
    provision_iri,
)
from kg.validate import validate

HEADLINE = "Imaginary Times\n"
SENTENCE = (
    "Police arrested Chan Dara, deputy president of the Party of Imaginary Progress, "
    "in Fictiva Province on charges of Treason under Article 443 of the Criminal Code."
)
TEXT = HEADLINE + SENTENCE
DOC_ID = stable_id("news/chan-dara.txt")


def _mention(surface: str, actor_type: str) -> Mention:
    start = TEXT.index(surface)
    end = start + len(surface)
    return Mention(stable_id(DOC_ID, start, end), ITEM.item_id, surface, actor_type, start, end)


DOCUMENT = Document(
    doc_id=DOC_ID,
    path="news/chan-dara.txt",
    file_name="chan-dara.txt",
    sha256="ab" * 32,
    text=TEXT,
    title="Imaginary Times",
    date="2021-05",
    publisher="Imaginary Times",
)
ITEM = Item(
    item_id=stable_id(DOC_ID, 0),
    doc_id=DOC_ID,
    index=0,
    start=0,
    end=len(TEXT),
    text=TEXT,
    date="2021-05-03",
)
DARA = _mention("Chan Dara", "Person")
PARTY = _mention("Party of Imaginary Progress", "PoliticalParty")
POLICE = _mention("Police", "GovernmentBody")
PROVINCE = _mention("Fictiva Province", "Place")
START = TEXT.index(SENTENCE)
ARREST = Event(
    event_id=stable_id(DOC_ID, "Arrest", START, len(TEXT), (DARA.mention_id,)),
    type="Arrest",
    item_id=ITEM.item_id,
    evidence=SENTENCE,
    start=START,
    end=len(TEXT),
    subjects=(DARA.mention_id,),
    agents=(POLICE.mention_id,),
    charges=("Treason",),
    provisions=(Provision("Criminal Code", "443"), Provision("", "12")),
    date="2021-05-03",
    place=PROVINCE.mention_id,
    confidence=0.85,
    extractor="rules",
)
MEMBERSHIP = Membership(
    membership_id=stable_id(DOC_ID, DARA.mention_id, PARTY.mention_id, "deputy president"),
    item_id=ITEM.item_id,
    person=DARA.mention_id,
    organization=PARTY.mention_id,
    role="deputy president",
    evidence=SENTENCE,
    start=START,
    end=len(TEXT),
)


def _entity(mention: Mention, *aliases: str) -> Entity:
    entity_id = entity_id_for(mention.type, mention.text)
    return Entity(
        entity_id, mention.type, mention.text, mention.text, aliases, (mention.mention_id,)
    )


def _resolved(
    events: tuple[Event, ...] = (ARREST,),
    memberships: tuple[Membership, ...] = (MEMBERSHIP,),
    unresolved: tuple[Mention, ...] = (),
) -> Resolved:
    mentions = (DARA, PARTY, POLICE, PROVINCE)
    resolved_mentions = [m for m in mentions if m not in unresolved]
    return Resolved(
        extraction=Extraction(mentions, events, memberships),
        entities=tuple(_entity(m, "Dara") if m is DARA else _entity(m) for m in resolved_mentions),
        canonical={m.mention_id: entity_id_for(m.type, m.text) for m in resolved_mentions},
    )


def _triples(quads: list[ox.Quad]) -> set[tuple[str, str, str]]:
    """The quads as (subject, predicate, object) strings: IRIs bare, literals in N-Triples."""

    def term(node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph) -> str:
        return node.value if isinstance(node, ox.NamedNode) else str(node)

    return {(term(q.subject), term(q.predicate), term(q.object)) for q in quads}


def _objects(quads: list[ox.Quad], subject: str, predicate: str) -> set[str]:
    return {o for s, p, o in _triples(quads) if s == subject and p == str(predicate)}


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return document_quads(DOCUMENT, [ITEM], _resolved())


PERSON = entity_iri(entity_id_for("Person", "Chan Dara"))
#: The arrest has a subject and a full-day date: it is named after its happening.
EVENT = event_iri(ARREST, [PERSON])
#: Without a subject or a day, an event keeps the IRI of its own statement.
STATEMENT = "https://w3id.org/legal-events-kg/id/event/" + ARREST.event_id
PARTY_IRI = entity_iri(entity_id_for("PoliticalParty", "Party of Imaginary Progress"))
FILE = document_iri(DOC_ID)
ITEM0 = item_iri(DOC_ID, 0)


def test_everything_lands_in_the_document_graph(quads: list[ox.Quad]) -> None:
    assert {q.graph_name for q in quads} == {ox.NamedNode(graph_iri(DOCUMENT))}
    assert graph_iri(DOCUMENT) == f"https://w3id.org/legal-events-kg/id/graph/{DOC_ID}"


def test_no_blank_nodes(quads: list[ox.Quad]) -> None:
    assert not [q for q in quads if isinstance(q.subject, ox.BlankNode | ox.Triple)]
    assert not [q for q in quads if isinstance(q.object, ox.BlankNode)]


def test_file_and_item_are_documents(quads: list[ox.Quad]) -> None:
    assert _objects(quads, FILE, RDF.type) == {str(LEK.Document)}
    assert _objects(quads, FILE, DCTERMS.identifier) == {'"chan-dara.txt"'}
    assert _objects(quads, FILE, LEK.sourcePath) == {'"news/chan-dara.txt"'}
    assert _objects(quads, FILE, LEK.contentHash) == {f'"{"ab" * 32}"'}
    assert _objects(quads, FILE, DCTERMS.date) == {f'"2021-05"^^<{ns.XSD.gYearMonth}>'}
    assert _objects(quads, ITEM0, DCTERMS.isPartOf) == {FILE}
    assert _objects(quads, ITEM0, LEK.itemIndex) == {f'"0"^^<{ns.XSD.integer}>'}
    assert _objects(quads, ITEM0, LEK.endOffset) == {f'"{len(TEXT)}"^^<{ns.XSD.integer}>'}
    assert _objects(quads, ITEM0, DCTERMS.date) == {f'"2021-05-03"^^<{ns.XSD.date}>'}


def test_actors_carry_their_names_but_no_label(quads: list[ox.Quad]) -> None:
    """The canonical rdfs:label is chosen across files, in the entities graph."""
    assert _objects(quads, PERSON, RDF.type) == {str(LEK.Person)}
    assert _objects(quads, PERSON, LEK.name) == {'"Chan Dara"', '"Dara"'}
    assert _objects(quads, PERSON, RDFS.label) == set()
    assert _objects(quads, PERSON, LEK.mentionedIn) == {ITEM0}
    assert _objects(quads, PARTY_IRI, RDF.type) == {str(LEK.PoliticalParty)}


def test_event_links_actors_and_keeps_its_evidence(quads: list[ox.Quad]) -> None:
    assert _objects(quads, EVENT, RDF.type) == {str(LEK.Arrest)}
    assert _objects(quads, EVENT, LEK.subject) == {PERSON}
    assert _objects(quads, EVENT, LEK.agent) == {
        entity_iri(entity_id_for("GovernmentBody", "Police"))
    }
    assert _objects(quads, EVENT, LEK.place) == {
        entity_iri(entity_id_for("Place", "Fictiva Province"))
    }
    assert _objects(quads, EVENT, LEK.evidence) == {f'"{SENTENCE}"'}
    assert _objects(quads, EVENT, PROV.wasDerivedFrom) == {ITEM0}
    assert _objects(quads, EVENT, LEK.startOffset) == {f'"{START}"^^<{ns.XSD.integer}>'}
    assert _objects(quads, EVENT, LEK.date) == {f'"2021-05-03"^^<{ns.XSD.date}>'}
    assert _objects(quads, EVENT, LEK.confidence) == {f'"0.850"^^<{ns.XSD.decimal}>'}
    assert _objects(quads, EVENT, LEK.extractor) == {'"rules"'}


def test_offsets_find_the_evidence_in_the_text(quads: list[ox.Quad]) -> None:
    (start,) = _objects(quads, EVENT, LEK.startOffset)
    (end,) = _objects(quads, EVENT, LEK.endOffset)
    assert TEXT[int(start.split('"')[1]) : int(end.split('"')[1])] == SENTENCE


def test_charge_words_become_an_offence_of_the_scheme(quads: list[ox.Quad]) -> None:
    treason = offence_iri("treason")
    assert _objects(quads, EVENT, LEK.charge) == {treason}
    assert _objects(quads, treason, RDF.type) == {str(LEK.Offence)}
    assert _objects(quads, treason, RDFS.label) == {'"treason"'}
    assert ox.NamedNode(treason) in {q.subject for q in ontology_quads()}


def test_provisions_with_and_without_a_law(quads: list[ox.Quad]) -> None:
    coded = provision_iri(Provision("Criminal Code", "443"))
    bare = provision_iri(Provision("", "12"))
    assert _objects(quads, EVENT, LEK.provision) == {coded, bare}
    assert coded.endswith("/provision/criminal-code-article-443")
    assert _objects(quads, coded, RDFS.label) == {'"Criminal Code Article 443"'}
    assert _objects(quads, coded, LEK.article) == {'"443"'}
    assert _objects(quads, coded, LEK.law) == {'"Criminal Code"'}
    assert bare.endswith("/provision/article-12")
    assert _objects(quads, bare, LEK.law) == set()


def test_membership_and_its_shortcut(quads: list[ox.Quad]) -> None:
    membership = "https://w3id.org/legal-events-kg/id/membership/" + MEMBERSHIP.membership_id
    assert _objects(quads, membership, RDF.type) == {str(LEK.Membership)}
    assert _objects(quads, membership, LEK.member) == {PERSON}
    assert _objects(quads, membership, LEK.organization) == {PARTY_IRI}
    assert _objects(quads, membership, LEK.role) == {'"deputy president"'}
    assert _objects(quads, membership, PROV.wasDerivedFrom) == {ITEM0}
    assert _objects(quads, PERSON, LEK.memberOf) == {PARTY_IRI}


def test_same_input_gives_identical_quads(quads: list[ox.Quad]) -> None:
    again = document_quads(DOCUMENT, [ITEM], _resolved())
    assert again == quads
    shuffled = dataclasses.replace(_resolved(), entities=tuple(reversed(_resolved().entities)))
    assert document_quads(DOCUMENT, [ITEM], shuffled) == quads


def test_unresolved_subject_is_left_out_but_the_event_stays() -> None:
    quads = document_quads(DOCUMENT, [ITEM], _resolved(unresolved=(DARA,)))
    assert _objects(quads, STATEMENT, RDF.type) == {str(LEK.Arrest)}
    assert _objects(quads, STATEMENT, LEK.subject) == set()
    assert not [q for q in quads if q.predicate.value == str(LEK.member)]
    assert validate(quads).conforms


def test_a_place_is_never_an_events_subject() -> None:
    event = dataclasses.replace(ARREST, subjects=(PROVINCE.mention_id,))
    quads = document_quads(DOCUMENT, [ITEM], _resolved(events=(event,)))
    assert _objects(quads, STATEMENT, LEK.subject) == set()


@pytest.mark.parametrize(
    ("iso", "datatype"),
    [("2017-09-03", ns.XSD.date), ("2017-09", ns.XSD.gYearMonth), ("2017", ns.XSD.gYear)],
)
def test_dates_are_typed_by_precision(iso: str, datatype: str) -> None:
    assert date_literal(iso) == ox.Literal(iso, datatype=ox.NamedNode(datatype))


@pytest.mark.parametrize("iso", [None, "", "2017-13", "2017-02-30", "3 May 2017", "17"])
def test_malformed_dates_are_left_out(iso: str | None) -> None:
    assert date_literal(iso) is None


def test_malformed_event_date_is_not_stored() -> None:
    event = dataclasses.replace(ARREST, date="early May")
    quads = document_quads(DOCUMENT, [ITEM], _resolved(events=(event,)))
    assert _objects(quads, STATEMENT, RDF.type) == {str(LEK.Arrest)}
    assert _objects(quads, STATEMENT, LEK.date) == set()


def test_the_graph_passes_validation(quads: list[ox.Quad]) -> None:
    report = validate(quads + ontology_quads())
    assert report.conforms, report.text


def test_an_event_without_evidence_fails_validation(quads: list[ox.Quad]) -> None:
    broken = [q for q in quads if q.predicate.value != str(LEK.evidence)]
    report = validate(broken)
    assert not report.conforms
    assert "lek:evidence" in report.text


def test_unknown_event_type_is_a_document_error() -> None:
    event = dataclasses.replace(ARREST, type="Picnic")
    with pytest.raises(DocumentError, match="Picnic"):
        document_quads(DOCUMENT, [ITEM], _resolved(events=(event,)))


def test_item_of_another_document_is_a_document_error() -> None:
    stray = dataclasses.replace(ITEM, doc_id="elsewhere")
    with pytest.raises(DocumentError, match="another document"):
        document_quads(DOCUMENT, [stray], _resolved())


def test_ontology_quads_fill_the_ontology_graph() -> None:
    quads = ontology_quads()
    assert {q.graph_name for q in quads} == {ox.NamedNode(ONTOLOGY_GRAPH)}
    assert ontology_quads() == quads
    subjects = {q.subject for q in quads}
    assert ox.NamedNode(LEK.Arrest) in subjects
    assert ox.NamedNode(offence_iri("bribing a witness")) in subjects
