"""legal-events-kg: documents about political repression → a traceable knowledge graph."""

__version__ = "0.1.0"
