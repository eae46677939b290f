"""The quick read path (facilitator/quickread.py): `facilitator list` and the
first frame read the meetings with sqlite3 alone, and give exactly what the
ORM path gives; for any database it may not read as it is, it steps aside and
the ORM path answers, with its own messages."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import facilitator.quickread
from facilitator import services
from facilitator.capture import parse_capture
from facilitator.cli import app
from facilitator.db import open_engine
from facilitator.quickread import read_meeting_text, read_meetings, read_search, read_tracker

from .exporting_helpers import on_the_record_for_a_while

ROOT = Path(__file__).resolve().parents[1]


def _imports_of(db: Path, *argv: str) -> tuple[subprocess.CompletedProcess, str]:
    """Run `facilitator --db DB ARGV...` in a fresh interpreter; its result, and "ORM" or "no ORM" as it
    imported SQLAlchemy, SQLModel or Pydantic or none of them."""
    code = ("import sys, atexit; from facilitator.cli import main; sys.argv = ['facilitator', '--db', *sys.argv[1:]];"
            "atexit.register(lambda: print('ORM' if {'sqlalchemy', 'sqlmodel', 'pydantic'} & set(sys.modules) "
            "else 'no ORM', file=sys.stderr)); main()")
    result = subprocess.run([sys.executable, "-c", code, str(db), *argv], cwd=ROOT, capture_output=True, text=True,
                            check=False, timeout=120)
    return result, result.stderr.strip().splitlines()[-1]


def _archive(db: Path) -> None:
    engine = open_engine(db)
    services.create_meeting(engine, "breakfast", title="UN–civil society cooperation", date=dt.date(2017, 9, 7))
    services.create_meeting(engine, "roundtable", title="Early warning", date=dt.date(2017, 2, 16))
    services.create_meeting(engine, "roundtable", title="Same day, made later", date=dt.date(2017, 2, 16))
    services.create_meeting(engine, "workshop", title="Regional bodies", date=dt.date(2018, 11, 14))
    meeting = services.list_meetings(engine)[1]
    item = services.list_items(engine, meeting.id)[0]
    for line in ("first", "second", "third"):
        services.capture_note(engine, meeting.id, item.id, parse_capture(line))
    engine.dispose()


def test_the_same_meetings_as_the_orm_in_the_same_order(tmp_path):
    db = tmp_path / "facilitator.db"
    _archive(db)
    engine = open_engine(db)
    orm = [(m.id, m.date, m.title, m.format, m.rule, m.note_count) for m in services.list_meetings(engine)]
    engine.dispose()
    assert [tuple(row) for row in read_meetings(db)] == orm
    assert sum(row.note_count for row in read_meetings(db)) == 3


def test_the_note_counts_read_an_index_alone(tmp_path):
    """Counting each meeting's notes not deleted reads the (meeting_id, deleted_at) index, not every note's
    row (migration 8): over an archive of 100,000 notes that was some 20 ms in front of the first frame."""
    db = tmp_path / "facilitator.db"
    _archive(db)
    plan = " ".join(row[-1] for row in sqlite3.connect(db).execute(
        "EXPLAIN QUERY PLAN " + facilitator.quickread.MEETINGS_SQL))
    assert "SCAN note USING COVERING INDEX ix_note_meeting_live" in plan, plan


def test_list_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch):
    db = tmp_path / "facilitator.db"
    _archive(db)
    quick = CliRunner().invoke(app, ["--db", str(db), "list"])
    monkeypatch.setattr(facilitator.quickread, "read_meetings", lambda _db: None)  # the ORM path
    full = CliRunner().invoke(app, ["--db", str(db), "list"])
    assert quick.exit_code == full.exit_code == 0
    assert quick.stdout == full.stdout and quick.stdout.count("\n") == 4


def test_list_reads_no_orm_on_a_plain_database(tmp_path):
    db = tmp_path / "facilitator.db"
    _archive(db)
    result, imported = _imports_of(db, "list")
    assert result.returncode == 0, result.stderr
    assert "Regional bodies" in result.stdout and imported == "no ORM"


def _meeting_to_show(db: Path) -> str:
    """A meeting with notes in two items, out of order, one deleted, one moved up, and every field `show`
    prints; its id."""
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "roundtable", title="Early warning [draft]", date=dt.date(2017, 2, 16))
    services.create_meeting(engine, "roundtable", title="Another", date=dt.date(2017, 2, 17))
    first, second = services.list_items(engine, meeting.id)[:2]
    ids = [services.capture_note(engine, meeting.id, item.id, parse_capture(line)).id for item, line in (
        (second, "ch: a challenge in the second item"),
        (first, "rec: Early warning :: The UN should act on early warning >UN !"),
        (first, "a plain reflection"),
        (first, "deleted later"),
        (first, "moved up"),
    )]
    services.delete_note(engine, ids[3])
    services.move_note(engine, ids[4], -1)
    engine.dispose()
    return meeting.id


def test_show_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch):
    db = tmp_path / "facilitator.db"
    meeting_id = _meeting_to_show(db)
    shown = {}
    for ref in (meeting_id, meeting_id[:6], f"  {meeting_id[:8].upper()} "):
        quick = CliRunner().invoke(app, ["--db", str(db), "show", ref])
        with monkeypatch.context() as patch:
            patch.setattr(facilitator.quickread, "read_meeting_text", lambda _db, _ref: None)  # the ORM path
            full = CliRunner().invoke(app, ["--db", str(db), "show", ref])
        assert quick.exit_code == full.exit_code == 0, (quick.stderr, full.stderr)
        assert quick.stdout == full.stdout
        shown[ref] = quick.stdout
    assert len(set(shown.values())) == 1
    text = shown[meeting_id]
    assert "deleted later" not in text
    assert text.index("moved up") < text.index("a plain reflection") < text.index("a challenge in the second")
    assert "* -> UN Early warning :: The UN should act on early warning" in text
    assert read_meeting_text(db, meeting_id).meeting.title == "Early warning [draft]"  # read by the quick path


@pytest.mark.parametrize("ref", ["", "   ", "zzz", "%", "_"])
def test_show_leaves_a_reference_to_no_one_meeting_to_the_full_path(tmp_path, ref):
    """Nothing, no meeting, or LIKE's own characters: the full path answers, in its words."""
    db = tmp_path / "facilitator.db"
    _meeting_to_show(db)
    assert read_meeting_text(db, ref) is None
    result = CliRunner().invoke(app, ["--db", str(db), "show", ref])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_show_steps_aside_for_an_ambiguous_prefix(tmp_path):
    db = tmp_path / "facilitator.db"
    meeting_id = _meeting_to_show(db)
    twin = meeting_id[:6] + "zz-twin"  # z is in no generated id
    with sqlite3.connect(db) as connection:  # a second meeting whose id starts as the first one's does
        connection.execute("CREATE TEMP TABLE twin AS SELECT * FROM meeting WHERE id = ?", (meeting_id,))
        connection.execute("UPDATE twin SET id = ?, title = 'Twin'", (twin,))
        connection.execute("INSERT INTO meeting SELECT * FROM twin")
    assert read_meeting_text(db, meeting_id[:6]) is None
    result = CliRunner().invoke(app, ["--db", str(db), "show", meeting_id[:6]])
    assert result.exit_code == 2 and "More than one meeting" in result.stderr
    assert read_meeting_text(db, twin[:8]).meeting.title == "Twin"
    assert read_meeting_text(db, meeting_id).meeting.title == "Early warning [draft]"  # the exact id wins


