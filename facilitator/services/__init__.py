"""The service layer: the one place the CLI and the screens call.

Functions take an `Engine` first, do one user action in one transaction, and
return plain models (`...Public`, `MeetingDetail`), never live ORM rows.
"""

from ..text import parse_date
from .meetings import (
    MeetingSummary,
    create_meeting,
    current_item,
    delete_meeting,
    get_detail,
    get_meeting,
    item_by_number,
    list_items,
    list_meetings,
    people_of,
    person_entry,
    with_people,
    resolve_meeting,
    set_current_item,
    update_meeting,
)
from .notes import (
    add_note,
    capture_note,
    clear_draft,
    delete_note,
    get_draft,
    get_note,
    list_notes,
    list_revisions,
    move_note,
    notes_with_revisions,
    restore_note,
    save_draft,
    update_note,
)
from .organisers import list_organisers, save_organiser
from .phrases import list_phrases, save_phrases
from .participants import CATEGORIES, add_participant, list_participants, update_participant

__all__ = [
    "MeetingSummary", "add_note", "add_participant", "capture_note", "clear_draft", "create_meeting",
    "current_item", "delete_meeting", "delete_note", "get_detail", "get_draft", "get_meeting", "get_note",
    "item_by_number", "list_items", "list_meetings", "list_notes", "list_organisers", "list_participants",
    "move_note", "parse_date", "people_of", "person_entry", "with_people", "resolve_meeting", "restore_note", "save_draft", "save_organiser",
    "set_current_item", "update_meeting", "update_note", "update_participant", "CATEGORIES", "list_phrases",
    "save_phrases", "list_revisions", "notes_with_revisions",
]
