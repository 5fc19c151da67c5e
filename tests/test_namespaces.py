"""The Python namespace, the ontology's Turtle and the contract agree with each other."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Namespace, URIRef

from kg.model import ACTOR_TYPES, EVENT_TYPES, ORGANIZATION_TYPES, slugify
from kg.namespaces import LEK, OWL, RDF, RDFS, RES, SKOS
from kg.to_rdf import ONTOLOGY_DIR

FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

#: The classes of the public contract (CONTRACT.md), which lives outside the repository.
CONTRACT_CLASSES = (
    *ACTOR_TYPES,
    *EVENT_TYPES,
    "Organization",
    "Event",
    "Offence",
    "LegalProvision",
    "Document",
    "Membership",
)
#: The lek: properties of the public contract.
CONTRACT_PROPERTIES = (
    "mentionedIn",
    "subject",
    "agent",
    "charge",
    "provision",
    "date",
    "place",
    "sentence",
    "evidence",
    "member",
    "organization",
    "role",
    "memberOf",
    "article",
    "law",
)
#: The lek: properties that docs/graph-layout.md adds to the contract.
LAYOUT_PROPERTIES = (
    "name",
    "sourcePath",
    "contentHash",
    "builtWith",
    "itemIndex",
    "startOffset",
    "endOffset",
    "confidence",
    "extractor",
    "group",
    "partOf",
    "defendant",
)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "lek.ttl", format="turtle")


@pytest.fixture(scope="module")
def offences() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "offences.ttl", format="turtle")


def _lek_terms(graph: Graph) -> set[URIRef]:
    return {
        term
        for term in graph.all_nodes()
        if isinstance(term, URIRef) and str(term).startswith(str(LEK))
    }


def test_namespace_and_turtle_name_the_same_terms(ontology: Graph) -> None:
    defined = {s for s in ontology.subjects() if s in _lek_terms(ontology)}
    assert defined == set(dir(LEK))
    assert _lek_terms(ontology) == defined  # nothing refers to an undefined lek: term


def test_every_term_has_a_label_and_a_comment(ontology: Graph) -> None:
    for term in dir(LEK):
        assert ontology.value(URIRef(term), RDFS.label) is not None, term
        assert ontology.value(URIRef(term), RDFS.comment) is not None, term


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_classes_are_owl_classes(ontology: Graph, name: str) -> None:
    assert (LEK[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", CONTRACT_PROPERTIES + LAYOUT_PROPERTIES)
def test_contract_and_layout_properties_are_owl_properties(ontology: Graph, name: str) -> None:
    kinds = set(ontology.objects(LEK[name], RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}


def test_class_hierarchy_matches_the_model(ontology: Graph) -> None:
    organizations = set(ontology.subjects(RDFS.subClassOf, LEK.Organization))
    events = set(ontology.subjects(RDFS.subClassOf, LEK.Event))
    assert organizations == {LEK[name] for name in ORGANIZATION_TYPES}
    assert events == {LEK[name] for name in EVENT_TYPES}


@pytest.mark.parametrize(
    ("term", "relation", "standard"),
    [
        (LEK.Person, RDFS.subClassOf, FOAF.Person),
        (LEK.Person, RDFS.subClassOf, SCHEMA.Person),
        (LEK.Court, RDFS.subClassOf, ORG.Organization),
        (LEK.MediaOrganization, RDFS.subClassOf, FOAF.Organization),
        (LEK.Arrest, RDFS.subClassOf, SEM.Event),
        (LEK.Membership, RDFS.subClassOf, ORG.Membership),
        (LEK.Document, RDFS.subClassOf, PROV.Entity),
        (LEK.Document, RDFS.subClassOf, FOAF.Document),
        (LEK.Offence, RDFS.subClassOf, SKOS.Concept),
        (LEK.Facility, RDFS.subClassOf, SEM.Place),
        (LEK.member, RDFS.subPropertyOf, ORG.member),
        (LEK.organization, RDFS.subPropertyOf, ORG.organization),
        (LEK.memberOf, RDFS.subPropertyOf, ORG.memberOf),
        (LEK.place, RDFS.subPropertyOf, SEM.hasPlace),
        (LEK.date, RDFS.subPropertyOf, SEM.hasTimeStamp),
        (LEK.agent, RDFS.subPropertyOf, SEM.hasActor),
        (LEK.Proceeding, RDFS.subClassOf, SEM.Event),
        (LEK.Proceeding, RDFS.subClassOf, SCHEMA.Event),
        (LEK.partOf, RDFS.subPropertyOf, SEM.subEventOf),
        (LEK.partOf, RDFS.subPropertyOf, SCHEMA.superEvent),
        (LEK.defendant, RDFS.subPropertyOf, SEM.hasActor),
    ],
)
def test_terms_reach_the_standard_vocabularies(
    ontology: Graph, term: URIRef, relation: URIRef, standard: URIRef
) -> None:
    """A query against FOAF, ORG, PROV, SEM, SKOS or schema.org finds lek: data after RDFS."""
    assert standard in set(ontology.transitive_objects(term, relation))


def test_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = LEK.Arest


@pytest.mark.parametrize("name", ["lek.ttl", "offences.ttl"])
def test_loaded_turtle_has_no_blank_nodes(name: str) -> None:
    """The store reloads these files on every build; blank nodes would change each time."""
    graph = Graph().parse(ONTOLOGY_DIR / name, format="turtle")
    assert not [node for node in graph.all_nodes() if isinstance(node, BNode)]


def test_offence_iris_are_the_slug_of_their_label(offences: Graph) -> None:
    concepts = set(offences.subjects(RDF.type, LEK.Offence))
    assert len(concepts) > 40
    for concept in concepts:
        label = offences.value(concept, SKOS.prefLabel)
        assert label is not None
        assert str(label) == str(label).lower()
        assert list(offences.objects(concept, RDFS.label)) == [label]
        assert concept == RES[f"offence/{slugify(str(label))}"]


def test_offence_scheme_is_well_formed(offences: Graph) -> None:
    concepts = set(offences.subjects(RDF.type, LEK.Offence))
    scheme = RES["scheme/offences"]
    for concept in concepts:
        assert (concept, SKOS.inScheme, scheme) in offences
        assert set(offences.objects(concept, SKOS.broader)) <= concepts
    tops = set(offences.objects(scheme, SKOS.hasTopConcept))
    assert tops and tops <= concepts
    assert all(offences.value(top, SKOS.broader) is None for top in tops)


def test_offence_alt_labels_do_not_land_on_another_offence(offences: Graph) -> None:
    """An alias spelled like another concept's label would merge two offences."""
    for concept, alias in offences.subject_objects(SKOS.altLabel):
        target = RES[f"offence/{slugify(str(alias))}"]
        assert target == concept or (target, RDF.type, LEK.Offence) not in offences, alias


@pytest.mark.parametrize(
    "label",
    [
        "treason",
        "insurrection",
        "incitement to commit a felony",
        "bribing a witness",
        "refusing to appear as a witness",
        "lese majeste",
        "sedition",
        "illegal assembly",
    ],
)
def test_common_charges_are_in_the_scheme(offences: Graph, label: str) -> None:
    assert (RES[f"offence/{slugify(label)}"], RDF.type, LEK.Offence) in offences
