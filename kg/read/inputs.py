"""Where articles come from: files, folders and standard input, read safely.

What a folder or a command line hands kg is not always a news article: a named
pipe or ``/dev/zero`` that never ends, a file of gigabytes, a store's own RocksDB
files, code and data files beside the articles, file names in another system's
encoding, UTF-16 text. Each is refused or read here with a :class:`ReadProblem`
that names it, before any byte of it reaches a reader, and the run goes on.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from kg.read.common import Item
from kg.read.formats import ARTICLE_EXTENSIONS, BINARY_PROBE, format_for, read_text
from kg.types import ReadProblem

STDIN_SOURCE = "<stdin>"
DEFAULT_MAX_BYTES = 20_000_000  # far above any news article, far below the machine's memory
STORE_SKIPPED = "a kg store (Oxigraph/RocksDB files), not articles: skipped"

# Files a folder of articles often holds beside them; read only when named directly.
NOT_ARTICLES = re.compile(r"^(readme|license|licence|changelog|sources|notes)(\.[a-z]+)?$", re.I)

# Byte order marks, longest first (UTF-32 LE's begins with UTF-16 LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

_SIZE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kmg]?)i?b?\s*", re.I)
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


@dataclass(frozen=True)
class ReadOptions:
    """What a run reads.

    ``max_bytes`` bounds each input, so one huge or endless input cannot take the
    machine's memory. A folder's files are read only when their extension is an
    article's (``.txt .md .html .htm .jsonl .json`` and their kin), so code, data
    and a store's own files beside the articles are left alone; ``all_files``
    reads every file and sniffs its format. A file named on its own is always read.
    Any other kg store met in a folder is named and skipped; ``own_stores`` (resolved
    paths) are skipped silently.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    all_files: bool = False
    # Folders passed over without a word: the store being written (`kg ingest .` beside it).
    own_stores: frozenset[Path] = frozenset()


def parse_size(text: str) -> int:
    """Bytes from "20MB", "500 kB", "1.5G" or "20000000"; ValueError when it is no size."""
    m = _SIZE.fullmatch(text)
    if m is None:
        raise ValueError(f"{text!r} is not a size (examples: 20MB, 500KB, 1GB)")
    size = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if size < 1:
        raise ValueError(f"{text!r} is not a size of at least one byte")
    return size


def display_name(path: str | Path) -> str:
    """A path as text that can always be printed and stored: bytes of a file name that
    are not UTF-8 (a name from another system) shown as ``\\xNN`` escapes."""
    try:
        raw = os.fsencode(path)
    except (TypeError, UnicodeError):
        return repr(path)
    return raw.decode("utf-8", "backslashreplace")


