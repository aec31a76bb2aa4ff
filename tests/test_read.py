"""Tests for the read stage (kg/read.py): every reader, bad input, dates, properties."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.read import ReadOptions, format_for, parse_date, read_file, read_paths, read_text, sniff_format
from kg.types import Article, ReadProblem

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7e04c9a49435e1fe.txt"


def articles(items: list[Article | ReadProblem]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def problems(items: list[Article | ReadProblem]) -> list[ReadProblem]:
    return [i for i in items if isinstance(i, ReadProblem)]


def only_article(items: list[Article | ReadProblem]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def only_problem(items: list[Article | ReadProblem]) -> ReadProblem:
    assert len(items) == 1 and isinstance(items[0], ReadProblem), items
    return items[0]


def check_span(article: Article) -> None:
    if article.outlet_span is not None:
        start, end = article.outlet_span
        assert article.text[start:end] == article.outlet


# --------------------------------------------------------------------------- seed layout


@pytest.fixture(scope="module")
def seed() -> Article:
    return only_article(list(read_file(SEED)))


def test_seed_metadata(seed: Article) -> None:
    assert seed.title == "Russia Strikes Ukraine in Retaliation for Attack on Belgorod"
    assert seed.outlet == "AFP"
    assert seed.date == dt.date(2023, 12, 31)
    assert seed.url == (
        "https://www.themoscowtimes.com/2023/12/31/"
        "russia-strikes-ukraine-in-retaliation-for-attack-on-belgorod-a83618"
    )
    assert seed.source == str(SEED)
    assert seed.author is None


def test_seed_text_layout(seed: Article) -> None:
    assert seed.text.startswith(
        "Russia Strikes Ukraine in Retaliation for Attack on Belgorod\n\nBy AFP\n\nDecember 31, 2023\n\n"
        "A man clears shattered glass"
    )
    assert seed.text.endswith('said British envoy to the UN Thomas Phipps.')
    assert "\n\n\n" not in seed.text
    assert not any(line != line.rstrip() for line in seed.text.split("\n"))


def test_seed_links_become_text(seed: Article) -> None:
    assert "[AFP](#)" not in seed.text and "[Telegram](#)" not in seed.text
    assert "](#)" not in seed.text and "[" not in seed.text
    assert "on Sunday. Telegram\n" in seed.text
    assert "people were killed in the strikes" in seed.text
    assert "Related article: Russia Accuses Ukraine of 'Terrorist' Attack on Belgorod, Vows Revenge" in seed.text


def test_seed_url_block_removed(seed: Article) -> None:
    assert "Original url" not in seed.text
    assert "themoscowtimes.com" not in seed.text


def test_seed_outlet_span(seed: Article) -> None:
    assert seed.outlet_span is not None
    start, end = seed.outlet_span
    assert seed.text[start:end] == "AFP"
    assert seed.text[start - 3 : start] == "By "


def test_seed_layout_crlf_bom_and_bare_url() -> None:
    raw = (
        "\ufeffShelling in Kherson  \r\n\r\n\r\nBy [Reuters](https://reuters.com)\r\n\r\n"
        "Dec. 3, 2023\r\n\r\nFirst paragraph.   \r\n\r\n\r\n\r\nSecond ![photo](x.jpg)paragraph.\r\n\r\n"
        "Original url:\r\n\r\nhttps://example.org/kherson\r\n"
    )
    a = only_article(list(read_text(raw, "x.txt", "text")))
    assert a.title == "Shelling in Kherson"
    assert a.outlet == "Reuters"
    assert a.date == dt.date(2023, 12, 3)
    assert a.url == "https://example.org/kherson"
    assert a.text == (
        "Shelling in Kherson\n\nBy Reuters\n\nDec. 3, 2023\n\nFirst paragraph.\n\nSecond paragraph."
    )
    check_span(a)
    assert a.outlet_span == (24, 31)


def test_url_label_on_one_line_and_false_labels() -> None:
    a = only_article(list(read_text("T\n\nBody.\n\nOriginal URL: <https://e.org/x>\n", "s", "text")))
    assert (a.url, a.text) == ("https://e.org/x", "T\n\nBody.")
    text = "T\n\nOriginal urls are rare.\n\nhttps://e.org/y"
    b = only_article(list(read_text(text, "s", "text")))
    assert b.url is None and b.text == text


def test_seed_layout_date_without_byline() -> None:
    a = only_article(list(read_text("Title here\n\n2024-02-24\n\nBody text.", "s")))
    assert (a.title, a.date, a.outlet, a.outlet_span) == ("Title here", dt.date(2024, 2, 24), None, None)
    assert a.text == "Title here\n\n2024-02-24\n\nBody text."


def test_date_line_with_more_on_it_is_a_paragraph() -> None:
    a = only_article(list(read_text("Title\n\nDecember 31, 2023 at noon\n\nBody.", "s", "text")))
    assert a.date is None
    assert a.text == "Title\n\nDecember 31, 2023 at noon\n\nBody."


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    text = "A title\n\nBy the time troops arrived, the town was empty.\n\nMore."
    a = only_article(list(read_text(text, "s", "text")))
    assert a.outlet is None and a.outlet_span is None
    assert a.title == "A title"


# --------------------------------------------------------------------------- plain text


def test_plain_text_with_short_first_line_has_title() -> None:
    a = only_article(list(read_text("Ceasefire talks stall\n\nNegotiators left Doha.\nNo date set.\n", "p.txt")))
    assert a.title == "Ceasefire talks stall"
    assert a.text == "Ceasefire talks stall\n\nNegotiators left Doha.\nNo date set."
    assert (a.url, a.date, a.outlet, a.author, a.outlet_span) == (None, None, None, None, None)


def test_plain_text_sentence_first_line_is_not_a_title() -> None:
    a = only_article(list(read_text("Troops crossed the river at dawn.\n\nThey met no resistance.", "p")))
    assert a.title is None
    assert a.text == "Troops crossed the river at dawn.\n\nThey met no resistance."


def test_plain_text_long_first_line_is_not_a_title() -> None:
    first = "word " * 60
    a = only_article(list(read_text(f"{first}\n\nSecond.", "p", "text")))
    assert a.title is None
    assert a.text.startswith("word word")


# --------------------------------------------------------------------------- Markdown

MARKDOWN = """---
title: "Drone strike hits Odesa port"
date: 2024-03-02
canonical_url: https://example.org/odesa
author: Jane Doe
publisher: Kyiv Independent
---

