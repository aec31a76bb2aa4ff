"""Checks a SPARQL text must pass before it reaches Oxigraph (`kg query`, `kg serve`).

Oxigraph's parser and evaluator recurse once per level of nesting and per link of an
operator chain; past a few thousand they overflow the stack, which kills the process
(a segfault in `kg query`, the whole server under `kg serve`). Measured on
Oxigraph 0.5.13: 3,000 nested braces or 10,000 chained ``!`` kill a server thread,
as do 10,000 ``UNION``, ``&&``, ``+``, ``BIND`` or triple patterns (20,000 tokens and
more); 2,000 braces and 5,000-link chains (10,000 tokens) pass. kg's own queries nest
at most 9 deep and hold a few hundred tokens, so the limits below leave a wide margin
both ways.

``SERVICE`` makes the engine fetch a URL the query names (and ``LOAD`` in an update):
from a server that is server-side request forgery, and from `kg query` it is network
access nobody asked kg for. Both are refused unless federation is allowed.
"""

from __future__ import annotations

import re

from kg.errors import QueryError

MAX_CHARS = 1_000_000  # keeps the check itself fast
MAX_TOKENS = 10_000
MAX_DEPTH = 100  # brackets ({ ( [) plus a run of operators in a row (! ! ! -1)

_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                   |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<open>[{(\[])
      | (?P<close>[})\]])
      | (?P<var>[?$]\w+)
      | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
      | (?P<word>[A-Za-z_:][\w\-.:%]*)
      | (?P<op>&&|\|\||!=|<=|>=|\^\^|[!^+\-*/|=<>])
      | (?P<other>.)""",
    re.X | re.S,
)

FEDERATION_WORDS = ("SERVICE", "LOAD")


def check(text: str, what: str = "the query", allow_federation: bool = False) -> None:
    """Raise QueryError naming the problem when ``text`` is too big, nests too deep,
    or (unless ``allow_federation``) names a remote service to fetch."""
    if len(text) > MAX_CHARS:
        raise QueryError(f"{what} is {len(text):,} characters long; kg accepts at most {MAX_CHARS:,}")
    tokens = depth = deepest = run = 0
    federation: str | None = None
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("space", "comment"):
            continue
        tokens += 1
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(depth - 1, 0)
        run = run + 1 if kind == "op" else 0
        deepest = max(deepest, depth + run)
        if kind == "word" and federation is None and m.group().upper() in FEDERATION_WORDS:
            federation = m.group().upper()
    if deepest > MAX_DEPTH:
        raise QueryError(f"{what} nests {deepest:,} levels deep (brackets, or operators in a row); kg accepts at most "
                         f"{MAX_DEPTH} (deeper queries crash Oxigraph's parser)")
    if tokens > MAX_TOKENS:
        raise QueryError(f"{what} has {tokens:,} tokens; kg accepts at most {MAX_TOKENS:,} "
                         "(longer chains crash Oxigraph's parser)")
    if federation and not allow_federation:
        raise QueryError(f"{what} uses {federation}, which would fetch a remote URL; refused "
                         "(pass --allow-federation to permit it)")
