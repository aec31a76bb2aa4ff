"""Errors with messages a researcher can act on. The CLI turns them into exit codes."""

from __future__ import annotations


class KGError(Exception):
    """Base class for every error kg raises on purpose."""


class InputError(KGError):
    """An input file or line that cannot be read as an article."""

    def __init__(self, source: str, message: str, line: int | None = None):
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class ModelError(KGError):
    """The spaCy pipeline named by --model cannot be loaded."""


class StoreError(KGError):
    """The store cannot be opened or written."""


class QueryError(KGError):
    """A SPARQL query that cannot be parsed or run, or a missing parameter."""


class KnowledgeBaseError(KGError):
    """A knowledge-base file or entry that is malformed."""


class Interrupted(KGError):
    """A run stopped by Ctrl-C: the articles written so far are whole and stay."""

    def __init__(self, written: int):
        self.written = written
        noun = "article" if written == 1 else "articles"
        super().__init__(f"interrupted — {written} {noun} written; run again to finish")
