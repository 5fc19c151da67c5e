"""The dependency-parse helpers event triggers share, and the :class:`Trigger` they make.

A trigger's *patients* are whom the event happened to, its *agents* who carried it out.  The
helpers find them: the passive subject or object of a verb, the subject a verb shares with
the clause that governs it ("were arrested and [charged]", "decided to [refuse]"), and the
subject of the clause an event noun stands in ("remains in exile after convictions").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .event_lexicon import (
    FACILITY_WORDS,
    LIGHT_NOUN_GOVERNORS,
    NOUN_TRIGGERS,
    PARTICIPLE_ADJECTIVES,
    SPEECH_VERBS,
    STATE_VERBS,
    VERB_TRIGGERS,
)

__all__ = [
    "DURATION_NOUNS",
    "ENDED_ORGANISATION",
    "Trigger",
    "by_agent",
    "children",
    "clause_patients",
    "companions",
    "controller",
    "facility_like",
    "is_passive",
    "locative_preps",
    "organisation_targets",
    "requested_endings",
    "patient_or_subject",
    "preps",
    "subject_of",
    "trigger_kind",
]

_ADJUNCT_PREPS = frozenset(
    {"after", "following", "since", "despite", "upon", "before", "on", "in", "under", "during",
     "from", "into", "to", "amid", "behind", "over", "with"}
)  # fmt: skip
_AMOUNTING = frozenset({"amount", "constitute", "equal", "mean"})

#: Verbs that end an organisation, as what a complaint or petition asks for.
ENDED_ORGANISATION: frozenset[str] = frozenset(
    {"dissolve", "ban", "disband", "liquidate", "deregister", "outlaw", "close", "shut"}
)
_PARTS_OF_ORGANISATIONS = frozenset({"branch", "wing", "chapter", "affiliate", "section", "cell"})
_ASKING = frozenset({"ask", "request", "seek", "petition", "urge", "call"})

#: Nouns of a length of time ("a year in jail", "detained for one week").
DURATION_NOUNS: frozenset[str] = frozenset(
    {"year", "month", "week", "day", "decade", "night", "hour"}
)


@dataclass(frozen=True)
class Trigger:
    """A trigger word with its event type and the heads of its participants."""

    token: Token
    type: str
    rule: str
    noun: bool
    patients: tuple[Token, ...] = ()
    agents: tuple[Token, ...] = ()
    decision: bool = False  # a court's decision reported with "would" still stands
    alone: bool = False  # a prenominal participle ("the released officials") qualifies its
    # head noun only, not what is coordinated with it
    governor: Token | None = None  # the verb a pattern noun needs ("issued" a warrant): the
    # event is asserted only if that verb is


def children(token: Token, *deps: str) -> list[Token]:
    """The token's children with one of the dependency labels ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def preps(token: Token, *words: str) -> list[Token]:
    """Objects of the token's prepositions ``words`` ("of X", "against X")."""
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in words
        for obj in prep.children
        if obj.dep_ in ("pobj", "pcomp")
    ]


def locative_preps(token: Token, *words: str) -> list[Token]:
    """Objects of the token's prepositions ``words``, also where the parser hung them on an
    adverbial phrase of the token or mislabelled them ("held since then in X Prison")."""
    found = preps(token, *words) + [
        o
        for c in token.children
        if c.dep_ == "agent" and c.lower_ in words
        for o in c.children
        if o.dep_ in ("pobj", "punct")
    ]
    for child in token.children:
        if child.dep_ in ("prep", "advmod", "npadvmod") and child.lower_ not in words:
            found += [o for c in child.subtree if c != child for o in preps(c, *words)]
    return found


def by_agent(token: Token) -> list[Token]:
    """The objects of a passive verb's "by" phrase."""
    return [
        obj
        for agent in token.children
        if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by")
        for obj in agent.children
        if obj.dep_ == "pobj"
    ]


def is_passive(verb: Token) -> bool:
    """Whether a verb trigger is in the passive voice (or a participle used as one)."""
    if children(verb, "auxpass", "nsubjpass"):
        return True
    if verb.pos_ == "ADJ":
        return True
    if verb.dep_ in ("acl", "amod") and not children(verb, "nsubj", "dobj"):
        return True
    if verb.tag_ != "VBN" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    if children(verb, "dobj"):
        return False
    if verb.dep_ == "conj":
        return is_passive(verb.head)
    return True