# Drone strike hits Odesa port

By Kyiv Independent

A **Russian** drone struck the _port_ of [Odesa](https://en.wikipedia.org/wiki/Odesa) overnight,
officials said. ![wreckage](img.jpg)

## What we know

- At least *two* people were injured
- The `Shahed` drone was shot down
1. Air defence responded

> "We will rebuild," the mayor said.
"""


def test_markdown_front_matter() -> None:
    a = only_article(list(read_text(MARKDOWN, "odesa.md", "markdown")))
    assert a.title == "Drone strike hits Odesa port"
    assert a.date == dt.date(2024, 3, 2)
    assert a.url == "https://example.org/odesa"
    assert a.author == "Jane Doe"
    assert a.outlet == "Kyiv Independent"
    check_span(a)
    assert a.outlet_span is not None


def test_markdown_text_is_plain() -> None:
    a = only_article(list(read_text(MARKDOWN, "odesa.md", "markdown")))
    assert a.text.startswith("Drone strike hits Odesa port\n\nBy Kyiv Independent\n\nA Russian drone struck")
    assert a.text.count("Drone strike hits Odesa port") == 1  # the heading is not repeated
    for markup in ("**", "](", "![", "`", "# ", "title:", "---", "- At", "1. Air", "> "):
        assert markup not in a.text, markup
    assert "the port of Odesa overnight" in a.text
    assert "\n\nWhat we know\n\n" in a.text
    # one list's items are the lines of one paragraph; "1." starts another list (CommonMark)
    assert "At least two people were injured\nThe Shahed drone was shot down\n\nAir defence responded\n\n" in a.text
    assert a.text.endswith('"We will rebuild," the mayor said.')


def test_markdown_title_from_heading_without_front_matter() -> None:
    text = "Intro line kept.\n\n# Shelling in Donetsk\n\nBy [AFP](#)\n\nSunday, January 7, 2024\n\nBody snake_case_word."
    a = only_article(list(read_text(text, "d.md", "markdown")))
    assert a.title == "Shelling in Donetsk"
    assert a.outlet == "AFP"
    assert a.date == dt.date(2024, 1, 7)
    # title and head lines come first; what stood above the heading follows them
    assert a.text == (
        "Shelling in Donetsk\n\nBy AFP\n\nSunday, January 7, 2024\n\nIntro line kept.\n\nBody snake_case_word."
    )
    assert "snake_case_word" in a.text
    check_span(a)


def test_markdown_seed_style_byline_and_date() -> None:
    text = "# Title\n\nBy AFP\n\nJanuary 7, 2024\n\nBody."
    a = only_article(list(read_text(text, "d.md")))  # sniffed as Markdown
    assert (a.title, a.outlet, a.date) == ("Title", "AFP", dt.date(2024, 1, 7))
    assert a.text == "Title\n\nBy AFP\n\nJanuary 7, 2024\n\nBody."
    assert a.outlet_span == (10, 13)


def test_markdown_nested_emphasis_and_escapes() -> None:
    text = "# T\n\n**Bold *and italic* text**, a \\*literal star\\*, ~~gone~~ and <https://x.org>.\n"
    a = only_article(list(read_text(text, "e.md", "markdown")))
    assert a.text == "T\n\nBold and italic text, a *literal star*, gone and https://x.org."


def test_markdown_setext_title_and_rules() -> None:
    text = "Kherson shelled\n===============\n\nFirst part.\n\n***\n\nSecond part."
    a = only_article(list(read_text(text, "s.md", "markdown")))
    assert a.title == "Kherson shelled"
    assert a.text == "Kherson shelled\n\nFirst part.\n\nSecond part."


def test_markdown_pathological_input_reads() -> None:
    for piece in ("*a ", "_a ", "**a ", "`a ", "[a](", "~~a "):
        assert len(list(read_text(piece * 30000, "big.md", "markdown"))) == 1


# --------------------------------------------------------------------------- HTML

HTML_META = """<!DOCTYPE html>
<html><head>
<title>Page title | Site</title>
<meta property="og:title" content="Missile strike on Kharkiv">
<meta property="og:site_name" content="The Kyiv Post">
<meta property="article:published_time" content="2024-01-23T06:10:00+02:00">
<meta name="author" content="Olena Petrenko">
<link rel="canonical" href="https://example.org/kharkiv">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li>Home</li><li>World</li></ul></nav>
<header><h1>Missile strike on Kharkiv</h1></header>
<article>
  <p>Russian missiles hit   <b>Kharkiv</b>
     early on Tuesday &amp; injured&nbsp;ten.</p>
  <figure><img src="a.jpg"><figcaption>Rescuers in Kharkiv.</figcaption></figure>
  <aside><p>Read also: something else</p></aside>
  <h2>Air defence</h2>
  <p>Ukraine&#39;s air force said it shot down 21 missiles.<br>More followed.
  <blockquote>We stand firm.</blockquote>
  <ul><li>Item one</li><li>Item two</ul>
  <form><p>Subscribe</p><button>Go</button></form>
</article>
<footer><p>Copyright</p></footer>
</body></html>
"""


def test_html_meta_tags() -> None:
    a = only_article(list(read_text(HTML_META, "k.html", "html")))
    assert a.title == "Missile strike on Kharkiv"
    assert a.outlet == "The Kyiv Post"
    assert a.date == dt.date(2024, 1, 23)
    assert a.author == "Olena Petrenko"
    assert a.url == "https://example.org/kharkiv"
    check_span(a)
    assert a.text[a.outlet_span[0] - 3 : a.outlet_span[1]] == "By The Kyiv Post"  # type: ignore[index]


def test_html_article_text() -> None:
    a = only_article(list(read_text(HTML_META, "k.html", "html")))
    assert a.text == (
        "Missile strike on Kharkiv\n\nBy The Kyiv Post\n\n"
        "Russian missiles hit Kharkiv early on Tuesday & injured ten.\n\n"
        "Air defence\n\n"
        "Ukraine's air force said it shot down 21 missiles. More followed.\n\n"
        "We stand firm.\n\nItem one\n\nItem two"
    )
    # figure captions are left out with the pictures (photo credits would become entities)
    for skipped in ("not text", "color", "Home", "Read also", "Subscribe", "Go", "Copyright", "Rescuers"):
        assert skipped not in a.text


def ld_page(json_ld: str, body: str = "<article><p>Body text.</p></article>") -> str:
    return f'<html><head><script type="application/ld+json">{json_ld}</script></head><body>{body}</body></html>'


def test_html_json_ld_graph() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Not the headline"},
            {"@type": "Organization", "@id": "#org", "name": "Meduza"},
            {
                "@type": ["NewsArticle"],
                "headline": "Strikes on Belgorod",
                "datePublished": "2023-12-30T19:00:00Z",
                "author": [{"@type": "Person", "name": "A. Writer"}, "B. Writer"],
                "publisher": {"@id": "#org"},
                "mainEntityOfPage": {"@id": "https://meduza.example/belgorod"},
            },
        ],
    }
    a = only_article(list(read_text(ld_page(json.dumps(graph)), "b.html")))
    assert a.title == "Strikes on Belgorod"
    assert a.date == dt.date(2023, 12, 30)
    assert a.author == "A. Writer, B. Writer"
    assert a.outlet == "Meduza"
    assert a.url == "https://meduza.example/belgorod"
    assert a.text == "Strikes on Belgorod\n\nBy Meduza\n\nBody text."
    check_span(a)


def test_html_json_ld_list_and_broken_script() -> None:
    items = [
        {"@type": "BreadcrumbList", "name": "crumbs"},
        {
            "@type": "ReportageNewsArticle",
            "headline": "Fighting near Avdiivka",
            "datePublished": "February 17, 2024",
            "author": {"@type": "Person", "name": "C. Reporter"},
            "publisher": {"@type": "Organization", "name": "BBC"},
            "url": "https://bbc.example/avdiivka",
        },
    ]
    page = ld_page("{ not json", "").replace(
        "</head>", f'<script type="application/ld+json">{json.dumps(items)}</script></head>'
    ).replace("<body></body>", "<body><main><p>Main text.</p></main><p>Outside.</p></body>")
    a = only_article(list(read_text(page, "a.html")))
    assert (a.title, a.author, a.outlet, a.url) == (
        "Fighting near Avdiivka",
        "C. Reporter",
        "BBC",
        "https://bbc.example/avdiivka",
    )
    assert a.date == dt.date(2024, 2, 17)
    assert a.text == "Fighting near Avdiivka\n\nBy BBC\n\nMain text."


def test_html_meta_wins_over_json_ld() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "LD headline", "publisher": {"name": "LD outlet"}})
    page = ld_page(ld).replace(
        "<head>", '<head><meta property="og:title" content="OG headline"><meta property="og:site_name" content="OG site">'
    )
    a = only_article(list(read_text(page, "m.html")))
    assert (a.title, a.outlet) == ("OG headline", "OG site")


def test_html_without_metadata() -> None:
    page = "<html><body><h1>Shelling &amp; fires</h1><div><p>First.</p><p>Second\n  line.</p></div></body></html>"
    a = only_article(list(read_text(page, "plain.htm")))
    assert a.title == "Shelling & fires"
    assert (a.url, a.date, a.outlet, a.author, a.outlet_span) == (None, None, None, None, None)
    assert a.text == "Shelling & fires\n\nFirst.\n\nSecond line."


def test_html_time_element_and_title_tag() -> None:
    page = "<title> Kyiv   under fire </title><p>Text <time datetime='2024-01-02'>Tuesday</time>.</p>"
    a = only_article(list(read_text(page, "t.html", "html")))
    assert a.title == "Kyiv under fire"
    assert a.date == dt.date(2024, 1, 2)
    assert a.text == "Kyiv under fire\n\nText Tuesday."


def test_html_parser_give_up_is_a_problem() -> None:
    p = only_problem(list(read_text("<p>text</p><![foo[ x", "bad.html", "html")))
    assert p.message.startswith("cannot parse HTML: ")


def test_html_deeply_nested_is_fast() -> None:
    page = "<div>" * 20000 + "<p>deep</p>" * 20000
    a = only_article(list(read_text(page, "deep.html", "html")))
    assert a.text.count("deep") == 20000


# --------------------------------------------------------------------------- JSON Lines


def test_jsonl_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    rows = [
        {"text": "Body one.", "title": "Title one", "url": "https://e.org/1", "date": "2024-01-01",
         "outlet": "AFP", "author": "X"},
        {"text": "Title two\n\nBody two.", "title": "Title two", "publisher": "Reuters"},
        {"text": "Body three.", "source": "AP", "date": "not a date"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    items = list(read_paths([path]))
    one, two, three = (only_article([i]) for i in items)
    assert one.text == "Title one\n\nBody one."
    assert (one.source, one.title, one.url, one.date, one.outlet, one.author) == (
        f"{path}:1", "Title one", "https://e.org/1", dt.date(2024, 1, 1), "AFP", "X",
    )  # fmt: skip
    assert one.outlet_span is None
    assert two.text == "Title two\n\nBody two."  # the title is not doubled
    assert (two.outlet, two.source) == ("Reuters", f"{path}:2")
    assert (three.text, three.outlet, three.date, three.title) == ("Body three.", "AP", None, None)


def test_jsonl_mixed_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.ndjson"
    lines = [
        json.dumps({"text": "Good one."}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": ""}),
        json.dumps({"text": 42}),
        json.dumps({"text": "Good two."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_paths([str(path)]))
    assert [a.text for a in articles(items)] == ["Good one.", "Good two."]
    assert [a.source for a in articles(items)] == [f"{path}:1", f"{path}:8"]
    bad = problems(items)
    assert [(p.line, p.source) for p in bad] == [(n, str(path)) for n in (2, 3, 4, 6, 7)]
    assert bad[0].message.startswith("not valid JSON: ")
    assert "not a JSON object" in bad[1].message
    assert bad[2].message == "no 'text' field"
    assert "empty" in bad[3].message
    assert "not a string" in bad[4].message
    assert str(bad[2]) == f"{path}:4: no 'text' field"


def test_json_extension_whole_document(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Pretty body.", "title": "Pretty"}, indent=2), encoding="utf-8")
    a = only_article(list(read_file(path)))
    assert (a.text, a.source) == ("Pretty\n\nPretty body.", str(path))


def test_json_array_document(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"text": "First."}, {"title": "No text"}], indent=1), encoding="utf-8")
    items = list(read_file(path))
    assert only_article(items[:1]).source == f"{path}:1"
    assert only_problem(items[1:]).message == "no 'text' field (item 2 of the JSON array)"


# --------------------------------------------------------------------------- paths, folders, stdin


def test_folder_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner").mkdir()
    (tmp_path / ".hidden").mkdir()
    files = {
        "c.txt": "Third article",
        "a.md": "# First article",
        "b/inner/z.txt": "Second inner article",
        "b/a.html": "<p>Second article</p>",
        ".secret.txt": "Hidden",
        ".hidden/x.txt": "Hidden too",
        "noext": '{"text": "JSON by content"}',
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert not problems(items)
    assert [Path(a.source).relative_to(tmp_path).as_posix() for a in articles(items)] == [
        "a.md", "b/a.html", "b/inner/z.txt", "c.txt",
    ]  # fmt: skip
    assert all("Hidden" not in a.text for a in articles(items))
    assert articles(items)[0].title == "First article"
    # A file without an article's extension is read, by its content, only when asked for.
    every = list(read_paths([tmp_path], options=ReadOptions(all_files=True)))
    assert [Path(a.source).name for a in articles(every)][-1] == "noext:1"


def test_folder_symlink_loop_and_fifo(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Article", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(read_paths([tmp_path]))
    assert [a.source for a in articles(items)] == [str(tmp_path / "a.txt")]
    assert problems(items) == [ReadProblem(str(tmp_path / "pipe.txt"), "not a regular file (a named pipe (FIFO)); kg reads only files and folders")]


def test_paths_in_given_order_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("One", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Two", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    items = list(read_paths([tmp_path / "two.txt", missing, str(tmp_path / "one.txt")]))
    assert [getattr(i, "text", None) for i in items] == ["Two", None, "One"]
    assert items[1] == ReadProblem(str(missing), "no such file or folder")


def test_stdin_sniffed() -> None:
    stdin = io.StringIO('{"text": "From stdin.", "title": "Piped"}\n')
    a = only_article(list(read_paths(["-"], stdin=stdin)))
    assert (a.text, a.source, a.title) == ("Piped\n\nFrom stdin.", "<stdin>:1", "Piped")
    seed_stdin = io.StringIO(SEED.read_text(encoding="utf-8"))
    b = only_article(list(read_paths(["-"], stdin=seed_stdin)))
    assert (b.source, b.outlet, b.date) == ("<stdin>", "AFP", dt.date(2023, 12, 31))


def test_stdin_html() -> None:
    a = only_article(list(read_paths(["-"], stdin=io.StringIO("  <html><p>Hi there</p></html>"))))
    assert a.text == "Hi there" and a.source == "<stdin>"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.txt", "text"), ("a.TEXT", "text"), ("a.md", "markdown"), ("a.markdown", "markdown"),
     ("a.html", "html"), ("a.HTM", "html"), ("a.xhtml", "html"), ("a.jsonl", "jsonl"),
     ("a.ndjson", "jsonl"), ("a.json", "jsonl"), ("a.csv", None), ("README", None)],
)  # fmt: skip
def test_format_for_extension(name: str, fmt: str | None) -> None:
    assert format_for(Path(name)) == fmt


@pytest.mark.parametrize(
    ("text", "fmt"),
    [('  \n {"text": 1}', "jsonl"), ("<!DOCTYPE html>", "html"), ("\n<p>x</p>", "html"),
     ("---\ntitle: x\n---\n", "markdown"), ("# Title\n", "markdown"), ("Just text", "text"),
     ("<https://x.org> text", "text")],
)  # fmt: skip
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


def test_extension_overrides_content(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<p>Tags stay</p>", encoding="utf-8")
    assert only_article(list(read_file(path))).text == "<p>Tags stay</p>"


# --------------------------------------------------------------------------- bad input


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\t\n\n", encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf\r\n")
    items = list(read_paths([tmp_path]))
    assert [(Path(p.source).name, p.message) for p in problems(items)] == [
        ("blank.md", "empty file"), ("bom.txt", "empty file"), ("empty.txt", "empty file"),
    ]  # fmt: skip
    assert not articles(items)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert only_problem(list(read_file(path))) == ReadProblem(str(path), "binary file, not text")


def test_latin1_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café in Kyiv".encode("latin-1"))
    p = only_problem(list(read_paths([path])))
    assert p.message == "not UTF-8 text (invalid byte 0xe9 at offset 3)"
    assert p.source == str(path)


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    p = only_problem(list(read_file(tmp_path)))  # a folder passed to read_file
    assert p.source == str(tmp_path)
    assert p.message.startswith("cannot read: ")


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav><p>Menu</p></nav></body></html>")
    assert only_problem(list(read_file(path))) == ReadProblem(str(path), "HTML page has no article text")


def test_jsonl_non_json_line_and_missing_text() -> None:
    items = list(read_text('{"text": "ok"}\nnot json at all\n{"url": "https://x.org"}', "f.jsonl", "jsonl"))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], ReadProblem) and items[1].line == 2
    assert items[1].message.startswith("not valid JSON: Expecting value")
    assert items[2] == ReadProblem("f.jsonl", "no 'text' field", line=3)


def test_problem_then_reading_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xc3\x28 bad")
    (tmp_path / "b.txt").write_text("Good article", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [type(i) for i in items] == [ReadProblem, Article]


def test_stdin_binary_and_empty() -> None:
    assert only_problem(list(read_paths(["-"], stdin=io.StringIO("a\x00b")))).message == "binary file, not text"
    assert only_problem(list(read_paths(["-"], stdin=io.StringIO("   ")))) == ReadProblem("<stdin>", "empty file")


def test_unknown_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        list(read_text("x", "s", "pdf"))


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "s",
    [
        "December 31, 2023",
        "Dec. 31, 2023",
        "Dec 31, 2023",
        "31 December 2023",
        "2023-12-31",
        "2023-12-31T08:15:00Z",
        "2023-12-31T08:15:00+02:00",
        "2023-12-31T23:59:59.123-05:00",
        "Sunday, December 31, 2023",
        "2023/12/31",
        "  december 31 2023 ",
        "31st Dec 2023",
        "Sun, 31 Dec 2023",
    ],
)
def test_parse_date_forms(s: str) -> None:
    assert parse_date(s) == dt.date(2023, 12, 31)


@pytest.mark.parametrize(
    "s",
    [
        "", "   ", "yesterday", "December 32, 2023", "2023-02-30", "2023-13-01", "Smarch 3, 2023",
        "December 31, 2023 and more", "On December 31, 2023", "2023-12-31T25:00:00Z", "31/12/2023",
        "12345", "0000-01-01", "２０２３-12-31",
    ],
)  # fmt: skip
def test_parse_date_junk(s: str) -> None:
    assert parse_date(s) is None


def test_parse_date_leap_day() -> None:
    assert parse_date("Feb 29, 2024") == dt.date(2024, 2, 29)
    assert parse_date("Feb 29, 2023") is None


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    ["By ", "By [AFP](#)", "AFP", "\n", "\n\n", "# ", "---\n", "Original url:", "<https://x.org/a>",
     "December 31, 2023", "[x](y)", "![i](j)", "*", "_", "`", "<p>", "</p>", "<article>", "{", "}",
     '"text"', ":", "\r\n", "\ufeff", " ", "\t", "&amp;", "<script type=\"application/ld+json\">",
     "</script>", "<![", "<!--", "title: T\n", "By The Times\n\n"]
)  # fmt: skip
_TEXTS = st.one_of(st.text(), st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, fmt=st.sampled_from([None, "text", "markdown", "html", "jsonl"]))
def test_read_text_never_raises(text: str, fmt: str | None) -> None:
    for item in read_text(text, "prop", fmt):
        assert isinstance(item, (Article, ReadProblem))
        if isinstance(item, Article):
            assert item.text.strip()
            assert item.title is None or item.title == item.title.strip()
            if item.outlet_span is not None:
                start, end = item.outlet_span
                assert 0 <= start < end <= len(item.text)
                assert item.text[start:end] == item.outlet


@settings(max_examples=200, deadline=None)
@given(title=st.text(min_size=1, max_size=40), outlet=st.text(min_size=1, max_size=30), body=st.text(max_size=80))
def test_seed_layout_byline_span_property(title: str, outlet: str, body: str) -> None:
    text = f"{title}\n\nBy {outlet}\n\n{body}"
    for item in read_text(text, "prop", "text"):
        if isinstance(item, Article):
            check_span(item)


@given(st.text())
def test_parse_date_never_raises(s: str) -> None:
    result = parse_date(s)
    assert result is None or isinstance(result, dt.date)


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_parse_date_round_trips(d: dt.date) -> None:
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%B %d, %Y")) == d
    assert parse_date(d.strftime("%d %b %Y")) == d
    assert parse_date(d.strftime("%A, %B %d, %Y")) == d


def test_folder_skips_readme_but_reads_it_when_named(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About these files\n\nNotes.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kyiv hit\n\nBy AFP\n\nText about Kyiv.", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [Path(i.source).name for i in items] == ["a.txt"]
    named = list(read_paths([tmp_path / "README.md"]))
    assert len(named) == 1 and named[0].title == "About these files"


def test_byline_with_author_and_aggregator() -> None:
    text = "Five killed in strikes\n\nBy Euronews (Jane Roe), via inkl\n\nFive people were killed."
    a = only_article(list(read_text(text, "e.txt", "text")))
    assert a.outlet == "Euronews"
    assert a.author == "Jane Roe"
    assert a.text[a.outlet_span[0] : a.outlet_span[1]] == "Euronews"
