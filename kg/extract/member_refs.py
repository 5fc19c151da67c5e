"""Role phrases of memberships, and memberships whose organisation is named by reference.

:func:`normalise_role` turns a role phrase into the graph's form ("Deputy Directors" ->
"deputy director").  :func:`referred_memberships` reads the patterns where the organisation
is not named beside the person but referred to: "the union's chairman, X", "its director,
X", "X, the alliance's convenor", "X is the party's vice-chairwoman", "her deputy at the
union, X" (the union, the party: the latest organisation of that kind named before), and
"Judge X of the Y Court" / "His lawyer, X of Y" (a title before the person, the
organisation after "of").
"""

from __future__ import annotations

import re

from kg.model import ORGANIZATION_TYPES, Item, Mention

from .titles import ROLE_WORDS

__all__ = ["normalise_role", "pronoun_memberships", "referred_memberships"]

_ROLE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, ROLE_WORDS), key=len, reverse=True)) + r")s?\b",
    re.IGNORECASE,
)
_DROP_WORDS = frozenset(
    {"the", "a", "an", "current", "its", "his", "her", "their", "then", "is", "was", "two",
     "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some",
     "many", "all", "other", "additional"}
)  # fmt: skip

#: Nouns that refer back to an organisation, with the actor types they can refer to.
_REFERRING_NOUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(["party", "alliance", "movement", "front"], ("PoliticalParty",)),
    **dict.fromkeys(
        ["union", "group", "organisation", "organization", "ngo", "association", "league",
         "network", "coalition", "centre", "center", "foundation", "fund", "campaign"],
        ("CivilSocietyOrganization",),
    ),
    **dict.fromkeys(["court", "tribunal"], ("Court",)),
    **dict.fromkeys(
        ["ministry", "commission", "committee", "council", "government", "agency"],
        ("GovernmentBody",),
    ),
    **dict.fromkeys(["newspaper", "paper", "outlet", "station", "broadcaster"],
                    ("MediaOrganization",)),
}  # fmt: skip
_REF = r"(?:(?:the|The) (?P<noun>[a-z]+)['’]s|(?P<its>[Ii]ts|[Tt]heir))"
_REF_BEFORE = re.compile(
    r"(?:^|(?<=[\s(“\"]))" + _REF + r" (?P<role>(?:[\w’'-]+ ){0,3}?[\w’'-]+),?\s*$"
)
_AT_BEFORE = re.compile(
    r"(?:^|(?<=\s))(?P<role>(?:[\w’'-]+ ){0,2}?[\w’'-]+) (?:at|of|in|with) the "
    r"(?P<noun>[a-z]+),?\s*$"
)
_REF_AFTER = re.compile(
    r"^,?\s+(?:is |was |has been |became )?" + _REF + r" (?P<role>[\w’' -]+?)(?=\s*[,.;:]|\s*$)"
)
_OF_ORG = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?$")
_TITLE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(“\"]))(?P<role>(?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)(?:,\s*|\s+)$"
)
_ITS_REACH = 400
_ROLE_PHRASE = (
    r"(?:[\w’'-]+\s+){0,3}?(?:"
    + "|".join(sorted(map(re.escape, ROLE_WORDS), key=len, reverse=True))
    + r")s?"
)
_JOINED = re.compile(
    r"^(?:,[^,.;]{1,60},)?\s+(?:has |had |later |then )?(?:re-?)?joined\s+(?:the\s+)?"
)
_JOINED_NOUN = re.compile(_JOINED.pattern + r"(?P<noun>[a-z]+)\b")
_PRONOUN_ROLE = re.compile(
    r"^(?:He|She)\s+(?:[a-z]+ly\s+)?(?:is|was|has been|had been|became|serves as|served as"
    r"|works as|worked as)\s+(?:a |an |the )?(?P<role>" + _ROLE_PHRASE + r")\b[^,;:]{0,60}?"
    r"\b(?:of|with|for|at|in)\s+(?:the\s+)?$"
)


