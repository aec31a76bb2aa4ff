"""Which reader reads a text: the format an extension names, or the one its content
shows; and the last check on what a reader returns, text that is valid Unicode."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.read.common import Item, _normalise
from kg.read.html import _read_html
from kg.read.jsonl import _read_jsonl
from kg.read.markdown import _read_markdown
from kg.read.plain import _read_plain
from kg.types import Article, ReadProblem

FORMATS = ("text", "markdown", "html", "jsonl")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}
# The extensions a folder's files must have to be read as articles (unless all files are asked for).
ARTICLE_EXTENSIONS = tuple(_EXTENSIONS)

BINARY_PROBE = 8192  # bytes (or characters) searched for NUL to call an input binary

# A lone surrogate (U+D800..U+DFFF) is no character: JSON's "\ud800" escape and
# file names of undecodable bytes make them, and no UTF-8 writer (spaCy's, the
# store's) accepts one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CHECKED_FIELDS = ("title", "url", "outlet", "author", "text")  # the title first: the text holds it too


def format_for(path: Path) -> str | None:
    """The format a file's extension names, or None when it must be sniffed."""
    return _EXTENSIONS.get(path.suffix.lower())


def sniff_format(text: str) -> str:
    """Guess the format from the content: JSON Lines, HTML, Markdown or text."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "jsonl"
    if re.match(r"<(?:[!?]|[A-Za-z][A-Za-z0-9-]*[\s/>])", stripped):
        return "html"
    first_line = stripped.split("\n", 1)[0].rstrip()
    if first_line == "---" or re.match(r"#\s", first_line):
        return "markdown"
    return "text"


def read_text(text: str, source: str, fmt: str | None = None) -> Iterator[Item]:
    """Read articles from ``text``, in format ``fmt`` (one of FORMATS; None = sniff).

    An article any of whose fields is not valid Unicode (a lone surrogate) is
    refused, naming the field and where in it, rather than failing later in the
    pipeline or the store.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    text = _normalise(text)
    if "\x00" in text[:BINARY_PROBE]:
        yield ReadProblem(source, "binary file, not text")
        return
    if not text.strip():
        yield ReadProblem(source, "empty file")
        return
    fmt = fmt or sniff_format(text)
    if fmt == "jsonl":
        items: Iterator[Item] = _read_jsonl(text, source)
    elif fmt == "html":
        items = iter([_read_html(text, source)])
    elif fmt == "markdown":
        items = iter([_read_markdown(text, source)])
    else:
        items = iter([_read_plain(text, source)])
    for item in items:
        problem = unencodable(item) if isinstance(item, Article) else None
        yield problem or item


def unencodable(article: Article) -> ReadProblem | None:
    """The problem with an article holding text that is not valid Unicode, or None."""
    for name in _CHECKED_FIELDS:
        value = getattr(article, name)
        m = _SURROGATE.search(value) if isinstance(value, str) else None
        if m is not None:
            return ReadProblem(
                article.source,
                f"'{name}' holds a lone surrogate (U+{ord(m.group()):04X} at character {m.start()}), which is not valid Unicode text",
            )
    return None
