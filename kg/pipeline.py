"""The build pipeline: documents → clean text → items → extraction → RDF → store.

:func:`build` chains the stages; each changed document's graph is replaced, an unchanged one
(same bytes, same pipeline) is left alone, and a document that cannot be read is reported
without stopping the others.  The build writes into a working copy that is published whole
at the end (:func:`kg.store.open_for_writing`): queries meanwhile see the previous store.
A SPARQL server (:class:`kg.remote.RemoteStore`) is written graph by graph instead.
The researchers' curation file is applied to each document's quads as they are written,
and again, from the cache of pre-curation quads, when only the file changed
(:mod:`kg.curation_build`, ``docs/curation.md``).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.chunks import split_long_items
from kg.curation import load_curation
from kg.curation_build import CACHE_DIR, CurationStep, DocumentCache
from kg.derived import INCREMENTAL_LIMIT, Changes, refresh_derived
from kg.errors import DocumentError
from kg.happenings import refresh_happenings
from kg.load import discover, read_source
from kg.model import Document, Item, Source, stable_id
from kg.namespaces import LEK
from kg.segment import segment
from kg.settings import Settings
from kg.store import ONTOLOGY_GRAPH, GraphStore, open_for_writing, stored_states
from kg.to_rdf import ONTOLOGY_DIR, document_quads, graph_iri, ontology_quads
from kg.workers import choose_processes, ordered_map

__all__ = [
    "BuildReport",
    "build",
    "built_with",
    "pipeline_fingerprint",
    "process_document",
]

PACKAGE_DIR = Path(__file__).resolve().parent
#: Documents handed to a worker at once: enough to fill spaCy's batches.
BATCH_DOCUMENTS = 16


@dataclass
class BuildReport:
    """What a build did, document by document."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[DocumentError] = field(default_factory=list)
    quads: int = 0
    #: Documents not read again, their cached quads curated anew (the curation changed).
    recurated: list[str] = field(default_factory=list)
    #: Curation entries that match nothing, one line each.
    stale: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every document was read."""
        return not self.failed

    def summary(self) -> str:
        """One line a person reads after a build."""
        total = len(self.changed) + len(self.unchanged) + len(self.failed) + len(self.recurated)
        line = (
            f"{total} documents: {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
            f"{len(self.failed)} failed"
        )
        if self.recurated:
            line += f", {len(self.recurated)} curated again from the cache"
        line += f"; the store holds {self.quads} quads"
        if self.stale:
            entries = "entry" if len(self.stale) == 1 else "entries"
            line += f"; curation: {len(self.stale)} stale {entries}: " + "; ".join(self.stale)
        return line


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


def built_with(fingerprint: str, source: Source) -> str:
    """What a file's graph is built with: the pipeline, and what its manifest entry states,
    so that editing the manifest rebuilds the files whose entry changed."""
    stated = (source.title, source.date, source.publisher)
    return f"{fingerprint}; manifest {stable_id(*stated)}" if any(stated) else fingerprint


def process_document(
    document: Document,
    items: Sequence[Item],
    parsed: Sequence[object],
    fingerprint: str,
    *,
    pieces: Sequence[Item] | None = None,
) -> list[ox.Quad]:
    """Extract, resolve and convert one document; return its named graph's quads.

    ``parsed[i]`` is the parse of ``pieces[i]``: the items, or the items with the long ones
    cut by :func:`kg.chunks.split_long_items` (the default is the items themselves).
    """
    from kg.extract import extract_document  # spaCy loads only when a document is parsed
    from kg.resolve import resolve

    extraction = extract_document(document, pieces or items, parsed)  # type: ignore[arg-type]
    resolved = resolve(document, items, extraction)
    quads = document_quads(document, items, resolved)
    graph = ox.NamedNode(graph_iri(document))
    doc_node = ox.NamedNode(f"https://w3id.org/legal-events-kg/id/doc/{document.doc_id}")
    quads.append(
        ox.Quad(doc_node, ox.NamedNode(str(LEK.builtWith)), ox.Literal(fingerprint), graph)
    )
    return quads


def _unexpected(path: str, stage: str, exc: Exception) -> DocumentError:
    """A one-line failure for an exception no stage expected (the first line of its text)."""
    first_line = next(iter(str(exc).splitlines()), "")
    return DocumentError(path, f"{stage} failed: {type(exc).__name__}: {first_line}")


def _take(iterator: Iterator[object], count: int) -> list[object]:
    return list(islice(iterator, count))


@dataclass(frozen=True)
class _Outcome:
    """What became of one changed document: its graph as N-Quads, or why it failed."""

    path: str
    graph: str = ""
    nquads: bytes = b""
    failure: str | None = None


def _failed(error: DocumentError) -> _Outcome:
    return _Outcome(error.path, failure=error.reason)


def _process_batch(
    batch: Sequence[tuple[Path, str]], settings: Settings, fingerprint: str, debug: bool
) -> list[_Outcome]:
    """Read, clean, segment, parse and convert a few documents, in a worker process or here.

    Errors are returned, not raised (unless ``debug``), so one document never stops the
    others; the graphs go back as N-Quads, which cross between processes cheaply.
    """
    from kg.clean import clean  # trafilatura and spaCy load only when a document is parsed
    from kg.extract import load_nlp

    nlp = load_nlp(settings.spacy_model)
    size = min(settings.parse_chunk_chars, nlp.max_length)
    outcomes: list[_Outcome] = []
    work: list[tuple[Document, tuple[Item, ...], tuple[Item, ...], str]] = []
    for path, key in batch:
        try:
            source = read_source(path, key, settings)
            document = clean(source, settings)
            items = segment(document)
            work.append(
                (document, items, split_long_items(items, size), built_with(fingerprint, source))
            )
        except DocumentError as exc:
            outcomes.append(_failed(exc))
        except Exception as exc:  # a bug hit by one odd document must not stop the build
            if debug:
                raise
            outcomes.append(_failed(_unexpected(key, "reading", exc)))
    texts = (piece.text for _, _, pieces, _ in work for piece in pieces)
    parsed = iter(nlp.pipe(texts, batch_size=settings.batch_size))
    for document, items, pieces, version in work:
        try:
            doc_parses = _take(parsed, len(pieces))
            quads = process_document(document, items, doc_parses, version, pieces=pieces)
        except Exception as exc:  # one document's failure must not stop the build
            if debug:
                raise
            outcomes.append(_failed(_unexpected(document.path, "extraction", exc)))
            continue
        nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        outcomes.append(_Outcome(document.path, graph_iri(document), nquads or b""))
    return outcomes


def _writing(target: Path | GraphStore) -> AbstractContextManager[GraphStore]:
    """A store folder's working copy, published whole when the block ends, or a server,
    whose write access is checked first: a build with nothing to change still reports
    wrong credentials rather than succeeding unchecked."""
    if isinstance(target, Path):
        return open_for_writing(target)
    check_writable = getattr(target, "check_writable", None)
    if check_writable is not None:
        check_writable()
    return nullcontext(target)


def build(
    paths: Sequence[Path],
    target: Path | GraphStore,
    settings: Settings,
    *,
    debug: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> BuildReport:
    """Build or update the store at ``target`` from the documents under ``paths``: a store
    folder, or a SPARQL server (:class:`kg.remote.RemoteStore`).

    ``progress(path, done, total)`` is called as each changed document is written (or
    fails).  ``settings.n_process`` 0 uses two processes when more than
    :data:`kg.workers.AUTO_PROCESS_THRESHOLD` documents changed, else one.
    """
    report = BuildReport()
    files, errors = discover(paths, settings)
    report.failed.extend(errors)
    fingerprint = pipeline_fingerprint(settings)
    curation = load_curation(settings.curation_file)  # a malformed file stops us here
    cache = DocumentCache(target / CACHE_DIR) if isinstance(target, Path) else None
    step = CurationStep(curation, cache)
    with _writing(target) as store:
        ontology = ontology_quads()
        ontology_changed = set(store.graph_quads(ONTOLOGY_GRAPH)) != set(ontology)
        if ontology_changed:
            store.replace_graph(ONTOLOGY_GRAPH, ontology)
        states = stored_states(store, [key for _, key in files])
        changed: list[tuple[Path, str]] = []
        for path, key in files:
            try:
                source = read_source(path, key, settings)
                state = states.get(source.path)
                version = built_with(fingerprint, source)
                if state and (state.content_hash, state.built_with) == (source.sha256, version):
                    if step.is_current(state):
                        report.unchanged.append(source.path)
                        continue
                    curated = step.recurate(state)
                    if curated is not None:
                        store.replace_graph(state.graph, curated)
                        report.recurated.append(source.path)
                        continue
                changed.append((path, key))
            except DocumentError as exc:
                report.failed.append(exc)
            except Exception as exc:  # a bug hit by one odd document must not stop the build
                if debug:
                    raise
                report.failed.append(_unexpected(key, "reading", exc))
        changes = Changes() if len(changed) <= INCREMENTAL_LIMIT else None
        if changed:
            from kg.extract import load_nlp

            load_nlp(settings.spacy_model)  # loaded here once; forked workers share it
            batches = (
                changed[i : i + BATCH_DOCUMENTS] for i in range(0, len(changed), BATCH_DOCUMENTS)
            )
            work = partial(_process_batch, settings=settings, fingerprint=fingerprint, debug=debug)
            processes = choose_processes(settings.n_process, len(changed))
            done = 0
            for outcomes in ordered_map(work, batches, processes):
                for outcome in outcomes:
                    if outcome.failure is None:
                        quads = step.curate(outcome.graph, outcome.nquads)
                        if changes is not None:
                            changes.note(store, outcome.graph, quads)
                        store.replace_graph(outcome.graph, quads)
                        report.changed.append(outcome.path)
                    else:
                        report.failed.append(DocumentError(outcome.path, outcome.failure))
                    done += 1
                    if progress:
                        progress(outcome.path, done, len(changed))
        recorded = step.record(store)
        report.stale = recorded.stale
        whole = ontology_changed or recorded.changed or bool(report.recurated)
        if report.changed or whole:  # else the derived graphs would come out the same
            refresh_derived(store, None if whole else changes)
            refresh_happenings(store, None if whole or changes is None else changes.events)
        if report.changed:
            step.prune(store)  # the cached quads of the documents' old versions
        report.quads = len(store)
    for error in report.failed:
        error.__traceback__ = None  # a kept traceback would keep this frame's store open
    report.failed.sort(key=lambda error: error.path)
    return report
