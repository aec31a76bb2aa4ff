"""The JSON Lines reader: one JSON object per line with a ``text`` field (or one JSON
document, an object or an array of them, over several lines)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kg.read.common import Item, _clean, _first, _names, _normalise
from kg.read.dates import parse_date
from kg.types import Article, ReadProblem


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
