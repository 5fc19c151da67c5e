"""Who an event happened to: argument heads of the parse turned into actor mentions or groups.

An argument head is a token of the dependency parse (the passive subject of "were arrested",
the object of "released her").  :class:`ItemContext` maps it to the actor mentions of the
item, following name lists ("Chan Dara, Lim Sovann and Pich Nary"), appositions ("two
activists: Chan Dara and Lim Sovann"), pronouns (to the latest plausible person), numbered
definite groups ("the three", "All eight": to the list of that many people in the item),
relative pronouns and "the party".  What stays unnamed becomes a group in the text's words
("11 opposition activists").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.model import Mention

from .event_lexicon import HUMAN_NOUNS, NUMBER_WORDS, ORGANISATION_NOUNS, SPEECH_VERBS
from .event_mentions import MentionIndex
from .event_syntax import subject_of

__all__ = ["ItemContext", "Participants", "definite_number"]

_SINGULAR = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_RELATIVE = frozenset({"who", "whom", "which", "that", "whose"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Participants:
    """The mentions an argument refers to, or the words of an unnamed group."""

    mentions: tuple[Mention, ...] = ()
    group: str | None = None
    number: int | None = None  # the size of a definite group ("the eight") left unresolved


def definite_number(text: str) -> int | None:
    """Return N when a group's words are a definite numbered group ("the eight officials").

    >>> definite_number("All eight"), definite_number("the 11"), definite_number("11 activists")
    (8, 11, None)
    """
    found = re.match(r"(?i)^(?:the|these|those|all|both)\s+(?:other\s+)?(\w+)\b", text.strip())
    if not found:
        return 2 if text.strip().lower() == "both" else None
    word = found.group(1).lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _number_of(token: Token) -> int | None:
    word = token.lower_
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


@dataclass
class ItemContext(MentionIndex):
    """An item's mentions, and the people earlier events of the item named."""

    history: list[tuple[int, tuple[Mention, ...]]] = field(default_factory=list)

    def _speaker(self, token: Token) -> bool:
        """Whether a token is (in) the subject of a verb of saying."""
        while token.dep_ in ("appos", "compound", "conj") and token.head != token:
            token = token.head
        return token.dep_ in _SUBJECT_DEPS and token.head.lemma_ in SPEECH_VERBS

    def _subjectlike(self, token: Token) -> bool:
        """Whether a token is (in) the subject of its clause."""
        while token.dep_ in ("appos", "compound", "conj") and token.head != token:
            token = token.head
        return token.dep_ in _SUBJECT_DEPS

    def _people_before(self, position: int) -> list[tuple[Mention, Token]]:
        """People named before a token, speakers left out, with their head tokens."""
        found = []
        for mention in self.mentions:
            root = self.root_of(mention)
            if root is None or root.i >= position or not self.personlike(mention):
                continue
            if not self._speaker(root):
                found.append((mention, root))
        return found

    @staticmethod
    def _clause_mate(root: Token, pronoun: Token) -> bool:
        """Whether a name is the subject of the verb whose object the pronoun is: "Judge X
        jailed him" (him is not X)."""
        verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        if pronoun.dep_ not in ("dobj", "dative", "pobj"):
            return False
        while root.dep_ in ("appos", "compound", "conj") and root.head != root:
            root = root.head
        return root in subject_of(verb)

    def singular(self, pronoun: Token) -> tuple[Mention, ...]:
        """The person a "he/she/him/her" refers to: the subject earlier in its sentence, else
        a person named in the same sentence, else the latest person named before it; never
        the subject of the verb whose object the pronoun is."""
        candidates = [
            (m, r) for m, r in self._people_before(pronoun.i) if not self._clause_mate(r, pronoun)
        ]
        sent_start = pronoun.sent.start
        same = [(m, r) for m, r in candidates if r.i >= sent_start]
        for pool in (
            [(m, r) for m, r in same if self._subjectlike(r)],
            same,
            [(m, r) for m, r in candidates if r.i < sent_start],
        ):
            if pool:
                return (pool[-1][0],)
        return ()

    def plural(self, token: Token) -> tuple[Mention, ...]:
        """The people a "they/them/their" refers to: the latest event's or list's people."""
        pools = [(p, s) for p, s in self.history if p < token.i and len(s) >= 2]
        pools += [(p, s) for p, s in self.lists if p < token.i]
        if not pools:
            return ()
        return max(pools, key=lambda pair: pair[0])[1]

    def numbered(self, token: Token, count: int) -> tuple[Mention, ...]:
        """The people "the three" or "All eight" refers to: the latest event or name list of
        that many people before it in the item, else the first such list after it."""
        before = [(p, s) for p, s in self.history + self.lists if p < token.i and len(s) == count]
        if before:
            return max(before, key=lambda pair: pair[0])[1]
        after = [(p, s) for p, s in self.lists if p > token.i and len(s) == count]
        if after:
            return min(after, key=lambda pair: pair[0])[1]
        return ()

    def organisation(self, token: Token) -> tuple[Mention, ...]:
        """The organisation "the party" (or "the group") refers to: the latest one named."""
        kinds = ORGANISATION_NOUNS.get(token.lemma_.lower(), ())
        found = [
            m
            for m in self.mentions
            if m.start - self.item.start < token.idx
            and (m.type in kinds or token.lemma_.lower() in m.text.lower())
        ]
        return (found[-1],) if found else ()

    def participants(self, head: Token, alone: bool = False) -> Participants:
        """Resolve an argument head to mentions, or to the words of an unnamed group;
        ``alone`` leaves out what is coordinated with the head ("the released officials, as
        well as X": only the officials were released)."""
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            return self.participants(head.head.head)
        if head.pos_ == "PRON" and head.lower_ in _SINGULAR:
            extra = [m for c in head.children if c.dep_ == "conj" for m in self.chain(c)]
            return Participants(self.singular(head) + tuple(extra))
        if head.pos_ == "PRON" and head.lower_ in _PLURAL:
            return Participants(self.plural(head))
        own = self.mention_at(head)
        if alone:
            return Participants((own,)) if own is not None else self._unnamed(head, [], alone)
        named = self.chain(head)
        if own is not None:
            return Participants(self.extend_with_list(named))
        if head.pos_ == "PROPN":
            same = self.bare_name(head)
            if same is not None:
                # the full name's own list is another sentence's: only this one's is followed
                listed = self.extend_with_list(named) if named else ()
                people = sorted(dict.fromkeys([same, *listed]), key=lambda m: m.start)
                return Participants(tuple(people))
        return self._unnamed(head, named)

    def _members(self, head: Token) -> list[Mention]:
        """Names standing in a numbered phrase ("three members of X, A, B and C"): used only
        when they are exactly as many as the number says."""
        count = next((_number_of(c) for c in head.children if c.dep_ == "nummod"), None)
        if count is None:
            return []
        found: list[Mention] = []
        for token in head.subtree:
            if token.dep_ in ("relcl", "acl") and token.head == head:
                break
            mention = self.mention_at(token)
            if mention is not None and self.personlike(mention) and mention not in found:
                found.append(mention)
        return found if len(found) == count else []

    def _announced_list(self, head: Token) -> list[Mention]:
        """The people a numbered phrase announces with a colon: "four protesters detained
        since January: A, B, C and D" (a list of exactly that many, later in the sentence)."""
        count = next((_number_of(c) for c in head.children if c.dep_ == "nummod"), None)
        if count is None:
            return []
        for position, group in self.lists:
            if not head.i < position < head.sent.end or len(group) != count:
                continue
            if ":" in self.sdoc[head.i : position].text:
                return list(group)
        return []

    def _listed_next(self, head: Token) -> list[Mention]:
        """The people of "Three activists were jailed on Monday." (the subject of the clause)
        named by the very next sentence as a list of exactly that many ("A, B and C were
        among ...")."""
        count = next((_number_of(c) for c in head.children if c.dep_ == "nummod"), None)
        if count is None or count < 2 or head.lemma_.lower() not in HUMAN_NOUNS:
            return []
        if head.dep_ not in _SUBJECT_DEPS:
            return []
        following = next((s for s in self.sdoc.sents if s.start >= head.sent.end), None)
        if following is None:
            return []
        for position, group in self.lists:
            if following.start <= position < following.end and len(group) == count:
                return list(group)
        return []

    def _unnamed(self, head: Token, named: list[Mention], alone: bool = False) -> Participants:
        """Resolve a common-noun or number head ("four members, A, B, C and D", "the three",
        "the party", "11 activists")."""
        partitive = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        if _number_of(head) is not None:
            for prep in partitive:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and self.mention_at(pobj) is not None:
                        named = named + self.chain(pobj)
        people = (
            [m for m in named if m.type != "Place"]
            or self._members(head)
            or self._announced_list(head)
            or self._listed_next(head)
        )
        among = self._among_subject(head)
        if among is not None and not people:
            return self.participants(among)
        count = definite_number(self.group_words(head, alone=True))
        if count is not None and len(people) != count:
            found = self.numbered(head, count)
            if found:
                return Participants(self.extend_with_list([*found, *people]))
            return Participants(tuple(people), self.group_words(head, alone=True), count)
        if people:
            return Participants(self.extend_with_list(people))
        if head.dep_ == "appos" and self.mention_at(head.head) is not None:
            return self.participants(head.head)
        lemma = head.lemma_.lower()
        if lemma in ORGANISATION_NOUNS and self._determiner(head) in ("the", "its", "this"):
            found = self.organisation(head)
            if found:
                return Participants(found)
        words = self.group_words(head, alone)
        if words and (lemma in HUMAN_NOUNS or _number_of(head) is not None):
            return Participants((), words)
        return Participants()

    @staticmethod
    def _determiner(token: Token) -> str:
        """A noun's determiner or possessive word, lower case."""
        for child in token.children:
            if child.dep_ in ("det", "poss"):
                return child.lower_
        return ""

    def _among_subject(self, head: Token) -> Token | None:
        """X in "X are among the group of detainees imprisoned in ...": X."""
        token = head
        for _ in range(6):
            if token.dep_ == "pobj" and token.head.lower_ == "among":
                verb = token.head.head
                for child in verb.children:
                    if child.dep_ in _SUBJECT_DEPS and verb.lemma_ == "be":
                        return child
                return None
            if token.head == token or token.dep_ in _SUBJECT_DEPS:
                return None
            token = token.head
        return None

    def group_words(self, head: Token, alone: bool = False) -> str:
        """The words of an unnamed group: the head's phrase without its relative clauses
        (and, when ``alone``, without what is coordinated with it)."""
        excluded: set[int] = set()
        for token in head.subtree:
            clause = token.dep_ in ("relcl", "acl") and token != head
            if clause or (alone and token.dep_ in ("conj", "cc") and token.head == head):
                excluded.update(t.i for t in token.subtree)
        tree = {t.i for t in head.subtree} - excluded
        first = last = head.i
        while first - 1 in tree and "\n" not in self.sdoc[first - 1].text_with_ws:
            first -= 1
        while last + 1 in tree and "\n" not in self.sdoc[last].text_with_ws:
            last += 1
        words = self.sdoc[first : last + 1].text.strip(" ,;:-–")
        return " ".join(words.split())

    def remember(self, position: int, subjects: tuple[Mention, ...]) -> None:
        """Record an event's subjects so later pronouns and numbered groups can refer to them."""
        if subjects:
            self.history.append((position, subjects))
