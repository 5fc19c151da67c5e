"""Compare one gold document with what the store holds for it: the pure half of ``kg eval``.

:mod:`kg.eval` reads the store into a :class:`StoreView` with SPARQL; :func:`score_document`
matches that view against a :class:`~kg.gold.GoldDocument` by the definitions in
:mod:`kg.eval`'s docstring.  Keeping the matching free of I/O lets it be tested alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.gold import GoldDocument, article_number, normalise_name, offence_words
from kg.model import ORGANIZATION_TYPES
from kg.namespaces import RES

__all__ = [
    "CATEGORIES",
    "ENTITY_GROUPS",
    "Accuracy",
    "DocumentResult",
    "NodeStats",
    "Score",
    "StoreEvent",
    "StoreView",
    "score_document",
]

#: The scored categories, in report order; places and facilities are for information.
CATEGORIES: tuple[str, ...] = (
    "persons",
    "organisations",
    "memberships",
    "events",
    "charges",
    "provisions",
    "places",
    "facilities",
)

#: Entity category -> the actor classes (local names) that belong to it.
ENTITY_GROUPS: dict[str, frozenset[str]] = {
    "persons": frozenset({"Person"}),
    "organisations": ORGANIZATION_TYPES,
    "places": frozenset({"Place"}),
    "facilities": frozenset({"Facility"}),
}

_RES = str(RES)

Pair = tuple[str, str]


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP), or 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN), or 1.0 when the gold holds nothing."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall (0.0 when both are 0).

        >>> round(Score(tp=3, fp=1, fn=2).f1, 3)
        0.667
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Accuracy:
    """Correct answers out of a total; ``value`` is 1.0 when there was nothing to answer."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """correct / total, or 1.0 when the total is 0."""
        return self.correct / self.total if self.total else 1.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True)
class NodeStats:
    """How many store nodes stand for each matched gold entity, and how many nodes merge."""

    matched: int = 0  # gold entities matched
    nodes: int = 0  # sum over matched gold entities of the store entities matching each
    merges: int = 0  # store entities matching two or more gold entities

    @property
    def per_entity(self) -> float:
        """nodes / matched (ideal 1.00), or 1.0 when nothing matched."""
        return self.nodes / self.matched if self.matched else 1.0

    def __add__(self, other: NodeStats) -> NodeStats:
        return NodeStats(
            self.matched + other.matched, self.nodes + other.nodes, self.merges + other.merges
        )


@dataclass(frozen=True)
class DocumentResult:
    """One gold document's figures, and what was missed and spurious, by category."""

    document: str
    found: bool
    scores: dict[str, Score]
    missed: dict[str, tuple[str, ...]]
    spurious: dict[str, tuple[str, ...]]
    nodes: dict[str, NodeStats]
    dates: Accuracy
    wrong_dates: tuple[str, ...]
    event_dates: Accuracy
    gold_events: int
    store_events: int
    org_subtypes: Accuracy
    mistyped_orgs: tuple[str, ...]
    split_entities: tuple[str, ...]
    merged_entities: tuple[str, ...]
    subjectless_gold_events: int
    subjectless_store_events: int


@dataclass
class StoreEvent:
    """One store event: classes and dates (``None`` when undated) and its linked nodes."""

    classes: set[str] = field(default_factory=set)
    dates: set[str | None] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    charges: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    articles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


@dataclass
class StoreView:
    """What the store holds for one source file; nodes are ``str(term)``, e.g. ``<iri>``."""

    found: bool = False
    classes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    events: dict[str, StoreEvent] = field(default_factory=lambda: defaultdict(StoreEvent))
    memberships: set[Pair] = field(default_factory=set)

    def name(self, node: str) -> str:
        """A node's longest name, else its IRI shortened to ``res:…``."""
        names = sorted(self.names.get(node, ()))
        return max(names, key=len) if names else node.strip("<>").replace(_RES, "res:")


def score_document(gold: GoldDocument, view: StoreView) -> DocumentResult:
    """Score one gold document against the store's view of its file."""
    scorer = _DocumentScorer(gold, view)
    for group, classes in ENTITY_GROUPS.items():
        scorer.entities(group, classes)
    scorer.memberships()
    scorer.events()
    scorer.charges()
    scorer.provisions()
    return scorer.result()


