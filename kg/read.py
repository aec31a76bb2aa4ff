"""The read stage: turn files, folders and stdin into :class:`Article` records.

Four input formats are understood:

* **text** -- the seed layout (title, ``By OUTLET``, a date line, paragraphs and a
  closing ``Original url:`` block) or plain text with no metadata;
* **markdown** -- optional front matter, ``# Title``, a ``By`` line, Markdown markup;
* **html** -- a news page: metadata from ``<meta>``, JSON-LD and ``<link>``, text from
  the paragraphs of ``<article>`` / ``<main>`` / ``<body>``;
* **jsonl** -- one JSON object per line with a ``text`` field.

Nothing here raises on bad input: an input that cannot be read becomes a
:class:`ReadProblem` and reading goes on with the next one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TextIO

from kg.types import Article, ReadProblem

FORMATS = ("text", "markdown", "html", "jsonl")
STDIN_SOURCE = "<stdin>"

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

_BINARY_PROBE = 8192  # bytes (or characters) searched for NUL to call an input binary
_TITLE_MAX = 200  # a plain-text first line this long or longer is not a title
_BYLINE_NAME_MAX = 100

Item = Article | ReadProblem

# --------------------------------------------------------------------------- dates

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s+)?"
)
_TIME_RE = (
    r"(?:[T ](?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:[.,][0-9]+)?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)
_DATE_FORMS = [
    re.compile(rf"(?P<year>[0-9]{{4}})-(?P<month>[0-9]{{1,2}})-(?P<day>[0-9]{{1,2}}){_TIME_RE}", re.A | re.I),
    re.compile(r"(?P<year>[0-9]{4})/(?P<month>[0-9]{1,2})/(?P<day>[0-9]{1,2})", re.A),
    re.compile(
        rf"{_WEEKDAY_RE}(?P<mname>{_MONTH_RE})\.?\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>[0-9]{{4}})",
        re.A | re.I,
    ),
    re.compile(
        rf"{_WEEKDAY_RE}(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mname>{_MONTH_RE})\.?,?\s+(?P<year>[0-9]{{4}})",
        re.A | re.I,
    ),
]


def parse_date(s: str) -> dt.date | None:
    """Read a publication date written in one of the usual news forms.

    Accepts "December 31, 2023", "Dec. 31, 2023", "31 December 2023",
    "Sunday, December 31, 2023", "2023-12-31", "2023/12/31" and ISO 8601
    timestamps ("2023-12-31T08:15:00+02:00", whose date is taken as written).
    The whole string must be the date; anything else gives None.
    """
    if not isinstance(s, str):
        return None
    s = s.strip()
    for form in _DATE_FORMS:
        m = form.fullmatch(s)
        if m is not None:
            return _date_from_match(m)
    return None


def _date_from_match(m: re.Match[str]) -> dt.date | None:
    """The date a matched form names, or None when it names no real day or time."""
    groups = m.groupdict()
    month = _MONTHS.get(groups["mname"].lower()) if groups.get("mname") else int(groups["month"])
    if month is None:
        return None
    if groups.get("hour") is not None:
        second = int(groups["second"] or 0)
        if int(groups["hour"]) > 23 or int(groups["minute"]) > 59 or second > 60:
            return None
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


# --------------------------------------------------------------------------- entry points


def read_paths(paths: Iterable[str | Path], stdin: TextIO | None = None) -> Iterator[Item]:
    """Read every article named by ``paths``, in order.

    A path may be a file, a folder (read recursively in sorted order, skipping
    hidden entries) or "-" for ``stdin`` (``sys.stdin`` when not given), whose
    format is sniffed from its content. Inputs that cannot be read yield a
    :class:`ReadProblem` and reading goes on.
    """
    for p in paths:
        if str(p) == "-":
            yield from _read_stream(stdin if stdin is not None else sys.stdin)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _read_folder(path, set())
        elif path.exists() or path.is_symlink():
            yield from read_file(path)
        else:
            yield ReadProblem(str(p), "no such file or folder")


def read_file(path: Path) -> Iterator[Item]:
    """Read one file; its extension names the format, else its content does."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        yield ReadProblem(source, f"cannot read: {e.strerror or e}")
        return
    decoded = _decode(data, source)
    if isinstance(decoded, ReadProblem):
        yield decoded
        return
    yield from read_text(decoded, source, format_for(Path(path)))


def read_text(text: str, source: str, fmt: str | None = None) -> Iterator[Item]:
    """Read articles from ``text``, in format ``fmt`` (one of FORMATS; None = sniff)."""
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    text = _normalise(text)
    if "\x00" in text[:_BINARY_PROBE]:
        yield ReadProblem(source, "binary file, not text")
        return
    if not text.strip():
        yield ReadProblem(source, "empty file")
        return
    fmt = fmt or sniff_format(text)
    if fmt == "jsonl":
        yield from _read_jsonl(text, source)
    elif fmt == "html":
        yield _read_html(text, source)
    elif fmt == "markdown":
        yield _read_markdown(text, source)
    else:
        yield _read_plain(text, source)


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