def test_show_reads_no_orm_on_a_plain_database(tmp_path):
    db = tmp_path / "facilitator.db"
    meeting_id = _meeting_to_show(db)
    result, imported = _imports_of(db, "show", meeting_id[:8])
    assert result.returncode == 0, result.stderr
    assert "Early warning [draft]" in result.stdout and imported == "no ORM"


def _searchable(db: Path) -> None:
    """Notes a search finds in a protected meeting (a speaker named while it was on the record) and in a
    public one, with every filter's field set on some of them."""
    engine = open_engine(db)
    protected = services.create_meeting(engine, "breakfast", title="NFA", date=dt.date(2017, 9, 7))
    public = services.create_meeting(engine, "dialogue", title="OTR", date=dt.date(2017, 9, 6))
    with on_the_record_for_a_while(engine, protected.id):
        services.add_note(engine, protected.id, "Sanctions need review", kind="rec", addressee="UN",
                          speaker="Jane Smith", themes=["Politics"])
    services.add_note(engine, public.id, "Sanctions need review too", speaker="Ivan Šimonović")
    services.add_note(engine, public.id, "Early warning and sanctions, a third note")
    engine.dispose()


SEARCHES = [
    ["sanctions"], ["sanctions", "--format", "json"], ["sanctions", "-a", "un"], ["sanctions", "-t", "politics"],
    ["sanctions", "--rule", "on-the-record"], ["sanctions", "--since", "2017-09-07"], ["sanctions", "-k", "rec"],
    ["sanctions", "--limit", "1"], ['"need review"'], ["sanc*", "-f", "json"], ["nothing-of-the-sort"],
    ["simonovic"],
]


