"""The read stage: turn files, folders and stdin into :class:`Article` records.

One module per input format, and one for where inputs come from:

* :mod:`kg.read.inputs` -- files, folders and stdin: special files, size limits,
  file types, kg stores, file names and encodings (``read_paths``, ``read_file``);
* :mod:`kg.read.formats` -- which reader reads a text (``read_text``, ``sniff_format``);
* :mod:`kg.read.plain` -- the seed layout (title, ``By OUTLET``, a date line,
  paragraphs and a closing ``Original url:`` block) or plain text with no metadata;
* :mod:`kg.read.markdown` -- optional front matter, ``# Title``, a ``By`` line, the body
  parsed by markdown-it-py;
* :mod:`kg.read.html` -- a news page: its main text by trafilatura, its metadata
  (:mod:`kg.read.html_meta`) from ``<meta>``, JSON-LD and ``<link>``, then trafilatura
  and htmldate; :mod:`kg.read.html_blocks`, the paragraphs of ``<article>`` /
  ``<main>`` / ``<body>``, when trafilatura finds no main text;
* :mod:`kg.read.jsonl` -- one JSON object per line with a ``text`` field;
* :mod:`kg.read.dates` and :mod:`kg.read.common` -- dates, and the text assembly
  every reader shares.

Nothing here raises on bad input: an input that cannot be read becomes a
:class:`ReadProblem` and reading goes on with the next one.
"""

from kg.read.dates import parse_date
from kg.read.formats import ARTICLE_EXTENSIONS, FORMATS, format_for, read_text, sniff_format, unencodable
from kg.read.inputs import (
    DEFAULT_MAX_BYTES,
    STDIN_SOURCE,
    ReadOptions,
    count_items,
    display_name,
    is_kg_store,
    parse_size,
    read_file,
    read_paths,
)

__all__ = [
    "ARTICLE_EXTENSIONS",
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "STDIN_SOURCE",
    "ReadOptions",
    "count_items",
    "display_name",
    "format_for",
    "is_kg_store",
    "parse_date",
    "parse_size",
    "read_file",
    "read_paths",
    "read_text",
    "sniff_format",
    "unencodable",
]
