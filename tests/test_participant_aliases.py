"""A register that knows how people are called: a participant's aliases
(other spellings and names they are known by) and the name they are called
by, from every way in — the service, the CLI (`participants add`, `edit`,
`show`), the CSV lists, carrying a series forward, bundles, the participant
dialog — and a database written before them (schema 8) upgraded."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from textual.widgets import DataTable, Input
from typer.testing import CliRunner

import facilitator.quickread
from facilitator import services
from facilitator.cli import app
from facilitator.db import close_engine, open_engine, schema_version
from facilitator.errors import Ambiguous, BundleError, InvalidInput, NotFound
from facilitator.migrations import LATEST_VERSION, MIGRATIONS, run_sql
from facilitator.quickread import read_participants
from facilitator.services import roster
from facilitator.services.bundles import import_bundle, write_bundle
from facilitator.services.participants import (
    MAX_ALIAS_LENGTH,
    MAX_ALIASES,
    get_participant,
    resolve_participant,
)
from screens.dialogs.participant_edit import ParticipantEditDialog
from screens.participants import ParticipantsScreen

from .ui_helpers import app_for, settle

ROOT = Path(__file__).resolve().parents[1]


def one_line(message: str) -> bool:
    return "\n" not in message.strip()


# --- migration 9 ---------------------------------------------------------------------------------------------


def _database_at_version_8(path: Path) -> None:
    """A database as release schema 8 left it: migrations 1-8 applied, as db.migrate_engine applies them."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        run_sql(conn, "CREATE TABLE IF NOT EXISTS schema_migration ("
                      "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at DATETIME NOT NULL)")
    for migration in MIGRATIONS:
        if migration.version > 8:
            break
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(text("INSERT INTO schema_migration (version, name, applied_at) VALUES (:v, :n, :t)"),
                         {"v": migration.version, "n": migration.name, "t": "2026-01-01T00:00:00+00:00"})
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO meeting (id, title, date, created_at, updated_at) VALUES "
                             "('m-8', 'Schema 8 roundtable', '2017-02-16', '2017-02-16 09:00:00', "
                             "'2017-02-16 09:00:00')")
        conn.exec_driver_sql("INSERT INTO participant (id, meeting_id, name, organisation, surname) VALUES "
                             "('p-8', 'm-8', 'Nguyễn Thị Minh', 'Hanoi Forum', 'Nguyễn')")
    engine.dispose()


def test_migration_9_is_released():
    assert LATEST_VERSION >= 9 and MIGRATIONS[8].version == 9


def test_a_schema_8_database_upgrades_and_its_participants_have_no_aliases(tmp_path):
    path = tmp_path / "v8.db"
    _database_at_version_8(path)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT MAX(version) FROM schema_migration").fetchone() == (8,)
        assert "aliases" not in {r[1] for r in con.execute("PRAGMA table_info(participant)")}
    engine = open_engine(path)
    try:
        assert schema_version(engine) == LATEST_VERSION
        (person,) = services.list_participants(engine, "m-8")
        assert (person.name, person.surname, person.aliases, person.called_by) == (
            "Nguyễn Thị Minh", "Nguyễn", [], "")
        assert services.update_participant(engine, "p-8", aliases=["Minh Nguyen"]).aliases == ["Minh Nguyen"]
    finally:
        close_engine(engine)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT aliases, called_by FROM participant WHERE id = 'p-8'").fetchone() == (
            '["Minh Nguyen"]', "")


def test_the_quick_path_reads_a_schema_9_database(tmp_path, breakfast, engine, db_path):
    services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi", aliases=["Kemi"])
    rows = read_participants(db_path, breakfast.id[:8])
    assert rows is not None and [r.name for r in rows] == ["Oluwakemi Adeyemi"]


# --- the service ---------------------------------------------------------------------------------------------


@pytest.mark.both_databases
def test_aliases_are_stripped_kept_once_in_order_and_never_the_name(engine, breakfast):
    person = services.add_participant(
        engine, breakfast.id, "Oluwakemi Adeyemi",
        aliases=[" Kemi ", "", "   ", "KEMI", "oluwakemi adeyemi", "Kemi Adeyemi", "kemi adeyemi"])
    assert person.aliases == ["Kemi", "Kemi Adeyemi"] and person.called_by == ""
    assert get_participant(engine, person.id).aliases == ["Kemi", "Kemi Adeyemi"]