@pytest.mark.parametrize("args", SEARCHES)
def test_search_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch, args):
    db = tmp_path / "facilitator.db"
    _searchable(db)
    quick = CliRunner().invoke(app, ["--db", str(db), "search", *args])
    monkeypatch.setattr(facilitator.quickread, "read_search", lambda _db, _query, **_filters: None)  # the ORM
    full = CliRunner().invoke(app, ["--db", str(db), "search", *args])
    assert quick.exit_code == full.exit_code == 0, (quick.stderr, full.stderr)
    assert quick.stdout == full.stdout


def test_the_quick_search_prints_no_protected_speaker(tmp_path):
    db = tmp_path / "facilitator.db"
    _searchable(db)
    hits = {hit.text: hit for hit in read_search(db, "sanctions")}
    assert hits["Sanctions need review"].speaker == "" and hits["Sanctions need review too"].speaker == "Ivan Šimonović"
    result = CliRunner().invoke(app, ["--db", str(db), "search", "sanctions", "-f", "json"])
    assert "Jane Smith" not in result.stdout and "Ivan Šimonović" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["*"], "Type at least one word to search for."),
    (["sanctions", "-k", "rumour"], "Unknown note kind 'rumour'."),
    (["sanctions", "--rule", "loose"], "Unknown attribution rule 'loose'."),
    (["sanctions", "--since", "7 Sept"], "Bad --since date '7 Sept': use YYYY-MM-DD, e.g. 2017-09-07."),
    (["sanctions", "--limit", "0"], "Invalid value for '--limit': Input should be greater than or equal to 1"),
])
def test_a_search_a_user_got_wrong_is_one_line(tmp_path, args, message):
    db = tmp_path / "facilitator.db"
    _searchable(db)
    result = CliRunner().invoke(app, ["--db", str(db), "search", *args])
    assert result.exit_code == 2 and result.stderr == f"facilitator: {message}\n"


def test_search_reads_no_orm_on_a_plain_database(tmp_path):
    db = tmp_path / "facilitator.db"
    _searchable(db)
    result, imported = _imports_of(db, "search", "sanctions", "-k", "rec", "--since", "2017-01-01")
    assert result.returncode == 0, result.stderr
    assert "NFA" in result.stdout and imported == "no ORM"


def _newer(db: Path) -> None:
    _archive(db)
    with sqlite3.connect(db) as connection:
        connection.execute("INSERT INTO schema_migration VALUES (999, 'from the future', '2030-01-01')")


def _older(db: Path) -> None:
    """A schema version below this release's (the record of the last migration gone)."""
    _archive(db)
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM schema_migration WHERE version = (SELECT MAX(version) FROM schema_migration)")


def _encrypted_looking(db: Path) -> None:
    db.write_bytes(bytes(range(256)) * 16)


