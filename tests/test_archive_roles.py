"""Who may see what in the archive, enforced by PostgreSQL: hand-written SQL as
each role, and the program's own commands as each role, on a real server."""

import datetime as dt

import psycopg
import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import open_engine
from facilitator.services import followup
from facilitator.services.search import search
from facilitator.services.sync import meetings_to_move, move

PASSWORD = "correct-horse-battery"


def as_user(url: str, user: str, password: str = PASSWORD) -> str:
    return make_url(url).set(username=user, password=password).render_as_string(hide_password=False)


def sql(url: str, statement: str, *params):
    """A hand-written query, straight through the driver: no facilitator code in the way."""
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        return conn.execute(statement, params).fetchall()


def set_up_archive(url: str, tmp_path) -> None:
    """`archive init` on the database at `url`, and its accounts granted with the CLI: a reader (rita) and
    two rapporteurs (ralf, rosa), each with PASSWORD."""
    runner = CliRunner()
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    assert runner.invoke(app, ["archive", "init", "--admin-url", url]).exit_code == 0
    for user, role in (("rita", "reader"), ("ralf", "rapporteur"), ("rosa", "rapporteur")):
        result = runner.invoke(app, ["archive", "grant", user, role, "--password-file", str(password_file),
                                     "--admin-url", url])
        assert result.exit_code == 0, result.output


@pytest.fixture
def archive(pg_database, tmp_path):
    """An archive set up with the CLI: a reader (rita), two rapporteurs (ralf, rosa); ralf pushed two meetings."""
    url = pg_database()
    set_up_archive(url, tmp_path)
    laptop = open_engine(tmp_path / "ralf.db")
    protected = services.create_meeting(laptop, "breakfast", title="Breakfast, not for attribution",
                                        date=dt.date(2017, 9, 7))
    services.add_participant(laptop, protected.id, "Zorana Šimunović", organisation="Balkan Peace Forum",
                             region="the Western Balkans")
    raw = services.add_note(laptop, protected.id, "Zorana Šimunović urged early warning in the Balkans.",
                            kind="rec", addressee="UN")
    public = services.create_meeting(laptop, "dialogue", title="Open dialogue", date=dt.date(2017, 9, 6))
    services.add_note(laptop, public.id, "Sanctions need review", kind="rec", addressee="UN")
    moved = list(move(laptop, open_engine(as_user(url, "ralf")), meetings_to_move(laptop, None), source_name="ralf"))
    assert [m.error for m in moved] == [None, None]
    return {"url": url, "laptop": laptop, "protected": protected, "public": public, "raw": raw}


def test_reader_cannot_select_raw_notes_of_a_protected_meeting_by_hand(archive):
    rita = as_user(archive["url"], "rita")
    protected = archive["protected"].id
    assert sql(rita, "SELECT id, text FROM note WHERE meeting_id = %s", protected) == []
    assert sql(rita, "SELECT text FROM note") == [("Sanctions need review",)]
    assert sql(rita, "SELECT name FROM participant WHERE meeting_id = %s", protected) == []
    assert sql(rita, "SELECT * FROM note_revision") == [] and sql(rita, "SELECT * FROM draft") == []
    lexemes = " ".join(row[0] for row in sql(rita, "SELECT document::text FROM note_search"))
    assert "zorana" not in lexemes and "sanctions" in lexemes
    assert sql(rita, "SELECT title FROM meeting ORDER BY date") == [("Open dialogue",),
                                                                    ("Breakfast, not for attribution",)]
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql(rita, "UPDATE note SET text = 'rewritten'")
    # The program, run as the reader, finds the same: search and the tracker see only the open record.
    engine = open_engine(rita)
    assert [h.text for h in search(engine, "early warning")] == []
    assert [h.text for h in search(engine, "sanctions")] == ["Sanctions need review"]
    assert [r.note.text for r in followup.tracker(engine)] == ["Sanctions need review"]
    engine.dispose()
    # The administrator (here the server's superuser) and the meeting's rapporteur see the raw note.
    assert sql(archive["url"], "SELECT text FROM note WHERE meeting_id = %s", protected) == \
        [("Zorana Šimunović urged early warning in the Balkans.",)]
    assert sql(as_user(archive["url"], "ralf"), "SELECT text FROM note WHERE meeting_id = %s", protected) == \
        [("Zorana Šimunović urged early warning in the Balkans.",)]


