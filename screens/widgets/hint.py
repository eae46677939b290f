"""The hint under the capture line: how the line being typed will be read, or
why the last one was not saved.

It changes at nearly every key. Textual's `Static.update` lays the whole
screen out again each time, in case the text needs another line; the
capture screen's layout (the notes table among it) is not free, and that
made each key and each Enter cost a frame's worth of work. The hint lays the
screen out again only when its height changes.
"""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


class Hint(Static):
    def show(self, content: VisualType = "") -> None:
        width = self.content_region.width
        if not width:  # not laid out yet: the first layout measures it anyway
            self.update(content)
            return
        before = self.content_region.height
        self.update(content, layout=False)
        after = self.get_content_height(self.size, self.screen.size, width)
        limit = self.styles.max_height
        if limit is not None and limit.is_cells:
            after = min(after, int(limit.value))
        if after != before:
            self.refresh(layout=True)
