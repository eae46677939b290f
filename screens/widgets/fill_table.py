"""A DataTable whose one `fill` column takes the width the other columns
leave, so a long title or note never pushes columns off screen.

With `wrap=True` a long cell wraps onto as many lines as it needs and the rows
are laid out again when the width changes; past WRAP_LIMIT rows new rows stay
one line high, because measuring a wrapped row costs about half a millisecond.

Row heights are measured here, when a row is added, rather than left to the
DataTable's "auto" height: an auto-height row is measured later, when the
table is idle, and a row removed and added again before that (a note that
finished saving while the next was typed) could stay zero lines high, in the
table but never drawn. The crash-safety soak found it under load.

Measuring is the costly part of adding a wrapped row, so it is skipped until
the table knows its width (the first resize lays every row out anyway), and
heights are remembered by text and width: the notes tables read their window
again as the cursor moves, mostly the same notes at the same width.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.widgets import DataTable

#: (label, key, width); the one column with width None fills the rest.
Columns = Sequence[tuple[str, str, int | None]]


class FillTable(DataTable):
    WRAP_LIMIT = 300

    def __init__(self, columns: Columns, *, wrap: bool = False, zebra_stripes: bool = True,
                 id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=zebra_stripes, id=id)
        self.column_spec = list(columns)
        self.fill_key = next(key for _, key, width in columns if width is None)
        self.wrap = wrap
        #: Has the table had its first size? Until then a wrapped row is not measured (see the docstring).
        self._sized = False
        self._heights: dict[tuple, int] = {}

    def on_mount(self) -> None:
        for label, key, width in self.column_spec:
            self.add_column(label, width=width or self._fill_width(), key=key)

    def _fill_width(self) -> int:
        used = sum((width or 0) + 2 * self.cell_padding for _, _, width in self.column_spec)
        return max(20, self.scrollable_content_region.width - used)

    def on_resize(self, event: events.Resize) -> None:
        column = self.columns.get(self.fill_key)  # type: ignore[call-overload]  # ColumnKey equals its str
        width = self._fill_width()
        first, self._sized = not self._sized, True
        if column is not None and (column.width != width or (first and self.wrap)):
            column.width = width
            self.relayout()

    def relayout(self) -> None:
        """Add every row again, so that wrapped rows are measured for the current width."""
        rows = [(row.key.value, self.get_row(row.key)) for row in self.ordered_rows]
        cursor = self.cursor_row
        self.clear()
        for key, cells in rows:
            self.add_fitted_row(cells, key)
        if rows:
            self.move_cursor(row=min(cursor, len(rows) - 1), animate=False)

    def add_fitted_row(self, cells: Sequence, key: str) -> None:
        wrapped = self.wrap and self._sized and self.row_count < self.WRAP_LIMIT
        self.add_row(*cells, key=key, height=self._height(cells) if wrapped else 1)

    def _height(self, cells: Sequence) -> int:
        """How many lines the row needs: its tallest cell, wrapped at its column's width."""
        texts = [cell if isinstance(cell, Text) else Text(str(cell)) for cell in cells]
        widths = [getattr(self.columns.get(key), "width", 0)  # type: ignore[call-overload]  # ColumnKey equals its str
                  for _, key, _ in self.column_spec]
        remembered = (tuple(text.plain for text in texts), tuple(widths))
        if remembered in self._heights:
            return self._heights[remembered]
        console = self.app.console
        tallest = 1
        for text, width in zip(texts, widths, strict=True):
            if width > 0:
                tallest = max(tallest, len(text.wrap(console, width)))
        if len(self._heights) > 4 * self.WRAP_LIMIT:
            self._heights.clear()
        self._heights[remembered] = tallest
        return tallest

    def replace_row(self, key: str, cells: Sequence) -> None:
        """New cells for a row. The last row is added again, so that a wrapped row is measured anew."""
        if self.wrap and self.get_row_index(key) == self.row_count - 1:
            at_cursor = self.cursor_row == self.row_count - 1
            self.remove_row(key)
            self.add_fitted_row(cells, key)
            if at_cursor:
                self.move_cursor(row=self.row_count - 1, animate=False)
            return
        for (_, column, _), value in zip(self.column_spec, cells, strict=True):
            self.update_cell(key, column, value)

    @property
    def cursor_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
