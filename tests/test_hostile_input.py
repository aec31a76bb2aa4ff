"""Hostile input: every input gets a clear, named problem and the run goes on.

Each case here once aborted a run with a traceback, blocked it, or read what is
no article: lone surrogates, undecodable file names, UTF-16 called binary,
/dev/zero and pipes, huge files, code files and a store's own files in a folder,
runs of punctuation that made the tokenizer quadratic.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import cli
from kg.read import ReadOptions, display_name, is_kg_store, parse_size, read_file, read_paths, read_text
from kg.recognise import pipeline_text, recognise
from kg.types import Article, ReadProblem

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def only(items, kind):
    assert len(items) == 1 and isinstance(items[0], kind), items
    return items[0]


# --------------------------------------------------------------------------- text that is not Unicode


def test_lone_surrogate_in_jsonl_text_is_named_and_the_next_line_read() -> None:
    text = '{"text": "Strike on \\ud800 Kyiv"}\n{"text": "Kyiv was hit."}\n'
    first, second = list(read_text(text, "f.jsonl", "jsonl"))
    assert first == ReadProblem("f.jsonl:1", "'text' holds a lone surrogate (U+D800 at character 10), which is not valid Unicode text")
    assert isinstance(second, Article) and second.text == "Kyiv was hit."


@pytest.mark.parametrize("field", ["title", "url", "author", "outlet"])
def test_lone_surrogate_in_a_jsonl_field_names_the_field(field: str) -> None:
    line = json.dumps({"text": "Kyiv was hit.", field: "x\udfff"})
    problem = only(list(read_text(line, "f.jsonl", "jsonl")), ReadProblem)
    assert f"'{field}' holds a lone surrogate (U+DFFF" in problem.message
    str(problem).encode("utf-8")  # the message itself can be printed


def test_lone_surrogate_in_json_ld_metadata_is_named() -> None:
    page = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H\\udc00"}</script><p>Body text.</p>'
    problem = only(list(read_text(page, "p.html", "html")), ReadProblem)
    assert "'title' holds a lone surrogate" in problem.message


def test_file_name_that_is_not_utf8_is_read_under_its_escaped_name(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    path = tmp_path / name
    try:
        path.write_text("Kyiv was hit overnight.", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    article = only(list(read_paths([tmp_path])), Article)
    assert article.source == str(tmp_path / "caf\\xe9.txt")
    article.source.encode("utf-8")
    assert display_name(path) == article.source


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_text_with_a_byte_order_mark_is_decoded_not_called_binary(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
           "utf-32-be": codecs.BOM_UTF32_BE, "utf-8": codecs.BOM_UTF8}[codec]  # fmt: skip
    path = tmp_path / "windows.txt"
    path.write_bytes(bom + "Kharkiv shelled\r\n\r\nBy Reuters\r\n\r\nShells hit Kharkiv.".encode(codec))
    article = only(list(read_file(path)), Article)
    assert (article.title, article.outlet) == ("Kharkiv shelled", "Reuters")
    assert article.text.endswith("Shells hit Kharkiv.")


def test_broken_utf16_after_its_mark_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    problem = only(list(read_file(path)), ReadProblem)
    assert problem.message.startswith("not UTF-16 text, though it opens with a UTF-16 byte order mark")


def test_stdin_bytes_with_a_byte_order_mark() -> None:
    raw = io.TextIOWrapper(io.BytesIO(codecs.BOM_UTF16_LE + "Kyiv was hit.".encode("utf-16-le")), encoding="utf-8")
    article = only(list(read_paths(["-"], stdin=raw)), Article)
    assert article.text == "Kyiv was hit."


# --------------------------------------------------------------------------- what is no file of articles


def _with_timeout(fn, seconds: float = 10):
    """Run ``fn`` in a thread; fail (rather than hang the suite) when it blocks."""
    out: list = []
    t = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "reading blocked"
    return out[0]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_without_reading() -> None:
    problem = only(_with_timeout(lambda: list(read_paths(["/dev/zero"]))), ReadProblem)
    assert problem == ReadProblem("/dev/zero", "not a regular file (a character device); kg reads only files and folders")


def test_a_named_pipe_given_by_name_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    problem = only(_with_timeout(lambda: list(read_paths([fifo]))), ReadProblem)
    assert "a named pipe (FIFO)" in problem.message


def test_size_limit_per_input_is_named_and_configurable(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Kyiv was hit. " * 200, encoding="utf-8")  # 2,800 bytes
    problem = only(list(read_paths([big], options=ReadOptions(max_bytes=1000))), ReadProblem)
    assert problem.message == "input larger than the limit (2.8 KB, limit 1 KB); raise it with --max-size"
    assert isinstance(only(list(read_paths([big], options=ReadOptions(max_bytes=3000))), Article), Article)
    stdin = io.StringIO("Kyiv was hit. " * 200)
    assert "larger than the limit" in only(list(read_paths(["-"], stdin=stdin, options=ReadOptions(max_bytes=1000))), ReadProblem).message


@pytest.mark.parametrize(("text", "size"), [("20MB", 20_000_000), ("500 kB", 500_000), ("1.5G", 1_500_000_000), ("123", 123), ("2mib", 2_000_000)])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "-1MB", "0", "1TB"])
def test_parse_size_rejects_junk(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_folder_reads_article_types_only_unless_all_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kyiv was hit.", encoding="utf-8")
    (tmp_path / "tool.py").write_text("print('Kyiv')\n", encoding="utf-8")
    (tmp_path / "table.csv").write_text("city,count\nKyiv,3\n", encoding="utf-8")
    assert [Path(a.source).name for a in read_paths([tmp_path])] == ["a.txt"]
    every = [Path(a.source).name for a in read_paths([tmp_path], options=ReadOptions(all_files=True))]
    assert every == ["a.txt", "table.csv", "tool.py"]
    # Named on its own, a file is read whatever its extension.
    assert isinstance(only(list(read_paths([tmp_path / "tool.py"])), Article), Article)


def test_folder_of_no_article_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "tool.py").write_text("x = 1\n", encoding="utf-8")
    problem = only(list(read_paths([tmp_path])), ReadProblem)
    assert problem.message.startswith("no article files (.txt") and "1 .py" in problem.message and "--all-files" in problem.message


def test_a_kg_store_inside_a_folder_is_skipped_and_named(tmp_path: Path, ingest_into) -> None:
    (tmp_path / "a.txt").write_text("Kyiv was hit.", encoding="utf-8")
    store = tmp_path / "kg-store"
    ingest_into(store, [tmp_path / "a.txt"])
    assert is_kg_store(store)
    items = list(read_paths([tmp_path], options=ReadOptions(all_files=True)))
    assert [type(i) for i in items] == [Article, ReadProblem]
    assert items[1] == ReadProblem(str(store), "a kg store (Oxigraph/RocksDB files), not articles: skipped")
    # A bare RocksDB folder (no kg-generation file yet) is a store too.
    rocks = tmp_path / "other"
    rocks.mkdir()
    (rocks / "CURRENT").write_text("MANIFEST-000005\n")
    (rocks / "OPTIONS-000007").write_text("")
    assert is_kg_store(rocks) and not is_kg_store(tmp_path)


def test_kg_ingest_dot_beside_its_own_store_passes_it_over_silently(tmp_path: Path, ingest_into, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("Kyiv was hit.", encoding="utf-8")
    ingest_into(tmp_path / "kg-store", [tmp_path / "a.txt"])
    monkeypatch.chdir(tmp_path)
    report = ingest_into(Path("kg-store"), ["."])  # the store given relative, the folder as "."
    assert (report.articles, report.skipped) == (1, [])
    other = ingest_into(tmp_path / "elsewhere", ["."])  # another store's run names this one
    assert [p.message for p in other.skipped] == ["a kg store (Oxigraph/RocksDB files), not articles: skipped"]


def test_cli_names_every_hostile_input_and_goes_on(tmp_path: Path) -> None:
    """One run over all of them: no traceback, each named, the good article stored, exit 3."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("Kharkiv shelled\n\nBy Reuters\n\nShells hit Kharkiv on Monday.", encoding="utf-8")
    (inputs / "surrogate.jsonl").write_text('{"text": "bad \\ud83d text"}\n', encoding="utf-8")
    (inputs / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "Drones hit Odesa.".encode("utf-16-le"))
    (inputs / "big.md").write_text("# Big\n\n" + "Kyiv. " * 500, encoding="utf-8")
    (inputs / "script.py").write_text("print(1)\n", encoding="utf-8")
    os.mkfifo(inputs / "pipe.txt")
    odd = inputs / os.fsdecode(b"\xff\xfename.txt")
    try:
        odd.write_text("Troops left Kherson.", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        odd = None
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["--store", str(store), "ingest", "--max-size", "1KB", str(inputs), str(store)], catch_exceptions=False)
    out = result.output
    assert result.exit_code == 3, out
    assert "Traceback" not in out
    assert "surrogate.jsonl:1: 'text' holds a lone surrogate (U+D83D" in out
    assert "big.md: input larger than the limit" in out
    assert "pipe.txt: not a regular file (a named pipe (FIFO))" in out
    assert "script.py" not in out
    assert f"{store}: a kg store (Oxigraph/RocksDB files), not articles: skipped" in out
    if odd is not None:
        assert "\\xff\\xfename.txt" not in out  # read, so not named as a problem
    assert f"{3 if odd is not None else 2} articles," in out
    assert "4 inputs skipped" in out


