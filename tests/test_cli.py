"""The command line, through Typer's CliRunner: output, exit codes, and what
lands in (or stays out of) the database."""

import json

import pytest
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import open_engine



def new_breakfast(run):
    result = run("new", "breakfast", "--title", "Breakfast with the Special Adviser", "--date", "2017-09-07",
                 "--place", "New York")
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def test_version_and_templates(run):
    assert run("--version").stdout.startswith("facilitator ")
    listing = run("templates").stdout
    for key in ("roundtable", "breakfast", "workshop", "dialogue"):
        assert key in listing


def test_new_note_list_show(run, db_path):
    meeting_id = new_breakfast(run)
    before_the_clock = run("note", meeting_id[:6], "Civil society now speaks mid-programme.")
    assert before_the_clock.exit_code == 2  # the clock is on no item yet: say which, listing them
    assert before_the_clock.stderr.startswith("facilitator: The meeting's clock is on no item yet: give --item N "
                                              "(1. Arrival and breakfast; 2. Welcome by the organisers;")
    assert run("agenda", "clock", meeting_id[:6], "1").exit_code == 0
    first = run("note", meeting_id[:6], "Civil society now speaks mid-programme.")
    rec = run("note", meeting_id[:6], "Use the UPR for structural prevention.", "--kind", "rec", "--item", "5",
              "--addressee", "UN", "--headline", "The UPR can serve prevention.", "--key")
    assert first.exit_code == 0 and rec.exit_code == 0
    engine = open_engine(db_path)
    notes = services.list_notes(engine, meeting_id)
    items = services.list_items(engine, meeting_id)
    by_id = {n.id: n for n in notes}
    assert by_id[first.stdout.strip()].item_id == items[0].id
    saved = by_id[rec.stdout.strip()]
    assert (saved.kind, saved.item_id, saved.addressee, saved.key) == ("recommendation", items[4].id, "UN", True)
    assert saved.headline == "The UPR can serve prevention."
    assert "Breakfast with the Special Adviser" in run("list").stdout
    shown = run("show", meeting_id[:6]).stdout
    assert "Recommendations for the United Nations" in shown and "-> UN" in shown


@pytest.mark.parametrize(
    "args, message",
    [
        (("note", "nosuchid", "x"), "No meeting with id"),
        (("new", "breakfast", "--title", "x", "--date", "2017-13-45"), "Bad date"),
        (("new", "nosuch", "--title", "x", "--date", "2017-01-01"), "Unknown template"),
        (("new", "breakfast", "--title", "x", "--date", "2017-01-01", "--rule", "secret"), "Unknown attribution rule"),
        (("bogus",), "No such command"),
        (("new", "breakfast"), "Missing option '--title'"),
        (("new", "nosuch", "--title", "x"), "Unknown template"),  # the template, not a missing date
    ],
)
def test_bad_input_is_one_line_exit_2(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_bad_kind_or_item_changes_nothing(run, db_path):
    meeting_id = new_breakfast(run)
    for args in (("--kind", "gossip"), ("--item", "42")):
        result = run("note", meeting_id, "text", *args)
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
    assert services.list_notes(open_engine(db_path), meeting_id) == []


def test_not_a_database_is_refused_and_left_untouched(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my precious notes")
    result = CliRunner().invoke(app, ["--db", str(bogus), "list"])
    assert result.exit_code == 2 and "not a SQLite database" in result.stderr
    assert bogus.read_text() == "these are my precious notes"


def test_env_variable_selects_database(tmp_path, monkeypatch):
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("FACILITATOR_DB", str(target))
    result = CliRunner().invoke(app, ["new", "roundtable", "--title", "Env", "--date", "2017-02-16"])
    assert result.exit_code == 0
    assert [m.title for m in services.list_meetings(open_engine(target))] == ["Env"]


def test_bad_template_file_creates_nothing(run, db_path, tmp_path):
    template = tmp_path / "mine.toml"
    template.write_text('name = "Mine"\n\n[[items]]\ntitle = "Opening"\nminutes = "ten"\n')
    result = run("new", str(template), "--title", "x", "--date", "2017-01-01")
    assert result.exit_code == 2
    assert "mine.toml:5" in result.stderr and "items[1].minutes" in result.stderr
    assert not db_path.exists() or services.list_meetings(open_engine(db_path)) == []


def test_bundle_and_import_round_trip(run, db_path, tmp_path):
    meeting_id = new_breakfast(run)
    run("note", meeting_id, "A reflection on the dialogue.", "--item", "4")
    run("note", meeting_id, "A recommendation.", "--kind", "recommendation", "--item", "5")
    bundle = tmp_path / "meeting.json"
    assert run("bundle", meeting_id, "-o", str(bundle)).exit_code == 0
    assert json.loads(bundle.read_text())["meeting"]["id"] == meeting_id
    again = run("bundle", meeting_id, "-o", str(bundle))
    assert again.exit_code == 2 and "already exists" in again.stderr

    other_db = tmp_path / "other.db"
    runner = CliRunner()
    first = runner.invoke(app, ["--db", str(other_db), "import", str(bundle)])
    assert first.exit_code == 0 and "0 updated" in first.stdout
    second = runner.invoke(app, ["--db", str(other_db), "import", str(bundle)])
    assert "0 added, 0 updated" in second.stdout

    source, copy = open_engine(db_path), open_engine(other_db)
    original = services.get_detail(source, meeting_id)
    imported = services.get_detail(copy, meeting_id)
    assert imported.model_dump() == original.model_dump()


def test_import_of_broken_bundle_is_refused(run, db_path, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "facilitator-bundle", "version": 1, "meeting": ')
    result = run("import", str(broken))
    assert result.exit_code == 2 and "not valid JSON" in result.stderr
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "something-else"}))
    assert "not a facilitator bundle" in run("import", str(wrong)).stderr


