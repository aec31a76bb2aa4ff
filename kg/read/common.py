"""What every reader shares: the article's text assembled from its parts, with the
outlet's offsets, and small string helpers for metadata."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kg.types import Article, ReadProblem

Item = Article | ReadProblem

_TITLE_MAX = 200  # a plain-text first line this long or longer is not a title
_BYLINE_NAME_MAX = 100


def _normalise(text: str) -> str:
    """Drop a byte order mark and turn CRLF / CR line ends into LF."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


class _TextBuilder:
    """Joins blocks with blank lines and remembers where each block starts."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0

    def add(self, block: str) -> int:
        """Append ``block``; return its start offset in the final text."""
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(block)
        self._length += len(block)
        return start

    def text(self) -> str:
        """The blocks joined so far."""
        return "".join(self._parts)


@dataclass
class _Meta:
    """Metadata gathered by a reader before the article is assembled."""

    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass
class _Layout:
    """An article's parts in text order: title, head lines (byline, date), paragraphs."""

    title: str | None = None
    head: list[str] = field(default_factory=list)
    byline_name: tuple[int, str] | None = None  # (index in head, name) of the byline
    paragraphs: list[str] = field(default_factory=list)


def _assemble(layout: _Layout, meta: _Meta, source: str) -> Item:
    """Build the article text (title, head lines, paragraphs) and the outlet's span."""
    builder = _TextBuilder()
    if layout.title:
        builder.add(layout.title)
    span: tuple[int, int] | None = None
    for i, line in enumerate(layout.head):
        start = builder.add(line)
        if layout.byline_name is not None and layout.byline_name[0] == i:
            span = _span_in(line, start, layout.byline_name[1])
    for para in layout.paragraphs:
        builder.add(para)
    text = builder.text()
    if not text.strip():
        return ReadProblem(source, "no article text")
    if span is not None and (meta.outlet is None or text[span[0] : span[1]] != meta.outlet):
        span = None
    return Article(
        text=text,
        source=source,
        title=layout.title or None,
        url=meta.url,
        date=meta.date,
        outlet=meta.outlet,
        author=meta.author,
        outlet_span=span,
    )


def _span_in(line: str, line_start: int, name: str) -> tuple[int, int] | None:
    """Offsets of ``name`` inside ``line``, which starts at ``line_start`` in the text."""
    at = line.find(name)
    return None if at < 0 or not name else (line_start + at, line_start + at + len(name))


def _names(value: Any, ids: dict[str, dict[str, Any]] | None = None) -> str | None:
    """Names in a string, a {"name": …} object (or an @id reference), or a list of those."""
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for v in values:
        if isinstance(v, dict) and "name" not in v and ids and isinstance(v.get("@id"), str):
            v = ids.get(v["@id"], v)
        if isinstance(v, dict):
            v = v.get("name")
        name = _clean(v) if isinstance(v, str) else None
        if name and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _clean(value: str | None) -> str | None:
    """Whitespace collapsed, or None when nothing is left."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