@pytest.mark.parametrize("name, aliases, called_by, kept", [
    ("Abebe Bekele", [], "abebe", "Abebe"),  # spelled as the name spells it
    ("Somchai Jaidee", [], "Somchai", "Somchai"),
    ("Guðrún Jónsdóttir", [], "GUÐRUN", "Guðrún"),  # case- and accent-insensitive
    ("Mohammed Al-Hashimi", [], "Hashimi", "Hashimi"),  # a part of a hyphenated name
    ("Natalia Kuznetsova", ["Natalia Kouznetsova"], "Kouznetsova", "Kouznetsova"),  # a word of an alias
    ("Sukarno", [], "Sukarno", "Sukarno"),  # a mononym
])
def test_called_by_is_a_word_of_the_name_or_of_an_alias(engine, breakfast, name, aliases, called_by, kept):
    person = services.add_participant(engine, breakfast.id, name, aliases=aliases, called_by=called_by)
    assert person.called_by == kept


def test_a_called_by_name_not_in_the_name_is_refused(engine, breakfast):
    with pytest.raises(InvalidInput) as caught:
        services.add_participant(engine, breakfast.id, "Abebe Bekele", called_by="Kebede")
    assert str(caught.value) == "The called-by name 'Kebede' is not part of the name 'Abebe Bekele'."
    assert services.list_participants(engine, breakfast.id) == []


@pytest.mark.parametrize("aliases, words", [
    ([f"Alias {n}" for n in range(MAX_ALIASES + 1)], f"at most {MAX_ALIASES} aliases"),
    (["x" * (MAX_ALIAS_LENGTH + 1)], f"at most {MAX_ALIAS_LENGTH} characters"),
    (["Kemi", 42], "An alias must be text"),
    (["Kemi\udcff"], "not valid UTF-8"),
])
def test_too_many_too_long_or_not_text_is_one_line_and_saves_nothing(engine, breakfast, aliases, words):
    with pytest.raises(InvalidInput) as caught:
        services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi", aliases=aliases)
    assert words in str(caught.value) and one_line(str(caught.value))
    assert services.list_participants(engine, breakfast.id) == []


def test_twenty_aliases_of_two_hundred_characters_are_accepted(engine, breakfast):
    aliases = [f"{n:02d}" + "x" * (MAX_ALIAS_LENGTH - 2) for n in range(MAX_ALIASES)]
    assert services.add_participant(engine, breakfast.id, "Long Name", aliases=aliases).aliases == aliases


@pytest.mark.both_databases
def test_update_changes_aliases_and_called_by_and_checks_a_new_name(engine, breakfast):
    person = services.add_participant(engine, breakfast.id, "Nguyễn Thị Minh", surname="Nguyễn",
                                      aliases=["Chi Nguyen"], called_by="Minh")
    changed = services.update_participant(engine, person.id, aliases=["Chi Nguyen", "Chi"])
    assert changed.aliases == ["Chi Nguyen", "Chi"] and changed.called_by == "Minh"
    for changes, words in ((dict(name="Tran Van Minh"), "The surname 'Nguyễn' is not part of the name"),
                           (dict(name="Nguyễn Văn An"), "The called-by name 'Minh' is not part of the name"),
                           (dict(called_by="Bob"), "The called-by name 'Bob' is not part of the name"),
                           (dict(surname="Tran"), "The surname 'Tran' is not part of the name"),
                           (dict(aliases=["x"] * 2 + [f"a{n}" for n in range(MAX_ALIASES)]), "at most"),
                           (dict(called_by="Minh\udcff"), "not valid UTF-8")):
        with pytest.raises(InvalidInput) as caught:
            services.update_participant(engine, person.id, **changes)
        assert words in str(caught.value) and one_line(str(caught.value))
    assert get_participant(engine, person.id) == changed  # nothing of a refused edit is kept
    # a called-by name that is a word of an alias only goes when that alias goes
    with pytest.raises(InvalidInput, match="The called-by name 'Minh' is not part of the name"):
        services.update_participant(engine, person.id, name="Nguyễn Văn An", surname="Nguyễn", aliases=["An"])
    renamed = services.update_participant(engine, person.id, name="Nguyễn Văn An", called_by="An",
                                          aliases=["An Nguyen", "nguyễn văn an"])
    assert (renamed.name, renamed.surname, renamed.aliases, renamed.called_by) == (
        "Nguyễn Văn An", "Nguyễn", ["An Nguyen"], "An")
    # a new name equal to an alias: the alias goes, the other spellings stay
    again = services.update_participant(engine, person.id, name="An Nguyen", surname="Nguyen")
    assert again.aliases == [] and again.called_by == "An"


