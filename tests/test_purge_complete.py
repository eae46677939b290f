"""`facilitator purge` leaves a protected person's name nowhere: a meeting is filled with one name in every
text that can reach a reader (policy.reader_texts) and in everything beside them (revisions, follow-up
comments, the draft, the speakers list, dismissals, the phrase library, house settings, the register),
backed up twice into the backups folder, once by hand into it and once with `backup -o` elsewhere; then
every byte of the database, its WAL and every file of its folder is searched for the name in UTF-8,
UTF-16 and folded ASCII, and the `-o` copy, out of reach, is named in the command's output."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import unicodedata

import pytest

from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import close_engine, open_engine
from facilitator.models import NoteRevision, utcnow
from facilitator.policy import MEETING_FIELDS
from facilitator.services import audit as audit_service
from facilitator.services import followup, speakers
from facilitator.services._db import transaction
from facilitator.services.backups import backup_database, copies_record
from facilitator.services.meetings import add_group, add_item, set_section_text
from facilitator.services.notes import annotate_note

NAME = "Zbigniewa Kowalczykówna"
SURNAME = "Kowalczykówna"
ORGANISATION = "Lindqvist Institute for Peace Studies"
WORDS = ("Zbigniewa", "Kowalczyk", "Kowalczykówna", "Lindqvist")


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def needles() -> set[bytes]:
    """Every form the name may take in a file: as typed, without accents, lower- and upper-cased (the search
    index keeps it folded), decomposed; in UTF-8 and UTF-16 (little-endian)."""
    found = set()
    for word in WORDS:
        for form in (word, _plain(word), word.lower(), _plain(word).lower(), word.upper(), _plain(word).upper(),
                     unicodedata.normalize("NFD", word)):
            found |= {form.encode("utf-8"), form.encode("utf-16-le")}
    return found


def leaks_in(raw: bytes) -> set[bytes]:
    return {needle for needle in needles() if needle in raw}


def fill(engine, meeting_id: str) -> dict:
    """The name in every place a text can be: returns the ids the test checks afterwards."""
    services.add_participant(engine, meeting_id, NAME, organisation=ORGANISATION, region="Central Europe",
                             role="director")
    services.add_participant(engine, meeting_id, "Ivan Petrov", organisation=ORGANISATION,
                             role=f"deputy to {SURNAME}", attributable=True)
    services.save_organiser(engine, "Stanley Foundation", about=f"The Foundation works with {NAME} of the "
                            f"{ORGANISATION}.")
    services.update_meeting(
        engine, meeting_id,
        **{field: f"{field} text naming {NAME} of the {ORGANISATION}" for field in MEETING_FIELDS},
        guests=[{"name": NAME, "role": f"Director, {ORGANISATION}"}],
        themes=["Prevention", f"{SURNAME}'s agenda"],
        organisers=["Stanley Foundation"],
        about={"Stanley Foundation": f"Partner of the {ORGANISATION}."},
        footnotes={"lead": f"From a paper by {SURNAME}."},
        attachments=[f"{SURNAME}'s background paper"],
        options={"category_words": {"civil society": f"colleague of {SURNAME}|colleagues of {SURNAME}"}},
        state_groups={f"Friends of {SURNAME}": {"members": [], "count": 3, "over": False}},
    )
    set_section_text(engine, meeting_id, "headings", "reflections", f"What {SURNAME} heard")
    set_section_text(engine, meeting_id, "intros", "reflections", f"{NAME} opened the discussion.")
    keynote = add_item(engine, meeting_id, f"Keynote by {NAME}", position=1, rule="on-the-record",
                       guiding_questions=[f"What did {SURNAME} propose?"])
    items = services.list_items(engine, meeting_id)
    discussion = items[3]
    add_group(engine, meeting_id, discussion.id, f"{SURNAME}'s group")
    on_record = services.add_note(engine, meeting_id, f"{NAME} warned that prevention is underfunded.",
                                  item_id=keynote.id)
    named = services.add_note(engine, meeting_id, f"{SURNAME} argued for early warning.", item_id=discussion.id,
                              headline=f"{SURNAME}'s plan", addressee=ORGANISATION,
                              themes=[f"{SURNAME}'s agenda"], group=f"{SURNAME}'s group")
    annotate_note(engine, named.id, footnote=f"As {NAME} wrote in 2016.")
    rec = services.add_note(engine, meeting_id, f"Fund the {ORGANISATION}'s early warning.",
                            kind="recommendation", item_id=items[4].id)
    followup.set_status(engine, rec.id, "taken-up", comment=f"{SURNAME} confirmed it by e-mail",
                        date=dt.date(2017, 9, 15))
    gone = services.add_note(engine, meeting_id, f"A remark {SURNAME} asked to withdraw.", item_id=discussion.id)
    services.delete_note(engine, gone.id)
    with transaction(engine) as session:  # a version that lost a merge
        session.add(NoteRevision(note_id=named.id, kind="reflection", text=f"Earlier: {NAME} said so.",
                                 headline=f"{SURNAME}'s first plan", addressee=ORGANISATION,
                                 themes=[f"{SURNAME}'s agenda"], edited_at=utcnow(), source=f"{SURNAME}'s laptop"))
    speakers.add_speaker(engine, meeting_id, NAME)
    services.save_draft(engine, meeting_id, None, f"{SURNAME} was about to say")
    services.save_phrases(engine, ["Participants stressed that", f"As {SURNAME} put it,"])
    org_flag = next(f for f in audit_service.audit_meeting(engine, meeting_id)
                    if f.note_id == rec.id and f.what == "organisation")
    audit_service.dismiss(engine, meeting_id, org_flag)  # a dismissal record keys the organisation by its name
    return {"on_record": on_record.id, "named": named.id, "rec": rec.id, "gone": gone.id}


def test_purge_leaves_the_name_in_no_byte_and_names_the_copy_it_cannot_reach(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "facilitator.db"
    usb = tmp_path / "usb"
    usb.mkdir()
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "breakfast", title="Breakfast on prevention", date=dt.date(2017, 9, 7))
    # Before she is registered: this backup's own register does not know her, the live one does.
    services.update_meeting(engine, meeting.id, lead=f"{NAME} hosted the breakfast.")
    first = backup_database(engine, reason="session")
    ids = fill(engine, meeting.id)
    fields = {flag.field.split(":")[0] for flag in audit_service.audit_meeting(engine, meeting.id)}
    assert fields >= {*MEETING_FIELDS, "guests", "about", "organiser", "theme", "headings", "intros", "footnotes",
                      "attachment", "item", "question", "group", "text", "headline", "addressee", "footnote"}
    second = backup_database(engine, reason="session")
    runner = CliRunner()
    for target in (folder / "backups" / "by-hand.db", usb / "copy.db"):
        made = runner.invoke(app, ["--db", str(db), "backup", "-o", str(target)])
        assert made.exit_code == 0, made.output
    # Only the copy outside the backups folder is recorded: the one in it is purged with the backups.
    assert [e["path"] for e in json.loads(copies_record(db).read_text())] == [str(usb / "copy.db")]
    services.add_note(engine, meeting.id, f"Later, {SURNAME} agreed.")  # in the WAL only
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert leaks_in(db.read_bytes() + db.with_name("facilitator.db-wal").read_bytes())
    assert all(leaks_in(p.read_bytes()) for p in (first, second, folder / "backups" / "by-hand.db"))
    close_engine(engine)

    result = runner.invoke(app, ["--db", str(db), "purge", meeting.id[:8], "--yes"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "3 backup(s) purged" in result.stdout
    for backup in (first, second, folder / "backups" / "by-hand.db"):
        assert f"purged backup {backup}\n" in result.stdout
    assert "1 phrase(s) of the phrase library named a protected participant: rewritten" in result.stdout
    assert result.stderr == (f"facilitator: warning: not purged: {usb / 'copy.db'}, a copy made with backup -o; "
                             f"delete it or purge it with `facilitator --db {usb / 'copy.db'} purge "
                             f"{meeting.id[:8]} --yes`.\n")

    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert db in files and first in files and second in files
    for path in files:
        assert not leaks_in(path.read_bytes()), (path.name, leaks_in(path.read_bytes()))
    assert leaks_in((usb / "copy.db").read_bytes())  # the copy out of reach still has it: the needles work

    # The search index holds the purged rows, term by term (fts5vocab lists every term of every segment).
    con = sqlite3.connect(db)
    try:
        con.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, note_fts, 'row')")
        terms = {row[0] for row in con.execute("SELECT term FROM temp.terms")}
        assert terms and not [t for t in terms if t.startswith(("kowalczyk", "zbigniew", "lindqvist"))]
        stale = con.execute(
            """SELECT count(*) FROM note JOIN note_fts ON note_fts.rowid = note.rowid
               LEFT JOIN agenda_item ON agenda_item.id = note.item_id
               WHERE note_fts.text IS NOT note.text OR note_fts.headline IS NOT note.headline
                  OR note_fts.addressee IS NOT note.addressee OR note_fts.item_title IS NOT agenda_item.title""")
        assert stale.fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM note").fetchone()[0] == \
            con.execute("SELECT count(*) FROM note_fts").fetchone()[0]
    finally:
        con.close()

    # The content stays: each text keeps its words around the anonymous form.
    engine = open_engine(db)
    try:
        on_record = services.get_note(engine, ids["on_record"])
        assert on_record.text.endswith("warned that prevention is underfunded.")
        assert services.get_note(engine, ids["rec"]).text.startswith("Fund a participating organisation")
        assert "Participants stressed that" in services.list_phrases(engine)
        assert [p.name for p in services.list_participants(engine, meeting.id)] == ["Ivan Petrov"]
        assert speakers.list_queue(engine, meeting.id) == [] and services.get_draft(engine, meeting.id) is None
    finally:
        close_engine(engine)

    # The register is gone with the names: the audit has nothing left to match, and says so.
    audited = runner.invoke(app, ["--db", str(db), "audit", meeting.id[:8]])
    assert audited.exit_code == 0 and audited.stdout == \
        "No open flags: nothing names a participant who may not be identified.\n"


def test_a_copy_deleted_since_is_not_named(tmp_path):
    db = tmp_path / "facilitator.db"
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "breakfast", title="Breakfast", date=dt.date(2017, 9, 7))
    services.add_participant(engine, meeting.id, NAME, region="Central Europe")
    services.add_note(engine, meeting.id, f"{SURNAME} argued for early warning.",
                      item_id=services.list_items(engine, meeting.id)[3].id)
    kept, deleted = tmp_path / "kept.db", tmp_path / "deleted.db"
    backup_database(engine, kept)
    backup_database(engine, deleted)
    deleted.unlink()
    close_engine(engine)
    result = CliRunner().invoke(app, ["--db", str(db), "purge", meeting.id, "--yes"])
    assert result.exit_code == 0, result.output
    assert f"not purged: {kept}," in result.stderr and str(deleted) not in result.output
    assert "0 backup(s) purged" in result.stdout


def test_a_backup_that_cannot_be_opened_is_removed_and_said(tmp_path):
    """A backup of the application's own that cannot be opened (damaged) cannot be purged: it is removed, and
    the output says so; a file of another origin that cannot be opened is left, with a warning."""
    db = tmp_path / "facilitator.db"
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "breakfast", title="Breakfast", date=dt.date(2017, 9, 7))
    services.add_participant(engine, meeting.id, NAME, region="Central Europe")
    services.add_note(engine, meeting.id, f"{SURNAME} argued for early warning.",
                      item_id=services.list_items(engine, meeting.id)[3].id)
    good = backup_database(engine, reason="session")
    damaged = backup_database(engine, reason="session")
    raw = bytearray(damaged.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # the schema page overwritten
    damaged.write_bytes(bytes(raw))
    foreign = good.with_name("notes.db")
    foreign.write_bytes(b"not a database".ljust(4096, b"\x07"))
    close_engine(engine)
    result = CliRunner().invoke(app, ["--db", str(db), "purge", meeting.id, "--yes"])
    assert result.exit_code == 0, result.output
    assert f"purged backup {good}\n" in result.stdout
    assert f"removed backup {damaged}: it could not be opened to be purged" in result.stdout
    assert not damaged.exists() and not leaks_in(good.read_bytes())
    assert result.stderr.startswith(f"facilitator: warning: not purged: {foreign}, in the backups folder: it could "
                                    "not be opened (") and result.stderr.endswith("); delete it.\n")
    assert foreign.exists()


def test_an_encrypted_database_purges_its_encrypted_and_its_plain_backups(tmp_path):
    """Backups of an encrypted database are encrypted, those made before `encrypt` are plain: each is opened
    as it is and purged, an encrypted one put in the backups folder by hand (`backup -o`) too."""
    db = tmp_path / "facilitator.db"
    secret = tmp_path / "passphrase"
    secret.write_text("a long passphrase\n")
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "breakfast", title="Breakfast", date=dt.date(2017, 9, 7))
    services.add_participant(engine, meeting.id, NAME, region="Central Europe")
    services.add_note(engine, meeting.id, f"{SURNAME} argued for early warning.",
                      item_id=services.list_items(engine, meeting.id)[3].id)
    plain = backup_database(engine, reason="session")
    close_engine(engine)
    runner = CliRunner()
    encrypted = runner.invoke(app, ["--db", str(db), "encrypt", "--passphrase-file", str(secret)])
    assert encrypted.exit_code == 0, encrypted.output
    by_hand = tmp_path / "backups" / "by-hand.db"
    for args in (["backup"], ["backup", "-o", str(by_hand)]):
        made = runner.invoke(app, ["--db", str(db), "--passphrase-file", str(secret), *args])
        assert made.exit_code == 0, made.output
    backups = sorted(p for p in (tmp_path / "backups").iterdir() if p.suffix == ".db")
    assert len(backups) == 3 and not by_hand.read_bytes().startswith(b"SQLite format 3")

    result = runner.invoke(app, ["--db", str(db), "--passphrase-file", str(secret), "purge", meeting.id, "--yes"])
    assert result.exit_code == 0, result.output
    assert "3 backup(s) purged" in result.stdout and f"purged backup {plain}\n" in result.stdout
    assert not leaks_in(plain.read_bytes())
    for path in backups:
        opened = open_engine(path, passphrase=None if path == plain else "a long passphrase", lock=False)
        try:
            texts = [n.text for n in services.list_notes(opened, meeting.id)]
            assert texts and not [t for t in texts if "Kowalczyk" in t], (path.name, texts)
            assert services.list_participants(opened, meeting.id) == []
        finally:
            close_engine(opened)


def test_a_name_typed_after_the_purge_is_still_refused(engine, db_path, tmp_path):
    """Issue 22: purge deletes the register's rows but keeps their name patterns, hashed (no byte of the
    name in the file), so that an export after the purge still refuses the name typed again."""
    import datetime as dt

    from facilitator import services
    from facilitator.errors import ExportError
    from facilitator.services import audit as audit_service
    from facilitator.services.exporting import export
    from facilitator.services.retention import purge_identities

    meeting = services.create_meeting(engine, "roundtable", title="Purged roundtable", date=dt.date(2017, 2, 16))
    services.add_participant(engine, meeting.id, "Наталья Кузнецова", organisation="Lindqvist Institute for Peace Studies")
    discussion = next(i for i in services.list_items(engine, meeting.id) if i.kind == "discussion")
    services.add_note(engine, meeting.id, "Kuznetsova argued for early warning.", item_id=discussion.id)
    purge_identities(engine, meeting.id)
    assert services.list_participants(engine, meeting.id) == []
    assert audit_service.audit_meeting(engine, meeting.id) == []
    data = db_path.read_bytes() + (db_path.with_name(db_path.name + "-wal").read_bytes()
                                   if db_path.with_name(db_path.name + "-wal").exists() else b"")
    assert b"Kuznetsova" not in data and "Кузнецова".encode() not in data and b"Lindqvist" not in data
    for typed in ("Natalia Kouznetsova stressed the cost.", "The Lindqvist Institute disagreed.", "NK objected."):
        note = services.add_note(engine, meeting.id, typed, item_id=discussion.id)
        (flag,) = audit_service.audit_meeting(engine, meeting.id)
        assert flag.note_id == note.id and "removed by the purge" in flag.participant
        with pytest.raises(ExportError):
            export(engine, meeting.id, "report", "md", tmp_path / "after.md")
        assert not (tmp_path / "after.md").exists()
        services.delete_note(engine, note.id)
