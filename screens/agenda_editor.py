"""The agenda without a template file: add, rename, move and remove agenda
items; add, rename and remove breakout groups; the theme list; and the
headings and opening lines of a document's sections.

One DataTable: each item a row, its breakout groups as rows under it. Every
change is one write through the application's writer; the services refuse
what would lose a note (an item or a group that notes are in) and say why in
one notification. The small dialogs only collect text and dismiss it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Select, Static

from facilitator import services
from facilitator.services import meetings as agenda

from .literal import literal
from .writing import WritesToDatabase

MOVE = Binding.Group("Move", compact=True)


class TextPromptDialog(ModalScreen[str | None]):
    """One line of text: a title, a name. Enter saves, escape cancels."""

    DEFAULT_CSS = """
    TextPromptDialog { align: center middle; }
    TextPromptDialog > Vertical { width: 80; height: auto; border: thick $primary; background: $surface;
                                  padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt, self.value = prompt, value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.prompt, markup=False)
            yield Input(self.value, id="prompt-value")

    def on_mount(self) -> None:
        self.query_one("#prompt-value", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class SectionText:
    key: str
    heading: str
    intro: str


class SectionTextDialog(ModalScreen[SectionText | None]):
    """A section's heading and opening text, for any section the house styles print."""

    DEFAULT_CSS = """
    SectionTextDialog { align: center middle; }
    SectionTextDialog > Vertical { width: 100; height: auto; border: thick $primary; background: $surface;
                                   padding: 1 2; }
    SectionTextDialog Label { margin-top: 1; }
    SectionTextDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    SectionTextDialog Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="section.cancel"),
                Binding("ctrl+s", "save", "Save", id="section.save")]

    def __init__(self, choices: list[tuple[str, str]], headings: dict[str, str], intros: dict[str, str],
                 key: str | None = None) -> None:
        super().__init__()
        self.choices, self.headings, self.intros = choices, headings, intros
        self.key = key if key in {k for _, k in choices} else choices[0][1]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("[b]Section[/b] — empty boxes give the house style's own heading and no opening text")
            yield Select([(Text(label), key) for label, key in self.choices], value=self.key, allow_blank=False,
                         id="section")
            yield Label("Heading")
            yield Input(self.headings.get(self.key, ""), id="heading")
            yield Label("Opening text")
            yield Input(self.intros.get(self.key, ""), id="intro")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_select_changed(self, event: Select.Changed) -> None:
        self.key = str(event.value)
        self.query_one("#heading", Input).value = self.headings.get(self.key, "")
        self.query_one("#intro", Input).value = self.intros.get(self.key, "")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(SectionText(self.key, self.query_one("#heading", Input).value.strip(),
                                 self.query_one("#intro", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class ThemeChange:
    theme: str
    #: The new name; "" removes the theme.
    name: str


class ThemeDialog(ModalScreen[ThemeChange | None]):
    """Rename a theme (its notes follow) or, with an empty name, remove one no note carries."""

    DEFAULT_CSS = """
    ThemeDialog { align: center middle; }
    ThemeDialog > Vertical { width: 80; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="theme.cancel")]

    def __init__(self, themes: list[str]) -> None:
        super().__init__()
        self.themes = themes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("[b]Theme[/b] — a new name renames it on every note; an empty name removes it")
            yield Select([(Text(t), t) for t in self.themes], value=self.themes[0], allow_blank=False, id="theme")
            yield Input(self.themes[0], id="theme-name")

    def on_mount(self) -> None:
        self.query_one("#theme-name", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.query_one("#theme-name", Input).value = str(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(ThemeChange(str(self.query_one("#theme", Select).value), event.value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)


class AgendaEditorScreen(WritesToDatabase, Screen):
    DEFAULT_CSS = """
    AgendaEditorScreen #agenda { height: 1fr; }
    AgendaEditorScreen #agenda-help, AgendaEditorScreen #agenda-themes { height: auto; padding: 0 1; }
    """
    BINDINGS = [
        Binding("a", "add", "Add item", id="agenda.add"),
        Binding("r", "rename", "Rename", id="agenda.rename"),
        Binding("shift+up", "move(-1)", "Move up", id="agenda.up", group=MOVE),
        Binding("shift+down", "move(1)", "Move down", id="agenda.down", group=MOVE),
        Binding("delete", "remove", "Remove", id="agenda.remove"),
        Binding("g", "add_group", "Add group", id="agenda.group"),
        Binding("t", "add_theme", "Add theme", id="agenda.theme"),
        Binding("T", "edit_theme", "Rename theme", tooltip="Rename or remove a theme", id="agenda.theme_edit"),
        Binding("h", "section", "Headings", tooltip="A section's heading and opening text", id="agenda.section"),
        Binding("escape", "back", "Back", id="agenda.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Items and their breakout groups · a notes' item or group is never removed while it holds "
                     "notes", id="agenda-help")
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
        yield Static("", id="agenda-themes")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Agenda — {services.get_meeting(self.app.engine, self.meeting_id).title}"
        self.query_one("#agenda", DataTable).add_columns("#", "Item or group", "Kind", "Minutes", "Notes")
        self.load()
        self.query_one("#agenda", DataTable).focus()

    def load(self, select: str | None = None) -> None:
        table = self.query_one("#agenda", DataTable)
        current = select or self.selected_key()
        table.clear()
        detail = services.get_detail(self.app.engine, self.meeting_id)
        counts: dict[str | None, int] = {}
        for note in detail.notes:
            counts[note.item_id] = counts.get(note.item_id, 0) + 1
        for item in detail.items:
            table.add_row(str(item.position), literal(item.title), item.kind, str(item.planned_minutes),
                          str(counts.get(item.id, 0)), key=f"item:{item.id}")
            for group in item.groups:
                in_group = sum(1 for n in detail.notes if n.item_id == item.id and n.group == group)
                table.add_row("", literal(f"   group: {group}"), "group", "", str(in_group),
                              key=f"group:{item.id}:{group}")
        themes = detail.meeting.themes
        self.query_one("#agenda-themes", Static).update(
            literal("Themes: " + ("; ".join(f"{n}. {t}" if n <= 9 else t for n, t in enumerate(themes, start=1))
                                  or "none (t adds one)")))
        if current and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), animate=False)

    def selected_key(self) -> str | None:
        table = self.query_one("#agenda", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def selected_item(self):
        key = self.selected_key() or ""
        kind, _, rest = key.partition(":")
        item_id = rest.partition(":")[0] if kind == "group" else rest
        return next((i for i in services.list_items(self.app.engine, self.meeting_id) if i.id == item_id), None)

    def selected_group(self) -> str | None:
        key = self.selected_key() or ""
        return key.split(":", 2)[2] if key.startswith("group:") else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("rename", "move", "remove", "add_group"):
            return True if self.selected_item() is not None else None
        return True

    def action_add(self) -> None:
        item = self.selected_item()
        position = item.position + 1 if item else None

        def add(title: str | None) -> None:
            if title:
                self.write(agenda.add_item, self.meeting_id, title, position=position,
                           done=lambda made: self.load(select=f"item:{made.id}"))

        self.app.push_screen(TextPromptDialog("Title of the new agenda item (added after the selected one)"), add)

    def action_rename(self) -> None:
        item, group = self.selected_item(), self.selected_group()
        if item is None:
            return
        if group is not None:
            def rename_group(name: str | None) -> None:
                if name and name != group:
                    self.write(agenda.rename_group, self.meeting_id, group, name,
                               done=lambda _: self.load(select=f"group:{item.id}:{name}"))

            self.app.push_screen(TextPromptDialog("New name of the breakout group (its notes follow)", group),
                                 rename_group)
            return

        def rename(title: str | None) -> None:
            if title and title != item.title:
                self.write(agenda.update_item, self.meeting_id, item.id, title=title,
                           done=lambda _: self.load(select=f"item:{item.id}"))

        self.app.push_screen(TextPromptDialog("New title of the agenda item", item.title), rename)

    def action_move(self, offset: int) -> None:
        item = self.selected_item()
        count = len(services.list_items(self.app.engine, self.meeting_id))
        if item is None or not 1 <= item.position + offset <= count:
            return
        self.write(agenda.move_item, self.meeting_id, item.id, item.position + offset,
                   done=lambda _: self.load(select=f"item:{item.id}"))

    def action_remove(self) -> None:
        item, group = self.selected_item(), self.selected_group()
        if item is None:
            return
        if group is not None:
            self.write(agenda.remove_group, self.meeting_id, group, done=lambda _: self.load())
        else:
            self.write(agenda.remove_item, self.meeting_id, item.id, done=lambda _: self.load())

    def action_add_group(self) -> None:
        item = self.selected_item()
        if item is None:
            return

        def add(name: str | None) -> None:
            if name:
                self.write(agenda.add_group, self.meeting_id, item.id, name,
                           done=lambda _: self.load(select=f"group:{item.id}:{name}"))

        self.app.push_screen(TextPromptDialog(f"Name of a breakout group under “{item.title}”"), add)

    def action_add_theme(self) -> None:
        themes = services.get_meeting(self.app.engine, self.meeting_id).themes

        def add(name: str | None) -> None:
            if name and name.casefold() not in {t.casefold() for t in themes}:
                self.write(agenda.set_themes, self.meeting_id, [*themes, name], done=lambda _: self.load())

        self.app.push_screen(TextPromptDialog("A theme notes can be tagged with (the first nine have number "
                                              "keys)"), add)

    def action_edit_theme(self) -> None:
        themes = services.get_meeting(self.app.engine, self.meeting_id).themes
        if not themes:
            self.notify("This meeting has no themes yet: t adds one.")
            return

        def change(done: ThemeChange | None) -> None:
            if done is None or done.name == done.theme:
                return
            if done.name:
                self.write(agenda.rename_theme, self.meeting_id, done.theme, done.name, done=lambda _: self.load())
            else:
                self.write(agenda.set_themes, self.meeting_id, [t for t in themes if t != done.theme],
                           done=lambda _: self.load())

        self.app.push_screen(ThemeDialog(themes), change)

    def action_section(self) -> None:
        detail = services.get_detail(self.app.engine, self.meeting_id)
        item, group = self.selected_item(), self.selected_group()
        key = f"group:{group}" if group else (f"item:{item.id}" if item else None)

        def save(text: SectionText | None) -> None:
            if text is not None:
                self.write(agenda.set_section, self.meeting_id, text.key, text.heading, text.intro,
                           done=lambda _: self.notify("Section text saved with the meeting."))

        self.app.push_screen(SectionTextDialog(agenda.section_choices(detail), detail.meeting.headings,
                                               detail.meeting.intros, key), save)

    def action_back(self) -> None:
        self.dismiss(None)
