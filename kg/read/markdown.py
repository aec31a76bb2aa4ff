"""The Markdown reader: optional front matter, ``# Title``, a ``By`` line, and the
body parsed by markdown-it-py (CommonMark, with tables and strikethrough), whose
blocks and inline text become plain paragraphs: markup, link targets, images and
raw HTML gone, escapes resolved."""

from __future__ import annotations

from functools import cache
from typing import Any

from kg.read.common import Item, _assemble, _Meta
from kg.read.dates import parse_date
from kg.read.plain import _layout_from_lines, _skip_blank, _take_url_block

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
_DENSE_LENGTH, _DENSE_SHARE = 1000, 20  # a block this long with a "[" every _DENSE_SHARE characters or more


@cache
def _parsers() -> tuple[Any, Any]:
    """The two markdown-it parsers, made on the first Markdown article: importing and
    setting up markdown-it-py costs some 40 ms that a run reading no Markdown is spared.

    Raw HTML is parsed as such so that its tags can be dropped rather than read as
    words. A block dense with "[" (no prose has one every few characters) is read by
    the second, without links and images, whose label scans make markdown-it-py take
    tens of seconds over a megabyte of "![". (markdown parser, no-links parser)"""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    no_links = MarkdownIt("commonmark", {"html": True}).enable(["strikethrough"]).disable(["link", "image"])
    md.core.ruler.at("inline", _inline_rule)
    return md, no_links


def _inline_rule(state: Any) -> None:
    """markdown-it's core "inline" rule, choosing the inline parser block by block."""
    md, no_links = _parsers()
    for token in state.tokens:
        if token.type == "inline":
            text = token.content
            parser = no_links if len(text) > _DENSE_LENGTH and text.count("[") * _DENSE_SHARE > len(text) else md
            token.children = []
            parser.inline.parse(text, parser, state.env, token.children)


_BLOCK_CLOSE = {"paragraph_close", "heading_close", "fence", "code_block"}


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
    """The body as plain lines (blank lines between paragraphs), the first level-1
    heading's text, and the line where it stood.

    Headings stand apart as their own paragraphs; the title heading (the first ``#``
    heading, or one equal to ``known_title``) is taken out of the body. A list's items
    are the lines of one paragraph, as are a table's rows and a code block's lines.
    """
    out: list[str] = []
    heading: str | None = None
    head_at = 0
    level = 0  # of the heading being read, 0 outside headings
    in_list = 0
    row: list[str] | None = None  # the cells of the table row being read
    for token in _parsers()[0].parse("\n".join(lines)):
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
        elif kind in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
            if not in_list:
                out.append("")
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            out.append(" | ".join(cell for cell in row if cell))
            row = None
        elif kind == "table_close":
            out.append("")
        elif kind == "inline" and row is not None:
            row.append(" ".join(_inline(token.children).split()))
        elif kind == "inline" and level:
            content = " ".join(_inline(token.children).split())
            if heading is None and known_title is None and level == 1 and content:
                heading, head_at = content, len(out)
            elif content == known_title and not head_at:
                head_at = len(out)
            elif content and content != heading:
                out.extend(["", content, ""])
            level = 0
        elif kind == "inline":
            out += [line.strip() for line in _inline(token.children).split("\n")]
        elif kind in ("fence", "code_block"):
            out += [line.strip() for line in token.content.split("\n")]
        if kind in _BLOCK_CLOSE and not in_list:
            out.append("")
    return out, heading, head_at


def _inline(children: list[Any] | None) -> str:
    """Inline tokens as text: links as their text, line breaks as newlines; images,
    raw HTML tags and emphasis markers gone."""
    parts: list[str] = []
    for child in children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _markdown_inline(text: str) -> str:
    """One line of Markdown (a front-matter value) as plain text."""
    tokens = _parsers()[0].parseInline(text)
    return " ".join(_inline(tokens[0].children if tokens else None).split())
