"""Noun triggers of events ("her arrest", "the conviction of", "pre-trial detention", "an
arrest warrant issued", "a complaint filed against") and their participants.

An event noun's patients are its possessor, its "of"/"against" phrase, or the subject of the
clause it stands in; some nouns count only in a pattern: a warrant that was issued, a
complaint or case that was filed, "in jail" where someone is or is put.
"""

from __future__ import annotations

from spacy.tokens import Token

from .event_lexicon import (
    APPEAL_GOVERNORS,
    CASE_NOUNS,
    FILING_VERBS,
    NOUN_TRIGGERS,
    STATE_VERBS,
    WARRANT_VERBS,
)
from .event_syntax import (
    DURATION_NOUNS,
    Trigger,
    by_agent,
    children,
    clause_patients,
    is_passive,
    preps,
    requested_endings,
    subject_of,
    trigger_kind,
)

__all__ = ["noun_trigger"]

_CONFINING_VERBS = frozenset(
    {"send", "put", "throw", "keep", "hold", "lock", "place", "remand", "return", "spend",
     "transfer", "take", "detain", "imprison", "jail"}
)  # fmt: skip
_REPRESENTATIVES = frozenset({"lawyer", "attorney", "counsel", "defence", "defense", "family"})
_SENTENCE_GOVERNORS = frozenset({"give", "hand", "impose", "receive", "pass", "mete", "serve"})
_ARGUMENT_TYPES = frozenset(
    {"Arrest", "Conviction", "Sentencing", "Trial", "Acquittal", "Summons", "Appeal",
     "ArrestWarrant", "Charge"}
)  # fmt: skip


def _argument_of_other_trigger(noun: Token) -> bool:
    """Whether a charge noun only names the offence of another event ("arrested on charges",
    "the conviction of X, on charges of Y")."""
    token = noun
    for _ in range(3):
        if token.dep_ not in ("pobj", "prep") or token.head == token:
            return False
        token = token.head
        if trigger_kind(token) in _ARGUMENT_TYPES:
            return True
        if token.pos_ in ("VERB", "AUX", "NOUN"):
            return any(
                t.i < noun.i and t.pos_ == "NOUN" and trigger_kind(t) in _ARGUMENT_TYPES
                for t in token.subtree
            )
    return False


def _noun_patients(noun: Token) -> list[Token]:
    own = children(noun, "poss") + preps(noun, "of", "against")
    absentia = [t for t in noun.doc[noun.i + 1 : noun.i + 4] if t.lower_ == "absentia"]
    if not own and absentia:  # "the trial in absentia of X", parsed as "absentia of X"
        own = preps(absentia[0], "of")
    if not own:
        for follower in noun.doc[noun.i + 1 : noun.i + 5]:
            if follower.lower_ == "of" and follower.head.ent_type_ in ("DATE", "TIME"):
                own = [c for c in follower.children if c.dep_ == "pobj"]
                break
    return own if own else clause_patients(noun)


def _governing_verb(noun: Token) -> Token | None:
    token = noun
    for _ in range(3):
        if token.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "attr") or token.dep_ == "prep":
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                return token
        else:
            return None
    return None


