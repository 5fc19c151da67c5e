"""The IRIs the code may use: the closed ``lek:`` vocabulary, the ``res:`` instances, and rdflib's.

``LEK`` lists exactly the terms of ``ontology/lek.ttl`` (a test checks both ways), and is
closed: ``LEK.Arrest`` works, ``LEK.Arest`` raises ``AttributeError``, so a typo never
becomes a silent new term in the graph.

>>> str(LEK.Arrest)
'https://w3id.org/legal-events-kg/ontology#Arrest'
>>> str(RES["person/chan-dara"])
'https://w3id.org/legal-events-kg/id/person/chan-dara'
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)

__all__ = [
    "DCTERMS",
    "LEK",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "RES",
    "SKOS",
    "XSD",
]

#: Instances: actors, events, documents, offences, provisions and named graphs.
RES = Namespace("https://w3id.org/legal-events-kg/id/")


class LEK(DefinedNamespace):
    """The legal-events-kg ontology (``ontology/lek.ttl``), as a closed namespace."""

    _fail = True
    _NS = Namespace("https://w3id.org/legal-events-kg/ontology#")

    # Actors
    Person: URIRef
    Organization: URIRef
    PoliticalParty: URIRef
    Court: URIRef
    GovernmentBody: URIRef
    CivilSocietyOrganization: URIRef
    InternationalOrganization: URIRef
    MediaOrganization: URIRef
    Facility: URIRef
    Place: URIRef

    # Events
    Event: URIRef
    Arrest: URIRef
    Detention: URIRef
    Charge: URIRef
    Summons: URIRef
    ArrestWarrant: URIRef
    Trial: URIRef
    Conviction: URIRef
    Sentencing: URIRef
    Acquittal: URIRef
    Release: URIRef
    BailDecision: URIRef
    Appeal: URIRef
    Dissolution: URIRef
    PoliticalBan: URIRef
    Complaint: URIRef

    # Law and sources
    Offence: URIRef
    LegalProvision: URIRef
    Document: URIRef
    Membership: URIRef

    # Properties of the contract
    mentionedIn: URIRef
    subject: URIRef
    agent: URIRef
    charge: URIRef
    provision: URIRef
    date: URIRef
    place: URIRef
    sentence: URIRef
    evidence: URIRef
    member: URIRef
    organization: URIRef
    role: URIRef
    memberOf: URIRef
    article: URIRef
    law: URIRef

    # Properties of the graph layout (provenance and bookkeeping)
    name: URIRef
    sourcePath: URIRef
    contentHash: URIRef
    builtWith: URIRef
    itemIndex: URIRef
    startOffset: URIRef
    endOffset: URIRef
    confidence: URIRef
    extractor: URIRef
    group: URIRef

    # Proceedings (computed by the build from the events)
    Proceeding: URIRef
    partOf: URIRef
    defendant: URIRef

    # Happenings: one event node per happening, its reports and its counts of sources
    Report: URIRef
    report: URIRef
    sourceCount: URIRef
    documentCount: URIRef

    # Curation: researchers' corrections (res:graph/curation, docs/curation.md)
    Curation: URIRef
    curatedBy: URIRef
    curatedWith: URIRef
    action: URIRef
    target: URIRef
    entryNumber: URIRef
    curationStatus: URIRef
    staleReason: URIRef
    fromType: URIRef
    toType: URIRef

    # Status of a claim: how the source presents an event, and whom it quotes for it
    status: URIRef
    assertedBy: URIRef