def _not_ours(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE minutes (line TEXT)")


@pytest.mark.parametrize("make", [_newer, _older, _encrypted_looking, _not_ours])
def test_steps_aside_for_what_it_may_not_read_as_it_is(tmp_path, make):
    db = tmp_path / "facilitator.db"
    make(db)
    assert read_meetings(db) is None
    assert read_meeting_text(db, "a") is None
    assert read_search(db, "sanctions") is None


def test_steps_aside_for_a_missing_file_and_a_server(tmp_path):
    assert read_meetings(tmp_path / "not-yet.db") is None
    assert not (tmp_path / "not-yet.db").exists()  # nothing created: creating is the full path's job
    assert read_meetings("postgresql://nobody@localhost/nothing") is None


def test_the_database_is_resolved_as_everywhere(tmp_path, monkeypatch):
    db = tmp_path / "from-env.db"
    _archive(db)
    monkeypatch.setenv("FACILITATOR_DB", str(db))
    assert read_meetings(None)[0].title == "Regional bodies"


@pytest.mark.parametrize("make, message", [(_newer, "newer release"), (_encrypted_looking, "Passphrase needed"),
                                           (_not_ours, "not a facilitator one")])
def test_list_says_what_the_full_path_says(tmp_path, make, message):
    db = tmp_path / "facilitator.db"
    make(db)
    result = CliRunner().invoke(app, ["--db", str(db), "list"])
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_migrations_import_no_sqlalchemy():
    code = "import sys, facilitator.migrations; print('sqlalchemy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_templates_reads_no_orm(tmp_path):
    """`facilitator templates` names each template's house style through the one registry (`exports`), which
    loads a style's module, and with it the models, only when a document is built."""
    code = ("import sys; from facilitator.cli import main; sys.argv = ['facilitator', '--db', sys.argv[1], "
            "'templates']; import atexit; atexit.register(lambda: print('ORM' if 'sqlalchemy' in sys.modules "
            "else 'no ORM', file=sys.stderr)); main()")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "facilitator.db")], cwd=ROOT,
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "written up as a policy memo" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "no ORM"


def test_the_service_and_the_quick_path_find_the_same_hits(tmp_path):
    import json

    from facilitator.searching import hit_json
    from facilitator.services.search import search

    db = tmp_path / "facilitator.db"
    _searchable(db)
    engine = open_engine(db)
    hits = search(engine, "sanctions")
    engine.dispose()
    assert len(hits) == 3 and read_search(db, "sanctions") == hits
    assert {type(hit.meeting_date) for hit in hits} == {dt.date} and {type(hit.score) for hit in hits} == {float}
    printed = json.loads(json.dumps([hit_json(hit) for hit in hits]))
    assert printed[0]["meeting_date"] == hits[0].meeting_date.isoformat()
    assert list(printed[0]) == list(hits[0]._fields)


def _followed(db: Path) -> None:
    """Recommendations and actions in two meetings: statuses open and closed, dated changes, addressees, a
    deleted one, a reflection (not followed), and two in different items at the same position (a tie the
    order breaks by when they were taken)."""
    from facilitator.services.followup import set_status

    engine = open_engine(db)
    first = services.create_meeting(engine, "roundtable", title="Early warning", date=dt.date(2017, 2, 16))
    second = services.create_meeting(engine, "breakfast", title="Cooperation", date=dt.date(2017, 9, 7))
    one, two = services.list_items(engine, first.id)[:2]
    notes = {}
    for meeting, item, line in (
        (first, two, "rec: Fund early warning :: Donors should fund it >eu"),
        (first, one, "rec: Share data with the UN >UN"),
        (first, one, "a: Draft the concept note"),
        (first, one, "a reflection, not followed"),
        (first, one, "rec: Deleted later"),
        (second, None, "rec: Meet every year >UN"),
        (second, None, "rec: Dropped idea"),
    ):
        target = item or services.list_items(engine, meeting.id)[0]
        notes[line] = services.capture_note(engine, meeting.id, target.id, parse_capture(line)).id
    services.delete_note(engine, notes["rec: Deleted later"])
    set_status(engine, notes["rec: Share data with the UN >UN"], "taken-up", date=dt.date(2017, 3, 1))
    set_status(engine, notes["rec: Share data with the UN >UN"], "in-progress", date=dt.date(2017, 6, 1))
    set_status(engine, notes["rec: Dropped idea"], "dropped", date=dt.date(2017, 10, 1))
    engine.dispose()


