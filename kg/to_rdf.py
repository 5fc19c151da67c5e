"""Turn one document's resolved extraction into the quads of its named graph.

The layout is the one of ``docs/graph-layout.md``: one named graph per source file, holding
the file, its items, the actors it names (``lek:name``, never ``rdfs:label``: the canonical
label is chosen across all files by the store), its events and memberships with their
evidence and offsets, and the offences and provisions they cite.  An event that is safe to
merge (:mod:`kg.happening_ids`) is named after its happening, so the files telling it share
one node, each statement of it kept apart as a ``lek:Report``.  The output is sorted and free of
blank nodes, so the same input always gives the same quads.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.errors import DocumentError, KgError
from kg.happening_ids import EventNode, date_literal, event_iri, event_nodes
from kg.model import (
    ACTOR_TYPES,
    EVENT_TYPES,
    ORGANIZATION_TYPES,
    Document,
    Entity,
    Event,
    Item,
    Membership,
    Provision,
    Resolved,
    slugify,
)
from kg.namespaces import DCTERMS, LEK, PROV, RDF, RDFS, RES, XSD

__all__ = [
    "ENTITIES_GRAPH",
    "ONTOLOGY_DIR",
    "ONTOLOGY_FILES",
    "ONTOLOGY_GRAPH",
    "date_literal",
    "document_iri",
    "document_quads",
    "entity_iri",
    "event_iri",
    "graph_iri",
    "item_iri",
    "offence_iri",
    "ontology_quads",
    "provision_iri",
    "report_iri",
]

#: The folder of the Turtle files: ``ontology/`` beside the ``kg`` package in a checkout, or
#: ``kg/ontology`` in an installed wheel (pyproject maps the one onto the other).
_PACKAGE = Path(__file__).resolve().parent
ONTOLOGY_DIR = (
    _PACKAGE / "ontology" if (_PACKAGE / "ontology").is_dir() else _PACKAGE.parent / "ontology"
)
#: The files loaded into :data:`ONTOLOGY_GRAPH` (``shapes.ttl`` is only used by kg.validate).
ONTOLOGY_FILES: tuple[str, ...] = ("lek.ttl", "offences.ttl")
#: The graph holding one ``rdfs:label`` and the ``skos:altLabel`` values of every actor.
ENTITIES_GRAPH = str(RES["graph/entities"])
#: The graph holding the ontology and the offence scheme.
ONTOLOGY_GRAPH = str(RES["graph/ontology"])

#: Actor classes allowed as an event's subject or agent, and as an event's place.
_PARTY_TYPES = frozenset({"Person"}) | ORGANIZATION_TYPES
_PLACE_TYPES = frozenset({"Place", "Facility"})
#: Finds a mention's entity, if it has one of the allowed actor types.
_EntityLookup = Callable[[str | None, frozenset[str]], Entity | None]


def graph_iri(document: Document) -> str:
    """Return the IRI of the named graph that holds everything read from ``document``."""
    return str(RES[f"graph/{document.doc_id}"])


def document_iri(doc_id: str) -> str:
    """Return the IRI of a source file.

    >>> document_iri("3f2a")
    'https://w3id.org/legal-events-kg/id/doc/3f2a'
    """
    return str(RES[f"doc/{doc_id}"])


def item_iri(doc_id: str, index: int) -> str:
    """Return the IRI of the ``index``-th item (0-based) of a source file.

    >>> item_iri("3f2a", 0)
    'https://w3id.org/legal-events-kg/id/doc/3f2a/item/0'
    """
    return f"{document_iri(doc_id)}/item/{index}"


def entity_iri(entity_id: str) -> str:
    """Return the IRI of an actor or place from its entity id.

    >>> entity_iri("person/chan-dara")
    'https://w3id.org/legal-events-kg/id/person/chan-dara'
    """
    return str(RES[entity_id])


def report_iri(event_id: str) -> str:
    """Return the IRI of one source's statement of an event, from the statement's event id.

    >>> report_iri("a1")
    'https://w3id.org/legal-events-kg/id/report/a1'
    """
    return str(RES[f"report/{event_id}"])


def offence_iri(words: str) -> str:
    """Return the IRI of an offence kind from a charge's words, the key of the offence scheme.

    >>> offence_iri("Bribing a witness")
    'https://w3id.org/legal-events-kg/id/offence/bribing-a-witness'
    """
    return str(RES[f"offence/{slugify(words)}"])


def provision_iri(provision: Provision) -> str:
    """Return the IRI of one article of one law: the slug of its label.

    >>> provision_iri(Provision("Criminal Code", "443"))
    'https://w3id.org/legal-events-kg/id/provision/criminal-code-article-443'
    >>> provision_iri(Provision("", "443"))
    'https://w3id.org/legal-events-kg/id/provision/article-443'
    """
    return str(RES[f"provision/{slugify(provision.label)}"])


class _GraphBuilder:
    """Collects the distinct quads of one named graph, from IRIs given as strings."""

    def __init__(self, graph: str) -> None:
        self.graph = ox.NamedNode(graph)
        self.quads: set[ox.Quad] = set()

    def add(self, subject: str, predicate: str, obj: str | ox.Literal) -> None:
        node = ox.NamedNode(obj) if isinstance(obj, str) else obj
        self.quads.add(ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), node, self.graph))

    def text(self, subject: str, predicate: str, value: str | None) -> None:
        """Add a plain string, unless it is missing or blank."""
        if value and value.strip():
            self.add(subject, predicate, ox.Literal(value))

    def integer(self, subject: str, predicate: str, value: int) -> None:
        self.add(subject, predicate, ox.Literal(str(value), datatype=ox.NamedNode(XSD.integer)))

    def date(self, subject: str, predicate: str, value: str | None) -> None:
        literal = date_literal(value)
        if literal is not None:
            self.add(subject, predicate, literal)

    def sorted(self) -> list[ox.Quad]:
        return sorted(self.quads, key=str)


def document_quads(document: Document, items: Sequence[Item], resolved: Resolved) -> list[ox.Quad]:
    """Return the quads of ``document``'s named graph (see ``docs/graph-layout.md``).

    Events and memberships reach actors through ``resolved.canonical``; a reference whose
    mention has no entity, or whose entity has the wrong kind for the role (a place as a
    subject, an organisation as a member), is left out, and a membership without both its
    person and its organisation is left out entirely.  Raises :class:`DocumentError` when
    the input breaks the model's invariants (an unknown type, an item of another document).
    """
    builder = _GraphBuilder(graph_iri(document))
    _add_document(builder, document, items)
    sources = {item.item_id: item_iri(document.doc_id, item.index) for item in items}
    file_iri = document_iri(document.doc_id)
    entities = {entity.entity_id: entity for entity in resolved.entities}

    def source_of(item_id: str) -> str:
        return sources.get(item_id, file_iri)

    def entity_of(mention_id: str | None, allowed: frozenset[str]) -> Entity | None:
        entity = entities.get(resolved.canonical.get(mention_id or "", ""))
        return entity if entity is not None and entity.type in allowed else None

    for entity in resolved.entities:
        _add_entity(builder, document, entity)
    for mention in resolved.extraction.mentions:
        named = entities.get(resolved.canonical.get(mention.mention_id, ""))
        if named is not None:
            builder.add(entity_iri(named.entity_id), LEK.mentionedIn, source_of(mention.item_id))
    events = resolved.extraction.events
    nodes = event_nodes(events, {e.event_id: _parties(e.subjects, entity_of) for e in events})
    for event in events:
        _add_event(builder, document, event, source_of(event.item_id), entity_of, nodes)
    for membership in resolved.extraction.memberships:
        person = entity_of(membership.person, frozenset({"Person"}))
        organization = entity_of(membership.organization, ORGANIZATION_TYPES)
        if person is not None and organization is not None:
            _add_membership(
                builder, membership, person, organization, source_of(membership.item_id)
            )
    return builder.sorted()


def _add_document(builder: _GraphBuilder, document: Document, items: Sequence[Item]) -> None:
    file_iri = document_iri(document.doc_id)
    builder.add(file_iri, RDF.type, LEK.Document)
    builder.text(file_iri, DCTERMS.identifier, document.file_name)
    builder.text(file_iri, LEK.sourcePath, document.path)
    builder.text(file_iri, LEK.contentHash, document.sha256)
    builder.text(file_iri, DCTERMS.title, document.title)
    builder.date(file_iri, DCTERMS.date, document.date)
    builder.text(file_iri, DCTERMS.publisher, document.publisher)
    for item in items:
        if item.doc_id != document.doc_id:
            raise DocumentError(document.path, f"item {item.item_id} belongs to another document")
        iri = item_iri(document.doc_id, item.index)
        builder.add(iri, RDF.type, LEK.Document)
        builder.add(iri, DCTERMS.isPartOf, file_iri)
        builder.integer(iri, LEK.itemIndex, item.index)
        builder.integer(iri, LEK.startOffset, item.start)
        builder.integer(iri, LEK.endOffset, item.end)
        builder.text(iri, DCTERMS.title, item.title)
        builder.date(iri, DCTERMS.date, item.date)


def _add_entity(builder: _GraphBuilder, document: Document, entity: Entity) -> None:
    if entity.type not in ACTOR_TYPES:
        raise DocumentError(document.path, f"unknown actor type {entity.type!r}")
    iri = entity_iri(entity.entity_id)
    builder.add(iri, RDF.type, LEK[entity.type])
    for name in (entity.label, *entity.aliases):
        builder.text(iri, LEK.name, name)


def _add_event(
    builder: _GraphBuilder,
    document: Document,
    event: Event,
    source: str,
    entity_of: _EntityLookup,
    nodes: dict[str, EventNode],
) -> None:
    if event.type not in EVENT_TYPES:
        raise DocumentError(document.path, f"unknown event type {event.type!r}")
    iri = nodes[event.event_id].iri
    builder.add(iri, RDF.type, LEK[event.type])
    for predicate, mention_ids in ((LEK.subject, event.subjects), (LEK.agent, event.agents)):
        for actor_iri in _parties(mention_ids, entity_of):
            builder.add(iri, predicate, actor_iri)
    place = entity_of(event.place, _PLACE_TYPES)
    if place is not None:
        builder.add(iri, LEK.place, entity_iri(place.entity_id))
    for words in event.charges:
        label = " ".join(words.lower().split())
        if label:
            offence = offence_iri(label)
            builder.add(iri, LEK.charge, offence)
            builder.add(offence, RDF.type, LEK.Offence)
            builder.text(offence, RDFS.label, label)
    for provision in event.provisions:
        if provision.article.strip():
            _add_provision(builder, iri, provision)
    builder.date(iri, LEK.date, nodes[event.event_id].date)
    builder.text(iri, LEK.sentence, event.sentence)
    builder.text(iri, LEK.group, event.group)
    report = report_iri(event.event_id)
    builder.add(iri, LEK.report, report)
    builder.add(report, RDF.type, LEK.Report)
    for node in (iri, report):  # the event gathers what each of its reports says
        builder.text(node, LEK.status, event.status)
        for mention_id in event.asserted_by:
            speaker = entity_of(mention_id, _PARTY_TYPES)
            if speaker is not None:
                builder.add(node, LEK.assertedBy, entity_iri(speaker.entity_id))
        _add_provenance(builder, node, source, event)


def _parties(mention_ids: Sequence[str], entity_of: _EntityLookup) -> list[str]:
    """Return the IRIs of the persons and organisations the mentions resolve to."""
    actors = (entity_of(mention_id, _PARTY_TYPES) for mention_id in mention_ids)
    return [entity_iri(actor.entity_id) for actor in actors if actor is not None]


def _add_provision(builder: _GraphBuilder, event: str, provision: Provision) -> None:
    iri = provision_iri(provision)
    builder.add(event, LEK.provision, iri)
    builder.add(iri, RDF.type, LEK.LegalProvision)
    builder.text(iri, RDFS.label, provision.label)
    builder.text(iri, LEK.article, provision.article)
    builder.text(iri, LEK.law, provision.law)


def _add_membership(
    builder: _GraphBuilder,
    membership: Membership,
    person: Entity,
    organization: Entity,
    source: str,
) -> None:
    iri = str(RES[f"membership/{membership.membership_id}"])
    person_iri = entity_iri(person.entity_id)
    organization_iri = entity_iri(organization.entity_id)
    builder.add(iri, RDF.type, LEK.Membership)
    builder.add(iri, LEK.member, person_iri)
    builder.add(iri, LEK.organization, organization_iri)
    builder.text(iri, LEK.role, membership.role)
    builder.add(person_iri, LEK.memberOf, organization_iri)
    _add_provenance(builder, iri, source, membership)


def _add_provenance(
    builder: _GraphBuilder, iri: str, source: str, record: Event | Membership
) -> None:
    """Add what every event and membership carries: its sentence, source, offsets, score."""
    builder.text(iri, LEK.evidence, record.evidence)
    builder.add(iri, PROV.wasDerivedFrom, source)
    builder.integer(iri, LEK.startOffset, record.start)
    builder.integer(iri, LEK.endOffset, record.end)
    if math.isfinite(record.confidence):
        decimal = ox.Literal(f"{record.confidence:.3f}", datatype=ox.NamedNode(XSD.decimal))
        builder.add(iri, LEK.confidence, decimal)
    builder.text(iri, LEK.extractor, record.extractor)


def ontology_quads() -> list[ox.Quad]:
    """Return ``ontology/lek.ttl`` and ``ontology/offences.ttl`` as quads of the ontology graph.

    Raises :class:`KgError` when a file is missing or malformed (a broken installation).
    """
    builder = _GraphBuilder(ONTOLOGY_GRAPH)
    for name in ONTOLOGY_FILES:
        path = ONTOLOGY_DIR / name
        try:
            for quad in ox.parse(path=path, format=ox.RdfFormat.TURTLE):
                builder.quads.add(ox.Quad(quad.subject, quad.predicate, quad.object, builder.graph))
        except (OSError, SyntaxError) as error:
            raise KgError(f"cannot read the ontology file {path}: {error}") from error
    return builder.sorted()
