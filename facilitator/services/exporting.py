"""Writing a meeting as a document: audit, build, render, gate, write atomically.

Under a protected rule an export is refused while the attribution audit has
open flags (facilitator.policy). Then the final gate reads the rendered file
as its reader will (exports.readback: the text of every format, and its
metadata) and refuses it if a protected person or organisation can be read
there, naming where and what. Nothing is written unless everything passed,
and the file appears whole or not at all (facilitator.files). A rapporteur's
edited draft is never replaced without `force`, even by another export
finishing at the same moment, and the database and its backups never, force
or not.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from ..db import database_file
from ..errors import ExportError
from ..files import check_target, write_atomically
from ..models import MeetingPublic
from ..policy import Register, audit, dismissed_mentions, gate
from ..text import slugify
from .meetings import get_detail, get_meeting


def default_export_path(meeting: MeetingPublic, style: str, fmt: str, folder: Path) -> Path:
    """`<folder>/<date>-<slug of title>-<style><ext>`, e.g. 2017-09-07-un-civil-society-...-memo.docx."""
    from exports import EXTENSIONS

    extension = EXTENSIONS.get(fmt, f".{fmt}")
    return Path(folder) / f"{meeting.date.isoformat()}-{slugify(meeting.title)}-{style}{extension}"


def render_checked(engine: Engine, meeting_id: str, style: str, fmt: str, *, allow_attribution: bool = False) \
        -> bytes:
    """The meeting in a house style and format, as bytes that passed the audit and the final gate
    (ExportError, one line, otherwise). `allow_attribution` skips both, for a draft kept in the room."""
    from exports import build_document, check, render
    from exports.readback import read

    check(style, fmt)
    detail = get_detail(engine, meeting_id)
    register = Register(detail)
    if not allow_attribution:
        flags = audit(detail, register)
        if flags:
            raise ExportError(
                f"{len(flags)} passage(s) name participants who may not be identified; review them with "
                f"`facilitator audit {meeting_id[:8]}` (or the audit screen). Nothing was written."
            )
    payload = render(build_document(detail, style), fmt)
    if not allow_attribution:
        gate(read(fmt, payload), register, what=f"The {style} ({fmt})", allowed=dismissed_mentions(detail, register))
    return payload


def preview_markdown(engine: Engine, meeting_id: str, style: str, *, allow_attribution: bool = False) -> str:
    return render_checked(engine, meeting_id, style, "md", allow_attribution=allow_attribution).decode("utf-8")


def export_meeting(
    engine: Engine,
    meeting_id: str,
    style: str,
    fmt: str,
    path: Path | None = None,
    *,
    force: bool = False,
    allow_attribution: bool = False,
) -> Path:
    """Write the meeting in a house style and format; return the path written.

    `path` None means the default name (`default_export_path`) in the current
    folder. Style and format are checked before anything touches the disk;
    every refusal is an ExportError of one line, and leaves the disk as it was.
    """
    from exports import check

    check(style, fmt)
    if path is None:
        path = default_export_path(get_meeting(engine, meeting_id), style, fmt, Path.cwd())
    path = check_target(Path(path), force=force, database=database_file(engine), error=ExportError)
    payload = render_checked(engine, meeting_id, style, fmt, allow_attribution=allow_attribution)
    write_atomically(path, payload, overwrite=force, error=ExportError)
    return path


def drafted_texts(engine: Engine, meeting_id: str) -> dict[str, str]:
    """The drafts a rapporteur starts from: lead (in the meeting's usual style), disclaimer, outlook."""
    from exports.drafting import draft_disclaimer, draft_memo_lead, draft_report_lead

    detail = get_detail(engine, meeting_id)
    lead = draft_memo_lead(detail) if detail.meeting.format == "breakfast" else draft_report_lead(detail)
    return {"lead": lead, "disclaimer": draft_disclaimer(detail), "outlook": ""}
