"""Entity resolution within one document: one :class:`~kg.model.Entity` per real actor.

Persons: a full name gathers its misspellings (one name part off by one letter, the other
equal), its shorter forms ("Serey Ratha" in "Sourn Serey Ratha") and its bare name parts; a bare
part goes to the most recent full name containing it (same item first), so two people who share
a name part are never merged.  Organisations: a long name joins the acronym it defines or whose
initials it spells, its variants (a demonym for a country name, a misspelt word), and its
shorter forms ("Anti-Corruption Unit" in "Ruritanian Anti-Corruption Unit").  Places and
facilities join on their name without a generic suffix ("X province" = "X").

The key that makes an entity's IRI is the same in every document that names it: a person's
full name; an organisation's acronym where the document uses one, else its name (a national
body's name carries its country); a place's name without its generic suffix.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.kinds import country_of, edit_distance, is_acronym, name_words
from kg.extract.lexicon import PLACE_SUFFIXES
from kg.extract.org_clusters import organisation_clusters, organisation_key
from kg.extract.titles import NOBLE_TITLES
from kg.model import (
    ORGANIZATION_TYPES,
    Document,
    Entity,
    Extraction,
    Item,
    Mention,
    Resolved,
    entity_id_for,
)

__all__ = ["resolve"]

_ORG_LIKE = ORGANIZATION_TYPES | {"Facility"}


def _surface(mention: Mention) -> str:
    """The mention's words without honorifics, joined by single spaces."""
    return " ".join(name_words(mention.text))


def _close(a: str, b: str) -> bool:
    """Whether two name words are the same or one letter apart (words of 3+ letters)."""
    if a.lower() == b.lower():
        return True
    return min(len(a), len(b)) >= 3 and edit_distance(a.lower(), b.lower()) == 1


def _same_person(short: list[str], full: list[str]) -> bool:
    """Whether a multi-word name is a variant of a fuller one: misspelt or a contiguous part."""
    if len(short) == len(full):
        exact = sum(a.lower() == b.lower() for a, b in zip(short, full, strict=True))
        return exact == len(full) - 1 and all(
            _close(a, b) for a, b in zip(short, full, strict=True)
        )
    lows = [w.lower() for w in short]
    fulls = [w.lower() for w in full]
    return len(short) >= 2 and any(
        fulls[i : i + len(short)] == lows for i in range(len(full) - len(short) + 1)
    )


def _person_clusters(mentions: list[Mention]) -> tuple[dict[str, int], list[list[str]]]:
    """Cluster person mentions: full names first, then bare name parts by recency."""
    fulls = [m for m in mentions if len(name_words(m.text)) >= 2]
    counts = Counter(_surface(m) for m in fulls)
    order = sorted(counts, key=lambda s: (-len(s.split()), -counts[s], s))
    names: list[list[str]] = []
    cluster_of_surface: dict[str, int] = {}
    for surface in order:
        words = surface.split()
        match = [i for i, name in enumerate(names) if _same_person(words, name)]
        if len(match) == 1:
            cluster_of_surface[surface] = match[0]
        else:
            names.append(words)
            cluster_of_surface[surface] = len(names) - 1
    assigned: dict[str, int] = {}
    for mention in fulls:
        assigned[mention.mention_id] = cluster_of_surface[_surface(mention)]
    for mention in mentions:
        if mention.mention_id not in assigned:
            cluster = _bare_name_cluster(mention, fulls, assigned, names)
            if cluster is not None:
                assigned[mention.mention_id] = cluster
    return assigned, names


def _bare_name_cluster(
    mention: Mention, fulls: list[Mention], assigned: dict[str, int], names: list[list[str]]
) -> int | None:
    """The cluster of the full name a bare name part refers to, if one is clear."""
    words = name_words(mention.text)
    if len(words) != 1:
        return None
    word = words[0].lower()
    containing = [m for m in fulls if word in (w.lower() for w in name_words(m.text))]
    preceding = [m for m in containing if m.start < mention.start]
    same_item = [m for m in preceding if m.item_id == mention.item_id]
    for pool in (same_item, preceding):
        if pool:
            return assigned[max(pool, key=lambda m: m.start).mention_id]
    if containing:
        return assigned[min(containing, key=lambda m: m.start).mention_id]
    close = {
        i for i, name in enumerate(names) for w in name if _close(w, words[0]) and len(word) >= 4
    }
    return close.pop() if len(close) == 1 else None


