"""What kind of actor a name denotes, from its words alone, and name normalisation helpers.

Shared by the span component (which types candidates) and by :mod:`kg.resolve` (which keys
and merges them), so a name is typed and keyed the same way everywhere.
"""

from __future__ import annotations

import re
import unicodedata

from .gazetteer import COUNTRY_ALIASES, DEMONYMS, FAMOUS_ORGS
from .lexicon import (
    DETENTION_QUALIFIERS,
    FACILITY_HEADS,
    FUNCTION_WORDS,
    GENERIC_ALONE,
    HEAD_TYPES,
    MEDIA_WORDS,
    MONTHS,
    NON_ACTOR_HEADS,
    PLACE_HEADS,
    PLACE_SUFFIXES,
)
from .titles import HONORIFICS

__all__ = [
    "country_of",
    "edit_distance",
    "initials",
    "is_acronym",
    "is_name_word",
    "kind_of_name",
    "name_words",
    "normal_form",
]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&.]{1,9}|[A-Z]{2,}-[A-Za-z]+|[A-Z][a-z]?[A-Z]{2,})$")


def normal_form(text: str) -> str:
    """Return a name as compared within a document: NFKC, straight quotes, no "the"/possessive.

    >>> normal_form("the Party of Imaginary Progress’s")
    'Party of Imaginary Progress'
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = " ".join(text.split()).strip(' ,;:-–—()[]"')
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    return re.sub(r"'s?$", "", text).strip()


def name_words(text: str) -> list[str]:
    """Return the words of a name, honorifics and punctuation dropped.

    >>> name_words("Mr. Chan Dara")
    ['Chan', 'Dara']
    """
    words = [w.strip(',;:()"') for w in normal_form(text).split()]
    return [w for w in words if w and w.lower() not in HONORIFICS]


def is_acronym(word: str) -> bool:
    """Return whether a word looks like an acronym ("ADHOC", "CC1", "PEP-Center", "U.S.").

    >>> is_acronym("LICADHO"), is_acronym("Dara"), is_acronym("CC2")
    (True, False, True)
    """
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2


def is_name_word(word: str) -> bool:
    """Return whether a word can be part of a personal name: capitalised letters, no kind word.

    >>> is_name_word("Sovann"), is_name_word("Court"), is_name_word("July")
    (True, False, False)
    """
    if not word[:1].isupper() or is_acronym(word):
        return False
    if not re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", word):
        return False
    low = word.lower()
    taken = FUNCTION_WORDS | MONTHS | MEDIA_WORDS | NON_ACTOR_HEADS | PLACE_SUFFIXES
    return low not in HEAD_TYPES and low not in taken and low not in DEMONYMS


def initials(words: list[str]) -> str:
    """Return the upper-case initials of a name's content words, with a trailing number kept.

    >>> initials(["Party", "of", "Imaginary", "Progress"])
    'PIP'
    >>> initials(["Correctional", "Center", "1"])
    'CC1'
    """
    out = []
    for word in words:
        if word.lower() in FUNCTION_WORDS:
            continue
        if word.isdigit():
            out.append(word)
            continue
        for part in re.split(r"-", word):
            if part[:1].isalpha():
                out.append(part[0].upper())
    return "".join(out)


def country_of(text: str) -> str | None:
    """Return the country a name or demonym stands for, if it is one the lexicon knows.

    >>> country_of("Cambodian"), country_of("U.S."), country_of("Ruritania")
    ('cambodia', 'united states', None)
    """
    low = normal_form(text).lower()
    if low in DEMONYMS:
        return DEMONYMS[low]
    if low in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[low]
    if low in set(DEMONYMS.values()):
        return low
    return None


def _head_index(words: list[str]) -> int:
    """The index of a name's head word: the last word before its first preposition."""
    for i, word in enumerate(words):
        if i > 0 and word.lower() in {"of", "for", "in", "on"}:
            return i - 1
    return len(words) - 1


def _head(words: list[str]) -> str:
    """The head word of a name, lower case."""
    return words[_head_index(words)].lower().strip(".") if words else ""


def kind_of_name(text: str) -> str | None:
    """Return the actor type a name's own words imply, "" for a non-actor, None when unknown.

    >>> kind_of_name("Supreme Court of Ruritania")
    'Court'
    >>> kind_of_name("Party of Imaginary Progress")
    'PoliticalParty'
    >>> kind_of_name("Law on Fictional Associations")
    ''
    >>> kind_of_name("Chan Dara") is None
    True
    """
    words = name_words(text)
    if not words:
        return ""
    lows = [w.lower().strip(".") for w in words]
    joined = " ".join(lows)
    if len(lows) == 1 and lows[0] in GENERIC_ALONE:
        return ""
    if lows[0] in NON_ACTOR_HEADS or _head(words) in NON_ACTOR_HEADS:
        return ""
    if joined in FAMOUS_ORGS:
        return FAMOUS_ORGS[joined]
    if any(w in MEDIA_WORDS for w in lows):
        return "MediaOrganization"
    if lows[0] in {"un", "u.n.", "eu"} or lows[:2] in (
        ["united", "nations"],
        ["european", "union"],
    ):
        return "InternationalOrganization"
    if lows[0] in PLACE_HEADS or lows[-1] in PLACE_HEADS:
        return "Place"
    front = set(lows[: _head_index(words) + 1])
    if front & FACILITY_HEADS and (
        front
        & {"prison", "jail", "gaol", "penitentiary", "colony", "correctional", "detention", "camp"}
        or {"police", "station"} <= front
    ):
        return "Facility"
    if _head(words) in {"centre", "center", "camp", "colony", "facility"} and (
        front & DETENTION_QUALIFIERS
    ):
        return "Facility"
    if "human rights council" in joined or "security council" in joined:
        return "InternationalOrganization"
    if "human rights" in joined and _head(words) in {"center", "centre", "committee"}:
        return "CivilSocietyOrganization"
    head = _head(words)
    if head in HEAD_TYPES:
        return HEAD_TYPES[head]
    for word in reversed(lows):
        if word in HEAD_TYPES and word not in {"international", "group", "front"}:
            return HEAD_TYPES[word]
    return None


def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between two strings.

    >>> edit_distance("Dara", "Dora")
    1
    """
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
