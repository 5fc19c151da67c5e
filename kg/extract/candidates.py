"""The typed span candidates that the actor rules produce, and how overlaps are settled."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

__all__ = ["POSSESSIVE", "ActorSpan", "char_span", "merge_candidates"]

POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass(frozen=True)
class ActorSpan:
    """One typed actor span of a parsed text (character offsets into ``doc.text``).

    ``rule`` names the rule or model that made it; ``confidence`` is in [0, 1].
    """

    start: int
    end: int
    type: str
    rule: str
    confidence: float


def merge_candidates(spans: list[ActorSpan]) -> list[ActorSpan]:
    """Keep the most confident (then longest) of overlapping spans, in text order.

    >>> a = ActorSpan(0, 9, "Person", "model", 0.7)
    >>> b = ActorSpan(0, 4, "Place", "model", 0.6)
    >>> merge_candidates([b, a]) == [a]
    True
    """
    ranked = sorted(spans, key=lambda s: (-s.confidence, -(s.end - s.start), s.start))
    kept: list[ActorSpan] = []
    for span in ranked:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


_LEADING_DROP = {
    "the",
    "a",
    "an",
    "'s",
    "’s",
    "(",
    ")",
    "-",
    "–",
    "—",
    "|",
    ":",
    ",",
    '"',
    "“",
    "”",
}


def _trailing_junk(token: Token) -> bool:
    """Whether a token at the end of a span is a possessive, a space or stray punctuation."""
    return token.text in POSSESSIVE or token.is_space or (token.is_punct and token.text != ".")


def char_span(
    doc: Doc, start: int, end: int, kind: str, rule: str, conf: float
) -> ActorSpan | None:
    """Build an ActorSpan over tokens [start, end), trimming stray punctuation at its edges."""
    while start < end and (
        doc[start].lower_ in _LEADING_DROP or doc[start].is_space or doc[start].is_punct
    ):
        start += 1
    while end > start and _trailing_junk(doc[end - 1]):
        end -= 1
    if start >= end:
        return None
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    text = doc.text[a:b]
    stripped = text.rstrip("/;:,\"“”'’-–—")
    b -= len(text) - len(stripped)
    if b <= a or not doc.text[a].isupper() and not doc.text[a].isdigit():
        return None
    return ActorSpan(a, b, kind, rule, conf)