def _size_text(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


def _too_big(size: int | None, options: ReadOptions) -> str:
    what = f"{_size_text(size)}, " if size is not None else ""
    return f"input larger than the limit ({what}limit {_size_text(options.max_bytes)}); raise it with --max-size"


def read_paths(paths: Iterable[str | Path], stdin: TextIO | None = None, options: ReadOptions | None = None) -> Iterator[Item]:
    """Read every article named by ``paths``, in order.

    A path may be a file, a folder (read recursively in sorted order, skipping
    hidden entries, files that are not articles, and kg stores) or "-" for
    ``stdin`` (``sys.stdin`` when not given), whose format is sniffed from its
    content. Inputs that cannot be read yield a :class:`ReadProblem` and reading
    goes on.
    """
    options = options or ReadOptions()
    for p in paths:
        if str(p) == "-":
            yield from _read_stream(stdin if stdin is not None else sys.stdin, options)
            continue
        path = Path(p)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except (OSError, ValueError) as e:  # a name with a NUL byte, a name too long
            yield ReadProblem(display_name(p), f"cannot read: {getattr(e, 'strerror', None) or e}")
            continue
        if is_dir:
            walk = _Walk(options)
            if is_kg_store(path):  # named even when it is the run's own store: it was asked for
                yield ReadProblem(display_name(path), STORE_SKIPPED)
                continue
            yield from _read_folder(path, walk)
            if not walk.articles and walk.passed_over:
                yield ReadProblem(display_name(path), walk.nothing_read())
        elif exists:
            yield from read_file(path, options)
        else:
            yield ReadProblem(display_name(p), "no such file or folder")


def read_file(path: str | Path, options: ReadOptions | None = None) -> Iterator[Item]:
    """Read one file; its extension names the format, else its content does.

    Only a regular file is opened for reading (a pipe or a device could block or
    never end), and no more than ``options.max_bytes`` of it is read.
    """
    options = options or ReadOptions()
    path = Path(path)
    source = display_name(path)
    data = _file_bytes(path, source, options)
    if isinstance(data, ReadProblem):
        yield data
        return
    decoded = _decode(data, source)
    if isinstance(decoded, ReadProblem):
        yield decoded
        return
    yield from read_text(decoded, source, format_for(path))


def _file_kind(mode: int) -> str | None:
    """What a file is when it is not a regular file ("a named pipe (FIFO)", ...), else None."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")


def _file_bytes(path: Path, source: str, options: ReadOptions) -> bytes | ReadProblem:
    """The bytes of a regular file within the size limit, or the problem."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            return ReadProblem(source, "cannot read: a folder, not a file")
        kind = _file_kind(mode)
        if kind is not None:
            return ReadProblem(source, f"not a regular file ({kind}); kg reads only files and folders")
        # O_NONBLOCK: should the name have become a pipe since the stat, opening it still returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            kind = _file_kind(info.st_mode)
            if kind is not None:
                return ReadProblem(source, f"not a regular file ({kind}); kg reads only files and folders")
            if info.st_size > options.max_bytes:
                return ReadProblem(source, _too_big(info.st_size, options))
            data = f.read(options.max_bytes + 1)
    except OSError as e:
        return ReadProblem(source, f"cannot read: {e.strerror or e}")
    except ValueError as e:  # a NUL byte in the name
        return ReadProblem(source, f"cannot read: {e}")
    if len(data) > options.max_bytes:  # the file grew while it was read
        return ReadProblem(source, _too_big(None, options))
    return data


def _read_stream(stream: TextIO, options: ReadOptions) -> Iterator[Item]:
    """Read stdin (or any text stream) as one input of sniffed format, within the size limit.

    The bytes beneath a text stream are read when there are any, so that the
    input's own encoding (a byte order mark) counts rather than the locale's.
    """
    raw: BinaryIO | None = getattr(stream, "buffer", None)
    try:
        data = raw.read(options.max_bytes + 1) if raw is not None else stream.read(options.max_bytes + 1)
    except UnicodeDecodeError as e:
        yield ReadProblem(STDIN_SOURCE, _utf8_message(e))
        return
    except OSError as e:
        yield ReadProblem(STDIN_SOURCE, f"cannot read: {e.strerror or e}")
        return
    if len(data) > options.max_bytes:
        yield ReadProblem(STDIN_SOURCE, _too_big(None, options))
        return
    if isinstance(data, bytes):
        decoded = _decode(data, STDIN_SOURCE)
        if isinstance(decoded, ReadProblem):
            yield decoded
            return
        data = decoded
    yield from read_text(data, STDIN_SOURCE)


@dataclass
class _Walk:
    """One folder walk: the options, folders already seen (link loops), what was read."""

    options: ReadOptions
    seen: set[Path] = field(default_factory=set)
    articles: int = 0  # files taken as articles
    passed_over: dict[str, int] = field(default_factory=dict)  # extension -> files left alone

    def nothing_read(self) -> str:
        kinds = ", ".join(f"{n} {ext or 'without extension'}" for ext, n in sorted(self.passed_over.items()))
        wanted = " ".join(ARTICLE_EXTENSIONS[:6])
        return f"no article files ({wanted} ...) in this folder; passed over {kinds} (--all-files reads them)"


def is_kg_store(folder: Path) -> bool:
    """Whether a folder is a kg (Oxigraph / RocksDB) store rather than one of articles."""
    try:
        if (folder / "kg-generation").is_file():
            return True
        if not (folder / "CURRENT").is_file():
            return False
        return any(e.name.startswith(("OPTIONS-", "MANIFEST-")) or e.suffix == ".sst" for e in folder.iterdir())
    except OSError:
        return False


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def _read_folder(folder: Path, walk: _Walk) -> Iterator[Item]:
    """Read a folder recursively, entries sorted by name; hidden ones, README/LICENSE-style
    files, files that are not articles and kg stores are passed over."""
    for entry in _folder_files(folder, walk):
        if isinstance(entry, ReadProblem):
            yield entry
        else:
            yield from read_file(entry, walk.options)


def _folder_files(folder: Path, walk: _Walk) -> Iterator[Path | ReadProblem]:
    """The files of a folder that are read as articles (see _read_folder), or the problems met."""
    if is_kg_store(folder):
        if _resolved(folder) in walk.options.own_stores:
            return
        yield ReadProblem(display_name(folder), STORE_SKIPPED)
        return
    try:
        real = folder.resolve()
        if real in walk.seen:  # a symbolic link loop
            return
        walk.seen.add(real)
        entries = sorted(e for e in folder.iterdir() if not e.name.startswith(".") and not NOT_ARTICLES.match(e.name))
    except (OSError, RuntimeError) as e:
        yield ReadProblem(display_name(folder), f"cannot read folder: {getattr(e, 'strerror', None) or e}")
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError as e:
            yield ReadProblem(display_name(entry), f"cannot read: {e.strerror or e}")
            continue
        if is_dir:
            yield from _folder_files(entry, walk)
            continue
        if not walk.options.all_files and format_for(entry) is None:
            ext = entry.suffix.lower()
            walk.passed_over[ext] = walk.passed_over.get(ext, 0) + 1
            continue
        walk.articles += 1
        yield entry


def count_items(paths: Iterable[str | Path], options: ReadOptions | None = None) -> int | None:
    """About how many items (articles and problems) :func:`read_paths` will yield, for a
    progress line's total; None when it cannot be known ahead (standard input).

    Files are only listed, not read, except JSON Lines files, whose non-blank lines are
    counted (one article each); a file of another format counts as one article."""
    options = options or ReadOptions()
    total = 0
    for p in paths:
        if str(p) == "-":
            return None
        path = Path(p)
        try:
            if not path.is_dir():
                total += _count_file(path, options)
                continue
        except (OSError, ValueError):
            total += 1
            continue
        if is_kg_store(path):
            total += 1
            continue
        walk = _Walk(options)
        for entry in _folder_files(path, walk):
            total += 1 if isinstance(entry, ReadProblem) else _count_file(entry, options)
        total += bool(not walk.articles and walk.passed_over)
    return total


def _count_file(path: Path, options: ReadOptions) -> int:
    if format_for(path) != "jsonl":
        return 1
    try:
        if not path.is_file() or path.stat().st_size > options.max_bytes:
            return 1
        with open(path, "rb") as f:
            return max(1, sum(1 for line in f if line.strip()))
    except (OSError, ValueError):
        return 1


def _decode(data: bytes, source: str) -> str | ReadProblem:
    """Bytes to text, or the problem that stops it (binary, not UTF-8).

    UTF-8 is the rule; text that opens with a byte order mark is decoded as the
    mark says (UTF-8, UTF-16 or UTF-32, as Windows tools write it).
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                return ReadProblem(source, f"not {name} text, though it opens with a {name} byte order mark ({e.reason} at byte {e.start})")
            return ReadProblem(source, "binary file, not text") if "\x00" in text[:BINARY_PROBE] else text
    if b"\x00" in data[:BINARY_PROBE]:
        return ReadProblem(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ReadProblem(source, _utf8_message(e))


def _utf8_message(e: UnicodeDecodeError) -> str:
    byte = e.object[e.start] if e.start < len(e.object) else 0
    return f"not UTF-8 text (invalid byte 0x{byte:02x} at offset {e.start})"