def test_another_rapporteur_neither_reads_nor_writes_the_meeting(archive, tmp_path):
    rosa = as_user(archive["url"], "rosa")
    protected = archive["protected"].id
    assert sql(rosa, "SELECT text FROM note WHERE meeting_id = %s", protected) == []
    assert sql(rosa, "UPDATE meeting SET title = 'taken' WHERE id = %s RETURNING id", protected) == []
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "ralf.db"), "push", protected[:8], "--to", rosa])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 2 and "not pushed" in result.stderr
    assert sql(archive["url"], "SELECT title FROM meeting WHERE id = %s", protected) == \
        [("Breakfast, not for attribution",)]
    granted = CliRunner().invoke(app, ["archive", "grant", "rosa", "rapporteur", "--meeting", protected[:8],
                                       "--admin-url", archive["url"]])
    assert granted.exit_code == 0, granted.output
    assert sql(rosa, "SELECT count(*) FROM note WHERE meeting_id = %s", protected) == [(1,)]


def test_reader_cannot_push(archive, tmp_path):
    laptop = open_engine(tmp_path / "rita.db")
    services.create_meeting(laptop, "roundtable", title="A reader's meeting", date=dt.date(2020, 1, 1))
    laptop.dispose()
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "rita.db"), "push", "--to",
                                      as_user(archive["url"], "rita")])
    assert result.exit_code == 2
    assert "not pushed" in result.stderr and "does not allow user rita" in result.stderr
    assert sql(archive["url"], "SELECT count(*) FROM meeting") == [(2,)]


def test_purge_on_the_archive_releases_the_anonymised_notes_to_readers(archive):
    ralf, rita = as_user(archive["url"], "ralf"), as_user(archive["url"], "rita")
    protected = archive["protected"].id
    result = CliRunner().invoke(app, ["--db", ralf, "purge", protected[:8], "--yes"])
    assert result.exit_code == 0, result.output
    [(text,)] = sql(rita, "SELECT text FROM note WHERE meeting_id = %s", protected)
    assert "Šimunović" not in text and "Zorana" not in text and "early warning" in text
    assert sql(archive["url"], "SELECT count(*) FROM participant WHERE name = 'Zorana Šimunović'") == [(0,)]
    # An edit after the purge is raw again: hidden from readers until the next purge.
    engine = open_engine(ralf)
    services.update_note(engine, archive["raw"].id, text="A new raw remark by Zorana.")
    engine.dispose()
    assert sql(rita, "SELECT text FROM note WHERE meeting_id = %s", protected) == []


def test_archive_users_lists_roles_and_meetings(archive):
    result = CliRunner().invoke(app, ["archive", "users", "--admin-url", archive["url"]])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert "reader" in lines["rita"] and "rapporteur" in lines["ralf"]
    assert archive["protected"].id[:8] in lines["ralf"] and archive["public"].id[:8] in lines["ralf"]


def test_a_reader_first_after_an_upgrade_is_told_the_owner_upgrades_the_archive(archive):
    """Only the archive's owner may migrate it: a reader who connects first after an upgrade gets one line
    saying so (not "must be owner of table note"), and the owner's next command migrates it."""
    from facilitator.errors import DatabaseError
    from facilitator.migrations import LATEST_VERSION

    owner = archive["url"]
    with psycopg.connect(owner.replace("postgresql+psycopg", "postgresql")) as conn:  # one release behind
        conn.execute("DELETE FROM schema_migration WHERE version = %s", (LATEST_VERSION,))
    with pytest.raises(DatabaseError) as refused:
        open_engine(as_user(owner, "rita"))
    assert str(refused.value) == (
        f"The archive at {make_url(owner).host}:{make_url(owner).port}/{make_url(owner).database} is at schema "
        f"version {LATEST_VERSION - 1} and this release needs {LATEST_VERSION}; its owner upgrades it by running "
        "any facilitator command on it (e.g. `facilitator --db URL archive users`).")
    open_engine(owner).dispose()  # the owner migrates
    open_engine(as_user(owner, "rita")).dispose()
