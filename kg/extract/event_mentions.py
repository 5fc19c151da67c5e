"""The actor mentions of one parsed item, indexed by token, and the name lists they form.

A name list is a run of people linked by coordination or apposition in the parse ("Chan
Dara, Lim Sovann and Pich Nary", "two activists: Chan Dara and Lim Sovann"), by "along with"
on their verb, or written as one ("A, B and C") where the parse splits it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.model import Item, Mention

__all__ = ["MentionIndex"]

_LIST_GAP = re.compile(
    r"^(?:,\s*\d{1,3}\s*)?\s*(?:,|,?\s*(?:and|&)|,\s*as well as|\s+as well as)\s*$"
)
_COMPANIONS = frozenset({"along", "alongside", "together", "plus"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "to", "on", "from"})


@dataclass
class MentionIndex:
    """The mentions of one parsed item, by token, with the name lists among them."""

    item: Item
    sdoc: Doc
    mentions: list[Mention]
    by_token: dict[int, Mention] = field(default_factory=dict)
    lists: list[tuple[int, tuple[Mention, ...]]] = field(default_factory=list)
    person_words: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        for mention in self.mentions:
            span = self.span_of(mention)
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)
        self.person_words = frozenset(
            w for m in self.mentions if m.type == "Person" for w in m.text.split()
        )
        self.lists = self._find_lists()

    def span_of(self, mention: Mention) -> Span | None:
        """The tokens of a mention in the parsed item."""
        return self.sdoc.char_span(
            mention.start - self.item.start,
            mention.end - self.item.start,
            alignment_mode="expand",
        )

    def mention_at(self, token: Token) -> Mention | None:
        """The mention a token belongs to, if any."""
        return self.by_token.get(token.i)

    def root_of(self, mention: Mention) -> Token | None:
        """The syntactic head token of a mention."""
        span = self.span_of(mention)
        return span.root if span is not None else None

    def personlike(self, mention: Mention) -> bool:
        """A person, or a name whose words are a known person's ("Dara" after "Chan Dara")."""
        if mention.type == "Person":
            return True
        if mention.type in ("Place", "Facility") or mention.text.isupper():
            return False
        words = mention.text.replace("’s", "").replace("'s", "").split()
        return bool(words) and all(w in self.person_words for w in words)

    def token_position(self, mention: Mention) -> int:
        """The index of a mention's first token."""
        span = self.span_of(mention)
        return span.start if span is not None else 0

    def _textual_list(self, mentions: list[Mention]) -> list[tuple[Mention, ...]]:
        """Runs of person mentions separated only by commas and a final "and"."""
        runs: list[tuple[Mention, ...]] = []
        run: list[Mention] = []
        gaps: list[str] = []
        text = self.item.text

        def close() -> None:
            if len(run) >= 2 and re.search(r"and|&|as well as", gaps[-1]):
                runs.append(tuple(run))

        for mention in mentions:
            if not self.personlike(mention):
                close()
                run, gaps = [], []
                continue
            if run:
                gap = text[run[-1].end - self.item.start : mention.start - self.item.start]
                if _LIST_GAP.match(gap):
                    run.append(mention)
                    gaps.append(gap)
                    continue
                close()
            run, gaps = [mention], []
        close()
        return runs

    def _find_lists(self) -> list[tuple[int, tuple[Mention, ...]]]:
        found: list[tuple[int, tuple[Mention, ...]]] = []
        for sent in self.sdoc.sents:
            in_sent = [
                m
                for m in self.mentions
                if sent.start_char <= m.start - self.item.start < sent.end_char
            ]
            chains: dict[int, list[Mention]] = {}
            for mention in in_sent:
                if not self.personlike(mention):
                    continue
                root = self.root_of(mention)
                if root is None:
                    continue
                chain = self.chain(root)
                if root.dep_ in _SUBJECT_DEPS:
                    for prep in root.head.children:
                        if prep.dep_ == "prep":
                            chain += self.companions(prep)
                people = tuple(m for m in chain if self.personlike(m))
                if len(people) >= 2:
                    chains[min(self.token_position(m) for m in people)] = list(people)
            for run in self._textual_list(in_sent):
                chains[self.token_position(run[0])] = list(run)
            merged = self._merge(list(chains.values()))
            found.extend((self.token_position(group[0]), tuple(group)) for group in merged)
        return sorted(found, key=lambda pair: pair[0])

    @staticmethod
    def _merge(groups: list[list[Mention]]) -> list[list[Mention]]:
        merged: list[list[Mention]] = []
        for group in sorted(groups, key=len, reverse=True):
            for kept in merged:
                if {m.mention_id for m in group} & {m.mention_id for m in kept}:
                    kept.extend(m for m in group if m not in kept)
                    break
            else:
                merged.append(list(group))
        return [sorted(g, key=lambda m: m.start) for g in merged]

    def extend_with_list(self, mentions: Iterable[Mention]) -> tuple[Mention, ...]:
        """Add to named people the other members of the name list they stand in."""
        result = list(dict.fromkeys(mentions))
        for _, group in self.lists:
            if any(m in group for m in result):
                result.extend(m for m in group if m not in result)
        return tuple(sorted(result, key=lambda m: m.start))

    def chain(self, token: Token, seen: set[int] | None = None) -> list[Mention]:
        """Mentions linked to a head by coordination, apposition or "along with"."""
        seen = seen if seen is not None else set()
        if token.i in seen:
            return []
        seen.add(token.i)
        found: list[Mention] = []
        own = self.mention_at(token)
        if own is not None:
            found.append(own)
        for child in token.children:
            if child.dep_ in ("conj", "appos"):
                found.extend(self.chain(child, seen))
            elif child.dep_ == "prep" and child.lower_ in _COMPANIONS | {"with"}:
                found.extend(self.companions(child, seen))
            elif (
                child.dep_ == "prep"
                and child.lower_ == "as"
                and any(c.lower_ == "such" for c in child.children)
            ) or (child.dep_ == "prep" and child.lower_ == "including"):
                found.extend(
                    m for c in child.children if c.dep_ == "pobj" for m in self.chain(c, seen)
                )
        return list(dict.fromkeys(found))

    def companions(self, prep: Token, seen: set[int] | None = None) -> list[Mention]:
        """Mentions after "along with", "together with", "as well as" on a token."""
        if prep.lower_ not in _COMPANIONS | {"with"}:
            return []
        if prep.lower_ == "with" and not (
            prep.head.lower_ in _COMPANIONS or prep.i > 0 and prep.nbor(-1).lower_ in _COMPANIONS
        ):
            return []
        found: list[Mention] = []
        for child in prep.children:
            if child.dep_ == "pobj":
                found.extend(self.chain(child, seen))
            elif child.dep_ == "prep":
                found.extend(self.companions(child, seen))
        return found

    def bare_name(self, token: Token) -> Mention | None:
        """The person a name without a mention of its own stands for ("Dara" for the "Chan
        Dara" named before it, else after it)."""
        people = [m for m in self.mentions if self.personlike(m) and token.text in m.text.split()]
        before = [m for m in people if m.start - self.item.start < token.idx]
        if before:
            return before[-1]
        return people[0] if people else None

    def places(self, token: Token, allowed: frozenset[str]) -> list[Mention]:
        """Place and facility mentions under a token's locative prepositions (or those of the
        verb whose prepositional phrase an event noun stands in), up to the next comma."""
        found: list[Mention] = []
        holders = [token]
        into = token.head.lower_ in ("to", "into", "in")
        if token.dep_ == "pobj" and into and token.head.head.pos_ in ("VERB", "AUX"):
            holders.append(token.head.head)
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
                    continue
                for t in prep.doc[prep.i + 1 : prep.right_edge.i + 1]:
                    if t.text in (",", ";", "(", "–"):
                        break
                    mention = self.mention_at(t)
                    if mention is not None and mention.type in allowed and mention not in found:
                        found.append(mention)
        return found
