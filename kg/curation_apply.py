"""Apply the curation to one document's graph: a deterministic transform of its quads.

The build runs :func:`curate_document` on each document's quads just before they are
written, so the entity, proceedings and events graphs computed from the store afterwards
follow the corrections.  Merge, split, retype and reject act here; rename and add act
through the curation graph (:mod:`kg.curation_record`).  Where an entry changed something, the
node it changed (or the document, for a rejection) gets ``lek:curatedBy`` the entry's node,
which is how the build knows which entries still match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from kg.curation import Curation, Entry, expand_iri, type_in_iri
from kg.model import ACTOR_TYPES, EVENT_TYPES
from kg.namespaces import DCTERMS, LEK, RDF, RES, SKOS

__all__ = ["curate_document", "curation_iri"]

_TYPE = ox.NamedNode(str(RDF.type))
_NAME = ox.NamedNode(str(LEK.name))
_ALT = ox.NamedNode(str(SKOS.altLabel))
_MENTIONED = ox.NamedNode(str(LEK.mentionedIn))
_CURATED_BY = ox.NamedNode(str(LEK.curatedBy))
_REPORT = ox.NamedNode(str(LEK.report))
_MEMBER = ox.NamedNode(str(LEK.member))
_ORGANIZATION = ox.NamedNode(str(LEK.organization))
_MEMBER_OF = ox.NamedNode(str(LEK.memberOf))
_MEMBERSHIP = ox.NamedNode(str(LEK.Membership))
_ACTOR_CLASSES = frozenset(ox.NamedNode(str(LEK[name])) for name in ACTOR_TYPES)
_EVENT_CLASSES = frozenset(ox.NamedNode(str(LEK[name])) for name in EVENT_TYPES)
#: What a quad's object may be (kg's graphs hold no blank nodes nor quoted triples).
_Object = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def curation_iri(entry: Entry) -> str:
    """The IRI of an entry's ``lek:Curation`` node: stable while the entry's content is."""
    return str(RES[f"curation/{entry.entry_id}"])


class _Graph:
    """One document's quads while entries are applied, with the document's own names."""

    def __init__(self, quads: Iterable[ox.Quad]) -> None:
        self.quads = set(quads)
        self.graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph = ox.DefaultGraph()
        self.document: ox.NamedNode | None = None
        self.keys: set[str] = set()  # the file's IRI, file name and source path
        for quad in self.quads:
            self.graph = quad.graph_name
            key = quad.object.value if isinstance(quad.object, ox.Literal) else ""
            if quad.predicate.value == str(LEK.sourcePath) and isinstance(
                quad.subject, ox.NamedNode
            ):
                self.document = quad.subject
                self.keys.update((quad.subject.value, key))
            elif quad.predicate.value == str(DCTERMS.identifier):
                self.keys.add(key)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the set of IRIs the graph mentions (after a change)."""
        self.iris = {
            term.value
            for q in self.quads
            for term in (q.subject, q.object)
            if isinstance(term, ox.NamedNode)
        }

    def quad(self, subject: ox.NamedNode, predicate: ox.NamedNode, obj: _Object) -> ox.Quad:
        return ox.Quad(subject, predicate, obj, self.graph)

    def values(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> set[_Object]:
        return {q.object for q in self.quads if q.subject == subject and q.predicate == predicate}

    def nodes(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> set[ox.NamedNode]:
        return {o for o in self.values(subject, predicate) if isinstance(o, ox.NamedNode)}

    def rewrite(self, old: ox.NamedNode, new: ox.NamedNode) -> None:
        """Put ``new`` wherever ``old`` is, as subject or object."""
        changed = set()
        for q in self.quads:
            subject = new if q.subject == old else q.subject
            obj = new if q.object == old else q.object
            changed.add(ox.Quad(subject, q.predicate, obj, q.graph_name))
        self.quads = changed

    def set_types(self, node: ox.NamedNode, classes: set[_Object]) -> None:
        self.quads = {q for q in self.quads if not (q.subject == node and q.predicate == _TYPE)}
        self.quads.update(self.quad(node, _TYPE, cls) for cls in classes)

    def mark(self, node: ox.NamedNode | None, entry: Entry) -> None:
        if node is not None:
            self.quads.add(self.quad(node, _CURATED_BY, ox.NamedNode(curation_iri(entry))))


def curate_document(curation: Curation, quads: Sequence[ox.Quad]) -> list[ox.Quad]:
    """Return one document's quads with the curation's document entries applied in order,
    and ``lek:curatedWith`` the curation's hash on the file when there are any.

    The same quads and curation always give the same output (sorted), whatever else the
    store holds, so a document's curated graph can be rebuilt from its cached quads alone.
    """
    entries = curation.document_entries
    if not entries:
        return list(quads)
    graph = _Graph(quads)
    declared: dict[str, str] = {}  # node IRI -> the class entries so far gave it
    for entry in entries:
        if _APPLY[entry.action](graph, entry, declared):
            graph.refresh()
        if entry.action == "retype":
            declared[entry.nodes[0]] = str(LEK[entry.type])
        elif entry.action == "split" and entry.type:
            declared[entry.nodes[1]] = str(LEK[entry.type])
    if graph.document is not None:
        hashed = ox.Literal(curation.document_hash)
        graph.quads.add(graph.quad(graph.document, ox.NamedNode(str(LEK.curatedWith)), hashed))
    return sorted(graph.quads, key=str)


def _declared_type(iri: str, declared: dict[str, str]) -> ox.NamedNode | None:
    found = declared.get(iri) or (str(LEK[kind]) if (kind := type_in_iri(iri)) else "")
    return ox.NamedNode(found) if found else None


def _merge(graph: _Graph, entry: Entry, declared: dict[str, str]) -> bool:
    """``keep`` absorbs ``absorb``: every quad naming it names ``keep`` instead, its names
    become ``keep``'s ``skos:altLabel`` (not ``lek:name``, so they never take ``keep``'s
    label), and ``keep`` keeps one class."""
    keep_iri, absorb_iri = entry.nodes
    if absorb_iri not in graph.iris:
        return False
    keep, absorb = ox.NamedNode(keep_iri), ox.NamedNode(absorb_iri)
    own_types, absorbed_types = graph.values(keep, _TYPE), graph.values(absorb, _TYPE)
    absorbed_names = graph.values(absorb, _NAME) - graph.values(keep, _NAME)
    graph.rewrite(absorb, keep)
    known = _declared_type(keep_iri, declared)
    graph.set_types(keep, {known} if known else (own_types or absorbed_types))
    graph.quads -= {graph.quad(keep, _NAME, name) for name in absorbed_names}
    graph.quads.update(graph.quad(keep, _ALT, name) for name in absorbed_names)
    graph.mark(keep, entry)
    return True


def _in_documents(graph: _Graph, documents: tuple[str, ...]) -> bool:
    return any((expand_iri(key) or key) in graph.keys for key in documents)


def _split(graph: _Graph, entry: Entry, declared: dict[str, str]) -> bool:
    """The node's occurrences in the named documents, or under the named surface names,
    become the new node (all of them when every name the document uses is named; else only
    those names move, with the node's class and mentions)."""
    node_iri, new_iri = entry.nodes
    if node_iri not in graph.iris:
        return False
    if entry.documents and not _in_documents(graph, entry.documents):
        return False
    node, new = ox.NamedNode(node_iri), ox.NamedNode(new_iri)
    names = {name for name in graph.values(node, _NAME) if isinstance(name, ox.Literal)}
    wanted = {name.casefold() for name in entry.names}
    moving = {name for name in names if name.value.casefold() in wanted} if wanted else names
    if not moving:
        return False
    types: set[_Object] = (
        {ox.NamedNode(str(LEK[entry.type]))} if entry.type else graph.values(node, _TYPE)
    )
    if moving == names:
        graph.rewrite(node, new)
    else:
        graph.quads -= {graph.quad(node, _NAME, name) for name in moving}
        graph.quads.update(graph.quad(new, _NAME, name) for name in moving)
        graph.quads.update(graph.quad(new, _MENTIONED, m) for m in graph.values(node, _MENTIONED))
    graph.set_types(new, types)
    graph.mark(new, entry)
    return True


def _retype(graph: _Graph, entry: Entry, declared: dict[str, str]) -> bool:
    """The node's class becomes the entry's (only from ``from`` when the entry names it; an
    actor class only for an actor)."""
    node = ox.NamedNode(entry.nodes[0])
    current = graph.values(node, _TYPE)
    if not current:
        return False
    if entry.from_type and ox.NamedNode(str(LEK[entry.from_type])) not in current:
        return False
    if not entry.from_type and not current <= _ACTOR_CLASSES:
        return False
    graph.set_types(node, {ox.NamedNode(str(LEK[entry.type]))})
    graph.mark(node, entry)
    return True


def _reject(graph: _Graph, entry: Entry, declared: dict[str, str]) -> bool:
    """Drop an event or membership (with its reports, and the ``lek:memberOf`` shortcut no
    other membership supports) or one triple."""
    if entry.triple is not None:
        subject, predicate, obj = entry.triple
        doomed = {
            q
            for q in graph.quads
            if q.subject == ox.NamedNode(subject)
            and q.predicate == ox.NamedNode(predicate)
            and _same_object(q.object, obj)
        }
    else:
        doomed = _assertion_quads(graph, ox.NamedNode(entry.nodes[0]))
    if not doomed:
        return False
    graph.quads -= doomed
    graph.mark(graph.document, entry)
    return True


def _same_object(found: _Object, wanted: ox.NamedNode | ox.Literal) -> bool:
    """A node matches itself; a value matches a literal of the same text, whatever its type."""
    if isinstance(wanted, ox.Literal):
        return isinstance(found, ox.Literal) and found.value == wanted.value
    return found == wanted


def _assertion_quads(graph: _Graph, node: ox.NamedNode) -> set[ox.Quad]:
    """The quads of an event or membership: its own, its reports', and the membership's
    ``lek:memberOf`` shortcut when no other membership of the graph gives it."""
    types = graph.values(node, _TYPE)
    if _MEMBERSHIP not in types and types.isdisjoint(_EVENT_CLASSES):
        return set()
    doomed = {q for q in graph.quads if node in (q.subject, q.object)}
    reports = graph.nodes(node, _REPORT)
    doomed |= {q for q in graph.quads if q.subject in reports}
    for member in graph.nodes(node, _MEMBER):
        for organization in graph.nodes(node, _ORGANIZATION):
            still_given = any(
                q.predicate == _MEMBER
                and q.object == member
                and q.subject != node
                and isinstance(q.subject, ox.NamedNode)
                and organization in graph.values(q.subject, _ORGANIZATION)
                for q in graph.quads
            )
            if not still_given:
                doomed.add(graph.quad(member, _MEMBER_OF, organization))
    return doomed


_APPLY = {"merge": _merge, "split": _split, "retype": _retype, "reject": _reject}
