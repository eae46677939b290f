"""One meeting run from the keyboard in a real terminal at 80×24, through tmux:
launch, create a meeting, capture ten notes, run three speakers (with the
projector open in a second terminal on the same database), export a memo,
quit. Every step waits for what the screen shows (tmux capture-pane polled
against a generous deadline), never for a fixed time, so it holds on a busy
machine; the memo is then read back from disk."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from facilitator import services
from facilitator.db import open_engine

from .tmux_terminal import TmuxTerminal, facilitator_command, tmux_available

SIZE = (80, 24)
TITLE = "Room test breakfast"
NOTES = [  # ten lines as a note-taker types them: kinds, addressees, key points, a headline
    "Funding for early warning lasts one budget cycle at most",
    "ch: Analysts leave when grants end",
    "bp: Weekly huddles between field and headquarters",
    '"Prevention is a habit, not an event"',
    "rec: Fund regional early-warning networks for three years :: One-year grants lose the analysts >ms !",
    "rec: Name a focal point in every country team >UN",
    "q: We need fewer reports and more decisions",
    "a: Organisers circulate the list of focal points",
    "Early warning reaches headquarters too late",
    "rec: Report on prevention to the General Assembly every year >ga",
]
#: The first words of each note, as the notes list shows them at the start of a row (80 columns wrap the rest).
MARKS = ["Funding for", "Analysts", "Weekly", "Prevention is", "Fund regional", "Name a focal", "We need",
         "Organisers", "Early warning", "Report on"]


@pytest.fixture
def tmux(tmp_path, isolated_home):
    """Start the application (with arguments) in a tmux terminal of its own, on this test's database."""
    problem = tmux_available()
    if problem is not None:
        pytest.fail(f"The real-terminal test needs tmux: {problem}.")
    env = {"HOME": str(isolated_home), "FACILITATOR_DB": str(tmp_path / "facilitator.db"),
           "TEXTUAL_ANIMATIONS": "none", "PYTHONPATH": ""}
    made: list[TmuxTerminal] = []

    def start(*args: str) -> TmuxTerminal:
        # Started in the test's own folder: an export's default folder is the current one.
        terminal = TmuxTerminal(facilitator_command() + list(args), size=SIZE, env=env, cwd=tmp_path)
        made.append(terminal)
        return terminal

    yield start
    for terminal in made:
        terminal.close()


def saved(mark: str):
    """The note is on screen and nothing is still "saving…"."""
    return lambda screen: mark in screen and "saving…" not in screen


def test_a_breakfast_meeting_from_the_keyboard(tmux, tmp_path, isolated_home):
    db = tmp_path / "facilitator.db"
    app = tmux()
    app.wait_for_text("No meetings yet")

    # A new meeting from the breakfast template: n, the title, enter; it opens on its first item.
    app.send("n")
    app.wait_for_focus_on("e.g. Civil society perspectives")
    app.type(TITLE)
    app.wait_for_text(TITLE)
    app.send("Enter")
    app.wait_for_text("1. Arrival and breakfast")
    app.wait_for_focus_on("Type a note")

    # Ten notes under "Recommendations for the United Nations" (ctrl+↓ four times).
    for _ in range(4):
        app.send("C-Down")
    app.wait_for_text("▶ 5. Recommendations for")  # the current item, marked in the agenda
    for line, mark in zip(NOTES, MARKS, strict=True):
        app.type(line)
        app.send("Enter")  # the capture line reads Enter in order with the characters before it
        app.wait_for(saved(mark), f"{mark!r} saved")

    # The projector in a second terminal, on the same database.
    meeting = only_meeting(db)
    projector = tmux("projector", meeting.id[:8])
    projector.wait_for_text("5. Recommendations for the United Nations")
    projector.wait_for_text("Nobody has the floor")

    # Three speakers: ctrl+l, three names, then ctrl+n four times (the last ends the third turn).
    app.send("C-l")
    app.wait_for_text("Typing a name")  # said once the name box has focus
    for name in ("Ghana", "Kenya", "Peru"):
        app.type(name)
        app.send("Enter")
        app.wait_for(lambda screen, name=name: f"{name} " in screen and "queued" in screen, f"{name} added")
    for name in ("Ghana", "Kenya", "Peru"):
        app.send("C-n")
        app.wait_for_text(f"Speaking: {name}")
        projector.wait_for_text("Speaking: a participant")  # not for attribution: no names on the projector
    app.send("C-n")
    app.wait_for(lambda screen: screen.count("spoken") == 3 and "Speaking:" not in screen, "three turns spoken")
    projector.wait_for_text("Nobody has the floor")
    app.send("Escape")
    app.wait_for_text("Type a note")

    # The memo: ctrl+o opens the export dialog (style and format as the template says, the file named
    # after the meeting), ctrl+o again previews it, ctrl+w writes it.
    app.send("C-o")
    app.wait_for_text("room-test-breakfast-memo")  # the file named after the meeting
    app.send("C-o")
    app.wait_for_text("Preview — memo")
    app.send("C-w")
    app.wait_for_text("Export written")

    app.send("C-q")
    app.wait_for(lambda screen: app.dead(), "the application ending")

    memo = only_memo(tmp_path)
    text = docx_text(memo)
    assert TITLE in text
    for heading in ("Fund regional early-warning networks for three years", "Name a focal point in every country "
                    "team", "Report on prevention to the General Assembly every year"):
        assert heading in text
    assert "Ghana" not in text and "Kenya" not in text  # the speakers list stays in the room
    engine = open_engine(db)
    try:
        notes = services.list_notes(engine, meeting.id)
        assert [n.text for n in notes][-1].startswith("Report on prevention")
        assert len(notes) == 10
    finally:
        engine.dispose()


def only_meeting(db: Path):
    engine = open_engine(db)
    try:
        (meeting,) = services.list_meetings(engine)
        return meeting
    finally:
        engine.dispose()


def only_memo(folder: Path) -> Path:
    found = [p for p in folder.rglob("*-memo.docx")]
    assert len(found) == 1, found
    assert found[0].name.startswith(dt.date.today().isoformat()) or found[0].name[:4].isdigit()
    assert os.path.getsize(found[0]) > 0
    return found[0]


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs)
