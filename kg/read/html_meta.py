"""A news page's metadata: title, date, author, URL and outlet, from its ``<meta>``
tags, JSON-LD and ``<link rel=canonical>`` first, then from what trafilatura and
htmldate find (a cleaned ``<title>``, bylines, dates in the URL or the page).

The page's own declarations come first because they say what the publisher meant
(an ISO timestamp's date "as written", the outlet's own name); the libraries fill in
what a page does not declare.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kg.read.common import _clean, _first, _Meta, _names
from kg.read.dates import parse_date

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
class PageFacts:
    """What a page declares about itself, as either HTML parser reads it."""

    metas: dict[str, str] = field(default_factory=dict)  # meta property / name / itemprop -> content (first wins)
    canonical: str | None = None
    json_ld: list[str] = field(default_factory=list)  # the text of each ld+json script
    title: str = ""  # the <title> element's text
    h1: str = ""  # the first <h1>'s text
    time_datetime: str | None = None  # the first <time datetime=...>


@dataclass
class Found:
    """What trafilatura (with htmldate for the date) found; None where it found nothing."""

    title: str | None = None
    author: str | None = None
    url: str | None = None
    sitename: str | None = None
    date: str | None = None  # YYYY-MM-DD


def facts_from_tree(tree: Any) -> PageFacts:
    """The facts of a page parsed by lxml (``lxml.html.HtmlElement``)."""
    facts = PageFacts()
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            facts.metas.setdefault(key, content)
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            facts.canonical = link.get("href").strip()
            break
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            facts.json_ld.append(script.text or "")
    facts.title = _element_text(next(iter(tree.xpath("//title[not(ancestor::svg)]")), None))
    facts.h1 = _element_text(next(tree.iter("h1"), None))
    facts.time_datetime = next((t.get("datetime") for t in tree.iter("time") if t.get("datetime")), None)
    return facts


def _element_text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def page_meta(facts: PageFacts, found: Found | None = None) -> _Meta:
    """Title, date, author, URL and outlet of a page, in order of trust."""
    found = found or Found()
    node, ids = _json_ld_article(facts.json_ld)
    metas = facts.metas
    dates = [metas.get(k) for k in _DATE_METAS] + [_ld_str(node, "datePublished"), facts.time_datetime, found.date]
    return _Meta(
        title=_first(_clean(metas.get("og:title")), _clean(_ld_str(node, "headline")), _clean(found.title), facts.title, facts.h1),
        date=next((d for d in (parse_date(s) for s in dates if s) if d), None),
        author=_first(_clean(metas.get("author")), _names(node.get("author"), ids), _clean(found.author)),
        url=_first(facts.canonical, metas.get("og:url"), _ld_url(node), found.url),
        outlet=_first(_clean(metas.get("og:site_name")), _names(node.get("publisher"), ids), _sitename(found.sitename)),
    )


def _sitename(name: str | None) -> str | None:
    """trafilatura's site name, unless it is a web domain: trafilatura falls back on the
    URL's host, and ingest finds the outlet a domain names in the knowledge base."""
    name = _clean(name)
    return name if name and "." not in name else None


def _json_ld_article(scripts: list[str]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The first article node of the page's JSON-LD, and every node by its @id."""
    nodes: list[dict[str, Any]] = []
    for script in scripts:
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
