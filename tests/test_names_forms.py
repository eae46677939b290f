"""Issue 22: the forms of a protected name the register was not given — aliases, the called-by name,
initials, addresses and handles, slips of the keyboard, organisations' short forms, roles only one person
holds — and the ordinary words that must not be taken for them."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.models import MeetingDetail, MeetingPublic, ParticipantPublic
from facilitator.names import Matcher, Protected
from facilitator.policy import Register, anonymise_text, identifies_nobody

KUZNETSOVA = Protected("nk", "Наталья Кузнецова")
ADEYEMI = Protected("oa", "Oluwakemi Adeyemi", aliases=("Kemi",))
ABEBE = Protected("ab", "Abebe Bekele", called_by="Abebe")
SOMCHAI = Protected("sc", "Somchai Wongsawat", called_by="Somchai")
LINDQVIST = Protected("lips", "Lindqvist Institute for Peace Studies", kind="organisation")
MATCHER = Matcher([KUZNETSOVA, ADEYEMI, ABEBE, SOMCHAI, LINDQVIST, Protected("ng", "Natalia Gomez")])


def found(text: str, matcher: Matcher = MATCHER) -> list[tuple[str, str, str]]:
    return [(h.key, h.matched, h.what) for h in matcher.find(text)]


@pytest.mark.parametrize(("text", "key", "written"), [
    ("Kemi argued for a regional fund.", "oa", "Kemi"),
    ("Ato Abebe stressed the cost.", "ab", "Ato Abebe"),
    ("Abebe stressed the cost.", "ab", "Abebe"),
    ("As Khun Somchai put it, the plan is late.", "sc", "Somchai"),
    ("Somchai disagreed.", "sc", "Somchai"),
])
def test_an_alias_and_the_called_by_name_are_names(text, key, written):
    hits = MATCHER.find(text)
    assert any(h.key == key and written in text[h.start:h.end] for h in hits), found(text)


@pytest.mark.parametrize(("text", "written"), [
    ("NK argued that the mandate was too wide.", "NK"),
    ("The point N.K. made was taken up.", "N.K"),
    ("Write to nkuznetsova@example.org for the paper.", "nkuznetsova"),
    ("Follow @NKuznetsova for updates.", "NKuznetsova"),
    ("Tagged #NataliaKuznetsova in the post.", "NataliaKuznetsova"),
    ("Mail natalia.kuznetsova@example.org.", "natalia.kuznetsova"),
    ("#Kuznetsova was trending.", "Kuznetsova"),
])
def test_initials_addresses_handles_and_hashtags_are_names(text, written):
    hits = [h for h in MATCHER.find(text) if h.key == "nk"]
    assert hits and all(written.startswith(text[h.start:h.end]) or text[h.start:h.end] in written for h in hits), \
        found(text)


@pytest.mark.parametrize("text", ["The UN and the EU agreed.", "HR policies were discussed.",
                                  "SUMMARY OF THE NK DISCUSSION", "The AI tools were reviewed."])
def test_everyday_acronyms_and_headings_are_not_initials(text):
    assert [f for f in found(text) if f[0] == "nk"] == []


@pytest.mark.parametrize("typed", ["Kuznestova", "Kuznetsva", "Kuznetzova", "Kuznetsovva", "Kouznetsova"])
def test_a_slip_in_a_long_name_is_a_possible_mention(typed):
    hits = MATCHER.find(f"{typed} argued for a fund.")
    assert [(h.key, h.matched) for h in hits] == [("nk", typed)]


def test_a_slip_is_possible_not_certain_and_ordinary_words_are_not_slips():
    assert found("Kuznestova argued.") == [("nk", "Kuznestova", "possible")]
    assert found("The dialogue was constructive and the minutes were adopted.") == []


@pytest.mark.parametrize(("text", "written"), [
    ("Researchers at the Lindqvist Institute disagreed.", "Lindqvist Institute"),
    ("Lindqvist has published on this.", "Lindqvist"),
    ("A paper from LIPS was circulated.", "LIPS"),
])
def test_an_organisation_by_its_short_forms(text, written):
    hits = [h for h in MATCHER.find(text) if h.key == "lips"]
    assert [text[h.start:h.end] for h in hits] == [written]


@pytest.mark.parametrize("text", ["The institute for peace studies was cited.", "Peace studies matter.",
                                  "The Institute was praised."])
def test_generic_words_of_an_organisation_are_not_its_name(text):
    assert [f for f in found(text) if f[0] == "lips"] == []


def _register(*people: ParticipantPublic, organisers: list[str] = ()) -> Register:
    now = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    meeting = MeetingPublic(id="m", title="T", date=dt.date(2026, 12, 5), created_at=now, updated_at=now,
                            rule="chatham-house", organisers=list(organisers))
    return Register(MeetingDetail(meeting=meeting, items=[], participants=list(people), notes=[], organisers=[]))


def _person(pid: str, name: str, **fields) -> ParticipantPublic:
    return ParticipantPublic(id=pid, meeting_id="m", name=name, **fields)


def test_a_role_only_one_person_holds_identifies_them():
    register = _register(_person("a", "Kwame Asante", role="Foreign Minister", region="Ghana"),
                         _person("b", "Ines Duarte", role="Ambassador", region="Portugal"),
                         _person("c", "Ola Nordmann", role="Ambassador", region="Norway"))
    hits = register.find("The Foreign Minister of Ghana argued for a fund.")
    assert [(h.key, h.what) for h in hits] == [("a", "role")]
    assert [h.key for h in register.find("Portugal's Ambassador warned against delay.")] == ["b"]
    assert register.find("Two ambassadors warned against delay.") == []  # a role two hold names neither


def test_the_only_participant_from_a_region_is_not_one_participant_from_it():
    register = _register(_person("a", "Kwame Asante", region="Ghana"), _person("b", "Ines Duarte", region="Portugal"),
                         _person("c", "Ana Lopes", region="Portugal"))
    assert [h.key for h in register.find("One participant from Ghana argued.")] == ["a"]
    assert register.find("One participant from Portugal argued.") == []
    assert anonymise_text("Asante argued.", register) == "A participant argued."
    assert anonymise_text("Duarte argued.", register) == "One participant from Portugal argued."


def test_an_organiser_named_like_a_participant_is_not_a_mention_of_them():
    register = _register(_person("a", "Grace Young"), organisers=["Young Peacebuilders Network"])
    assert register.find("The Young Peacebuilders Network hosted the meeting.") == []
    assert [h.key for h in register.find("Young argued for a fund.")] == ["a"]


def test_a_name_one_slip_from_a_person_who_may_be_named_is_theirs_not_a_possible_mention():
    register = _register(_person("a", "Zorana Šimunović"), _person("b", "Ivan Šimonović", attributable=True))
    assert register.find("Šimonović opened the meeting.") == []
    assert [h.key for h in register.find("Šimunović opened the meeting.")] == ["a"]


@pytest.mark.parametrize(("organisation", "nobody"), [
    ("United Nations (UN)", True), ("the European Union", True), ("Ghana", True), ("Government of Ghana", True),
    ("African Union", True), ("Lindqvist Institute for Peace Studies", False), ("European Commission", False),
])
def test_institutions_that_identify_nobody(organisation, nobody):
    assert identifies_nobody(organisation) is nobody


def test_a_participant_from_the_united_nations_flags_no_ordinary_prose():
    register = _register(_person("a", "Kwame Asante", organisation="United Nations (UN)"))
    assert register.find("The UN Secretary-General and the United Nations system were praised.") == []


ASIAN = Matcher([Protected("kh", "خالد الهاشمي"), Protected("guo", "郭超"), Protected("zhu", "朱明"),
                 Protected("ho", "Hồ Ngọc Bảo", surname="Hồ"), Protected("kim", "김민수"),
                 Protected("le", "Lê Thị Thu Hà", surname="Lê"), Protected("wu", "Mei Wu")])


@pytest.mark.parametrize(("text", "key", "written"), [
    ("KA argued for a fund.", "kh", "KA"),  # initials of a name registered in Arabic script, article counted
    ("Posted by @CGuo yesterday.", "guo", "CGuo"),
    ("Write to cguo@example.org.", "guo", "cguo"),
    ("Write to mkim@example.org.", "kim", "mkim"),
    ("Write to hle@example.org.", "le", "hle"),  # the last given name's initial, as Vietnamese use it
    ("朱 argued that the plan was late.", "zhu", "朱"),  # one character standing alone among English words
    ("Hồ argued that the plan was late.", "ho", "Hồ"),  # a short name with its accents is no English word
    ("@Ho said so.", "ho", "Ho"), ("@Wu said so.", "wu", "Wu"), ("Wu said so.", "wu", "Wu"),
])
def test_short_forms_of_names_in_other_scripts_and_in_handles(text, key, written):
    hits = ASIAN.find(text)
    assert [(h.key, text[h.start:h.end]) for h in hits] == [(key, written)], found(text, ASIAN)


@pytest.mark.parametrize("text", ["Wu-style tea was served.", "ho ho ho", "The CGUO report.", "mkim is here.",
                                  "朱红色的墙", "Hole in the budget."])
def test_those_short_forms_need_their_context(text):
    assert ASIAN.find(text) == []


@pytest.mark.parametrize(("name", "category", "kind"), [
    ("Natalia Kuznetsova", "member-state", "person"), ("Kwame Asante", "regional-organisation", "person"),
    ("Ghana", "member-state", "delegation"), ("the Holy See", "member-state", "delegation"),
    ("Republic of Korea", "member-state", "delegation"), ("European Union", "regional-organisation", "delegation"),
    ("Mexico on behalf of the Group of Friends", "member-state", "delegation"),
])
def test_a_category_describes_a_delegation_and_a_person_is_never_one(engine, name, category, kind):
    """Issue 22: a person registered with their delegation's category stays a protected person."""
    from facilitator import services
    from facilitator.services import audit as audit_service

    meeting = services.create_meeting(engine, "roundtable", title="Dialogue", date=dt.date(2026, 12, 5))
    person = services.add_participant(engine, meeting.id, name, category=category)
    assert person.kind == kind
    discussion = next(i for i in services.list_items(engine, meeting.id) if i.kind == "discussion")
    services.add_note(engine, meeting.id, f"{name} argued for a regional fund.", item_id=discussion.id)
    assert bool(audit_service.audit_meeting(engine, meeting.id)) is (kind == "person")


