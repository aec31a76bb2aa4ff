"""The fallback HTML reader: the text of a page's paragraph-like elements inside
``<article>`` / ``<main>`` / ``<body>`` (navigation, header, footer, asides and forms
skipped), and the facts its metadata is read from, by the standard library's parser.

kg.read.html reads pages with trafilatura; this reader serves when trafilatura finds
no main text (a fragment, a page too deep for lxml) or lxml cannot parse the page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

from kg.read.html_meta import PageFacts

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

    def facts(self) -> PageFacts:
        """What the page's metadata is read from."""
        return PageFacts(
            metas=self.metas,
            canonical=self.canonical,
            json_ld=["".join(chunks) for chunks in self.json_ld],
            title=" ".join("".join(self.title_text).split()),
            h1=" ".join("".join(self.h1_text or []).split()),
            time_datetime=self.time_datetime,
        )


def read_blocks(text: str) -> tuple[PageFacts, list[str]]:
    """The page's metadata facts and the paragraphs of its main part (see _main_blocks).

    Raises ValueError when html.parser gives up on the page.
    """
    parser = _PageParser()
    try:
        parser.feed(text)
        parser.close()
    except AssertionError as e:  # html.parser's rare give-ups
        raise ValueError(str(e)) from e
    return parser.facts(), [b.text for b in _main_blocks(parser.blocks)]


def _main_blocks(blocks: list[_Block]) -> list[_Block]:
    """The blocks inside <article> if any, else inside <main>, else all of them."""
    for pick in (lambda b: b.in_article, lambda b: b.in_main):
        chosen = [b for b in blocks if pick(b)]
        if chosen:
            return chosen
    return blocks
