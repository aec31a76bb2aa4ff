"""The HTML reader on saved news pages with their boilerplate: menus, share buttons,
cookie banners, related-article lists, newsletters and footers stay out of the
article text, and so out of the entities, while the article body goes in."""

from __future__ import annotations

import datetime as dt
import socket
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.read import read_file, read_text
from kg.read.html_blocks import read_blocks
from kg.types import Article, ReadProblem

COOKIES = """<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience on
Kyiv Herald. By continuing to browse you agree to our use of cookies and to our partners Google and Meta.
<a href="/privacy">Privacy policy</a> <button>Accept all cookies</button></p></div>"""

MENU = """<header class="site-header"><div class="logo">Kyiv Herald</div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/ukraine">Ukraine</a></li>
<li><a href="/world">World</a></li><li><a href="/europe">Europe</a></li><li><a href="/me">Middle East</a></li>
<li><a href="/russia">Russia</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>"""

SHARE = """<div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a>
<a href="https://wa.me/">Share on WhatsApp</a> <a href="https://x.com/intent">Share on X</a>
<a href="https://t.me/share">Share on Telegram</a> <a href="mailto:">Email</a></div>"""

RELATED = """<section class="related"><h2>Related articles</h2><ul>
<li><a href="/a">NATO ministers meet in Brussels to discuss air defence for Poland</a></li>
<li><a href="/b">Hamas says it has accepted a ceasefire proposal from Egypt and Qatar</a></li>
<li><a href="/c">Wagner fighters withdraw from Bakhmut, Yevgeny Prigozhin says</a></li></ul></section>
<div class="newsletter"><p>Sign up for the Kyiv Herald newsletter and get the news from Odesa, Lviv and
Donetsk in your inbox every morning.</p><form><input type="email"><button>Subscribe</button></form></div>"""

FOOTER = """<footer><p>© 2024 Kyiv Herald Media Group, Kyiv. All rights reserved.</p><ul><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/terms">Terms of use</a></li></ul>
<p>Follow us on Facebook, Instagram and YouTube</p></footer>"""

KHARKIV = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Russian missiles strike Kharkiv, killing four | Kyiv Herald</title>
<meta property="og:title" content="Russian missiles strike Kharkiv, killing four">
<meta property="og:site_name" content="Kyiv Herald">
<link rel="canonical" href="https://kyivherald.example/news/2024/04/04/kharkiv-strike">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Russian missiles strike Kharkiv, killing four", "datePublished": "2024-04-04T06:10:00+03:00",
 "author": {{"@type": "Person", "name": "Olena Petrenko"}}, "publisher": {{"@type": "Organization", "name": "Kyiv Herald"}}}}</script>
