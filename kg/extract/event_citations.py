"""Legal citations inside an offence's phrase, which the offence reader steps over: "guilty of
"treason" (Article 356 of the Criminal Code) and "X"", "convicted him under Section 52(a) of
the Counter-Terrorism Law of financing X"."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["CITATION_WORDS", "citation_end", "past_citation"]

#: Words that open a citation of a law's part.
CITATION_WORDS = frozenset(
    {"article", "articles", "section", "sections", "art", "art.", "sec", "sec.", "paragraph",
     "part", "chapter"}
)  # fmt: skip


def past_citation(token: Token | None, limit: int) -> Token | None:
    """The token after a parenthesised citation starting at ``token`` ("(Article 356)"), or
    ``token`` itself when no citation starts there."""
    doc = token.doc if token is not None else None
    if token is None or doc is None or token.text != "(" or token.i + 1 >= limit:
        return token
    if doc[token.i + 1].lower_ not in CITATION_WORDS:
        return token
    closing = next((t.i for t in doc[token.i : limit] if t.text == ")"), None)
    return doc[closing + 1] if closing is not None and closing + 1 < limit else None


def citation_end(window: list[Token], index: int) -> int | None:
    """After "under Section 52(a) of the Counter-Terrorism Law" (starting at ``index``), the
    index of the first token past the citation, so that "of financing X" is still read."""
    token = window[index]
    if token.lower_ not in ("under", "pursuant") or index + 1 >= len(window):
        return None
    if window[index + 1].lower_ not in CITATION_WORDS | {"to", "the"}:
        return None
    position = index + 1
    while position < len(window):
        current = window[position]
        following = window[position + 1] if position + 1 < len(window) else None
        if (
            current.lower_ == "of"
            and following is not None
            and following.text[:1].islower()
            and following.lower_ not in ("the", "a")
        ):
            return position
        citation = (
            current.lower_ in CITATION_WORDS | {"of", "the", "to", "and", "or", "'s", "’s"}
            or current.like_num
            or current.text[:1].isdigit()
            or current.text in ("(", ")", "-", ",")
            or current.text[:1].isupper()
            or (len(current.text) == 1 and current.is_alpha)
        )
        if not citation:
            return position
        position += 1
    return position
