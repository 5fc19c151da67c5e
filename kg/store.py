"""The embedded on-disk store: one named graph per source document, replaced atomically.

Only this module (with :mod:`kg.snapshots`) writes.  A build writes into a private working
copy of the published store (:func:`open_for_writing`) and publishes it whole at the end,
so readers never see a build half-way and a killed build changes nothing; a lock file keeps
a second writer out while a build runs.  Within the copy, each document's graph is replaced
in one Oxigraph transaction (a single SPARQL Update ``DROP``/``INSERT DATA``).
"""

from __future__ import annotations

import fcntl
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

import pyoxigraph as ox

from kg import snapshots
from kg.errors import StoreError, StoreLockedError
from kg.namespaces import LEK, RDFS, SKOS
from kg.namespaces import RES as RES_NS
from kg.to_rdf import ENTITIES_GRAPH, ONTOLOGY_GRAPH

__all__ = [
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
    "read_document_states",
    "write_lock",
]

RES = str(RES_NS)
ENTITY_GRAPH = ENTITIES_GRAPH
LOCK_NAME = "kg-build.lock"


@dataclass(frozen=True)
class DocumentState:
    """What the store remembers of a document: its graph, content hash and pipeline."""

    graph: str
    content_hash: str
    built_with: str


def choose_label(name_counts: Counter[str]) -> str:
    """Pick an entity's label: the name used by most files, then the longest, then A–Z.

    >>> choose_label(Counter({"Sokha": 2, "Kem Sokha": 2, "Mr. Sokha": 1}))
    'Kem Sokha'
    """
    return min(name_counts, key=lambda name: (-name_counts[name], -len(name), name))


@contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Hold the store's writer lock, or fail at once if another build holds it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        handle = open(path / LOCK_NAME, "a+")  # noqa: SIM115 (closed by the block below)
    except OSError as exc:
        raise StoreError(f"cannot use {path} as a store folder ({exc.strerror or exc})") from exc
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreLockedError(
                f"another kg build is writing to {path}; wait for it to finish"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def open_for_writing(path: Path) -> Iterator[KgStore]:
    """Hold the writer lock and yield a working copy of the store folder ``path``.

    When the block ends without an error the copy is published as the store in one atomic
    step; on an error (or a kill) the published store stays as it was.  Readers keep
    reading the published store meanwhile.  Raises :class:`StoreLockedError` at once when
    another build holds the lock.
    """
    with write_lock(path):
        store = KgStore(snapshots.prepare_work(path))
        try:
            yield store
            store.flush()
            snapshots.publish(path, store.oxigraph)
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
        f"""SELECT ?g ?path ?hash ?with WHERE {{ GRAPH ?g {{
              ?d {_term(LEK.sourcePath)} ?path ; {_term(LEK.contentHash)} ?hash ;
                 {_term(LEK.builtWith)} ?with }} }}""",
    )
    return {
        row["path"].value: DocumentState(row["g"].value, row["hash"].value, row["with"].value)
        for row in rows
    }


def entity_label_quads(store: SparqlStore) -> list[ox.Quad]:
    """The entity graph recomputed from every document's ``lek:name`` values: one
    ``rdfs:label`` per actor (:func:`choose_label`), its other names as ``skos:altLabel``."""
    rows = _select(
        store, f"SELECT ?e ?name ?g WHERE {{ GRAPH ?g {{ ?e {_term(LEK.name)} ?name }} }}"
    )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        counts[row["e"].value][row["name"].value] += 1
    quads = []
    graph = ox.NamedNode(ENTITY_GRAPH)
    label, alt = ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel))
    for entity in sorted(counts):
        names = counts[entity]
        chosen = choose_label(names)
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
    """

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self._pin: IO[str] | None = None
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                snapshot, self._pin = snapshots.pin_current(path)
                self._store = ox.Store.read_only(str(snapshot))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
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
        """The underlying :class:`pyoxigraph.Store`, for read-only use by other modules."""
        return self._store

    # -- reading -----------------------------------------------------------------------

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query whose default graph is the union of all named graphs."""
        return self._store.query(sparql, use_default_graph_as_union=True)

    def document_states(self) -> dict[str, DocumentState]:
        """Map each stored document's source path to its graph and hashes."""
        return read_document_states(self)

    def __len__(self) -> int:
        return len(self._store)

    # -- writing -----------------------------------------------------------------------

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace the named graph ``graph`` with ``quads`` in one transaction."""
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        update = f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}"
        try:
            self._store.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot write graph {graph}: {exc}") from exc

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

    def dump_sorted_nquads(self, output: IO[bytes]) -> None:
        """Write every quad as N-Quads, lines sorted, so equal graphs give equal bytes."""
        data = self._store.dump(format=ox.RdfFormat.N_QUADS)
        assert data is not None
        lines = sorted(set(data.decode("utf-8").splitlines()))
        output.write(("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))

    def dump(self, output: IO[bytes], rdf_format: ox.RdfFormat) -> None:
        """Write the store in ``rdf_format``; triple formats get the union of all graphs."""
        if rdf_format.supports_datasets:
            self._store.dump(output, format=rdf_format, prefixes=PREFIXES)
            return
        union = ox.Store()
        union.extend(
            ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in self._store
        )
        union.dump(output, format=rdf_format, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)


PREFIXES = {
    "lek": "https://w3id.org/legal-events-kg/ontology#",
    "res": RES,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
