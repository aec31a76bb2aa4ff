"""Case-insensitive patterns at case-sensitive speed: run them over folded text.

Python's ``re`` folds both sides of every character comparison under ``re.IGNORECASE``,
which makes the rule patterns kg runs over each sentence (long alternations of words,
tried at every position) 2-5 times slower than the same pattern without the flag. For
a pattern written in ASCII, ``re.IGNORECASE`` over a text matches exactly what the
pattern in lower case, without the flag, matches over :func:`fold_case` of that text,
at the same offsets:

- an ASCII letter of the pattern matches, under the flag, its two cases and the four
  letters Python's Unicode case rules add (``İ`` and ``ı`` for i, ``ſ`` for s, the
  Kelvin sign for k); :func:`fold_case` turns exactly those into the lower-case letter,
  and no other character into an ASCII letter;
- each character of the text stays one character (``"İ".lower()`` would be two, which
  is why it is replaced before lowering), so offsets are kept; and it keeps being a
  word character, a digit or a space or not (checked over every code point), so
  ``\\w``, ``\\d``, ``\\s`` and ``\\b`` mean what they did.

What a folded pattern matches is therefore only good for its offsets and for yes/no:
the text of its groups is the folded text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# The characters str.lower() does not take to the lower-case ASCII letter that
# re.IGNORECASE matches them with (Python's re._casefix, and İ, whose lower case is two).
_SPECIAL = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
# In a pattern: an escape or a group name, left as they are; a run of capitals, lowered
# (the other characters are left alone, as lowering them would leave them: see folded()).
_ESCAPE_NAME_OR_CAPITALS = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|[A-Z]+", re.S)


def fold_case(text: str) -> str:
    """``text`` in lower case, each character one character, for :func:`folded` patterns."""
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_SPECIAL)
    return text.lower()


def folded(pattern: re.Pattern[str] | LazyPattern) -> re.Pattern[str]:
    """The case-sensitive twin of an ``re.IGNORECASE`` pattern written in ASCII (bar case-less
    punctuation such as curly quotes and dashes), to run over :func:`fold_case` text."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or "(?-i" in source or re.search(r"\\[xuUN]", source):
        raise ValueError(f"not a pattern that ignores case throughout, without code escapes: {source[:60]!r}")
    odd = set() if source.isascii() else {c for c in source if not c.isascii() and (c.lower() != c or c.upper() != c)}
    if odd:
        raise ValueError(f"pattern has letters outside ASCII ({''.join(sorted(odd))}): {source[:60]!r}")
    # Only ASCII capitals change when lowered (other letters are refused above): each run
    # of them outside an escape or a group's name is lowered.
    lowered = _ESCAPE_NAME_OR_CAPITALS.sub(lambda m: m.group(0) if m.group(0)[0] in "\\(" else m.group(0).lower(), source)
    return re.compile(lowered, pattern.flags & ~re.IGNORECASE)


class LazyPattern:
    """An ``re.IGNORECASE`` pattern compiled on its first use, with the ``pattern`` and
    ``flags`` of a compiled one (all that :func:`folded` reads). Where a folded twin
    does the scanning, the original is only needed for a text the twin matched, and
    compiling under re.IGNORECASE costs several times what the twin costs (0.08 s for
    the longest of kg's figure patterns): a start-up pays only for those it uses."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled().search(string, *bounds)

    def match(self, string: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled().match(string, *bounds)

    def finditer(self, string: str, *bounds: int) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, *bounds)
