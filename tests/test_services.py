"""Core services against a real temporary SQLite database."""

import datetime as dt

import pytest

pytestmark = pytest.mark.both_databases

from facilitator import services
from facilitator.errors import Ambiguous, InvalidInput, NotFound


def test_create_meeting_from_template_builds_the_agenda(engine, breakfast):
    items = services.list_items(engine, breakfast.id)
    assert [i.position for i in items] == list(range(1, len(items) + 1))
    assert breakfast.rule == "not-for-attribution"
    assert any(i.default_kind == "recommendation" for i in items)
    assert services.current_item(engine, breakfast.id).id == items[0].id


def test_note_goes_to_current_item_and_is_committed(engine, breakfast):
    items = services.list_items(engine, breakfast.id)
    services.set_current_item(engine, breakfast.id, items[3].id)
    note = services.add_note(engine, breakfast.id, "Civil society spoke mid-programme this year.")
    assert note.item_id == items[3].id
    assert note.kind == items[3].default_kind
    assert [n.text for n in services.list_notes(engine, breakfast.id, items[3].id)] == [note.text]


def test_capture_line_sets_kind_addressee_key(engine, breakfast):
    item = services.list_items(engine, breakfast.id)[4]
    note = services.capture_note(
        engine, breakfast.id, item.id, "rec: Use the UPR for structural prevention >un !", default_kind="reflection"
    )
    assert (note.kind, note.addressee, note.key) == ("recommendation", "UN", True)
    assert note.text == "Use the UPR for structural prevention"


def test_capture_refuses_speaker_under_protected_rule(engine, breakfast):
    item = services.list_items(engine, breakfast.id)[3]
    with pytest.raises(InvalidInput, match="not recorded"):
        services.capture_note(engine, breakfast.id, item.id, "A point @Smith", default_kind="reflection")
    assert services.list_notes(engine, breakfast.id) == []


def test_delete_and_restore_note(engine, breakfast):
    note = services.add_note(engine, breakfast.id, "to be deleted")
    services.delete_note(engine, note.id)
    assert services.list_notes(engine, breakfast.id) == []
    services.restore_note(engine, note.id)
    assert [n.id for n in services.list_notes(engine, breakfast.id)] == [note.id]


def test_move_note_reorders_within_item(engine, breakfast):
    a = services.add_note(engine, breakfast.id, "first")
    b = services.add_note(engine, breakfast.id, "second")
    services.move_note(engine, b.id, -1)
    assert [n.id for n in services.list_notes(engine, breakfast.id)] == [b.id, a.id]


def test_draft_is_saved_and_cleared_by_capture(engine, breakfast):
    services.save_draft(engine, breakfast.id, None, "half a sent")
    assert services.get_draft(engine, breakfast.id).text == "half a sent"
    services.capture_note(engine, breakfast.id, None, "half a sentence, finished", default_kind="reflection")
    assert services.get_draft(engine, breakfast.id) is None


def test_resolve_meeting_by_prefix(engine, breakfast):
    assert services.resolve_meeting(engine, breakfast.id[:6]).id == breakfast.id
    with pytest.raises(NotFound):
        services.resolve_meeting(engine, "zzzz")


def test_resolve_meeting_ambiguous(engine):
    ids = [
        services.create_meeting(engine, "roundtable", title=f"M{i}", date=dt.date(2020, 1, 1)).id for i in range(40)
    ]
    # 40 random UUIDs share a first hex digit almost surely; find one that does.
    first = [i[0] for i in ids]
    common = max(set(first), key=first.count)
    assert first.count(common) > 1
    with pytest.raises(Ambiguous):
        services.resolve_meeting(engine, common)


def test_speaker_matched_by_surname_without_accents(engine):
    meeting = services.create_meeting(engine, "dialogue", title="Dialogue", date=dt.date(2017, 9, 6))
    person = services.add_participant(engine, meeting.id, "Ivan Šimonović", attributable=True)
    note = services.add_note(engine, meeting.id, "Opened the dialogue.", speaker="simonovic")
    assert note.speaker_id == person.id
