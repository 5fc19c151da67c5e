"""Memberships: a person's stated role in an organisation, read from the words between them.

Patterns, each within one sentence (roles are lower case, plurals made singular):

* appositive after the person: "X, president of the Party", "X, an officer of the Office",
  "X, the Party's director for Asia", "X the chief of the Party", "X, 41, is the head of Y";
* role and organisation before the person: "the leader of the Party, X", "the Party
  president, X", "Party Vice-President X", "Group's Deputy Director X", "staff members from
  Group (GRP), A, B and C" (every listed person takes the role);
* "Group is led by X" (leader), a judge or prosecutor titled before a name and a court named in
  the same sentence, and a byline followed by "<Outlet> Reporter" (reporter).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.model import ORGANIZATION_TYPES, Document, Item, Membership, Mention, stable_id

from .member_refs import normalise_role as _role
from .member_refs import pronoun_memberships, referred_memberships

__all__ = ["find_memberships"]

_FILLER = r"(?:[\w’'-]+\s+){0,3}"
_APPOSITIVE = re.compile(
    r"^(?:,\s+\d{1,3},)?,?\s+(?:is |was |has been )?(?:the |a |an )?"
    r"(?P<role>[^,;.()“”\"]{2,80}?)\s+(?:of|at|for|from|with|in)\s+(?:the\s+)?" + _FILLER + r"$"
)
_BEFORE_POSSESSIVE = re.compile(r"^,\s+(?:the |a |an )?$")
_AFTER_POSSESSIVE = re.compile(
    r"^['’]s\s+(?P<role>[^,;.()“”\"\n]{2,80}?)(?=\s*[,.;:]|\s+(?:said|says|who|at)\b|$)"
)
_ROLE_OF_BEFORE = re.compile(
    r"(?P<role>(?:\b[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:of|from|at|in)\s+(?:the\s+)?" + _FILLER + r"$",
    re.IGNORECASE,
)
_ORG_THEN_ROLE = re.compile(
    r"^(?:['’]s)?\s+(?P<role>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)(?:\s*\([A-Za-z-]{1,10}\))?\s*,?\s+$"
)
_INCLUDING = re.compile(
    r"^\s+(?P<role>[\w’'-]+(?:\s+[\w’'-]+)?),?\s+(?:including|such as|like)\s+$"
)
_PERSON_POSSESSIVE = re.compile(r"^['’]s\s+(?:ruling\s+|own\s+)?$")
_PRE_ROLE = re.compile(r"^,\s+(?:the |a |an )?(?P<pre>(?:[\w-]+\s+){0,2}?)$")
_POST_ROLE = re.compile(r"^\s+(?P<role>[\w-]+(?:\s+[\w-]+)?)")
_LED_BY = re.compile(r"^\s+(?:is|was|has been)?\s*led\s+by\s+$")
_LIST_GAP = re.compile(r"^(?:,\s*\d{1,3}\s*)?\s*(?:,|,?\s*and|&)\s*$")
_COURT_TITLE = re.compile(
    r"\b(?P<role>(?:investigating |presiding |trial )?(?:judge|prosecutor))\s+$", re.I
)


class _Sentence:
    """One sentence's text (item offsets) and the mentions inside it, in order."""

    def __init__(
        self, item: Item, sdoc: Doc, start: int, end: int, mentions: list[Mention]
    ) -> None:
        self.item = item
        self.sdoc = sdoc
        self.start = start
        self.end = end
        self.mentions = [m for m in mentions if start <= m.start - item.start < end]

    def after_verbs(self, start: int, end: int) -> int:
        """Where the words of [start, end) (item offsets) resume after their last verb: a role
        phrase holds no verb ("on Tuesday sentenced three members" -> "three members")."""
        verbs = [t for t in self.sdoc if start <= t.idx < end and t.pos_ in {"VERB", "AUX"}]
        return verbs[-1].idx + len(verbs[-1].text) if verbs else start

    def gap(self, left: Mention, right: Mention) -> str:
        """The text between two mentions; a closing parenthesis after an acronym is dropped."""
        text = self.item.text[left.end - self.item.start : right.start - self.item.start]
        return text[1:] if text.startswith(")") else text

    def before(self, mention: Mention) -> str:
        """The sentence's text before a mention, over a "Long Name (" before an acronym."""
        end = mention.start - self.item.start
        index = self.mentions.index(mention)
        if index > 0 and self.item.text[:end].endswith("("):
            end = self.mentions[index - 1].start - self.item.start
        return self.item.text[self.start : end]

    def after(self, mention: Mention) -> str:
        return self.item.text[mention.end - self.item.start : self.end]


def _is_org(mention: Mention) -> bool:
    return mention.type in ORGANIZATION_TYPES


