"""The speakers list, in two modes that say which they are.

Typing: the name box has focus; letters are a name, Enter puts it at the end
of the list (completing registered participants), ctrl+r puts it next as a
reply, ctrl+o first as a point of order. The list: Tab or ↓ moves to it;
there single keys act on the highlighted row (n call next, s spoken, x
withdraw, r reply, o point of order, u undo, shift+↑/↓ move, + / - the time
limit). A capital letter typed on the list starts a name in the name box; any
other letter the list does not know says so instead of doing nothing.

Every change can be undone (ctrl+z, or u on the list), back to the start of
the session. The speaker with the floor has a running clock, their time left
against the meeting's limit, a colour in the last 30 seconds and past it, and
the bell at the limit when the meeting asks for it.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Header, Input, Static

from facilitator import services
from facilitator.clock import format_duration
from facilitator.models import InterventionPublic
from facilitator.services import speakers

from .chairing import POINT_OF_ORDER, REPLY, Floor
from .literal import literal
from .widgets.fill_table import FillTable
from .widgets.key_footer import KeyFooter
from .widgets.speaker_bar import SpeakerBar, spoken_for
from .writing import WritesToDatabase

MOVE = Binding.Group("Move", compact=True)
COLUMNS = (("#", "position", 3), ("Speaker", "name", None), ("Category", "category", 13),
           ("On behalf of", "behalf", 14), ("State", "state", 14), ("Time", "time", 7))
TYPING_HELP = ("[b]Typing a name[/b] · enter adds it at the end · ctrl+r as a reply · ctrl+o as a point of order · "
               "↓ or tab: the list")
LIST_HELP = ("[b]On the list[/b] · n next · s spoken · x withdraw · r reply · o point of order · u undo · "
             "shift+↑↓ move · +/- time limit · tab or a capital letter: type a name")
#: Seconds the time limit moves with + and -.
LIMIT_STEP = 30
#: Actions of single keys, which act on the list only (in the name box those keys are typing).
LIST_ONLY = {"list_next", "spoken", "withdraw", "list_reply", "list_point_of_order", "list_undo", "move", "add",
             "limit"}


class SpeakersScreen(WritesToDatabase, Screen):
    BINDINGS = [  # in the order the footer keeps them when the terminal is narrow
        Binding("ctrl+n", "call_next", "Call next", tooltip="Give the floor to the next speaker",
                id="speakers.call_next"),
        Binding("s", "spoken", "Spoken", tooltip="The highlighted speaker has spoken", id="speakers.spoken"),
        Binding("x", "withdraw", "Withdraw", tooltip="Take the highlighted speaker off the list",
                id="speakers.withdraw"),
        Binding("ctrl+r", "reply", "Reply", tooltip="Add the name typed (or the highlighted speaker) as a reply, "
                "right after the current speaker", id="speakers.reply"),
        Binding("ctrl+o", "point_of_order", "Point of order",
                tooltip="Add the name typed (or the highlighted speaker) first on the list", id="speakers.order"),
        Binding("ctrl+z", "undo", "Undo", tooltip="Undo the last change to the list", id="speakers.undo"),
        Binding("shift+up", "move(-1)", "Up", id="speakers.up", group=MOVE),
        Binding("shift+down", "move(1)", "Down", id="speakers.down", group=MOVE),
        Binding("a", "add", "Type a name", id="speakers.add"),
        Binding("n", "list_next", "Call next", show=False, id="speakers.next"),
        Binding("r", "list_reply", "Reply", show=False, id="speakers.list_reply"),
        Binding("o", "list_point_of_order", "Point of order", show=False, id="speakers.list_order"),
        Binding("u", "list_undo", "Undo", show=False, id="speakers.list_undo"),
        Binding("plus", "limit(1)", "More time", tooltip="Add 30 seconds to every speaker's time limit",
                show=False, id="speakers.limit_up"),
        Binding("minus", "limit(-1)", "Less time", tooltip="Take 30 seconds from every speaker's time limit",
                show=False, id="speakers.limit_down"),
        Binding("down", "to_list", "The list", show=False, id="speakers.to_list"),
        Binding("escape", "back", "Back", id="speakers.back"),
    ]

    def __init__(self, meeting_id: str, floor: Floor | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.floor = floor or Floor()
        self.entries: list[InterventionPublic] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="speakers-help")  # says which mode once the name box or the list has focus
        yield SpeakerBar(id="speaker-bar")
        names = [p.name for p in services.list_participants(self.app.engine, self.meeting_id)]
        yield Input(placeholder="Name of a person or delegation", id="speaker-name", select_on_focus=False,
                    suggester=SuggestFromList(names, case_sensitive=False))
        yield FillTable(COLUMNS, id="queue")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.meeting = services.get_meeting(self.app.engine, self.meeting_id)
        self.title = "Speakers list"
        self.sub_title = self.meeting.title
        self.refresh_queue()
        self.query_one("#speaker-name", Input).focus()
        self.set_interval(1.0, self.tick)

    # --- the two modes --------------------------------------------------------------

    @property
    def typing(self) -> bool:
        return self.focused is self.query_one("#speaker-name", Input)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.show_mode()

    def show_mode(self, note: str = "") -> None:
        help_line = self.query_one("#speakers-help", Static)
        help_line.update(note or (TYPING_HELP if self.typing else LIST_HELP))
        help_line.set_class(self.typing, "-typing")
        help_line.set_class(not self.typing, "-list")
        help_line.set_class(bool(note), "-warning")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "to_list":
            return self.typing
        if action in LIST_ONLY and self.typing:
            return False  # the name box has focus: these keys are typing
        if action in ("spoken", "withdraw", "move", "list_reply", "list_point_of_order"):
            return True if self.selected() else None
        if action in ("undo", "list_undo"):
            return True if self.floor.undo else None
        return True

    def on_key(self, event: events.Key) -> None:
        """On the list, a capital letter starts a name; another letter the list does not know says so."""
        if self.typing or not event.is_printable or not event.character or not event.character.isalpha():
            return
        if event.key in LIST_KEYS:
            return  # a key of the list: its binding runs when the event reaches the application
        event.stop()
        if event.character.isupper():
            name_box = self.query_one("#speaker-name", Input)
            name_box.value = event.character
            name_box.cursor_position = len(name_box.value)
            name_box.focus()
            return
        self.app.bell()
        self.show_mode(f"[b]{event.character!r} is not a key of the list.[/b] To type a name press tab or a "
                       "(or start it with a capital letter); n s x r o u act on the highlighted row.")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            self.query_one("#queue", DataTable).focus()
            return
        event.input.value = ""
        self._add(name, "add a speaker")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on the list goes back to typing a name (the list's own keys are single letters)."""
        self.query_one("#speaker-name", Input).focus()

    def action_add(self) -> None:
        self.query_one("#speaker-name", Input).focus()

    def focus_list(self) -> None:
        self.query_one("#queue", DataTable).focus()

    def action_to_list(self) -> None:
        self.focus_list()

    # --- reading and showing the list -------------------------------------------------

    def refresh_queue(self, select: str | None = None) -> None:
        table = self.query_one("#queue", FillTable)
        current = select or table.cursor_key
        self.entries = speakers.list_queue(self.app.engine, self.meeting_id)
        table.clear()
        for entry in self.entries:
            table.add_fitted_row(self._cells(entry), entry.id)
        if table.row_count:
            waiting = next((e.id for e in self.entries if e.status in (speakers.SPEAKING, speakers.QUEUED)), None)
            target = current if current in table.rows else waiting
            table.move_cursor(row=table.get_row_index(target) if target in table.rows else table.row_count - 1,
                              animate=False)
        self.tick()
        self.refresh_bindings()

    def _cells(self, entry: InterventionPublic) -> tuple:
        kind = self.floor.kinds.get(entry.id)
        state = entry.status if kind is None or entry.status != speakers.QUEUED else kind
        style = {"speaking": "bold reverse", "spoken": "dim", "withdrawn": "dim strike"}.get(entry.status, "")
        return (literal(entry.position), literal(entry.name, style), literal(entry.category),
                literal(entry.on_behalf_of), literal(state, "bold" if kind else ""), self._time(entry))

    def _time(self, entry: InterventionPublic) -> Text:
        if entry.status == speakers.SPEAKING:
            return literal(format_duration(spoken_for(entry, self.app.clock())), "bold")
        return literal(format_duration(entry.seconds) if entry.status == speakers.SPOKEN else "")

    def tick(self) -> None:
        """Every second: the speaker's clock, their time left, and the bell at the limit."""
        speaking = next((e for e in self.entries if e.status == speakers.SPEAKING), None)
        waiting = [e.name for e in self.entries if e.status == speakers.QUEUED]
        remaining = self.query_one(SpeakerBar).show(speaking, self.meeting.speaker_limit, self.app.clock(), waiting)
        self.floor.ring_once(self.app, speaking, remaining, self.meeting.bell)
        table = self.query_one("#queue", FillTable)
        if speaking is not None and speaking.id in table.rows:
            table.update_cell(speaking.id, "time", self._time(speaking))

    def selected(self) -> InterventionPublic | None:
        key = self.query_one("#queue", FillTable).cursor_key
        return next((e for e in self.entries if e.id == key), None)

    # --- changes, each undoable ----------------------------------------------------------

    def _change(self, what: str, action, *args, select: str | None = None, then=None, **kwargs) -> None:
        """One change through the writer, remembered with the list as it was before it."""

        def done(result) -> None:
            value, before = result
            self.floor.remember(what, before)
            if then is not None:
                then(value)
            self.refresh_queue(select=select)

        self.write(speakers.undoable, self.meeting_id, action, *args, **kwargs, done=done)

    def _add(self, name: str, what: str, *, kind: str | None = None, like: InterventionPublic | None = None) -> None:
        extra = {"category": like.category, "on_behalf_of": like.on_behalf_of} if like else {}
        if kind is not None:
            extra["waiting_index"] = self._ahead_of(kind)

        def added(entry: InterventionPublic) -> None:
            if kind is not None:
                self.floor.kinds[entry.id] = kind

        self.write(speakers.undoable, self.meeting_id, speakers.add_speaker, self.meeting_id, name, **extra,
                   done=lambda result: (self.floor.remember(what, result[1]), added(result[0]),
                                        self.refresh_queue(select=result[0].id)),
                   failed=lambda error: self._not_added(name, error))

    def _ahead_of(self, kind: str) -> int:
        """Where an entry out of turn goes among those waiting: points of order first, then replies, each
        after those of its kind already waiting."""
        ahead = (POINT_OF_ORDER,) if kind == POINT_OF_ORDER else (POINT_OF_ORDER, REPLY)
        count = 0
        for entry in (e for e in self.entries if e.status == speakers.QUEUED):
            if self.floor.kinds.get(entry.id) not in ahead:
                break
            count += 1
        return count

    def _not_added(self, name: str, error: BaseException) -> None:
        name_box = self.query_one("#speaker-name", Input)
        if not name_box.value:
            name_box.value = name  # give the name back to correct it
        self.app.report(error)

    def action_call_next(self) -> None:
        def called(speaker: InterventionPublic | None) -> None:
            if speaker is None:
                self.notify("Nobody is waiting to speak.")

        self._change("call the next speaker", speakers.call_next, self.meeting_id, now=self.app.clock(), then=called)

    action_list_next = action_call_next

    def action_spoken(self) -> None:
        entry = self.selected()
        if entry:
            self._change(f"mark {entry.name} spoken", speakers.mark_spoken, entry.id, now=self.app.clock())

    def action_withdraw(self) -> None:
        entry = self.selected()
        if entry:
            self._change(f"withdraw {entry.name}", speakers.withdraw, entry.id)

    def _out_of_turn(self, kind: str) -> None:
        name_box = self.query_one("#speaker-name", Input)
        if self.typing and name_box.value.strip():
            name, like = name_box.value.strip(), None
            name_box.value = ""
        else:
            like = self.selected()
            if like is None:
                self.notify("Type a name first, or highlight someone on the list.")
                return
            name = like.name
        self._add(name, f"add {name} as a {kind}", kind=kind, like=like)

    def action_reply(self) -> None:
        self._out_of_turn(REPLY)

    def action_point_of_order(self) -> None:
        self._out_of_turn(POINT_OF_ORDER)

    action_list_reply = action_reply
    action_list_point_of_order = action_point_of_order

    def action_move(self, offset: int) -> None:
        entry = self.selected()
        if entry:
            self._change(f"move {entry.name}", speakers.move, entry.id, offset, select=entry.id)

    def action_undo(self) -> None:
        if not self.floor.undo:
            self.notify("Nothing to undo.")
            return
        what, before = self.floor.undo.pop()
        self.write(speakers.restore, self.meeting_id, before,
                   done=lambda _: (self.refresh_queue(), self.notify(f"Undone: {what}.")))

    action_list_undo = action_undo

    def action_limit(self, step: int) -> None:
        limit = max(0, self.meeting.speaker_limit + step * LIMIT_STEP)

        def changed(meeting) -> None:
            self.meeting = meeting
            self.tick()
            self.notify(f"Speakers' time limit: {format_duration(limit)}." if limit else "No time limit.")

        self.write(services.update_meeting, self.meeting_id, speaker_limit=limit, done=changed)

    def action_back(self) -> None:
        self.dismiss(None)


#: Every key the screen binds (an unbound letter typed on the list is the one that gets a word).
LIST_KEYS = {key.strip() for binding in SpeakersScreen.BINDINGS for key in binding.key.split(",")}
