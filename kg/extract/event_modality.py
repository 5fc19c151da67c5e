"""Whether a trigger word states an event that happened, or only one that is called for,
feared, predicted, conditional or denied.  Hearsay ("is said to have been arrested") stands:
:mod:`kg.extract.claim_status` marks it alleged.

A verb trigger is unreal under a modal ("must be released", "could face"), a condition
("If convicted"), a negation, an infinitive that a non-implicative word governs ("urged ...
to drop", "due to be released", "the right to be tried") or a governing word of calling,
fearing or planning.  A noun trigger is presupposed by its clause, so only the words governing
it directly can make it unreal ("called for the release", "threatened further arrests",
"targeted for arrest"), among them a call to undo it ("the charges against him must be
dropped" is a demand, not a statement of the charges).
Relative and participial clauses are presupposed too, so the walk up stops at them.
"""

from __future__ import annotations

from spacy.tokens import Token

from .claim_lexicon import EVIDENTIAL_VERBS
from .event_lexicon import (
    ALLOWING_NOUNS,
    BLOCKING_LEMMAS,
    BLOCKING_NOUNS,
    IMPLICATIVE_VERBS,
    LIGHT_NOUN_GOVERNORS,
    MODALS,
    STATE_VERBS,
    UNREAL_MODIFIERS,
)

__all__ = ["is_asserted", "is_hearsay"]

_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})
_NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
_REPORTING = frozenset({"announce", "decide", "rule", "order", "declare", "say"})
_PRESUPPOSED = frozenset({"relcl", "acl", "amod"})
_MAX_STEPS = 12
_UNDOING = frozenset(
    {"drop", "quash", "lift", "withdraw", "dismiss", "overturn", "revoke", "annul", "rescind"}
)


def _same_line(one: Token, other: Token) -> bool:
    """Whether two tokens stand on one line (a parse may join a headline to the sentence)."""
    low, high = sorted((one.idx, other.idx))
    return "\n" not in one.doc.text[low:high]


def _has_modal(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in MODALS for c in token.children)


def _would_only(token: Token) -> bool:
    modals = [c.lower_ for c in token.children if c.dep_ == "aux" and c.tag_ == "MD"]
    return bool(modals) and all(m == "would" for m in modals)


def _negated(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in _NEGATIONS)
        for c in token.children
    )


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children)


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or any(
        c.dep_ == "auxpass" and c.lower_ == "be" and c.i > 0 and c.nbor(-1).lower_ == "to"
        for c in token.children
    )


def _cc_of(token: Token) -> str:
    """The coordinating word before a conjunct ("and", "but", "or")."""
    for c in token.head.children:
        if c.dep_ == "cc" and token.head.i < c.i < token.i:
            return c.lower_
    return "and"


def is_hearsay(token: Token) -> bool:
    """Whether a verb is an infinitive under "is said to", "is believed to", "appears to": told
    as hearsay, which :mod:`kg.extract.attribution` marks as alleged, not left out."""
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_ not in EVIDENTIAL_VERBS:
        return False
    return head.lemma_ in ("appear", "seem") or any(c.dep_ == "auxpass" for c in head.children)


def _verb_asserted(trigger: Token, decision: bool) -> bool:
    if trigger.tag_ == "VBG" and trigger.dep_ in ("csubj", "csubjpass"):
        return False  # "Charging them with plotting is absurd": the act as a topic
    token = trigger
    for _ in range(_MAX_STEPS):
        if _conditional(token):
            return False
        if _has_modal(token):
            reported = token.dep_ == "ccomp" and token.head.lemma_ in _REPORTING
            if not (decision and reported and _would_only(token)):
                return False
        if _negated(token) and (token == trigger or _cc_of(trigger) in ("or", "nor")):
            return False
        head = token.head
        dep = token.dep_
        if head == token or not _same_line(head, token):
            return True
        if _infinitive(token) and dep in ("xcomp", "advcl", "acl", "ccomp", "relcl", "conj"):
            if head.pos_ in ("NOUN", "PROPN"):
                return head.lemma_.lower() in ALLOWING_NOUNS
            if head.lemma_ not in IMPLICATIVE_VERBS and not is_hearsay(token):
                return False
            token = head
            continue
        if dep in _PRESUPPOSED or dep in ("advcl", "pcomp", "pobj", "appos", "npadvmod"):
            return True
        if dep in ("xcomp", "acomp", "ccomp", "oprd"):
            if head.lemma_ in BLOCKING_LEMMAS:
                return False
            if dep == "ccomp":
                return True
            token = head
            continue
        if dep == "conj":
            token = head
            continue
        return True
    return True


def _noun_asserted(trigger: Token) -> bool:
    if any(
        c.dep_ in ("amod", "det", "advmod", "neg") and c.lower_ in UNREAL_MODIFIERS | _NEGATIONS
        for c in trigger.children
    ):
        return False
    token = trigger
    for _ in range(_MAX_STEPS):
        head = token.head
        if head == token or not _same_line(head, token):
            return True
        if token.dep_ == "pobj" and head.lower_ == "without":
            return False
        if head.lemma_ == "set" and any(c.lower_ == "for" for c in head.children):
            return False  # "a hearing is set for December": scheduled, not held
        legal_appeal = head.lemma_.lower() == "appeal" and token.lower_ == "against"
        blocking = head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in BLOCKING_NOUNS
        if blocking and not legal_appeal:
            return False
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            if head.lemma_ in _UNDOING and _has_modal(head):
                return False  # "the charges must be dropped": a call, not a statement
            if head.lemma_ in BLOCKING_LEMMAS:
                return False
            if head.dep_ == "acl" and head.tag_ == "VBG":
                token = head  # "information leading to their arrest": what the noun is about
                continue
            if head.lemma_ in STATE_VERBS | LIGHT_NOUN_GOVERNORS:
                return _verb_asserted(head, False)
            if _infinitive(head) and head.dep_ in ("xcomp", "advcl", "acl", "ccomp"):
                governor = head.head
                if governor.pos_ in ("NOUN", "PROPN"):
                    return governor.lemma_.lower() in ALLOWING_NOUNS
                return governor.lemma_ in IMPLICATIVE_VERBS
            return not _conditional(head)
        token = head
    return True


def is_asserted(trigger: Token, *, noun: bool, decision: bool = False) -> bool:
    """Return whether ``trigger`` states an event as having happened.

    ``noun`` selects the rules for an event noun ("arrest", "conviction"); ``decision`` lets
    a reported "would" stand ("the court announced that his bail conditions would be
    altered" reports a decision already taken).
    """
    return _noun_asserted(trigger) if noun else _verb_asserted(trigger, decision)
