"""The attribution audit: what it flags, what it leaves, and its fixes."""

import datetime as dt

import pytest

from facilitator import services
from facilitator.models import MeetingDetail, MeetingPublic, ParticipantPublic
from facilitator.policy import Register, anonymise_text
from facilitator.services import audit as audit_service


def register_of(*people: ParticipantPublic) -> Register:
    now = dt.datetime(2017, 2, 16, tzinfo=dt.UTC)
    meeting = MeetingPublic(id="m", title="T", date=dt.date(2017, 2, 16), created_at=now, updated_at=now)
    return Register(MeetingDetail(meeting=meeting, items=[], participants=list(people), notes=[], organisers=[]))


def person(name, organisation="", region="", pid="p1"):
    return ParticipantPublic(id=pid, meeting_id="m", name=name, organisation=organisation, region=region)


@pytest.mark.parametrize(
    "text",
    ["Šimonović spoke", "SIMONOVIC spoke", "as simonović noted", "Ivan Simonovic said", "the Friedrich Ebert Stiftung",
     "FES said", "friedrich-ebert-stiftung"],
)
def test_finds_names_surnames_and_organisations_without_accents(text):
    assert register_of(person("Ivan Šimonović", "Friedrich-Ebert-Stiftung (FES)")).find(text)


@pytest.mark.parametrize("text", ["the ivanhoe plan", "Stiftungen in general"])  # "Simonovicz": a possible slip now
def test_does_not_flag_other_words(text):
    assert not register_of(person("Ivan Šimonović", "Friedrich-Ebert-Stiftung")).find(text)


def test_anonymise_uses_region_and_sentence_case():
    two = register_of(person("Jane Smith", region="West Africa"), person("Kofi Mensah", region="West Africa", pid="p2"))
    assert anonymise_text("Smith argued for early warning.", two) \
        == "One participant from West Africa argued for early warning."
    # The only participant from a region is not "one participant from" it: that would name them (issue 22).
    assert anonymise_text("Smith argued for early warning.", register_of(person("Jane Smith", region="West Africa"))) \
        == "A participant argued for early warning."
    assert anonymise_text("As jane smith said", register_of(person("Jane Smith"))) == "As a participant said"
    assert anonymise_text("Data from the FES helps.", register_of(person("Jane Smith", "Friedrich-Ebert-Stiftung (FES)"))) \
        == "Data from a participating organisation helps."


@pytest.fixture
def protected(engine):
    meeting = services.create_meeting(engine, "roundtable", title="RtoP roundtable", date=dt.date(2017, 2, 16),
                                      place="Brussels")
    zorana = services.add_participant(engine, meeting.id, "Zorana Šimunović", organisation="Balkan Peace Forum",
                                      region="the Western Balkans")
    items = services.list_items(engine, meeting.id)
    return meeting, zorana, items


def test_the_audit_reads_every_item_whatever_its_rule(engine, protected):
    """A protected person stays protected in an on-the-record item too: naming them anywhere identifies them.
    (To name someone, mark them attributable.)"""
    meeting, zorana, items = protected
    keynote = next(i for i in items if i.rule == "on-the-record")
    discussion = next(i for i in items if i.kind == "discussion")
    on_record = services.add_note(engine, meeting.id, "Simunovic opened with three points.", item_id=keynote.id)
    named = services.add_note(engine, meeting.id, "Šimunović warned against complacency.", item_id=discussion.id)
    org = services.add_note(engine, meeting.id, "The Balkan Peace Forum has data.", item_id=discussion.id,
                            headline="Data exists")
    flags = audit_service.audit_meeting(engine, meeting.id)
    assert {(f.note_id, f.what) for f in flags} == {(on_record.id, "name"), (named.id, "name"),
                                                     (org.id, "organisation")}


def test_fixes_anonymise_dismiss_attributable(engine, protected):
    meeting, zorana, items = protected
    discussion = next(i for i in items if i.kind == "discussion")
    named = services.add_note(engine, meeting.id, "Šimunović warned against complacency.", item_id=discussion.id)
    org = services.add_note(engine, meeting.id, "Balkan Peace Forum data should be shared.", item_id=discussion.id)
    services.update_meeting(engine, meeting.id, lead="Zorana Simunovic opened the meeting.")
    flags = audit_service.audit_meeting(engine, meeting.id)
    assert len(flags) == 3
    org_flag = next(f for f in flags if f.note_id == org.id)
    audit_service.dismiss(engine, meeting.id, org_flag)
    changes = audit_service.anonymise(engine, meeting.id)
    assert len(changes) == 2
    assert services.get_note(engine, named.id).text == (
        "A participant warned against complacency."
    )
    assert services.get_meeting(engine, meeting.id).lead == "A participant opened the meeting."
    assert services.get_note(engine, org.id).text == "Balkan Peace Forum data should be shared."
    assert audit_service.audit_meeting(engine, meeting.id) == []
    services.update_note(engine, named.id, text="Šimunović again")
    assert len(audit_service.audit_meeting(engine, meeting.id)) == 1
    audit_service.mark_attributable(engine, zorana.id)
    assert audit_service.audit_meeting(engine, meeting.id) == []


def test_on_the_record_meeting_has_no_flags(engine):
    meeting = services.create_meeting(engine, "dialogue", title="Dialogue", date=dt.date(2017, 9, 6))
    services.add_participant(engine, meeting.id, "Jane Smith")
    services.add_note(engine, meeting.id, "Smith spoke first.")
    assert audit_service.audit_meeting(engine, meeting.id) == []
