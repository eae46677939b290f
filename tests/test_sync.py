"""Push and pull between laptops (SQLite files) and an archive (a database on
the session's PostgreSQL server): what each database holds afterwards."""

import datetime as dt
import itertools

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import open_engine
from facilitator.models import NoteRevision
from facilitator.services._db import reading
from facilitator.services.sync import meetings_to_move, move


def push(laptop, archive, *refs, accept=False):
    return list(move(laptop, archive, meetings_to_move(laptop, list(refs)), source_name="laptop",
                     accept_rule_change=accept))


def pull(archive, laptop, *refs):
    return list(move(archive, laptop, meetings_to_move(archive, list(refs)), source_name="the archive"))


def notes_state(engine):
    """Every note of every meeting: (meeting, note id, text, deleted?)."""
    out = set()
    for meeting in services.list_meetings(engine):
        for n in services.get_detail(engine, meeting.id, include_deleted=True).notes:
            out.add((meeting.id, n.id, n.text, n.deleted_at is not None))
    return out


def revision_texts(engine):
    with reading(engine) as session:
        return {(r.note_id, r.text) for r in session.exec(select(NoteRevision)).all()}


@pytest.fixture
def archive(pg_database):
    engine = open_engine(pg_database())
    yield engine
    engine.dispose()


@pytest.fixture
def laptops(tmp_path):
    a, b = open_engine(tmp_path / "a.db"), open_engine(tmp_path / "b.db")
    yield a, b
    a.dispose()
    b.dispose()


def test_push_copies_every_row_and_is_idempotent(laptops, archive):
    a, _ = laptops
    meeting = services.create_meeting(a, "breakfast", title="Breakfast on prevention", date=dt.date(2017, 9, 7))
    services.add_participant(a, meeting.id, "Ivan Šimonović", attributable=True)
    note = services.add_note(a, meeting.id, "Use the UPR for structural prevention", kind="rec", addressee="UN")
    services.delete_note(a, services.add_note(a, meeting.id, "withdrawn remark").id)

    [first] = push(a, archive)
    assert first.report.added > 0 and first.error is None
    assert notes_state(archive) == notes_state(a)
    mine, theirs = services.get_detail(a, meeting.id), services.get_detail(archive, meeting.id)
    assert theirs.meeting == mine.meeting and theirs.items == mine.items and theirs.participants == mine.participants
    assert services.get_note(archive, note.id) == services.get_note(a, note.id)

    [again] = push(a, archive)
    assert (again.report.added, again.report.updated, again.report.conflicts) == (0, 0, 0)
    [back] = pull(archive, a)
    assert (back.report.added, back.report.updated, back.report.conflicts) == (0, 0, 0)


@pytest.mark.parametrize("order", list(itertools.permutations(["a push", "b push", "a pull", "b pull"])),
                         ids=lambda order: ", ".join(order))
def test_two_laptops_and_an_archive_converge_in_any_order(tmp_path, pg_database, order):
    a, b = open_engine(tmp_path / "a.db"), open_engine(tmp_path / "b.db")
    archive = open_engine(pg_database())
    # Both laptops start from the same meeting; each also has one of its own.
    shared = services.create_meeting(a, "roundtable", title="Shared roundtable", date=dt.date(2024, 3, 5))
    edited = services.add_note(a, shared.id, "Field offices lack analysts.")
    doomed = services.add_note(a, shared.id, "A note laptop A will delete.")
    push(a, archive)
    pull(archive, b)
    services.create_meeting(a, "breakfast", title="A's breakfast", date=dt.date(2024, 4, 1))
    services.create_meeting(b, "dialogue", title="B's dialogue", date=dt.date(2024, 5, 1))
    # Offline, both edit the same note (A later); each adds a note; A deletes one.
    services.update_note(b, edited.id, text="Field offices lack political analysts.")
    services.update_note(a, edited.id, text="Small field offices lack analysts and budgets.")
    services.add_note(a, shared.id, "Only on A.")
    services.add_note(b, shared.id, "Only on B.")
    services.delete_note(a, doomed.id)

    steps = {"a push": lambda: push(a, archive), "b push": lambda: push(b, archive),
             "a pull": lambda: pull(archive, a), "b pull": lambda: pull(archive, b)}
    for step in order:
        assert all(m.error is None for m in steps[step]())
    for step in ("a push", "b push", "a pull", "b pull"):  # then each sends what it has, and takes the rest
        steps[step]()

    assert notes_state(a) == notes_state(b) == notes_state(archive)
    assert {m.title for m in services.list_meetings(archive)} == {"Shared roundtable", "A's breakfast",
                                                                  "B's dialogue"}
    texts = {nid: text for _, nid, text, deleted in notes_state(archive) if not deleted}
    assert texts[edited.id] == "Small field offices lack analysts and budgets."  # the later edit
    assert doomed.id not in texts  # the deletion travelled
    losing = (edited.id, "Field offices lack political analysts.")
    # The other edit is kept, not lost, and every database has it: each rapporteur sees the conflict.
    assert losing in revision_texts(a) == revision_texts(b) == revision_texts(archive)
    for engine in (a, b, archive):
        engine.dispose()


def test_push_never_lowers_protection_unasked(laptops, archive):
    a, b = laptops
    meeting = services.create_meeting(a, "breakfast", title="Not for attribution", date=dt.date(2017, 9, 7))
    push(a, archive)
    pull(archive, b)
    services.update_meeting(b, meeting.id, rule="on-the-record")
    [kept] = push(b, archive)
    assert kept.report.rule_changes and not kept.report.rule_changes_applied
    assert services.get_meeting(archive, meeting.id).rule == "not-for-attribution"
    [applied] = push(b, archive, meeting.id[:6], accept=True)
    assert applied.report.rule_changes_applied
    assert services.get_meeting(archive, meeting.id).rule == "on-the-record"


def test_cli_push_and_pull_print_one_line_per_meeting(tmp_path, pg_database):
    url = pg_database()
    laptop, other = tmp_path / "laptop.db", tmp_path / "other.db"
    engine = open_engine(laptop)
    ids = [services.create_meeting(engine, "roundtable", title=f"Meeting {i}", date=dt.date(2020, 1, 1 + i)).id
           for i in range(3)]
    engine.dispose()
    runner = CliRunner()
    pushed = runner.invoke(app, ["--db", str(laptop), "push", "--to", url])
    assert pushed.exit_code == 0, pushed.output
    lines = pushed.stdout.splitlines()
    assert len(lines) == 3 and all(line.endswith("(pushed)") for line in lines)
    assert {line[:8] for line in lines} == {i[:8] for i in ids}
    pulled = runner.invoke(app, ["--db", str(other), "pull", ids[1][:8], "--from", url])
    assert pulled.exit_code == 0, pulled.output
    assert pulled.stdout.splitlines() == [f"{ids[1][:8]}  Meeting 1: {_added(other, ids[1])} added, 0 updated, "
                                          "0 unchanged, 0 in conflict (pulled)"]
    assert [m.id for m in services.list_meetings(open_engine(other))] == [ids[1]]


def _added(path, meeting_id):
    detail = services.get_detail(open_engine(path), meeting_id, include_deleted=True)
    return 1 + len(detail.items) + len(detail.participants) + len(detail.notes)
