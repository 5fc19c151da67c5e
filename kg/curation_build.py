"""What a build does about curation: the pipeline's one handle on it.

Each document's quads are kept, before curation, in a cache under the store folder
(``STORE/cache/``, beside the snapshots, see ``docs/storage.md``), named by the document's
graph, content hash and pipeline.  A document whose text and pipeline are unchanged but
whose graph was curated with another version of the curation file is then curated again
from its cached quads, without being read or parsed again.  The cache is part of the store
(only the store writes): files are written whole (a temporary file renamed) under the
build's writer lock, and those no stored document needs are removed after a build.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.curation import Curation
from kg.curation_apply import curate_document
from kg.curation_record import Recorded, record_curation
from kg.errors import StoreError
from kg.model import stable_id
from kg.namespaces import LEK
from kg.store import DocumentState, GraphStore

__all__ = ["CACHE_DIR", "CurationStep", "DocumentCache"]

#: The cache's folder in a store folder.
CACHE_DIR = "cache"
_SUFFIX = ".nq"


class DocumentCache:
    """Each document's quads before curation, as N-Quads files named by a key of its graph,
    content hash and pipeline (:meth:`key`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(graph: str, content_hash: str, built_with: str) -> str:
        """The file name's stem for one version of one document's graph."""
        return stable_id(graph, content_hash, built_with, length=32)

    def read(self, key: str) -> bytes | None:
        """The cached N-Quads, or None when there are none."""
        try:
            return (self.folder / (key + _SUFFIX)).read_bytes()
        except OSError:
            return None

    def write(self, key: str, nquads: bytes) -> None:
        """Keep ``nquads`` under ``key``, whole or not at all."""
        target = self.folder / (key + _SUFFIX)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(nquads)
            os.replace(temporary, target)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise StoreError(f"cannot write the document cache {target}: {exc}") from exc

    def prune(self, keep: Iterable[str]) -> None:
        """Remove every cached file whose key is not in ``keep`` (best effort)."""
        wanted = {key + _SUFFIX for key in keep}
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.name not in wanted:
                entry.unlink(missing_ok=True)


def _key(state: DocumentState) -> str:
    return DocumentCache.key(state.graph, state.content_hash, state.built_with)


def _key_of(graph: str, quads: Iterable[ox.Quad]) -> str:
    """The cache key of a document's graph, from the hashes the graph itself records."""
    found = {
        quad.predicate.value: quad.object.value
        for quad in quads
        if quad.predicate.value in (str(LEK.contentHash), str(LEK.builtWith))
        and isinstance(quad.object, ox.Literal)
    }
    content_hash, built_with = (found.get(str(p), "") for p in (LEK.contentHash, LEK.builtWith))
    return DocumentCache.key(graph, content_hash, built_with)


class CurationStep:
    """The curation as a build applies it: to each changed document's quads (keeping them
    in the cache first), again to unchanged documents curated with another version of the
    file, and finally as the curation graph.  ``cache`` is None for a SPARQL server: a
    changed curation then re-reads the documents it must apply to."""

    def __init__(self, curation: Curation, cache: DocumentCache | None) -> None:
        self.curation = curation
        self.cache = cache

    def is_current(self, state: DocumentState) -> bool:
        """True when the document's graph was curated with this curation."""
        return state.curated_with == self.curation.document_hash

    def recurate(self, state: DocumentState) -> list[ox.Quad] | None:
        """The document's graph curated anew from its cached quads, or None when they are
        not in the cache (the document is then read again)."""
        if self.cache is None:
            return None
        cached = self.cache.read(_key(state))
        if cached is None:
            return None
        quads = list(ox.parse(cached, format=ox.RdfFormat.N_QUADS))
        return curate_document(self.curation, quads)

    def curate(self, graph: str, nquads: bytes) -> list[ox.Quad]:
        """A freshly built document's graph (as N-Quads), curated; it is cached first."""
        quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
        if self.cache is not None:
            self.cache.write(_key_of(graph, quads), nquads)
        return curate_document(self.curation, quads)

    def record(self, store: GraphStore) -> Recorded:
        """Write the curation graph (once the documents' graphs are written)."""
        return record_curation(store, self.curation)

    def prune(self, store: GraphStore) -> None:
        """Drop cached quads no stored document is built from any more."""
        if self.cache is not None:
            self.cache.prune(_key(state) for state in store.document_states().values())
