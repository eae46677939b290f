"""`purge` leaves no purged byte behind, in the database file, its WAL or
any backup, without needing VACUUM's free space; when there is no room to
compact it says so in one line and exits non-zero, the purge itself done.

The raw bytes of every file are searched for the purged text. One test fakes
the free space; the other (root, `unshare -m`) runs the real command on a
small tmpfs filled up to the last few hundred kilobytes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app
from facilitator.db import close_engine, open_engine
from facilitator.services import retention
from facilitator.services.backups import backup_database
from facilitator.services.search import search

SECRET = "Xylander argued for early warning"


def raw_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def leaks(folder: Path) -> list[str]:
    return [name for name, raw in raw_files(folder).items() if SECRET.encode() in raw]


def test_purge_without_room_to_compact_leaves_nothing_and_says_so(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    db = folder / "facilitator.db"
    engine = open_engine(db)
    meeting = services.create_meeting(engine, "breakfast", title="Breakfast", date=services.parse_date("2017-09-07"))
    services.add_participant(engine, meeting.id, "Zorana Xylander", region="the Western Balkans")
    item = services.list_items(engine, meeting.id)[3]
    services.add_note(engine, meeting.id, f"{SECRET}.", item_id=item.id)
    backup_database(engine, reason="session")
    services.add_note(engine, meeting.id, f"Later: {SECRET} again.", item_id=item.id)  # in the WAL only
    assert leaks(folder)
    close_engine(engine)

    monkeypatch.setattr(retention, "free_space", lambda folder: 0)  # the disk is (nearly) full
    result = CliRunner().invoke(app, ["--db", str(db), "purge", meeting.id, "--yes"])
    assert result.exit_code == 2, result.output
    assert "2 note(s) changed" in result.stdout and "1 backup(s) purged" in result.stdout
    assert result.stderr.count("\n") == 1 and "could not be compacted for want of free disk space" in result.stderr
    assert "Traceback" not in result.output

    assert leaks(folder) == []
    engine = open_engine(db)
    texts = [n.text for n in services.list_notes(engine, meeting.id)]
    assert texts == ["A participant argued for early warning.",
                     "Later: A participant argued for early warning again."]
    assert search(engine, "Xylander") == []
    close_engine(engine)


FILL_AND_PURGE = r"""
import json, os, subprocess, sys
from pathlib import Path
folder = Path(sys.argv[1])
db = folder / "facilitator.db"
env = {**os.environ, "FACILITATOR_DB": str(db), "TMPDIR": str(folder)}
from facilitator import services
from facilitator.db import close_engine, open_engine
from facilitator.services.backups import backup_database
engine = open_engine(db)
meeting = services.create_meeting(engine, "breakfast", title="Breakfast", date=services.parse_date("2017-09-07"))
services.add_participant(engine, meeting.id, "Zorana Xylander", region="the Western Balkans")
item = services.list_items(engine, meeting.id)[3]
services.add_note(engine, meeting.id, "Xylander argued for early warning.", item_id=item.id)
for n in range(800):
    services.add_note(engine, meeting.id, f"Filler note {n} on prevention, mediation and early action " * 3)
backup_database(engine, reason="session")
close_engine(engine)
with open(folder / "filler", "wb") as fh:  # fill the disk, then give back a few hundred kilobytes
    try:
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()
    except OSError:
        pass
os.truncate(folder / "filler", max(0, os.path.getsize(folder / "filler") - 600 * 1024))
done = subprocess.run([sys.executable, "-m", "facilitator", "purge", meeting.id, "--yes"], env=env,
                      capture_output=True, text=True)
leaks = [str(p) for p in folder.rglob("*") if p.is_file() and b"Xylander argued" in p.read_bytes()]
print(json.dumps({"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr, "leaks": leaks,
                  "size": db.stat().st_size}))
"""


def _can_mount_tmpfs() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount_tmpfs(), reason="needs root and unshare to mount a small tmpfs")
def test_purge_on_a_really_full_disk(tmp_path):
    folder = tmp_path / "small-disk"
    folder.mkdir()
    script = 'mount -t tmpfs -o size=8m,mode=0700 tmpfs "$0" && exec "$@"'
    ran = subprocess.run(["unshare", "-m", "sh", "-c", script, str(folder), sys.executable, "-c", FILL_AND_PURGE,
                          str(folder)], capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    outcome = json.loads(ran.stdout)
    assert outcome["size"] > 700 * 1024  # a copy of it would not fit in the 600 kB left
    assert outcome["code"] == 2, outcome
    assert "Traceback" not in outcome["stderr"] and outcome["stderr"].count("\n") == 1, outcome
    assert "could not be compacted" in outcome["stderr"]
    assert "1 note(s) changed" in outcome["stdout"] and "1 backup(s) purged" in outcome["stdout"]
    assert outcome["leaks"] == []
