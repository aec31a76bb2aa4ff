"""The HTML reader: a news page's main text by trafilatura, its metadata from its
``<meta>`` tags and JSON-LD, then trafilatura and htmldate (kg.read.html_meta).

trafilatura tells the article from the page around it -- menus, share buttons,
cookie banners, related-article lists, newsletters, footers -- which otherwise
become entities ("Facebook", "WhatsApp", "X"). It runs in its fast mode (its own
extractor, without the readability and jusText comparisons, which cost a hundred
times more on a short page and favour recall over precision) and with no minimum
size, so a short wire story is read as precisely as a long one.

When lxml cannot parse the page or trafilatura finds no main text in it (a
fragment, a page nested past lxml's depth limit), the page is read by the
standard library's parser instead (kg.read.html_blocks): the paragraphs of its
``<article>``, ``<main>`` or ``<body>``, without navigation, header and footer.
"""

from __future__ import annotations

import logging
from typing import Any

from kg.read.common import Item, _assemble, _Layout, _Meta
from kg.read.html_blocks import read_blocks
from kg.read.html_meta import Found, facts_from_tree, page_meta
from kg.types import ReadProblem

# trafilatura and htmldate log what they discard; kg reports problems itself, so
# their records go nowhere unless the application configures logging.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_BLOCKS = {"p", "head", "list", "quote", "table", "code"}  # trafilatura's block elements
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_config: Any = None


def _trafilatura_config() -> Any:
    """trafilatura's settings for kg, made once: no minimum size, no date search in the text."""
    global _config
    if _config is None:
        from trafilatura.settings import use_config

        _config = use_config()
        _config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "0")
        _config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return _config


def _read_html(text: str, source: str) -> Item:
    """Read a news page: trafilatura's main text, or the fallback reader's paragraphs."""
    extracted = _extract(text)
    if extracted is None:
        try:
            facts, paragraphs = read_blocks(text)
        except ValueError as e:
            return ReadProblem(source, f"cannot parse HTML: {e}")
        meta = page_meta(facts)
    else:
        meta, paragraphs = extracted
    if paragraphs and meta.title and paragraphs[0] == meta.title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return ReadProblem(source, "HTML page has no article text")
    layout = _Layout(title=meta.title, paragraphs=paragraphs)
    if meta.outlet:
        layout.head = [f"By {meta.outlet}"]
        layout.byline_name = (0, meta.outlet)
    return _assemble(layout, meta, source)


def _extract(text: str) -> tuple[_Meta, list[str]] | None:
    """The page's metadata and trafilatura's paragraphs, or None when lxml cannot parse
    the page or trafilatura finds no main text in it."""
    import trafilatura
    from trafilatura.utils import load_html

    try:
        # trafilatura and htmldate get the parsed tree, never the string: htmldate's
        # loader fetches a string that looks like a URL.
        tree = load_html(text)
    except (ValueError, TypeError, UnicodeError):
        return None
    if tree is None:
        return None
    facts = facts_from_tree(tree)
    # trafilatura drops <time> elements whole; inside a sentence ("on <time>Tuesday</time>")
    # their words are the article's, and event dates are read from them.
    for element in tree.xpath("//p//time | //li//time | //blockquote//time | //td//time"):
        element.drop_tag()
    try:
        doc = trafilatura.bare_extraction(
            tree, fast=True, with_metadata=True, include_comments=False, include_images=False,
            include_links=False, date_extraction_params=dict(_DATE_PARAMS), config=_trafilatura_config(),
        )  # fmt: skip
    except Exception:  # noqa: BLE001 -- trafilatura's heuristics fail on some odd pages; the fallback reads them
        return None
    if doc is None or doc.body is None:
        return None
    try:
        paragraphs = _paragraphs(doc.body)
    except RecursionError:  # quotes in lists in quotes... to lxml's depth limit
        return None
    if not paragraphs:
        return None
    found = Found(title=doc.title, author=doc.author, url=doc.url, sitename=doc.sitename, date=doc.date)
    meta = page_meta(facts, found)
    return meta, paragraphs


def _paragraphs(body: Any) -> list[str]:
    """trafilatura's output tree as paragraphs: each paragraph, heading, quote, list
    item and table row its own, line breaks inside them as spaces."""
    out: list[str] = []
    for element in body:
        tag = element.tag
        if tag == "list":
            out += _paragraphs_of_items(element)
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text(cell) for cell in row.iter("cell")]
                line = " | ".join(c for c in cells if c)
                if line:
                    out.append(line)
        elif tag != "graphic" and any(child.tag in _BLOCKS for child in element):
            own = " ".join((element.text or "").split())  # a quote's paragraphs stay apart
            out += ([own] if own else []) + _paragraphs(element)
        elif tag != "graphic":
            line = _text(element)
            if line:
                out.append(line)
    return out


def _paragraphs_of_items(lst: Any) -> list[str]:
    """A list's items, nested lists' items after their parent's own text."""
    out: list[str] = []
    for item in lst:
        if item.tag != "item":
            continue
        own = _text(item, skip="list")
        if own:
            out.append(own)
        for inner in item:
            if inner.tag == "list":
                out += _paragraphs_of_items(inner)
    return out


def _text(element: Any, skip: str | None = None) -> str:
    """The text of ``element``, whitespace collapsed; ``<lb/>`` is a space, and the
    subtrees tagged ``skip`` are left out (their tails kept)."""
    parts: list[str] = []

    def walk(e: Any) -> None:
        if e.text:
            parts.append(e.text)
        for child in e:
            if child.tag == "lb":
                parts.append(" ")
            elif child.tag != skip:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())
