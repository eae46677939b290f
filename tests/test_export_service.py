"""export_meeting on a real database and a real folder: it never overwrites
without force, refuses missing or unwritable folders in one line, checks
style and format before touching the disk, leaves no half or temporary file,
and names files after the meeting. Also the pipeline's registry API."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import exports
from exports import FORMATS, STYLES, build_document, default_style, render
from facilitator import files, services
from facilitator.errors import ExportError
from facilitator.services.demo import load_demo
from facilitator.services.exporting import default_export_path, export_meeting, preview_markdown

DRAFT = b"the rapporteur's edited draft, not to be lost"


@pytest.fixture
def brussels(engine):
    return load_demo(engine)[0]


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    return out


def one_line(error: pytest.ExceptionInfo) -> str:
    message = str(error.value)
    assert "\n" not in message and message.endswith(".")
    return message


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_refuses_to_overwrite_without_force_and_leaves_the_file_untouched(engine, brussels, folder, fmt):
    target = folder / f"report.{fmt}"
    target.write_bytes(DRAFT)
    with pytest.raises(ExportError) as error:
        export_meeting(engine, brussels.id, "report", fmt, target)
    assert one_line(error) == f"{target} already exists; use --force to overwrite it."
    assert target.read_bytes() == DRAFT
    assert [p.name for p in folder.iterdir()] == [target.name]

    export_meeting(engine, brussels.id, "report", fmt, target, force=True)
    assert target.read_bytes() != DRAFT
    assert [p.name for p in folder.iterdir()] == [target.name]


def test_no_clobber_holds_even_if_the_file_appears_after_the_check(folder):
    target = folder / "memo.docx"
    target.write_bytes(DRAFT)  # another export finished between the check and the write
    with pytest.raises(ExportError, match="already exists"):
        files.write_atomically(target, b"new bytes", overwrite=False, error=ExportError)
    assert target.read_bytes() == DRAFT
    assert [p.name for p in folder.iterdir()] == ["memo.docx"]


def test_refuses_a_missing_folder(engine, brussels, tmp_path):
    target = tmp_path / "no such folder" / "report.docx"
    with pytest.raises(ExportError) as error:
        export_meeting(engine, brussels.id, "report", "docx", target)
    assert "does not exist" in one_line(error)
    assert not target.parent.exists()


def test_refuses_a_file_in_place_of_the_folder_and_a_folder_in_place_of_the_file(engine, brussels, folder):
    (folder / "notes.txt").write_text("a file")
    with pytest.raises(ExportError) as error:
        export_meeting(engine, brussels.id, "report", "md", folder / "notes.txt" / "report.md")
    assert "does not exist" in one_line(error)
    with pytest.raises(ExportError) as error:
        export_meeting(engine, brussels.id, "report", "md", folder)
    assert "is a folder" in one_line(error)
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
def test_refuses_an_unwritable_folder(engine, brussels, folder):
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError) as error:
            export_meeting(engine, brussels.id, "report", "docx", folder / "report.docx")
        assert "not writable" in one_line(error)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc, which nobody can write, root included")
def test_refuses_a_folder_nobody_can_write(engine, brussels):
    with pytest.raises(ExportError) as error:
        export_meeting(engine, brussels.id, "report", "md", Path("/proc/self/report.md"))
    assert one_line(error).startswith("Cannot write /proc/self/report.md")


@pytest.mark.parametrize("force", [False, True])
def test_a_failed_write_leaves_neither_half_a_file_nor_a_temporary_one(engine, brussels, folder, monkeypatch,
                                                                        force):
    target = folder / "report.docx"
    if force:
        target.write_bytes(DRAFT)

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", disk_full)  # the disk fills up as the bytes are flushed
    with pytest.raises(ExportError) as error:
        export_meeting(engine, brussels.id, "report", "docx", target, force=force)
    assert one_line(error) == f"Cannot write {target}: No space left on device."
    assert [p.name for p in folder.iterdir()] == (["report.docx"] if force else [])
    if force:
        assert target.read_bytes() == DRAFT


def test_style_and_format_are_checked_before_the_disk(engine, brussels, folder):
    missing = folder / "missing" / "x.docx"
    with pytest.raises(ExportError) as error:
        export_meeting(engine, brussels.id, "minutes", "docx", missing)
    assert one_line(error) == "Unknown style 'minutes'; use one of: report, memo, workshop, dialogue, update."
    with pytest.raises(ExportError) as error:
        export_meeting(engine, brussels.id, "report", "odt", missing)
    assert one_line(error) == "Unknown format 'odt'; use one of: docx, md, html, pdf."
    with pytest.raises(ExportError, match="Unknown style"):
        preview_markdown(engine, brussels.id, "minutes")
    assert list(folder.iterdir()) == []


def test_default_path_is_date_slug_style_in_the_current_folder(engine, brussels, folder, monkeypatch):
    monkeypatch.chdir(folder)
    written = export_meeting(engine, brussels.id, "report", "docx")
    name = "2017-02-16-civil-society-perspectives-on-rtop-and-conflict-prevention-report.docx"
    assert written == folder / name and written.read_bytes().startswith(b"PK")
    new_york = load_demo(engine)[1]
    path = default_export_path(new_york, "memo", "md", Path("/tmp"))
    assert path.parent == Path("/tmp") and path.suffix == ".md"
    assert path.name.startswith("2017-09-07-un-civil-society-cooperation-on-") and path.stem.endswith("-memo")


def test_written_markdown_is_the_preview(engine, brussels, folder):
    written = export_meeting(engine, brussels.id, "report", "md", folder / "report.md")
    assert written.read_text(encoding="utf-8") == preview_markdown(engine, brussels.id, "report")
    assert oct(written.stat().st_mode & 0o777) == oct(0o644)


def test_pipeline_registry(engine, brussels):
    assert list(STYLES) == ["report", "memo", "workshop", "dialogue", "update"]
    assert {name: f.suffix for name, f in FORMATS.items()} == {"md": ".md", "docx": ".docx", "html": ".html",
                                                               "pdf": ".pdf"}
    assert default_style(services.get_meeting(engine, brussels.id)) == "report"
    detail = services.get_detail(engine, brussels.id)
    document = STYLES["report"](detail)  # a style is its builder
    assert document == build_document(detail, "report")
    assert FORMATS["md"](document) == render(document, "md") == exports.render_markdown(document).encode()
    assert str(STYLES["memo"]).startswith("Policy memo")  # what the export dialog lists
    assert str(FORMATS["docx"]) == "Word (.docx)"
    with pytest.raises(ExportError) as error:
        render(document, "rtf")
    assert one_line(error) == "Unknown format 'rtf'; use one of: docx, md, html, pdf."
    with pytest.raises(ExportError) as error:
        build_document(detail, "minutes")
    assert "use one of: report, memo" in one_line(error)