def test_an_edit_that_keeps_the_name_does_not_check_an_old_surname_again(engine, breakfast):
    """A surname stored before update_participant checked it (it did not) does not block other edits."""
    from facilitator.models import Participant
    from facilitator.services._db import transaction

    person = services.add_participant(engine, breakfast.id, "Abebe Bekele")
    with transaction(engine) as session:
        session.get(Participant, person.id).surname = "Kebede"
    edited = services.update_participant(engine, person.id, name="Abebe Bekele", organisation="AU",
                                         aliases=["Ato Abebe"], called_by="Abebe")
    assert (edited.surname, edited.organisation, edited.aliases, edited.called_by) == (
        "Kebede", "AU", ["Ato Abebe"], "Abebe")


@pytest.mark.both_databases
def test_a_participant_is_found_by_id_prefix_name_or_alias(engine, breakfast):
    kemi = services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi", aliases=["Kemi"])
    ivan = services.add_participant(engine, breakfast.id, "Ivan Šimonović")
    twin = [services.add_participant(engine, breakfast.id, "Jane Smith", organisation=o) for o in ("A", "B")]
    assert resolve_participant(engine, breakfast.id, kemi.id) == kemi
    assert resolve_participant(engine, breakfast.id, f" {kemi.id[:8].upper()} ") == kemi
    assert resolve_participant(engine, breakfast.id, "ivan simonovic") == ivan
    assert resolve_participant(engine, breakfast.id, "KEMI") == kemi
    with pytest.raises(Ambiguous, match="2 participants are called 'jane smith'; give the id"):
        resolve_participant(engine, breakfast.id, "jane smith")
    assert resolve_participant(engine, breakfast.id, twin[1].id[:10]) == twin[1]
    with pytest.raises(NotFound, match="No participant 'Nobody' in this meeting"):
        resolve_participant(engine, breakfast.id, "Nobody")
    with pytest.raises(InvalidInput):
        resolve_participant(engine, breakfast.id, "  ")
    other = services.create_meeting(engine, "breakfast", title="Other", date=dt.date(2018, 1, 1))
    with pytest.raises(NotFound):  # another meeting's participant is not this meeting's
        resolve_participant(engine, other.id, kemi.id)
    with pytest.raises(NotFound):
        get_participant(engine, "no-such-id")


# --- the command line ----------------------------------------------------------------------------------------



def refused(result, words: str) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output


def test_add_with_aliases_and_called_by_then_show(run, engine, breakfast):
    result = run("participants", "add", breakfast.id[:8], "Oluwakemi Adeyemi", "--org", "Lagos Forum",
                 "--alias", "Kemi", "--alias", "Kemi A.; Oluwakemi Adeyemi-Bello", "--called-by", "kemi")
    assert result.exit_code == 0, result.stderr
    person = get_participant(engine, result.stdout.strip())
    assert person.aliases == ["Kemi", "Kemi A.", "Oluwakemi Adeyemi-Bello"] and person.called_by == "Kemi"
    shown = run("participants", "show", breakfast.id[:8], "kemi")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.splitlines() == [
        f"Id: {person.id}", "Name: Oluwakemi Adeyemi", "Organisation: Lagos Forum", "Role:", "Region:",
        "Category:", "Kind: person", "Source: registered", "Attributable: no", "Surname:",
        "Aliases: Kemi; Kemi A.; Oluwakemi Adeyemi-Bello", "Called by: Kemi"]


def test_show_lists_the_other_spellings_the_gate_checks(run, engine, breakfast):
    person = services.add_participant(engine, breakfast.id, "Наталья Кузнецова", aliases=["Natasha Kuznetsova"])
    shown = run("participants", "show", breakfast.id[:8], person.id[:8])
    last = shown.stdout.splitlines()[-1]
    assert last.startswith("Other spellings checked: ")
    checked = last.removeprefix("Other spellings checked: ").split("; ")
    assert {"Natalia Kouznetsova", "Natalja Kusnezowa", "Natalya Kuznetsova"} <= set(checked)
    assert "Natasha Kuznetsova" not in checked and "Наталья Кузнецова" not in checked  # given, not generated


