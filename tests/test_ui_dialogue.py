"""A small plenary dialogue run from the keyboard: a speakers list imported from
CSV, each statement captured with ctrl+n and theme tags (+N on the line, or a
number key on the notes list), then the dialogue summary exported through the
export dialog. Its tallies are checked against counts made here from the CSV."""

import datetime as dt
import re

from textual.widgets import Button, DataTable, Input, Select

from facilitator import services
from facilitator.services import roster
from screens.widgets.capture_line import CaptureLine

from .exporting_helpers import markdown_outline
from .ui_helpers import app_for, settle

ROWS = [  # name, category, on behalf of, members, themes by number
    ("Ghana", "member-state", "Group of Friends", 52, [1, 2]),
    ("Peru", "member-state", "", 0, [1]),
    ("European Union", "regional-organisation", "", 0, [2]),
    ("Côte d'Ivoire", "member-state", "", 0, [1]),
    ("Global Centre for RtoP", "civil-society", "", 0, [1]),
    ("Kenya", "member-state", "", 0, []),
]
THEMES = ["Accountability", "Prevention"]


async def test_dialogue_from_csv_to_summary(engine, tmp_path):
    meeting = services.create_meeting(engine, "dialogue", title="Annual dialogue", date=dt.date(2017, 9, 6),
                                      place="New York")
    services.update_meeting(engine, meeting.id, themes=THEMES)
    csv = tmp_path / "speakers.csv"
    csv.write_text("name,category,on_behalf_of,members,language\n" +
                   "".join(f"{n},{c},{b},{m or ''},English\n" for n, c, b, m, _ in ROWS))
    roster.import_speakers(engine, meeting.id, csv)
    dialogue_item = services.list_items(engine, meeting.id)[2]
    services.set_current_item(engine, meeting.id, dialogue_item.id)

    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_meeting(meeting.id)
        await settle(app, pilot)
        screen = app.screen
        line = screen.query_one("#capture", CaptureLine)
        for index, (name, _, _, _, themes) in enumerate(ROWS):
            await pilot.press("ctrl+n")
            if index == 0:  # the first statement is tagged afterwards with number keys on the notes list
                line.value = f"{name} spoke first."
                await pilot.press("enter")
                await settle(app, pilot)
                table = screen.query_one("#notes", DataTable)
                table.focus()
                for number in themes:
                    await pilot.press(str(number))
                line.focus()
            else:
                line.value = f"{name} made its statement. " + " ".join(f"+{n}" for n in themes)
                await pilot.press("enter")
                await settle(app, pilot)
        await pilot.press("ctrl+n")  # the last speaker has spoken

        await pilot.press("ctrl+o")
        exporter = app.screen
        exporter.query_one("#style", Select).value = "dialogue"
        exporter.query_one("#format", Select).value = "md"
        await pilot.pause()
        target = tmp_path / "summary.md"
        exporter.query_one("#path", Input).value = str(target)
        exporter.query_one("#export", Button).press()
        await settle(app, pilot)

    outline = markdown_outline(target.read_text())
    words = {1: "one", 2: "two", 3: "three", 4: "four"}
    for number, theme in enumerate(THEMES, start=1):
        raised = [r for r in ROWS if number in r[4]]
        alone = [r for r in raised if r[1] == "member-state" and not r[2]]
        # The group is known only by its count: with other states beside it, a lower bound, never a sum.
        states = "at least 52 states" if alone else "52 states"
        heading = outline.index(("h3", theme))
        tally = outline[heading + 1][1]
        counts = {c: len([r for r in raised if r[1] == c]) for c in ("member-state", "civil-society",
                                                                      "regional-organisation")}
        assert f"spoke about {theme.lower()}; their statements represented {states}." in tally
        if counts["member-state"]:
            assert re.search(rf"\b{words[counts['member-state']]} Member States?\b", tally, re.IGNORECASE)
        if counts["civil-society"]:
            assert f"{words[counts['civil-society']]} civil society organisation" in tally
    annex = [t for k, t in outline if k == "li" and t.endswith("— English")]
    assert len(annex) == len(ROWS)  # grouped by category: regional organisations, then Member States ...
    assert annex[:3] == ["European Union — English",
                         "Ghana, on behalf of the Group of Friends (52 states) — English", "Peru — English"]
