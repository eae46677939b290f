"""Writing a meeting as a document: audit gate, build, render, write atomically.

Under the Chatham House rule and not-for-attribution an export is refused
while the attribution audit has open flags. As a last check, the rendered
text is searched once more for the names of protected participants; a hit
refuses the export too. Nothing is written unless everything passed, and the
file appears whole or not at all (facilitator.files). A rapporteur's edited
draft is never replaced without `force`, even by another export finishing at
the same moment, and the database and its backups never, force or not.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from ..audit import audit, find_matches, leaked_names, targets_for
from ..db import database_file
from ..errors import ExportError
from ..files import check_target, write_atomically
from ..models import MeetingDetail, MeetingPublic
from ..text import slugify
from ..vocab import PROTECTED_RULES
from .meetings import get_detail, get_meeting


def default_export_path(meeting: MeetingPublic, style: str, fmt: str, folder: Path) -> Path:
    """`<folder>/<date>-<slug of title>-<style><ext>`, e.g. 2017-09-07-un-civil-society-...-memo.docx."""
    from exports import EXTENSIONS

    extension = EXTENSIONS.get(fmt, f".{fmt}")
    return Path(folder) / f"{meeting.date.isoformat()}-{slugify(meeting.title)}-{style}{extension}"


def _names_to_guard(detail: MeetingDetail) -> list:
    """Protected participants whose names must not appear anywhere in the export:
    not attributable, not cleared by the rapporteur, and not legitimately named
    in an on-the-record item (as its speaker or in its notes)."""
    if detail.meeting.rule not in PROTECTED_RULES and not any(i.rule in PROTECTED_RULES for i in detail.items):
        return []
    cleared = set(detail.meeting.cleared) | {pid for n in detail.notes for pid in n.cleared}
    guarded = []
    for person in detail.participants:
        if person.attributable or person.id in cleared:
            continue
        on_record = [n for n in detail.notes if detail.effective_rule(n.item_id) not in PROTECTED_RULES]
        named = any(n.speaker_id == person.id or find_matches(f"{n.headline} {n.text}", targets_for(person))
                    for n in on_record)
        if not named:
            guarded.append(person)
    return guarded


def build(engine: Engine, meeting_id: str, style: str, *, allow_attribution: bool = False):
    """The checked Document for a meeting (raises ExportError if it would leak)."""
    from exports import build_document
    from exports.document import plain_text

    detail = get_detail(engine, meeting_id)
    if not allow_attribution:
        flags = audit(detail)
        if flags:
            raise ExportError(
                f"{len(flags)} passage(s) name participants who may not be identified; review them with "
                f"`facilitator audit {meeting_id[:8]}` (or the audit screen). Nothing was written."
            )
    document = build_document(detail, style)
    if not allow_attribution:
        leaks = leaked_names(plain_text(document), _names_to_guard(detail))
        if leaks:
            raise ExportError(f"The {style} would name {', '.join(leaks)}, who may not be identified; "
                              "nothing was written.")
    return document


def preview_markdown(engine: Engine, meeting_id: str, style: str, *, allow_attribution: bool = False) -> str:
    from exports import check, render_markdown

    check(style, "md")
    return render_markdown(build(engine, meeting_id, style, allow_attribution=allow_attribution))


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
    from exports import check, render

    check(style, fmt)
    if path is None:
        path = default_export_path(get_meeting(engine, meeting_id), style, fmt, Path.cwd())
    path = check_target(Path(path), force=force, database=database_file(engine), error=ExportError)
    payload = render(build(engine, meeting_id, style, allow_attribution=allow_attribution), fmt)
    write_atomically(path, payload, overwrite=force, error=ExportError)
    return path


def drafted_texts(engine: Engine, meeting_id: str) -> dict[str, str]:
    """The drafts a rapporteur starts from: lead (in the meeting's usual style), disclaimer, outlook."""
    from exports.drafting import draft_disclaimer, draft_memo_lead, draft_report_lead

    detail = get_detail(engine, meeting_id)
    lead = draft_memo_lead(detail) if detail.meeting.format == "breakfast" else draft_report_lead(detail)
    return {"lead": lead, "disclaimer": draft_disclaimer(detail), "outlook": ""}
