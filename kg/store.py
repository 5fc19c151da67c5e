"""The embedded on-disk store: one named graph per source document, and their union.

Only this module (with :mod:`kg.snapshots` and :mod:`kg.union`) writes.  A build writes into
a private working copy of the published store (:func:`open_for_writing`) and publishes it
whole at the end, so readers never see a build half-way and a killed build changes nothing;
a lock file keeps a second writer out while a build runs.  Within the copy, replacing a
document's graph writes only the quads that differ, and keeps the default graph equal to
the set union of the named graphs (:mod:`kg.union`), which is what queries read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Protocol

import pyoxigraph as ox

from kg import snapshots, union
from kg.errors import StoreError
from kg.namespaces import LEK, RDFS, SKOS
from kg.namespaces import RES as RES_NS
from kg.snapshots import write_lock
from kg.to_rdf import ENTITIES_GRAPH, ONTOLOGY_GRAPH

__all__ = [
    "CURATION_GRAPH",
    "ENTITY_GRAPH",
    "ONTOLOGY_GRAPH",
    "PREFIXES",
    "DocumentState",
    "GraphStore",
    "KgStore",
    "QueryResult",
    "SparqlStore",
    "choose_label",
    "entity_label_quads",
    "open_for_writing",
    "patch_graph",
    "read_document_states",
    "stored_states",
    "write_lock",
]

RES = str(RES_NS)
ENTITY_GRAPH = ENTITIES_GRAPH
#: The curation's graph (kg.curation_record): a researcher's label is its ``skos:prefLabel``.
CURATION_GRAPH = str(RES_NS["graph/curation"])
#: Up to this many files, a build looks their states up one by one (:func:`stored_states`).
FEW_PATHS = 200


@dataclass(frozen=True)
class DocumentState:
    """What the store remembers of a document: its graph, content hash and pipeline, and
    the hash of the curation applied to it (``""`` when none was)."""

    graph: str
    content_hash: str
    built_with: str
    curated_with: str = ""


def choose_label(name_counts: Counter[str]) -> str:
    """Pick an entity's label: the name used by most files, then the longest, then A–Z.

    >>> choose_label(Counter({"Sokha": 2, "Kem Sokha": 2, "Mr. Sokha": 1}))
    'Kem Sokha'
    """
    return min(name_counts, key=lambda name: (-name_counts[name], -len(name), name))


@contextmanager
def open_for_writing(path: Path) -> Iterator[KgStore]:
    """Hold the writer lock and yield a working copy of the store folder ``path``.

    When the block ends without an error the copy is published as the store in one atomic
    step; on an error (or a kill) the published store stays as it was.  Readers keep
    reading the published store meanwhile.  Raises :class:`StoreLockedError` at once when
    another build holds the lock.
    """
    with write_lock(path):
        count = snapshots.read_quad_count(snapshots.current_version(path))
        store = KgStore(snapshots.prepare_work(path), quad_count=count)
        try:
            yield store
            store.flush()
            snapshots.publish(path, store.oxigraph, store.known_quad_count)
        finally:
            store.close()
            snapshots.discard_work(path)


def _term(node: str) -> str:
    return f"<{node}>"


QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


class SparqlStore(Protocol):
    """What the readers need: SPARQL over the union of all graphs, from :class:`KgStore` or
    from a server (:class:`kg.remote.RemoteStore`)."""

    def query(self, sparql: str) -> QueryResult: ...


class GraphStore(SparqlStore, Protocol):
    """What a build writes to: the embedded store's working copy, or a SPARQL server."""

    def document_states(self) -> dict[str, DocumentState]: ...

    def graph_quads(self, graph: str) -> list[ox.Quad]: ...

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None: ...

    def refresh_entity_labels(self) -> None: ...

    def __len__(self) -> int: ...


def _select(store: SparqlStore, sparql: str) -> ox.QuerySolutions:
    rows = store.query(sparql)
    assert isinstance(rows, ox.QuerySolutions)
    return rows


def read_document_states(store: SparqlStore) -> dict[str, DocumentState]:
    """Map each document in ``store`` to its graph and hashes, keyed by its source path."""
    rows = _select(
        store,
        f"""SELECT ?g ?path ?hash ?with ?curated WHERE {{ GRAPH ?g {{
              ?d {_term(LEK.sourcePath)} ?path ; {_term(LEK.contentHash)} ?hash ;
                 {_term(LEK.builtWith)} ?with
              OPTIONAL {{ ?d {_term(LEK.curatedWith)} ?curated }} }} }}""",
    )
    return {
        row["path"].value: DocumentState(
            row["g"].value,
            row["hash"].value,
            row["with"].value,
            row["curated"].value if row["curated"] is not None else "",
        )
        for row in rows
    }


