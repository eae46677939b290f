"""The follow-up tracker as text a secretariat can paste: a terminal table,
Markdown (GitHub-flavoured pipe table) or CSV."""

from __future__ import annotations

from .csvfiles import write_csv
from .errors import InvalidInput

COLUMNS = ("Meeting date", "Meeting", "Addressee", "Recommendation", "Status", "Last change", "Id")


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
    if fmt == "table":
        if not rows:
            return "No open recommendations or actions.\n"
        return "".join(
            f"{c[0]}  {c[1][:28]:<28}  {c[2][:16]:<16}  {c[4]:<11}  {c[6]}  {c[3][:70]}\n"
            for c in map(cells, rows)
        )
    raise InvalidInput(f"Unknown format {fmt!r}; use table, md or csv.")
