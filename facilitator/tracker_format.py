"""The follow-up tracker as text a secretariat can paste: a terminal table,
Markdown (GitHub-flavoured pipe table) or CSV; and the statuses it lists.
Nothing here imports the ORM: `facilitator followup list` reads its table
without it (facilitator.quickread)."""

from __future__ import annotations

from .csvfiles import write_csv
from .errors import InvalidInput
from .vocab import OPEN_STATUSES, STATUSES, normalise_status

COLUMNS = ("Meeting date", "Meeting", "Addressee", "Recommendation", "Status", "Last change", "Id")


def known_status(status: str) -> str:
    """The canonical form of a follow-up status a user typed, or one sentence saying it is unknown."""
    canonical = normalise_status(status)
    if canonical is None:
        raise InvalidInput(f"Unknown status {status!r}; use one of: {', '.join(STATUSES)}.")
    return canonical


def tracked_statuses(status: str | None, *, include_closed: bool = False) -> list[str]:
    """The statuses a tracker lists: the one asked for, else every open one (or every one)."""
    if status:
        return [known_status(status)]
    return list(STATUSES if include_closed else OPEN_STATUSES)


def tracker_table(rows, status: str | None, addressee: str | None) -> str:
    """The tracker's rows for a terminal, or a sentence saying there are none of those asked for."""
    if rows:
        return render_tracker(rows, "table")
    none = f"No recommendations or actions with status {normalise_status(status)}" if status else \
        "No open recommendations or actions"
    return f"{none}{f' addressed to {addressee}' if addressee else ''}.\n"


def cells(row) -> list[str]:
    """The columns of one tracker row, as text."""
    note = row.note
    return [row.meeting_date.isoformat(), row.meeting_title, note.addressee or "-", note.headline or note.text,
            note.status, row.last_change.isoformat() if row.last_change else "-", note.id[:8]]


def render_tracker(rows, fmt: str) -> str:
    if fmt == "csv":
        return write_csv(COLUMNS, [cells(r) for r in rows])
    if fmt == "md":
        def cell(value: str) -> str:
            return value.replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        lines += ["| " + " | ".join(cell(c) for c in cells(r)) + " |" for r in rows]
        return "\n".join(lines) + "\n"
    if fmt == "table":  # a table of no rows is a sentence: tracker_table
        return "".join(
            f"{c[0]}  {c[1][:28]:<28}  {c[2][:16]:<16}  {c[4]:<11}  {c[6]}  {c[3][:70]}\n"
            for c in map(cells, rows)
        )
    raise InvalidInput(f"Unknown format {fmt!r}; use table, md or csv.")