def test_a_speaker_on_the_record_is_named_in_on_the_record_items_only(engine, tmp_path):
    """Issue 22: a keynote speaker recorded in the on-the-record keynote is not attributable for the whole
    meeting: "X pushed back in the closed discussion", in a Chatham House item, is a flag."""
    from facilitator import services
    from facilitator.services import audit as audit_service
    from facilitator.services.exporting import preview_markdown

    meeting = services.create_meeting(engine, "roundtable", title="Keynote", date=dt.date(2026, 12, 5))
    items = services.list_items(engine, meeting.id)
    keynote = next(i for i in items if i.rule == "on-the-record")
    discussion = next(i for i in items if i.kind == "discussion")
    services.add_note(engine, meeting.id, "Prevention is cheaper than cure.", item_id=keynote.id,
                      speaker="Kwame Asante")
    services.add_note(engine, meeting.id, "As Asante said in his keynote, prevention pays.", item_id=keynote.id)
    assert audit_service.audit_meeting(engine, meeting.id) == []
    assert "Kwame Asante" in preview_markdown(engine, meeting.id, "report")  # named with his keynote
    closed = services.add_note(engine, meeting.id, "Asante pushed back in the closed discussion.",
                               item_id=discussion.id)
    assert [f.note_id for f in audit_service.audit_meeting(engine, meeting.id)] == [closed.id]


