"""Purging identities from a protected meeting, its database file and its backups."""

import datetime as dt

import pytest

from facilitator import services
from facilitator.db import open_engine
from facilitator.errors import InvalidInput
from facilitator.services import speakers
from facilitator.services.backups import backup_database, list_backups
from facilitator.services.retention import purge_identities

from .exporting_helpers import on_the_record_for_a_while


def test_purge_keeps_content_and_removes_identities(engine, breakfast, db_path):
    item = services.list_items(engine, breakfast.id)[3]
    services.add_participant(engine, breakfast.id, "Zorana Xylander", region="the Western Balkans")
    with on_the_record_for_a_while(engine, breakfast.id):
        note = services.add_note(engine, breakfast.id, "Xylander argued for early warning.", item_id=item.id,
                                 speaker="Zorana Xylander")
    speakers.add_speaker(engine, breakfast.id, "Zorana Xylander")
    backup = backup_database(engine, reason="session")

    report = purge_identities(engine, breakfast.id)
    assert (report.notes_changed, report.speaker_links, report.queue_entries, report.backups_purged) == (1, 1, 1, 1)
    purged = services.get_note(engine, note.id)
    assert purged.text == "A participant argued for early warning."
    assert purged.speaker_id is None and speakers.list_queue(engine, breakfast.id) == []
    engine.dispose()
    for path in [db_path, *list_backups(open_engine(db_path))]:
        raw = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                                   if path.with_name(path.name + "-wal").exists() else b"")
        assert b"Xylander argued" not in raw, path
    assert backup.exists()


def test_on_the_record_meeting_is_not_purged(engine):
    meeting = services.create_meeting(engine, "dialogue", title="Dialogue", date=dt.date(2017, 9, 6))
    with pytest.raises(InvalidInput, match="on the record"):
        purge_identities(engine, meeting.id)


def test_purge_leaves_no_name_in_any_byte(engine, breakfast, db_path):
    """Every place a name can hide — the unsent draft, a follow-up comment, the participants line, the
    register itself, a speaker's row — is cleared from the file, its WAL and every backup."""
    from facilitator.services.followup import set_status

    items = services.list_items(engine, breakfast.id)
    services.add_participant(engine, breakfast.id, "Zorana Xylander", organisation="Quetzal Peace Forum",
                             region="the Western Balkans")
    with on_the_record_for_a_while(engine, breakfast.id):
        services.add_note(engine, breakfast.id, "A point of order.", item_id=items[3].id, speaker="Ignatius Wurlitzer")
    rec = services.add_note(engine, breakfast.id, "Fund the Quetzal Peace Forum's early warning.",
                            kind="recommendation", item_id=items[4].id)
    set_status(engine, rec.id, "taken-up", comment="Xylander confirmed it by e-mail")
    services.update_meeting(engine, breakfast.id, participants_text="Zorana Xylander and 14 others")
    services.save_draft(engine, breakfast.id, None, "Xylander was about to say")
    services.update_participant(engine, next(p.id for p in services.list_participants(engine, breakfast.id)
                                             if p.name == "Ignatius Wurlitzer"), attributable=False)
    backup_database(engine, reason="session")

    purge_identities(engine, breakfast.id)
    engine.dispose()
    files = [db_path, *list_backups(open_engine(db_path))]
    for path in files:
        raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
        for name in ("Xylander", "Wurlitzer", "Quetzal", "quetzal"):
            assert name.encode() not in raw, (path.name, name)
    assert services.get_note(open_engine(db_path), rec.id).text == "Fund a participating organisation's early warning."
