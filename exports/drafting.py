"""Drafting the texts a rapporteur usually writes by hand — the lead
paragraph, the disclaimer, the about-the-organisers paragraphs — from the
meeting's data. Each is only a first draft: the rapporteur's own text, once
stored on the meeting, always wins (see `lead_text` and friends).
"""

from __future__ import annotations

from facilitator.models import MeetingDetail, OrganiserPublic
from facilitator.vocab import RULE_PHRASES

from .styles import join_names, long_date

FORMAT_NOUNS = {
    "roundtable": "roundtable", "breakfast": "breakfast meeting", "workshop": "workshop",
    "dialogue": "dialogue", "meeting": "meeting",
}


def _guests(detail: MeetingDetail) -> str:
    return join_names([f"{g['name']} ({g['role']})" if g.get("role") else g["name"] for g in detail.meeting.guests])


def _topic(detail: MeetingDetail) -> str:
    """A subject written as a phrase ("the future of ...") reads inside a sentence;
    a capitalised title is quoted instead."""
    m = detail.meeting
    if m.subject and m.subject[0].islower():
        return m.subject
    return f"“{m.title}”"


def draft_report_lead(detail: MeetingDetail) -> str:
    m = detail.meeting
    convener = join_names(m.organisers) or "The organisers"
    where = f" in {m.place}" if m.place else ""
    why = f" to discuss {_topic(detail)}"
    text = (f"{convener} convened a {FORMAT_NOUNS.get(m.format, 'meeting')} on "
            f"{long_date(m.date, weekday=True)}{where}{why}.")
    who = [x for x in (_guests(detail), m.participants_text) if x]
    if who:
        text += f" It brought together {join_names(who)}."
    if m.preceded_by:
        text += f" The meeting followed {m.preceded_by}."
    text += f" It was held {RULE_PHRASES[m.rule]}."
    return text


def draft_memo_lead(detail: MeetingDetail) -> str:
    m = detail.meeting
    partners = join_names(m.organisers) or "The organisers"
    verb = "joined forces to host" if len(m.organisers) > 1 else "hosted"
    where = f" in {m.place}" if m.place else ""
    text = f"On {long_date(m.date)}, {partners} {verb} a {FORMAT_NOUNS.get(m.format, 'meeting')}{where}"
    who = m.participants_text
    guests = _guests(detail)
    if who and guests:
        text += f" for {who} and {guests}."
    elif who or guests:
        text += f" for {who or guests}."
    else:
        text += "."
    setting = {"not-for-attribution": "an informal, not-for-attribution setting",
               "chatham-house": "a setting governed by the Chatham House rule",
               "on-the-record": "an on-the-record setting"}[m.rule]
    text += f" In {setting}, participants discussed {_topic(detail)} and put forward recommendations."
    if m.preceded_by:
        text += f" The discussion built on {m.preceded_by}."
    text += " This memo sets out the main lines of the conversation and the recommendations that emerged from it."
    return text


def draft_disclaimer(detail: MeetingDetail) -> str:
    return ("This memo summarises the main threads of the discussion as the rapporteur understood them. It does not "
            "necessarily represent the views of the organisers or of any participant. Participants have neither "
            "reviewed nor approved the text, and no participant should be taken to endorse every observation or "
            "recommendation in it.")


def draft_about(organiser: OrganiserPublic) -> str:
    text = organiser.about.strip() or f"{organiser.name} convened this meeting."
    if organiser.url:
        text += f" More at {organiser.url}."
    return text


def lead_text(detail: MeetingDetail, style: str) -> str:
    if detail.meeting.lead.strip():
        return detail.meeting.lead.strip()
    return draft_memo_lead(detail) if style == "memo" else draft_report_lead(detail)


def disclaimer_text(detail: MeetingDetail) -> str:
    return detail.meeting.disclaimer.strip() or draft_disclaimer(detail)


def about_text(detail: MeetingDetail, organiser: OrganiserPublic) -> str:
    return detail.meeting.about.get(organiser.name, "").strip() or draft_about(organiser)
