"""Push and pull: meetings between a laptop's database and the secretariat's
archive, with the bundle merge rules (services.bundles, import_guards) — a
push is an import into the archive, a pull an import into the laptop.

Each meeting is read whole from one side, then merged into the other in one
transaction: a connection lost half-way leaves the meeting as it was on both
sides, and the meetings merged before it stay merged. Repeating a push or a
pull changes nothing; a note edited on both sides keeps the later edit and
the other as a revision where the merge happened; no change toward a less
protective rule is taken unless accepted.

A push sends only what the attribution gate cleared (`audit_first`): a
meeting with open audit flags on the laptop (policy.audit, as `facilitator
audit` lists them) is refused, and the others go on. The archive's readers
read every meeting's own texts (its lead, participants line, guests ...), so
what reaches it must have passed the audit.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel
from sqlalchemy import Engine

from ..errors import ConnectionLost, FacilitatorError
from ..policy import Flag
from .audit import audit_meeting
from .bundles import Bundle, ImportReport, make_bundle, merge_bundle
from .meetings import get_meeting, list_meetings, resolve_meeting


class Moved(BaseModel):
    """One meeting's outcome: its merge report, or the one-line reason it was not moved."""

    meeting_id: str
    title: str
    report: ImportReport | None = None
    error: str | None = None
    #: The open audit flags it was refused for (`audit_first`): `error` then is the whole sentence.
    open_flags: int = 0


#: How many flags a refusal names before it says how many more there are.
FLAGS_NAMED = 5


def refusal(meeting_id: str, title: str, flags: list[Flag]) -> str:
    """The one line a meeting refused for open flags gets: which flags, and what to run."""
    named = ", ".join(f"{flag.participant} in {flag.where}" for flag in flags[:FLAGS_NAMED])
    if len(flags) > FLAGS_NAMED:
        named += f", and {len(flags) - FLAGS_NAMED} more"
    count = f"{len(flags)} open flag{'' if len(flags) == 1 else 's'}"
    return f"Not pushed: {title} has {count} ({named}); run facilitator audit {meeting_id[:8]}."


def meetings_to_move(source: Engine, refs: list[str] | None) -> list[str]:
    """The ids named (ids or unambiguous prefixes, looked up where the meetings come from), else all there."""
    if refs:
        return list(dict.fromkeys(resolve_meeting(source, ref).id for ref in refs))
    return [m.id for m in reversed(list_meetings(source))]  # oldest first


def move(source: Engine, target: Engine, meeting_ids: list[str], *, source_name: str,
         accept_rule_change: bool = False, audit_first: bool = False) -> Iterator[Moved]:
    """Merge each meeting of `source` into `target`, one transaction each, yielding as it goes.

    A meeting the target refuses (say, the archive does not let this user
    write it) is reported and the others go on; a connection lost on either
    side stops the run with ConnectionLost, after the meetings already moved.
    With `audit_first` (a push), a meeting with open audit flags in `source`
    is refused before anything of it is read for the target."""
    for meeting_id in meeting_ids:
        try:
            if audit_first:
                flags = audit_meeting(source, meeting_id)
                if flags:
                    title = get_meeting(source, meeting_id).title
                    yield Moved(meeting_id=meeting_id, title=title, error=refusal(meeting_id, title, flags),
                                open_flags=len(flags))
                    continue
            bundle = _consistent(make_bundle(source, meeting_id))
            report = merge_bundle(target, bundle, source=source_name, accept_rule_change=accept_rule_change)
        except ConnectionLost:
            raise
        except FacilitatorError as exc:
            yield Moved(meeting_id=meeting_id, title="", error=str(exc))
            continue
        yield Moved(meeting_id=meeting_id, title=report.meeting.title, report=report)


def _consistent(bundle: Bundle) -> Bundle:
    """Drop links to rows the reading user may not see (an archive's row-level security hides a
    protected participant from a reader): what is carried must hold together where it lands."""
    participants = {p.id for p in bundle.participants}
    interventions = {i.id for i in bundle.interventions}
    items = {i.id for i in bundle.items}
    bundle.interventions = [i.model_copy(update={"participant_id": i.participant_id if i.participant_id in
                                                 participants else None}) for i in bundle.interventions]
    bundle.notes = [n.model_copy(update={
        "speaker_id": n.speaker_id if n.speaker_id in participants else None,
        "intervention_id": n.intervention_id if n.intervention_id in interventions else None,
        "item_id": n.item_id if n.item_id in items else None,
    }) for n in bundle.notes]
    return bundle
