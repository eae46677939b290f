"""Update: a short narrative brief for a newsletter or blog — byline, what
happened, the reflections as an inline numbered list "1) … 2) … 3) …", and an
outlook."""

from __future__ import annotations

from facilitator.models import MeetingDetail

from ..document import Document, Heading, Paragraph, Run, para
from ..drafting import lead_text
from . import join_names, long_date, notes_in

STYLE = "update"


MAX_OUTLOOK = 5


def _sentence(text: str) -> str:
    """Lower-case a sentence's first word for use mid-list, unless it looks
    like a name or an acronym ("RtoP", "EU" and the words in PROPER stay)."""
    text = text.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first not in PROPER:
        return first.lower() + text[len(first):]
    return text


PROPER = {"I", "Member", "States", "Africa", "Europe", "Asia", "Geneva", "Brussels"}


def build(detail: MeetingDetail) -> Document:
    m = detail.meeting
    byline = m.byline or (f"By {join_names(m.organisers)}" if m.organisers else "")
    doc = Document(title=m.title, kicker=m.kicker or f"Update | {long_date(m.date)}", subject=m.subject,
                   author=", ".join(m.organisers), date=m.date)
    if byline:
        doc.add(Paragraph([Run(byline, italic=True)]))
    doc.add(Heading(1, "What happened"), para(lead_text(detail, STYLE)))
    reflections = notes_in(detail, STYLE, "reflections")
    if reflections:
        numbered = " ".join(f"{n}) {_sentence(note.headline or note.text)};"
                            for n, note in enumerate(reflections, start=1)).rstrip(";") + "."
        intro = "Participants" if len(reflections) > 1 else "One point stood out:"
        doc.add(para(f"{intro} {'made ' + str(len(reflections)) + ' points: ' if len(reflections) > 1 else ''}"
                     f"{numbered}"))
    doc.add(Heading(1, "Outlook"))
    if m.outlook.strip():
        doc.add(para(m.outlook.strip()))
    ahead = notes_in(detail, STYLE, "outlook")
    if ahead:
        shown = ahead[:MAX_OUTLOOK]
        text = "Looking ahead, participants called for the following. " + " ".join(
            f"{(n.headline or n.text).strip().rstrip('.')}." for n in shown)
        if len(ahead) > len(shown):
            text += f" The full report sets out {len(ahead) - len(shown)} further recommendations."
        doc.add(para(text))
    elif not m.outlook.strip():
        doc.add(para("The organisers will follow up on the points raised."))
    return doc
