"""What a user can get wrong on the command line, found by trying to break it:
each is one line on stderr and exit 2, never a traceback, a hang or a kill,
and nothing saved changes. (Paths with an unknown `~user`, devices and pipes
given as files, numbers too large for a list, a digit int() cannot read, a
breakout group named by letters several groups share, an empty --db.)"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import services
from facilitator.services.meetings import add_group
from facilitator.services.speakers import list_queue

ROOT = Path(__file__).resolve().parents[1]



def refused(result, words: str) -> None:
    """One line on stderr, saying `words`, and exit 2."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("facilitator: "), result.stderr
    assert words in result.stderr, result.stderr


@pytest.fixture
def workshop(engine):
    """A workshop whose item 2 has three breakout groups, one of which holds a note."""
    meeting = services.create_meeting(engine, "roundtable", title="Early warning", date=dt.date(2018, 11, 14))
    item = services.list_items(engine, meeting.id)[1]
    for group in ("Group A: large field presence", "Group B: small field presence", "Group C: no field presence"):
        add_group(engine, meeting.id, item.id, group)
    services.add_note(engine, meeting.id, "Field offices warn first.", item_id=item.id, group="Group A")
    return meeting


def _groups(engine, meeting_id):
    return ([item.groups for item in services.list_items(engine, meeting_id)],
            [note.group for note in services.list_notes(engine, meeting_id)])


@pytest.mark.parametrize("args", [["agenda", "group-rename", "{id}", "G", "Renamed"],
                                  ["agenda", "group-remove", "{id}", "Group"],
                                  ["note", "{id}", "A note", "--item", "2", "--group", "G"],
                                  ["bundle", "{id}", "-o", "{tmp}/part.json", "--group", "Gro"]])
def test_letters_several_groups_share_name_none_of_them(run, engine, workshop, tmp_path, args):
    before = _groups(engine, workshop.id)
    result = run(*[a.format(id=workshop.id[:8], tmp=tmp_path) for a in args])
    refused(result, "could be 'Group A: large field presence', 'Group B: small field presence' or 'Group C: no "
                    "field presence'; give more of the name.")
    assert _groups(engine, workshop.id) == before and not (tmp_path / "part.json").exists()


def test_a_group_is_still_found_by_its_letter_short_name_or_beginning(run, engine, workshop):
    for name in ("B", "group b", "Group B: sm"):
        assert run("note", workshop.id[:8], f"By {name}", "--item", "2", "--group", name).exit_code == 0
    assert [n.group for n in services.list_notes(engine, workshop.id)][-3:] == ["Group B: small field presence"] * 3
    assert run("agenda", "group-rename", workshop.id[:8], "C", "Group C: none").exit_code == 0
    assert "Group C: none" in services.list_items(engine, workshop.id)[1].groups


@pytest.mark.parametrize("args, words", [
    (["agenda", "theme-add", "{id}", "Prevention", "--at", "99999999999999999999"], "No position 99999999999999999999"),
    (["agenda", "theme-add", "{id}", "Prevention", "--at", "0"], "No position 0: use 1 to 1."),
    (["agenda", "theme-add", "{id}", "Prevention", "--at", "-5"], "No position -5"),
    (["agenda", "theme-add", "{id}", "   "], "A theme needs a name."),
    (["dialogue", "group", "{id}", "Group of Friends", "--count", "99999999999999999999"],
     "a count from 0 to 1000"),
])
def test_numbers_and_names_out_of_range_change_nothing(run, engine, workshop, args, words):
    before = services.get_meeting(engine, workshop.id)
    refused(run(*[a.format(id=workshop.id[:8]) for a in args]), words)
    after = services.get_meeting(engine, workshop.id)
    assert (after.themes, after.state_groups) == (before.themes, before.state_groups) == ([], {})


@pytest.mark.parametrize("members", ["²", "①"])
def test_a_digit_int_cannot_read_is_a_bad_row(run, engine, workshop, tmp_path, members):
    csv = tmp_path / "speakers.csv"
    csv.write_text(f"name,category,members\nGhana,member-state,{members}\n", encoding="utf-8")
    refused(run("speakers", "import", workshop.id[:8], str(csv)), f"members must be a whole number of states, not "
                                                                  f"{members!r}")
    assert list_queue(engine, workshop.id) == []


@pytest.mark.parametrize("args", [["--db", "~nosuchuser/x.db", "list"],
                                  ["new", "~nosuchuser/agenda.toml", "--title", "T"],
                                  ["export", "{id}", "-o", "~nosuchuser/report.docx"],
                                  ["bundle", "{id}", "-o", "~nosuchuser/meeting.json"],
                                  ["participants", "import", "{id}", "~nosuchuser/list.csv"],
                                  ["import", "~nosuchuser/meeting.json"],
                                  ["bundle", "{id}", "-o", "m.json", "--seal", "--passphrase-file",
                                   "~nosuchuser/pass.txt"]])
def test_an_unknown_user_in_a_path_is_one_line(run, workshop, args):
    refused(run(*[a.format(id=workshop.id[:8]) for a in args]), "there is no user 'nosuchuser' on this computer")


@pytest.mark.parametrize("args, words", [
    (["new", "/dev/zero", "--title", "T"], "The template /dev/zero is not a regular file"),
    (["import", "/dev/zero"], "The bundle /dev/zero is not a regular file"),
    (["participants", "import", "{id}", "/dev/zero"], "The CSV file /dev/zero is not a regular file"),
    (["speakers", "import", "{id}", "/dev/zero"], "The CSV file /dev/zero is not a regular file"),
    (["bundle", "{id}", "-o", "{tmp}/m.json", "--seal", "--passphrase-file", "/dev/zero"],
     "its first line is longer than 1024 characters"),
])
def test_a_device_that_never_ends_is_not_read(run, workshop, tmp_path, args, words):
    refused(run(*[a.format(id=workshop.id[:8], tmp=tmp_path) for a in args]), words)


