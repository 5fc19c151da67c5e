"""Offences charged and penalties given, in an event's sentence.

Offences are read after the trigger's cue word ("charged with X", "accused of X", "arrested
for X", "on X charges", "on charges of X", "charges including "X" and "Y""), cut where the
offence's phrase ends and split into a list where it names several.  Quoted offences keep
their quoted words.  Cited provisions are :mod:`.event_provisions`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from .event_citations import CITATION_WORDS, citation_end, past_citation
from .event_lexicon import DURATION_WORDS, GENERIC_OFFENCES, HEDGES, HUMAN_NOUNS
from .titles import PERSON_TITLES

__all__ = [
    "SAME_OFFENCES",
    "charge_noun_offences",
    "normalise_offence",
    "offences_after",
]

_QUOTES_OPEN = frozenset({"“", '"', "‘", "'", "``", "«"})
_QUOTES = frozenset({"“", "”", '"', "‘", "’", "'", "``", "''", "«", "»"})
_STOP_WORDS = frozenset(
    {"despite", "after", "before", "following", "since", "because", "while", "although",
     "though", "when", "amid", "under", "along", "alongside", "together", "which", "who",
     "whom", "whose", "where", "including", "but", "until", "during", "stemming", "according",
     "upon", "than"}
)  # fmt: skip
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
_CUE_BARRIERS = frozenset(
    {"despite", "after", "before", "following", "since", "because", "while", "although",
     "though", "when", "amid", "under", "until", "during", "which", "who", "whom", "whose",
     "where", "according", "than"}
)  # fmt: skip
_STOP_PUNCT = frozenset({";", ":", "(", ")", "–", "—", "[", "]", "!", "?"})
_DETERMINERS = frozenset({"a", "an", "the", "of"})
_REASON_DETERMINERS = frozenset({"his", "her", "their", "its", "my", "our", "your"})
_VIOLATION = re.compile(
    r"^(?:violat|breach|break|contraven|infring)\w*\s+(?:the\s+)?(?:article|law|code|section)"
)
_GENERIC_TAIL = re.compile(
    r"^(?:offences?|offenses?|crimes?|charges?)\s+(?:stemming|related|relating|linked|connected"
    r"|in connection|they|that|which|allegedly|committed)\b"
)

_SAME = re.compile(r"^same (?:offen[cs]es?|charges?|crimes?|counts?|accusations?)$")

#: The offence of an event charged "with the same offences" as the one told before it.
SAME_OFFENCES = "(same offences)"


def normalise_offence(text: str) -> str | None:
    """Return an offence's words in lower case, or None when they name no offence.

    >>> normalise_offence("an alleged robbery")
    'robbery'
    >>> normalise_offence("“illegal coup d’état.”")
    'illegal coup d’état'
    >>> normalise_offence("a number of offences") is None
    True
    """
    words = text.replace("“", " ").replace("”", " ").replace('"', " ").replace("``", " ")
    words = re.sub(r"(?<!\w)[‘’']|[‘’'](?!\w)", " ", words)
    words = " ".join(words.split()).strip(" ,.;:-–—").lower()
    if words.partition(" ")[0] in _REASON_DETERMINERS:
        return None
    changed = True
    while changed and words:
        first, _, rest = words.partition(" ")
        changed = first in _DETERMINERS or first in HEDGES
        if changed:
            words = rest
        elif re.match(r"(?:number|series|range|host|couple) of ", words):
            words, changed = words.partition(" of ")[2], True
    words = words.strip(" ,.;:-–—")
    if _SAME.match(words):
        return SAME_OFFENCES
    if not words or words in GENERIC_OFFENCES or _GENERIC_TAIL.match(words):
        return None
    if _VIOLATION.match(words) or len(words.split()) > 30:
        return None
    if any(word in _REASON_DETERMINERS for word in words.split()):
        return None
    return words


def _spaced_dash(token: Token) -> bool:
    return token.text in ("-", "–", "—") and bool(token.whitespace_)


def _continues_list(token: Token) -> bool:
    """After a comma: a list goes on with a gerund, a noun phrase, "and" or a quote."""
    if token.lower_ in ("and", "or") or token.text in _QUOTES_OPEN:
        return True
    return token.tag_ == "VBG" or token.pos_ in ("DET", "NOUN", "ADJ") and token.pos_ != "PROPN"


def _region(first: Token, limit: int, triggers: frozenset[int]) -> list[Token]:
    """The tokens of an offence phrase starting at ``first``, up to where the phrase ends."""
    doc = first.doc
    tokens: list[Token] = []
    inside = False
    skip_to = -1
    for token in doc[first.i : limit]:
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.i <= skip_to:
            continue
        if token.text == "(" and nxt is not None and nxt.lower_ in CITATION_WORDS:
            closing = next((t.i for t in doc[token.i : limit] if t.text == ")"), limit)
            skip_to = closing
            continue
        if token.text in _QUOTES and (inside or token.text in _QUOTES_OPEN):
            inside = not inside
            tokens.append(token)
            following = past_citation(nxt, limit)
            if not inside and (following is None or following.lower_ not in ("and", ",", "or")):
                break
            continue
        if inside:
            tokens.append(token)
            continue
        if token.i in triggers and token != first:
            break
        if token.text in _STOP_PUNCT or _spaced_dash(token) or token.is_space:
            break
        if token.lower_ in _STOP_WORDS or (token.tag_ in ("WDT", "WP") and token != first):
            break
        if token.tag_ in _FINITE:
            break
        if token.ent_type_ in ("DATE", "TIME") and token.lower_ not in ("the",):
            while tokens and tokens[-1].lower_ in ("in", "on", "at", "the"):
                tokens.pop()
            break
        if token.tag_ == "VBN" and token.dep_ in ("acl", "relcl"):
            break
        if token.tag_ == "PRP" and token.dep_ in ("nsubj", "nsubjpass"):
            break
        if token.lower_ == "and" and nxt is not None and nxt.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            break
        if token.lower_ in ("and", "or", ",") and nxt is not None and nxt.pos_ in ("PROPN", "PRON"):
            break
        if token.text == "," and (nxt is None or not _continues_list(nxt)):
            break
        if token.text == "." and (nxt is None or nxt.is_space or nxt.is_sent_start):
            break
        tokens.append(token)
    while tokens and (
        tokens[-1].is_punct and tokens[-1].text not in _QUOTES or tokens[-1].lower_ in ("and", "or")
    ):
        tokens.pop()
    return tokens


def _split(tokens: list[Token]) -> list[list[Token]]:
    """Split an offence list at commas and "and" where a new gerund or noun phrase begins."""
    parts: list[list[Token]] = [[]]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.text == "," or (token.lower_ == "and" and token.dep_ == "cc"):
            following = index + 1
            if token.text == "," and following < len(tokens) and tokens[following].lower_ == "and":
                following += 1
            nxt = tokens[following] if following < len(tokens) else None
            starts = nxt is not None and (nxt.tag_ == "VBG" or nxt.pos_ in ("NOUN", "DET"))
            if starts and len(parts[-1]) >= 2:
                parts.append([])
                index = following
                continue
        parts[-1].append(token)
        index += 1
    return [p for p in parts if p]


def _quoted_items(tokens: list[Token]) -> list[str] | None:
    """The quoted strings of a region made only of quotes and list words, else None."""
    items: list[str] = []
    current: list[str] = []
    inside = False
    for token in tokens:
        if token.text in _QUOTES:
            if inside:
                items.append("".join(current))
                current = []
            inside = not inside
            continue
        if inside:
            current.append(token.text_with_ws)
        elif token.lower_ not in ("and", "or", ",", "including"):
            return None
    return items if items else None


def _offences(tokens: list[Token], is_person: Callable[[Token], bool]) -> list[str]:
    if not tokens:
        return []
    quoted = _quoted_items(tokens)
    texts = quoted if quoted is not None else None
    if texts is None:
        texts = []
        for part in _split(tokens):
            for position, token in enumerate(part):
                if token.lower_ == "of" and any(is_person(t) for t in part[position + 1 :]):
                    part = part[:position]
                    break
            texts.append("".join(t.text_with_ws for t in part))
    found = [normalise_offence(text) for text in texts]
    return [offence for offence in found if offence]


def charge_noun_offences(noun: Token, is_person: Callable[[Token], bool]) -> list[str]:
    """Offences named by a charge noun: "treason charges", "“insurrection” charges",
    "charges of X", "charges under Article N of X", "charges including “X” and “Y”"."""
    doc = noun.doc
    if noun.i > 1 and doc[noun.i - 1].text in _QUOTES:
        for start in range(noun.i - 2, max(noun.sent.start, noun.i - 10) - 1, -1):
            if doc[start].text in _QUOTES:
                return _offences(list(doc[start : noun.i]), is_person)
    if any(c.lemma_ == "same" for c in noun.children):
        return [SAME_OFFENCES]
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    found = [
        normalise_offence(" ".join(t.text for t in c.subtree if t.dep_ == "compound" or t == c))
        for c in compounds
    ]
    offences = [f for f in found if f]
    position = noun.i + 1
    while position < min(len(doc), noun.i + 12):
        token = doc[position]
        after_number = doc[position - 1].like_num
        if token.lower_ == "of" and after_number and position + 1 < len(doc):
            following = doc[position + 1]
            if following.lower_ == "the" or following.text[:1].isupper():
                position += 1
                continue
        if token.lower_ in ("of", "including"):
            limit = token.sent.end
            return offences + _offences(_region(doc[position + 1], limit, frozenset()), is_person)
        if (
            token.lower_ in ("under", "article", "articles", "the", "law", "code")
            or token.like_num
            or (token.pos_ == "PROPN")
        ):
            position += 1
            continue
        break
    return offences


def _companion_parenthesis(doc_tokens: list[Token], position: int) -> int | None:
    """The index after a ", along with ... ," aside starting at ``position``, if one does."""
    if position + 1 >= len(doc_tokens) or doc_tokens[position].text != ",":
        return None
    if doc_tokens[position + 1].lower_ not in ("along", "together", "alongside", "as"):
        return None
    for index in range(position + 1, len(doc_tokens)):
        if doc_tokens[index].text == ",":
            return index + 1
    return None


def _inside_argument(cue: Token, trigger: Token) -> bool:
    """Whether a cue word belongs to a participant's phrase rather than to the trigger:
    "members of the Party", "a correspondent for the outlet", "for lack of evidence" name no
    offence."""
    head = cue.head
    if head == trigger or head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if cue.lower_ == "of":  # "members of the Party", "for lack of evidence"
        named = any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in cue.children)
        nested = head.dep_ == "pobj" and head.pos_ == "NOUN" and head.lower_ != "absentia"
        return named or nested
    return head.lemma_.lower() in HUMAN_NOUNS | PERSON_TITLES or head.pos_ == "PROPN"


def offences_after(
    trigger: Token,
    cues: frozenset[str],
    limit: int,
    triggers: frozenset[int],
    is_person: Callable[[Token], bool],
) -> list[str]:
    """Offences after a trigger's cue word ("charged with X", "accused of X", "arrested
    for X", "on X charges"): a cue of the trigger's own phrase (or one right after an aside
    such as ", along with ten others,"), looking no further than ``limit`` or the next trigger."""
    doc = trigger.doc
    window = list(doc[trigger.i + 1 : limit])
    subtree = {t.i for t in trigger.subtree}
    after_aside: set[int] = set()
    index = 0
    while index < len(window):
        token = window[index]
        skip = _companion_parenthesis(window, index)
        if skip is not None:
            index = skip
            if index < len(window) and window[index].lower_ in cues:
                subtree.add(window[index].i)
                after_aside.add(window[index].i)
            continue
        index += 1
        cited = citation_end(window, index - 1)
        if cited is not None:
            index = cited
            # after "under Article N of the Law", only "of"/"with" still name the offence:
            # "for slogans", "over remarks" give the conduct, not the offence charged
            cues = cues & {"of", "with"}
            continue
        if token.i in triggers or token.text in (";", "–", "—") or _spaced_dash(token):
            return []
        if token.lower_ in _CUE_BARRIERS or token.tag_ in _FINITE:
            return []
        following = window[index] if index < len(window) else None
        if (
            token.text == ","
            and following is not None
            and following.pos_ == "PROPN"
            and following.i not in subtree
        ):
            return []
        word = token.lower_
        if word not in cues or token.i + 1 >= limit or token.i not in subtree:
            continue
        if token.i not in after_aside and _inside_argument(token, trigger):
            continue
        nxt = doc[token.i + 1]
        if word == "on":
            ahead = doc[token.i + 1 : min(limit, token.i + 6)]
            noun = next((t for t in ahead if t.lemma_ == "charge" and t.pos_ == "NOUN"), None)
            if noun is None:
                continue
            return charge_noun_offences(noun, is_person)
        if word == "for":
            ahead = doc[token.i + 1 : min(limit, token.i + 5)]
            head = next((t for t in ahead if t.pos_ == "NOUN"), None)
            if nxt.lower_ in _REASON_DETERMINERS:
                return []
            if nxt.ent_type_ in ("DATE", "TIME", "MONEY"):
                continue
            if head is not None and head.lemma_.lower() in DURATION_WORDS:
                continue
        if word == "as":
            following = doc[token.i + 2] if token.i + 2 < limit else None
            if (
                nxt.lower_ in ("an", "a")
                and following is not None
                and following.lemma_ == "accomplice"
            ):
                return ["accomplice"]
            continue
        return _offences(_region(nxt, limit, triggers), is_person)
    return []