# --------------------------------------------------------------------------- runs that made the tokenizer quadratic


def test_pipeline_text_keeps_length_and_words() -> None:
    text = "Kyiv " + "_" * 50 + " Kharkiv [[[[[[[[[[ ‹‹‹‹‹‹‹‹‹ " + "😀" * 20 + " http://x.org/" + "a" * 300 + " end."
    seen = pipeline_text(text)
    assert len(seen) == len(text)
    assert seen.split() == ["Kyiv", "Kharkiv", "end."]
    assert pipeline_text("U.S.-led talks -- Kyiv's ... \"quoted\"") == "U.S.-led talks -- Kyiv's ... \"quoted\""


@pytest.mark.parametrize("run", ["_", "[", "‹", "😀", "'"])
def test_long_runs_finish_fast_and_offsets_index_the_original(nlp, run: str) -> None:
    text = "Russian forces shelled Kharkiv. " + run * 100_000 + " Drones hit Odesa."
    article = Article(text=text, source="run.txt")
    started = time.perf_counter()
    ((_, mentions, _),) = list(recognise(nlp, [article]))
    assert time.perf_counter() - started < 20  # minutes before the bound
    assert {m.text for m in mentions} >= {"Kharkiv", "Odesa"}
    for m in mentions:
        assert text[m.start : m.end] == m.text
        if m.sentence is not None:
            assert m.sentence[0] <= m.start < m.end <= m.sentence[1]


