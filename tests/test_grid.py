"""The comparison grid: column sharing, wrapping by display width, borders that line up."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from drugcompare.render.grid import column_widths, draw, wrap


def test_columns_that_fit_keep_their_natural_width():
    assert column_widths([10, 20], 100) == [10, 20]


def test_long_columns_share_what_is_left_and_never_squeeze_a_short_one():
    widths = column_widths([8, 200, 300], 100)
    assert widths[0] == 8
    assert sum(widths) == 100
    assert abs(widths[1] - widths[2]) <= 1


def test_widths_never_fall_below_the_minimum():
    assert min(column_widths([50, 50, 50], 2)) >= 1


def _draw(cells_by_row, widths, ascii_only=False, width=200):
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False, markup=False)
    header = [Text("")] + [Text(f"Drug {i}") for i in range(1, len(widths))]
    rows = [[Text(c) for c in row] for row in cells_by_row]
    console.print(draw(header, rows, widths, ascii_only=ascii_only), soft_wrap=True)
    return console.file.getvalue().splitlines()


@pytest.mark.parametrize("ascii_only", [False, True])
def test_every_line_has_the_same_display_width(ascii_only):
    text = ("Opioid analgesic with a very long description that must wrap over several lines "
            "and a Wörd with accents, 中文字符 wide characters, and a "
            "wordthatismuchlongerthanthecolumnandmustbefolded")
    lines = _draw([["Label", text, "short"], ["Another label here", "x", text]], [10, 20, 15], ascii_only)
    widths = {cell_len(line) for line in lines}
    assert widths == {10 + 20 + 15 + 3 * 2 + 4}
    if ascii_only:
        assert all(ord(ch) < 128 for line in lines for ch in line if not ("一" <= ch <= "鿿") and ch != "ö")


def test_no_word_is_lost_and_data_is_never_markup():
    cell = "[bold]not markup[/bold] alpha beta gamma delta epsilon zeta eta theta"
    lines = _draw([["Label", cell]], [10, 12])
    body = " ".join(line.strip("│┃ ").replace("│", " ") for line in lines[3:-1])
    for word in cell.split():
        assert word in body or word in "".join(body.split()), word
    assert "[bold]" in "".join(body.split())


def test_wrap_breaks_at_spaces_and_newlines_and_folds_long_words():
    text = "alpha beta gamma\nabcdefghijklmnop"
    lines = [text[s:e] for s, e in wrap(text, 10)]
    assert lines == ["alpha beta", "gamma", "abcdefghij", "klmnop"]
    wide = "中文字符中文"
    assert [wide[s:e] for s, e in wrap(wide, 4)] == ["中文", "字符", "中文"]
    assert wrap("", 5) == [(0, 0)]


def test_styles_follow_the_text_they_belong_to():
    console = Console(file=io.StringIO(), width=80, color_system="truecolor", force_terminal=True,
                      highlight=False, markup=False)
    cell = Text("plain ") + Text("RED", style="red")
    grid = draw([Text(""), Text("H", style="bold")], [[Text("L", style="bold"), cell]], [5, 12], False)
    styled = {grid.plain[s.start:s.end]: str(s.style) for s in grid.spans}
    assert styled == {"H": "bold", "L": "bold", "RED": "red"}
    console.print(grid, soft_wrap=True)
    assert "\x1b[" in console.file.getvalue()
