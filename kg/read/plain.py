"""The text reader: the seed layout (title, ``By OUTLET``, a date line, paragraphs and a
closing ``Original url:`` block) or plain text with no metadata."""

from __future__ import annotations

import re

from kg.read.common import _BYLINE_NAME_MAX, _TITLE_MAX, Item, _assemble, _Layout, _Meta
from kg.read.dates import parse_date

_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_BYLINE = re.compile(r"by\s+(\S.*)", re.I)
_BYLINE_SPLIT = re.compile(r"\s*(?:\(|,|\||\s[-–—]\s|\bvia\b)\s*")
_BYLINE_AUTHOR = re.compile(r"\(([^()]{2,80})\)")
_URL_LABEL = re.compile(r"original\s+url\s*(?::\s*(?P<rest>.*))?", re.I)
_URL = re.compile(r"<?(?P<url>https?://[^\s<>]+)>?")


def _inline_links(line: str) -> str:
    """Remove Markdown images and turn Markdown links into their text."""
    return _LINK.sub(r"\1", _IMAGE.sub("", line))


def _read_plain(text: str, source: str) -> Item:
    """Read the seed layout, or plain text when no metadata is there."""
    lines = [line.rstrip() for line in text.split("\n")]
    lines, url = _take_url_block(lines)
    lines = [_inline_links(line).strip() for line in lines]
    meta = _Meta(url=url)
    layout = _layout_from_lines(lines, meta, title=None)
    return _assemble(layout, meta, source)


def _take_url_block(lines: list[str]) -> tuple[list[str], str | None]:
    """Remove the last "Original url:" block and return the URL it gives."""
    for i in range(len(lines) - 1, -1, -1):
        m = _URL_LABEL.fullmatch(lines[i].strip())
        if m is None:
            continue
        candidates = [(i, m.group("rest"))] if m.group("rest") else []
        following = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        if following is not None:
            candidates.append((following, lines[following].strip()))
        for j, value in candidates:
            url = _url_in(value)
            if url is not None:
                return lines[:i] + lines[j + 1 :], url
    return lines, None


def _url_in(value: str) -> str | None:
    """The URL a line holds: "<https://…>", a bare URL or a Markdown link to one."""
    link = re.fullmatch(r"\[[^\]]*\]\((https?://[^\s()]+)\)", value)
    if link:
        return link.group(1)
    m = _URL.fullmatch(value)
    return m.group("url") if m else None


def _layout_from_lines(lines: list[str], meta: _Meta, title: str | None, head_at: int = 0) -> _Layout:
    """Split cleaned lines into title, byline and date lines, and paragraphs.

    ``title`` is a title already known (front matter, a heading), and ``head_at``
    where its byline and date lines would start (after a heading in the body).
    Without a title, the first line is the title when a byline, date or URL shows
    the seed layout, or when it looks like one: short, alone in its paragraph, not
    ending in a full stop.
    """
    layout = _Layout(title=title)
    pos = _skip_blank(lines, 0)
    if title is not None and head_at > pos:  # lines before the title heading follow the head
        end = _read_head(lines, _skip_blank(lines, head_at), layout, meta)
        layout.paragraphs = _paragraphs(lines[:head_at] + [""] + lines[end:])
        return layout
    if title is not None or pos >= len(lines):
        pos = _read_head(lines, pos, layout, meta)
    else:
        first = pos
        pos = _read_head(lines, _skip_blank(lines, first + 1), layout, meta)
        if layout.head or meta.url is not None or _looks_like_title(lines, first):
            layout.title = lines[first]
        else:  # no head lines were taken, so the body starts at the first line
            pos = first
    layout.paragraphs = _paragraphs(lines[pos:])
    return layout


def _looks_like_title(lines: list[str], i: int) -> bool:
    """Whether line ``i``, the first of plain text, reads as a title."""
    alone = i + 1 >= len(lines) or not lines[i + 1]
    return alone and len(lines[i]) < _TITLE_MAX and not lines[i].endswith(".")


def _read_head(lines: list[str], pos: int, layout: _Layout, meta: _Meta) -> int:
    """Take a byline line and a date line (either order) at ``pos``; return the new pos."""
    for _ in range(2):
        if pos >= len(lines) or (pos + 1 < len(lines) and lines[pos + 1]):
            break  # a head line stands alone, with a blank line (or the end) after it
        line = lines[pos]
        name = _byline_name(line)
        if name is not None and layout.byline_name is None:
            layout.byline_name = (len(layout.head), name)
            meta.outlet = meta.outlet or name
            author = _BYLINE_AUTHOR.search(line)
            if author is not None:
                meta.author = meta.author or author.group(1).strip()
        elif parse_date(line) is not None and not any(parse_date(h) for h in layout.head):
            meta.date = meta.date or parse_date(line)
        else:
            break
        layout.head.append(line)
        pos = _skip_blank(lines, pos + 1)
    if layout.byline_name is not None and meta.outlet is not None:
        layout.byline_name = (layout.byline_name[0], meta.outlet)
    return pos


def _byline_name(line: str) -> str | None:
    """The name in a "By NAME" line, or None when the line is not a byline."""
    m = _BYLINE.fullmatch(line)
    if m is None:
        return None
    # "By Euronews (Jane Doe), via inkl" -> the outlet is "Euronews".
    name = _BYLINE_SPLIT.split(m.group(1).strip(), maxsplit=1)[0].strip()
    # "teleSUR", "bdnews24.com": a name in lower case is a name by an inner capital or a dot.
    lower = name[:1].islower() and not re.search(r"[A-Z]|\w\.\w", name)
    if not name or len(name) > _BYLINE_NAME_MAX or lower or name[-1] in ".!?:;,":
        return None
    return name


def _skip_blank(lines: list[str], pos: int) -> int:
    """The index of the first non-blank line at or after ``pos`` (or len(lines))."""
    while pos < len(lines) and not lines[pos]:
        pos += 1
    return pos


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs at blank lines (lines of a paragraph kept apart)."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs
