"""Loading the spaCy pipeline named in the settings, with this package's components added."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from kg.errors import KgError

# Imported to register the "kg_line_breaks" and "kg_actor_spans" components.
from . import line_breaks, spans  # noqa: F401

__all__ = ["load_nlp"]


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load the installed spaCy package ``model`` plus this package's components (cached).

    The line-break component runs before the parser, so headlines and date lines are not
    parsed into the sentence after them; the actor-span component runs last, after ``ner``
    when the model has one, so it can re-type the model's entities by their words and context.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise KgError(
            f"spaCy model {model!r} is not installed (set KG_SPACY_MODEL to one that is)"
        ) from exc
    if "kg_line_breaks" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("kg_line_breaks", before="parser")
        else:
            nlp.add_pipe("kg_line_breaks", first=True)
    if "kg_actor_spans" not in nlp.pipe_names:
        nlp.add_pipe("kg_actor_spans", last=True)
    return nlp