def _read_stream(stream: TextIO) -> Iterator[Item]:
    """Read stdin (or any text stream) as one input of sniffed format."""
    try:
        text = stream.read()
    except UnicodeDecodeError as e:
        yield ReadProblem(STDIN_SOURCE, _utf8_message(e))
        return
    except OSError as e:
        yield ReadProblem(STDIN_SOURCE, f"cannot read: {e.strerror or e}")
        return
    if isinstance(text, bytes):  # a binary stream passed by mistake
        decoded = _decode(text, STDIN_SOURCE)
        if isinstance(decoded, ReadProblem):
            yield decoded
            return
        text = decoded
    yield from read_text(text, STDIN_SOURCE)


# Files a folder of articles often holds beside them; read only when named directly.
NOT_ARTICLES = re.compile(r"^(readme|license|licence|changelog|sources|notes)(\.[a-z]+)?$", re.I)


def _read_folder(folder: Path, seen: set[Path]) -> Iterator[Item]:
    """Read a folder recursively, entries sorted by name, hidden ones and
    README/LICENSE-style files skipped."""
    real = folder.resolve()
    if real in seen:  # a symbolic link loop
        return
    seen.add(real)
    try:
        entries = sorted(e for e in folder.iterdir() if not e.name.startswith(".") and not NOT_ARTICLES.match(e.name))
    except OSError as e:
        yield ReadProblem(str(folder), f"cannot read folder: {e.strerror or e}")
        return
    for entry in entries:
        if entry.is_dir():
            yield from _read_folder(entry, seen)
        elif entry.is_file() or not entry.exists():  # a broken link reports its OS error
            yield from read_file(entry)
        else:  # a pipe or device met while walking could block the whole run
            yield ReadProblem(str(entry), "not a regular file")


def _decode(data: bytes, source: str) -> str | ReadProblem:
    """Bytes to text, or the problem that stops it (binary, not UTF-8, empty)."""
    if b"\x00" in data[:_BINARY_PROBE]:
        return ReadProblem(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return ReadProblem(source, _utf8_message(e))


def _utf8_message(e: UnicodeDecodeError) -> str:
    byte = e.object[e.start] if e.start < len(e.object) else 0
    return f"not UTF-8 text (invalid byte 0x{byte:02x} at offset {e.start})"


def _normalise(text: str) -> str:
    """Drop a byte order mark and turn CRLF / CR line ends into LF."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- text assembly


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


# --------------------------------------------------------------------------- text and seed layout

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
    if not name or len(name) > _BYLINE_NAME_MAX or name[0].islower() or name[-1] in ".!?:;,":
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


# --------------------------------------------------------------------------- Markdown

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


# --------------------------------------------------------------------------- HTML

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


# --------------------------------------------------------------------------- JSON Lines


def _read_jsonl(text: str, source: str) -> Iterator[Item]:
    """One article per JSON object line; a bad line is a problem, the rest still read."""
    records = _whole_document(text)
    if records is not None:
        for i, record in enumerate(records, start=1):
            where = source if len(records) == 1 else f"{source}:{i}"
            item = _record_article(record, where, source, None)
            if isinstance(item, ReadProblem) and len(records) > 1:
                item.message += f" (item {i} of the JSON array)"
            yield item
        return
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadProblem(source, f"not valid JSON: {e.msg} (column {e.colno})", line=lineno)
            continue
        except RecursionError:
            yield ReadProblem(source, "not valid JSON: nested too deeply", line=lineno)
            continue
        yield _record_article(record, f"{source}:{lineno}", source, lineno)


def _whole_document(text: str) -> list[Any] | None:
    """The records of a file that is one JSON document over several lines, else None."""
    first = text.strip().split("\n", 1)[0]
    try:
        json.loads(first)
        return None  # the first line stands alone: JSON Lines
    except (ValueError, RecursionError):
        pass
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, list) and data else [data]


def _record_article(record: Any, where: str, source: str, line: int | None) -> Item:
    """Turn one JSON record into an Article, or name what is wrong with it."""
    if not isinstance(record, dict):
        return ReadProblem(source, f"not a JSON object (found {_json_type(record)})", line=line)
    body = record.get("text")
    if "text" not in record:
        return ReadProblem(source, "no 'text' field", line=line)
    if not isinstance(body, str):
        return ReadProblem(source, f"'text' is not a string (found {_json_type(body)})", line=line)
    body = _normalise(body).strip()
    if not body:
        return ReadProblem(source, "'text' is empty", line=line)
    title = _clean(record.get("title")) if isinstance(record.get("title"), str) else None
    text = f"{title}\n\n{body}" if title and body.split("\n", 1)[0].strip() != title else body
    raw_date = record.get("date")
    return Article(
        text=text,
        source=where,
        title=title,
        url=_clean(record.get("url")) if isinstance(record.get("url"), str) else None,
        date=parse_date(raw_date) if isinstance(raw_date, str) else None,
        outlet=_first(*(_names(record.get(k)) for k in ("outlet", "publisher", "source"))),
        author=_names(record.get("author")),
        outlet_span=None,
    )


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


__all__ = [
    "FORMATS",
    "format_for",
    "parse_date",
    "read_file",
    "read_paths",
    "read_text",
    "sniff_format",
]