@pytest.mark.parametrize("args", [[], ["-a", "un"], ["-s", "dropped"], ["-s", "in progress"], ["-a", "nobody"],
                                  ["-s", "achieved", "-a", "un"]])
def test_followup_list_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch, args):
    db = tmp_path / "facilitator.db"
    _followed(db)
    quick = CliRunner().invoke(app, ["--db", str(db), "followup", "list", *args])
    monkeypatch.setattr(facilitator.quickread, "read_tracker", lambda _db, **_filters: None)  # the ORM path
    full = CliRunner().invoke(app, ["--db", str(db), "followup", "list", *args])
    assert quick.exit_code == full.exit_code == 0, (quick.stderr, full.stderr)
    assert quick.stdout == full.stdout


def test_the_quick_tracker_reads_what_the_service_reads(tmp_path):
    from facilitator.services.followup import tracker

    db = tmp_path / "facilitator.db"
    _followed(db)
    engine = open_engine(db)
    full = [(r.note.id, r.note.status, r.meeting_date, r.last_change) for r in tracker(engine)]
    engine.dispose()
    quick = [(r.note.id, r.note.status, r.meeting_date, r.last_change) for r in read_tracker(db)]
    assert quick == full and len(quick) == 4  # the deleted, the reflection and the dropped are not listed
    assert dt.date(2017, 6, 1) in [last for *_, last in quick]
    result, imported = _imports_of(db, "followup", "list")
    assert result.returncode == 0 and imported == "no ORM", result.stderr
    assert "Fund early warning" in result.stdout


def test_the_tracker_breaks_ties_by_when_notes_were_taken(tmp_path):
    db = tmp_path / "facilitator.db"
    _followed(db)
    titles = [row.note.headline or row.note.text for row in read_tracker(db)]
    # "Fund early warning" (item 2) and "Share data" (item 1) share a position: the first taken comes first
    assert titles[:2] == ["Fund early warning", "Share data with the UN"]


def test_a_status_a_user_got_wrong_is_the_services_one_line(tmp_path):
    db = tmp_path / "facilitator.db"
    _followed(db)
    result = CliRunner().invoke(app, ["--db", str(db), "followup", "list", "-s", "finished"])
    assert result.exit_code == 2
    assert result.stderr == ("facilitator: Unknown status 'finished'; use one of: proposed, taken-up, in-progress, "
                             "achieved, dropped.\n")


def test_agenda_list_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch):
    db = tmp_path / "facilitator.db"
    meeting_id = _meeting_to_show(db)
    runner = CliRunner()
    for args in (["set", meeting_id, "2", "--rule", "on-the-record", "--day", "2", "--question", "Who warns?",
                  "--question", "Who acts? [and when]", "--default-kind", "rec", "--minutes", "45"],
                 ["group-add", meeting_id, "2", "Group A"], ["group-add", meeting_id, "2", "Groupe B (Genève)"],
                 ["theme-add", meeting_id, "Prevention"], ["theme-add", meeting_id, "Gender"],
                 ["heading", meeting_id, "reflections", "What we heard"],
                 ["intro", meeting_id, "recommendations", "Participants proposed:"], ["clock", meeting_id, "2"]):
        result = runner.invoke(app, ["--db", str(db), "agenda", *args])
        assert result.exit_code == 0, result.stderr
    quick = runner.invoke(app, ["--db", str(db), "agenda", "list", meeting_id[:8]])
    monkeypatch.setattr(facilitator.quickread, "read_meeting_text", lambda _db, _ref, **_kw: None)  # the ORM
    full = runner.invoke(app, ["--db", str(db), "agenda", "list", meeting_id[:8]])
    assert quick.exit_code == full.exit_code == 0, (quick.stderr, full.stderr)
    assert quick.stdout == full.stdout
    for shown in ("? Who acts? [and when]", "group: Groupe B (Genève)", "<- clock", "themes: 1. Prevention; 2. Gender",
                  "heading reflections: What we heard", "on-the-record", "day 2"):
        assert shown in quick.stdout, quick.stdout
    monkeypatch.undo()
    result, imported = _imports_of(db, "agenda", "list", meeting_id[:8])
    assert result.returncode == 0 and imported == "no ORM", result.stderr