def _pairs(
    sentence: _Sentence, earlier_courts: list[Mention]
) -> list[tuple[Mention, Mention, str | None]]:
    """(person, organisation, role) triples the sentence states; a judge titled in a sentence
    that names no court sits on the one court the sentence before named."""
    found: list[tuple[Mention, Mention, str | None]] = []
    ms = sentence.mentions
    for i, person in enumerate(ms):
        if person.type != "Person":
            continue
        if i + 1 < len(ms) and _is_org(ms[i + 1]):
            org = ms[i + 1]
            gap = sentence.gap(person, org)
            appositive = _APPOSITIVE.match(gap)
            if appositive and (role := _role(appositive.group("role"))):
                found.append((person, org, role))
            else:
                found += _person_then_org(sentence, person, org, gap)
        if i > 0 and _is_org(ms[i - 1]):
            org = ms[i - 1]
            gap = sentence.gap(org, person)
            role_of = _ROLE_OF_BEFORE.search(sentence.before(org))
            then_role = _ORG_THEN_ROLE.match(gap)
            including = _INCLUDING.match(gap)
            if _LED_BY.match(gap):
                role = "leader"
            elif re.fullmatch(r"\s*,\s*", gap) and role_of:
                first = sentence.start + role_of.start("role")
                last = sentence.start + role_of.end("role")
                role = _role(sentence.item.text[sentence.after_verbs(first, last) : last])
            elif (
                then_role
                and sentence.after_verbs(
                    org.end - sentence.item.start, person.start - sentence.item.start
                )
                > org.end - sentence.item.start
            ):
                role = None
            elif then_role or including:
                role = _role((then_role or including).group("role"))  # type: ignore[union-attr]
            else:
                role = None
            if role:
                found.append((person, org, role))
        court_title = _COURT_TITLE.search(sentence.before(person))
        courts = [m for m in ms if m.type == "Court"] or earlier_courts
        if court_title and len(courts) == 1:
            found.append((person, courts[0], court_title.group("role").lower()))
    return found + _list_members(sentence, found)


def _person_then_org(
    sentence: _Sentence, person: Mention, org: Mention, gap: str
) -> list[tuple[Mention, Mention, str | None]]:
    """ "X, Org's director", "X's Org" (no role), "X, the former Org leader"."""
    after = sentence.after(org)
    possessive = _AFTER_POSSESSIVE.match(after)
    if _BEFORE_POSSESSIVE.match(gap) and possessive:
        role = _role(possessive.group("role"))
        return [(person, org, role)] if role else []
    if _PERSON_POSSESSIVE.match(gap):
        return [(person, org, None)]
    pre, post = _PRE_ROLE.match(gap), _POST_ROLE.match(after)
    if pre and post:
        role = _role(pre.group("pre") + post.group("role").split()[0])
        return [(person, org, role)] if role else []
    return []


def _list_members(
    sentence: _Sentence, found: list[tuple[Mention, Mention, str | None]]
) -> list[tuple[Mention, Mention, str | None]]:
    """Persons listed right after a member ("A, B and C") share the member's organisation."""
    extra = []
    ms = sentence.mentions
    for person, org, role in found:
        index = ms.index(person)
        for nxt in ms[index + 1 :]:
            if nxt.type != "Person" or not _LIST_GAP.match(
                sentence.gap(ms[ms.index(nxt) - 1], nxt)
            ):
                break
            extra.append((nxt, org, role))
    return extra


def _sentences(item: Item, sdoc: Doc, mentions: list[Mention]) -> list[_Sentence]:
    if sdoc.has_annotation("SENT_START"):
        bounds = [(s.start_char, s.end_char) for s in sdoc.sents]
    else:
        bounds = [(0, len(item.text))]
    return [_Sentence(item, sdoc, a, b, mentions) for a, b in bounds]


def _byline_memberships(
    item: Item, mentions: list[Mention]
) -> list[tuple[Mention, Mention, str | None]]:
    """ "By: X" followed by a line "<Outlet> Reporter, ..."."""
    found = []
    for person, org in zip(mentions, mentions[1:], strict=False):
        gap = item.text[person.end - item.start : org.start - item.start]
        after = item.text[org.end - item.start : org.end - item.start + 40]
        if person.extractor == "credit" and _is_org(org) and gap.strip() == "":
            role = re.match(r"\s+(Reporter|Correspondent|Editor|Staff Writer)\b", after)
            if role:
                found.append((person, org, role.group(1).lower()))
    return found


def find_memberships(
    document: Document, item: Item, sdoc: Doc, mentions: list[Mention]
) -> list[Membership]:
    """Return the memberships one parsed item states, with their sentence as evidence."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: dict[tuple[str, str, str | None], Membership] = {}
    triples: list[tuple[_Sentence | None, Mention, Mention, str | None]] = []
    sentence: _Sentence | None
    earlier_courts: list[Mention] = []
    for sentence in _sentences(item, sdoc, ordered):
        triples += [(sentence, p, o, r) for p, o, r in _pairs(sentence, earlier_courts)]
        earlier_courts = [m for m in sentence.mentions if m.type == "Court"]
        referred = referred_memberships(item, sentence.start, sentence.end, ordered)
        referred += pronoun_memberships(item, sentence.start, sentence.end, ordered)
        triples += [(sentence, p, o, r) for p, o, r in referred]
    triples += [(None, p, o, r) for p, o, r in _byline_memberships(item, ordered)]
    for sentence, person, org, role in triples:
        if sentence is None:
            start, end = person.start, org.end
        else:
            start, end = item.start + sentence.start, item.start + sentence.end
        while start < end and document.text[start].isspace():
            start += 1
        while end > start and document.text[end - 1].isspace():
            end -= 1
        key = (person.mention_id, org.mention_id, role)
        if key in out:
            continue
        out[key] = Membership(
            membership_id=stable_id(
                document.doc_id, person.mention_id, org.mention_id, role, start
            ),
            item_id=item.item_id,
            person=person.mention_id,
            organization=org.mention_id,
            role=role,
            evidence=document.text[start:end],
            start=start,
            end=end,
            extractor="rules",
            confidence=0.8,
        )
    return list(out.values())