def test_edit_participants_and_audit(run, db_path):
    result = run("new", "roundtable", "--title", "RtoP roundtable", "--date", "2017-02-16", "--place", "Brussels")
    meeting_id = result.stdout.strip()
    assert run("participants", "add", meeting_id, "Zorana Šimunović", "--org", "Balkan Peace Forum",
               "--region", "the Western Balkans").exit_code == 0
    assert "Zorana Šimunović" in run("participants", "list", meeting_id).stdout
    edited = run("edit", meeting_id, "--guest", "Ivan Šimonović, UN Special Adviser", "--organiser", "CSDN",
                 "--participants-text", "EU policy-makers and civil society experts", "--theme", "Information")
    assert edited.exit_code == 0, edited.output
    note = run("note", meeting_id, "Simunovic urged early warning.", "--item", "3", "--theme", "Leadership")
    assert note.exit_code == 0

    engine = open_engine(db_path)
    meeting = services.get_meeting(engine, meeting_id)
    assert meeting.guests == [{"name": "Ivan Šimonović", "role": "UN Special Adviser"}]
    assert meeting.themes == ["Information", "Leadership"]

    listed = run("audit", meeting_id)
    assert listed.exit_code == 1  # open flags: a script can gate on it
    assert "Zorana Šimunović" in listed.stdout and "Simunovic urged" in listed.stdout
    fixed = run("audit", meeting_id, "--anonymise", "--yes")
    assert "Anonymised 1 text(s)" in fixed.stdout and fixed.exit_code == 0
    text = services.get_note(engine, note.stdout.strip()).text
    assert text == "A participant urged early warning."
    assert "No open flags" in run("audit", meeting_id).stdout


def test_edit_without_options_or_bad_guest(run):
    meeting_id = new_breakfast(run)
    for args in ((), ("--guest", ", a role"), ("--rule", "maybe"), ("--end-date", "1999-01-01")):
        result = run("edit", meeting_id, *args)
        assert result.exit_code == 2, args
        assert len(result.stderr.strip().splitlines()) == 1


def test_phrase_library(run):
    listed = run("phrases").stdout
    assert "Participants stressed that" in listed
    count = len(listed.splitlines())
    added = run("phrases", "--add", "The rapporteur notes that")
    assert f"{count + 1:>2}. The rapporteur notes that" in added.stdout
    removed = run("phrases", "--remove", "1")
    assert "Participants stressed that" not in removed.stdout
    assert run("phrases", "--remove", "99").exit_code == 2


def test_a_new_meeting_is_held_today_unless_dated(run, engine):
    import datetime as dt

    from facilitator import services

    meeting = run("new", "breakfast", "--title", "Today's breakfast").stdout.strip()
    assert services.get_meeting(engine, services.resolve_meeting(engine, meeting).id).date == dt.date.today()
