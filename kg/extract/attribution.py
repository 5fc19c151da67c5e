"""Whom a source quotes for an event, and whether it presents the event as a claim.

An event is attributed when its trigger stands inside the clause a reporting verb governs
("Amnesty International said X was arrested", "“…,” said the party's spokesman") or under
"according to X".  The speaker is the actor mention of that verb's subject (or of its
apposition, or the organisation it speaks for).  The event is *hedged* (presented as
someone's claim, not as fact) under a verb of claiming ("claimed that"), an impersonal or
raising report ("it is reported that", "is said to have been"), a hedge word ("reportedly",
"his alleged arrest"), an accusation ("accused the police of arresting X") or "according to"
a party to the case (the event's own people, a lawyer, the prosecution, the family).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.model import ORGANIZATION_TYPES, Mention

from .claim_lexicon import (
    CLAIM_VERBS,
    HEARSAY_NOUNS,
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    PARTY_WORDS,
    REPORTING_VERBS,
)
from .event_args import ItemContext
from .event_lexicon import ORGANISATION_NOUNS
from .event_modality import is_hearsay
from .event_syntax import Trigger, by_agent, children, preps

__all__ = ["Attribution", "attribute"]

_SPEAKER_TYPES = frozenset({"Person"}) | ORGANIZATION_TYPES
_MAX_STEPS = 12


@dataclass(frozen=True)
class Attribution:
    """Whom the source quotes for an event, and whether it presents the event as a claim."""

    speakers: tuple[Mention, ...] = ()
    hedged: bool = False


def _same_line(one: Token, other: Token) -> bool:
    """Whether two tokens stand on one line (a parse may join a headline to a sentence)."""
    low, high = sorted((one.idx, other.idx))
    return "\n" not in one.doc.text[low:high]


def _speakers(ctx: ItemContext, heads: list[Token]) -> tuple[Mention, ...]:
    """The person or organisation mentions a speaker phrase names: the head's own mention and
    its appositions ("Nicholas X, Amnesty's researcher"), else the organisation it speaks
    for ("the party's spokesman")."""
    found: list[Mention] = []
    for head in heads:
        named = [m for m in ctx.chain(head) if m.type in _SPEAKER_TYPES]
        if not named:
            for owner in children(head, "poss"):
                owners = ctx.chain(owner)
                if not owners and owner.lemma_.lower() in ORGANISATION_NOUNS:
                    owners = list(ctx.organisation(owner))
                named += [m for m in owners if m.type in ORGANIZATION_TYPES]
        found += [m for m in named if m not in found]
    return tuple(found)


def _according_to(token: Token) -> list[Token]:
    """The objects of an "according to" phrase on a token."""
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "according"
        for obj in preps(prep, "to")
    ]


def _is_party(ctx: ItemContext, heads: list[Token], parties: tuple[Mention, ...]) -> bool:
    """Whether an "according to" source is a party to the case or hearsay: one of the event's
    people, or words such as "his lawyer", "the prosecution", "the family", "reports"
    (not the name of an organisation such as "Lawyers for X")."""
    for head in heads:
        if any(m in parties for m in ctx.chain(head)):
            return True
        if head.lower_ in PARTY_WORDS | HEARSAY_NOUNS and ctx.mention_at(head) is None:
            return True
    return False


def _quoted(clause: Token) -> bool:
    """Whether a clause is what its head verb reports: the complement after it ("said that
    X was arrested"), or the clause before it that it reports alone, with nothing stronger
    than a comma between them ("X was arrested, police said"; not "X was summoned; Y told
    the court that ...")."""
    head = clause.head
    if clause.dep_ not in ("ccomp", "parataxis"):
        return False
    if clause.i > head.i:
        return clause.dep_ == "ccomp"
    between = clause.doc[clause.right_edge.i + 1 : head.i]
    others = [c for c in children(head, "ccomp", "parataxis") if c != clause]
    return not others and not any(t.text in (";", ":", ".", "—", "–") for t in between)


def _hedged_here(token: Token) -> bool:
    """A hedge on the token itself: "reportedly arrested", "his alleged arrest"."""
    return any(
        (c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS)
        or (c.dep_ == "amod" and c.lower_ in HEDGE_ADJECTIVES)
        for c in token.children
    )


def _impersonal(verb: Token) -> bool:
    """ "It is reported that ...": a passive reporting verb with an empty subject."""
    return any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in verb.children)


def attribute(ctx: ItemContext, trigger: Trigger, parties: tuple[Mention, ...]) -> Attribution:
    """Return whom the source quotes for a trigger's event and whether it hedges it.

    ``parties`` are the event's subjects and agents: "according to" one of them presents
    the event as that party's claim.  The walk goes up from the trigger to the first verb
    of saying that governs it; a trigger inside a speaker's own phrase is not attributed.
    """
    token = trigger.token
    hedged = False
    for _ in range(_MAX_STEPS):
        hedged = hedged or _hedged_here(token)
        sources = _according_to(token)
        if sources:
            speakers = _speakers(ctx, sources)
            return Attribution(speakers, hedged or _is_party(ctx, sources, parties))
        head = token.head
        if head == token or not _same_line(head, token):
            break
        if is_hearsay(token):
            hedged = True
        elif _quoted(token) and head.lemma_ in REPORTING_VERBS:
            subjects = children(head, "nsubj") or by_agent(head)
            claimed = head.lemma_ in CLAIM_VERBS or _impersonal(head) or _hedged_here(head)
            return Attribution(_speakers(ctx, subjects), hedged or claimed)
        elif token.dep_ in ("pcomp", "pobj") and head.lower_ == "of":
            if head.head.lemma_ == "accuse" and head.head != trigger.token:
                accusers = children(head.head, "nsubj") or by_agent(head.head)
                return Attribution(_speakers(ctx, accusers), True)
        elif token.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in REPORTING_VERBS:
            break
        token = head
    return Attribution((), hedged)
