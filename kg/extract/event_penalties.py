"""The penalty's words of a sentencing event: "20 years in prison", "fined $1,250",
"jailed him for nine months" (nine months), "handing him ten years in prison"."""

from __future__ import annotations

from spacy.tokens import Token

from .event_syntax import DURATION_NOUNS

__all__ = ["penalty_of"]

_PENALTY_STOPS = frozenset(
    {"on", "for", "after", "following", "while", "despite", "under", "because", "over"}
)


def _penalty_ends(token: Token, nxt: Token | None) -> bool:
    """Whether a penalty phrase ends at ``token`` ("20 years in prison | in 2005")."""
    if token.lower_ in _PENALTY_STOPS or token.text in (",", ";", ".", "("):
        return True
    if nxt is None:
        return False
    if token.lower_ in ("in", "on") and (nxt.ent_type_ == "DATE" and nxt.like_num):
        return True
    return (token.lower_ == "in" and nxt.lower_ == "absentia") or (
        token.lower_ == "and" and nxt.pos_ == "VERB"
    )


def _words_from(first: Token, limit: int) -> str | None:
    """The penalty phrase that starts at ``first``, up to where it ends."""
    doc = first.doc
    tokens = []
    for token in doc[first.i : limit]:
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if _penalty_ends(token, nxt):
            break
        tokens.append(token)
    words = "".join(t.text_with_ws for t in tokens).strip()
    return words or None


def penalty_of(trigger: Token, limit: int) -> str | None:
    """The penalty's words of a sentencing trigger ("20 years in prison", "fined $1,250")."""
    doc = trigger.doc
    if trigger.lower_.startswith("fine"):
        money = [t for t in doc[trigger.i + 1 : limit] if t.ent_type_ == "MONEY" or t.text in "$€£"]
        amount = "".join(t.text_with_ws for t in money).strip()
        return f"fined {amount}" if amount else None
    if trigger.pos_ == "NOUN":
        words = "".join(t.text_with_ws for t in trigger.subtree if t.dep_ != "relcl").strip()
        return words or None
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "to" and child.i + 1 < limit:
            return _words_from(doc[child.i + 1], limit)
    for child in trigger.children:
        duration = child.lemma_ in DURATION_NOUNS or child.lower_ == "life"
        if child.dep_ == "dobj" and duration:
            return _words_from(doc[child.left_edge.i], limit)
        if child.dep_ == "prep" and child.lower_ == "for":
            objects = [o for o in child.children if o.lemma_ in DURATION_NOUNS]
            if objects:
                return _words_from(doc[objects[0].left_edge.i], limit)
    return None