def test_participants_list_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch):
    db = tmp_path / "facilitator.db"
    meeting_id = _meeting_to_show(db)
    runner = CliRunner()
    for args in (["Ivan Šimonović", "--org", "UN", "--region", "Europe"], ["Jane Smith", "--org", "Friedrich-Ebert"],
                 ["Jane Smith", "--org", "A namesake [sic]"], ["Amina Diallo", "--attributable"]):
        result = runner.invoke(app, ["--db", str(db), "participants", "add", meeting_id, *args])
        assert result.exit_code == 0, result.stderr
    quick = runner.invoke(app, ["--db", str(db), "participants", "list", meeting_id[:8]])
    monkeypatch.setattr(facilitator.quickread, "read_participants", lambda _db, _ref: None)  # the ORM path
    full = runner.invoke(app, ["--db", str(db), "participants", "list", meeting_id[:8]])
    assert quick.exit_code == full.exit_code == 0, (quick.stderr, full.stderr)
    assert quick.stdout == full.stdout and quick.stdout.count("Jane Smith") == 2 and "attributable" in quick.stdout
    monkeypatch.undo()
    result, imported = _imports_of(db, "participants", "list", meeting_id[:8])
    assert result.returncode == 0 and imported == "no ORM", result.stderr
    result = runner.invoke(app, ["--db", str(db), "participants", "list", "zzz"])
    assert result.exit_code == 2 and "No meeting with id 'zzz'" in result.stderr


def _both_ways(db: Path, monkeypatch, reader: str, *args: str):
    """`facilitator --db DB ARGS` by the quick path, then with quickread's `reader` stepping aside (the service
    layer): both results, and what the quick one imported in a fresh interpreter."""
    runner = CliRunner()
    quick = runner.invoke(app, ["--db", str(db), *args])
    with monkeypatch.context() as patched:
        patched.setattr(facilitator.quickread, reader, lambda *_args, **_kw: None)
        full = runner.invoke(app, ["--db", str(db), *args])
    assert quick.exit_code == full.exit_code == 0, (quick.stderr, full.stderr)
    result, imported = _imports_of(db, *args)
    assert result.returncode == 0 and result.stdout == quick.stdout, result.stderr
    return quick, full, imported


def test_phrases_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch):
    db = tmp_path / "facilitator.db"
    _archive(db)
    quick, full, imported = _both_ways(db, monkeypatch, "read_phrases", "phrases")  # the shipped list
    assert quick.stdout == full.stdout and quick.stdout.startswith(" 1. ") and imported == "no ORM"
    saved = CliRunner().invoke(app, ["--db", str(db), "phrases", "--add", "The Chair noted | with thanks", "--remove",
                                     "1"])
    assert saved.exit_code == 0, saved.stderr
    quick, full, imported = _both_ways(db, monkeypatch, "read_phrases", "phrases")  # the user's own list
    assert quick.stdout == full.stdout == saved.stdout and "The Chair noted | with thanks" in quick.stdout
    assert imported == "no ORM"


