"""Demo meetings, one for each house style, written in this project's own
words. Two are rebuilt from the facts of the outcome documents in
shared/seeds (dates, places, organisers, topics): a network roundtable in
Brussels (February 2017, Chatham House; the report and the update) and a
not-for-attribution breakfast meeting in New York (September 2017; the
memo). The plenary dialogue those two mention (New York, 6 September 2017,
on the record; the dialogue summary) has invented statements, and the
two-day workshop (the workshop outcome) is invented outright, hosted by a
network that does not exist. They double as realistic fixtures for the
export tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import Engine

from ..models import MeetingPublic
from ..templates import load_template
from .meetings import create_meeting, list_items, list_meetings, update_meeting
from .notes import add_note, annotate_note
from .organisers import list_organisers, save_organiser
from .participants import add_participant
from .speakers import add_speaker, call_next

#: Organiser profiles: about texts in this project's words, and each body's public web address.
ORGANISERS = {
    "Civil Society Dialogue Network": (
        "The Civil Society Dialogue Network is a forum where civil society and EU policy-makers talk through "
        "questions of peace and conflict. The European Union co-finances it; the European Peacebuilding Liaison "
        "Office (EPLO) runs it together with the European Commission and the European External Action Service.",
        "https://eplo.org"),
    "Stanley Foundation": (
        "A non-partisan private operating foundation based in Iowa, the Stanley Foundation works with "
        "governments and civil society on multilateral responses to questions of peace and security. It runs "
        "its own programmes rather than making grants.",
        "https://stanleycenter.org"),
    "International Coalition for the Responsibility to Protect": (
        "A global network of civil society organisations, the International Coalition for the Responsibility "
        "to Protect works with governments and regional bodies to deepen understanding of RtoP, to build the "
        "capacity to prevent genocide, war crimes, ethnic cleansing and crimes against humanity, and to press "
        "for action where populations are at risk.",
        "https://www.responsibilitytoprotect.org"),
    "Friedrich-Ebert-Stiftung": (
        "Established in 1925 and named after Friedrich Ebert, the first democratically elected president of "
        "Germany, the Friedrich-Ebert-Stiftung is the country's oldest political foundation and works for the "
        "values of social democracy. Its New York office connects the foundation's partners and country offices, "
        "many in the Global South, with the debates at the United Nations.",
        "https://ny.fes.de"),
    "Field Practice Network": (
        "The Field Practice Network is an invented network of practitioners from UN field presences, regional "
        "organisations and research institutes, made up for this demonstration. It brings people who work on "
        "early warning in the field together with those who decide at headquarters.",
        ""),
}
#: How a house writes its name in running text and its dates, where the guess would be wrong.
PROFILES = {
    "Stanley Foundation": {"date_format": "month-day"},
    "President of the General Assembly": {"running": "the President of the General Assembly"},
}

BRUSSELS_QUESTIONS = [
    "How can the EU and the UN learn from each other?",
    "How can RtoP be mainstreamed in practice?",
    "What role for local actors and civil society?",
]

#: (kind, text): the kinds a note-taker would pick; the report shows them all as key reflections.
BRUSSELS_REFLECTIONS = [
    ("challenge", "Agreement on the concept of RtoP comes easily; turning it into everyday practice and "
                  "implementation is where the difficulty lies."),
    ("reflection", "Accountability is what connects the principle to its implementation, including political "
                   "accountability for Member States, the Secretary-General and the Secretariat."),
    ("observation", "Atrocities and armed conflict tend to happen side by side or in sequence, so preventing one "
                    "is bound up with preventing the other."),
    ("best-practice", "RtoP now appears in the EU Global Strategy, linked there with resilience-building and "
                      "the EU's integrated approach, and the EEAS has named its first regional contact point for RtoP."),
    ("reflection", "One participant pointed to a reference to RtoP in the draft of the new European Consensus on "
                   "Development, which would bring prevention into development co-operation."),
]

BRUSSELS_RECOMMENDATIONS = [
    (0, "EU", "The UN should share what its due diligence policy finds about security forces with the EU, and "
              "possibly with donor states, so that support depends on mitigating measures."),
    (0, "EU", "The EU and the UN should pool EU early-warning findings with UN atrocity-prevention assessments, "
              "with regular exchanges between their country desks."),
    (1, "", "RtoP and human security should guide what support goes to conflict-affected states, so as not to "
            "bolster illegitimate structures or one group at the expense of another."),
    (1, "", "Both institutions should build tools that cover every phase of conflict, in the spirit of "
              "'sustaining peace', rather than choosing between crisis management and long-term aid."),
    (1, "UN", "Peacekeeping operations need the training and the resources to protect civilians as the "
              "Kigali Principles require."),
    (1, "EU", "The EU should carry RtoP into all its external action, development programmes and stabilisation "
              "work, and weigh how development money can serve atrocity prevention."),
    (2, "", "Resources should go to a standing capacity for community-led early warning and civilian-led "
            "protection, which work best on the ground."),
    (2, "civil society", "Civil society should feed into the Special Adviser's work by taking part in his panel "
                         "discussions in Geneva and New York."),
    (2, "civil society", "Civil society should press for a formal Informal Interactive Dialogue on RtoP with a "
                         "seat for civil society."),
    (2, "UN", "The Universal Periodic Review should draw on the whole UN system and on civil society, not only "
              "on the human rights office, backed by training in atrocity-risk assessment in countries at risk."),
]

NY_REFLECTIONS = [
    ("Closer engagement with civil society strengthens atrocity prevention.",
     "This year civil society spoke in the middle of the dialogue rather than at its end, and the Special "
     "Adviser's office opened discussions in Geneva and New York on the themes of the Secretary-General's "
     "next report. Participants welcomed both as signs of a more open process and want to keep contributing."),
    ("State positions on RtoP are shifting, but also hardening.",
     "Some statements showed growing support while others repeated old objections, with sovereignty used as a "
     "shield. The Special Adviser worried about polarisation squeezing the middle ground; participants noted "
     "that accountability featured as never before as a part of prevention."),
]

NY_UN_RECOMMENDATIONS = [
    ("Use the joint office of the Special Advisers for coherent early warning.",
     "The joint office on genocide prevention and RtoP can lead on messaging, collaboration and strategy for "
     "early warning and early response across the UN system."),
    ("Apply a gender lens to every effort on RtoP.",
     "Gender dynamics belong in the Framework of Analysis, in accountability measures and in every future "
     "report of the Secretary-General on RtoP."),
    ("Make the Universal Periodic Review a tool for structural prevention.",
     "Bringing RtoP into the UPR helps identify structural risk factors; civil society should support more "
     "candid national assessments."),
    ("Treat civil society as a partner in implementing RtoP.",
     "Civil society's knowledge of mobilisation and local context should shape how the Secretary-General's "
     "recommendations on accountability are carried forward."),
    ("Prevention, not only protection, is the core responsibility.",
     "Holding states to account, in law, in politics and in conscience, reduces risk; stressing prevention "
     "can win support among G-77 Member States."),
    ("Keep RtoP on the General Assembly's formal agenda.",
     "A formal agenda item requires on-the-record statements and more input from capitals; the General "
     "Assembly should keep it in future sessions."),
]

NY_MOBILISING_RECOMMENDATIONS = [
    ("Give international law more emphasis and support.",
     "States should join and apply the core treaties of humanitarian and human rights law on which RtoP "
     "rests; legal precedent adds pressure that diplomacy alone lacks."),
    ("Back regional bodies in preventing atrocities.",
     "Regional organisations, supported internationally and pressed by civil society, can hold states to their "
     "commitments; interventions need political will and careful strategy."),
]


def _exists(engine: Engine, title: str, date: dt.date) -> MeetingPublic | None:
    return next((m for m in list_meetings(engine) if m.title == title and m.date == date), None)


def _save_profiles(engine: Engine) -> None:
    """Create the organiser profiles a demo meeting needs, leaving any the user already wrote alone."""
    known = {o.name for o in list_organisers(engine)}
    for name, (about, url) in ORGANISERS.items():
        if name not in known:
            save_organiser(engine, name, about=about, url=url, **PROFILES.get(name, {}))
    for name, fields in PROFILES.items():
        if name not in known and name not in ORGANISERS:
            save_organiser(engine, name, **fields)


def _brussels(engine: Engine) -> MeetingPublic:
    title, date = "Civil society perspectives on RtoP and conflict prevention", dt.date(2017, 2, 16)
    if found := _exists(engine, title, date):
        return found
    template = load_template("roundtable")  # a fresh copy: renaming its items changes no file
    questions = iter(BRUSSELS_QUESTIONS)
    template.items = [dataclasses.replace(i, title=next(questions)) if i.kind == "guiding-question" else i
                      for i in template.items]
    meeting = create_meeting(engine, template, title=title, date=date, place="Brussels")
    meeting = update_meeting(
        engine, meeting.id, organisers=["Civil Society Dialogue Network"], roles={
            "Civil Society Dialogue Network": "convened"},
        subject="civil society's analysis of the Responsibility to Protect (RtoP) and conflict prevention, "
                "as input to UN and EU policy",
        topic="how civil society sees the Responsibility to Protect (RtoP) and conflict prevention, so as to "
              "inform the approaches of the UN and the EU",
        guests=[{"name": "Ivan Šimonović",
                 "role": "the UN Secretary-General's Special Adviser on the Responsibility to Protect"}],
        participants_text="officials of the EU institutions and civil society specialists in peacebuilding and "
                          "conflict prevention")
    add_participant(engine, meeting.id, "Ivan Šimonović", organisation="United Nations",
                    role="Special Adviser on the Responsibility to Protect", attributable=True)
    items = list_items(engine, meeting.id)
    discussion = next(i for i in items if i.kind == "discussion")
    guiding = [i for i in items if i.kind == "guiding-question"]
    wrap_up = next(i for i in items if i.kind == "closing")
    for kind, text in BRUSSELS_REFLECTIONS:
        add_note(engine, meeting.id, text, kind=kind, item_id=discussion.id)
    for index, addressee, text in BRUSSELS_RECOMMENDATIONS:
        add_note(engine, meeting.id, text, kind="recommendation", item_id=guiding[index].id, addressee=addressee)
    add_note(engine, meeting.id, "Circulate the outcome report to participants and to the EU and UN offices "
             "concerned.", kind="action", item_id=wrap_up.id)
    return meeting


def _new_york(engine: Engine) -> MeetingPublic:
    title, date = "UN–civil society cooperation on accountability and prevention under RtoP", dt.date(2017, 9, 7)
    if found := _exists(engine, title, date):
        return found
    meeting = create_meeting(engine, "breakfast", title=title, date=date, place="New York")
    meeting = update_meeting(
        engine, meeting.id,
        organisers=["Stanley Foundation", "International Coalition for the Responsibility to Protect",
                    "Friedrich-Ebert-Stiftung"],
        subject="How the UN and civil society can work together for accountability and atrocity prevention "
                "under the Responsibility to Protect: reflections and recommendations",
        guests=[{"name": "Dr. Ivan Šimonović",
                 "role": "UN Special Adviser to the Secretary-General on the Responsibility to Protect"}],
        participants_text="15 civil society organisations from every continent",
        preceded_by="the previous day's UN Informal Interactive Dialogue on the Responsibility to Protect",
        topic="how the UN and civil society can work together to strengthen accountability and prevention "
              "under RtoP",
        roles={name: "co-organised" for name in ("Stanley Foundation",
                                                 "International Coalition for the Responsibility to Protect",
                                                 "Friedrich-Ebert-Stiftung")},
        headings={"reflections": "Reflections on the annual dialogue"},
    )
    add_participant(engine, meeting.id, "Ivan Šimonović", organisation="United Nations",
                    role="Special Adviser on the Responsibility to Protect", attributable=True)
    items = list_items(engine, meeting.id)
    reflections = next(i for i in items if i.kind == "discussion" and i.default_kind == "reflection")
    un_item, mobilising = [i for i in items if i.default_kind == "recommendation"]
    for headline, text in NY_REFLECTIONS:
        add_note(engine, meeting.id, text, headline=headline, kind="reflection", item_id=reflections.id)
    for headline, text in NY_UN_RECOMMENDATIONS:
        add_note(engine, meeting.id, text, headline=headline, kind="recommendation", item_id=un_item.id,
                 addressee="UN")
    for headline, text in NY_MOBILISING_RECOMMENDATIONS:
        add_note(engine, meeting.id, text, headline=headline, kind="recommendation", item_id=mobilising.id)
    return meeting


WORKSHOP_GROUPS = {
    "A": {
        "challenge": [
            ("Analysts in large missions are pulled into reporting for headquarters, and risk analysis waits.",
             ["Information"]),
            ("Each section keeps its own picture of the situation, so warning signs stay scattered.",
             ["Information"]),
        ],
        "best-practice": [("A weekly risk meeting chaired by the head of mission brings the pieces together.", [])],
        "recommendation": [("Give every large mission a small team whose only task is atrocity-risk analysis.",
                            "UN")],
    },
    "B": {
        "challenge": [("Small offices depend on a handful of people; when they rotate out, knowledge of the "
                       "context goes with them.", ["Leadership"])],
        "best-practice": [("Handover notes written with local staff keep the thread between rotations.", []),
                          ("Informal contacts with community leaders often give the first signal.", [])],
        "recommendation": [("Fund national staff posts for risk monitoring in small offices.", "Member States")],
    },
    "C": {
        "challenge": [("Where the UN has no presence, it learns of risks from the news, often too late.",
                       ["Politics"])],
        "best-practice": [("Regional organisations and civil society networks fill part of the gap.", [])],
        "recommendation": [("Agree with regional organisations on how warnings are passed on and to whom.",
                            "regional bodies")],
    },
}
WORKSHOP_COMMON = [
    ("Information from the field rarely reaches the people who decide, or reaches them late.", "Information"),
    ("Reports are written for many readers and so alert none of them.", "Information"),
    ("Senior managers hesitate to name a risk of atrocity for fear of the reaction of the host government.",
     "Leadership"),
    ("Host governments read early warning as an accusation, which makes candour costly.", "Politics"),
]
WORKSHOP_RECOMMENDATIONS = [
    ("Make atrocity-risk analysis a standing part of every country strategy.", "UN"),
    ("Train senior managers to raise risks with host governments early and in private.", "UN"),
    ("Share risk assessments with regional organisations as a matter of course.", ""),
]


def _workshop(engine: Engine) -> MeetingPublic:
    title, date = "Early warning from the field: lessons for atrocity prevention", dt.date(2018, 11, 14)
    if found := _exists(engine, title, date):
        return found
    meeting = create_meeting(engine, "workshop", title=title, date=date, place="Geneva")
    update_meeting(
        engine, meeting.id, organisers=["Field Practice Network"], roles={"Field Practice Network": "hosted"},
        topic="how UN field presences detect early signs of atrocity risk and act on them",
        participants_text="UN headquarters, field presences, regional organisations and research institutes",
        themes=["Information", "Leadership", "Politics"],
        guests=[{"name": "Amara Okafor", "role": "head of field operations at the Field Practice Network",
                 "as": "keynote"}],
    )
    items = list_items(engine, meeting.id)
    keynote = next(i for i in items if i.kind == "keynote")
    breakout_one, breakout_two = [i for i in items if i.kind == "breakout"]
    framing = next(i for i in items if i.kind == "plenary")
    final = [i for i in items if i.kind == "plenary"][-1]
    closing = next(i for i in items if i.kind == "closing")
    add_note(engine, meeting.id, "Early warning fails less for want of information than for want of anyone "
             "whose job is to act on it.", kind="reflection", item_id=keynote.id)
    add_note(engine, meeting.id, "Field presences see the signs first but are the last to be asked what they "
             "mean.", kind="reflection", item_id=keynote.id)
    for text, theme in WORKSHOP_COMMON:
        add_note(engine, meeting.id, text, kind="challenge", item_id=framing.id, themes=[theme])
    for group, kinds in WORKSHOP_GROUPS.items():
        for text, themes in kinds["challenge"]:
            add_note(engine, meeting.id, text, kind="challenge", item_id=breakout_one.id, group=group, themes=themes)
        for text, _ in kinds["best-practice"]:
            add_note(engine, meeting.id, text, kind="best-practice", item_id=breakout_one.id, group=group)
        for text, addressee in kinds["recommendation"]:
            add_note(engine, meeting.id, text, kind="recommendation", item_id=breakout_two.id, group=group,
                     addressee=addressee)
    for text, addressee in WORKSHOP_RECOMMENDATIONS:
        add_note(engine, meeting.id, text, kind="recommendation", item_id=final.id, addressee=addressee)
    add_note(engine, meeting.id, "The network will circulate this summary to participants and present it to "
             "the UN's regional desks.", kind="action", item_id=closing.id)
    return meeting


#: (name, category, on behalf of, members, language, themes, kind, text, example)
DIALOGUE_STATEMENTS = [
    ("Ghana", "member-state", "Group of Friends of the Responsibility to Protect", 52, "English",
     ["Accountability", "Prevention"], "reflection",
     "Called on every state to name a national focal point for RtoP.", True),
    ("European Union", "regional-organisation", "", 0, "English", ["Prevention"], "reflection",
     "Described how its early-warning system feeds into conflict prevention.", True),
    ("Côte d'Ivoire", "member-state", "", 0, "French", ["Accountability"], "reflection",
     "Supported putting RtoP on the formal agenda of the General Assembly.", False),
    ("Australia", "member-state", "", 0, "English", ["Accountability"], "reflection",
     "Stressed that accountability begins with national courts.", True),
    ("Guatemala", "member-state", "", 0, "Spanish", ["Civil society", "Prevention"], "reflection",
     "Welcomed the place given to civil society in this year's dialogue.", True),
    ("Venezuela", "member-state", "", 0, "Spanish", [], "challenge",
     "Warned that the principle could be used to justify interference in internal affairs.", False),
    ("Global Centre for the Responsibility to Protect", "civil-society", "", 0, "English", ["Accountability"],
     "reflection", "Asked that civil society be heard when the next report is prepared.", False),
]


def _dialogue(engine: Engine) -> MeetingPublic:
    title, date = "Informal interactive dialogue on the Responsibility to Protect", dt.date(2017, 9, 6)
    if found := _exists(engine, title, date):
        return found
    meeting = create_meeting(engine, "dialogue", title=title, date=date, place="New York")
    update_meeting(
        engine, meeting.id,
        organisers=["President of the General Assembly",
                    "International Coalition for the Responsibility to Protect"],
        roles={"President of the General Assembly": "convened",
               "International Coalition for the Responsibility to Protect": "reported"},
        topic="the Secretary-General's report on how accountability can help prevent atrocity crimes",
        themes=["Accountability", "Prevention", "Civil society"],
        state_groups={"Group of Friends of the Responsibility to Protect": {"count": 52, "over": False}},
    )
    items = list_items(engine, meeting.id)
    panel = next(i for i in items if i.kind == "panel")
    floor = next(i for i in items if i.kind == "discussion")
    closing = next(i for i in items if i.kind == "closing")
    add_participant(engine, meeting.id, "Ivan Šimonović", organisation="United Nations",
                    role="the Special Adviser on the Responsibility to Protect", attributable=True,
                    category="panelist")
    add_speaker(engine, meeting.id, "Ivan Šimonović", category="panelist", language="English", item_id=panel.id)
    call_next(engine, meeting.id)
    add_note(engine, meeting.id, "Presented the report's case that accountability is itself a means of "
             "prevention.", kind="reflection", item_id=panel.id, speaker="Ivan Šimonović")
    for name, category, behalf, members, language, *_ in DIALOGUE_STATEMENTS:
        add_speaker(engine, meeting.id, name, category=category, on_behalf_of=behalf, members=members,
                    language=language, item_id=floor.id)
    for name, _, _, _, _, themes, kind, text, example in DIALOGUE_STATEMENTS:
        call_next(engine, meeting.id)
        note = add_note(engine, meeting.id, text, kind=kind, item_id=floor.id, speaker=name, themes=themes)
        if example:
            annotate_note(engine, note.id, example=True)
    call_next(engine, meeting.id)
    add_note(engine, meeting.id, "The President of the General Assembly closed the dialogue by thanking "
             "delegations and civil society for a frank exchange.", kind="observation", item_id=closing.id)
    return meeting


def load_demo(engine: Engine) -> list[MeetingPublic]:
    """Create the two demo meetings rebuilt from the seeds, Brussels then New York. Loading again
    creates nothing: a meeting with the same title and date is returned as it is."""
    _save_profiles(engine)
    return [_brussels(engine), _new_york(engine)]


def load_demos(engine: Engine) -> dict[str, MeetingPublic]:
    """Every demo meeting, by the house style it shows: the two from the seeds, the dialogue and the
    workshop. Loading again creates nothing."""
    brussels, new_york = load_demo(engine)
    return {"report": brussels, "memo": new_york, "workshop": _workshop(engine), "dialogue": _dialogue(engine),
            "update": brussels}