def companions(verb: Token) -> list[Token]:
    """Who shares what happens to a verb's patient: "released, along with X", "convicted
    alongside three others"."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in ("alongside", "plus"):
            found += children(prep, "pobj")
        elif prep.lower_ in ("along", "together"):
            for inner in prep.children:
                if inner.dep_ == "prep" and inner.lower_ == "with":
                    found += children(inner, "pobj")
    return found


def controller(verb: Token, depth: int = 0) -> list[Token]:
    """The subject a verb without its own subject shares with the clause that governs it."""
    if depth > 6 or verb.head == verb:
        return []
    head = verb.head
    if verb.dep_ in ("acl", "amod") and head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        return [head]
    if verb.dep_ in ("relcl",):
        return [head]
    if verb.dep_ in ("conj", "xcomp", "acomp", "oprd", "ccomp"):
        return subject_of(head, depth + 1)
    if verb.dep_ in ("advcl", "pcomp", "prep", "pobj"):
        while head.pos_ not in ("VERB", "AUX") and head.head != head:
            head = head.head
        return patient_or_subject(head, depth + 1)
    return []


def subject_of(verb: Token, depth: int = 0) -> list[Token]:
    """A verb's own subject, else the one it shares with its governing clause."""
    own = children(verb, "nsubj", "nsubjpass")
    return own if own else controller(verb, depth)


def patient_or_subject(verb: Token, depth: int = 0) -> list[Token]:
    """Whom a clause is about: its passive subject, else its subject (never a speaker)."""
    if verb.lemma_ in SPEECH_VERBS:
        return []
    passive = children(verb, "nsubjpass")
    if passive:
        return passive
    return subject_of(verb, depth)


def facility_like(token: Token, mention_types: dict[int, str]) -> bool:
    """Whether a phrase names a place of detention (a prison word or a Facility mention)."""
    return any(
        t.lower_ in FACILITY_WORDS or mention_types.get(t.i) == "Facility" for t in token.subtree
    )


def trigger_kind(token: Token) -> str | None:
    """The event type a word's lemma may denote, by its part of speech."""
    lemma = PARTICIPLE_ADJECTIVES.get(token.lower_, token.lemma_.lower())
    if token.pos_ in ("VERB", "ADJ"):
        return VERB_TRIGGERS.get(lemma)
    if token.pos_ == "NOUN":
        return NOUN_TRIGGERS.get(lemma)
    return None


def clause_patients(noun: Token) -> list[Token]:
    """Whom an event noun in an adjunct or light-verb object is about: the clause's subject
    ("Sam Rainsy remains in exile after politically motivated convictions")."""
    token = noun
    for _ in range(6):
        dep, head = token.dep_, token.head
        if head == token:
            return []
        if dep == "pobj":
            token = head
            continue
        if dep == "prep" and token.lower_ in _ADJUNCT_PREPS:
            if head.pos_ in ("NOUN", "PROPN", "NUM") and head.lemma_.lower() in DURATION_NOUNS:
                token = head
                continue
            if head.lemma_ in _AMOUNTING and head.dep_ == "acl":
                token = head.head
                continue
            if head.lemma_ == "subject" and head.pos_ == "ADJ":
                return subject_of(head)
            if head.pos_ in ("VERB", "AUX"):
                if head.lemma_ in STATE_VERBS or is_passive(head):
                    return patient_or_subject(head)
                objects = children(head, "dobj")
                return objects if objects else subject_of(head)
            return []
        if dep in ("dobj", "attr") and head.lemma_ in LIGHT_NOUN_GOVERNORS:
            return subject_of(head)
        if dep == "prep" and token.lower_ == "to" and head.lemma_ == "subject":
            return subject_of(head)
        return []
    return []


def organisation_targets(targets: list[Token]) -> list[Token]:
    """The organisations a complaint targets: for "the regional branch of X", X."""
    out = []
    for target in targets:
        whole = preps(target, "of") if target.lemma_ in _PARTS_OF_ORGANISATIONS else []
        out += whole or [target]
    return out


def requested_endings(clauses: list[Token]) -> list[Token]:
    """What clauses ask to end: "to dissolve X" itself, or "asking the court to dissolve X"."""
    found = []
    for clause in clauses:
        if clause.lemma_ in ENDED_ORGANISATION | {"sue"}:
            found += children(clause, "dobj")
        elif clause.lemma_ in _ASKING:
            for asked in children(clause, "xcomp", "ccomp"):
                if asked.lemma_ in ENDED_ORGANISATION:
                    found += children(asked, "dobj")
    return organisation_targets(found)