def test_speakers_list_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch):
    from facilitator.services import speakers

    db = tmp_path / "facilitator.db"
    meeting_id = _meeting_to_show(db)
    engine = open_engine(db)
    for name, kw in (("Guatemala", {"category": "member-state", "language": "Spanish"}),
                     ("Ghana", {"on_behalf_of": "the Group of Friends of RtoP", "members": 52}),
                     ("Global Centre for the Responsibility to Protect", {"category": "civil-society"}),
                     ("Brazil", {"waiting_index": 0})):
        speakers.add_speaker(engine, meeting_id, name, **kw)
    first = speakers.call_next(engine, meeting_id, now=dt.datetime(2017, 2, 16, 10, tzinfo=dt.UTC))
    speakers.mark_spoken(engine, first.id, now=dt.datetime(2017, 2, 16, 10, 4, 31, tzinfo=dt.UTC))
    engine.dispose()
    with sqlite3.connect(db) as connection:  # two entries at one place, as a merge from two laptops leaves them
        connection.execute("UPDATE intervention SET position = 3 WHERE name LIKE 'Gl%'")
    quick, full, imported = _both_ways(db, monkeypatch, "read_queue", "speakers", "list", meeting_id[:8])
    assert quick.stdout == full.stdout and imported == "no ORM"
    lines = quick.stdout.splitlines()
    assert lines[0] == "  1. Brazil  [-]   spoken 4:31" and "on behalf of the Group of Friends of RtoP" in lines[2]
    result = CliRunner().invoke(app, ["--db", str(db), "speakers", "list", "zzz"])
    assert result.exit_code == 2 and "No meeting with id 'zzz'" in result.stderr


def test_followup_show_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch):
    from facilitator.services import followup

    db = tmp_path / "facilitator.db"
    meeting_id = _meeting_to_show(db)
    engine = open_engine(db)
    recommendation = next(n for n in services.get_detail(engine, meeting_id).notes if n.kind == "recommendation")
    followup.set_status(engine, recommendation.id, "taken-up", comment="Raised | at the Council",
                        date=dt.date(2017, 3, 1))
    followup.set_status(engine, recommendation.id, "in progress", date=dt.date(2017, 3, 1))
    later = services.create_meeting(engine, "roundtable", title="A year on", date=dt.date(2018, 2, 16))
    item = services.list_items(engine, later.id)[0]
    reports = [services.capture_note(engine, later.id, item.id, parse_capture(line)).id
               for line in ("The UN set up a unit", "withdrawn later", "A second report")]
    for report in reports:
        followup.link(engine, report, recommendation.id)
    services.delete_note(engine, reports[1])
    engine.dispose()
    for ref, reader in ((recommendation.id[:6], "the recommendation"), (reports[0].upper(), "a report")):
        quick, full, imported = _both_ways(db, monkeypatch, "read_follow_up", "followup", "show", ref)
        assert quick.stdout == full.stdout and imported == "no ORM", reader
    quick, _, _ = _both_ways(db, monkeypatch, "read_follow_up", "followup", "show", recommendation.id)
    assert quick.stdout.splitlines()[1:] == [
        "status: in-progress", "  2017-03-01  taken-up     Raised | at the Council", "  2017-03-01  in-progress  ",
        f"  reported on by {reports[0][:8]}  The UN set up a unit", f"  reported on by {reports[2][:8]}  A second report"]
    for ref, message in (("zzz", "No note with id 'zzz'"), ("", "No note with id ''"), ("%", "No note with id '%'")):
        result = CliRunner().invoke(app, ["--db", str(db), "followup", "show", ref])
        assert result.exit_code == 2 and message in result.stderr, (ref, result.stderr)


def test_an_id_is_found_by_its_characters_never_by_a_wildcard(tmp_path):
    """`_` and `%` are what a user typed, not LIKE's wildcards: "5bb_5abb" finds no meeting whose id is
    "5bbX5abb…", and "%" finds nothing, by the quick path and the services alike."""
    from facilitator.errors import NotFound
    from facilitator.services import followup, notes

    db = tmp_path / "facilitator.db"
    meeting_id = _meeting_to_show(db)
    engine = open_engine(db)
    note_id = services.get_detail(engine, meeting_id).notes[0].id
    runner = CliRunner()
    for ref in (meeting_id[:3] + "_" + meeting_id[4:8], "%", meeting_id[:2] + "%"):
        result = runner.invoke(app, ["--db", str(db), "show", ref])
        assert result.exit_code == 2 and f"No meeting with id {ref!r}" in result.stderr, (ref, result.stderr)
        with pytest.raises(NotFound):
            services.resolve_meeting(engine, ref)
    for ref in (note_id[:3] + "_" + note_id[4:8], "%", note_id[:2] + "%"):
        result = runner.invoke(app, ["--db", str(db), "followup", "show", ref])
        assert result.exit_code == 2 and f"No note with id {ref!r}" in result.stderr, (ref, result.stderr)
        for find in (lambda: followup.resolve_note(engine, ref), lambda: notes.find_note(engine, meeting_id, ref)):
            with pytest.raises(NotFound):
                find()
    assert services.resolve_meeting(engine, meeting_id[:8].upper()).id == meeting_id
    engine.dispose()


