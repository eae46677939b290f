"""A Static that lays the screen out again only when its own size changes.

Textual's `Static.update` asks for a new layout of the whole screen at every
update, in case the new text needs another line. The capture screen updates
several of these every second (the item's clock, the schedule, the speaker's
time) and one at nearly every key (the hint under the capture line); each
layout of that screen (the notes table among it) cost about a frame's work,
and keys and Enters waited behind it. Here the text is replaced and repainted,
and the screen is laid out again only when the widget's height changes, or
always when its width follows its content.
"""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


class SteadyStatic(Static):
    def update(self, content: VisualType = "", *, layout: bool | None = None) -> None:
        """As Static.update; `layout` None (the default) works out whether a new layout is needed."""
        width = self.content_region.width
        styles = self.styles
        if layout is not None or not width or (styles.width is not None and styles.width.is_auto):
            super().update(content, layout=True if layout is None else layout)
            return
        if styles.height is not None and not styles.height.is_auto:  # a fixed height: the text cannot move it
            super().update(content, layout=False)
            return
        before = self.content_region.height
        super().update(content, layout=False)
        after = self.get_content_height(self.size, self.screen.size, width)
        if styles.max_height is not None and styles.max_height.is_cells:
            after = min(after, int(styles.max_height.value))
        if styles.min_height is not None and styles.min_height.is_cells:
            after = max(after, int(styles.min_height.value))
        if after != before:
            self.refresh(layout=True)
