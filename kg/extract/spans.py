"""The ``kg_actor_spans`` spaCy component: typed actor spans from the model plus kind rules.

It runs after ``ner`` and writes ``doc._.kg_actors``: a list of :class:`ActorSpan` (character
offsets into the doc, one of the nine actor types, the rule that made it and a confidence).
The model's entities are trimmed ("the", possessives, parentheses) and re-typed by the words
of the name (courts, ministries, prisons...); rules add what the model misses: capitalised
institution names, acronyms defined in parentheses, places with a generic suffix ("X
district"), governments as actors ("the Ruritanian government"), acronyms listed beside
organisations, and citation lines of news sources.  Person evidence from context is added by
:mod:`kg.extract.person_context`.
"""

from __future__ import annotations

import re
from dataclasses import astuple, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from .candidates import POSSESSIVE, ActorSpan, char_span, merge_candidates
from .kinds import country_of, is_acronym, kind_of_name
from .layout import headline_lines, in_ranges
from .lexicon import FUNCTION_WORDS, GENERIC_ALONE, HEAD_TYPES, MONTHS, POSSESSIVE_COMMON
from .name_variants import name_variant_spans
from .person_context import person_spans
from .rule_spans import (
    acronym_list_spans,
    acronym_spans,
    classified_spans,
    dateline_spans,
    government_spans,
    line_spans,
    local_institution_spans,
    place_suffix_spans,
)
from .titles import PERSON_TITLES

__all__ = ["ActorSpansComponent", "actor_spans", "make_actor_spans", "stored_spans"]

if not Doc.has_extension("kg_actors"):
    Doc.set_extension("kg_actors", default=None)

_LABEL_TYPES = {"PERSON": "Person", "GPE": "Place", "LOC": "Place", "FAC": "Facility", "ORG": ""}
_CHUNK_DROP = FUNCTION_WORDS | {
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "our",
    "his",
    "her",
}
_NUMBERED_HEADS = {"center", "centre", "prison", "camp", "colony", "court", "unit", "station"}
_NUMBER_MARKS = {"no", "nr", "number"}
_LOCATIVE_AFTER_GENERIC = {"in", "at", "from", "near"}
#: Lower-case words after a hyphen that end a name rather than continue it ("CNRP-led").
_HYPHEN_SUFFIXES = {
    "led", "based", "backed", "run", "owned", "era", "style", "born", "type", "like", "wide",
    "free", "linked", "held", "made", "allied", "aligned", "funded", "leaning", "controlled",
}  # fmt: skip


def _plural_possessive(doc: Doc, i: int) -> bool:
    """A bare apostrophe after a plural inside a name ("Magistrates' Court")."""
    return (
        doc[i].text in {"'", "’"}
        and i > 0
        and doc[i - 1].text.endswith("s")
        and not doc[i - 1].whitespace_
        and i + 1 < len(doc)
        and doc[i + 1].text[:1].isupper()
    )


def _hyphenated_end(doc: Doc, end: int) -> int:
    """Extend a name over a hyphenated lower-case part written without spaces
    ("Mei Notreal-ling"), but not over a suffix such as "-led" or "-based"."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].text.islower()
        and len(doc[end + 1].text) <= 6
        and doc[end + 1].text not in _HYPHEN_SUFFIXES
    ):
        end += 2
    return end


def _split_span(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split a token range at newlines, parentheses, bars, slashes and proper possessives."""
    parts: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end):
        token = doc[i]
        breaks = "\n" in token.text or token.text in {"(", ")", "|", "–", "—", "/", ":"}
        proper_possessive = (
            token.text in POSSESSIVE
            and i > start
            and doc[i - 1].lower_ not in POSSESSIVE_COMMON
            and not _plural_possessive(doc, i)
        )
        if breaks or proper_possessive:
            if i > begin:
                parts.append((begin, i))
            begin = i + 1
        elif token.text.endswith("/"):
            parts.append((begin, i + 1))
            begin = i + 1
    if end > begin:
        parts.append((begin, end))
    return parts


def _type_for(text: str, label: str) -> tuple[str, float] | None:
    """The actor type of a model entity: its name's kind first, else the model's label."""
    kind = kind_of_name(text)
    if kind == "" or re.search(r"[$€£¥₹]", text) or not re.search(r"[^\W\d_]", text):
        return None
    if country_of(text):
        return "Place", 0.6
    base = _LABEL_TYPES.get(label)
    if base is None:
        return None
    if label in {"GPE", "LOC"} and kind in {None, "Place"}:
        return "Place", 0.6
    if kind:
        return kind, 0.75 if label in {"ORG", "FAC"} else 0.65
    if label == "PERSON":
        return "Person", 0.7
    if label == "FAC":
        return "Facility", 0.5
    return "CivilSocietyOrganization", 0.4


