"""Keys of every screen, read from the screens' own BINDINGS (so the help
cannot drift from the keys), and the capture grammar."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.capture import GRAMMAR_HELP
from .widgets.key_footer import KeyFooter

#: What the bindings cannot say: keys handled by widgets, and how focus moves.
NOTES = {
    "Everywhere": "ctrl+p opens the command palette: open a meeting by its title, new meeting, export this "
                  "meeting, search, tracker",
    "Capture": "enter saves the line · tab / shift+tab move between the capture line, the notes and the agenda · "
               "e, delete and 1–9 (tag a theme) act on the highlighted note while the notes list has focus",
    "Search": 'type to search: words, "a phrase", prefix*, kind:rec to:UN theme:Name · enter opens the meeting',
}


def screens_with_keys() -> list[tuple[str, type]]:
    from .app import FacilitatorApp
    from .audit import AuditScreen
    from .capture import CaptureScreen
    from .home import HomeScreen
    from .participants import ParticipantsScreen
    from .preview import PreviewScreen
    from .review import ReviewScreen
    from .search import SearchScreen
    from .speakers import SpeakersScreen
    from .tracker import TrackerScreen

    return [("Everywhere", FacilitatorApp), ("Meetings", HomeScreen), ("Capture", CaptureScreen),
            ("Review", ReviewScreen), ("Audit", AuditScreen), ("Speakers", SpeakersScreen),
            ("Participants", ParticipantsScreen), ("Search", SearchScreen), ("Tracker", TrackerScreen),
            ("Export preview", PreviewScreen)]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self.keys_table(), id="help-keys")
            yield Static(GRAMMAR_HELP, id="help-grammar")
        yield KeyFooter()

    def keys_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column()
        for title, owner in screens_with_keys():
            keys: dict[str, list[str]] = {}  # description -> keys, in binding order
            for binding in owner.BINDINGS:
                binding = binding if isinstance(binding, Binding) else Binding(*binding)
                if binding.description:
                    for key in binding.key.split(","):
                        display = self.app.get_key_display(Binding(key.strip(), binding.action))
                        keys.setdefault(binding.tooltip or binding.description, []).append(display)
            for index, (description, shown) in enumerate(keys.items()):
                table.add_row(title if index == 0 else "", " ".join(dict.fromkeys(shown)), description)
            if title in NOTES:
                table.add_row("", "", Text(NOTES[title], style="dim"))
            table.add_row("", "", "")
        return table

    def action_close(self) -> None:
        self.dismiss(None)
