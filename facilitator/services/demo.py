"""Two demo meetings rebuilt from the facts of the two outcome documents in
shared/seeds (dates, places, organisers, topics), written in this project's
own words: a network roundtable in Brussels (February 2017, Chatham House)
and a not-for-attribution breakfast meeting in New York (September 2017).
They double as realistic fixtures for the export tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import Engine

from ..models import MeetingPublic
from ..templates import load_template
from .meetings import create_meeting, list_items, list_meetings, update_meeting
from .notes import add_note
from .organisers import list_organisers, save_organiser
from .participants import add_participant

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
    (1, "UN", "Both institutions should build tools that cover every phase of conflict, in the spirit of "
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
            save_organiser(engine, name, about=about, url=url)


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
        engine, meeting.id, organisers=["Civil Society Dialogue Network"],
        subject="civil society's analysis of the Responsibility to Protect (RtoP) and conflict prevention, "
                "as input to UN and EU policy",
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
        subject="Reflections and recommendations on how the UN and civil society can work together for "
                "accountability and atrocity prevention under the Responsibility to Protect",
        guests=[{"name": "Dr. Ivan Šimonović",
                 "role": "UN Special Adviser to the Secretary-General on the Responsibility to Protect"}],
        participants_text="15 civil society organisations from every continent",
        preceded_by="the UN Informal Interactive Dialogue on the Responsibility to Protect of 6 September 2017",
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


def load_demo(engine: Engine) -> list[MeetingPublic]:
    """Create the two demo meetings, Brussels then New York. Loading again
    creates nothing: a meeting with the same title and date is returned as it is."""
    _save_profiles(engine)
    return [_brussels(engine), _new_york(engine)]
