"""Legal provisions cited in a sentence, and the offences the text ties to them.

"under Article 443 of Cambodia's Criminal Code" gives ``Provision("Criminal Code", "443")``;
"Criminal Code articles 28 and 218 (offence), 495 (offence)" gives one provision per number,
each with the offence in its parentheses; "Criminal Law Article 453 that criminalizes X"
ties the offence X to the article.  "Criminal Law" and "Penal Code" are the Criminal Code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Provision

from .event_law import normalise_offence

__all__ = ["CitedProvision", "find_provisions"]

_LAW_WORDS = re.compile(r"\b(?:Code|Law|Act|Constitution|Decree|Ordinance|Statute|Charter)\b")
_CAP = r"[A-Z][\w\-]*"
_LAW_NAME = rf"{_CAP}(?:\s+(?:(?:of|on|for|and|the|in)\s+)*{_CAP})*"
_NUMBER = r"\d+[A-Za-z]?(?:[\-.]\d+)?(?:\s*\([^)]*\))?"
_NUMBERS = rf"{_NUMBER}(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*){_NUMBER})*"
_UNIT = r"(?:[Aa]rticles?|[Ss]ections?|Art\.|Sec\.)"
_LAW_FIRST = re.compile(rf"(?P<law>{_LAW_NAME})(?:[’']s)?\s+{_UNIT}\s+(?P<nums>{_NUMBERS})")
_ARTICLE_FIRST = re.compile(
    rf"{_UNIT}\s+(?P<nums>{_NUMBERS})\s+of\s+(?:the\s+|{_CAP}[’']s\s+)?(?P<law>{_LAW_NAME})"
)
_ARTICLE_ONLY = re.compile(rf"(?:[Aa]rticles?|Sections?|Art\.|Sec\.)\s+(?P<nums>{_NUMBERS})")
_CRIMINALISES = re.compile(
    r"^\s*,?\s*(?:that|which)\s+(?:criminali[sz]es|prohibits|punishes|outlaws|penali[sz]es"
    r"|forbids)\s+(?:the\s+)?(?P<what>.+?)(?=,\s*and\s+[A-Z]|;|\.\s|\.?$)"
)
_LEADING_CAPITALS = frozenset(
    {"Under", "The", "In", "On", "Of", "By", "To", "And", "Its", "His", "Her", "Their", "For",
     "According", "With", "Violating", "Breaching", "A", "An"}
)  # fmt: skip
_CRIMINAL_CODE = re.compile(r"(?i)^(?:criminal|penal)\s+(?:code|law)$")


@dataclass(frozen=True)
class CitedProvision:
    """A provision cited in a text, where it is, and the offences the text ties to it."""

    start: int
    end: int
    provision: Provision
    offences: tuple[str, ...] = ()


def _law_name(raw: str) -> str:
    words = raw.split()
    while words and words[0] in _LEADING_CAPITALS:
        words.pop(0)
    while words and words[0].lower() in ("of", "on", "for", "and", "the", "in"):
        words.pop(0)
    name = " ".join(words)
    return "Criminal Code" if _CRIMINAL_CODE.match(name) else name


def _numbers(raw: str) -> list[tuple[str, str | None]]:
    found = []
    for number, note in re.findall(r"(\d+[A-Za-z]?(?:[\-.]\d+)?)(?:\s*\(([^)]*)\))?", raw):
        found.append((number, note or None))
    return found


def find_provisions(text: str) -> list[CitedProvision]:
    """Every provision cited in a text, with the offences tied to it.

    >>> cited = find_provisions("charged under Article 443 of Cambodia's Criminal Code")
    >>> [c.provision.label for c in cited]
    ['Criminal Code Article 443']
    >>> found = find_provisions("under the Penal Code articles 28 (incitement) and 495")
    >>> [(c.provision.label, c.offences) for c in found]
    [('Criminal Code Article 28', ('incitement',)), ('Criminal Code Article 495', ())]
    """
    cited: list[CitedProvision] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_LAW_FIRST, _ARTICLE_FIRST, _ARTICLE_ONLY):
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            law = ""
            if "law" in match.groupdict() and match["law"]:
                law = _law_name(match["law"])
                if not _LAW_WORDS.search(law):
                    continue
            taken.append((match.start(), match.end()))
            after = _CRIMINALISES.match(text[match.end() :])
            tied = normalise_offence(after["what"]) if after else None
            for number, note in _numbers(match["nums"]):
                notes = [n for n in (normalise_offence(note) if note else None, tied) if n]
                cited.append(
                    CitedProvision(match.start(), match.end(), Provision(law, number), tuple(notes))
                )
    return sorted(cited, key=lambda c: c.start)
