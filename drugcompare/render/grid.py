"""A bordered grid of wrapped text cells, drawn line by line: the comparison table.

Rich's ``Table`` lays out any renderable in any cell; for a two-drug comparison that cost
15-20 ms on the reference machine, the largest part of the table path (issue 5). The
comparison needs one layout only (a label column and one column per drug, every cell a
styled ``Text``), so this module draws it directly: each cell's plain text is wrapped by
display width (wide characters count two, over-long words are folded), the box characters
are Rich's ``HEAVY_HEAD`` (``ASCII`` when the terminal cannot show them), and the result is
a single ``Text`` whose style spans are carried over from the cells. Printing stays Rich's
job, so colour follows the Console (off in a pipe, with NO_COLOR or TERM=dumb).
"""

from __future__ import annotations

import re
from typing import Any

HEAVY_HEAD = "┏━┳┓┃ ┃┃┡━╇┩│ ││├─┼┤├─┼┤│ ││└─┴┘"  # rich.box.HEAVY_HEAD, row by row
ASCII = "+--+| |||-+|| |||-+||-+|| ||+--+"  # rich.box.ASCII
_WORD = re.compile(r"\S+")


def column_widths(natural: list[int], available: int, minimum: int = 1) -> list[int]:
    """Share ``available`` cells between columns that would like ``natural`` widths.

    Columns that fit keep their natural width; the rest share what is left equally, so a
    long column never squeezes a short one (the way Rich shrinks wrapping columns).
    """
    widths = [0] * len(natural)
    pending = sorted(range(len(natural)), key=lambda i: natural[i])
    left = available
    while pending:
        share = max(minimum, left // len(pending))
        i = pending[0]
        if natural[i] <= share:
            widths[i] = max(minimum, natural[i])
            left -= widths[i]
            pending.pop(0)
            continue
        # Every remaining column wants more than an equal share: split what is left.
        for n, j in enumerate(sorted(pending)):
            widths[j] = max(minimum, left // len(pending) + (1 if n < left % len(pending) else 0))
        break
    return widths


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """The lines of ``text`` wrapped to ``width`` display cells, as (start, end) offsets.

    Lines break at spaces and at newlines; a word wider than the line is folded.
    """
    from rich.cells import cell_len, get_character_cell_size

    lines: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        line: list[int] | None = None  # [start, end] of the line being filled
        for match in _WORD.finditer(paragraph):
            ws, we = start + match.start(), start + match.end()
            if line is not None and cell_len(text[line[0]:we]) <= width:
                line[1] = we
                continue
            if line is not None:
                lines.append((line[0], line[1]))
            if cell_len(text[ws:we]) <= width:
                line = [ws, we]
                continue
            # Fold a word wider than the line, character by character.
            piece, used = ws, 0
            for k in range(ws, we):
                size = get_character_cell_size(text[k])
                if used + size > width and k > piece:
                    lines.append((piece, k))
                    piece, used = k, 0
                used += size
            line = [piece, we]
        lines.append((line[0], line[1]) if line is not None else (start, start))
        start += len(paragraph) + 1
    return lines


def draw(header: list[Any], rows: list[list[Any]], widths: list[int], ascii_only: bool) -> Any:
    """The grid as one rich Text: ``header`` and each row are lists of rich Text cells."""
    from rich.cells import cell_len
    from rich.text import Span, Text

    box = ASCII if ascii_only else HEAVY_HEAD
    (top_l, top, top_x, top_r, head_l, _, head_v, head_r, sep_l, sep, sep_x, sep_r,
     mid_l, _, mid_v, mid_r, row_l, row, row_x, row_r) = box[:20]
    bot_l, bot, bot_x, bot_r = box[28:32]
    pieces: list[str] = []
    spans: list[Any] = []
    length = 0

    def put(s: str) -> None:
        nonlocal length
        pieces.append(s)
        length += len(s)

    def rule(left: str, fill: str, cross: str, right: str) -> None:
        put(left + cross.join(fill * (w + 2) for w in widths) + right)

    def cells(row_cells: list[Any], left: str, inner: str, right: str) -> None:
        plains = [cell.plain for cell in row_cells]
        wrapped = [wrap(plain, w) for plain, w in zip(plains, widths)]
        for n in range(max(len(lines) for lines in wrapped)):
            put("\n" + left)
            for i, (cell, plain, lines, w) in enumerate(zip(row_cells, plains, wrapped, widths)):
                s, e = lines[n] if n < len(lines) else (0, 0)
                put(" ")
                o = length
                put(plain[s:e])
                if cell.style and e > s:
                    spans.append(Span(o, o + e - s, cell.style))
                for span in cell.spans:
                    a, b = max(span.start, s), min(span.end, e)
                    if a < b:
                        spans.append(Span(o + a - s, o + b - s, span.style))
                put(" " * (w - cell_len(plain[s:e]) + 1) + (inner if i < len(widths) - 1 else right))

    rule(top_l, top, top_x, top_r)
    cells(header, head_l, head_v, head_r)
    put("\n")
    rule(sep_l, sep, sep_x, sep_r)
    for i, row_cells in enumerate(rows):
        if i:
            put("\n")
            rule(row_l, row, row_x, row_r)
        cells(row_cells, mid_l, mid_v, mid_r)
    put("\n")
    rule(bot_l, bot, bot_x, bot_r)
    return Text("".join(pieces), spans=spans, end="")