ORGANISATIONS = Matcher([Protected(k, n, kind="organisation") for k, n in [
    ("pacific", "Pacific Islands Climate Security Observatory"), ("rahimi", "Rahimi Centre for Afghan Women's Leadership"),
    ("folke", "Folke Bernadotte Academy"), ("fes", "Friedrich-Ebert-Stiftung"),
    ("accord", "African Centre for the Constructive Resolution of Disputes"),
    ("baltic", "Baltic Centre for Information Integrity"), ("chad", "Lake Chad Basin Civil Society Platform")]])


@pytest.mark.parametrize(("text", "key", "written"), [
    ("The Climate Security Observatory said so.", "pacific", "Climate Security Observatory"),
    ("An RCAWL report was cited.", "rahimi", "RCAWL"),
    ("The Bernadotte Academy trains mediators.", "folke", "Bernadotte Academy"),
    ("The Ebert Foundation funds the series.", "fes", "Ebert Foundation"),
    ("The African Centre for Constructive Resolution agreed.", "accord", "African Centre for Constructive Resolution"),
    ("The Baltic Centre published a study.", "baltic", "Baltic Centre"),
])
def test_an_organisation_by_a_run_of_its_words_and_by_its_distinctive_word_with_a_noun(text, key, written):
    hits = ORGANISATIONS.find(text)
    assert [(h.key, text[h.start:h.end]) for h in hits] == [(key, written)]


@pytest.mark.parametrize("text", ["The African Centre for Strategic Studies was cited.",
                                  "the african centre for constructive resolution",  # no capitals: no name
                                  "Fishing in the Lake Chad Basin has collapsed.", "Information integrity matters."])
def test_runs_of_ordinary_or_place_words_are_not_the_organisation(text):
    assert ORGANISATIONS.find(text) == []


@pytest.mark.parametrize(("name", "text", "written"), [
    ("Ragnar Guðjónsson", "Guthjonsson argued.", "Guthjonsson"),  # Icelandic ð as English writes it
    ("Gráinne McMahon", "Ms Mac Mahon said so.", "Ms Mac Mahon"),
    ("Catriona MacKinnon", "Mac Kinnon argued.", "Mac Kinnon"),
])
def test_spellings_of_icelandic_and_gaelic_names(name, text, written):
    hits = Matcher([Protected("x", name)]).find(text)
    assert [text[h.start:h.end] for h in hits] == [written]


def test_a_region_with_a_comma_is_still_the_region():
    register = _register(_person("a", "Chen Jing", region="Hong Kong, China"), _person("b", "Ines Duarte"))
    assert [h.key for h in register.find("One participant from Hong Kong, China argued.")] == ["a"]


@pytest.mark.parametrize(("registered", "text", "written"), [
    ("陈静", "陳靜 argued for a fund.", "陳靜"), ("劉洋", "刘洋 argued for a fund.", "刘洋"),
    ("李伟", "李偉先生 argued.", "李偉先生"),
])
def test_a_chinese_name_in_traditional_or_simplified_characters(registered, text, written):
    hits = Matcher([Protected("x", registered)]).find(text)
    assert [text[h.start:h.end] for h in hits] == [written]
