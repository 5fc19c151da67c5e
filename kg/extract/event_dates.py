"""Which event a date expression of a sentence belongs to.

A date belongs to the first trigger above it in the dependency parse ("arrested ... on 3
September 2017"); a date above every trigger (on the clause that governs them: "On the
morning of 7 August, the judge decided to refuse bail") belongs to the triggers that clause
governs.  Coordinated triggers share a date placed before them all ("On 2 May, four staff
were arrested and charged") or after the last of them ("arrested and detained ... a month
before the election"), but not one placed after the first of them ("arrested on 3 September
and subsequently charged").  A date that opens the sentence covers its other events too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from kg.date_rules import number, shift_date
from kg.dates import find_dates

from .event_lexicon import TIME_SHIFT_ADVERBS

__all__ = ["attach_dates", "relative_dates"]

_GOVERNED = frozenset(
    {"xcomp", "ccomp", "dobj", "nsubj", "nsubjpass", "attr", "oprd", "acomp", "pobj", "prep",
     "pcomp", "csubj"}
)  # fmt: skip
_TEMPORAL = frozenset(
    {"prior", "before", "after", "following", "since", "until", "during", "amid", "despite",
     "upon", "while", "when"}
)  # fmt: skip
_OFFENCE_PREPS = frozenset({"of", "for", "with", "over"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_TRANSPARENT = frozenset(
    {"absentia", "death", "prison", "jail", "custody", "court", "life", "case", "hearing",
     "session", "verdict", "ruling"}
)  # fmt: skip
_END_POINTS = frozenset({"until", "till", "through", "pending"})
_AFTERMATH = frozenset({"over", "following", "after", "connection"})
_LATER = re.compile(
    r"\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<u>days?|weeks?|months?|years?)\s+later\b",
    re.IGNORECASE,
)
_FOLLOWING = re.compile(
    r"\b(?:the\s+)?(?:following|next)\s+(?P<u>day|morning|afternoon|evening|week|month|year)\b",
    re.IGNORECASE,
)
_SINCE_THEN = re.compile(r"\bsince then\b", re.IGNORECASE)
_DIRECT = 0
_GOVERNING = 1000
_RELATED = 2000


def _shifted(token: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in TIME_SHIFT_ADVERBS for c in token.children)


def _governs(governor: Token, token: Token, triggers: set[int]) -> bool:
    """Whether ``governor`` governs ``token`` through complements and arguments only, with
    no other trigger, clause of its own or time adjunct ("prior to ...") in between."""
    current = token
    while current != governor:
        if current.head == current or current.dep_ not in _GOVERNED:
            return False
        if current != token and current.i in triggers:
            return False
        if current.lower_ in _TEMPORAL:
            return False
        current = current.head
    return True


def _holder(span_root: Token, span: range, triggers: set[int]) -> tuple[Token | None, str]:
    """The first trigger above a date and how the date dates it: ``"own"``, ``"month"`` (the
    date of a happening it followed: "arrested over the violence of July 15" happened in
    that month) or ``"none"`` (a date inside a relative clause or an offence phrase: "a
    robbery committed twenty years ago").  Without a trigger above, the holder is None."""
    if span_root.head.lower_ in _END_POINTS:
        return None, "none"
    current = span_root
    path: list[Token] = [current]
    while current.head != current:
        current = current.head
        direct = all(t.i in span or t.dep_ == "prep" for t in path)
        if direct and current.pos_ in ("VERB", "AUX") and current.i not in triggers:
            carried = _carried_trigger(current, triggers, path[-1])
            if carried is not None:
                return carried, "own"
        if current.i in triggers and current.i not in span:
            below = path[-1]
            words = {t.lower_ for t in path}
            if words & _END_POINTS:
                return None, "none"
            if any(t.dep_ in ("relcl", "acl") for t in path[:-1]):
                return (current, "month") if words & _AFTERMATH else (None, "none")
            nouns = [
                t
                for t in path
                if t.pos_ in ("NOUN", "PROPN")
                and t.i not in span
                and t.ent_type_ not in _TIME_ENTS
                and t.lemma_.lower() not in _TRANSPARENT
            ]
            if nouns and not _in_subject(nouns, current):
                return current, "month" if words & _AFTERMATH else "none"
            if below.dep_ == "prep" and below.lower_ in _OFFENCE_PREPS and len(path) > 2:
                return None, "none"
            return current, "own"
        path.append(current)
    return None, "own"


def _carried_trigger(verb: Token, triggers: set[int], below: Token) -> Token | None:
    """An event noun a light verb carries ("amounting to house arrest", "sent to prison",
    "issued an arrest warrant"): a date on the verb dates the event."""
    for child in verb.children:
        if child == below:
            continue
        if child.dep_ == "dobj" and child.i in triggers:
            return child
        if child.dep_ == "prep" and child.lower_ not in _TEMPORAL:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.i in triggers:
                    return grandchild
    return None


def _in_subject(nouns: list[Token], trigger: Token) -> bool:
    """Whether nouns lie in the trigger's subject: a date there is the parser's misplaced
    adjunct of the verb ("A court in X on Tuesday sentenced ...")."""
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    inside = {t.i for s in subjects for t in s.subtree}
    return bool(subjects) and all(n.i in inside for n in nouns)


def _month(iso: str) -> str:
    return iso[:7]


def _conj_descendants(token: Token) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ == "conj":
            found.append(child)
            found.extend(_conj_descendants(child))
    return found


def _coordination_head(token: Token, triggers: set[int]) -> Token | None:
    """The trigger a token's clause is coordinated with ("arrested and [detained in X]")."""
    current = token
    for _ in range(8):
        if current.dep_ == "conj":
            for holder in [current.head, *list(current.head.ancestors)[:2]]:
                if holder.i in triggers:
                    return holder
        if current.head == current or current.dep_ in ("relcl", "advcl", "ccomp", "pcomp"):
            return None
        current = current.head
    return None


def relative_dates(
    text: str, found: list[tuple[int, int, str]], reference: str | None
) -> list[tuple[int, int, str]]:
    """Dates told relative to an earlier happening: "three months later", "the following
    day", "since then".  The earlier happening's date is the last date ``found`` before the
    phrase in the sentence, else ``reference`` (the latest event date told before it); a
    shift finer than that date's precision gives nothing.

    >>> relative_dates("arrested in April 2022 and freed three months later",
    ...                [(12, 22, "2022-04")], None)
    [(33, 51, '2022-07')]
    """
    out = []
    for pattern in (_LATER, _FOLLOWING, _SINCE_THEN):
        for match in pattern.finditer(text):
            earlier = [iso for _, stop, iso in found if stop <= match.start()]
            base = earlier[-1] if earlier else reference
            if base is None:
                continue
            if pattern is _SINCE_THEN:
                out.append((match.start(), match.end(), base))
                continue
            unit = match.group("u").lower()
            unit = "day" if unit in ("morning", "afternoon", "evening") else unit
            count = number(match.group("n")) if pattern is _LATER else 1
            shifted = shift_date(base, count, unit, backward=False)
            if shifted is not None:
                out.append((match.start(), match.end(), shifted))
    return out


def attach_dates(
    sdoc: Doc,
    start: int,
    end: int,
    triggers: Sequence[Token],
    anchor: str | None,
    reference: str | None = None,
) -> dict[int, str]:
    """Map trigger token indices to ISO dates, for the triggers in characters ``start``..``end``
    of ``sdoc`` (one sentence); ``anchor`` resolves relative dates, ``reference`` (the latest
    event date told before the sentence) dates "the following day" and the like."""
    positions = {t.i for t in triggers}
    own: dict[int, tuple[int, str]] = {}  # trigger -> (rank, iso); lower rank wins
    fronted: str | None = None
    sentence = sdoc.char_span(start, end, alignment_mode="expand")
    opening = sentence.start if sentence is not None else 0
    low, high = (sentence.start, sentence.end) if sentence is not None else (0, len(sdoc))
    first_trigger = min(positions, default=0)
    found = find_dates(sdoc.text[start:end], anchor)
    found += relative_dates(sdoc.text[start:end], found, reference)
    for date_start, date_end, iso in sorted(found):
        span = sdoc.char_span(start + date_start, start + date_end, alignment_mode="expand")
        if span is None:
            continue
        target, how = _holder(span.root, range(span.start, span.end), positions)
        if how == "none":
            continue
        if how == "month":
            iso = _month(iso)
        holders = [(target, _DIRECT if how == "own" else _RELATED)] if target is not None else []
        if target is None:
            governor = span.root
            while governor.head != governor and low <= governor.head.i < high:
                governor = governor.head
                if governor.pos_ in ("VERB", "AUX"):
                    break
            holders = [(t, _GOVERNING) for t in triggers if _governs(governor, t, positions)]
        for holder, base in holders:
            rank = base + abs(holder.i - span.start)
            if holder.i not in own or rank < own[holder.i][0]:
                own[holder.i] = (rank, iso)
        comma = any(t.text == "," for t in sdoc[span.end : first_trigger])
        if span.start <= opening + 8 and span.end <= first_trigger and comma:
            fronted = iso
        if target is None:
            for trigger in triggers:
                if trigger.dep_ == "relcl" and trigger.head.i in range(span.start, span.end):
                    own[trigger.i] = (_DIRECT, iso)
    dates = {i: iso for i, (_, iso) in own.items()}
    by_index = {t.i: t for t in triggers}
    for index, (_, iso) in own.items():
        trigger = by_index[index]
        for conj in _conj_descendants(trigger):
            if conj.i in positions and conj.i not in dates and not _shifted(conj):
                nested = [t for t in conj.subtree if t.i in own and t != conj]
                dates[conj.i] = dates[nested[0].i] if nested else iso
        head = _coordination_head(trigger, positions)
        if head is not None and head.i not in own and not _shifted(trigger):
            dates.setdefault(head.i, iso)
    for trigger in triggers:
        governors = [trigger.head.head] if trigger.dep_ == "pobj" else []
        since = [
            o
            for governor in [trigger, *governors]
            for p in governor.children
            if p.dep_ == "prep" and p.lower_ == "since"
            for o in p.children
        ]
        dated = [o for o in since if o.i in own]
        if trigger.i not in dates and dated:
            dates[trigger.i] = own[dated[0].i][1]
    if fronted is not None:
        for trigger in triggers:
            if trigger.i not in dates and not _shifted(trigger) and not _anterior(trigger):
                dates[trigger.i] = fronted
    return dates


def _anterior(trigger: Token) -> bool:
    """Whether a trigger's clause is in the past perfect ("which had filed a lawsuit"): it
    happened before the sentence's opening date, not on it."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
