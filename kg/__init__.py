"""kg: build a linked knowledge graph from news about armed conflict.

The pipeline, one module per stage:
read (kg.read) -> recognise (kg.recognise) -> mentions (kg.mentions) -> link (kg.link)
-> emit (kg.emit) -> store (kg.store), run together by kg.ingest;
then query (kg.query), lookup (kg.lookup) and export (kg.export) read the store.
"""

from kg.about import __version__

__all__ = ["__version__"]
