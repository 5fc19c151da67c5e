"""Record the curation in the graph, add what it adds, and say which entries are stale.

After every document's graph is written, :func:`record_curation` writes the graph
``res:graph/curation``: one ``lek:Curation`` node per entry (its action, targets, who, when,
why and whether it still matches anything), the events and triples ``add`` entries assert
with their citations, and a ``skos:prefLabel`` for each node a researcher renamed (or split
off), which the entity graph then takes as its label (:func:`kg.store.entity_label_quads`).
It only uses the :class:`~kg.store.GraphStore` methods, so it works on a SPARQL server too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.curation import Curation, Entry, shorten
from kg.curation_apply import curation_iri
from kg.model import slugify, stable_id
from kg.namespaces import DCTERMS, LEK, PROV, RDF, RDFS, RES, SKOS, XSD
from kg.store import CURATION_GRAPH, GraphStore
from kg.to_rdf import date_literal, offence_iri

__all__ = ["CURATION_GRAPH", "Recorded", "added_event_iri", "record_curation"]


@dataclass
class Recorded:
    """What :func:`record_curation` found: whether the curation graph changed, and the
    stale entries, one line each (``#3 merge res:person/a res:person/b (no such node)``)."""

    changed: bool = False
    stale: list[str] = field(default_factory=list)


def added_event_iri(entry: Entry) -> str:
    """The IRI of the event an ``add`` entry asserts."""
    return str(RES[f"event/{stable_id('curated', entry.entry_id)}"])


class _Quads:
    def __init__(self) -> None:
        self.graph = ox.NamedNode(CURATION_GRAPH)
        self.quads: set[ox.Quad] = set()

    def add(self, subject: str, predicate: str, obj: str | ox.Literal) -> None:
        node = ox.NamedNode(obj) if isinstance(obj, str) else obj
        self.quads.add(ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), node, self.graph))


def _select(store: GraphStore, sparql: str) -> ox.QuerySolutions:
    rows = store.query(sparql)
    assert isinstance(rows, ox.QuerySolutions)
    return rows


def _exists(store: GraphStore, iri: str) -> bool:
    """True when a document's graph holds the node ``iri`` (with a class)."""
    answer = store.query(
        f"ASK {{ GRAPH ?g {{ <{iri}> a ?class . ?file <{LEK.sourcePath}> ?path }} }}"
    )
    return bool(answer)


def _applied(store: GraphStore) -> set[str]:
    """The curation nodes some document's graph names with ``lek:curatedBy``."""
    rows = _select(store, f"SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ ?x <{LEK.curatedBy}> ?c }} }}")
    return {row["c"].value for row in rows}


def _document(store: GraphStore, source: str) -> str | None:
    """What a citation names: a web page's URL as it is, or the corpus file with that IRI,
    file name or source path; None when no single file answers."""
    if source.startswith(str(RES)):
        answer = store.query(f"ASK {{ GRAPH ?g {{ <{source}> <{LEK.sourcePath}> ?path }} }}")
        return source if bool(answer) else None
    if source.startswith(("http://", "https://")):
        return source
    literal = str(ox.Literal(source))
    rows = _select(
        store,
        f"""SELECT DISTINCT ?file WHERE {{ ?file <{LEK.sourcePath}> ?path .
              {{ ?file <{DCTERMS.identifier}> {literal} }}
              UNION {{ ?file <{LEK.sourcePath}> {literal} }} }}""",
    )
    files = {row["file"].value for row in rows}
    return files.pop() if len(files) == 1 else None


def _resolver(curation: Curation) -> dict[str, str]:
    """Where each merged-away node went, following chains of merges."""
    into = {entry.nodes[1]: entry.nodes[0] for entry in curation.entries if entry.action == "merge"}
    resolved = {}
    for node in into:
        seen, target = {node}, into[node]
        while target in into and target not in seen:
            seen.add(target)
            target = into[target]
        resolved[node] = target
    return resolved


def _status(store: GraphStore, entry: Entry, applied: set[str], moved: dict[str, str]) -> str:
    """Why an entry is stale, or ``""`` when it applies."""
    if entry.changes_documents:
        if curation_iri(entry) in applied:
            return ""
        if entry.action == "reject":
            return "no such assertion"
        if entry.action == "retype" and entry.from_type:
            return f"no such {entry.from_type}"
        return "no such node" if entry.action == "merge" else "no such node there"
    nodes = [moved.get(node, node) for node in entry.nodes]
    if entry.triple is not None:
        nodes.append(moved.get(entry.triple[0], entry.triple[0]))
    for node in nodes:
        if not _exists(store, node):
            return "no such node" if entry.action == "rename" else f"no such node {shorten(node)}"
    if entry.action == "add" and _document(store, entry.source) is None:
        return f"no such document {entry.source}"
    return ""


