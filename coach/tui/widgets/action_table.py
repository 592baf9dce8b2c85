"""The dashboard's actions: Textual's DataTable with a row cursor, drawn by one small widget.

A DataTable costs the dashboard's first frame about a tenth of the whole start-up (its import,
its dozen style nodes, its caches and a render through Rich's Padding for every cell). The
actions need little of it: two columns of text, rows one line high, a header and a cursor.
This table draws each line as DataTable draws it, with DataTable's styles and keys:

| line       | cells                                                    | style (as DataTable's)   |
|------------|----------------------------------------------------------|--------------------------|
| 0 (fixed)  | `" " + label + " "` per column, padded to its width      | action-table--header     |
| 1, 2, ...  | the row's cells, the same way; a cut cell ends in "…"    | the table's own          |
| the cursor | the same, across the whole width                         | action-table--cursor     |
| hovered    | the same, across the whole width                         | action-table--hover      |

Column widths: the first is `first_width`; the second fits the widest cell, up to the room
the table leaves at its width (4 cells of padding and 2 for a scrollbar), so the table never
scrolls sideways. Up, down, page up/down, home and end move the cursor; a click puts it on
the row clicked. Every move posts `RowHighlighted`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

PADDING = 1
"""Cells of padding on each side of a cell, as DataTable's cell_padding."""
SPARE = 2
"""Cells the widest column leaves free, for a vertical scrollbar."""
MIN_ROOM = 12


class ActionTable(ScrollView, can_focus=True):
    """Rows of two text cells under a header, with a row cursor."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "action-table--header",
        "action-table--cursor",
        "action-table--hover",
    }
    DEFAULT_CSS = """
    ActionTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .action-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .action-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .action-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .action-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .action-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .action-table--hover {
            background: $block-hover-background;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "Top", show=False),
        Binding("end,ctrl+end", "last", "Bottom", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, init=False)
    """The row under the cursor (0 is the first row under the header)."""

    class RowHighlighted(Message):
        """The cursor moved to a row (or the rows changed under it)."""

        def __init__(self, table: ActionTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> ActionTable:
            return self.table

    def __init__(self, *, first_width: int, id: str | None = None) -> None:
        super().__init__(id=id)
        self.first_width = first_width
        self._headers: tuple[str, str] = ("", "")
        self._rows: list[tuple[str, str]] = []
        self._hover_row: int | None = None

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def show_rows(self, headers: tuple[str, str], rows: Sequence[tuple[str, str]]) -> None:
        """Show `rows` under `headers`; the cursor stays on its row, or the last one."""
        self._headers = headers
        self._rows = list(rows)
        self._hover_row = None
        self._size_to_rows()
        self.refresh()
        self.cursor_row = self.validate_cursor_row(self.cursor_row)

    # --- layout -------------------------------------------------------------------------------

    def _widths(self) -> tuple[int, int]:
        # Before the first layout, the screen's width less the page's padding; the first
        # resize sets the same, so that the table is not laid out twice.
        width = self.outer_size.width or self.screen.size.width - 2
        room = max(MIN_ROOM, width - self.first_width - 4 * PADDING - SPARE)
        widest = max((cell_len(second) for _, second in self._rows), default=0)
        return self.first_width, min(room, max(widest, cell_len(self._headers[1])))

    def _size_to_rows(self) -> None:
        first, second = self._widths()
        self.virtual_size = Size(first + second + 4 * PADDING, len(self._rows) + 1)

    def on_resize(self) -> None:
        self._size_to_rows()

    # --- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            style = self.get_component_rich_style("action-table--header")
            return self._line(self._headers, style, style, width)
        row = y - 1 + int(self.scroll_y)
        if row >= len(self._rows):
            return Strip.blank(width, base)
        if row == self.cursor_row:
            highlight = self.get_component_rich_style("action-table--cursor")
        elif row == self._hover_row:
            highlight = self.get_component_rich_style("action-table--hover")
        else:
            return self._line(self._rows[row], base, base, width)
        # As DataTable: the cursor's colour wins over the cell's, its background fills the row.
        return self._line(self._rows[row], base + highlight, base + highlight, width)

    def _line(self, cells: tuple[str, str], style: Style, rest: Style, width: int) -> Strip:
        pad = " " * PADDING
        segments = [
            Segment(pad + _fit(text, cell_width) + pad, style)
            for text, cell_width in zip(cells, self._widths(), strict=True)
        ]
        used = sum(cell_width + 2 * PADDING for cell_width in self._widths())
        segments.append(Segment(" " * max(0, width - used), rest))
        return Strip(segments).crop(0, width).simplify()

    # --- cursor -------------------------------------------------------------------------------

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._rows) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh_line(old + 1)
        self.refresh_line(new + 1)
        self._scroll_to_cursor()
        if self._rows:
            self.post_message(self.RowHighlighted(self, new))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, force=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, force=True)

    def _move(self, row: int) -> None:
        self._hover(None)  # keys hide the mouse's highlight, as in DataTable
        self.cursor_row = self.validate_cursor_row(row)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor_row + 1)

    def action_page_up(self) -> None:
        # As DataTable: the view moves a page, and the cursor with it.
        self.scroll_relative(y=-self._page(), animate=False, force=True)
        self._move(self.cursor_row - self._page())

    def action_page_down(self) -> None:
        self.scroll_relative(y=self._page(), animate=False, force=True)
        self._move(self.cursor_row + self._page())

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._rows) - 1)

    # --- mouse --------------------------------------------------------------------------------

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return None
        row = offset.y - 1 + int(self.scroll_y)
        return row if row < len(self._rows) else None

    def on_click(self, event: events.Click) -> None:
        row = self._row_at(event)
        if row is not None:
            event.stop()
            self.cursor_row = row

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._row_at(event))

    def on_leave(self) -> None:
        self._hover(None)

    def _hover(self, row: int | None) -> None:
        if row != self._hover_row:
            self._hover_row = row
            self.refresh()


def _fit(text: str, width: int) -> str:
    """`text` in `width` cells: padded, or cut to end in "…" (as Rich's ellipsis overflow)."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)
