"""Issue 22: a dismissed flag holds in one place — one identity, one field, that text, and for a note its
item and that item's rule — and the command line can dismiss a flag and allow an institution in the
participants line (attendance is not attribution)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

import pytest

from facilitator import services
from facilitator.db import close_engine, open_engine
from facilitator.migrations import LATEST_VERSION
from facilitator.services import audit as audit_service
from facilitator.services.meetings import update_item



@pytest.fixture
def meeting(engine):
    meeting = services.create_meeting(engine, "roundtable", title="Prevention roundtable", date=dt.date(2017, 2, 16))
    services.add_participant(engine, meeting.id, "Zorana Šimunović", organisation="Lindqvist Institute for Peace Studies")
    for name in ("Ana Petrova", "Mila Kovač"):
        services.add_participant(engine, meeting.id, name, organisation="Balkan Peace Forum")
    return meeting


def _items(engine, meeting_id):
    items = services.list_items(engine, meeting_id)
    return next(i for i in items if i.rule == "on-the-record"), next(i for i in items if i.kind == "discussion")


def test_a_dismissal_holds_in_its_item_and_rule_only(engine, meeting):
    keynote, discussion = _items(engine, meeting.id)
    note = services.add_note(engine, meeting.id, "The Lindqvist Institute paper was circulated.", item_id=keynote.id)
    (flag,) = audit_service.audit_meeting(engine, meeting.id)
    audit_service.dismiss(engine, meeting.id, flag)
    assert audit_service.audit_meeting(engine, meeting.id) == []
    services.update_note(engine, note.id, item_id=discussion.id)  # moved into the Chatham House discussion
    assert [f.note_id for f in audit_service.audit_meeting(engine, meeting.id)] == [note.id]
    services.update_note(engine, note.id, item_id=keynote.id)  # back where it was dismissed
    assert audit_service.audit_meeting(engine, meeting.id) == []
    update_item(engine, meeting.id, keynote.id, rule="chatham-house")  # the item's rule changes
    assert [f.note_id for f in audit_service.audit_meeting(engine, meeting.id)] == [note.id]


def test_an_upgrade_keeps_what_was_dismissed_where_it_was(engine, meeting, db_path):
    """Migration 10 rebinds each dismissal a note holds to the note's place, so nothing opens at the upgrade."""
    keynote, discussion = _items(engine, meeting.id)
    note = services.add_note(engine, meeting.id, "The Lindqvist Institute paper was circulated.", item_id=keynote.id)
    (flag,) = audit_service.audit_meeting(engine, meeting.id)
    digest = hashlib.sha256(flag.text.encode()).hexdigest()[:16]  # as release schema 9 recorded it
    old = f"{flag.identity}|{flag.field}|{digest}"
    close_engine(engine)
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE note SET cleared = ? WHERE id = ?", (f'["{old}"]', note.id))
        con.execute("DELETE FROM schema_migration WHERE version >= 10")
    upgraded = open_engine(db_path)
    try:
        assert audit_service.audit_meeting(upgraded, meeting.id) == []
        services.update_note(upgraded, note.id, item_id=discussion.id)
        assert len(audit_service.audit_meeting(upgraded, meeting.id)) == 1
    finally:
        close_engine(upgraded)
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT MAX(version) FROM schema_migration").fetchone() == (LATEST_VERSION,)


def test_the_audit_lists_a_reference_and_dismisses_by_it(run, engine, meeting):
    _, discussion = _items(engine, meeting.id)
    services.add_note(engine, meeting.id, "The EU-Lindqvist Institute study was cited.", item_id=discussion.id)
    listed = run("audit", meeting.id[:8])
    assert listed.exit_code == 1
    (line,) = [line for line in listed.stdout.splitlines() if "Lindqvist" in line]
    ref = line.rsplit("[", 1)[1].rstrip("]")
    assert len(ref) == 8
    wrong = run("audit", meeting.id[:8], "--dismiss", "00000000")
    assert wrong.exit_code == 2 and "No open flag '00000000'" in wrong.stderr and len(wrong.stderr.splitlines()) == 1
    assert len(audit_service.audit_meeting(engine, meeting.id)) == 1  # nothing dismissed
    dismissed = run("audit", meeting.id[:8], "--dismiss", ref)
    assert dismissed.exit_code == 0, dismissed.output
    assert f"Dismissed [{ref}]" in dismissed.stdout and "No open flags" in dismissed.stdout


def test_the_participants_line_may_name_an_institution_once_allowed(run, engine, meeting, tmp_path):
    _, discussion = _items(engine, meeting.id)
    services.update_meeting(engine, meeting.id, participants_text="Participants came from the Lindqvist Institute "
                                                                  "for Peace Studies and civil society.")
    assert run("audit", meeting.id[:8]).exit_code == 1
    lone = run("audit", meeting.id[:8], "--allow", "Lindqvist Institute for Peace Studies")
    assert lone.exit_code == 2 and "--attendance" in lone.stderr
    unknown = run("audit", meeting.id[:8], "--allow", "Nowhere Institute", "--attendance")
    assert unknown.exit_code == 2 and "No participant comes from 'Nowhere Institute'" in unknown.stderr
    allowed = run("audit", meeting.id[:8], "--allow", "lindqvist institute for peace studies", "--attendance")
    assert allowed.exit_code == 0, allowed.output
    assert "The participants line may name Lindqvist Institute for Peace Studies." in allowed.stdout
    # Only there: the same institution in a note is still a flag.
    services.add_note(engine, meeting.id, "Lindqvist Institute researchers disagreed.", item_id=discussion.id)
    flags = audit_service.audit_meeting(engine, meeting.id)
    assert [f.field for f in flags] == ["text"]


async def test_the_audit_screen_allows_an_institution_in_the_participants_line(engine, meeting):
    from textual.widgets import DataTable

    from screens.audit import AuditScreen

    from .ui_helpers import app_for, settle

    services.update_meeting(engine, meeting.id, participants_text="Experts came from the Lindqvist Institute for "
                                                                  "Peace Studies.")
    _, discussion = _items(engine, meeting.id)
    services.add_note(engine, meeting.id, "Šimunović urged a regional approach.", item_id=discussion.id)
    app = app_for(engine)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(AuditScreen(meeting.id))
        await settle(app, pilot)
        table = app.screen.query_one("#flags", DataTable)
        assert table.row_count == 2
        flags = app.screen.flags
        table.move_cursor(row=next(n for n, f in enumerate(flags) if f.field != "participants_text"))
        await pilot.press("l")  # a note is no attendance line: refused, nothing changes
        await settle(app, pilot)
        assert app.screen.query_one("#flags", DataTable).row_count == 2
        table.move_cursor(row=next(n for n, f in enumerate(app.screen.flags) if f.field == "participants_text"))
        await pilot.press("l")
        await settle(app, pilot)
        assert [f.field for f in app.screen.flags] == ["text"]
        assert app.screen.query_one("#flags", DataTable).row_count == 1
    assert [f.field for f in audit_service.audit_meeting(engine, meeting.id)] == ["text"]
