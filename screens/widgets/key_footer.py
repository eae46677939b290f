"""The footer every screen uses: the keys of the screen, chosen to fit.

Textual's Footer lays every key out left to right and lets the line cut the
last ones, or squeezes them ("^q Qui", "f1 He"), so at 80 columns the two
keys a lost user needs, F1 Help and Esc Back, were the first to go. This
footer decides what to show before it lays anything out: Help and Back
always, first; then the screen's own keys in the order its BINDINGS give
them (the most used first), the keys that would do nothing just now after
those that would; Quit last, since ctrl+q is also on the help screen. Whole
keys are dropped from the end of that order until the rest fit; a key is
never cut in half. It lays out again when the terminal is resized.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

#: Actions that are always shown, in this order, at the start of the footer.
FIRST = ("help", "back", "close", "cancel")
#: Actions shown only when everything else fits.
LAST = ("quit",)
#: Room kept for the command palette key at the right ("^p palette" and its border).
PALETTE_WIDTH = 13


@dataclass
class Entry:
    """One thing in the footer: a key, or a group of keys with one label (^↓^↑ Item)."""

    bindings: list[tuple[Binding, bool, str]]  # (binding, enabled, tooltip)
    order: int

    @property
    def action(self) -> str:
        return self.bindings[0][0].action.rpartition(".")[2].split("(")[0]

    @property
    def enabled(self) -> bool:
        return any(enabled for _, enabled, _ in self.bindings)

    def rank(self) -> tuple:
        """Lower is kept first."""
        if self.action in FIRST:
            return (0, FIRST.index(self.action))
        if self.action in LAST:
            return (3, self.order)
        return (1 if self.enabled else 2, self.order)

    def width(self, app) -> int:
        if len(self.bindings) > 1:  # a group: the keys side by side, then the group's label
            keys = sum(cell_len(app.get_key_display(b)) for b, _, _ in self.bindings)
            return keys + 2 + cell_len(self.bindings[0][0].group.description) + 2
        binding = self.bindings[0][0]
        return cell_len(app.get_key_display(binding)) + cell_len(binding.description) + 3


class KeyFooter(Footer):
    """A Footer that keeps F1 Help and Esc Back and drops whole keys, lowest priority first, to fit."""

    def _entries(self) -> list[Entry]:
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        entries: list[Entry] = []
        for bindings in by_action.values():
            binding = bindings[0][0]
            last = entries[-1] if entries else None
            if (binding.group is not None and last is not None and last.bindings[0][0].group == binding.group):
                last.bindings.append(bindings[0])  # one entry per group, one key per action in it
            else:
                entries.append(Entry([bindings[0]], len(entries)))
        return entries

    def shown_entries(self, width: int) -> list[Entry]:
        """What fits in `width` columns, in the order it is shown."""
        entries = self._entries()
        room = width - (PALETTE_WIDTH if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE else 0)
        kept: list[Entry] = []
        for entry in sorted(entries, key=Entry.rank):
            needed = entry.width(self.app)
            if needed > room and entry.rank()[0] != 0:
                break  # what follows matters less: a smaller key does not jump the queue
            kept.append(entry)
            room -= needed
        return sorted(kept, key=lambda e: (e.rank()[0] != 0, e.rank() if e.rank()[0] == 0 else (0, e.order),
                                           e.action in LAST))

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self.size.width or self.app.size.width
        for entry in self.shown_entries(width):
            if len(entry.bindings) > 1:
                group = entry.bindings[0][0].group
                with KeyGroup(classes="-compact" if group.compact else ""):
                    for binding, enabled, tooltip in entry.bindings:
                        yield FooterKey(binding.key, self.app.get_key_display(binding), "", binding.action,
                                        disabled=not enabled, tooltip=tooltip or binding.description,
                                        classes="-grouped").data_bind(compact=Footer.compact)
                yield FooterLabel(group.description)
                continue
            binding, enabled, tooltip = entry.bindings[0]
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                            disabled=not enabled, tooltip=tooltip).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            try:
                _node, binding, enabled, tooltip = self.screen.active_bindings[self.app.COMMAND_PALETTE_BINDING]
            except KeyError:
                pass
            else:
                yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                                classes="-command-palette", disabled=not enabled,
                                tooltip=binding.tooltip or binding.description)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != getattr(self, "_laid_out_for", None):
            self._laid_out_for = event.size.width
            if self._bindings_ready:
                self.call_after_refresh(self._rebuild_if_changed)

    def bindings_changed(self, screen) -> None:
        """Textual rebuilds the footer at every bindings signal (a focus change, a screen pushed, a key that
        became dimmed), and rebuilding it (some 15 keys, each styled again) cost 5-10 ms and a new layout,
        several times when a meeting opens; here only when what it shows has changed."""
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    def _shown(self) -> tuple:
        """Everything the footer shows: each key kept, its label, whether it is dimmed, its tooltip."""
        width = self.size.width or self.app.size.width
        keys = tuple((binding.key, binding.description, enabled, tooltip)
                     for entry in self.shown_entries(width) for binding, enabled, tooltip in entry.bindings)
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            palette = palette and palette[2]
        return width, keys, palette

    def _rebuild_if_changed(self):
        if not self.is_attached:
            return None
        shown = self._shown()
        if shown == getattr(self, "_last_shown", None):
            return None
        self._last_shown = shown
        return self.recompose()
