"""The archive receives only what the attribution gate cleared, on a real PostgreSQL server: `push` refuses
a meeting with open audit flags (one line naming them, exit 2) and sends the others; once the flags are
fixed or dismissed it goes. A reader, from whom row-level security hides the register, is told that it
cannot audit instead of "No open flags"; and a reader's export of a pushed meeting names nobody protected."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import close_engine, open_engine
from facilitator.services import audit as audit_service
from facilitator.services.audit import REGISTER_HIDDEN
from facilitator.services.meetings import add_item

from .test_archive_roles import as_user, set_up_archive, sql

NAME = "Natalia Kuznetsova"
ORGANISATION = "Volga Peace Centre"
WORDS = ("Natalia", "Kuznetsova", "Volga")


@pytest.fixture
def archive(pg_database, tmp_path):
    """An archive set up with the CLI: a reader (rita), two rapporteurs (ralf, rosa); ralf's laptop has a
    protected breakfast whose lead, participants line, guests and one note name a protected participant, and
    an on-the-record dialogue that names nobody protected. Nothing is pushed yet."""
    url = pg_database()
    set_up_archive(url, tmp_path)
    laptop_path = tmp_path / "ralf.db"
    laptop = open_engine(laptop_path)
    protected = services.create_meeting(laptop, "breakfast", title="Breakfast on early warning",
                                        date=dt.date(2017, 9, 7))
    services.add_participant(laptop, protected.id, NAME, organisation=ORGANISATION, region="Eastern Europe")
    services.add_participant(laptop, protected.id, "Ama Mensah", organisation="West Africa Network",
                             region="Eastern Europe")
    services.update_meeting(laptop, protected.id, lead=f"{NAME} opened the breakfast on early warning.",
                            participants_text=f"{NAME} and 14 others",
                            guests=[{"name": NAME, "role": f"Director, {ORGANISATION}"}])
    keynote = add_item(laptop, protected.id, "Keynote", position=1, rule="on-the-record")
    services.add_note(laptop, protected.id, "Prevention is cheaper than response.", item_id=keynote.id)
    raw = services.add_note(laptop, protected.id, f"{NAME} urged early warning in the region.",
                            item_id=services.list_items(laptop, protected.id)[4].id)
    public = services.create_meeting(laptop, "dialogue", title="Open dialogue", date=dt.date(2017, 9, 6))
    services.add_note(laptop, public.id, "Sanctions need review", kind="rec", addressee="UN")
    close_engine(laptop)
    yield {"url": url, "laptop": laptop_path, "protected": protected, "public": public, "raw": raw}


def push(laptop, url, *refs):
    return CliRunner().invoke(app, ["--db", str(laptop), "push", *refs, "--to", url])


def dismiss_note_flags(laptop, meeting_id: str) -> None:
    """Dismiss the flag on the raw note (the rapporteur's call: readers never read a raw protected note)."""
    engine = open_engine(laptop)
    for flag in audit_service.audit_meeting(engine, meeting_id):
        if flag.note_id is not None:
            audit_service.dismiss(engine, meeting_id, flag)
    close_engine(engine)


def clear_flags(laptop, meeting_id: str) -> None:
    """The raw note's flag dismissed, the meeting's own texts anonymised (`audit --anonymise`)."""
    dismiss_note_flags(laptop, meeting_id)
    fixed = CliRunner().invoke(app, ["--db", str(laptop), "audit", meeting_id[:8], "--anonymise", "--yes"])
    assert fixed.exit_code == 0, fixed.output


def named_in_archive(url: str) -> list[str]:
    """Every word of the protected name found anywhere in the archive's meetings, notes and register."""
    rows = sql(url, "SELECT row_to_json(m)::text FROM meeting m UNION ALL SELECT row_to_json(n)::text FROM note n "
                    "UNION ALL SELECT row_to_json(p)::text FROM participant p "
                    "UNION ALL SELECT row_to_json(i)::text FROM agenda_item i")
    return [word for word in WORDS if any(word.lower() in row.lower() for (row,) in rows)]


def test_a_meeting_with_open_flags_is_not_pushed_and_the_others_are(archive):
    protected = archive["protected"]
    result = push(archive["laptop"], as_user(archive["url"], "ralf"))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith(f"facilitator: Not pushed: Breakfast on early warning has 5 open flags ({NAME} in ")
    assert f"{NAME} in meeting lead paragraph" in lines[0] and f"{ORGANISATION} in meeting guests of honour" in lines[0]
    assert f"{NAME} in note {archive['raw'].id[:8]} (text)" in lines[0]
    assert lines[0].endswith(f"); run facilitator audit {protected.id[:8]}.")
    assert lines[1] == "facilitator: 1 of 2 meeting(s) not pushed (see above)."
    assert "Open dialogue" in result.stdout and "(pushed)" in result.stdout
    assert sql(archive["url"], "SELECT title FROM meeting") == [("Open dialogue",)]
    assert named_in_archive(archive["url"]) == []


def test_once_its_flags_are_anonymised_or_dismissed_the_meeting_pushes(archive):
    laptop, protected = archive["laptop"], archive["protected"]
    runner = CliRunner()
    dismiss_note_flags(laptop, protected.id)
    still = push(laptop, as_user(archive["url"], "ralf"), protected.id[:8])
    assert still.exit_code == 2 and "has 4 open flags" in still.stderr  # the meeting's own texts are left
    fixed = runner.invoke(app, ["--db", str(laptop), "audit", protected.id[:8], "--anonymise", "--yes"])
    assert fixed.exit_code == 0, fixed.output
    result = push(laptop, as_user(archive["url"], "ralf"))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert sorted(sql(archive["url"], "SELECT title FROM meeting")) == [("Breakfast on early warning",),
                                                                       ("Open dialogue",)]
    [(lead, line)] = sql(archive["url"], "SELECT lead, participants_text FROM meeting WHERE id = %s", protected.id)
    assert NAME not in lead and "opened the breakfast" in lead and NAME not in line


def test_a_reader_cannot_audit_and_is_told_so(archive):
    laptop, protected, public = archive["laptop"], archive["protected"], archive["public"]
    clear_flags(laptop, protected.id)
    assert push(laptop, as_user(archive["url"], "ralf")).exit_code == 0
    runner = CliRunner()
    rita, rosa, ralf = (as_user(archive["url"], user) for user in ("rita", "rosa", "ralf"))

    refused = runner.invoke(app, ["--db", rita, "audit", protected.id[:8]])
    assert refused.exit_code == 2
    assert refused.stdout == "" and refused.stderr == f"facilitator: {REGISTER_HIDDEN}\n"
    assert "No open flags" not in refused.output
    # A rapporteur of other meetings is hidden the register as a reader is.
    assert runner.invoke(app, ["--db", rosa, "audit", protected.id[:8]]).stderr == f"facilitator: {REGISTER_HIDDEN}\n"
    # The meeting's rapporteur sees the register, and its audit is the laptop's (the dismissal travelled).
    audited = runner.invoke(app, ["--db", ralf, "audit", protected.id[:8]])
    assert audited.exit_code == 0 and audited.stdout.startswith("No open flags"), audited.output
    # An on-the-record meeting hides no one: a reader may audit it.
    opened = runner.invoke(app, ["--db", rita, "audit", public.id[:8]])
    assert opened.exit_code == 0 and opened.stdout.startswith("No open flags"), opened.output


def test_a_readers_export_of_a_pushed_meeting_names_nobody_protected(archive, tmp_path):
    """A reader reads the meeting row whole (lead, participants line, guests), the agenda, and the notes of
    on-the-record items; the push let through only texts that passed the audit, so the reader's export,
    whose own gate cannot see the hidden register, has nothing protected to find."""
    laptop, protected = archive["laptop"], archive["protected"]
    runner = CliRunner()
    clear_flags(laptop, protected.id)
    assert push(laptop, as_user(archive["url"], "ralf")).exit_code == 0
    rita = as_user(archive["url"], "rita")
    for fmt in ("md", "html"):
        out = tmp_path / f"rita.{fmt}"
        result = runner.invoke(app, ["--db", rita, "export", protected.id[:8], "-o", str(out)])
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        assert "Prevention is cheaper than response" in text  # the on-the-record note reaches the reader
        assert "opened the breakfast on early warning" in text  # the lead, anonymised
        assert [word for word in WORDS if word.lower() in text.lower()] == []
    # The raw note still names her, dismissed on the laptop: the reader neither reads nor exports it.
    assert sql(rita, "SELECT count(*) FROM note WHERE id = %s", archive["raw"].id) == [(0,)]
    assert sql(archive["url"], "SELECT count(*) FROM note WHERE id = %s", archive["raw"].id) == [(1,)]
