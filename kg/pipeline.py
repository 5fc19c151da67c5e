"""The build pipeline: documents → clean text → items → extraction → RDF → store.

:func:`build` chains the stages; each changed document's graph is replaced atomically, an
unchanged one (same bytes, same pipeline) is left alone, and a document that cannot be
read is reported without stopping the others.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.clean import clean
from kg.errors import DocumentError
from kg.extract import extract_document, load_nlp
from kg.load import discover, read_source
from kg.model import Document, Item
from kg.namespaces import LEK
from kg.resolve import resolve
from kg.segment import segment
from kg.settings import Settings
from kg.store import ONTOLOGY_GRAPH, KgStore, write_lock
from kg.to_rdf import ONTOLOGY_DIR, document_quads, graph_iri, ontology_quads

__all__ = ["BuildReport", "build", "pipeline_fingerprint", "process_document"]

PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass
class BuildReport:
    """What a build did, document by document."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[DocumentError] = field(default_factory=list)
    quads: int = 0

    @property
    def ok(self) -> bool:
        """True when every document was read."""
        return not self.failed

    def summary(self) -> str:
        """One line a person reads after a build."""
        total = len(self.changed) + len(self.unchanged) + len(self.failed)
        return (
            f"{total} documents: {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
            f"{len(self.failed)} failed; the store holds {self.quads} quads"
        )


@lru_cache(maxsize=4)
def pipeline_fingerprint(settings: Settings) -> str:
    """Identify the code, ontology and model a graph was built with.

    A document whose bytes are unchanged is rebuilt anyway when this changes, so a new
    version of the extractor never leaves stale graphs behind.
    """
    digest = hashlib.sha256()
    roots = [PACKAGE_DIR, ONTOLOGY_DIR]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in {".py", ".ttl"} and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    try:
        model_version = importlib.metadata.version(settings.spacy_model)
    except importlib.metadata.PackageNotFoundError:
        model_version = "unknown"
    return f"kg {__version__} {digest.hexdigest()[:12]}; {settings.spacy_model} {model_version}"


def process_document(
    document: Document, items: Sequence[Item], parsed: Sequence[object], fingerprint: str
) -> list[ox.Quad]:
    """Extract, resolve and convert one document; return its named graph's quads."""
    extraction = extract_document(document, items, parsed)  # type: ignore[arg-type]
    resolved = resolve(document, items, extraction)
    quads = document_quads(document, items, resolved)
    graph = ox.NamedNode(graph_iri(document))
    doc_node = ox.NamedNode(f"https://w3id.org/legal-events-kg/id/doc/{document.doc_id}")
    quads.append(
        ox.Quad(doc_node, ox.NamedNode(str(LEK.builtWith)), ox.Literal(fingerprint), graph)
    )
    return quads


def _take(iterator: Iterator[object], count: int) -> list[object]:
    return list(islice(iterator, count))


def build(
    paths: Sequence[Path],
    store_path: Path,
    settings: Settings,
    *,
    debug: bool = False,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build or update the store at ``store_path`` from the documents under ``paths``."""
    report = BuildReport()
    files, errors = discover(paths, settings)
    report.failed.extend(errors)
    fingerprint = pipeline_fingerprint(settings)
    with write_lock(store_path):
        store = KgStore(store_path)
        ontology = ontology_quads()
        if set(store.graph_quads(ONTOLOGY_GRAPH)) != set(ontology):
            store.replace_graph(ONTOLOGY_GRAPH, ontology)
        states = store.document_states()
        pending: list[tuple[Document, tuple[Item, ...]]] = []
        for path, key in files:
            try:
                source = read_source(path, key, settings)
                state = states.get(source.path)
                if state and (state.content_hash, state.built_with) == (source.sha256, fingerprint):
                    report.unchanged.append(source.path)
                    continue
                document = clean(source, settings)
                pending.append((document, segment(document)))
            except DocumentError as exc:
                report.failed.append(exc)
        if pending:
            nlp = load_nlp(settings.spacy_model)
            texts = (item.text for _, items in pending for item in items)
            parsed = iter(
                nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process)
            )
            for document, items in pending:
                doc_parses = _take(parsed, len(items))
                try:
                    quads = process_document(document, items, doc_parses, fingerprint)
                except Exception as exc:  # one document's failure must not stop the build
                    if debug:
                        raise
                    report.failed.append(
                        DocumentError(
                            document.path, f"extraction failed: {type(exc).__name__}: {exc}"
                        )
                    )
                    continue
                store.replace_graph(graph_iri(document), quads)
                report.changed.append(document.path)
                if progress:
                    progress(document.path)
        store.refresh_entity_labels()
        store.flush()
        report.quads = len(store)
        del store  # close the store now: the next command may open it
    for error in report.failed:
        error.__traceback__ = None  # a kept traceback would keep this frame's store open
    report.failed.sort(key=lambda error: error.path)
    return report
