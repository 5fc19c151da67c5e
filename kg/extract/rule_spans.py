"""Rule spans the model misses: places with a generic suffix, acronyms, governments, bylines.

Each function reads a parsed text and returns :class:`~kg.extract.candidates.ActorSpan` items;
:mod:`kg.extract.spans` merges them with the model's entities.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .candidates import POSSESSIVE, ActorSpan, char_span
from .gazetteer import FAMOUS_ORGS
from .kinds import country_of, initials, is_acronym, is_name_word, kind_of_name, name_words
from .lexicon import FUNCTION_WORDS, GOVERNMENT_WORDS, MONTHS, PLACE_SUFFIXES
from .titles import PERSON_TITLES

__all__ = [
    "acronym_list_spans",
    "acronym_spans",
    "classified_spans",
    "dateline_spans",
    "government_spans",
    "line_spans",
    "local_institution_spans",
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


def _spelt_tail(doc: Doc, long_form: ActorSpan, acronym: str) -> ActorSpan | None:
    """The end of a long span that the acronym spells when the whole span does not: "Chan
    Dara of Lawyers for Fictional Freedom (LFF)" gives "Lawyers for Fictional Freedom"."""
    text = doc.text[long_form.start : long_form.end]
    target = acronym.replace(".", "").upper()
    if initials(name_words(text)) == target:
        return None
    for found in re.finditer(r"\b(?:of|at|from|for|with)\s+(?:the\s+)?(?=[A-Z])", text):
        tail = text[found.end() :]
        if initials(name_words(tail)) == target:
            start = long_form.start + found.end()
            kind = kind_of_name(tail) or "CivilSocietyOrganization"
            return ActorSpan(start, long_form.end, kind, "acronym-long-form", 0.9)
    return None


_LOCAL_INSTITUTION = re.compile(
    r"(?<![\w’'-])(?:(?:The|the) )?(?P<name>(?:[A-Z][\w’'-]+ ){1,3}"
    r"(?:city|municipal|provincial|regional|district|town|county|state|local|oblast) "
    r"(?P<head>council|court|police|prosecutor['’]s office|prosecutors['’]? office"
    r"|prosecution office|administration|office|committee|assembly))\b"
)


def local_institution_spans(doc: Doc) -> list[ActorSpan]:
    """A place's institution written in lower case: "the Northport city council", "the
    Northport regional prosecutor's office", "Northport district court"."""
    spans = []
    for found in _LOCAL_INSTITUTION.finditer(doc.text):
        place = found.group("name").split(" ")[0]
        if kind_of_name(place) is not None and kind_of_name(place) != "Place":
            continue
        kind = "Court" if found.group("head") == "court" else "GovernmentBody"
        spans.append(ActorSpan(found.start("name"), found.end("name"), kind, "local-body", 0.85))
    return spans


def acronym_spans(doc: Doc, known: list[ActorSpan]) -> list[ActorSpan]:
    """ "Long Name (ACR)": the acronym takes the type of the name just before it; when only
    the end of that name spells the acronym, that end is the organisation's name."""
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
        tail = _spelt_tail(doc, long_form, doc.text[acronym.idx : end])
        kind = tail.type if tail is not None else long_form.type
        spans.append(ActorSpan(acronym.idx, end, kind, "acronym-definition", 0.9))
        if tail is not None:
            spans.append(tail)
    return spans


#: Common nouns that classify the name after them ("the student group Free Imaginary
#: Youth", "the outlet Eastbrook Fictional News"), with the actor type they give.
_CLASSIFIERS: dict[str, str] = {
    **dict.fromkeys(["party", "movement"], "PoliticalParty"),
    **dict.fromkeys(
        ["outlet", "newspaper", "website", "broadcaster", "channel", "magazine", "portal",
         "tabloid", "weekly", "daily"],
        "MediaOrganization",
    ),
    **dict.fromkeys(
        ["group", "organisation", "organization", "ngo", "association", "union", "network",
         "coalition", "collective", "charity", "foundation", "initiative", "campaign"],
        "CivilSocietyOrganization",
    ),
}  # fmt: skip


def classified_spans(doc: Doc) -> list[ActorSpan]:
    """A capitalised name right after a classifying noun: "the rights group X", "the
    independent outlet Y".  A name followed by a verb is the subject of a relative clause
    ("the party Chan Dara founded"), not the classified name."""
    spans = []
    for token in doc[:-1]:
        kind = _CLASSIFIERS.get(token.lower_)
        if kind is None or token.pos_ != "NOUN" or not doc[token.i + 1].text[:1].isupper():
            continue
        end = token.i + 1
        while end < len(doc) and (
            doc[end].text[:1].isupper()
            or (doc[end].lower_ in FUNCTION_WORDS and end + 1 < len(doc)
                and doc[end + 1].text[:1].isupper())
        ):  # fmt: skip
            end += 1
        words = doc[token.i + 1 : end]
        broken = any(t.lower_ in MONTHS or "\n" in t.text_with_ws[:-1] for t in words)
        if broken or words[0].lower_ in PERSON_TITLES:
            continue
        if end < len(doc) and doc[end].pos_ in {"VERB", "AUX"}:
            continue
        named = kind_of_name(words.text)
        if named == "" or named == "Place" or country_of(words.text):
            continue
        span = char_span(doc, token.i + 1, end, named or kind, "classified", 0.8)
        if span is not None:
            spans.append(span)
    return spans


_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'’.-]{2,}(?:[ ][A-Z][A-Z'’.-]{1,}){0,2})"
    r"(?:,[ ]+(?:[A-Z][a-z]+\.?[ ]+\d{1,2}\b|[A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+)?[ ]+[–—-][ ])"
    r"|[ ]+[–—-][ ])",
    re.MULTILINE,
)


_DATED_PLACE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}),[ ]+"
    r"(?:\d{1,2}[ ][A-Z][a-z]+|[A-Z][a-z]+[ ]\d{1,2})(?:,?[ ]\d{4})?[ ]+[–—-][ ]",
    re.MULTILINE,
)
_DATELINE_REACH = 400


def dateline_spans(doc: Doc) -> list[ActorSpan]:
    """The place of a news dateline, which opens an article: "BANGKOK, March 14 (Agency) -",
    "RURITANIA CITY, Ruritania –", "NORTHPORT – ...", "Northport, 17 August 2023 –"."""
    found = _DATELINE.search(doc.text[:_DATELINE_REACH]) or _DATED_PLACE.search(
        doc.text[:_DATELINE_REACH]
    )
    if found is None:
        return []
    place = found.group("place")
    if is_acronym(place) and len(place) <= 4 or kind_of_name(place):
        return []
    return [ActorSpan(found.start("place"), found.end("place"), "Place", "dateline", 0.8)]


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