# --------------------------------------------------------------------------- properties


_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
_ANY_TEXT = st.text(st.one_of(st.characters(), _SURROGATES), max_size=60)
_JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), _ANY_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_ANY_TEXT, inner, max_size=3)),
    max_leaves=8,
)
_RECORDS = st.dictionaries(st.sampled_from(["text", "title", "url", "date", "outlet", "author", "publisher", "x"]), _JSON_VALUES, max_size=6)
_PREFIXES = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, b"\x00"])


def _check_items(items) -> None:
    for item in items:
        assert isinstance(item, (Article, ReadProblem))
        str(item).encode("utf-8") if isinstance(item, ReadProblem) else None
        if isinstance(item, Article):
            for value in (item.text, item.title, item.url, item.outlet, item.author, item.source):
                if value is not None:
                    value.encode("utf-8")  # never a lone surrogate past the reader


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.one_of(_RECORDS.map(json.dumps), _ANY_TEXT), max_size=5))
def test_jsonl_reader_never_raises_and_returns_valid_unicode(lines: list[str]) -> None:
    _check_items(list(read_text("\n".join(lines), "p.jsonl", "jsonl")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=_PREFIXES, body=st.binary(max_size=200), text=_ANY_TEXT, codec=st.sampled_from(["utf-8", "utf-16", "utf-32", "latin-1"]),
       ext=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".json", ""]))  # fmt: skip
def test_file_reader_never_raises_on_any_bytes(tmp_path: Path, prefix: bytes, body: bytes, text: str, codec: str, ext: str) -> None:
    path = tmp_path / f"input{ext}"
    encoded = text.encode(codec, "surrogatepass") if codec != "latin-1" else text.encode(codec, "replace")
    path.write_bytes(prefix + encoded + body)
    _check_items(list(read_paths([path], options=ReadOptions(all_files=True))))