def _model_spans(doc: Doc, headlines: tuple[tuple[int, int], ...]) -> list[ActorSpan]:
    """The model's entities, trimmed, split and typed by their words."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in _LABEL_TYPES:
            continue
        for start, end in _split_span(doc, ent.start, ent.end):
            if ent.label_ == "ORG" and _after_role_of(doc, start):
                continue
            if ent.label_ in {"PERSON", "ORG", "GPE"} and kind_of_name(doc[start:end].text) is None:
                end = _hyphenated_end(doc, end)
            text = doc[start:end].text
            typed = _type_for(text, ent.label_)
            if typed is None or _possessed_or_modifier(doc, ent.start, start, end, typed[1]):
                continue
            if typed[1] <= 0.4 and end - start > 1:
                acronyms = [t for t in doc[start:end] if is_acronym(t.text)]
                if acronyms:
                    start, end = acronyms[0].i, acronyms[0].i + 1
            headline = in_ranges(headlines, doc[start].idx, doc[start].idx + 1)
            rule = "model-headline" if headline else "model"
            span = char_span(doc, start, end, typed[0], rule, typed[1])
            if span is not None:
                spans.append(span)
    return spans


def _possessed_or_modifier(doc: Doc, ent_start: int, start: int, end: int, conf: float) -> bool:
    """Whether an unrecognised name is the office after "X's" or a modifier of a role word."""
    if conf > 0.4:
        return False
    after_possessive = start > ent_start and doc[start - 1].text in POSSESSIVE
    before_role = end < len(doc) and doc[end].lower_ in PERSON_TITLES
    return after_possessive or before_role


def _after_role_of(doc: Doc, start: int) -> bool:
    """Whether a bare name follows "Minister of" / "Members of": a role's field, not an actor."""
    return (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in PERSON_TITLES | {"minister", "members"}
        and doc[start].lower_ != "the"
    )


def _chunk_token(token: Token) -> bool:
    """A capitalised word that may be part of a name (not a month, no line break)."""
    text = token.text
    return bool(text[:1].isupper()) and text.lower() not in MONTHS and "\n" not in text


def _inner_token(doc: Doc, j: int) -> bool:
    """A number after a numbered head ("Center 3") or a common possessive ("People's")."""
    token, previous = doc[j], doc[j - 1].lower_
    numbered = token.like_num and previous in _NUMBERED_HEADS | _NUMBER_MARKS
    common = token.text in POSSESSIVE and previous in POSSESSIVE_COMMON
    return numbered or common or _plural_possessive(doc, j)


def _joined_piece(doc: Doc, j: int) -> int:
    """How many tokens from ``j`` continue a name without a space: "-trial" in "Pre-trial",
    "." in "No. 4" (with its number), "-Corruption" in "Anti-Corruption"; 0 if none."""
    token = doc[j]
    if j + 1 >= len(doc) or doc[j - 1].whitespace_:
        return 0
    nxt = doc[j + 1]
    if token.text == "-" and not token.whitespace_ and (_chunk_token(nxt) or nxt.is_alpha):
        return 2
    if token.text == "." and doc[j - 1].lower_ in _NUMBER_MARKS and nxt.like_num:
        return 2
    return 0


