"""The attribution audit: what it flags, what it leaves, and its fixes."""

import datetime as dt

import pytest

from facilitator import services
from facilitator.audit import anonymise_text, find_matches, targets_for
from facilitator.models import ParticipantPublic
from facilitator.services import audit as audit_service


def person(name, organisation="", region="", pid="p1"):
    return ParticipantPublic(id=pid, meeting_id="m", name=name, organisation=organisation, region=region)


@pytest.mark.parametrize(
    "text",
    ["Šimonović spoke", "SIMONOVIC spoke", "as simonović noted", "Ivan Simonovic said", "the Friedrich Ebert Stiftung",
     "FES said", "friedrich-ebert-stiftung"],
)
def test_finds_names_surnames_and_organisations_without_accents(text):
    who = person("Ivan Šimonović", "Friedrich-Ebert-Stiftung (FES)")
    assert find_matches(text, targets_for(who))


@pytest.mark.parametrize("text", ["Simonovicz spoke", "the ivanhoe plan", "Stiftungen in general"])
def test_does_not_flag_other_words(text):
    who = person("Ivan Šimonović", "Friedrich-Ebert-Stiftung")
    assert not find_matches(text, targets_for(who))


def test_anonymise_uses_region_and_sentence_case():
    who = person("Jane Smith", region="West Africa")
    assert anonymise_text("Smith argued for early warning.", [who]) == (
        "One participant from West Africa argued for early warning."
    )
    assert anonymise_text("As jane smith said", [person("Jane Smith")]) == "As a participant said"


@pytest.fixture
def protected(engine):
    meeting = services.create_meeting(engine, "roundtable", title="RtoP roundtable", date=dt.date(2017, 2, 16),
                                      place="Brussels")
    zorana = services.add_participant(engine, meeting.id, "Zorana Šimunović", organisation="Balkan Peace Forum",
                                      region="the Western Balkans")
    items = services.list_items(engine, meeting.id)
    return meeting, zorana, items


def test_audit_follows_the_items_rule(engine, protected):
    meeting, zorana, items = protected
    keynote = next(i for i in items if i.rule == "on-the-record")
    discussion = next(i for i in items if i.kind == "discussion")
    services.add_note(engine, meeting.id, "Simunovic opened with three points.", item_id=keynote.id)
    flagged = services.add_note(engine, meeting.id, "Šimunović warned against complacency.", item_id=discussion.id)
    services.add_note(engine, meeting.id, "The Balkan Peace Forum has data.", item_id=discussion.id,
                      headline="Data exists")
    flags = audit_service.audit_meeting(engine, meeting.id)
    assert {(f.note_id, f.what) for f in flags} == {(flagged.id, "name"), (flags[1].note_id, "organisation")}
    assert all(f.note_id != keynote.id for f in flags)


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
    fixed = audit_service.anonymise(engine, meeting.id)
    assert len(fixed) == 2
    assert services.get_note(engine, named.id).text == (
        "One participant from the Western Balkans warned against complacency."
    )
    assert services.get_meeting(engine, meeting.id).lead == "One participant from the Western Balkans opened the meeting."
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
