"""Rule spans the model misses: places with a generic suffix, acronyms, governments, bylines.

Each function reads a parsed text and returns :class:`~kg.extract.candidates.ActorSpan` items;
:mod:`kg.extract.spans` merges them with the model's entities.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .candidates import POSSESSIVE, ActorSpan, char_span
from .gazetteer import FAMOUS_ORGS
from .kinds import country_of, is_acronym, is_name_word, kind_of_name
from .lexicon import GOVERNMENT_WORDS, PLACE_SUFFIXES

__all__ = [
    "acronym_list_spans",
    "acronym_spans",
    "government_spans",
    "line_spans",
    "place_suffix_spans",
]

_SPEECH_VERBS = {
    "say",
    "condemn",
    "urge",
    "call",
    "state",
    "express",
    "welcome",
    "warn",
    "demand",
    "report",
    "denounce",
    "appeal",
    "announce",
    "tell",
}
_GOVERNMENT_ADJECTIVES = {
    "caretaker",
    "royal",
    "current",
    "military",
    "interim",
    "national",
    "federal",
    "central",
    "new",
    "former",
    "de",
    "facto",
    "ruling",
    "transitional",
}


def place_suffix_spans(doc: Doc) -> list[ActorSpan]:
    """ "Tuol Kork district", "Kampong Thom province": names before a generic place word."""
    spans = []
    for i, token in enumerate(doc):
        if token.lower_ not in PLACE_SUFFIXES or i == 0:
            continue
        j = i
        while j > 0 and i - j < 3 and is_name_word(doc[j - 1].text) and doc[j - 1].pos_ != "VERB":
            j -= 1
        if j < i:
            span = char_span(doc, j, i + 1, "Place", "place-suffix", 0.85)
            if span is not None:
                spans.append(span)
    return spans


def acronym_spans(doc: Doc, known: list[ActorSpan]) -> list[ActorSpan]:
    """ "Long Name (ACR)": the acronym takes the type of the name just before it."""
    spans = []
    ends = {s.end: s for s in known}
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or not is_acronym(doc[i + 1].text.rstrip(")")):
            continue
        if doc[i + 2].text != ")" and not doc[i + 1].text.endswith(")"):
            continue
        before = doc[i - 1]
        long_form = ends.get(before.idx + len(before.text))
        if long_form is None or long_form.type in {"Person", "Place"}:
            continue
        acronym = doc[i + 1]
        end = acronym.idx + len(acronym.text.rstrip(")"))
        spans.append(ActorSpan(acronym.idx, end, long_form.type, "acronym-definition", 0.9))
    return spans


def government_spans(doc: Doc) -> list[ActorSpan]:
    """ "the Ruritanian government", "Ruritania's authorities", "government of Ruritania"."""
    gpe_tokens = {t.i for ent in doc.ents if ent.label_ in {"GPE", "NORP"} for t in ent}
    spans = []
    for i, token in enumerate(doc):
        if token.lower_ not in GOVERNMENT_WORDS:
            continue
        j = i - 1
        while j >= 0 and doc[j].lower_ in _GOVERNMENT_ADJECTIVES:
            j -= 1
        if j >= 0 and doc[j].text in POSSESSIVE:
            j -= 1
        k = j
        while k >= 0 and (k in gpe_tokens or country_of(doc[k].text)) and doc[k].text[:1].isupper():
            k -= 1
        if k < j:
            span = char_span(doc, k + 1, i + 1, "GovernmentBody", "government-of", 0.9)
        elif i + 2 < len(doc) and doc[i + 1].lower_ == "of" and (i + 2) in gpe_tokens:
            end = i + 3
            while end in gpe_tokens:
                end += 1
            span = char_span(doc, i, end, "GovernmentBody", "government-of", 0.9)
            if span is not None and doc.text[span.start].islower():
                span = ActorSpan(token.idx, span.end, "GovernmentBody", "government-of", 0.9)
        else:
            continue
        if span is not None:
            spans.append(span)
    return spans


def acronym_list_spans(doc: Doc, known: list[ActorSpan]) -> list[ActorSpan]:
    """Acronyms listed beside organisations ("ACR1, ACR2 and ACR3 condemn ...")."""
    org_starts = {s.start for s in known if s.type not in {"Person", "Place"}}
    spans = []
    acronyms = [t for t in doc if is_acronym(t.text) and not any(c.isdigit() for c in t.text)]
    for token in acronyms:
        if token.idx in org_starts:
            continue
        neighbours = [doc[k] for k in (token.i - 2, token.i + 2) if 0 <= k < len(doc)]
        linked = [
            n
            for n in neighbours
            if doc[min(n.i, token.i) + 1].text in {",", "and", "&"}
            and (is_acronym(n.text) or n.idx in org_starts)
        ]
        if len(linked) >= 1 and any(n.idx in org_starts or is_acronym(n.text) for n in linked):
            list_tokens = {token.i, *(n.i for n in linked)}
            if any(doc[k].idx in org_starts for k in list_tokens) or len(acronyms) >= 3:
                spans.append(
                    ActorSpan(
                        token.idx,
                        token.idx + len(token.text),
                        "CivilSocietyOrganization",
                        "acronym-list",
                        0.55,
                    )
                )
        elif token.lower_ in FAMOUS_ORGS or (
            token.dep_ == "nsubj" and token.head.lemma_ in _SPEECH_VERBS
        ):
            kind = FAMOUS_ORGS.get(token.lower_, "CivilSocietyOrganization")
            spans.append(
                ActorSpan(token.idx, token.idx + len(token.text), kind, "acronym-actor", 0.6)
            )
    return spans


_CITATION = re.compile(
    r"^\s*([A-Z][\w.&’'-]*(?:\s+(?:(?:of|the|for|and|de|on)\s+)?[A-Z][\w.&’'-]*){0,5})\s+[–—-]\s+\S"
)
_BYLINE = re.compile(r"^\s*By:?\s+([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})\s*$")
_REPORTER = re.compile(
    r"^\s*([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,4}) (?:Reporter|Correspondent|Editor|Staff Writer)\b"
)


def line_spans(doc: Doc, headlines: tuple[tuple[int, int], ...]) -> list[ActorSpan]:
    """Bylines ("By: Chan Dara"), reporter lines and citation lines ("Source Name – title")."""
    spans = []
    for start, end in headlines:
        line = doc.text[start:end]
        for pattern, kind, rule, conf in (
            (_BYLINE, "Person", "byline", 0.9),
            (_REPORTER, "MediaOrganization", "reporter-line", 0.9),
            (_CITATION, "MediaOrganization", "source-line", 0.7),
        ):
            found = pattern.match(line)
            if not found:
                continue
            name = found.group(1)
            named = kind_of_name(name)
            if rule == "source-line" and (named == "" or country_of(name) or named == "Place"):
                continue
            if rule == "source-line" and named and named != "Person":
                kind, conf = named, 0.85
            spans.append(ActorSpan(start + found.start(1), start + found.end(1), kind, rule, conf))
            break
    return spans
