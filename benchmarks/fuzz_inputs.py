"""A bounded fuzz of `kg ingest`: generated hostile inputs, and what became of each.

    python benchmarks/fuzz_inputs.py [--count 1000] [--seed 9] [--timeout 30] [--keep DIR]

Writes ``--count`` inputs (seeded, so a run can be repeated) into a temporary
folder -- good articles in every format, and their hostile kin: lone surrogates,
undecodable bytes and file names, UTF-16/32 with and without a byte order mark,
binary data, deep JSON and HTML nesting, runs of punctuation and emoji, long
tokens, inputs over the size limit, empty files, named pipes, broken and looping
links, a kg store inside the folder -- and then:

  1. ingests each input on its own, in one process with one pipeline, with a time
     limit per input, and counts **tracebacks** (an exception out of the ingest),
     **hangs** (the time limit reached) and **losses** (an input that gave neither
     an article nor a named problem, or a good article that was not stored);
  2. runs the real command once over the whole folder (``kg ingest --all-files``,
     a subprocess) and checks it exits 0 or 3, prints no traceback, and that its
     summary counts every input.

It prints the counts and exits 1 when any is not zero.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest import Ingester  # noqa: E402
from kg.read import ReadOptions  # noqa: E402
from kg.store import open_store  # noqa: E402

MAX_BYTES = 300_000  # the fuzz's size limit, so that inputs over it stay cheap to write

PLACES = ["Kyiv", "Kharkiv", "Odesa", "Belgorod", "Gaza", "Khartoum", "Donetsk", "Moscow"]
PEOPLE = ["Volodymyr Zelensky", "Vladimir Putin", "Antonio Guterres", "Dmitry Peskov"]
OUTLETS = ["Reuters", "AFP", "Al Jazeera", "BBC News"]
RUNS = ["_", "[", "‹", "😀", "'", "-", "=", "*", "(", "\u0301", "🇺🇦", ".", "\\"]


class Hang(Exception):
    """The time limit per input was reached."""


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(PEOPLE)} said forces shelled {rng.choice(PLACES)} on Monday, killing {rng.randint(1, 40)} people."


def good_text(rng: random.Random) -> str:
    body = "\n\n".join(" ".join(sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 4)))
    return f"Strikes on {rng.choice(PLACES)}\n\nBy {rng.choice(OUTLETS)}\n\nMarch {rng.randint(1, 28)}, 2024\n\n{body}\n"


def noise(rng: random.Random, n: int) -> str:
    """Characters from every corner: controls, marks, symbols, CJK, emoji, private use."""
    pools = [(0x20, 0x7E), (0x0, 0x1F), (0x300, 0x36F), (0x400, 0x4FF), (0x600, 0x6FF), (0x2000, 0x206F),
             (0x4E00, 0x4FFF), (0x1F300, 0x1F6FF), (0xE000, 0xE0FF), (0xFFF0, 0xFFFF)]  # fmt: skip
    out = []
    for _ in range(n):
        lo, hi = rng.choice(pools)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def make_input(rng: random.Random, i: int, folder: Path) -> tuple[Path, int]:
    """Write input ``i``; return its path and how many articles it must give at least."""
    kind = rng.randrange(24)
    name = f"{i:04d}"
    text = good_text(rng)
    if kind == 0:  # a good article in the seed layout
        return write(folder / f"{name}.txt", text), 1
    if kind == 1:  # Markdown with front matter and markup
        md = f"---\ntitle: {rng.choice(PLACES)} hit\noutlet: {rng.choice(OUTLETS)}\n---\n\n**{sentence(rng)}** [link](http://x.org) _{sentence(rng)}_\n"
        return write(folder / f"{name}.md", md), 1
    if kind == 2:  # HTML with JSON-LD, boilerplate and entities
        html = (f'<html><head><title>T</title><script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{rng.choice(PLACES)} hit",'
                f' "publisher": {{"name": "{rng.choice(OUTLETS)}"}}}}</script></head><body><nav><p>Menu</p></nav><article><p>{sentence(rng)}</p>'
                f"<p>{sentence(rng)} &amp; &#x1F600; &#xD800;</p></article></body></html>")  # fmt: skip
        return write(folder / f"{name}.html", html), 1
    if kind == 3:  # JSON Lines with good, bad and hostile records
        lines = [json.dumps({"text": sentence(rng), "url": f"https://x.org/{i}/{k}", "date": "2024-03-03"}) for k in range(rng.randint(1, 3))]
        lines += rng.sample(['{"text": "bad \\ud800 here"}', '{"title": "no text"}', "not json", '{"text": 5}', "[" * 5000,
                            '{"text": "ok", "title": "\\udfff"}', '{"text": "x", "date": "2024-02-30"}', '{"text": "' + "é" * 50 + '"}'], 3)  # fmt: skip
        return write(folder / f"{name}.jsonl", "\n".join(lines) + "\n"), len(lines) - 3
    if kind == 4:  # a whole JSON document
        doc = json.dumps([{"text": sentence(rng), "outlet": {"name": rng.choice(OUTLETS)}} for _ in range(2)], indent=1)
        return write(folder / f"{name}.json", doc), 2
    if kind == 5:  # UTF-16/32 with a byte order mark
        codec, bom = rng.choice([("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE)])
        return write_bytes(folder / f"{name}.txt", bom + text.replace("\n", "\r\n").encode(codec)), 1
    if kind == 6:  # UTF-16 without a mark, Latin-1, invalid UTF-8, encoded surrogates
        data = rng.choice([text.encode("utf-16-le"), text.encode("latin-1", "replace") + "é".encode("latin-1"),
                           text.encode() + b"\xc3\x28", ("x\ud800y").encode("utf-8", "surrogatepass")])  # fmt: skip
        return write_bytes(folder / f"{name}.txt", data), 0
    if kind == 7:  # binary
        return write_bytes(folder / f"{name}{rng.choice(['.txt', '.html', '.bin'])}", bytes(rng.randrange(256) for _ in range(rng.randint(1, 3000)))), 0
    if kind == 8:  # a run of one character, 10 to 200 KB, inside or instead of an article
        run = rng.choice(RUNS) * rng.randint(10_000, 200_000 // 4)
        return write(folder / f"{name}.txt", rng.choice([run, text + run + "\n\n" + sentence(rng)])), 0
    if kind == 9:  # long tokens and mixed punctuation
        token = "".join(rng.choice("a_['😀-.\"()’‹/:,$1") for _ in range(rng.randint(100, 5000)))
        return write(folder / f"{name}.md", f"# Title\n\n{sentence(rng)} {token} {sentence(rng)}\n" * rng.randint(1, 20)), 1
    if kind == 10:  # deep HTML nesting and broken markup
        depth = rng.randint(100, 20000)
        return write(folder / f"{name}.html", "<div>" * depth + f"<p>{sentence(rng)}" + "</span>" * 50 + "<!-- <![CDATA[ <p"), 0
    if kind == 11:  # over the size limit
        return write(folder / f"{name}.txt", text * (MAX_BYTES // len(text) + 2)), 0
    if kind == 12:  # empty, blank, a lone BOM
        return write_bytes(folder / f"{name}.txt", rng.choice([b"", b" \n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])), 0
    if kind == 13:  # a file name that is not UTF-8
        raw = b"%s-\xff\xfe%s.txt" % (name.encode(), bytes([rng.randrange(0x80, 0x100)]))
        return write(folder / os.fsdecode(raw), text), 1
    if kind == 14:  # noise of every script, as any format
        return write(folder / f"{name}{rng.choice(['.txt', '.md', '.html', '.jsonl'])}", noise(rng, rng.randint(1, 5000))), 0
    if kind == 15:  # Markdown that is all markers
        md = "".join(rng.choice(["*", "_", "`", "[", "]", "(", ")", "#", ">", "-", " ", "\n", "~", "!", "<", "\\"]) for _ in range(rng.randint(10, 20000)))
        return write(folder / f"{name}.md", md), 0
    if kind == 16:  # a named pipe, a broken link, a link loop
        what = rng.choice(["fifo", "broken", "loop"])
        path = folder / f"{name}-{what}.txt"
        if what == "fifo":
            os.mkfifo(path)
        elif what == "broken":
            path.symlink_to(folder / "nowhere.txt")
        else:
            path.symlink_to(path)
        return path, 0
    if kind == 17:  # huge numbers and odd JSON values
        rec = {"text": sentence(rng), "date": rng.choice([1e308, -1, [], {}, "9999-99-99", None]), "outlet": rng.choice([[1, 2], {"name": 5}, "", None]),
               "author": rng.choice([{"name": ["a"]}, [{"name": "A"}, "B"], 3.5])}  # fmt: skip
        return write(folder / f"{name}.jsonl", json.dumps(rec) + "\n"), 1
    if kind == 18:  # mixed line endings and control characters in a good article
        return write(folder / f"{name}.txt", text.replace("\n", rng.choice(["\r\n", "\r", "\n\x0b", "\u2028"])) + "\x07\x1b[31m"), 1
    if kind == 19:  # an extension that lies
        return write(folder / f"{name}{rng.choice(['.html', '.jsonl', '.md'])}", rng.choice([text, "<p>" + text, '{"text": "' + sentence(rng) + '"}'])), 0
    if kind == 20:  # a file with no extension and one of another type (read because named)
        return write(folder / f"{name}{rng.choice(['', '.csv', '.py', '.xml'])}", rng.choice([text, "a,b\n1,2\n", "print(1)\n"])), 0
    if kind == 21:  # JSON-LD and meta tags with hostile values
        html = (f'<meta property="og:title" content="{noise(rng, 20)}"><script type="application/ld+json">{{"@graph": [{{"@type": ["NewsArticle"],'
                f' "author": {{"@id": "#a"}}, "headline": "\\ud83d"}}, {{"@id": "#a", "name": {rng.randint(0, 9)}}}]}}</script><p>{sentence(rng)}</p>')  # fmt: skip
        return write(folder / f"{name}.html", html), 0
    if kind == 22:  # very many short lines
        return write(folder / f"{name}.txt", "\n".join(rng.choice(PLACES) for _ in range(rng.randint(1000, 20000)))), 1
    # a good article repeated with small changes (replacement of the same URL)
    return write(folder / f"{name}.md", f"# Same story\n\nOriginal url: https://x.org/same\n\n{sentence(rng)}\n"), 1


def write(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8", "surrogatepass"))


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _alarm(*_):
    raise Hang()


def run_each(ingester: Ingester, inputs: list[tuple[Path, int]], timeout: int, options: ReadOptions) -> dict:
    counts = {"tracebacks": 0, "hangs": 0, "losses": 0, "articles": 0, "problems": 0, "slowest": 0.0, "slowest_input": ""}
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for path, expected in inputs:
            started = time.perf_counter()
            signal.alarm(timeout)
            try:
                report = ingester.run([path], read_options=options)
            except Hang:
                counts["hangs"] += 1
                print(f"HANG {path!r}", file=sys.stderr)
                continue
            except Exception:  # noqa: BLE001 -- counting them is the point
                counts["tracebacks"] += 1
                print(f"TRACEBACK {path!r}\n{traceback.format_exc()}", file=sys.stderr)
                continue
            finally:
                signal.alarm(0)
            took = time.perf_counter() - started
            if took > counts["slowest"]:
                counts["slowest"], counts["slowest_input"] = took, path.name
            for p in report.skipped:
                str(p).encode("utf-8")  # every message can be printed
            counts["articles"] += report.articles
            counts["problems"] += len(report.skipped)
            if report.articles + len(report.skipped) == 0 or report.articles < expected:
                counts["losses"] += 1
                print(f"LOSS {path!r}: {report.articles} articles (expected {expected}), {len(report.skipped)} problems", file=sys.stderr)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return counts


def run_command(folder: Path, store: Path, timeout: int, n_inputs: int) -> dict:
    """The real `kg ingest` over the whole folder: exit code, tracebacks, the summary's counts."""
    cmd = [sys.executable, "-m", "kg", "--store", str(store), "ingest", "--all-files", "--max-size", str(MAX_BYTES), str(folder)]
    started = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT)}, errors="replace")
    except subprocess.TimeoutExpired:
        return {"exit": "hang", "tracebacks": 0, "seconds": timeout}
    out = done.stdout + done.stderr
    m = re.search(r"^(\d+) articles?,", done.stdout, re.M)
    skipped = len(re.findall(r"^skipped ", done.stderr, re.M))
    return {
        "exit": done.returncode,
        "tracebacks": out.count("Traceback"),
        "articles": int(m.group(1)) if m else None,
        "skipped lines": skipped,
        "seconds": round(time.perf_counter() - started, 1),
        "inputs": n_inputs,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--timeout", type=int, default=30, help="seconds allowed per input")
    ap.add_argument("--keep", type=Path, default=None, help="write the inputs here and keep them")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "inputs"
        folder.mkdir(parents=True, exist_ok=True)
        inputs = [make_input(rng, i, folder) for i in range(args.count)]
        store = Path(tmp) / "store"
        nested = open_store(folder / "zz-kg-store")  # a store inside the folder: skipped and named, never read
        nested.flush()
        del nested

        options = ReadOptions(max_bytes=MAX_BYTES)
        started = time.perf_counter()
        ingester = Ingester(store)
        each = run_each(ingester, inputs, args.timeout, options)
        del ingester
        each_seconds = time.perf_counter() - started
        command = run_command(folder, Path(tmp) / "store-cli", args.timeout * 20, len(inputs))

    print(f"inputs: {args.count} (seed {args.seed})")
    print(f"one by one: {each['tracebacks']} tracebacks, {each['hangs']} hangs, {each['losses']} losses;"
          f" {each['articles']} articles, {each['problems']} named problems in {each_seconds:.0f} s"
          f" (slowest input {each['slowest']:.1f} s: {each['slowest_input']})")  # fmt: skip
    print(f"kg ingest over the folder: exit {command['exit']}, {command['tracebacks']} tracebacks, {command.get('articles')} articles,"
          f" {command.get('skipped lines')} skipped lines in {command['seconds']} s")  # fmt: skip
    bad = each["tracebacks"] or each["hangs"] or each["losses"] or command["exit"] not in (0, 3) or command["tracebacks"] or command.get("articles") is None
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