def _record_entry(quads: _Quads, entry: Entry, stale: str) -> None:
    node = curation_iri(entry)
    quads.add(node, RDF.type, LEK.Curation)
    quads.add(node, RDFS.label, ox.Literal(entry.summary))
    quads.add(node, LEK.action, ox.Literal(entry.action))
    number = ox.Literal(str(entry.number), datatype=ox.NamedNode(XSD.integer))
    quads.add(node, LEK.entryNumber, number)
    targets = entry.nodes + ((entry.triple[0],) if entry.triple else ())
    for target in targets:
        quads.add(node, LEK.target, target)
    quads.add(node, RDFS.comment, ox.Literal(entry.why))
    agent = str(RES[f"curator/{slugify(entry.who)}"])
    quads.add(node, PROV.wasAssociatedWith, agent)
    quads.add(agent, RDF.type, PROV.Agent)
    quads.add(agent, RDFS.label, ox.Literal(entry.who))
    if entry.when:
        kind = XSD.dateTime if "T" in entry.when else XSD.date
        quads.add(node, PROV.endedAtTime, ox.Literal(entry.when, datatype=ox.NamedNode(kind)))
    if entry.from_type:
        quads.add(node, LEK.fromType, LEK[entry.from_type])
    if entry.type:
        quads.add(node, LEK.toType, LEK[entry.type])
    quads.add(node, LEK.curationStatus, ox.Literal("stale" if stale else "applied"))
    if stale:
        quads.add(node, LEK.staleReason, ox.Literal(stale))


def _record_addition(quads: _Quads, entry: Entry, source: str, moved: dict[str, str]) -> None:
    """The event or triple an ``add`` entry asserts, with its citation."""
    node = curation_iri(entry)
    quads.add(node, PROV.used, source)
    quads.add(node, LEK.evidence, ox.Literal(entry.quote))
    if entry.triple is not None:
        subject, predicate, obj = entry.triple
        if isinstance(obj, ox.NamedNode):
            obj = ox.NamedNode(moved.get(obj.value, obj.value))
        node_of = ox.NamedNode(moved.get(subject, subject))
        quads.quads.add(ox.Quad(node_of, ox.NamedNode(predicate), obj, quads.graph))
        return
    event = added_event_iri(entry)
    quads.add(event, RDF.type, LEK[entry.type])
    for predicate, nodes in ((LEK.subject, entry.subjects), (LEK.agent, entry.agents)):
        for actor in nodes:
            quads.add(event, predicate, moved.get(actor, actor))
    if entry.place:
        quads.add(event, LEK.place, moved.get(entry.place, entry.place))
    date = date_literal(entry.date)
    if date is not None:
        quads.add(event, LEK.date, date)
    for words in entry.charges:
        label = " ".join(words.lower().split())
        quads.add(event, LEK.charge, offence_iri(label))
        quads.add(offence_iri(label), RDF.type, LEK.Offence)
        quads.add(offence_iri(label), RDFS.label, ox.Literal(label))
    if entry.sentence:
        quads.add(event, LEK.sentence, ox.Literal(entry.sentence))
    quads.add(event, LEK.evidence, ox.Literal(entry.quote))
    quads.add(event, PROV.wasDerivedFrom, source)
    quads.add(event, PROV.wasGeneratedBy, node)
    quads.add(event, LEK.extractor, ox.Literal("curation"))
    quads.add(event, LEK.status, ox.Literal(entry.status))


def record_curation(store: GraphStore, curation: Curation) -> Recorded:
    """Write ``res:graph/curation`` when it changed; say whether it did and what is stale.

    Call it once every document's graph is written: whether a merge, split, retype or
    reject still matches is read from the ``lek:curatedBy`` marks they left there.
    """
    previous = store.graph_quads(CURATION_GRAPH)
    applied = _applied(store) if curation.document_entries else set()
    moved = _resolver(curation)
    quads, recorded = _Quads(), Recorded()
    labels: dict[str, str] = {}  # the last label a researcher gave each node
    for entry in curation.entries:
        stale = _status(store, entry, applied, moved)
        _record_entry(quads, entry, stale)
        if stale:
            recorded.stale.append(f"{entry.summary} ({stale})")
        elif entry.action == "add":
            _record_addition(quads, entry, _document(store, entry.source) or "", moved)
        elif entry.action in ("rename", "split"):
            labels[moved.get(entry.nodes[-1], entry.nodes[-1])] = entry.label
    for node, label in labels.items():
        quads.add(node, SKOS.prefLabel, ox.Literal(label))
    if set(previous) != quads.quads:
        store.replace_graph(CURATION_GRAPH, sorted(quads.quads, key=str))
        recorded.changed = True
    return recorded