</head><body>
{COOKIES}
{MENU}
<main>{SHARE}
<article class="story">
<h1>Russian missiles strike Kharkiv, killing four</h1>
<div class="byline">By Olena Petrenko · April 4, 2024</div>
<p>Russian forces struck the city of Kharkiv with missiles early on <time datetime="2024-04-04">Thursday</time>,
killing four people and injuring twelve, the regional governor Andriy Moroz said.</p>
<p>The strike hit a residential building and a power substation in the Saltivskyi district, leaving parts of
the city without electricity. Rescuers worked through the morning to reach people trapped under debris.</p>
<p>Ukraine's air force said its air defences shot down several of the missiles over the region, but at least
three got through. President Volodymyr Zelensky called on Western allies to send more Patriot systems.</p>
<p>Kharkiv, Ukraine's second-largest city, lies about 30 kilometres from the Russian border and has been
shelled repeatedly since the full-scale invasion began in February 2022.</p>
</article>
{SHARE}
{RELATED}
</main>
{FOOTER}
</body></html>"""

# A second layout: no <article> or <main>, paragraphs in a content div, a sidebar of
# most-read stories, a comment section and social links; metadata in <meta> tags only.
GAZA = """<!doctype html><html><head>
<title>Israeli strike hits Rafah as ceasefire talks stall - Levant Daily</title>
<meta name="author" content="Sami Haddad">
<meta property="article:published_time" content="2024-05-06T09:30:00Z">
<meta property="og:url" content="https://levant.example/gaza/rafah-strike">
</head><body>
<div id="top-bar"><a href="/">Levant Daily</a> | <a href="/login">Log in</a> | <a href="/subscribe">Subscribe</a></div>
<div class="social-links"><span>Follow us:</span> <a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">X</a></div>
<div class="container"><div class="content-body">
<h1 class="headline">Israeli strike hits Rafah as ceasefire talks stall</h1>
<p>An Israeli air strike hit a house in Rafah in the southern Gaza Strip overnight, killing at least six people,
health officials in Gaza said on Monday.</p>
<p>The strike came as negotiators in Cairo tried to close the gaps between Israel and Hamas over a ceasefire
and the release of hostages. Egyptian mediators said the talks would resume on Tuesday.</p>
<p>The Israeli army said its jets had hit fighters in the area and that it was looking into reports of
civilian deaths.</p>
</div>
<div class="sidebar"><h3>Most read</h3><ol>
<li><a href="/1">Hezbollah fires rockets at Kiryat Shmona</a></li>
<li><a href="/2">Houthi rebels claim attack on a ship off Yemen</a></li>
<li><a href="/3">Iran warns Washington over Syria strikes</a></li></ol></div>
<div class="comments" id="comments"><h3>Comments</h3>
<div class="comment"><p>Abu Yusuf from Amman: Jordan should speak up.</p></div></div>
</div>
<div class="footer">Levant Daily · Beirut · Contact · Advertise · Privacy · Follow us on Instagram and YouTube</div>
</body></html>"""

BOILERPLATE = [
    "Share on", "Facebook", "WhatsApp", "Telegram", "cookies", "Accept", "Privacy", "Related", "NATO",
    "Brussels", "Hamas says", "Wagner", "Prigozhin", "newsletter", "Odesa", "Lviv", "Donetsk", "Subscribe",
    "All rights reserved", "Instagram", "YouTube", "Home", "Opinion", "Middle East",
]  # fmt: skip
GAZA_BOILERPLATE = [
    "Log in", "Subscribe", "Follow us", "Facebook", "WhatsApp", "Most read", "Hezbollah", "Kiryat Shmona",
    "Houthi", "Yemen", "Iran", "Washington", "Syria", "Comments", "Abu Yusuf", "Amman", "Jordan", "Beirut",
    "Advertise", "Instagram",
]  # fmt: skip


def only_article(items: list[Article | ReadProblem]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """The saved pages, as a folder a user would ingest."""
    folder = tmp_path_factory.mktemp("pages")
    (folder / "kharkiv.html").write_text(KHARKIV, encoding="utf-8")
    (folder / "rafah.htm").write_text(GAZA, encoding="utf-8")
    return folder


def test_the_article_body_is_read_and_the_page_around_it_is_not(pages: Path) -> None:
    a = only_article(list(read_file(pages / "kharkiv.html")))
    assert a.text.startswith("Russian missiles strike Kharkiv, killing four\n\nBy Kyiv Herald\n\nRussian forces struck")
    assert "early on Thursday, killing four people" in a.text  # the words of a <time> inside a sentence stay
    assert a.text.endswith("since the full-scale invasion began in February 2022.")
    assert a.text.count("\n\n") == 5  # title, byline, four paragraphs
    for piece in BOILERPLATE:
        assert piece not in a.text, piece


def test_the_page_metadata_comes_from_json_ld_and_meta_tags(pages: Path) -> None:
    a = only_article(list(read_file(pages / "kharkiv.html")))
    assert (a.title, a.outlet, a.author) == ("Russian missiles strike Kharkiv, killing four", "Kyiv Herald", "Olena Petrenko")
    assert a.date == dt.date(2024, 4, 4)
    assert a.url == "https://kyivherald.example/news/2024/04/04/kharkiv-strike"
    assert a.outlet_span is not None and a.text[a.outlet_span[0] - 3 : a.outlet_span[1]] == "By Kyiv Herald"


def test_a_page_without_article_element_or_json_ld(pages: Path) -> None:
    a = only_article(list(read_file(pages / "rafah.htm")))
    # the title from <title> without the site's name; the date and author from <meta>
    assert a.title == "Israeli strike hits Rafah as ceasefire talks stall"
    assert (a.author, a.date, a.url) == ("Sami Haddad", dt.date(2024, 5, 6), "https://levant.example/gaza/rafah-strike")
    assert a.outlet is None  # the page names none; ingest may find it from the URL's domain
    assert "An Israeli air strike hit a house in Rafah" in a.text and "looking into reports of civilian deaths." in a.text
    for piece in GAZA_BOILERPLATE:
        assert piece not in a.text, piece


def test_the_fallback_reader_would_have_kept_the_boilerplate() -> None:
    """Why trafilatura: the paragraph reader, kept as the fallback, takes in every
    paragraph and list item of a page without <article> or <main>."""
    _, paragraphs = read_blocks(GAZA)
    text = "\n".join(paragraphs)
    assert "Hezbollah fires rockets" in text and "Jordan should speak up" in text


def test_boilerplate_does_not_become_entities(pages: Path, tmp_store: Path, ingest_into) -> None:
    report = ingest_into(tmp_store, [pages])
    assert report.articles == 2 and not report.skipped
    store = ox.Store.read_only(str(tmp_store))
    labels = {
        s["l"].value
        for s in store.query(
            "SELECT DISTINCT ?l WHERE { ?a <https://schema.org/mentions> ?e . ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
            use_default_graph_as_union=True,
        )
    }
    for name in ("Facebook", "WhatsApp", "X", "Telegram", "Instagram", "YouTube", "NATO", "Brussels", "Wagner Group",
                 "Yevgeny Prigozhin", "Odesa", "Lviv", "Donetsk", "Hezbollah", "Yemen", "Iran", "Syria", "Jordan",
                 "Google", "Meta", "Poland", "Qatar"):  # fmt: skip
        assert name not in labels, name
    assert {"Kharkiv", "Volodymyr Zelenskyy", "Andriy Moroz", "Rafaḩ", "Cairo", "Hamas"} <= labels, labels
    # the outlet's mention points at exact characters of the text the store keeps
    rows = list(store.query(
        """SELECT ?text ?b ?e ?label WHERE {
             ?a <https://schema.org/publisher> ?org . ?org <http://www.w3.org/2000/01/rdf-schema#label> ?label .
             ?m <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?org ;
                <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> ?b ;
                <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> ?e ;
                <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> ?c .
             ?c <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?text }""",
        use_default_graph_as_union=True,
    ))  # fmt: skip
    assert rows, "the byline's outlet is a mention"
    for r in rows:
        assert r["text"].value[int(r["b"].value) : int(r["e"].value)] == r["label"].value == "Kyiv Herald"


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("  <html><p>Hi there</p></html>", "Hi there"),  # too little for lxml's loader: the fallback reads it
        ("<title>T</title>" + "<div>" * 3000 + "<p>deep</p>" * 3, "T\n\ndeep\n\ndeep\n\ndeep"),  # past lxml's depth
    ],
)
def test_pages_trafilatura_cannot_read_go_to_the_fallback_reader(page: str, text: str) -> None:
    assert only_article(list(read_text(page, "f.html", "html"))).text == text


def test_quotes_tables_and_nested_lists_keep_their_parts_apart() -> None:
    body = (
        "<p>" + "Drones hit Kyiv overnight, officials said. " * 8 + "</p>"
        "<blockquote><p>First quoted paragraph.</p><p>Second quoted paragraph.</p></blockquote>"
        "<table><tr><th>City</th><th>Killed</th></tr><tr><td>Kharkiv</td><td>4</td></tr></table>"
        "<ul><li>One<ul><li>Inner</li></ul></li><li>Two</li></ul>"
    )
    a = only_article(list(read_text(f"<html><body><article><h1>T</h1>{body}</article></body></html>", "q.html", "html")))
    assert a.text.split("\n\n")[2:] == [
        "First quoted paragraph.", "Second quoted paragraph.", "City | Killed", "Kharkiv | 4", "One", "Inner", "Two",
    ]  # fmt: skip


def test_a_page_with_no_main_text_is_a_named_problem() -> None:
    page = "<html><head><title>Menu</title></head><body><nav><ul><li>Home</li></ul></nav><footer>(c)</footer></body></html>"
    (item,) = read_text(page, "menu.html", "html")
    assert item == ReadProblem("menu.html", "HTML page has no article text")


def test_reading_html_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """htmldate's loader fetches a string that looks like a URL; kg hands it trees only."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access while reading HTML")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for page in ("https://example.org/news/article", "<html><body><p>https://example.org/x</p></body></html>", KHARKIV):
        list(read_text(page, "u.html", "html"))


def test_trafilatura_keeps_reading_fast() -> None:
    """Reading a page costs milliseconds, next to the spaCy pipeline's tens of
    milliseconds an article: the bound is loose for a shared machine, not a benchmark."""
    big = KHARKIV.replace("</article>", "<p>More fighting was reported near the city overnight.</p>" * 400 + "</article>")
    list(read_text(big, "warm.html", "html"))
    started = time.perf_counter()
    for _ in range(10):
        only_article(list(read_text(KHARKIV, "k.html", "html")))
        only_article(list(read_text(big, "big.html", "html")))
    assert (time.perf_counter() - started) / 20 < 0.25