def test_edit_changes_only_what_is_given_and_says_so(run, engine, breakfast):
    person = services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi", organisation="Lagos Forum",
                                      region="West Africa", aliases=["Kemi", "Kemi A."])
    result = run("participants", "edit", breakfast.id[:8], "Oluwakemi Adeyemi", "--add-alias", "Ola",
                 "--remove-alias", "kemi a.", "--called-by", "Kemi")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (f"{person.id[:8]}  Oluwakemi Adeyemi: aliases ['Kemi', 'Kemi A.'] → "
                                             "['Kemi', 'Ola'], called by '' → 'Kemi'.")
    after = get_participant(engine, person.id)
    assert (after.aliases, after.called_by, after.organisation, after.region, after.attributable) == (
        ["Kemi", "Ola"], "Kemi", "Lagos Forum", "West Africa", False)
    replaced = run("participants", "edit", breakfast.id[:8], person.id[:6], "--alias", "Kemi", "--alias",
                   "Oluwakemi A.", "--attributable", "--org", "Abuja Forum")
    assert replaced.exit_code == 0, replaced.stderr
    after = get_participant(engine, person.id)
    assert (after.aliases, after.attributable, after.organisation) == (["Kemi", "Oluwakemi A."], True, "Abuja Forum")
    assert "attributable no → yes" in replaced.stdout and "organisation 'Lagos Forum' → 'Abuja Forum'" in replaced.stdout
    cleared = run("participants", "edit", breakfast.id[:8], "kemi", "--alias", "", "--called-by", "",
                  "--not-attributable")
    assert cleared.exit_code == 0, cleared.stderr
    after = get_participant(engine, person.id)
    assert (after.aliases, after.called_by, after.attributable) == ([], "", False)
    same = run("participants", "edit", breakfast.id[:8], person.id, "--region", "West Africa")
    assert same.stdout == f"{person.id[:8]}  Oluwakemi Adeyemi: nothing changed.\n"


def test_edit_says_how_many_flags_are_open(run, engine, breakfast):
    person = services.add_participant(engine, breakfast.id, "Zorana Šimunović", organisation="Balkan Peace Forum",
                                      attributable=True)
    item = services.list_items(engine, breakfast.id)[3]
    services.add_note(engine, breakfast.id, "Šimunović argued for local early warning.", item_id=item.id)
    services.add_note(engine, breakfast.id, "Zorana Šimunović asked who listens.", item_id=item.id)
    from facilitator.services.audit import audit_meeting

    result = run("participants", "edit", breakfast.id[:8], person.id[:8], "--not-attributable")
    assert result.exit_code == 0, result.stderr
    flags = audit_meeting(engine, breakfast.id)
    assert len(flags) >= 2
    assert result.stdout.splitlines()[1] == f"{len(flags)} open flags: run facilitator audit {breakfast.id[:8]}"
    back = run("participants", "edit", breakfast.id[:8], person.id[:8], "--attributable")
    assert back.exit_code == 0 and len(back.stdout.splitlines()) == 1  # no flag open: no second line


@pytest.mark.parametrize("args, words", [
    (("edit", "{m}", "Nobody", "--role", "x"), "No participant 'Nobody' in this meeting"),
    (("edit", "{m}", "Kemi", "--alias", "x" * (MAX_ALIAS_LENGTH + 1)), f"at most {MAX_ALIAS_LENGTH} characters"),
    (("edit", "{m}", "Kemi", *[a for n in range(MAX_ALIASES + 1) for a in ("--add-alias", f"K{n}")]), "at most"),
    (("edit", "{m}", "Kemi", "--remove-alias", "Kemo"), "'Kemo' is not an alias of Oluwakemi Adeyemi"),
    (("edit", "{m}", "Kemi", "--called-by", "Bob"), "The called-by name 'Bob' is not part of the name"),
    (("edit", "{m}", "Kemi", "--alias", ""), "The called-by name 'Kemi' is not part of the name"),
    (("edit", "{m}", "Kemi", "--kind", "spy"), "Unknown kind 'spy'"),
    (("edit", "{m}", "Kemi"), "Nothing to change"),
    (("edit", "{m}", "Kemi\udcff", "--role", "x"), "is not valid UTF-8 text"),
    (("edit", "{m}", "Kemi", "--add-alias", "K\udcffmi"), "is not valid UTF-8 text"),
    (("edit", "{m}\udcff", "Kemi", "--role", "x"), "is not valid UTF-8 text"),
    (("show", "{m}", "Nobody"), "No participant 'Nobody' in this meeting"),
    (("show", "{m}", "\udcff"), "is not valid UTF-8 text"),
    (("add", "{m}", "Abebe Bekele", "--called-by", "Kebede"), "The called-by name 'Kebede' is not part"),
    (("add", "{m}", "Abebe Bekele", "--alias", "A\udcff"), "is not valid UTF-8 text"),
    (("add", "{m}", "Abebe \udcffBekele"), "is not valid UTF-8 text"),
    (("list", "\udcff"), "is not valid UTF-8 text"),
])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(run, engine, breakfast, args, words):
    services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi", aliases=["Kemi"], called_by="Kemi")
    before = services.list_participants(engine, breakfast.id)
    refused(run("participants", *(a.replace("{m}", breakfast.id[:8]) for a in args)), words)
    assert services.list_participants(engine, breakfast.id) == before