class _DocumentScorer:
    """Fills in a document's figures category by category; entities must come first."""

    def __init__(self, gold: GoldDocument, view: StoreView) -> None:
        self.gold = gold
        self.view = view
        self.labels = {entity.key: entity.label for entity in gold.entities}
        self.keys: dict[str, set[str]] = defaultdict(set)  # store node -> matched gold keys
        self.scores: dict[str, Score] = {}
        self.missed: dict[str, tuple[str, ...]] = {}
        self.spurious: dict[str, tuple[str, ...]] = {}
        self.nodes: dict[str, NodeStats] = {}
        self.split: list[str] = []
        self.merged: list[str] = []
        self.subtypes = Accuracy()
        self.mistyped: list[str] = []
        self.dates = Accuracy()
        self.wrong_dates: list[str] = []
        self.event_dates = Accuracy()
        self.typed = [event for event in view.events.values() if event.classes]

    def mapped(self, node: str) -> set[str]:
        """The gold keys a store node matched, or the node itself when it matched none."""
        return self.keys.get(node) or {node}

    def describe(self, key: str) -> str:
        return self.labels.get(key) or self.view.name(key)

    def record(
        self, category: str, score: Score, missed: Iterable[str], extra: Iterable[str]
    ) -> None:
        self.scores[category] = score
        self.missed[category] = tuple(missed)
        self.spurious[category] = tuple(extra)

    def entities(self, group: str, classes: frozenset[str]) -> None:
        forms = {e.key: e.forms for e in self.gold.entities if e.type in classes}
        matches: dict[str, set[str]] = {}
        for node, node_classes in sorted(self.view.classes.items()):
            if node_classes & classes:
                names = {normalise_name(name) for name in self.view.names.get(node, ())}
                matches[node] = {key for key, f in forms.items() if f & names}
        by_gold: dict[str, list[str]] = defaultdict(list)
        for node, keys in matches.items():
            self.keys[node] |= keys
            for key in keys:
                by_gold[key].append(node)
        unmatched = [node for node, keys in matches.items() if not keys]
        self.record(
            group,
            Score(tp=len(by_gold), fp=len(unmatched), fn=len(forms) - len(by_gold)),
            (self.labels[key] for key in forms if key not in by_gold),
            (" / ".join(sorted(self.view.names.get(n) or {self.view.name(n)})) for n in unmatched),
        )
        merges = {node: keys for node, keys in matches.items() if len(keys) > 1}
        self.nodes[group] = NodeStats(len(by_gold), sum(map(len, by_gold.values())), len(merges))
        self.split += [
            f"{self.labels[k]}: {len(n)} nodes" for k, n in by_gold.items() if len(n) > 1
        ]
        for node, keys in merges.items():
            self.merged.append(
                f"{self.view.name(node)} = {' + '.join(sorted(map(self.describe, keys)))}"
            )
        if group == "organisations":
            self.organisation_subtypes(by_gold, classes)

    def organisation_subtypes(self, by_gold: dict[str, list[str]], classes: frozenset[str]) -> None:
        gold_types = {entity.key: entity.type for entity in self.gold.entities}
        for key, nodes in by_gold.items():
            found = set().union(*(self.view.classes[node] for node in nodes)) & classes
            self.subtypes += Accuracy(int(gold_types[key] in found), 1)
            if gold_types[key] not in found:
                typed = "/".join(sorted(found))
                self.mistyped.append(f"{self.labels[key]}: {typed}, gold {gold_types[key]}")

    def pairs(
        self, category: str, gold: set[Pair], store: set[Pair], show: Callable[[Pair], str]
    ) -> None:
        score = Score(tp=len(gold & store), fp=len(store - gold), fn=len(gold - store))
        self.record(
            category, score, sorted(map(show, gold - store)), sorted(map(show, store - gold))
        )

    def memberships(self) -> None:
        gold = {(m.person, m.organization) for m in self.gold.memberships}
        store = {
            (person, org)
            for member, organization in self.view.memberships
            for person in self.mapped(member)
            for org in self.mapped(organization)
        }
        self.pairs(
            "memberships", gold, store, lambda p: f"{self.describe(p[0])} — {self.describe(p[1])}"
        )

    def events(self) -> None:
        gold = {(e.type, s) for e in self.gold.events for s in e.subjects}
        store = {
            (cls, key)
            for event in self.typed
            for cls in event.classes
            for subject in event.subjects
            for key in self.mapped(subject)
        }
        self.pairs("events", gold, store, self.show_event)
        for cls, key in sorted(gold & store):
            gold_dates = {e.date for e in self.gold.events if e.type == cls and key in e.subjects}
            store_dates: set[str | None] = set()
            for event in self.typed:
                if cls in event.classes and any(key in self.mapped(s) for s in event.subjects):
                    store_dates |= event.dates
            correct = bool(gold_dates & store_dates)
            self.dates += Accuracy(int(correct), 1)
            if not correct:
                self.wrong_dates.append(
                    f"{self.show_event((cls, key))}: gold {_show_dates(gold_dates)},"
                    f" store {_show_dates(store_dates)}"
                )

        gold_dates_of: dict[Pair, set[str | None]] = defaultdict(set)
        for gold_event in self.gold.events:
            for key in gold_event.subjects:
                gold_dates_of[(gold_event.type, key)].add(gold_event.date)
        for event in self.typed:
            pairs = {
                (cls, key)
                for cls in event.classes
                for subject in event.subjects
                for key in self.mapped(subject)
                if (cls, key) in gold_dates_of
            }
            if pairs:
                allowed = set().union(*(gold_dates_of[pair] for pair in pairs))
                self.event_dates += Accuracy(int(event.dates <= allowed), 1)

    def show_event(self, pair: Pair) -> str:
        return f"{pair[0]} — {self.describe(pair[1])}"

    def charges(self) -> None:
        gold: dict[str, set[str]] = defaultdict(set)
        store: dict[str, set[str]] = defaultdict(set)
        for gold_event in self.gold.events:
            for subject in gold_event.subjects:
                gold[subject].update(gold_event.charges)
        for event in self.view.events.values():
            offences = {min(labels) for labels in event.charges.values()}
            for subject in event.subjects:
                for key in self.mapped(subject):
                    store[key] |= offences
        total, missed, extra = Score(), [], []
        for key in sorted(set(gold) | set(store)):
            matched, lost, spurious = _match_offences(gold[key], store[key])
            total += Score(matched, len(spurious), len(lost))
            missed += [f"{self.describe(key)}: {text}" for text in lost]
            extra += [f"{self.describe(key)}: {text}" for text in spurious]
        self.record("charges", total, missed, extra)

    def provisions(self) -> None:
        gold = {
            (subject, article_number(provision))
            for e in self.gold.events
            for subject in e.subjects
            for provision in e.provisions
        }
        store = {
            (key, article_number(article))
            for event in self.view.events.values()
            for subject in event.subjects
            for key in self.mapped(subject)
            for articles in event.articles.values()
            for article in articles
        }
        self.pairs("provisions", gold, store, lambda p: f"{self.describe(p[0])}: Article {p[1]}")

    def result(self) -> DocumentResult:
        return DocumentResult(
            document=self.gold.document,
            found=self.view.found,
            scores={category: self.scores[category] for category in CATEGORIES},
            missed={category: self.missed[category] for category in CATEGORIES},
            spurious={category: self.spurious[category] for category in CATEGORIES},
            nodes=self.nodes,
            dates=self.dates,
            wrong_dates=tuple(self.wrong_dates),
            event_dates=self.event_dates,
            gold_events=len(self.gold.events),
            store_events=len(self.typed),
            org_subtypes=self.subtypes,
            mistyped_orgs=tuple(self.mistyped),
            split_entities=tuple(self.split),
            merged_entities=tuple(self.merged),
            subjectless_gold_events=sum(1 for e in self.gold.events if not e.subjects),
            subjectless_store_events=sum(1 for event in self.typed if not event.subjects),
        )


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _match_offences(gold: Iterable[str], store: Iterable[str]) -> tuple[int, list[str], list[str]]:
    """Greedy one-to-one matching of offence texts: equal words first, then containment.

    >>> _match_offences(["treason", "incitement"], ["high treason", "robbery"])
    (1, ['incitement'], ['robbery'])
    """
    gold_words = {offence_words(text): text for text in sorted(gold)}
    store_words = {offence_words(text): text for text in sorted(store)}
    candidates = sorted(
        (g != s, g, s)
        for g in gold_words
        for s in store_words
        if g and s and (_contains(g, s) or _contains(s, g))
    )
    used_gold: set[tuple[str, ...]] = set()
    used_store: set[tuple[str, ...]] = set()
    for _, g, s in candidates:
        if g not in used_gold and s not in used_store:
            used_gold.add(g)
            used_store.add(s)
    missed = [text for words, text in gold_words.items() if words not in used_gold]
    spurious = [text for words, text in store_words.items() if words not in used_store]
    return len(used_gold), missed, spurious


def _show_dates(values: set[str | None]) -> str:
    return ", ".join(sorted(value or "none" for value in values)) or "none"
