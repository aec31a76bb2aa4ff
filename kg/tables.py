"""Plain-text tables for a terminal, cut to fit its width.

A SPARQL result often has one long column (a headline, a sentence, an IRI) that would
wrap every row of a table on an 80-column terminal into an unreadable staircase. Here
the widest columns give way first, each cell cut with an ellipsis, until a row fits;
no column narrows below its header (or a few characters). Used by ``kg query``'s table
and ``kg kb list``; the caller says how wide the terminal is (the core never asks).
"""

from __future__ import annotations

from collections.abc import Sequence

GAP = "  "
MIN_WIDTH = 6  # a column cut narrower than this says nothing


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, an ellipsis marking a cut."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def fit_widths(natural: list[int], floors: list[int], columns: int) -> list[int]:
    """Column widths that fit in ``columns`` (with the gaps), taking from the widest
    first; none goes below its floor, so a very narrow terminal may still overflow."""
    widths = list(natural)
    room = columns - len(GAP) * (len(widths) - 1)
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda k: (widths[k] - floors[k] > 0, widths[k]))
        if widths[i] <= floors[i]:
            break
        widths[i] -= 1
    return widths


def text_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric: Sequence[bool] | None = None,
    columns: int | None = None,
    cell_width: int = 60,
) -> list[str]:
    """The lines of a table: header, rule, rows. Cells longer than ``cell_width`` are
    cut; with ``columns`` (the terminal's width) the widest columns are cut further
    until a line fits. ``numeric`` columns are aligned right."""
    numeric = list(numeric) if numeric is not None else [False] * len(header)
    cells = [[cut(c, cell_width) for c in row] for row in rows]
    natural = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    widths = natural
    if columns is not None:
        floors = [min(n, max(len(h), MIN_WIDTH)) for n, h in zip(natural, header)]
        widths = fit_widths(natural, floors, columns)

    def line(row: Sequence[str]) -> str:
        parts = [cut(c, w) for c, w in zip(row, widths)]
        return GAP.join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(parts, widths, numeric)).rstrip()

    return [line(header), GAP.join("-" * w for w in widths), *(line(r) for r in cells)]