def test_invalid_utf8_arguments_from_a_real_shell_are_one_line(db_path, engine, breakfast):
    services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi")
    for argv in ([b"participants", b"add", breakfast.id.encode(), b"Kemi \xff"],
                 [b"participants", b"edit", breakfast.id.encode(), b"Oluwakemi Adeyemi", b"--alias", b"\xffKemi"]):
        result = subprocess.run([sys.executable, "-m", "facilitator", "--db", str(db_path), *argv], cwd=ROOT,
                                capture_output=True, check=False, timeout=120)
        assert result.returncode == 2, result.stderr
        assert b"not valid UTF-8 text" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert [(p.name, p.aliases) for p in services.list_participants(engine, breakfast.id)] == [
        ("Oluwakemi Adeyemi", [])]


def test_participants_list_prints_the_same_bytes_by_either_path(db_path, engine, breakfast, monkeypatch):
    services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi", organisation="Lagos Forum",
                             aliases=["Kemi", "Kemi A."], called_by="Kemi")
    services.add_participant(engine, breakfast.id, "Abebe Bekele", called_by="Abebe", attributable=True)
    services.add_participant(engine, breakfast.id, "Ivan Šimonović", region="Europe")
    runner = CliRunner()
    quick = runner.invoke(app, ["--db", str(db_path), "participants", "list", breakfast.id[:8]])
    with monkeypatch.context() as patched:
        patched.setattr(facilitator.quickread, "read_participants", lambda _db, _ref: None)  # the ORM path
        full = runner.invoke(app, ["--db", str(db_path), "participants", "list", breakfast.id[:8]])
    assert quick.exit_code == full.exit_code == 0, (quick.stderr, full.stderr)
    assert quick.stdout == full.stdout and quick.stdout.count("\n") == 3
    code = ("import sys, atexit; from facilitator.cli import main; sys.argv = ['facilitator', '--db', *sys.argv[1:]];"
            "atexit.register(lambda: print('ORM' if {'sqlalchemy', 'sqlmodel', 'pydantic'} & set(sys.modules) "
            "else 'no ORM', file=sys.stderr)); main()")
    fresh = subprocess.run([sys.executable, "-c", code, str(db_path), "participants", "list", breakfast.id[:8]],
                           cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert fresh.returncode == 0 and fresh.stdout == quick.stdout, fresh.stderr
    assert fresh.stderr.strip().splitlines()[-1] == "no ORM"


# --- CSV lists -----------------------------------------------------------------------------------------------


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_participants_csv_with_surname_aliases_and_called_by(engine, breakfast, tmp_path):
    path = write(tmp_path, "people.csv",
                 "name,organisation,surname,aliases,called_by\n"
                 "Nguyễn Thị Minh,Hanoi Forum,Nguyễn,Minh Nguyen; Nguyen Thi Minh,Minh\n"
                 "Oluwakemi Adeyemi,Lagos Forum,,Kemi;;kemi,kemi\n"
                 "Abebe Bekele,,,,\n")
    assert roster.import_participants(engine, breakfast.id, path) == 3
    people = {p.name: p for p in services.list_participants(engine, breakfast.id)}
    assert (people["Nguyễn Thị Minh"].surname, people["Nguyễn Thị Minh"].aliases,
            people["Nguyễn Thị Minh"].called_by) == ("Nguyễn", ["Minh Nguyen", "Nguyen Thi Minh"], "Minh")
    assert (people["Oluwakemi Adeyemi"].aliases, people["Oluwakemi Adeyemi"].called_by) == (["Kemi"], "Kemi")
    assert (people["Abebe Bekele"].aliases, people["Abebe Bekele"].called_by) == ([], "")
    # the same list again, with one more alias: nobody twice, and the register learns the alias
    more = write(tmp_path, "more.csv", "name,organisation,aliases\nOluwakemi Adeyemi,Lagos Forum,Kemi; Ola\n")
    assert roster.import_participants(engine, breakfast.id, more) == 0
    assert [p.aliases for p in services.list_participants(engine, breakfast.id) if p.name.startswith("Olu")] == [
        ["Kemi", "Ola"]]


@pytest.mark.parametrize("content, words", [
    ("name,called_by\nAbebe Bekele,Kebede\n", "line 2: The called-by name 'Kebede' is not part of the name"),
    ("name,surname\nAbebe Bekele,Smith\n", "line 2: The surname 'Smith' is not part of the name"),
    ("name,aliases\nA B,ok\nC D," + "x" * (MAX_ALIAS_LENGTH + 1) + "\n", "line 3: An alias may be at most"),
    ("name,aliases\nA B," + ";".join(f"a{n}" for n in range(MAX_ALIASES + 1)) + "\n", "line 2: A participant may"),
])
def test_a_bad_spelling_in_a_participants_csv_names_its_line_and_imports_nothing(engine, breakfast, tmp_path,
                                                                                 content, words):
    with pytest.raises(InvalidInput) as caught:
        roster.import_participants(engine, breakfast.id, write(tmp_path, "people.csv", content))
    assert words in str(caught.value) and one_line(str(caught.value)) and "nothing was imported" in str(caught.value)
    assert services.list_participants(engine, breakfast.id) == []


def test_too_many_aliases_with_those_already_registered_names_the_line(engine, breakfast, tmp_path):
    services.add_participant(engine, breakfast.id, "A B", aliases=[f"a{n}" for n in range(MAX_ALIASES)])
    path = write(tmp_path, "people.csv", "name,aliases\nC D,c\nA B,one more\n")
    with pytest.raises(InvalidInput, match="line 3: A participant may have at most"):
        roster.import_participants(engine, breakfast.id, path)
    assert [p.name for p in services.list_participants(engine, breakfast.id)] == ["A B"]


def test_speakers_csv_with_surname_and_aliases(engine, tmp_path):
    dialogue = services.create_meeting(engine, "dialogue", title="Dialogue", date=dt.date(2018, 9, 6))
    services.add_participant(engine, dialogue.id, "Ivan Šimonović", aliases=["Simonovic"])
    path = write(tmp_path, "speakers.csv",
                 "name,category,surname,aliases\n"
                 "Nguyễn Thị Minh,civil society,Nguyễn,Minh Nguyen\n"
                 "Ivan Šimonović,panelist,,Ivan Simonovic\n"
                 "United States,member-state,,USA; US\n"
                 "Nguyễn Thị Minh,civil society,,Nguyen Thi Minh\n")
    assert roster.import_speakers(engine, dialogue.id, path) == 4
    people = {p.name: p for p in services.list_participants(engine, dialogue.id)}
    assert (people["Nguyễn Thị Minh"].surname, people["Nguyễn Thị Minh"].aliases) == (
        "Nguyễn", ["Minh Nguyen", "Nguyen Thi Minh"])
    assert people["Ivan Šimonović"].aliases == ["Simonovic", "Ivan Simonovic"]
    assert people["United States"].aliases == ["USA", "US"]
    bad = write(tmp_path, "bad.csv", "name,category,surname\nGhana,member-state,Accra\n")
    with pytest.raises(InvalidInput, match="line 2: The surname 'Accra' is not part of the name 'Ghana'"):
        roster.import_speakers(engine, dialogue.id, bad)


# --- carrying a series forward -------------------------------------------------------------------------------


def test_carry_forward_keeps_the_surname_aliases_and_called_by(engine):
    from facilitator.services.followup import carry_forward, set_status

    first = services.create_meeting(engine, "roundtable", title="First", date=dt.date(2017, 2, 16), series="S")
    services.add_participant(engine, first.id, "Zorana Šimunović", organisation="Balkan Peace Forum",
                             surname="Šimunović", aliases=["Zora Simunovic"], called_by="Zorana")
    rec = services.add_note(engine, first.id, "Back Šimunović's plan for local early warning.",
                            kind="recommendation")
    set_status(engine, rec.id, "taken-up")
    second = services.create_meeting(engine, "dialogue", title="Second", date=dt.date(2018, 2, 16), series="S")
    carry_forward(engine, second.id)
    (carried,) = [p for p in services.list_participants(engine, second.id) if p.source == "carried"]
    assert (carried.name, carried.surname, carried.aliases, carried.called_by, carried.attributable) == (
        "Zorana Šimunović", "Šimunović", ["Zora Simunovic"], "Zorana", False)


# --- bundles -------------------------------------------------------------------------------------------------


@pytest.mark.both_databases
def test_aliases_and_called_by_travel_in_a_bundle(engine, breakfast, tmp_path):
    person = services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi", aliases=["Kemi", "Kemi A."],
                                      called_by="Kemi", surname="Adeyemi")
    path = write_bundle(engine, breakfast.id, tmp_path / "meeting.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["participants"][0]["aliases"] == ["Kemi", "Kemi A."] and data["participants"][0]["called_by"] == "Kemi"
    laptop = open_engine(tmp_path / "laptop.db")
    try:
        import_bundle(laptop, path)
        assert get_participant(laptop, person.id) == person
        # the plenary learns an alias: the laptop's copy of the person gains it, and keeps its own details
        services.update_participant(laptop, person.id, organisation="Edited on the laptop")
        services.update_participant(engine, person.id, aliases=["Kemi", "Kemi A.", "Ola"], called_by="Kemi")
        report = import_bundle(laptop, write_bundle(engine, breakfast.id, tmp_path / "again.json"))
        assert report.updated >= 1
        merged = get_participant(laptop, person.id)
        assert (merged.aliases, merged.called_by, merged.organisation) == (
            ["Kemi", "Kemi A.", "Ola"], "Kemi", "Edited on the laptop")
        assert import_bundle(laptop, tmp_path / "again.json").updated == 0  # twice changes nothing
        # an alias removed on one side is not removed on the other: protection only grows by a merge
        services.update_participant(engine, person.id, aliases=["Kemi"])
        import_bundle(laptop, write_bundle(engine, breakfast.id, tmp_path / "fewer.json"))
        assert get_participant(laptop, person.id).aliases == ["Kemi", "Kemi A.", "Ola"]
    finally:
        close_engine(laptop)


def test_a_bundle_written_before_aliases_imports_with_none(engine, breakfast, tmp_path):
    services.add_participant(engine, breakfast.id, "Abebe Bekele")
    path = write_bundle(engine, breakfast.id, tmp_path / "meeting.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    for person in data["participants"]:
        del person["aliases"], person["called_by"]
    path.write_text(json.dumps(data), encoding="utf-8")
    laptop = open_engine(tmp_path / "laptop.db")
    try:
        import_bundle(laptop, path)
        (person,) = services.list_participants(laptop, breakfast.id)
        assert (person.aliases, person.called_by) == ([], "")
    finally:
        close_engine(laptop)


@pytest.mark.both_databases
def test_a_merge_that_would_give_too_many_aliases_is_refused_in_one_line(engine, breakfast, tmp_path):
    person = services.add_participant(engine, breakfast.id, "A B", aliases=[f"a{n}" for n in range(MAX_ALIASES)])
    laptop = open_engine(tmp_path / "laptop.db")
    try:
        import_bundle(laptop, write_bundle(engine, breakfast.id, tmp_path / "meeting.json"))
        services.update_participant(laptop, person.id, aliases=[f"b{n}" for n in range(MAX_ALIASES)])
        services.add_note(laptop, breakfast.id, "A note taken on the laptop.")
        with pytest.raises(BundleError) as caught:
            import_bundle(engine, write_bundle(laptop, breakfast.id, tmp_path / "laptop.json"))
        assert f"would have more than {MAX_ALIASES} aliases" in str(caught.value) and one_line(str(caught.value))
        assert services.list_notes(engine, breakfast.id) == []  # nothing of the bundle was merged
    finally:
        close_engine(laptop)


def _hostile(person: dict, case: str) -> None:
    if case == "not a list":
        person["aliases"] = "Kemi"
    elif case == "null":
        person["aliases"] = None
    elif case == "a million":
        person["aliases"] = [f"k{n}" for n in range(10**6)]
    elif case == "ten megabytes":
        person["aliases"] = ["K" * 10 * 2**20]
    elif case == "not a string":
        person["aliases"] = ["Kemi", 42]
    elif case == "a nested list":
        person["aliases"] = [["Kemi"]]
    elif case == "not UTF-8":
        person["aliases"] = ["Kemi\udcff"]
    elif case == "called_by not a string":
        person["called_by"] = ["Kemi"]
    elif case == "called_by not in the name":
        person["called_by"] = "Bob"


@pytest.mark.parametrize("case, words", [
    ("not a list", "participants.0.aliases"),
    ("null", "participants.0.aliases"),
    ("a million", "participants.0.aliases holds 1000000 aliases; a participant may have at most 20"),
    ("ten megabytes", f"participants.0.aliases: An alias may be at most {MAX_ALIAS_LENGTH} characters"),
    ("not a string", "participants.0.aliases.1"),
    ("a nested list", "participants.0.aliases.0"),
    ("not UTF-8", "participants.0.aliases: The alias"),
    ("called_by not a string", "participants.0.called_by"),
    ("called_by not in the name", "participants.0.called_by: The called-by name 'Bob' is not part of the name"),
])
def test_a_hostile_bundle_is_refused_in_one_line_and_nothing_is_imported(engine, breakfast, tmp_path, case, words):
    services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi", aliases=["Kemi"])
    path = write_bundle(engine, breakfast.id, tmp_path / "meeting.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    _hostile(data["participants"][0], case)
    path.write_text(json.dumps(data), encoding="utf-8")
    other = tmp_path / "other.db"
    result = CliRunner().invoke(app, ["--db", str(other), "import", str(path)])
    refused(result, words)
    assert len(result.stderr) < 1000  # the refusal does not quote ten megabytes back
    if other.exists():
        laptop = open_engine(other)
        assert services.list_meetings(laptop) == []
        close_engine(laptop)


# --- the participant dialog ----------------------------------------------------------------------------------


async def test_the_dialog_saves_aliases_and_called_by(engine, breakfast):
    person = services.add_participant(engine, breakfast.id, "Oluwakemi Adeyemi", organisation="Lagos Forum")
    app = app_for(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ParticipantsScreen(breakfast.id))
        await settle(app, pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ParticipantEditDialog)
        assert dialog.query_one("#aliases", Input).value == "" and dialog.query_one("#called_by", Input).value == ""
        dialog.query_one("#aliases", Input).focus()
        await pilot.press(*"Kemi; Kemi A.;")
        dialog.query_one("#called_by", Input).value = "kemi"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ParticipantsScreen)
        saved = get_participant(engine, person.id)
        assert (saved.aliases, saved.called_by, saved.organisation) == (["Kemi", "Kemi A."], "Kemi", "Lagos Forum")
        await pilot.press("e")  # opened again: what was saved is what it shows
        assert app.screen.query_one("#aliases", Input).value == "Kemi; Kemi A."
        assert app.screen.query_one("#called_by", Input).value == "Kemi"


async def test_the_dialog_keeps_a_called_by_name_not_in_the_name_on_screen_and_saves_nothing(engine, breakfast):
    services.add_participant(engine, breakfast.id, "Abebe Bekele")
    before = services.list_participants(engine, breakfast.id)
    app = app_for(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ParticipantsScreen(breakfast.id))
        await settle(app, pilot)
        await pilot.press("e")
        dialog = app.screen
        dialog.query_one("#called_by", Input).value = "Kebede"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog and dialog.query_one("#called_by", Input).value == "Kebede"
        assert any("Kebede" in str(n.message) for n in app._notifications)
    assert services.list_participants(engine, breakfast.id) == before


async def test_the_dialog_adds_a_participant_with_aliases(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ParticipantsScreen(breakfast.id))
        await settle(app, pilot)
        await pilot.press("a")
        dialog = app.screen
        dialog.query_one("#name", Input).value = "Somchai Jaidee"
        dialog.query_one("#aliases", Input).value = "Khun Somchai"
        dialog.query_one("#called_by", Input).value = "Somchai"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen.query_one("#people", DataTable).row_count == 1
    (person,) = services.list_participants(engine, breakfast.id)
    assert (person.name, person.aliases, person.called_by) == ("Somchai Jaidee", ["Khun Somchai"], "Somchai")


async def test_the_dialog_shows_the_other_spellings_the_gate_checks_as_the_name_is_typed(engine, breakfast):
    app = app_for(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ParticipantsScreen(breakfast.id))
        await settle(app, pilot)
        await pilot.press("a")
        dialog = app.screen
        dialog.query_one("#name", Input).value = "Наталья Кузнецова"
        await settle(app, pilot)
        shown = str(dialog.query_one("#checked").render())
        assert shown.startswith("Also checked: ") and "Natalia Kouznetsova" in shown and "Kusnezowa" in shown
        dialog.query_one("#name", Input).value = "Grace Young"  # an English name: nothing else to check
        await settle(app, pilot)
        assert str(dialog.query_one("#checked").render()) == ""


async def test_the_dialog_closed_before_its_spellings_are_generated_takes_nothing_down(engine, breakfast,
                                                                                       monkeypatch):
    """Saved with Enter at once (as a fast typist does), the dialog is gone when its worker ends: the
    worker is held until the dialog has closed, then let go, and the application carries on. (The crash
    this guards against, NoMatches for #checked from a worker that outlived its dialog, was seen once in
    a CI run under load; Textual usually cancels such a worker first, so this flow does not force it.)"""
    import threading

    from screens.dialogs import participant_edit

    closed = threading.Event()

    def held(name, surname="", aliases=()):
        closed.wait(timeout=30)  # a bound in case the test itself breaks, not a delay the test relies on
        return ["Natalia Kouznetsova"]

    monkeypatch.setattr(participant_edit, "spellings_checked", held)
    app = app_for(engine)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ParticipantsScreen(breakfast.id))
        await settle(app, pilot)
        await pilot.press("a")
        app.screen.query_one("#name", Input).value = "Наталья Кузнецова"
        app.screen.query_one("#name", Input).focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete([w for w in app.workers if w.group != "spellings"])
        await pilot.pause()
        assert isinstance(app.screen, ParticipantsScreen)  # saved and closed, its worker still running
        await pilot.pause()
        closed.set()
        await settle(app, pilot)
        assert isinstance(app.screen, ParticipantsScreen)
        assert app.screen.query_one("#people", DataTable).row_count == 1
