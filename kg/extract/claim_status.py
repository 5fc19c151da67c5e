"""How a source presents each event: as fact ("asserted"), as someone's claim ("alleged"),
or as contested by the source or by someone it quotes ("disputed"); and whom it quotes.

A dispute cue counts only where the parse ties it to the event: an adjective on the event's
own noun or on the charges it stands on ("arrested on trumped-up charges", "a sham trial",
"politically motivated convictions", "the charges appear to be politically motivated"), an
adverb on its verb ("wrongly convicted"), or a denial by one of the event's people ("charged
with treason, which he denies", "X, who denies any wrongdoing, was charged", "pleaded not
guilty to the charges").  A denial in the next sentence of the same paragraph counts when it
clearly refers back ("X was charged with treason. He denied the charges.").  A cue under a
negation or a denial of its own ("the charges are not politically motivated", "denied that
the case was fabricated") counts for nothing: a false "disputed" is worse than a missed one.

Status never changes an event's type: an accusation stays a charge, a disputed conviction a
conviction.  A charge told with "accuse" is alleged unless the text makes it formal (a court
or prosecutor accuses, "formally accused", an article cited): a charge laid is a fact even
when its content is an accusation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Token

from kg.model import Mention

from .attribution import attribute
from .claim_lexicon import (
    ACCUSATION_TYPES,
    ALLEGED,
    ASSERTED,
    CHARGE_NOUNS,
    CHARGE_PREPOSITIONS,
    COPULAS,
    DENIAL_VERBS,
    DENIED_NOUNS,
    DISPUTE_ADJECTIVES,
    DISPUTE_ADVERBS,
    DISPUTED,
    FORMAL_ADVERBS,
    GROUND_NOUNS,
    GROUND_PREPOSITIONS,
    GUILT_NOUNS,
    INNOCENCE_VERBS,
    PARTY_WORDS,
    RULING_WORDS,
    SHAM_TRIAL_WORDS,
)
from .event_args import ItemContext
from .event_drafts import Draft
from .event_lexicon import LEGAL_AGENT_WORDS
from .event_modality import is_asserted
from .event_syntax import children, preps, subject_of

__all__ = ["settle_claims"]

_ATTRIBUTIVE = frozenset({"amod", "compound", "nmod", "acl"})
_CLIMBING = frozenset({"conj", "advmod", "npadvmod", "punct", "prt"})
_PREDICATIVE = frozenset({"acomp", "attr", "oprd", "advcl", "xcomp"})
_RELATIVE = frozenset({"which", "that", "who", "what"})
_REFERRING = frozenset({"it", "them", "this", "these", "those", "that", "which", "they"})
_DEFINITE = frozenset({"the", "these", "those", "such", "this", "that", "all", "both"})
_TRIAL_NOUNS = frozenset({"trial", "hearing", "court", "proceeding", "proceedings", "retrial"})
#: Events that end an accusation: contesting the charges does not contest them.
_ENDINGS = frozenset({"Acquittal", "Release"})
_NARROW = frozenset({"false", "fake", "absurd", "ludicrous", "preposterous"})


class _Cue(NamedTuple):
    """A dispute cue and the word it bears on.

    ``anchor`` is a noun the cue contests (the charges, the trial, the event's own noun) or,
    for a denial about oneself ("denied any wrongdoing"), the one who denies.  ``deniers``
    are the subject tokens of a denial (empty for an adjective).
    """

    anchor: Token
    deniers: tuple[Token, ...] = ()
    about_self: bool = False


def _negated(token: Token) -> bool:
    """Whether a word is negated ("not politically motivated", "are not baseless")."""
    return any(c.dep_ == "neg" or c.lower_ in ("not", "never", "no") for c in token.children)


def _is_dispute_word(token: Token) -> bool:
    """Whether a word contests what it qualifies ("trumped-up", "politically motivated")."""
    word = token.lower_
    if word == "motivated":
        return any(c.lower_ == "politically" for c in token.children) or (
            token.i > 0 and token.nbor(-1).lower_ == "politically"
        )
    return word in DISPUTE_ADJECTIVES or word in SHAM_TRIAL_WORDS


def _fits(word: Token, anchor: Token) -> bool:
    """Whether a dispute word can contest this noun: "false" and its like only charges and
    evidence ("false news" is an offence), "show" only a trial."""
    lemma = anchor.lemma_.lower()
    if word.lower_ in _NARROW:
        return lemma in GROUND_NOUNS
    if word.lower_ in SHAM_TRIAL_WORDS and word.lower_ not in DISPUTE_ADJECTIVES:
        return lemma in _TRIAL_NOUNS
    return anchor.pos_ in ("NOUN", "PROPN")


def _verb_above(node: Token) -> bool:
    """Whether a predicative word's verb governs it ("are baseless", "described as a sham")."""
    head = node.head.head if node.dep_ == "pobj" else node.head
    return head.pos_ in ("VERB", "AUX")


def _predicated(word: Token, node: Token) -> Token | None:
    """The noun a predicative dispute word is said of: "the charges are baseless", "called
    the charges politically motivated", "dismissed the case as fabricated", "a trial that
    rights groups described as a sham"."""
    verb = node.head.head if node.dep_ == "pobj" else node.head
    if _negated(node) or _negated(verb):
        return None
    while verb.dep_ == "xcomp" and not children(verb, "nsubj", "nsubjpass", "dobj"):
        verb = verb.head
        if _negated(verb):
            return None
    subjects = children(verb, "nsubj", "nsubjpass")
    objects = children(verb, "dobj")
    found = subjects if verb.lemma_ in COPULAS else objects or subjects
    if not found:
        return None
    anchor = found[0]
    if anchor.lower_ in _RELATIVE and verb.dep_ == "relcl":
        anchor = verb.head
    return anchor if _fits(word, anchor) or anchor.lower_ in _REFERRING else None


def _modifier_cue(word: Token) -> _Cue | None:
    """The cue a dispute adjective makes, if it bears on a noun and is not denied itself."""
    if any(a.lemma_ in DENIAL_VERBS for a in word.ancestors) or _negated(word):
        return None
    node = word
    for _ in range(4):
        if node.dep_ in _ATTRIBUTIVE and node.head.pos_ in ("NOUN", "PROPN"):
            return _Cue(node.head) if _fits(word, node.head) else None
        as_complement = node.dep_ == "pobj" and node.head.lower_ == "as"
        if (node.dep_ in _PREDICATIVE or as_complement) and _verb_above(node):
            anchor = _predicated(word, node)
            return _Cue(anchor) if anchor is not None else None
        if node.dep_ not in _CLIMBING or node.head == node:
            return None
        node = node.head
    return None


def _legal(ctx: ItemContext, phrases: Sequence[Token], words: frozenset[str]) -> bool:
    """Whether phrases name a court (a Court mention) or one of ``words`` ("prosecutors")."""
    for phrase in phrases:
        for token in phrase.subtree:
            mention = ctx.mention_at(token)
            if token.lower_ in words or (mention is not None and mention.type == "Court"):
                return True
    return False


def _denial_cues(ctx: ItemContext, verb: Token) -> list[_Cue]:
    """The cues a verb of denial or of pleading makes: on what it denies, or on the one who
    denies when that is their own guilt ("denied any wrongdoing", "pleaded not guilty")."""
    deniers = tuple(subject_of(verb))
    if _legal(ctx, deniers, RULING_WORDS) or not is_asserted(verb, noun=False):
        return []
    lemma = verb.lemma_
    if lemma == "plead":
        verdicts = [c for c in verb.children if c.lower_ in ("guilty", "innocent")]
        if not verdicts or (verdicts[0].lower_ == "guilty" and not _negated(verdicts[0])):
            return []
        pleaded = preps(verdicts[0], "to") + preps(verb, "to")
        return [_Cue(o, deniers) for o in pleaded] or [_Cue(d, deniers, True) for d in deniers]
    objects = children(verb, "dobj")
    if lemma in INNOCENCE_VERBS:
        if any(o.lemma_.lower() == "innocence" for o in objects):
            return [_Cue(d, deniers, True) for d in deniers]
        return []
    if lemma not in DENIAL_VERBS:
        return []
    cues = []
    for obj in objects:
        noun = obj.lemma_.lower()
        if obj.lower_ in ("which", "that") and verb.dep_ == "relcl":
            cues.append(_Cue(verb.head, deniers))
        elif noun in DENIED_NOUNS or obj.lower_ in _REFERRING:
            cues.append(_Cue(obj, deniers))
        elif noun in GUILT_NOUNS:
            cues += [_Cue(d, deniers, True) for d in deniers]
    return cues


def _cues(ctx: ItemContext, unit: tuple[int, int]) -> list[_Cue]:
    """Every dispute cue of one sentence."""
    cues: list[_Cue] = []
    span = ctx.sdoc.char_span(unit[0], unit[1], alignment_mode="expand")
    for token in span if span is not None else ():
        if _is_dispute_word(token):
            cue = _modifier_cue(token)
            if cue is not None:
                cues.append(cue)
        elif token.lower_ in DISPUTE_ADVERBS and token.dep_ == "advmod":
            cues.append(_Cue(token.head))  # "wrongly convicted"
        elif token.pos_ in ("VERB", "AUX"):
            cues += _denial_cues(ctx, token)
    return cues


def _holders(draft: Draft) -> set[Token]:
    """The words that state an event: its trigger, and the verb a pattern noun needs."""
    trigger = draft.trigger
    return {trigger.token} | ({trigger.governor} if trigger.governor is not None else set())


def _attached(cue: _Cue, draft: Draft) -> bool:
    """Whether a cue's noun is the event's own word, or the charges or grounds it stands on
    ("arrested on trumped-up charges"), or, for a denial, its offence ("charged with
    treason, which he denies")."""
    anchor = cue.anchor
    holders = _holders(draft)
    if cue.about_self:
        return False
    if anchor in holders:
        return True
    if draft.trigger.type in _ENDINGS:
        return False  # "acquitted of charges rights groups called baseless": not the acquittal
    if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" and anchor.head.head in holders:
        preposition, noun = anchor.head.lower_, anchor.lemma_.lower()
        if preposition in GROUND_PREPOSITIONS and noun in GROUND_NOUNS:
            return True
        return preposition in CHARGE_PREPOSITIONS and (bool(cue.deniers) or noun in CHARGE_NOUNS)
    called = anchor.head  # "in what rights groups called a sham trial"
    return (
        anchor.dep_ in ("oprd", "attr", "dobj")
        and called.dep_ == "pcomp"
        and called.head.head in holders
        and any(c.lower_ == "what" for c in called.children)
    )


def _same_person(one: Mention, other: Mention) -> bool:
    """Whether two mentions name one person (a bare surname counts as its full name)."""
    a, b = set(one.text.split()), set(other.text.split())
    return a <= b or b <= a


def _claimants(ctx: ItemContext, deniers: Sequence[Token]) -> list[Mention]:
    """Whom the deniers stand for: themselves (a name, "he", "who"), or the client of "his
    lawyer" and the like."""
    found: list[Mention] = []
    for denier in deniers:
        found += ctx.participants(denier).mentions
        if denier.lower_ in PARTY_WORDS:
            for owner in children(denier, "poss"):
                found += ctx.participants(owner).mentions
    return found


def _accused(draft: Draft) -> bool:
    """Whether an event carries an accusation a denial of "the charges" can bear on."""
    return draft.trigger.type in ACCUSATION_TYPES or bool(draft.charges)


def _by_its_people(ctx: ItemContext, cue: _Cue, draft: Draft) -> bool:
    """Whether a denial comes from the event's own people ("but denies the charges", "who
    denies any wrongdoing"): it then bears on the accusation the event carries."""
    if not cue.deniers or not _accused(draft):
        return False
    if not (cue.about_self or cue.anchor.lemma_.lower() in DENIED_NOUNS):
        return False
    return any(_same_person(c, s) for c in _claimants(ctx, cue.deniers) for s in draft.subjects)


def _refers_back(cue: _Cue) -> bool:
    """Whether a cue's noun refers to charges told before ("the charges", "them")."""
    anchor = cue.anchor
    if cue.about_self or anchor.lower_ in _REFERRING:
        return True
    if anchor.lemma_.lower() not in DENIED_NOUNS | GROUND_NOUNS:
        return False
    determiners = [c for c in anchor.children if c.dep_ in ("det", "poss", "predet")]
    return any(d.lower_ in _DEFINITE or d.dep_ == "poss" for d in determiners) and not preps(
        anchor, "against"
    )


def _disputed_next(ctx: ItemContext, cue: _Cue, draft: Draft, next_drafts: Sequence[Draft]) -> bool:
    """Whether a cue of the next sentence contests an accusation the event carries."""
    if not _accused(draft) or not _refers_back(cue) or any(_accused(d) for d in next_drafts):
        return False
    if not cue.deniers:
        return True  # "The charges are politically motivated, his lawyer said."
    return any(_same_person(c, s) for c in _claimants(ctx, cue.deniers) for s in draft.subjects)


def _informal_accusation(ctx: ItemContext, draft: Draft) -> bool:
    """A charge told with "accuse" and nothing making it formal: the accusation is a claim."""
    token = draft.trigger.token
    if token.lemma_.lower() != "accuse" or draft.provisions:
        return False
    if any(c.lower_ in FORMAL_ADVERBS for c in token.children):
        return False
    return not _legal(ctx, draft.trigger.agents, LEGAL_AGENT_WORDS)


def _paragraph_follows(ctx: ItemContext, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether ``other`` is the sentence right after ``one`` in the same paragraph (line)."""
    return one[1] <= other[0] and "\n" not in ctx.sdoc.text[one[1] : other[0]]


def settle_claims(
    ctx: ItemContext, drafts: Sequence[Draft], units: Sequence[tuple[int, int]]
) -> None:
    """Set each draft's status and the speakers the source quotes for it."""
    following = dict(zip(units, units[1:], strict=False))
    needed = {d.unit for d in drafts} | {following.get(d.unit) for d in drafts}
    cues = {unit: _cues(ctx, unit) for unit in units if unit in needed}
    for draft in drafts:
        attribution = attribute(ctx, draft.trigger, draft.subjects + draft.agents)
        draft.asserted_by = attribution.speakers
        own = cues.get(draft.unit, [])
        disputed = any(_attached(c, draft) or _by_its_people(ctx, c, draft) for c in own)
        after = following.get(draft.unit)
        if not disputed and after is not None and _paragraph_follows(ctx, draft.unit, after):
            next_drafts = [d for d in drafts if d.unit == after]
            disputed = any(_disputed_next(ctx, c, draft, next_drafts) for c in cues[after])
        if disputed:
            draft.status = DISPUTED
        elif attribution.hedged or _informal_accusation(ctx, draft):
            draft.status = ALLEGED
        else:
            draft.status = ASSERTED