def test_speakers_stats_prints_the_same_bytes_by_either_path(tmp_path, monkeypatch):
    """Timed turns, runs of notes by one speaker (one statement each), a turn and a note in an item later put
    under the Chatham House rule (in the table, not in the CSV): the same figures by either path."""
    from facilitator.services import speakers

    db = tmp_path / "facilitator.db"
    engine = open_engine(db)
    dialogue = services.create_meeting(engine, "dialogue", title="Annual dialogue", date=dt.date(2017, 9, 6))
    for name, at in (("Ghana", 0), ("Brazil", 3), ("Ghana", 5), ("Kenya", 9)):
        speakers.add_speaker(engine, dialogue.id, name, category="member-state")
        speakers.call_next(engine, dialogue.id, now=dt.datetime(2017, 9, 6, 15, at, tzinfo=dt.UTC))
    speakers.call_next(engine, dialogue.id, now=dt.datetime(2017, 9, 6, 15, 12, 30, tzinfo=dt.UTC))
    engine.dispose()
    runner = CliRunner()
    for item, speaker, text in (("3", "Peru", "A standing capacity."), ("3", "Peru", "And its budget."),
                                ("3", "Mexico", "Agreed."), ("3", "Peru", "One more point."),
                                ("2", "Peru", "In another item."), ("4", "Mexico", "Said under a rule changed later.")):
        result = runner.invoke(app, ["--db", str(db), "note", dialogue.id[:8], text, "--speaker", speaker,
                                     "--item", item])
        assert result.exit_code == 0, result.stderr
    assert runner.invoke(app, ["--db", str(db), "agenda", "set", dialogue.id[:8], "4", "--rule",
                               "chatham-house"]).exit_code == 0
    shown = {}
    for fmt in ("table", "csv"):
        quick, full, imported = _both_ways(db, monkeypatch, "read_speaker_stats", "speakers", "stats",
                                           dialogue.id[:8], "--format", fmt)
        assert quick.stdout == full.stdout and imported == "no ORM", fmt
        shown[fmt] = quick.stdout.splitlines()
    assert shown["csv"][1:] == ["Ghana,member-state,2,420,2,0", "Kenya,member-state,1,210,1,0",
                                "Brazil,member-state,1,120,1,0", "Peru,,3,0,0,3",
                                "Mexico,,1,0,0,1"]  # Mexico's note in item 4 is not for readers
    assert shown["table"][-1] == ("9 intervention(s) by 5 speaker(s): 4 timed turn(s), 5 statement(s) recorded as "
                                  "notes.")


def test_speakers_stats_for_readers_of_a_protected_meeting_is_the_one_line_by_either_path(tmp_path, monkeypatch):
    db = tmp_path / "facilitator.db"
    meeting_id = _meeting_to_show(db)  # a roundtable under the Chatham House rule
    runner = CliRunner()
    args = ["--db", str(db), "speakers", "stats", meeting_id[:8], "--format", "csv"]
    quick = runner.invoke(app, args)
    monkeypatch.setattr(facilitator.quickread, "read_speaker_stats", lambda *_args, **_kw: None)
    full = runner.invoke(app, args)
    assert quick.exit_code == full.exit_code == 2 and quick.stderr == full.stderr
    assert quick.stderr.startswith("facilitator: This meeting is held under the Chatham House rule: its speakers list")