def entity_label_quads(store: SparqlStore, entities: Iterable[str] | None = None) -> list[ox.Quad]:
    """The entity graph recomputed from every document's ``lek:name`` values: one
    ``rdfs:label`` per actor (:func:`choose_label`, unless a researcher renamed it: its
    ``skos:prefLabel`` in the curation graph), its other names as ``skos:altLabel``.

    With ``entities``, only those entities' part of it (what a few changed documents touch).
    """
    values = "" if entities is None else f"VALUES ?e {{ {' '.join(map(_term, entities))} }}"
    rows = _select(
        store,
        f"SELECT ?e ?name ?g WHERE {{ {values} GRAPH ?g {{ ?e {_term(LEK.name)} ?name }} }}",
    )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        counts[row["e"].value][row["name"].value] += 1
    preferred = _select(
        store,
        f"""SELECT ?e ?label WHERE {{ {values}
              GRAPH {_term(CURATION_GRAPH)} {{ ?e {_term(SKOS.prefLabel)} ?label }} }}""",
    )
    given = {row["e"].value: row["label"].value for row in preferred}  # renamed by a researcher
    quads = []
    graph = ox.NamedNode(ENTITY_GRAPH)
    label, alt = ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel))
    for entity in sorted(counts):
        names = counts[entity]
        chosen = given.get(entity) or choose_label(names)
        node = ox.NamedNode(entity)
        quads.append(ox.Quad(node, label, ox.Literal(chosen), graph))
        quads.extend(
            ox.Quad(node, alt, ox.Literal(name), graph) for name in sorted(names) if name != chosen
        )
    return quads


