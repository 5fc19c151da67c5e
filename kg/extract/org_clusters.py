"""Clustering of organisation, facility and place mentions within one document, and their keys.

Used by :mod:`kg.resolve`.  Two mentions join when they have the same name, when one is the
acronym the other defines ("Long Name (LN)") or spells with its initials, when one is the
other with a demonym, a country or "UN" in front or "of <place>" behind, when one word is
misspelt, or when a lone word is the first word of exactly one longer name ("Amnesty").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from kg.model import Mention

from .kinds import country_of, edit_distance, initials, is_acronym, name_words
from .lexicon import GOVERNMENT_WORDS

__all__ = ["government_key", "organisation_clusters", "organisation_key"]

_PREFIXES = {"un", "u.n.", "united nations"}
_DEFINITION = re.compile(r"\s*\(\s*$")


class _Union:
    """A small union-find over indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _words(mention: Mention) -> list[str]:
    return name_words(mention.text)


def _core(words: list[str]) -> list[str]:
    """A name without leading "UN"/country/demonym words and without "of <country>" behind."""
    out = list(words)
    while len(out) > 1 and (out[0].lower() in _PREFIXES or country_of(out[0])):
        out = out[1:]
    if len(out) > 1 and out[:2] == ["United", "Nations"]:
        out = out[2:]
    if len(out) > 2 and out[-2].lower() == "of" and country_of(out[-1]):
        out = out[:-2]
    return out


def government_key(mention: Mention) -> str | None:
    """ "ruritania government" for "the Ruritanian government", "Ruritania's authorities"."""
    words = _words(mention)
    lows = [w.lower().strip("’'") for w in words]
    if mention.type != "GovernmentBody" or not set(lows) & GOVERNMENT_WORDS:
        return None
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            country = country_of(re.sub(r"['’]s$", "", " ".join(words[i : i + size])))
            if country:
                return f"{country} government"
    return None


def _acronym_pairs(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Index pairs (long form, acronym) for "Long Name (ACR)" in the text."""
    pairs = []
    for i in range(1, len(mentions)):
        long_form, acronym = mentions[i - 1], mentions[i]
        gap = text[long_form.end : acronym.start]
        if (
            is_acronym(acronym.text)
            and _DEFINITION.match(gap)
            and text[acronym.end : acronym.end + 1] == ")"
        ):
            pairs.append((i - 1, i))
    return pairs


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether an acronym is the initials of a name, with or without its leading qualifier."""
    target = acronym.replace(".", "").upper()
    return len(words) >= 2 and target in {initials(words), initials(_core(words))}


def _variant(short: list[str], long: list[str]) -> bool:
    """Whether two multi-word names denote the same body (see the module docstring)."""
    if len(short) < 2 and len(long) < 2:
        return False
    a, b = [w.lower() for w in _core(short)], [w.lower() for w in _core(long)]
    if a == b:
        return True
    if len(a) >= 2 and (
        b[: len(a) + 1] in (a + ["of"], a + ["in"], a + ["for"]) or b[-len(a) :] == a
    ):
        return len(b) > len(a)
    if len(a) == len(b) and len(a) >= 2:
        diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diffs) == 1 and min(map(len, diffs[0])) >= 5 and edit_distance(*diffs[0]) <= 2
    return False


def _join_variants(mentions: list[Mention], union: _Union, org_like: list[int]) -> None:
    """Join long names that are variants of each other, when the longer one is unique."""
    surfaces: dict[str, list[int]] = defaultdict(list)
    for i in org_like:
        if not is_acronym(mentions[i].text.replace(" ", "")) and not government_key(mentions[i]):
            surfaces[" ".join(_words(mentions[i]))].append(i)
    for short, short_ids in surfaces.items():
        matches = {
            union.find(ids[0])
            for long, ids in surfaces.items()
            if long != short and _variant(short.split(), long.split())
        }
        if len(matches) == 1:
            union.join(short_ids[0], matches.pop())
    for short, short_ids in surfaces.items():
        if " " in short:
            continue
        firsts = {
            union.find(ids[0])
            for long, ids in surfaces.items()
            if " " in long and long.split()[0].lower() == short.lower()
        }
        if len(firsts) == 1:
            union.join(short_ids[0], firsts.pop())


def organisation_clusters(text: str, mentions: list[Mention]) -> list[tuple[list[Mention], str]]:
    """Cluster non-person mentions (plus unplaced bare person words) and type each cluster.

    A cluster of bare person words that joined no organisation is kept as a person only when
    its evidence is strong (a title before it); otherwise it is left out.
    """
    union = _Union(len(mentions))
    first: dict[tuple[str, bool], int] = {}
    for i, mention in enumerate(mentions):
        surface = " ".join(_words(mention)).lower()
        gov = government_key(mention)
        key = (gov or surface, mention.type == "Place" and not is_acronym(mention.text))
        if key in first:
            union.join(i, first[key])
        else:
            first[key] = i
    for a, b in _acronym_pairs(text, mentions):
        union.join(a, b)
    org_like = [i for i, m in enumerate(mentions) if m.type not in {"Place", "Person"}]
    for i, mention in enumerate(mentions):
        if is_acronym(mention.text.replace(" ", "")):
            for j in org_like:
                if _spells(mention.text, _words(mentions[j])):
                    union.join(i, j)
    _join_variants(
        mentions, union, org_like + [i for i, m in enumerate(mentions) if m.type == "Person"]
    )
    clusters: dict[int, list[Mention]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        clusters[union.find(i)].append(mention)
    out = []
    for group in clusters.values():
        best = max(
            Counter(m.type for m in group).items(),
            key=lambda item: (max(m.confidence for m in group if m.type == item[0]), item[1]),
        )[0]
        if best == "Person" and max(m.confidence for m in group) < 0.9:
            continue
        out.append((group, best))
    return out


def organisation_key(
    group: list[Mention], kind: str, label: str, country: str | None, places: set[str]
) -> str:
    """The cross-document key of an organisation or facility cluster (see :mod:`kg.resolve`).

    A court's or a government body's key carries its country (named in it, else the one the
    document names most), unless its name holds a place of its own ("X Municipal Court").
    """
    governments = Counter(k for m in group if (k := government_key(m)))
    if governments:
        return governments.most_common(1)[0][0]
    acronyms = Counter(
        m.text.replace(".", "") for m in group if is_acronym(m.text.replace(" ", ""))
    )
    if acronyms and kind != "Facility":
        return acronyms.most_common(1)[0][0].lower()
    words = name_words(label)
    if kind == "Facility":
        while len(words) > 1 and words[-1].lower() in {"prison", "jail"}:
            words = words[:-1]
        return " ".join(words).lower()
    core = _core(words)
    if kind not in {"Court", "GovernmentBody"}:
        return " ".join(core).lower()
    named = [c for w in words if (c := country_of(w))]
    padded = f" {' '.join(words).lower()} "
    if named:
        return " ".join([*core, named[0]]).lower()
    if country and not any(f" {place} " in padded for place in places):
        return " ".join([*core, country]).lower()
    return " ".join(core).lower()
