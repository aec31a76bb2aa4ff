"""The Markdown reader: optional front matter, ``# Title``, a ``By`` line, Markdown markup."""

from __future__ import annotations

import re

from kg.read.common import Item, _assemble, _Meta
from kg.read.dates import parse_date
from kg.read.plain import _inline_links, _layout_from_lines, _skip_blank, _take_url_block

_FRONT_KEYS = {
    "title": "title",
    "date": "date",
    "published": "date",
    "url": "url",
    "canonical_url": "url",
    "author": "author",
    "outlet": "outlet",
    "publisher": "outlet",
    "source": "outlet",
}
_HEADING = re.compile(r"(#{1,6})\s+(.*?)(?:\s+#+)?\s*")
_RULE = re.compile(r"(?:[-*_=]\s*){3,}")
_LIST_MARK = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])\s+")
_FENCE = re.compile(r"(```|~~~)")
# Emphasis content holds no marker character, which keeps matching linear; nested
# emphasis ("**a *b* c**") comes off in a second pass.
_EMPHASIS = [
    re.compile(r"(?<![\\*])\*\*(?=[^\s*])([^*]+?)(?<=[^\s*\\])\*\*"),
    re.compile(r"(?<![\\\w])__(?=[^\s_])([^_]+?)(?<=[^\s_\\])__(?!\w)"),
    re.compile(r"(?<![\\*])\*(?=[^\s*])([^*]+?)(?<=[^\s*\\])\*(?!\*)"),
    re.compile(r"(?<![\\\w])_(?=[^\s_])([^_]+?)(?<=[^\s_\\])_(?!\w)"),
    re.compile(r"(?<!\\)~~(?=[^\s~])([^~]+?)(?<=[^\s~])~~"),
    re.compile(r"(?<![\\`])`+([^`]+)`+"),
]
_EMPHASIS_PASSES = 3
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+|[^\s<>@]+@[^\s<>]+)>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")


def _read_markdown(text: str, source: str) -> Item:
    """Read a Markdown article: front matter, a title heading, a By line, paragraphs."""
    lines = [line.rstrip() for line in text.split("\n")]
    front, lines = _front_matter(lines)
    meta = _meta_from_front(front)
    lines, url = _take_url_block(lines)
    meta.url = meta.url or url
    body, heading, head_at = _markdown_lines(lines, meta.title)
    layout = _layout_from_lines(body, meta, title=meta.title or heading, head_at=head_at)
    return _assemble(layout, meta, source)


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Split YAML-like front matter ("---" … "---") from the body."""
    start = _skip_blank(lines, 0)
    if start >= len(lines) or lines[start].strip() != "---":
        return {}, lines
    for end in range(start + 1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            return _front_fields(lines[start + 1 : end]), lines[end + 1 :]
    return {}, lines


def _front_fields(lines: list[str]) -> dict[str, str]:
    """``key: value`` pairs of front matter, keys lower-cased, quotes removed."""
    fields: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition(":")
        if not sep or line[:1].isspace():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if value:
            fields.setdefault(key.strip().lower(), value.strip())
    return fields


def _meta_from_front(front: dict[str, str]) -> _Meta:
    meta = _Meta()
    for key, value in front.items():
        name = _FRONT_KEYS.get(key)
        if name == "date":
            meta.date = meta.date or parse_date(value)
        elif name is not None and getattr(meta, name) is None:
            setattr(meta, name, _markdown_inline(value).strip() or None)
    return meta


def _markdown_lines(lines: list[str], known_title: str | None) -> tuple[list[str], str | None, int]:
    """Markdown lines as plain lines, the first level-1 heading's text, and where it stood.

    Headings stand apart as their own paragraphs; the title heading (the first
    ``#`` heading, or one equal to ``known_title``) is taken out of the body.
    """
    out: list[str] = []
    heading: str | None = None
    head_at = 0
    in_fence = False
    for i, raw in enumerate(lines):
        stripped = raw.strip()
        if _FENCE.match(stripped):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(stripped)
            continue
        if _RULE.fullmatch(stripped):
            out.append("")
            continue
        m = _HEADING.fullmatch(stripped)
        setext = _setext_level(lines, i)
        if m or setext:
            level = len(m.group(1)) if m else setext
            content = _markdown_inline(m.group(2) if m else stripped).strip()
            if heading is None and known_title is None and level == 1 and content:
                heading, head_at = content, len(out)
            elif content == known_title and not head_at:
                head_at = len(out)
            elif content and content != heading:
                out.extend(["", content, ""])
            continue
        out.append(_markdown_line(stripped))
    return out, heading, head_at


def _setext_level(lines: list[str], i: int) -> int:
    """1 or 2 when line ``i`` is a heading underlined by "===" or "---", else 0."""
    if i + 1 >= len(lines) or not lines[i].strip() or (i > 0 and lines[i - 1].strip()):
        return 0
    under = lines[i + 1].strip()
    if re.fullmatch(r"=+", under):
        return 1
    return 2 if re.fullmatch(r"-{2,}", under) else 0


def _markdown_line(line: str) -> str:
    """One body line without quote and list markers and inline markup."""
    while line.startswith(">"):
        line = line[1:].lstrip()
    line = _LIST_MARK.sub("", line, count=1) if _LIST_MARK.match(line) else line
    return _markdown_inline(line).strip()


def _markdown_inline(text: str) -> str:
    """Inline Markdown to plain text: images gone, links to text, no emphasis or code."""
    text = _AUTOLINK.sub(r"\1", _inline_links(text))
    for _ in range(_EMPHASIS_PASSES):
        before = text
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\1", text)
        if text == before:
            break
    return _ESCAPE.sub(r"\1", text)