def normalise_role(words: str) -> str | None:
    """Normalise a role phrase: lower case, leading determiners dropped, plural made singular.

    >>> normalise_role("the Deputy Directors"), normalise_role("two farmers")
    ('deputy director', None)
    """
    text = " ".join(words.replace("\n", " ").split()).strip(" ,")
    if not text or not _ROLE.search(text):
        return None
    tokens = text.lower().split()
    while tokens and (tokens[0] in _DROP_WORDS or tokens[0].isdigit()):
        tokens = tokens[1:]
    tokens = [
        re.sub(r"(member|leader|official|activist|officer|reporter|director)s$", r"\1", t)
        for t in tokens
    ]
    tokens = [t[:-1] if t in {"mps"} else t for t in tokens]
    return " ".join(tokens) or None


def _referent(noun: str | None, position: int, mentions: list[Mention]) -> Mention | None:
    """The organisation "the <noun>" or "its" refers to: the latest one named before
    ``position`` whose name holds the noun, else whose type the noun can denote; "its" only
    reaches an organisation named shortly before."""
    before = [m for m in mentions if m.end <= position and m.type in ORGANIZATION_TYPES]
    if noun is None:
        near = [m for m in before if position - m.end <= _ITS_REACH]
        return near[-1] if near else None
    kinds = _REFERRING_NOUNS.get(noun)
    if kinds is None:
        return None
    named = [m for m in before if noun in m.text.lower().split()]
    typed = [m for m in before if m.type in kinds]
    pool = named or typed
    return pool[-1] if pool else None


def referred_memberships(
    item: Item, start: int, end: int, mentions: list[Mention]
) -> list[tuple[Mention, Mention, str | None]]:
    """(person, organisation, role) triples of one sentence (item offsets ``start``..``end``)
    whose organisation is referred to, or follows "of" after a titled person."""
    text = item.text
    inside = [m for m in mentions if start <= m.start - item.start < end]
    found: list[tuple[Mention, Mention, str | None]] = []
    for index, person in enumerate(inside):
        if person.type != "Person":
            continue
        left = person.start - item.start
        right = person.end - item.start
        before = text[start:left]
        after = text[right:end]
        windows = (
            (_REF_BEFORE, before, start),
            (_AT_BEFORE, before, start),
            (_REF_AFTER, after, right),
        )
        for pattern, window, offset in windows:
            match = pattern.search(window)
            if match is None:
                continue
            noun = None if match.groupdict().get("its") else match.group("noun")
            role = normalise_role(match.group("role"))
            org = _referent(noun, item.start + offset + match.start(), mentions)
            if role and org is not None:
                found.append((person, org, role))
                break
        joined = _JOINED_NOUN.match(after)
        if joined is not None:
            org = _referent(
                joined.group("noun"), item.start + right + joined.start("noun"), mentions
            )
            if org is not None:
                found.append((person, org, "member"))
        nxt = inside[index + 1] if index + 1 < len(inside) else None
        if nxt is not None and nxt.type in ORGANIZATION_TYPES:
            gap = text[right : nxt.start - item.start]
            if _JOINED.fullmatch(gap):
                found.append((person, nxt, "member"))
            elif _OF_ORG.match(gap):
                title = _TITLE_BEFORE.search(before)
                found.append((person, nxt, normalise_role(title.group("role")) if title else None))
    return found


def pronoun_memberships(
    item: Item, start: int, end: int, mentions: list[Mention]
) -> list[tuple[Mention, Mention, str | None]]:
    """ "He is a former member of the Party", "She served as a councillor ... with the
    Party": a sentence opening with "He"/"She" gives the role to the person named last
    before it in the item."""
    text = item.text
    for org in mentions:
        if org.type not in ORGANIZATION_TYPES or not start <= org.start - item.start < end:
            continue
        match = _PRONOUN_ROLE.match(text[start : org.start - item.start])
        if match is None:
            return []
        people = [m for m in mentions if m.type == "Person" and m.end - item.start <= start]
        role = normalise_role(match.group("role"))
        return [(people[-1], org, role)] if people and role else []
    return []
