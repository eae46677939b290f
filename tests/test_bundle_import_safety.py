"""Importing a bundle never moves a row out of another meeting, and never
lowers the protection of speakers without being told to: a bundle whose ids
belong to another meeting here, or whose meeting, agenda item or note would
end up under a less protective rule, is reported and left alone unless
`--accept-rule-change` is given."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import close_engine, open_engine
from facilitator.models import AgendaItem
from facilitator.services._db import transaction
from facilitator.services.bundles import import_bundle, write_bundle

LATER = "2030-01-01T00:00:00Z"


def cli(db, *args):
    return CliRunner().invoke(app, ["--db", str(db), *args])


def edit_bundle(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def roundtable(engine):
    """Chatham House, with an on-the-record keynote as item 2."""
    return services.create_meeting(engine, "roundtable", title="Roundtable", date=dt.date(2017, 2, 16))


def test_ids_of_another_meeting_are_reported_and_left_alone(engine, breakfast, db_path, tmp_path):
    item = services.list_items(engine, breakfast.id)[0]
    person = services.add_participant(engine, breakfast.id, "Zorana Xylander")
    mine = services.add_note(engine, breakfast.id, "Belongs to the breakfast.", item_id=item.id)

    laptop = open_engine(tmp_path / "laptop.db")
    other = services.create_meeting(laptop, "roundtable", title="Elsewhere", date=dt.date(2018, 1, 1))
    other_item = services.list_items(laptop, other.id)[1]
    services.add_participant(laptop, other.id, "Someone Else")
    services.add_note(laptop, other.id, "Hostile: moves the breakfast note.")
    services.add_note(laptop, other.id, "Innocent, but filed under a stolen item.", item_id=other_item.id)
    services.add_note(laptop, other.id, "A note of its own.")
    path = write_bundle(laptop, other.id, tmp_path / "elsewhere.json")
    close_engine(laptop)

    def steal(data):
        notes = {n["text"]: n for n in data["notes"]}
        notes["Hostile: moves the breakfast note."].update(id=mine.id, updated_at=LATER)  # a breakfast note's id
        data["items"][1]["id"] = item.id  # an agenda item of the breakfast
        notes["Innocent, but filed under a stolen item."]["item_id"] = item.id
        data["participants"][0]["id"] = person.id  # a participant of the breakfast

    edit_bundle(path, steal)
    result = cli(db_path, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "4 left alone (their ids belong to another meeting)" in result.stdout

    kept = services.get_note(engine, mine.id)
    assert (kept.meeting_id, kept.text, kept.item_id) == (breakfast.id, "Belongs to the breakfast.", item.id)
    assert services.list_items(engine, breakfast.id)[0] == item
    assert [p.name for p in services.list_participants(engine, breakfast.id)] == ["Zorana Xylander"]
    assert [n.text for n in services.list_notes(engine, other.id)] == ["A note of its own."]


def lowered_meeting(engine, meeting, tmp_path):
    path = write_bundle(engine, meeting.id, tmp_path / "lowered.json")

    def on_the_record(data):
        data["meeting"].update(rule="on-the-record", title="Renamed on the other laptop", updated_at=LATER)

    return edit_bundle(path, on_the_record)


def test_a_meeting_rule_lowered_by_a_bundle_is_kept_unless_accepted(engine, roundtable, db_path, tmp_path):
    path = lowered_meeting(engine, roundtable, tmp_path)
    result = cli(db_path, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "rule change kept out: meeting chatham-house → on-the-record" in result.stdout
    assert "--accept-rule-change" in result.stderr and result.stderr.count("\n") == 1
    meeting = services.get_meeting(engine, roundtable.id)
    assert (meeting.rule, meeting.title) == ("chatham-house", "Renamed on the other laptop")

    accepted = cli(db_path, "import", str(path), "--accept-rule-change")
    assert accepted.exit_code == 0, accepted.output
    assert "rule change applied: meeting chatham-house → on-the-record" in accepted.stdout
    assert services.get_meeting(engine, roundtable.id).rule == "on-the-record"


def test_an_item_rule_override_lowered_by_a_bundle_is_kept_unless_accepted(engine, roundtable, tmp_path):
    path = write_bundle(engine, roundtable.id, tmp_path / "item.json")
    edit_bundle(path, lambda data: data["items"][2].update(rule="on-the-record"))
    report = import_bundle(engine, path)
    assert report.rule_changes == ["item 3 chatham-house → on-the-record"] and not report.rule_changes_applied
    assert services.list_items(engine, roundtable.id)[2].rule is None

    report = import_bundle(engine, path, accept_rule_change=True)
    assert report.rule_changes_applied
    assert services.list_items(engine, roundtable.id)[2].rule == "on-the-record"


def test_a_note_moved_into_an_on_the_record_item_stays_protected_unless_accepted(engine, roundtable, tmp_path):
    items = services.list_items(engine, roundtable.id)
    assert items[1].rule == "on-the-record"
    note = services.add_note(engine, roundtable.id, "Said under the Chatham House rule.", item_id=items[2].id)
    path = write_bundle(engine, roundtable.id, tmp_path / "moved.json")
    edit_bundle(path, lambda data: data["notes"][0].update(item_id=items[1].id, text="Edited elsewhere.",
                                                           updated_at=LATER))
    report = import_bundle(engine, path)
    assert report.rule_changes == [f"note {note.id[:8]} chatham-house → on-the-record"]
    kept = services.get_note(engine, note.id)
    assert (kept.item_id, kept.text) == (items[2].id, "Edited elsewhere.")  # the edit is taken, not the move

    import_bundle(engine, path, accept_rule_change=True)
    assert services.get_note(engine, note.id).item_id == items[1].id


def test_more_protection_is_taken_without_asking(engine, tmp_path):
    dialogue = services.create_meeting(engine, "dialogue", title="Dialogue", date=dt.date(2017, 9, 6))
    path = write_bundle(engine, dialogue.id, tmp_path / "stricter.json")
    edit_bundle(path, lambda data: data["meeting"].update(rule="chatham-house", updated_at=LATER))
    report = import_bundle(engine, path)
    assert report.rule_changes == []
    assert services.get_meeting(engine, dialogue.id).rule == "chatham-house"


def test_an_item_of_the_same_meeting_is_merged_as_before(engine, roundtable, tmp_path):
    """No false alarms: a plain round trip reports nothing."""
    services.add_note(engine, roundtable.id, "Plain.")
    path = write_bundle(engine, roundtable.id, tmp_path / "plain.json")
    other = open_engine(tmp_path / "other.db")
    first, again = import_bundle(other, path), import_bundle(other, path)
    assert (first.foreign, first.rule_changes, again.foreign, again.rule_changes) == (0, [], 0, [])
    assert again.added == 0
    with transaction(other) as session:
        assert session.get(AgendaItem, services.list_items(engine, roundtable.id)[1].id).rule == "on-the-record"
    close_engine(other)
