"""Score a built graph against hand-written gold annotations (``kg eval``).

The store is read with SPARQL only, following ``docs/graph-layout.md``; the gold files follow
``../shared/gold/SCHEMA.md``.  Every figure is micro-averaged: true positives (TP), false
positives (FP) and false negatives (FN) are summed over the documents before precision, recall
and F1 are computed.  Precision is 1.0 when nothing was predicted and recall is 1.0 when the
gold holds nothing, so an empty-but-correct category scores 1.0.

How the store is matched to the gold, per gold document:

* The file is the ``lek:Document`` whose ``dcterms:identifier`` is the gold ``document``; its
  scope is the file and its items (``dcterms:isPartOf``).  A gold document with no such file
  in the store is scored as all missed and listed in the report.
* Entities: a store entity is anything typed with one of the nine actor classes that
  ``lek:mentionedIn`` the scope; its names are its ``lek:name`` values in the file's named
  graph.  It matches a gold entity when a normalised name equals the normalised gold label or
  one of its aliases (NFKC, case-folded, curly quotes made straight, possessive 's dropped,
  a leading "the " dropped, spaces collapsed, punctuation stripped at both ends).  Matching
  stays within a category: persons (``lek:Person``), organisations (the six organisation
  classes, type-agnostic among them; the subtype accuracy is reported apart), places and
  facilities (reported for information).  TP = gold entities matched by at least one store
  entity, FN = the others, FP = store entities matching no gold entity.  Nodes per real
  entity is the mean number of store entities matching a matched gold entity (ideal 1.00);
  a merge is a store entity matching two or more gold entities (ideal 0).
* Every other figure maps a store entity to the gold keys it matched; an entity that matched
  nothing keeps its IRI, so it can only count as a false positive.  A merged entity stands for
  each of its gold keys.
* Memberships: sets of (person, organisation) pairs from ``lek:Membership`` nodes derived
  from the scope (``lek:member``, ``lek:organization``).
* Events: sets of (event class, subject) pairs; the class is the most specific of the fifteen
  ``lek:`` event classes, over events ``prov:wasDerivedFrom`` the scope.  An event told by
  several files (one node, :func:`kg.to_rdf.event_iri`) counts for each of them, with what
  that file's own named graph says of it (its class, date, subjects, charges, provisions),
  never what another file adds.  Events without a subject do not enter the figure; their
  counts are reported for information.
* Event dates: over the matched (class, subject) pairs, the share where some store event with
  that pair has a ``lek:date`` whose lexical form equals one of the gold dates of that pair.
  A null gold date is matched only by an undated store event.
* Event dates, every event (stricter): over each store event that matches some gold
  (class, subject) pair, the share whose dates all belong to the gold dates of its pairs, so
  a duplicate event with a wrong date counts against it.  The numbers of gold and store
  events are printed beside it: more store events than gold ones means over-generation.
* Charges: (subject, offence) pairs, gold from every event's subjects x charges, store from
  ``lek:subject`` x the ``rdfs:label`` of ``lek:charge``.  Offences match when their normalised
  words are equal or one holds the other as whole words; per subject, a greedy one-to-one
  matching takes equal pairs first, then containment.
* Provisions: (subject, article number) pairs: "Criminal Code Article 443" and "Article 443"
  both give "443"; the store side is ``lek:article``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox

from kg.errors import StoreError
from kg.gold import GoldDocument, load_gold
from kg.model import ACTOR_TYPES, EVENT_TYPES
from kg.namespaces import DCTERMS, LEK, PROV, RDFS
from kg.scoring import (
    CATEGORIES,
    ENTITY_GROUPS,
    Accuracy,
    DocumentResult,
    NodeStats,
    Score,
    StoreView,
    score_document,
)
from kg.union import query_union

__all__ = [
    "Accuracy",
    "DocumentResult",
    "EvalReport",
    "GoldDocument",
    "NodeStats",
    "Score",
    "evaluate",
    "format_report",
    "load_gold",
]

_LEK = str(LEK)
_PREFIXES = {"lek": _LEK, "dcterms": str(DCTERMS), "prov": str(PROV), "rdfs": str(RDFS)}
_ACTOR_CLASSES = ", ".join(f"lek:{name}" for name in ACTOR_TYPES)
_EVENT_CLASSES = ", ".join(f"lek:{name}" for name in EVENT_TYPES)
_IN_SCOPE = "?d dcterms:isPartOf? ?file ."  # ?d is the file itself or one of its items

# Classes are tested with FILTER, not VALUES: Oxigraph starts a VALUES join from every
# instance of the classes in the store (46 s per document on a store of 190k quads).
_Q_FILES = "SELECT DISTINCT ?file ?g WHERE { GRAPH ?g { ?file dcterms:identifier ?name } }"
_Q_ENTITIES = f"""SELECT DISTINCT ?e ?class WHERE {{
  ?e lek:mentionedIn ?d ; a ?class . {_IN_SCOPE}
  FILTER(?class IN ({_ACTOR_CLASSES}))
}}"""
_Q_NAMES = f"""SELECT DISTINCT ?e ?name WHERE {{
  ?e lek:mentionedIn ?d . {_IN_SCOPE}
  GRAPH ?g {{ ?e lek:name ?name }}
}}"""
# An event told by several files is one node holding what each of them says; what the file
# being scored says of it is in that file's own graph ?g, so the event queries read only it.
_Q_EVENTS = f"""SELECT DISTINCT ?ev ?class ?date WHERE {{
  GRAPH ?g {{ ?ev prov:wasDerivedFrom ?d ; a ?class . {_IN_SCOPE}
    OPTIONAL {{ ?ev lek:date ?date }} }}
  FILTER(?class IN ({_EVENT_CLASSES}))
}}"""
_Q_SUBJECTS = f"""SELECT DISTINCT ?ev ?x WHERE {{
  GRAPH ?g {{ ?ev prov:wasDerivedFrom ?d ; lek:subject ?x . {_IN_SCOPE} }}
}}"""
_Q_CHARGES = f"""SELECT DISTINCT ?ev ?x ?value WHERE {{
  GRAPH ?g {{ ?ev prov:wasDerivedFrom ?d ; lek:charge ?x . {_IN_SCOPE} }}
  OPTIONAL {{ ?x rdfs:label ?value }}
}}"""
_Q_PROVISIONS = f"""SELECT DISTINCT ?ev ?x ?value WHERE {{
  GRAPH ?g {{ ?ev prov:wasDerivedFrom ?d ; lek:provision ?x . {_IN_SCOPE} }}
  OPTIONAL {{ ?x lek:article ?value }}
}}"""
_Q_MEMBERSHIPS = f"""SELECT DISTINCT ?member ?org WHERE {{
  ?m a lek:Membership ; prov:wasDerivedFrom ?d ; lek:member ?member ; lek:organization ?org .
  {_IN_SCOPE}
}}"""


@dataclass(frozen=True)
class EvalReport:
    """The figures over all gold documents, micro-averaged, with the per-document detail."""

    documents: tuple[DocumentResult, ...]

    @property
    def scores(self) -> dict[str, Score]:
        """Category -> summed score, e.g. ``report.scores["persons"].f1``."""
        return {c: sum((d.scores[c] for d in self.documents), Score()) for c in CATEGORIES}

    @property
    def nodes(self) -> dict[str, NodeStats]:
        """Entity category -> summed node statistics, plus ``"all"`` over the four."""
        per = {g: sum((d.nodes[g] for d in self.documents), NodeStats()) for g in ENTITY_GROUPS}
        return {**per, "all": sum(per.values(), NodeStats())}

    @property
    def dates(self) -> Accuracy:
        """Event-date accuracy over the matched (event class, subject) pairs."""
        return sum((d.dates for d in self.documents), Accuracy())

    @property
    def event_dates(self) -> Accuracy:
        """Date accuracy over every store event that matches a gold pair (the strict figure)."""
        return sum((d.event_dates for d in self.documents), Accuracy())

    @property
    def org_subtypes(self) -> Accuracy:
        """Share of matched gold organisations that a matching node types exactly."""
        return sum((d.org_subtypes for d in self.documents), Accuracy())

    @property
    def missing_documents(self) -> tuple[str, ...]:
        """Gold documents with no matching file in the store."""
        return tuple(d.document for d in self.documents if not d.found)

    def to_json(self) -> str:
        """The totals and the per-document detail as JSON text."""
        return json.dumps(
            {
                "scores": {c: _score_json(s) for c, s in self.scores.items()},
                "dates": {**asdict(self.dates), "value": self.dates.value},
                "event_dates": {**asdict(self.event_dates), "value": self.event_dates.value},
                "org_subtypes": {**asdict(self.org_subtypes), "value": self.org_subtypes.value},
                "nodes": {
                    g: {**asdict(n), "per_entity": n.per_entity} for g, n in self.nodes.items()
                },
                "subjectless_events": {
                    "gold": sum(d.subjectless_gold_events for d in self.documents),
                    "store": sum(d.subjectless_store_events for d in self.documents),
                },
                "missing_documents": list(self.missing_documents),
                "documents": [asdict(d) for d in self.documents],
            },
            indent=2,
            ensure_ascii=False,
        )


def _score_json(score: Score) -> dict[str, Any]:
    return {**asdict(score), "precision": score.precision, "recall": score.recall, "f1": score.f1}


def evaluate(store: ox.Store, gold_dir: Path) -> EvalReport:
    """Score the store against every gold file in ``gold_dir`` (see the module docstring)."""
    gold = load_gold(gold_dir)
    try:
        views = [_read_file(store, document.document) for document in gold]
    except OSError as err:
        raise StoreError(f"cannot read the store: {err}") from err
    return EvalReport(tuple(score_document(g, v) for g, v in zip(gold, views, strict=True)))


def _select(store: ox.Store, query: str, **terms: ox.NamedNode | ox.Literal) -> list[Any]:
    """Run a SELECT over the union graph with variables bound by a one-row VALUES block.

    A term's N-Triples form (``str(term)``, escaped by pyoxigraph) is valid SPARQL, so no
    text is pasted in raw; Oxigraph plans such a block far better than ``substitutions=``.
    """
    names = " ".join(f"?{name}" for name in terms)
    values = " ".join(str(term) for term in terms.values())
    bound = query.replace("WHERE {", f"WHERE {{ VALUES ({names}) {{ ({values}) }}", 1)
    solutions = query_union(store, bound, _PREFIXES)
    return list(cast(ox.QuerySolutions, solutions))


def _read_file(store: ox.Store, file_name: str) -> StoreView:
    """What the store holds about one source file (every file of that name, if several)."""
    view = StoreView()
    for found in _select(store, _Q_FILES, name=ox.Literal(file_name)):
        view.found = True
        file = found["file"]
        for row in _select(store, _Q_ENTITIES, file=file):
            view.classes[str(row["e"])].add(row["class"].value.removeprefix(_LEK))
        for row in _select(store, _Q_NAMES, file=file, g=found["g"]):
            view.names[str(row["e"])].add(row["name"].value)
        for row in _select(store, _Q_EVENTS, file=file, g=found["g"]):
            event = view.events[str(row["ev"])]
            event.classes.add(row["class"].value.removeprefix(_LEK))
            event.dates.add(None if row["date"] is None else row["date"].value)
        for row in _select(store, _Q_SUBJECTS, file=file, g=found["g"]):
            view.events[str(row["ev"])].subjects.add(str(row["x"]))
        for row in _select(store, _Q_CHARGES, file=file, g=found["g"]):
            labels = view.events[str(row["ev"])].charges[str(row["x"])]
            labels.add(str(row["x"]) if row["value"] is None else row["value"].value)
        for row in _select(store, _Q_PROVISIONS, file=file, g=found["g"]):
            articles = view.events[str(row["ev"])].articles[str(row["x"])]
            articles.add(str(row["x"]) if row["value"] is None else row["value"].value)
        for row in _select(store, _Q_MEMBERSHIPS, file=file):
            view.memberships.add((str(row["member"]), str(row["org"])))
    return view


def format_report(report: EvalReport, verbose: bool = True) -> str:
    """The report as text: the table of figures, then (verbose) each document's errors."""
    found = len(report.documents) - len(report.missing_documents)
    lines = [
        f"{len(report.documents)} gold documents, {found} found in the store",
        "",
        f"{'category':<18}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>8}{'F1':>7}",
    ]
    for category, s in report.scores.items():
        name = category if category in CATEGORIES[:6] else f"{category} (info)"
        lines.append(
            f"{name:<18}{s.tp:>6}{s.fp:>6}{s.fn:>6}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
        )
    dates, subtypes, strict = report.dates, report.org_subtypes, report.event_dates
    gold_events = sum(d.gold_events for d in report.documents)
    store_events = sum(d.store_events for d in report.documents)
    subjectless_gold = sum(d.subjectless_gold_events for d in report.documents)
    subjectless_store = sum(d.subjectless_store_events for d in report.documents)
    lines += [
        "",
        f"event dates: {dates.value:.3f} ({dates.correct}/{dates.total} matched event pairs)",
        f"event dates, every matching store event: {strict.value:.3f}"
        f" ({strict.correct}/{strict.total})",
        f"events in all: gold {gold_events}, store {store_events}",
        f"organisation subtypes: {subtypes.value:.3f} ({subtypes.correct}/{subtypes.total})",
        "nodes per real entity (ideal 1.00, merges ideal 0):",
        *(
            f"  {group:<14}{n.per_entity:>6.2f}  ({n.nodes} nodes for {n.matched} entities,"
            f" {n.merges} merges)"
            for group, n in report.nodes.items()
        ),
        f"events without subjects (not scored): gold {subjectless_gold}, store {subjectless_store}",
    ]
    if report.missing_documents:
        lines.append(f"not in the store (all missed): {', '.join(report.missing_documents)}")
    if verbose:
        for document in report.documents:
            lines += ["", f"== {document.document}", *_document_lines(document)]
    return "\n".join(lines)


def _document_lines(document: DocumentResult) -> list[str]:
    """Per category what was missed and what was spurious, then dates, types and nodes."""
    if not document.found:
        return ["  not in the store: everything missed"]
    lines: list[str] = []
    for category in CATEGORIES:
        for kind, values in (
            ("missed", document.missed[category]),
            ("spurious", document.spurious[category]),
        ):
            if values:
                lines.append(f"  {category} {kind} ({len(values)}): {'; '.join(values)}")
    for title, values in (
        ("wrong dates", document.wrong_dates),
        ("organisation subtype wrong", document.mistyped_orgs),
        ("split over several nodes", document.split_entities),
        ("merged into one node", document.merged_entities),
    ):
        if values:
            lines.append(f"  {title} ({len(values)}): {'; '.join(values)}")
    return lines or ["  no errors"]
