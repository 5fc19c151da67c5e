"""The offences of an event: the words its trigger's own phrase gives ("charged with X",
"accused of X", "on X charges", "found guilty of X"), a charge noun in its complement
("summoned to hear a charge of X"), or an accusation told with it ("issued warrants,
accusing them of X"; "a lawsuit accusing the union of X")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .event_args import ItemContext
from .event_law import charge_noun_offences, offences_after
from .event_lexicon import CHARGE_CUES, PARTICIPLE_ADJECTIVES
from .event_syntax import Trigger

__all__ = ["trigger_offences"]


def _is_person(ctx: ItemContext) -> Callable[[Token], bool]:
    """A test for tokens naming a person (to cut "the murder of <victim>" to "murder")."""

    def check(token: Token) -> bool:
        mention = ctx.mention_at(token)
        return mention is not None and ctx.personlike(mention) or token.ent_type_ == "PERSON"

    return check


def trigger_offences(
    ctx: ItemContext, trigger: Trigger, limit: int, positions: frozenset[int]
) -> list[str]:
    """The offences a trigger's own phrase names ("charged with X", "on X charges"), or an
    accusation that comes with it ("issued warrants for them, accusing them of X")."""
    found = _charges_named(ctx, trigger, limit, positions)
    holder = trigger.governor if trigger.governor is not None else trigger.token
    for clause in holder.children:
        if clause.dep_ in ("advcl", "conj") and clause.lemma_ == "accuse" and not found:
            found = offences_after(clause, frozenset({"of"}), limit, positions, _is_person(ctx))
    return found


def _charges_named(
    ctx: ItemContext, trigger: Trigger, limit: int, positions: frozenset[int]
) -> list[str]:
    """The offences a trigger's own phrase names."""
    token = trigger.token
    is_person = _is_person(ctx)
    lemma = PARTICIPLE_ADJECTIVES.get(token.lower_, token.lemma_.lower())
    if trigger.noun:
        if lemma in ("charge", "indictment"):
            return charge_noun_offences(token, is_person)
        key = {"arrest": "arrest_noun"}.get(lemma, lemma)
        cues = CHARGE_CUES.get(key)
        found = offences_after(token, cues, limit, positions, is_person) if cues else []
        if trigger.type == "Complaint":
            clauses = [c for agent in trigger.agents for c in agent.children if c.dep_ == "relcl"]
            clauses += [c for c in token.children if c.dep_ in ("acl", "relcl")]
            for clause in clauses:
                if clause.lemma_ == "accuse":
                    found += offences_after(clause, frozenset({"of"}), limit, positions, is_person)
        return found
    if trigger.rule in ("found-guilty", "charges-dropped") or lemma == "clear":
        cue = next((t for t in token.subtree if t.lower_ == "guilty"), token)
        return offences_after(cue, frozenset({"of"}), limit, positions, is_person)
    heard = _complement_charge(token, positions)
    if heard is not None and (named := charge_noun_offences(heard, is_person)):
        return named
    cues = CHARGE_CUES.get(lemma)
    return offences_after(token, cues, limit, positions, is_person) if cues else []


_COMPLEMENT_DEPS = frozenset({"dobj", "pobj", "prep", "xcomp", "advcl", "ccomp", "acomp"})


def _complement_charge(trigger: Token, positions: frozenset[int]) -> Token | None:
    """A charge noun in the trigger's complement ("summoned her to hear a charge of X",
    "summonsed ... to answer charges of X"): it names the trigger's offence."""
    for token in trigger.subtree:
        if token.lemma_ != "charge" or token.pos_ != "NOUN" or token.i in positions:
            continue
        current = token
        while current != trigger and current.dep_ in _COMPLEMENT_DEPS:
            current = current.head
            if current != trigger and current.i in positions:
                break
        if current == trigger:
            return token
    return None