def test_a_named_pipe_given_as_a_template_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "agenda.toml"
    os.mkfifo(pipe)
    result = subprocess.run([sys.executable, "-m", "facilitator", "--db", str(tmp_path / "f.db"), "new", str(pipe),
                             "--title", "T"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2 and result.stderr == f"facilitator: The template {pipe} is not a regular file " \
                                                       "(a device or a pipe); give a file.\n"


@pytest.mark.parametrize("db, words", [
    ("", "--db is empty"), ("   ", "--db is empty"),
    ("file:/tmp/x.db", "not a file: URI"),
    ("/dev/null", "/dev/null is not a regular file"),
    ("/proc/version", "/proc/version is not a SQLite database; it was left untouched."),
])
def test_a_database_path_a_user_got_wrong(run, tmp_path, monkeypatch, db, words):
    monkeypatch.chdir(tmp_path)
    refused(run("list", db=db), words)
    assert list(tmp_path.iterdir()) == []  # no file and no folder made from the wrong path


def test_the_file_name_says_the_format_unless_it_contradicts_the_one_asked_for(run, workshop, tmp_path):
    from docx import Document

    result = run("export", workshop.id[:8], "-o", str(tmp_path / "report.md"))  # no --format: the name's
    assert result.exit_code == 0, result.stderr
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "\n# Early warning\n" in markdown
    assert run("export", workshop.id[:8], "-o", str(tmp_path / "report.docx")).exit_code == 0
    assert "Early warning" in "\n".join(p.text for p in Document(str(tmp_path / "report.docx")).paragraphs)
    for fmt, name, words in (("md", "notes.docx", "notes.docx ends in .docx, which is for Word, but the format asked "
                                                  "for is Markdown: end the name in .md, or give --format docx."),
                             ("docx", "notes.MD", "notes.MD ends in .MD, which is for Markdown")):
        refused(run("export", workshop.id[:8], "-f", fmt, "-o", str(tmp_path / name)), words)
        assert not (tmp_path / name).exists()
    assert run("export", workshop.id[:8], "-f", "md", "-o", str(tmp_path / "notes.txt")).exit_code == 0


def test_a_backup_missing_a_table_is_not_restored_and_the_message_names_it(run, engine, workshop, tmp_path):
    import sqlite3

    backup = tmp_path / "backup.db"
    assert run("backup", "-o", str(backup)).exit_code == 0
    with sqlite3.connect(backup) as connection:
        connection.execute("DROP TABLE phrase")
    services.add_note(engine, workshop.id, "Taken after the backup.")
    engine.dispose()
    refused(run("restore", str(backup)), f"{backup} lacks the table(s) phrase: it is not a whole facilitator "
                                         "database; nothing was restored.")
    assert [n.text for n in services.list_notes(engine, workshop.id)][-1] == "Taken after the backup."


@pytest.mark.parametrize("blank", ["meeting", "notes"])
def test_a_bundle_row_without_an_id_is_refused_before_anything_is_merged(run, engine, workshop, tmp_path, blank):
    import json

    path = tmp_path / "meeting.json"
    assert run("bundle", workshop.id[:8], "-o", str(path)).exit_code == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    (data["meeting"] if blank == "meeting" else data["notes"][0])["id"] = "  "
    path.write_text(json.dumps(data), encoding="utf-8")
    other = tmp_path / "other.db"
    refused(run("import", str(path), db=other), f"a row of '{blank}' has an empty id")
    assert not other.exists() or run("list", db=other).stdout == ""


def test_an_empty_date_is_a_date_got_wrong_not_today(run, engine, workshop):
    note = services.add_note(engine, workshop.id, "Share early warnings.", kind="rec", addressee="UN")
    refused(run("followup", "set", note.id[:8], "taken-up", "--date", ""), "Bad date '': use YYYY-MM-DD")
    refused(run("search", "warnings", "--since", " "), "Bad --since date ' '")
    assert services.get_note(engine, note.id).status == "proposed"


def test_forgetting_a_group_of_states_the_meeting_does_not_know_says_so(run, engine, workshop):
    assert run("dialogue", "group", workshop.id[:8], "Group of Friends", "--count", "52").exit_code == 0
    refused(run("dialogue", "group", workshop.id[:8], "Group of Foes", "--remove"),
            "No group of states 'Group of Foes' to forget; the meeting knows: Group of Friends.")
    forgotten = run("dialogue", "group", workshop.id[:8], "group of friends", "--remove")
    assert forgotten.stdout == "group of friends: forgotten\n"
    assert services.get_meeting(engine, workshop.id).state_groups == {}


def test_a_bundle_time_without_a_zone_is_read_as_utc(run, engine, workshop, tmp_path):
    import json

    path = tmp_path / "meeting.json"
    assert run("bundle", workshop.id[:8], "-o", str(path)).exit_code == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    note = data["notes"][0]
    note["created_at"], note["text"] = "2018-11-14T09:30:00", "Edited by hand"  # no zone
    path.write_text(json.dumps(data), encoding="utf-8")
    other = tmp_path / "other.db"
    result = run("import", str(path), db=other)
    assert result.exit_code == 0, result.stderr
    from facilitator.db import open_engine

    imported = open_engine(other)
    found = services.get_note(imported, note["id"])
    imported.dispose()
    assert found.text == "Edited by hand"
    assert found.created_at.replace(tzinfo=dt.UTC) == dt.datetime(2018, 11, 14, 9, 30, tzinfo=dt.UTC)
