"""The HTML reader: a news page's metadata from ``<meta>``, JSON-LD and ``<link>``, its
text from the paragraphs of ``<article>`` / ``<main>`` / ``<body>``."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from kg.read.common import Item, _assemble, _clean, _first, _Layout, _Meta, _names
from kg.read.dates import parse_date
from kg.types import ReadProblem

_COLLECT = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption"}
_SKIP = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
    "button", "template", "svg", "iframe", "select", "textarea", "head", "title",
}  # fmt: skip
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr",
}  # fmt: skip
_BOUNDARY = _COLLECT | {
    "div", "section", "article", "main", "ul", "ol", "table", "tr", "td", "th",
    "h1", "figure", "dl", "dt", "dd", "pre", "body",
}  # fmt: skip
_ARTICLE_TYPES = {
    "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
    "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
}  # fmt: skip
_DATE_METAS = (
    "article:published_time",
    "og:article:published_time",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
)


@dataclass
class _Block:
    text: str
    in_article: bool
    in_main: bool


class _PageParser(HTMLParser):
    """Collects a page's metadata and the text of its paragraph-like elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: dict[str, str] = {}
        self.canonical: str | None = None
        self.json_ld: list[list[str]] = []
        self.title_text: list[str] = []
        self.h1_text: list[str] | None = None
        self.h1_done = False
        self.time_datetime: str | None = None
        self.blocks: list[_Block] = []
        self._stack: list[str] = []
        self._open: Counter[str] = Counter()  # open elements by name, for O(1) "inside" tests
        self._skipping = 0  # open elements whose text is skipped
        self._collecting = 0  # open elements whose text is collected
        self._buffer: list[str] = []
        self._script_is_ld = False

    # -- the element stack

    def _push(self, tag: str) -> None:
        self._stack.append(tag)
        self._count(tag, 1)

    def _pop(self) -> str:
        tag = self._stack.pop()
        self._count(tag, -1)
        return tag

    def _count(self, tag: str, step: int) -> None:
        self._open[tag] += step
        self._skipping += step if tag in _SKIP else 0
        self._collecting += step if tag in _COLLECT else 0

    # -- tags

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag in _VOID:
            self._void(tag, attr)
            return
        if tag == "time" and self.time_datetime is None and attr.get("datetime"):
            self.time_datetime = attr["datetime"]
        self._close_implied(tag)
        if tag in _BOUNDARY:
            self._flush()
        if tag == "script":
            self._script_is_ld = attr.get("type", "").strip().lower() == "application/ld+json"
            if self._script_is_ld:
                self.json_ld.append([])
        if tag == "h1" and self.h1_text is None:
            self.h1_text = []
        self._push(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if not self._open[tag]:
            return  # a stray end tag
        if tag in _BOUNDARY:
            self._flush()
        while self._stack and self._pop() != tag:
            pass
        if tag == "h1" and self.h1_text is not None:
            self.h1_done = True
        if tag == "script":
            self._script_is_ld = False

    def _void(self, tag: str, attr: dict[str, str]) -> None:
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").strip().lower()
            if key and attr.get("content", "").strip():
                self.metas.setdefault(key, attr["content"].strip())
        elif tag == "link" and "canonical" in attr.get("rel", "").lower().split():
            self.canonical = self.canonical or attr.get("href", "").strip() or None
        elif tag == "br":
            self._buffer.append(" ")

    def _close_implied(self, tag: str) -> None:
        """Close an open <p> (or <li>) that this start tag ends, as browsers do."""
        if tag in _BOUNDARY and self._stack and self._stack[-1] == "p":
            self._flush()
            self._pop()
        if tag == "li" and self._open["li"]:
            last = len(self._stack) - 1 - self._stack[::-1].index("li")
            if not any(t in ("ul", "ol") for t in self._stack[last + 1 :]):
                self._flush()
                while len(self._stack) > last:
                    self._pop()

    # -- text

    def handle_data(self, data: str) -> None:
        top = self._stack[-1] if self._stack else ""
        if top == "script":
            if self._script_is_ld:
                self.json_ld[-1].append(data)
            return
        if top == "style":
            return
        if top == "title" and not self._open["svg"]:
            self.title_text.append(data)
        if self._open["h1"] and self.h1_text is not None and not self.h1_done:
            self.h1_text.append(data)
        if self._collecting and not self._skipping:
            self._buffer.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if text:
            self.blocks.append(_Block(text, self._open["article"] > 0, self._open["main"] > 0))

    def close(self) -> None:
        super().close()
        self._flush()


def _read_html(text: str, source: str) -> Item:
    """Read a news page: metadata from meta tags and JSON-LD, text from its paragraphs."""
    parser = _PageParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as e:  # html.parser's rare give-ups
        return ReadProblem(source, f"cannot parse HTML: {e}")
    paragraphs = [b.text for b in _main_blocks(parser.blocks)]
    meta = _html_meta(parser)
    if paragraphs and meta.title and paragraphs[0] == meta.title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return ReadProblem(source, "HTML page has no article text")
    layout = _Layout(title=meta.title, paragraphs=paragraphs)
    if meta.outlet:
        layout.head = [f"By {meta.outlet}"]
        layout.byline_name = (0, meta.outlet)
    return _assemble(layout, meta, source)


def _main_blocks(blocks: list[_Block]) -> list[_Block]:
    """The blocks inside <article> if any, else inside <main>, else all of them."""
    for pick in (lambda b: b.in_article, lambda b: b.in_main):
        chosen = [b for b in blocks if pick(b)]
        if chosen:
            return chosen
    return blocks


def _html_meta(parser: _PageParser) -> _Meta:
    """Title, date, author, URL and outlet of a page, in order of trust."""
    node, ids = _json_ld_article(parser.json_ld)
    metas = parser.metas
    title_tag = " ".join("".join(parser.title_text).split())
    h1 = " ".join("".join(parser.h1_text or []).split())
    dates = [metas.get(k) for k in _DATE_METAS] + [_ld_str(node, "datePublished"), parser.time_datetime]
    return _Meta(
        title=_first(_clean(metas.get("og:title")), _clean(_ld_str(node, "headline")), title_tag, h1),
        date=next((d for d in (parse_date(s) for s in dates if s) if d), None),
        author=_first(_clean(metas.get("author")), _names(node.get("author"), ids)),
        url=_first(parser.canonical, metas.get("og:url"), _ld_url(node)),
        outlet=_first(_clean(metas.get("og:site_name")), _names(node.get("publisher"), ids)),
    )


def _json_ld_article(scripts: list[list[str]]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The first article node of the page's JSON-LD, and every node by its @id."""
    nodes: list[dict[str, Any]] = []
    for chunks in scripts:
        script = "".join(chunks)
        try:
            data = json.loads(script.strip().removeprefix("<!--").removesuffix("-->"))
        except (ValueError, RecursionError):
            continue
        nodes.extend(_ld_nodes(data))
    ids = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    for n in nodes:
        types = n.get("@type")
        types = [types] if isinstance(types, str) else types if isinstance(types, list) else []
        if any(t in _ARTICLE_TYPES for t in types if isinstance(t, str)):
            return n, ids
    return {}, ids


def _ld_nodes(data: Any) -> list[dict[str, Any]]:
    """Top-level JSON-LD nodes: an object, a list of them, or an @graph's members."""
    items = data if isinstance(data, list) else [data]
    nodes: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        nodes.append(item)
        graph = item.get("@graph")
        if isinstance(graph, list):
            nodes.extend(g for g in graph if isinstance(g, dict))
        elif isinstance(graph, dict):
            nodes.append(graph)
    return nodes


def _ld_str(node: dict[str, Any], key: str) -> str | None:
    value = node.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _ld_url(node: dict[str, Any]) -> str | None:
    """A JSON-LD node's url, or its mainEntityOfPage (a string or an object's @id/url)."""
    url = _ld_str(node, "url")
    if url:
        return url.strip()
    page = node.get("mainEntityOfPage")
    if isinstance(page, dict):
        page = page.get("@id") or page.get("url")
    return page.strip() if isinstance(page, str) and page.strip() else None
