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

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from ..db import database_file
from ..errors import ExportError
from ..files import check_target, write_atomically
from ..inputs import user_path
from ..models import MeetingPublic
from ..policy import Register, audit, dismissed_mentions, gate
from ..text import slugify
from .meetings import get_detail, get_meeting


@dataclass(frozen=True)
class Exported:
    """What an export wrote, and what its style left out (one line each), for the summary the user sees."""

    path: Path
    style: str
    fmt: str
    omitted: list[str] = field(default_factory=list)


def style_for(meeting: MeetingPublic, style: str | None) -> str:
    """The style asked for, else the one the meeting's template names (exports.default_style)."""
    from exports import default_style

    return style or default_style(meeting)


def default_export_path(meeting: MeetingPublic, style: str, fmt: str, folder: Path) -> Path:
    """`<folder>/<date>-<slug of title>-<style><suffix>`, e.g. 2017-09-07-un-civil-society-...-memo.docx."""
    from exports import check_format

    return Path(folder) / f"{meeting.date.isoformat()}-{slugify(meeting.title)}-{style}{check_format(fmt).suffix}"


#: Where the folder each meeting was last exported to is kept, per laptop (a folder is one machine's, so it
#: does not travel with the meeting in a bundle or to the archive).
FOLDERS_FILE = "export-folders.json"


def _folders_file() -> Path:
    from platformdirs import user_data_path

    return user_data_path("facilitator", appauthor=False) / FOLDERS_FILE


def _remembered() -> dict[str, str]:
    try:
        found = json.loads(_folders_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a convenience, not a record: unreadable means nothing remembered
    return found if isinstance(found, dict) else {}


def export_folder(meeting_id: str) -> Path:
    """The folder a meeting's export goes to unless another is given, for the command line and the screens
    alike: the one it was last exported to (while it exists), else the current folder."""
    folder = _remembered().get(meeting_id)
    if folder and os.path.isdir(folder):
        return Path(folder)
    return Path.cwd()


def remember_folder(meeting_id: str, folder: Path) -> None:
    """Keep `folder` as the meeting's export folder. Never fails an export: a read-only data folder only
    means the next export starts from the current folder again."""
    folders = {**_remembered(), meeting_id: str(Path(folder).resolve())}
    try:
        _folders_file().parent.mkdir(parents=True, exist_ok=True)
        write_atomically(_folders_file(), json.dumps(folders, indent=1).encode("utf-8"), overwrite=True,
                         error=ExportError)
    except (OSError, ExportError):
        pass


def would_replace(path: Path) -> bool:
    """Whether writing `path` replaces a file (the screens ask first; the command line wants --force)."""
    return user_path(path, ExportError).is_file()


def _checked(engine: Engine, meeting_id: str, style: str, fmt: str, *, allow_attribution: bool):
    """(bytes, document) of the meeting in a house style and format, having passed the audit and the final
    gate (ExportError, one line, otherwise). `allow_attribution` skips both, for a draft kept in the room."""
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
    document = build_document(detail, style)
    payload = render(document, fmt)
    if not allow_attribution:
        gate(read(fmt, payload), register, what=f"The {style} ({fmt})", allowed=dismissed_mentions(detail, register))
    return payload, document


def render_checked(engine: Engine, meeting_id: str, style: str, fmt: str, *, allow_attribution: bool = False) \
        -> bytes:
    """The meeting in a house style and format, as bytes that passed the audit and the final gate."""
    return _checked(engine, meeting_id, style, fmt, allow_attribution=allow_attribution)[0]


def preview_markdown(engine: Engine, meeting_id: str, style: str | None = None, *,
                     allow_attribution: bool = False) -> str:
    style = style_for(get_meeting(engine, meeting_id), style)
    return render_checked(engine, meeting_id, style, "md", allow_attribution=allow_attribution).decode("utf-8")


def export(
    engine: Engine,
    meeting_id: str,
    style: str | None = None,
    fmt: str | None = None,
    path: Path | None = None,
    *,
    force: bool = False,
    allow_attribution: bool = False,
) -> Exported:
    """Write the meeting in a house style (default: its template's) and format (default: the one the file
    name's suffix names, else Word).

    `path` None means the default name (`default_export_path`) in the meeting's
    export folder (`export_folder`); the folder written to is remembered for
    the next time. Style and format are checked before anything touches the
    disk; every refusal is an ExportError of one line, and leaves the disk as it was.
    """
    from exports import check, format_for

    meeting = get_meeting(engine, meeting_id)
    style, fmt = style_for(meeting, style), format_for(fmt, Path(path) if path is not None else None)
    check(style, fmt)
    if path is None:
        path = default_export_path(meeting, style, fmt, export_folder(meeting_id))
    path = check_target(Path(path), force=force, database=database_file(engine), error=ExportError)
    payload, document = _checked(engine, meeting_id, style, fmt, allow_attribution=allow_attribution)
    write_atomically(path, payload, overwrite=force, error=ExportError)
    remember_folder(meeting_id, path.parent)
    return Exported(path, style, fmt, list(document.omitted))


def export_meeting(
    engine: Engine,
    meeting_id: str,
    style: str | None,
    fmt: str,
    path: Path | None = None,
    *,
    force: bool = False,
    allow_attribution: bool = False,
) -> Path:
    """`export`, returning only the path written."""
    return export(engine, meeting_id, style, fmt, path, force=force, allow_attribution=allow_attribution).path


def drafted_texts(engine: Engine, meeting_id: str) -> dict[str, str]:
    """The drafts a rapporteur starts from, in the meeting's own style: lead, disclaimer, outlook."""
    from exports import default_style
    from exports.drafting import LEADS, draft_disclaimer

    detail = get_detail(engine, meeting_id)
    style = default_style(detail.meeting)
    return {"lead": "\n".join(LEADS[style](detail)), "disclaimer": draft_disclaimer(detail), "outlook": ""}
