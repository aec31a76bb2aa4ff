"""One article's resolved mentions, and the keys that make the spellings of one name one node.

The linker (kg/link.py) resolves each mention to a knowledge-base entry or to nothing
(NIL) and then groups them: a surname joins the full name, spellings that differ by a
vowel, a plural or a particle share a key ("Kherbet Selm" and "Khirbet Selm", "Clan de
Golfo" and "Clan del Golfo"), and an unknown spelling of a known entity of the article
joins it. These are the pieces of that grouping that need no knowledge base.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.kb.base import KBEntry, fold, last_name, skeleton
from kg.types import Article, Mention


@dataclass
class Resolution:
    """One mention as the linker resolved it: its type, its entry (None for NIL), its key."""

    mention: Mention
    type: str
    entry: KBEntry | None
    key: str  # folded name, for NIL identity and surname joins
    surface: str
    confidence: float
    last_names: set[str] | None = None  # for people: computed when first needed


def drop_title_only_nil(resolved: list[Resolution], article: Article) -> list[Resolution]:
    """An unknown name seen only in the headline is dropped when it is one word, or
    when the headline is in title case ("Attack on Chernihiv Kills 18"): there the
    model takes capitalised common words for names."""
    title = article.title
    if not title or title not in article.text:
        return resolved
    head_end = article.text.find(title) + len(title)
    words = [w for w in title.split() if w[:1].isalpha() and len(w) > 3]
    title_case = bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.8
    body = Counter(r.key for r in resolved if r.entry is None and r.mention.start >= head_end)
    return [
        r
        for r in resolved
        if not (r.entry is None and r.mention.start < head_end and not body[r.key] and (title_case or len(r.surface.split()) == 1))
    ]


# Articles and particles that spellings of one name write or leave out ("Clan de Golfo" for
# "Clan del Golfo", "Maria de la Cruz" and "Maria Cruz", "al-Bab" and "Bab").
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "da", "do", "dos", "das", "di", "du", "des", "al", "el", "of"})


@lru_cache(maxsize=1 << 16)
def variant_key(key: str) -> str:
    """What spelling variants and plurals of a folded name share."""
    words = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in skeleton(key).split()]
    words = [w for w in words if w not in _PARTICLES] or words
    return " ".join(re.sub(r"[aeiou]", "", w) or w for w in words)


def join_spelt_known(resolved: list[Resolution]) -> None:
    """An unknown name of several words spelt as a known entity of the article is spelt
    ("Clan de Golfo" beside the known "Clan del Golfo", by its alias "Gulf Clan") is that
    entity: same type, same variant key, several words (one word's key is too short a
    witness: "Bana" and "Bonn")."""
    known: dict[tuple[str, str], Resolution] = {}
    for r in resolved:
        if r.entry is not None:
            for name in (r.entry.label, r.surface):
                key = variant_key(fold(name))
                if " " in key:
                    known.setdefault((r.entry.type, key), r)
    if not known:
        return
    for r in resolved:
        if r.entry is None and (k := known.get((r.type, variant_key(r.key)))) is not None:
            r.entry, r.confidence = k.entry, k.confidence


def name_tokens(name: str) -> list[str]:
    return fold(name).split()


def last_names(r: Resolution) -> set[str]:
    """The last words of a person's names (the surface seen, and the KB's label and aliases)."""
    names = [r.surface] + (([r.entry.label] + r.entry.aliases) if r.entry else [])
    return {last for t in map(name_tokens, names) if len(t) > 1 and (last := last_name(t)) is not None}


def contains_words(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)  # the first word's presence first: most pairs share no word at all
    return 0 < n < len(longer) and shorter[0] in longer and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))
