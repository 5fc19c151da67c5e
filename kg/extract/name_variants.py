"""Other forms of a person's name in the same text: its parts, its shorter forms, its slips.

Once a text names "Chan Dara" (a multi-word person found with confidence), "Dara" alone, the
shorter "Kyaw Imaginary" of "U Kyaw Imaginary", and "Chan Darra" (one letter off) name a
person too, even where the model tagged them as a place or an organisation or missed them.
A lone word opening a sentence counts only when the tagger reads it as a proper noun, so a
name part that is also a common word ("Long", "Men") is not taken at a sentence start.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .candidates import ActorSpan
from .kinds import edit_distance, is_name_word, kind_of_name, name_words
from .titles import NOBLE_TITLES, PERSON_TITLES

__all__ = ["name_variant_spans"]

_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}(?![\w-])")
_MIN_PART = 3
_MIN_SLIP = 4


def _known_names(doc: Doc, spans: list[ActorSpan]) -> list[list[str]]:
    """The multi-word person names found with confidence, as word lists."""
    names = []
    for span in spans:
        if span.type != "Person" or span.confidence < 0.7:
            continue
        words = name_words(doc.text[span.start : span.end])
        shaped = all(is_name_word(w) for w in words) and kind_of_name(" ".join(words)) is None
        if len(words) >= 2 and shaped:
            names.append(words)
    return names


def _part_of(words: list[str], name: list[str]) -> bool:
    """Whether ``words`` are a contiguous part of ``name`` (a lone part: not a title)."""
    size = len(words)
    if size == 1:
        word = words[0].lower()
        return (
            len(word) >= _MIN_PART
            and word not in NOBLE_TITLES | PERSON_TITLES
            and any(word == w.lower() for w in name)
        )
    return size < len(name) and any(
        [w.lower() for w in name[i : i + size]] == [w.lower() for w in words]
        for i in range(len(name) - size + 1)
    )


def _slip_of(words: list[str], name: list[str]) -> bool:
    """Whether ``words`` are ``name`` with one word misspelt by one letter."""
    if len(words) != len(name):
        return False
    differ = [(a, b) for a, b in zip(words, name, strict=True) if a.lower() != b.lower()]
    return (
        len(differ) == 1
        and min(len(differ[0][0]), len(differ[0][1])) >= _MIN_SLIP
        and edit_distance(differ[0][0].lower(), differ[0][1].lower()) == 1
    )


def _opens_sentence_as_word(doc: Doc, start: int) -> bool:
    """A lone word at a sentence start that the tagger does not read as a proper noun."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return True
    token = span[0]
    opening = token.is_sent_start or token.i == 0 or "\n" in doc[token.i - 1].text_with_ws
    return bool(opening and token.pos_ != "PROPN")


def name_variant_spans(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """Person spans for the parts, shorter forms and one-letter slips of known names."""
    names = _known_names(doc, spans)
    if not names:
        return []
    found = []
    for match in _RUN.finditer(doc.text):
        text = re.sub(r"[’']s$", "", match.group())
        words = text.split()
        start = match.start()
        part = any(_part_of(words, name) for name in names)
        slip = not part and any(_slip_of(words, name) for name in names)
        if not (part or slip) or not all(is_name_word(w) for w in words):
            continue
        if len(words) == 1 and _opens_sentence_as_word(doc, start):
            continue
        confidence = 0.65 if len(words) == 1 else 0.75
        found.append(ActorSpan(start, start + len(text), "Person", "name-variant", confidence))
    return found
