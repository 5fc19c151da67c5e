"""Verb triggers of events ("were arrested", "sentenced", "refused bail", "the banned party")
and the event type and participants each gives; :func:`find_trigger` also dispatches nouns
to :mod:`.event_nouns`.

Whether the event is asserted is :mod:`.event_modality`'s business; whom the participant heads
refer to, :mod:`.event_args`'s.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import ORGANIZATION_TYPES

from .event_lexicon import (
    APPEAL_DECISION_VERBS,
    APPEALED_DECISIONS,
    BAIL_VERBS,
    CONFINING_VERBS,
    DISSOLVE_VERBS,
    LEGAL_AGENT_WORDS,
    ORGANISATION_NOUNS,
    PARTICIPLE_ADJECTIVES,
    PENALTY_VERBS,
    PETITION_VERBS,
    POLITICS_WORDS,
    RIGHT_REMOVAL_VERBS,
    VERB_TRIGGERS,
)
from .event_nouns import noun_trigger
from .event_syntax import (
    DURATION_NOUNS,
    ENDED_ORGANISATION,
    Trigger,
    by_agent,
    children,
    companions,
    facility_like,
    is_passive,
    locative_preps,
    organisation_targets,
    preps,
    subject_of,
)

__all__ = ["Trigger", "find_trigger", "is_passive"]


def _verb_trigger(token: Token, mention_types: dict[int, str]) -> Trigger | None:
    lemma = PARTICIPLE_ADJECTIVES.get(token.lower_, token.lemma_.lower())
    passive = is_passive(token)
    subject = subject_of(token)
    patients = subject if passive else children(token, "dobj")
    patients = patients + companions(token)
    agents = by_agent(token) if passive else subject
    rule = "passive-verb" if passive else "active-verb"

    alone = token.dep_ == "amod"

    def make(kind: str, who: list[Token], by: list[Token], name: str = rule) -> Trigger:
        return Trigger(token, kind, name, False, tuple(who), tuple(by), alone=alone)

    objects = children(token, "dobj", "nsubjpass", "dative", "attr")
    if lemma in BAIL_VERBS and any(_about_bail(o) for o in objects):
        return _bail(token, passive, subject, objects)
    misread = [c for c in children(token, "ccomp", "xcomp") if c.lemma_ == "bail"]
    if lemma in BAIL_VERBS and misread:  # "refused them bail" parsed as "them (to) bail"
        who = children(misread[0], "nsubj", "dobj")
        return Trigger(token, "BailDecision", "bail-verb", False, tuple(who), tuple(subject), True)
    if lemma in RIGHT_REMOVAL_VERBS and any(o.lemma_ == "right" for o in objects + subject):
        return _right_removal(token, objects + subject)
    if lemma in ("send", "refer", "remand", "return") and any(o.lemma_ == "case" for o in objects):
        case = next(o for o in objects if o.lemma_ == "case")
        back = any(c.lower_ == "back" for c in token.children) or any(
            t.lower_ in ("appeal", "appeals") for t in token.subtree
        )
        if back:
            return make(
                "Appeal", children(case, "poss") + preps(case, "of"), subject, "case-sent-back"
            )
        return None
    if lemma in DISSOLVE_VERBS and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in token.children
    ):
        return make("Dissolution", patients, agents)
    guilty = _guilty(token) if lemma == "find" else None
    if guilty is not None:
        acquitted = any(c.dep_ == "neg" or c.lower_ in ("not", "never") for c in guilty.children)
        patients = children(guilty, "nsubj") or patients
        return make("Acquittal" if acquitted else "Conviction", patients, agents, "found-guilty")
    if lemma in ("drop", "withdraw", "dismiss", "quash") and any(
        o.lemma_ == "charge" for o in objects
    ):
        if _characterised(token, subject, mention_types):
            return None
        charges = [o for o in objects if o.lemma_ == "charge"]
        return make(
            "Acquittal",
            [p for c in charges for p in preps(c, "against")],
            agents,
            "charges-dropped",
        )
    if lemma == "clear" and preps(token, "of"):
        return make("Acquittal", patients, agents)
    if lemma == "disqualify" and preps(token, "from"):
        return make("PoliticalBan", patients, agents)
    special = _special_verb(token, lemma, objects, (subject, agents), passive, mention_types)
    if special is not None:
        return special
    kind = VERB_TRIGGERS.get(lemma)
    if kind is None or (
        token.pos_ not in ("VERB", "AUX") and token.lower_ not in PARTICIPLE_ADJECTIVES
    ):
        return None
    if token.lower_ == "fined":
        lemma = "fine"
    if lemma == "detain":
        return make(_detain_type(token, mention_types), patients, agents)
    if lemma == "hold":
        places = locative_preps(token, "in", "at", "inside")
        if passive and any(facility_like(p, mention_types) for p in places):
            return make("Detention", patients, agents)
        return None
    if lemma == "accuse":
        legal = passive or any(
            t.lower_ in LEGAL_AGENT_WORDS or mention_types.get(t.i) == "Court"
            for s in subject
            for t in s.subtree
        )
        return make("Charge", patients, agents) if legal else None
    if lemma == "try" and (not passive or children(token, "xcomp")):
        return None
    if lemma == "appeal":
        if preps(token, "to", "for") or children(token, "xcomp"):
            return None
        return make("Appeal", subject, [])
    if lemma in ("ban", "bar"):
        banned_from = preps(token, "from")
        political = any(t.lower_ in POLITICS_WORDS for p in banned_from for t in p.subtree)
        return make("PoliticalBan" if political else "Dissolution", patients, agents)
    if lemma == "fine":
        if token.pos_ != "VERB" and token.lower_ != "fined":
            return None
        objects = children(token, "dobj", "dative")
        people = [o for o in objects if not _amount(o)]
        people += [  # "fined her 4,000 roubles", read as "her roubles"
            c
            for o in objects
            if _amount(o)
            for c in children(o, "poss", "nmod")
            if c.pos_ in ("PRON", "PROPN")
        ]
        if not people:
            return make(kind, subject if token.tag_ == "VBN" else [], by_agent(token), "fined")
        return make(kind, people, agents)
    return make(kind, patients, agents)


def _characterised(verb: Token, subject: list[Token], mention_types: dict[int, str]) -> bool:
    """ "His lawyer dismissed the charges as politically motivated": a judgement on the
    charges by someone who cannot end them, not a court or prosecutor dropping them."""
    if not any(t.lower_ == "as" for t in verb.subtree if t.i > verb.i):
        return False
    return not any(
        t.lower_ in LEGAL_AGENT_WORDS or mention_types.get(t.i) == "Court"
        for s in subject
        for t in s.subtree
    )


def _amount(token: Token) -> bool:
    """Whether an object is a sum of money ("$500", "4,000 roubles"), not a person fined."""
    counted = any(c.dep_ == "nummod" or c.like_num for c in token.children)
    return token.ent_type_ == "MONEY" or token.text == "$" or token.like_num or counted


def _special_verb(
    token: Token,
    lemma: str,
    objects: list[Token],
    roles: tuple[list[Token], list[Token]],
    passive: bool,
    mention_types: dict[int, str],
) -> Trigger | None:
    """Verbs that are events only with a particular complement: "upheld her conviction"
    (Appeal), "jailed him for nine months" and "handing him ten years" (Sentencing), "taken
    to X Prison" (Detention), "walked free" (Release), "asked the court to dissolve X"
    (Complaint)."""
    subject, agents = roles
    alone = token.dep_ == "amod"

    def make(kind: str, who: list[Token], by: list[Token], rule: str) -> Trigger:
        return Trigger(token, kind, rule, False, tuple(who), tuple(by), alone=alone)

    own = subject if passive else objects
    if lemma in APPEAL_DECISION_VERBS:
        decisions = [o for o in objects + subject if o.lemma_.lower() in APPEALED_DECISIONS]
        people: list[Token] = []
        for decision in decisions:
            people += children(decision, "poss") + preps(decision, "against", "of", "on")
            for clause in children(decision, "acl", "relcl"):
                people += preps(clause, "to", "on", "against")
        return (
            make("Appeal", people, agents if not passive else by_agent(token), "decision-upheld")
            if decisions
            else None
        )
    durations = [o for o in preps(token, "for") if o.lemma_ in DURATION_NOUNS or o.lower_ == "life"]
    if lemma in ("jail", "imprison") and durations:
        return make("Sentencing", own, agents, "jailed-for")
    held = [o for o in children(token, "dobj") if o.lemma_ in DURATION_NOUNS or o.lower_ == "life"]
    if lemma in PENALTY_VERBS and held:
        return make(
            "Sentencing",
            children(token, "dative") + preps(token, "to", "on"),
            subject,
            "penalty-given",
        )
    if lemma in CONFINING_VERBS and any(
        facility_like(p, mention_types) for p in preps(token, "to", "into")
    ):
        return make("Detention", own, agents, "taken-to-prison")
    if lemma == "walk" and any(c.lower_ == "free" for c in token.children):
        return make("Release", subject, [], "walked-free")
    if lemma in PETITION_VERBS and not passive:
        asked = [o for o in objects if any(t.lower_ in ("court", "tribunal") for t in o.subtree)]
        ended = [c for c in children(token, "xcomp", "ccomp") if c.lemma_ in ENDED_ORGANISATION]
        targets = organisation_targets([o for c in ended for o in children(c, "dobj")])
        targets = [t for t in targets if _organisation_like(t, mention_types)]
        if asked and targets:
            return make("Complaint", targets, subject, "petition")
    return None


def _organisation_like(token: Token, mention_types: dict[int, str]) -> bool:
    """Whether a phrase names an organisation (a mention of one, or "the party")."""
    named = mention_types.get(token.i) in ORGANIZATION_TYPES
    return named or token.lemma_.lower() in ORGANISATION_NOUNS


def _guilty(verb: Token) -> Token | None:
    """The "guilty" of "found (X) (not) guilty", if the verb has one."""
    for token in verb.subtree:
        if token.lower_ == "guilty" and verb in (token.head, token.head.head):
            return token
    return None


def _detain_type(token: Token, mention_types: dict[int, str]) -> str:
    """ "Detained" is the act of taking someone (Arrest) unless it says where or how long
    someone was held, continues, or follows an arrest ("arrested and detained")."""
    siblings = [token.head] if token.dep_ == "conj" else []
    siblings += children(token, "conj")
    if any(s.lemma_ in ("arrest", "apprehend") for s in siblings):
        return "Detention"
    places = preps(token, "in", "at", "inside")
    if any(facility_like(p, mention_types) for p in places):
        return "Detention"
    if any(o.lemma_ in DURATION_NOUNS for o in preps(token, "for")) or preps(token, "since"):
        return "Detention"
    if token.head.lemma_ in ("continue", "remain", "keep") or any(
        c.lower_ in ("still", "currently", "being") for c in token.children
    ):
        return "Detention"
    return "Arrest"


_REQUESTS = frozenset({"request", "application", "motion", "petition", "plea"})


def _about_bail(phrase: Token) -> bool:
    """Whether a phrase is bail or a request for it, or for house arrest instead of jail."""
    words = {t.lemma_.lower() for t in phrase.subtree}
    requested = phrase.lemma_ in _REQUESTS and ("release" in words or {"house", "arrest"} <= words)
    return "bail" in words or requested


def _bail(token: Token, passive: bool, subject: list[Token], objects: list[Token]) -> Trigger:
    """A bail decision: whose bail is the passive subject, the dative, or the bail noun's
    possessor or "regarding"/"for" phrase, or whom a request asks to move ("requests to move
    him to house arrest")."""
    patients: list[Token] = []
    for obj in objects:
        if obj.lemma_ in ("bail", "condition", "conditions") or obj.lemma_ in _REQUESTS:
            patients += children(obj, "poss") + preps(obj, "regarding", "for", "of", "concerning")
            patients += [o for c in children(obj, "acl", "relcl") for o in children(c, "dobj")]
        elif obj.dep_ != "attr":
            patients.append(obj)
    if passive and not patients:
        patients = [s for s in subject if s.lemma_ not in ("bail", "condition", "request")]
    patients += preps(token, "regarding", "concerning", "for", "to")
    patients += [o for d in children(token, "dative") for o in children(d, "pobj")]
    agents = by_agent(token) if passive else subject
    return Trigger(token, "BailDecision", "bail-verb", False, tuple(patients), tuple(agents), True)


def _right_removal(token: Token, holders: list[Token]) -> Trigger:
    """ "Had their right to vote rescinded", "stripped of their political rights"."""
    patients: list[Token] = []
    if token.dep_ == "ccomp" and token.head.lemma_ == "have":
        patients = children(token.head, "nsubj")
    for holder in holders:
        if holder.lemma_ == "right" and not patients:
            patients = children(holder, "poss")
        elif holder.lemma_ != "right":
            patients.append(holder)
    return Trigger(token, "PoliticalBan", "right-removed", False, tuple(patients), ())


def find_trigger(token: Token, mention_types: dict[int, str]) -> Trigger | None:
    """Return the trigger a token is, or None.  ``mention_types`` maps token indices of the
    item to the actor type of the mention they belong to."""
    if token.pos_ in ("VERB", "AUX") or token.lower_ in PARTICIPLE_ADJECTIVES:
        return _verb_trigger(token, mention_types)
    if token.pos_ == "NOUN":
        return noun_trigger(token, mention_types)
    return None
