"""The knowledge base: GeoNames places, curated entries, and the user's own.

``load_kb()`` returns a ``KnowledgeBase`` built from a compact pre-built index
(a pickle in the cache folder, rebuilt when its sources change), so start-up
costs a fraction of a second rather than a parse of GeoNames' data.
"""

from kg.kb.base import KBEntry, KnowledgeBase, fold, skeleton, url_host
from kg.kb.build import load_kb, user_kb_path

__all__ = ["KBEntry", "KnowledgeBase", "fold", "skeleton", "url_host", "load_kb", "user_kb_path"]