def _name_parts(mentions: list[Mention]) -> set[str]:
    """Lower-case words of the multi-word person names of a document."""
    return {
        w.lower()
        for m in mentions
        if m.type == "Person"
        for w in name_words(m.text)
        if len(name_words(m.text)) >= 2
    }


def _retype_name_parts(mentions: list[Mention]) -> list[Mention]:
    """Give bare words that are parts of a person's name (a guessed place or group) to persons."""
    parts = _name_parts(mentions)
    strong = {_surface(m) for m in mentions if m.type == "Person" and m.confidence >= 0.7}
    out = []
    for mention in mentions:
        words = name_words(mention.text)
        weak = mention.confidence <= 0.7 and mention.type != "Person"
        part = len(words) == 1 and not is_acronym(words[0]) and words[0].lower() in parts
        known = " ".join(words) in strong and mention.confidence < 0.7
        if weak and (part or known):
            mention = replace(mention, type="Person")
        out.append(mention)
    return out


def _place_key(text: str) -> str:
    """A place's key: its country name where known, else its name without a generic suffix."""
    country = country_of(text)
    if country:
        return country
    words = name_words(text)
    while len(words) > 1 and words[-1].lower() in PLACE_SUFFIXES - {"airport"}:
        words = words[:-1]
    return " ".join(words).lower()


def _best_label(surfaces: list[str]) -> str:
    """The most frequent full (non-acronym) surface; ties go to the longest, then the first."""
    counts = Counter(surfaces)
    full = [s for s in counts if not is_acronym(s.replace(" ", ""))] or list(counts)
    return max(full, key=lambda s: (counts[s], len(s.split()), -surfaces.index(s)))


def _entity(kind: str, key: str, group: list[Mention], label: str | None = None) -> Entity:
    surfaces = [_surface(m) for m in group]
    label = label or _best_label(surfaces)
    aliases = sorted({" ".join(m.text.split()) for m in group} - {label})
    return Entity(
        entity_id=entity_id_for(kind, key),
        type=kind,
        key=key,
        label=label,
        aliases=tuple(aliases),
        mention_ids=tuple(m.mention_id for m in group),
    )


def _dominant_country(mentions: list[Mention]) -> str | None:
    """The country the document names most often, if any."""
    counts = Counter(c for m in mentions if m.type == "Place" and (c := country_of(m.text)))
    return counts.most_common(1)[0][0] if counts else None


def resolve(document: Document, items: Sequence[Item], extraction: Extraction) -> Resolved:
    """Group a document's mentions into entities and map every kept mention to its entity.

    Mentions that match no entity (a lone word the model guessed, with no full name to attach
    to) stay in the extraction but get no entity.
    """
    mentions = _retype_name_parts(sorted(extraction.mentions, key=lambda m: m.start))
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}

    persons = [m for m in mentions if m.type == "Person"]
    assigned, names = _person_clusters(persons)
    by_cluster: dict[int, list[Mention]] = defaultdict(list)
    for mention in persons:
        if mention.mention_id in assigned:
            by_cluster[assigned[mention.mention_id]].append(mention)
    unplaced = [m for m in persons if m.mention_id not in assigned]
    for cluster, group in by_cluster.items():
        multi = [_surface(m) for m in group if len(name_words(m.text)) >= 2]
        label = _best_label(multi) if multi else " ".join(names[cluster])
        key = " ".join(w for w in label.split() if w.lower() not in NOBLE_TITLES).lower()
        groups[("Person", key)].extend(group)
        labels[("Person", key)] = label

    country = _dominant_country(mentions)
    others = [m for m in mentions if m.type != "Person"] + unplaced
    places = {_surface(m).lower() for m in mentions if m.type == "Place"}
    for group, kind in organisation_clusters(document.text, others):
        label = _best_label([_surface(m) for m in group])
        if kind in _ORG_LIKE:
            key = organisation_key(group, kind, label, country, places)
        elif kind == "Person":
            key = label.lower()
        else:
            key = _place_key(label)
        groups[(kind, key)].extend(group)

    entities = []
    canonical: dict[str, str] = {}
    for (kind, key), group in sorted(groups.items()):
        entity = _entity(kind, key, group, labels.get((kind, key)))
        entities.append(entity)
        for mention in group:
            canonical[mention.mention_id] = entity.entity_id
    resolved_mentions = tuple(
        replace(m, canonical_id=canonical.get(m.mention_id, "")) for m in extraction.mentions
    )
    return Resolved(replace(extraction, mentions=resolved_mentions), tuple(entities), canonical)