class KgStore:
    """An Oxigraph store: in memory (``path`` None), a store folder's published snapshot
    (``read_only``), or a plain Oxigraph folder opened for writing (the working copy that
    :func:`open_for_writing` hands out; builds never write to a published snapshot).

    A reader pins its snapshot: no build deletes it until :meth:`close` or the object's end.
    ``quad_count`` is the named graphs' quad count when known (the snapshot recorded it), so
    that ``len`` costs nothing; it is kept up to date by every write.
    """

    def __init__(
        self, path: Path | None, *, read_only: bool = False, quad_count: int | None = None
    ) -> None:
        self.path = path
        self._pin: IO[str] | None = None
        self.known_quad_count = quad_count
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                snapshot, self._pin = snapshots.pin_current(path)
                self._store = ox.Store.read_only(str(snapshot))
                self.known_quad_count = snapshots.read_quad_count(snapshot)
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
                union.fill_default_graph(self._store)  # a store written before it was kept
        except OSError as exc:
            self.close()
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc

    def close(self) -> None:
        """Let go of the files (and of a reader's pin); the object is empty afterwards."""
        self._store = ox.Store()
        if self._pin is not None:
            self._pin.close()
            self._pin = None

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`, for read-only use by other modules
        (whose queries go through :func:`kg.union.query_union`)."""
        return self._store

    # -- reading -----------------------------------------------------------------------

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query whose default graph is the union of all named graphs, each
        triple once; ``GRAPH ?g`` ranges over the named graphs only."""
        return union.query_union(self._store, sparql)

    def document_states(self, paths: Collection[str] | None = None) -> dict[str, DocumentState]:
        """Map each stored document's source path (or each of ``paths`` that is stored) to
        its graph and hashes.

        Index scans (one per predicate) joined here: a few times faster than the SPARQL join
        of :func:`read_document_states` on a store of thousands of documents.  With
        ``paths``, a few look-ups per path instead: a build naming a few files of a big store.
        """
        facts = [
            ox.NamedNode(str(predicate))
            for predicate in (LEK.sourcePath, LEK.contentHash, LEK.builtWith, LEK.curatedWith)
        ]
        if paths is not None:
            return dict(filter(None, map(partial(self._state_of, facts), paths)))
        path, content, built, curated = (
            {
                (quad.graph_name, quad.subject): quad.object.value
                for quad in self._store.quads_for_pattern(None, predicate, None)
                if isinstance(quad.graph_name, ox.NamedNode) and isinstance(quad.object, ox.Literal)
            }
            for predicate in facts
        )
        return {
            value: DocumentState(key[0].value, content[key], built[key], curated.get(key, ""))
            for key, value in path.items()
            if key in content and key in built
        }

    def _state_of(self, facts: list[ox.NamedNode], path: str) -> tuple[str, DocumentState] | None:
        for quad in self._store.quads_for_pattern(None, facts[0], ox.Literal(path)):
            values = [
                next(self._store.quads_for_pattern(quad.subject, fact, None, quad.graph_name), None)
                for fact in facts[1:]
            ]
            content, built, curated = (
                found.object.value if found and isinstance(found.object, ox.Literal) else None
                for found in values
            )
            if isinstance(quad.graph_name, ox.NamedNode) and content and built:
                return path, DocumentState(quad.graph_name.value, content, built, curated or "")
        return None

    def __len__(self) -> int:
        """The number of quads in the named graphs (the default graph's copies not counted)."""
        if self.known_quad_count is None:
            self.known_quad_count = union.named_quad_count(self._store)
        return self.known_quad_count

    # -- writing -----------------------------------------------------------------------

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace the named graph ``graph`` with ``quads`` (an empty list removes it)."""
        name = ox.NamedNode(graph)
        old = set(self._store.quads_for_pattern(None, None, None, name))
        self._change(name, old, {ox.Quad(q.subject, q.predicate, q.object, name) for q in quads})

    def _change(self, name: ox.NamedNode, old: set[ox.Quad], new: set[ox.Quad]) -> None:
        """Turn the quads ``old`` of the graph ``name`` (all stored) into ``new`` (all of
        that graph), writing only those that differ, and the default graph with them: it
        gains the added triples and loses the removed ones no other named graph holds."""
        removed, added = old - new, new - old
        try:
            for quad in [*removed, *union.orphans(self._store, removed)]:
                self._store.remove(quad)
            self._store.extend([*added, *union.default_copies(added)])
        except OSError as exc:
            raise StoreError(f"cannot write graph {name.value}: {exc}") from exc
        if self.known_quad_count is not None:
            self.known_quad_count += len(added) - len(removed)

    def patch_graph(
        self, graph: str, stale: Collection[ox.NamedNode], fresh: Iterable[ox.Quad]
    ) -> None:
        """Replace the quads of ``graph`` about the ``stale`` nodes (as subject or object)
        with ``fresh``, leaving the rest of the graph untouched."""
        name = ox.NamedNode(graph)
        new = {ox.Quad(q.subject, q.predicate, q.object, name) for q in fresh}
        old = {q for q in new if q in self._store}  # stored already, maybe about other nodes
        for node in stale:
            old.update(self._store.quads_for_pattern(node, None, None, name))
            old.update(self._store.quads_for_pattern(None, None, node, name))
        self._change(name, old, new)

    def refresh_entity_labels(self) -> None:
        """Recompute the entity graph: one ``rdfs:label`` per actor, other names as altLabels."""
        self.replace_graph(ENTITY_GRAPH, entity_label_quads(self))

    def graph_quads(self, graph: str) -> list[ox.Quad]:
        """Return the quads of one named graph."""
        return list(self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def flush(self) -> None:
        """Make sure everything written is on disk."""
        if self.path is not None:
            self._store.flush()

    # -- export ------------------------------------------------------------------------

    def named_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the named graphs (the default graph's copies of them left out)."""
        return union.named_quads(self._store)

    def dump_sorted_nquads(self, output: IO[bytes]) -> None:
        """Write the named graphs as N-Quads, lines sorted, so equal graphs give equal bytes."""
        data = ox.serialize(self.named_quads(), format=ox.RdfFormat.N_QUADS)
        assert data is not None
        lines = sorted(set(data.decode("utf-8").splitlines()))
        output.write(("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))

    def dump(self, output: IO[bytes], rdf_format: ox.RdfFormat) -> None:
        """Write the store in ``rdf_format``: a dataset format gets the named graphs, a
        triple format the default graph (their union)."""
        if rdf_format.supports_datasets:
            ox.serialize(self.named_quads(), output, format=rdf_format, prefixes=PREFIXES)
            return
        source = union.union_source(self._store)
        source.dump(output, format=rdf_format, from_graph=union.DEFAULT_GRAPH, prefixes=PREFIXES)


def patch_graph(
    store: GraphStore, graph: str, stale: Collection[ox.NamedNode], fresh: Iterable[ox.Quad]
) -> None:
    """Replace the quads of the derived graph ``graph`` about the ``stale`` nodes (as subject
    or object) with ``fresh``: in place in the embedded store, by rewriting the graph whole
    on a server."""
    if isinstance(store, KgStore):
        store.patch_graph(graph, stale, fresh)
        return
    kept = [q for q in store.graph_quads(graph) if q.subject not in stale and q.object not in stale]
    store.replace_graph(graph, [*kept, *fresh])


def stored_states(store: GraphStore, paths: Collection[str]) -> dict[str, DocumentState]:
    """The stored states of the documents at ``paths`` (and maybe of others): looked up one
    by one when they are a few, as when one file is added to a big store, else all read."""
    if isinstance(store, KgStore) and len(paths) <= FEW_PATHS:
        return store.document_states(paths)
    return store.document_states()


PREFIXES = {
    "lek": "https://w3id.org/legal-events-kg/ontology#",
    "res": RES,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
