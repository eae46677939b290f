"""Two copies diverge on one meeting; each bundle is imported into the other.
Both end with the same notes and a visible record of every conflict. The
plenary's copy is a laptop's SQLite file, and once an archive on PostgreSQL."""

import datetime as dt

import pytest

from facilitator import services
from facilitator.db import open_engine
from facilitator.models import NoteRevision
from facilitator.services.bundles import import_bundle, write_bundle
from facilitator.services._db import transaction
from sqlmodel import select


def revisions(engine):
    with transaction(engine) as session:
        return [(r.note_id, r.text) for r in session.exec(select(NoteRevision)).all()]


@pytest.mark.both_databases
def test_diverging_copies_converge(engine, tmp_path):
    plenary = engine
    meeting = services.create_meeting(plenary, "workshop", title="Field presence workshop", date=dt.date(2024, 3, 5))
    breakout = next(i for i in services.list_items(plenary, meeting.id) if i.kind == "breakout")
    shared = services.add_note(plenary, meeting.id, "Field offices lack analysts.", item_id=breakout.id, group="A")
    doomed = services.add_note(plenary, meeting.id, "A note the group will delete.", item_id=breakout.id, group="A")
    group = open_engine(tmp_path / "group.db")  # the group's laptop starts with a copy of the meeting
    import_bundle(group, write_bundle(plenary, meeting.id, tmp_path / "copy.json"))

    # Diverge: both edit the shared note (the group later), each adds a note, the group deletes one.
    services.update_note(plenary, shared.id, text="Field offices lack political analysts.")
    services.update_note(group, shared.id, text="Small field offices lack analysts and budgets.")
    services.add_note(plenary, meeting.id, "Plenary-only note.", item_id=breakout.id)
    services.add_note(group, meeting.id, "Group-only note.", item_id=breakout.id, group="A")
    services.delete_note(group, doomed.id)

    from_group = write_bundle(group, meeting.id, tmp_path / "group.json", group="A")
    from_plenary = write_bundle(plenary, meeting.id, tmp_path / "plenary.json")
    report = import_bundle(plenary, from_group)
    assert (report.added, report.conflicts) == (1, 1)
    import_bundle(group, from_plenary)

    def state(engine):
        return sorted((n.id, n.text, n.deleted_at is not None)
                      for n in services.get_detail(engine, meeting.id, include_deleted=True).notes)

    assert state(plenary) == state(group)
    texts = {n.id: n.text for n in services.get_detail(plenary, meeting.id).notes}
    assert texts[shared.id] == "Small field offices lack analysts and budgets."  # the later edit
    assert doomed.id not in texts  # the deletion travelled
    assert (shared.id, "Field offices lack political analysts.") in revisions(plenary)
    assert (shared.id, "Field offices lack political analysts.") in revisions(group)

    again = import_bundle(plenary, from_group)
    assert (again.added, again.updated, again.conflicts) == (0, 0, 0)
    assert len(revisions(plenary)) == 1


def test_a_conflict_travels_to_a_third_laptop_once(engine, tmp_path):
    """The losing version kept where a merge happened goes with the meeting: a third copy that never saw
    either edit gets it once, however often it imports, and a bundle cannot attach a revision to a note
    that is not its meeting's."""
    import json

    from facilitator.errors import BundleError

    meeting = services.create_meeting(engine, "roundtable", title="Roundtable", date=dt.date(2024, 3, 5))
    note = services.add_note(engine, meeting.id, "Analysts are few.")
    other = open_engine(tmp_path / "other.db")
    third = open_engine(tmp_path / "third.db")
    import_bundle(other, write_bundle(engine, meeting.id, tmp_path / "copy.json"))
    services.update_note(engine, note.id, text="Analysts are few and leave.")
    services.update_note(other, note.id, text="Analysts are very few.")
    import_bundle(engine, write_bundle(other, meeting.id, tmp_path / "other.json"))
    merged = write_bundle(engine, meeting.id, tmp_path / "merged.json")
    for _ in range(2):
        import_bundle(third, merged)
    assert revisions(third) == revisions(engine) and len(revisions(third)) == 1

    data = json.loads(merged.read_text(encoding="utf-8"))
    data["revisions"][0]["note_id"] = "0" * 32
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BundleError, match="revisions.0.note_id"):
        import_bundle(third, hostile)
    other.dispose()
    third.dispose()