def noun_trigger(token: Token, mention_types: dict[int, str]) -> Trigger | None:
    """The trigger an event noun is, or None."""
    lemma = token.lemma_.lower()
    kind = NOUN_TRIGGERS.get(lemma)
    if kind is None or token.dep_ in ("compound", "amod", "nmod"):
        return None
    compounds = {c.lemma_.lower() for c in token.children if c.dep_ == "compound"}
    verb = _governing_verb(token)
    acl = [c for c in token.children if c.dep_ in ("acl", "relcl")]

    def make(
        kind: str,
        patients: list[Token],
        agents: tuple[Token, ...] = (),
        rule: str = "noun",
        governor: Token | None = None,
    ) -> Trigger:
        return Trigger(token, kind, rule, True, tuple(patients), agents, governor=governor)

    if lemma == "arrest":
        return make("Detention" if "house" in compounds else "Arrest", _noun_patients(token))
    if lemma == "warrant":
        issuers = [v for v in [verb, *acl] if v is not None and v.lemma_ in WARRANT_VERBS]
        if "arrest" not in compounds and not preps(token, "for"):
            return None
        if not issuers:
            return None
        targets = []
        issuer = issuers[0]
        for obj in preps(token, "for", "against") or preps(issuer, "for", "against"):
            targets += _noun_patients(obj) if obj.lemma_ == "arrest" else [obj]
        agents = by_agent(issuer) if is_passive(issuer) else subject_of(issuer)
        return make("ArrestWarrant", targets, tuple(agents), "warrant-issued", issuer)
    if lemma in ("jail", "prison") or (lemma == "bar" and token.head.lower_ == "behind"):
        return _jail(token, mention_types)
    if lemma == "custody" and token.head.lower_ not in ("in", "into"):
        return None
    if lemma in ("charge", "indictment"):
        if token.head.lower_ in ("in", "of") and token.dep_ == "pobj" and lemma == "charge":
            return None
        if _argument_of_other_trigger(token):
            return None
        return make("Charge", _noun_patients(token))
    if lemma in ("trial", "retrial", "hearing"):
        if token.head.lower_ == "for" and token.head.head.lemma_ in ("appear", "summon", "summons"):
            return None
        if "appeal" in compounds:
            return make("Appeal", _noun_patients(token), rule="appeal-hearing")
        return make("Trial", _noun_patients(token))
    if lemma == "appeal":
        if verb is None or verb.lemma_ not in APPEAL_GOVERNORS:
            return None
        return make("Appeal", _appellants(token, verb), governor=verb)
    if lemma == "sentence":
        handed = [c for c in acl if c.lemma_ in _SENTENCE_GOVERNORS]
        if handed:
            people = children(token, "poss") + preps(handed[0], "to", "on", "against")
            return make("Sentencing", people, rule="sentence-handed")
        if verb is None or verb.lemma_ not in _SENTENCE_GOVERNORS:
            return None
        if is_passive(verb) or verb.lemma_ in ("receive", "serve"):
            people = children(token, "poss") or subject_of(verb)
        else:
            people = children(verb, "dative") + preps(verb, "to", "on")
        return make("Sentencing", people, governor=verb)
    if lemma == "summons":
        return make("Summons", preps(token, "for", "against", "to") or _noun_patients(token))
    if lemma == "ban":
        return make("Dissolution", children(token, "poss") + preps(token, "on", "of"))
    if kind == "Complaint":
        return _complaint(token, verb, acl)
    return make(kind, _noun_patients(token))


def _appellants(appeal: Token, verb: Token) -> list[Token]:
    """Who appeals: the appeal's possessor or "of" phrase, the possessor of the decision
    appealed against ("an appeal against her conviction"), or whoever lodged it (for "X's
    lawyers filed an appeal", X)."""
    found = children(appeal, "poss") + preps(appeal, "of")
    for decision in preps(appeal, "against"):
        found += children(decision, "poss") + preps(decision, "of")
    if found:
        return found
    filers = subject_of(verb)
    for filer in filers:
        if filer.lemma_ in _REPRESENTATIVES:
            found += children(filer, "poss") + preps(filer, "for", "of")
    return found or filers


def _jail(token: Token, mention_types: dict[int, str]) -> Trigger | None:
    """ "In jail", "behind bars": detention only where someone is or is put there."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("in", "behind", "into", "to"):
        return None
    holder = prep.head
    for ancestor in token.ancestors:
        if ancestor.lemma_ in ("sentence", "face", "risk", "carry"):
            return None
    if holder.lemma_ in DURATION_NOUNS:
        spent = holder.head.lemma_ in ("spend", "serve") or holder.head.lower_ in (
            "after",
            "following",
        )
        if not spent:
            return None
    elif holder.lemma_ not in STATE_VERBS | _CONFINING_VERBS:
        return None
    return Trigger(token, "Detention", "in-jail", True, tuple(clause_patients(token)), ())


def _complaint(token: Token, verb: Token | None, acl: list[Token]) -> Trigger | None:
    """A complaint, lawsuit or case filed (against someone, or to dissolve something)."""
    filers = [v for v in [verb, *acl] if v is not None and v.lemma_ in FILING_VERBS]
    if not filers:
        return None
    filer = filers[0]
    agents = by_agent(filer) if filer in acl or is_passive(filer) else subject_of(filer)
    targets = preps(token, "against")
    targets += requested_endings([*acl, *children(filer, "advcl", "xcomp")])
    for agent in agents:
        for clause in children(agent, "relcl") + acl:
            if clause.lemma_ == "accuse":
                targets += children(clause, "dobj")
    if token.lemma_.lower() in CASE_NOUNS and not targets:
        return None
    return Trigger(
        token, "Complaint", "complaint-filed", True, tuple(targets), tuple(agents), governor=filer
    )
