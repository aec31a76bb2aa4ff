"""How long reading an HTML page takes: kg's reader (trafilatura, metadata, and the
fallback when trafilatura finds no main text) against the fallback paragraph reader
alone, in milliseconds a page.

    .venv/bin/python benchmarks/bench_html.py [PAGE.html ...] [--repeat N]

Without pages, it times the saved pages of tests/test_read_html.py, and the same news
page grown to the size of a real one (300 KB of inline script, an 800-link menu and
footer). Each page is read ``--repeat`` times and the fastest run kept, to soften noise
on a shared machine. Compare with the NLP's cost per article (`bench_ingest.py`: about
100 ms for a news article on this machine).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def sample_pages() -> dict[str, str]:
    from test_read_html import GAZA, KHARKIV

    script = "<script>" + "var x = {a: [1, 2, 3], b: 'some string value'};\n" * 6000 + "</script>"
    menu = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(800)) + "</ul></nav>"
    footer = "<footer>" + "".join(f"<div><a href='/t{i}'>Topic {i}</a></div>" for i in range(800)) + "</footer>"
    grown = KHARKIV.replace("</head>", script + "</head>").replace("<main>", menu + "<main>").replace("</body>", footer + "</body>")
    return {"kharkiv (test page)": KHARKIV, "rafah (test page)": GAZA, "kharkiv grown to a real page's size": grown}


def fastest(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from kg.read import read_text
    from kg.read.html_blocks import read_blocks

    pages = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in args.pages} or sample_pages()
    list(read_text(next(iter(pages.values())), "warm.html", "html"))  # imports and trafilatura's settings
    print(f"{'page':40} {'KB':>6} {'kg ms':>8} {'fallback ms':>12}  read as")
    for name, html in pages.items():
        items = list(read_text(html, name, "html"))
        kg_ms = fastest(lambda html=html, name=name: list(read_text(html, name, "html")), args.repeat)
        old_ms = fastest(lambda html=html: read_blocks(html), args.repeat)
        what = f"{len(items[0].text)} characters" if hasattr(items[0], "text") else str(items[0])
        print(f"{name[:40]:40} {len(html) // 1024:6} {kg_ms:8.1f} {old_ms:12.1f}  {what}")


if __name__ == "__main__":
    main()