def _capitalised_chunks(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, with inner function words, hyphens and numbers."""
    chunks = []
    i = 0
    while i < len(doc):
        if not _chunk_token(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc):
            token = doc[j]
            if _chunk_token(token):
                j += 1
            elif _joined_piece(doc, j):
                j += _joined_piece(doc, j)
            elif _inner_token(doc, j):
                j += 1
            elif token.lower_ in FUNCTION_WORDS and token.text.islower():
                k = j
                while k < len(doc) and doc[k].lower_ in FUNCTION_WORDS and doc[k].text.islower():
                    k += 1
                if k < len(doc) and _chunk_token(doc[k]):
                    j = k
                else:
                    break
            else:
                break
        chunks.extend(_split_at_and(doc, i, j))
        i = j
    return chunks


def _split_at_and(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split "National Assembly and Senate" where the words before "and" already name a body."""
    for i in range(start + 1, end - 1):
        left = doc[start:i].text
        last = doc[i - 1]
        ends_in_head = last.lower_ in HEAD_TYPES or is_acronym(last.text) or last.like_num
        if doc[i].lower_ == "and" and ends_in_head and (kind_of_name(left) or is_acronym(left)):
            return [(start, i), *_split_at_and(doc, i + 1, end)]
    return [(start, end)]


def _chunk_spans(doc: Doc, headlines: tuple[tuple[int, int], ...]) -> list[ActorSpan]:
    """Capitalised runs in body text whose words name a kind of institution."""
    spans = []
    for start, end in _capitalised_chunks(doc):
        if in_ranges(headlines, doc[start].idx, doc[start].idx + 1):
            continue
        for a, b in _split_span(doc, start, end):
            while a < b and (doc[a].lower_ in _CHUNK_DROP or doc[a].is_punct):
                a += 1
            if any(_after_role_of(doc, k + 2) for k in range(a, b - 2)):
                continue
            while b > a and (doc[b - 1].lower_ in FUNCTION_WORDS or doc[b - 1].is_punct):
                b -= 1
            if a >= b or _generic_with_locative(doc, a, b):
                continue
            kind = kind_of_name(doc[a:b].text)
            if kind == "Facility":
                b = _facility_end(doc, a, b)
            if kind and kind != "Person":
                a = _organisation_start(doc, a, b, kind)
                span = char_span(doc, a, b, kind, "kind-words", 0.85)
                if span is not None:
                    spans.append(span)
    return spans


def _generic_with_locative(doc: Doc, a: int, b: int) -> bool:
    """ "Police in Fictown" opening a sentence: a generic word capitalised by position, then
    where it acts, not a name."""
    opening = doc[a].is_sent_start or a == 0 or "\n" in doc[a - 1].text_with_ws
    return (
        opening
        and doc[a].lower_ in GENERIC_ALONE
        and a + 1 < b
        and doc[a + 1].lower_ in _LOCATIVE_AFTER_GENERIC
    )


def _facility_end(doc: Doc, a: int, b: int) -> int:
    """Where a prison's name ends in "Greystone Prison in Fictown": before an "in"/"at" whose
    right part is no facility (the town it stands in)."""
    for k in range(a + 1, b - 1):
        if doc[k].lower_ in {"in", "at", "near"}:
            left, right = doc[a:k].text, doc[k + 1 : b].text
            if kind_of_name(left) == "Facility" and kind_of_name(right) != "Facility":
                return k
    return b


def _organisation_start(doc: Doc, a: int, b: int, kind: str) -> int:
    """Where the institution begins in "Investigating Judge X of the Y Court": after an
    "of"/"at"/"from" whose left part names no institution and whose right part names one."""
    for k in range(a + 1, b - 1):
        if doc[k].lower_ not in {"of", "at", "from"}:
            continue
        if kind_of_name(doc[a:k].text) is None and kind_of_name(doc[k + 1 : b].text) == kind:
            return k + 1
        return a
    return a


def _facility_possessors(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """ "Prey Sar's CC1 prison": a possessor whose possessed phrase is a prison is a facility."""
    out = []
    for span in spans:
        tail = doc.text[span.end : span.end + 40]
        if span.type not in {"Facility", "Place"} and re.match(
            r"^['’]s\s+(?:\w+\s+){0,3}?(?:prisons?|jails?|Prison|Correctional|Detention)\b", tail
        ):
            span = replace(span, type="Facility", rule="possessor-of-prison", confidence=0.85)
        out.append(span)
    return out


def actor_spans(doc: Doc) -> list[ActorSpan]:
    """Return the typed actor spans of a parsed text, in order, without overlaps."""
    headlines = headline_lines(doc.text)
    model = _model_spans(doc, headlines)
    rules = _chunk_spans(doc, headlines) + place_suffix_spans(doc) + government_spans(doc)
    rules += line_spans(doc, headlines) + classified_spans(doc) + dateline_spans(doc)
    rules += local_institution_spans(doc)
    first = merge_candidates(model + rules)
    first = merge_candidates(first + acronym_spans(doc, first))
    first = merge_candidates(first + acronym_list_spans(doc, first))
    people = person_spans(doc, first, headlines)
    people = merge_candidates(people + name_variant_spans(doc, people))
    return _repeated(doc, _facility_possessors(doc, people))


def _repeated(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """Add the other whole-word occurrences of a found name that the model left untagged."""
    best: dict[str, ActorSpan] = {}
    for span in spans:
        text = doc.text[span.start : span.end]
        if text not in best or span.confidence > best[text].confidence:
            best[text] = span
    extra = []
    for text, span in best.items():
        if len(text) < 2 or (" " not in text and not is_acronym(text) and span.type != "Person"):
            continue
        for found in re.finditer(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", doc.text):
            copy = replace(span, start=found.start(), end=found.end(), rule="repeat")
            extra.append(copy)
    return merge_candidates(spans + extra)


@Language.factory("kg_actor_spans")
def make_actor_spans(nlp: Language, name: str) -> ActorSpansComponent:
    """Build the component that fills ``doc._.kg_actors``."""
    return ActorSpansComponent()


class ActorSpansComponent:
    """Fill ``doc._.kg_actors`` with the typed actor spans of the doc."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_actors = [list(astuple(span)) for span in actor_spans(doc)]
        return doc


def stored_spans(doc: Doc) -> list[ActorSpan]:
    """The spans the component stored on a doc, or computed now when it did not run."""
    stored = doc._.kg_actors
    if stored is None:
        return actor_spans(doc)
    return [ActorSpan(int(a), int(b), str(t), str(r), float(c)) for a, b, t, r, c in stored]
