"""Realistic fixture meetings for the workshop and dialogue styles, in the
project's own words."""

from __future__ import annotations

import datetime as dt

from facilitator import services
from facilitator.services import roster, speakers


def workshop_meeting(engine):
    meeting = services.create_meeting(engine, "workshop", title="Preventing atrocities from the field",
                                      date=dt.date(2024, 3, 5), place="Geneva")
    services.update_meeting(engine, meeting.id, organisers=["Global Centre for Field Practice"],
                            subject="how field presences detect and respond to early signs of atrocity risk",
                            themes=["Information", "Leadership", "Politics"],
                            participants_text="UN headquarters, field offices and regional organisations")
    services.add_participant(engine, meeting.id, "Amara Okafor", organisation="UN Office of the Special Adviser",
                             attributable=True)
    items = services.list_items(engine, meeting.id)
    keynote = next(i for i in items if i.kind == "keynote")
    breakout = next(i for i in items if i.kind == "breakout")
    plenary = [i for i in items if i.kind == "plenary"][0]
    services.add_note(engine, meeting.id, "Early warning fails when analysis never reaches decision-makers.",
                      item_id=keynote.id, speaker="Amara Okafor", kind="reflection")
    for group, letter in (("A", "large"), ("B", "small"), ("C", "no")):
        services.add_note(engine, meeting.id, f"Offices with {letter} presence lack time for analysis.",
                          item_id=breakout.id, group=group, kind="challenge")
        services.add_note(engine, meeting.id, f"Weekly risk huddles work in {letter}-presence settings.",
                          item_id=breakout.id, group=group, kind="best-practice")
        services.add_note(engine, meeting.id, f"Give {letter}-presence teams a risk analyst.", item_id=breakout.id,
                          group=group, kind="recommendation", addressee="UN")
    services.add_note(engine, meeting.id, "Information from the field is not shared upward.", item_id=plenary.id,
                      kind="challenge", themes=["Information"])
    services.add_note(engine, meeting.id, "Senior leaders avoid naming risks.", item_id=plenary.id,
                      kind="challenge", themes=["Leadership"])
    services.add_note(engine, meeting.id, "Host governments resist the language of atrocity.", item_id=plenary.id,
                      kind="challenge", themes=["Politics"])
    closing = [i for i in items if i.kind == "plenary"][-1]
    services.add_note(engine, meeting.id, "Make atrocity-risk analysis part of every country strategy.",
                      item_id=closing.id, kind="recommendation")
    return meeting


SPEAKERS = [
    ("Ivan Šimonović", "panelist", "", "", "English"),
    ("Ghana", "member-state", "Group of Friends of RtoP", "52", "English"),
    ("European Union", "regional-organisation", "", "", "English"),
    ("Côte d'Ivoire", "member-state", "", "", "French"),
    ("Venezuela", "member-state", "", "", "Spanish"),
    ("Global Centre for RtoP", "civil-society", "", "", "English"),
]


def dialogue_meeting(engine, tmp_path):
    meeting = services.create_meeting(engine, "dialogue", title="Annual dialogue on the Responsibility to Protect",
                                      date=dt.date(2017, 9, 6), place="New York")
    services.update_meeting(engine, meeting.id, themes=["Accountability", "Prevention"],
                            subject="the Secretary-General's report on accountability for prevention")
    csv = tmp_path / "speakers.csv"
    csv.write_text("name,category,on_behalf_of,members,language\n" + "".join(",".join(r) + "\n" for r in SPEAKERS))
    roster.import_speakers(engine, meeting.id, csv)
    items = services.list_items(engine, meeting.id)
    opening, dialogue, closing = items[0], items[2], items[3]
    services.add_note(engine, meeting.id, "Prevention starts with accountability.", kind="quote",
                      item_id=opening.id, speaker="Ivan Šimonović")
    plan = {
        "Ghana": (["Accountability", "Prevention"], "reflection", "Called for national focal points."),
        "European Union": (["Prevention"], "reflection", "Stressed early warning."),
        "Côte d'Ivoire": (["Accountability"], "reflection", "Supported a formal agenda item."),
        "Venezuela": ([], "challenge", "Warned against interference in internal affairs."),
        "Global Centre for RtoP": (["Accountability"], "reflection", "Asked for civil society access."),
    }
    speakers.call_next(engine, meeting.id)  # the panelist
    for name, *_ in SPEAKERS[1:]:
        speakers.call_next(engine, meeting.id)
        themes, kind, text = plan[name]
        services.add_note(engine, meeting.id, text, kind=kind, item_id=dialogue.id, speaker=name, themes=themes)
    speakers.call_next(engine, meeting.id)
    services.add_note(engine, meeting.id, "The Chair closed by thanking all delegations.", item_id=closing.id)
    return meeting
