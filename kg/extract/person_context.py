"""Person evidence from context: titles, role appositives, lists of people, bylines.

The small model often tags Khmer-style names as places or organisations ("Chan Dara" as GPE).
A name-shaped span becomes a person when its context says so: a title or role word just before
it ("Investigating Judge X", "youth leader X", "Mr. X"), a role appositive after it ("X, 41,",
"X, the chief of ...", "X, who ..."), a photo credit ("courtesy of X"), or a place in a list
whose other members are people ("A, B and C were arrested").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from .candidates import ActorSpan, merge_candidates
from .kinds import country_of, is_name_word, kind_of_name
from .layout import in_ranges
from .titles import HONORIFICS, NOBLE_TITLES, PERSON_TITLES, ROLE_WORDS

__all__ = ["person_spans"]

_TITLE_WORDS = PERSON_TITLES | ROLE_WORDS | HONORIFICS
_ROLE_ALTERNATION = "|".join(sorted((re.escape(w) for w in _TITLE_WORDS), key=len, reverse=True))
_APPOSITIVE = re.compile(
    r"^(?:,\s+\d{1,3}\s*,|,\s+who\b|\s+the\s+(?:"
    + _ROLE_ALTERNATION
    + r")\b|,\s+(?:the |a |an )?(?:(?!and\b|or\b|who\b|which\b)[\w’'-]+\s+){0,4}?(?:"
    + _ROLE_ALTERNATION
    + r")\b)",
    re.IGNORECASE,
)
_MODIFIER = re.compile(r"^[\s-]+(?:" + _ROLE_ALTERNATION + r")\b", re.IGNORECASE)
_BEFORE = re.compile(
    r"(?:(?i:courtesy of):?|(?:^|\n)\s*By:?|(?i:photo):"
    r"|(?i:(?:reporting|editing|writing|reported|written|edited|compiled|produced) by))\s*$"
)
_SEPARATOR = re.compile(r"^(?:,\s*\d{1,3}\s*)?\s*(?:,|,?\s*and|&|-|–|—)\s*$")


def _name_shaped(text: str) -> bool:
    """1-4 capitalised name words, no kind word or title, not a country."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and all(is_name_word(w) and w.lower() not in _TITLE_WORDS for w in words)
        and kind_of_name(text) is None
        and country_of(text) is None
    )


def _title_before(doc: Doc, start: int) -> bool:
    """Whether a title or role word stands just before the character offset ``start``."""
    before = doc.text[max(0, start - 40) : start]
    words = re.findall(r"[\w.’'-]+", before)
    if not words or not before.endswith((" ", "\u00a0")):
        return False
    last = words[-1].lower().split("-")[-1]
    return last in _TITLE_WORDS or words[-1].lower() in _TITLE_WORDS or bool(_BEFORE.search(before))


def _person_context(doc: Doc, span: ActorSpan) -> str:
    """Which context says a span names a person: "credit", "person-context" or ""."""
    after = doc.text[span.end : span.end + 80]
    if _MODIFIER.match(after) or after.startswith("-"):
        return ""
    if _BEFORE.search(doc.text[max(0, span.start - 30) : span.start]):
        return "credit"
    single = " " not in doc.text[span.start : span.end]
    if _title_before(doc, span.start) or (not single and _APPOSITIVE.match(after)):
        return "person-context"
    return ""


def _uncovered_names(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """Runs of 2-4 capitalised name words that no span covers: candidates for list members."""
    covered = [(s.start, s.end) for s in spans]
    runs = []
    for found in re.finditer(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}", doc.text):
        a, b = found.span()
        if any(not (b <= s or a >= e) for s, e in covered):
            continue
        if _name_shaped(found.group()):
            runs.append(ActorSpan(a, b, "", "list-member", 0.0))
    return runs


def _in_person_list(doc: Doc, spans: list[ActorSpan], index: int) -> bool:
    """Whether a neighbouring span, across a list separator, is a confident person."""
    span = spans[index]
    for k in (index - 1, index + 1):
        if not 0 <= k < len(spans):
            continue
        other = spans[k]
        between = (
            doc.text[other.end : span.start] if k < index else doc.text[span.end : other.start]
        )
        if other.type == "Person" and other.confidence >= 0.7 and _SEPARATOR.match(between):
            return True
    return False


def _merge_adjacent(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """Join a person span and a following bare name word ("Prince Sisowath" + "Thomico")."""
    out: list[ActorSpan] = []
    for span in spans:
        if (
            out
            and out[-1].type == "Person"
            and doc.text[out[-1].end : span.start] == " "
            and (
                span.type != "Person"
                and _name_shaped(doc.text[span.start : span.end])
                and " " not in doc.text[span.start : span.end]
            )
        ):
            out[-1] = replace(out[-1], end=span.end, confidence=max(out[-1].confidence, 0.75))
            continue
        out.append(span)
    return out


def person_spans(
    doc: Doc, spans: list[ActorSpan], headlines: tuple[tuple[int, int], ...]
) -> list[ActorSpan]:
    """Re-type name-shaped spans as persons where their context says so; add list members."""
    candidates = merge_candidates(spans + _uncovered_names(doc, spans))
    out = []
    for span in candidates:
        text = doc.text[span.start : span.end]
        shaped = _name_shaped(text) and span.confidence < 0.85
        context = _person_context(doc, span) if shaped or span.type == "Person" else ""
        if context:
            headline = in_ranges(headlines, span.start, span.end)
            if headline and context != "credit":
                span = replace(span, type="Person", rule="person-headline", confidence=0.7)
            else:
                span = replace(span, type="Person", rule=context, confidence=0.9)
        out.append(span)
    changed = True
    while changed:
        changed = False
        for i, span in enumerate(out):
            text = doc.text[span.start : span.end]
            if (
                span.type != "Person"
                and _name_shaped(text)
                and span.confidence < 0.85
                and _in_person_list(doc, out, i)
            ):
                out[i] = replace(span, type="Person", rule="person-list", confidence=0.85)
                changed = True
    out = [_completed(doc, s) if s.type == "Person" else s for s in out if s.type]
    return _merge_adjacent(doc, out)


def _completed(doc: Doc, span: ActorSpan) -> ActorSpan:
    """Extend a person span over a noble title before it and a name word the model left out."""
    found = re.search(r"(\w+) $", doc.text[max(0, span.start - 20) : span.start])
    if found and found.group(1).lower() in NOBLE_TITLES and found.group(1)[0].isupper():
        span = replace(span, start=span.start - len(found.group(0)))
    following = re.match(r" ([A-Z][\w’'-]+)\b(?![’']s\b)", doc.text[span.end : span.end + 30])
    words = doc.text[span.start : span.end].split()
    if following and len(words) == 1 and _name_shaped(following.group(1)):
        span = replace(span, end=span.end + len(following.group(0)))
    return span
