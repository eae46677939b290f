"""The attribution policy through its doors: what the audit flags (every text
that reaches a reader), dismissals bound to their text, identity kinds,
speakers under a protected rule, rule changes, carry-forward, and the
tracker's and the statistics' outputs. Mostly through the command line."""

import csv
import datetime as dt
import io

import pytest

from facilitator import services
from facilitator.csvfiles import safe_cell
from facilitator.services import audit as audit_service
from facilitator.services import speakers
from facilitator.services.followup import carry_forward, set_status



@pytest.fixture
def roundtable(engine):
    """A Chatham House roundtable with one protected person from a protected organisation."""
    meeting = services.create_meeting(engine, "roundtable", title="Prevention roundtable", date=dt.date(2017, 2, 16),
                                      place="Brussels")
    services.add_participant(engine, meeting.id, "Anne-Marie Dupont-Aignan", organisation="Balkan Peace Forum",
                             region="the Western Balkans")
    discussion = next(i for i in services.list_items(engine, meeting.id) if i.kind == "discussion")
    return meeting, discussion


@pytest.mark.parametrize("field, value", [
    ("place", "the offices of the Balkan Peace Forum"),
    ("series", "Dupont-Aignan consultations"),
    ("theme", "Balkan Peace Forum"),
    ("addressee", "Ms Dupont"),
])
def test_every_text_that_reaches_a_reader_is_audited(engine, roundtable, field, value):
    meeting, discussion = roundtable
    if field == "theme":
        services.update_meeting(engine, meeting.id, themes=["Prevention", value])
    elif field == "addressee":
        services.add_note(engine, meeting.id, "Fund early warning.", kind="recommendation", addressee=value,
                          item_id=discussion.id)
    else:
        services.update_meeting(engine, meeting.id, **{field: value})
    assert audit_service.audit_meeting(engine, meeting.id), field


def test_an_organisers_about_text_is_audited(engine, roundtable):
    meeting, _ = roundtable
    services.save_organiser(engine, "Peace Network", about="Its members include the Balkan Peace Forum.")
    services.update_meeting(engine, meeting.id, organisers=["Peace Network"])
    assert [f.field for f in audit_service.audit_meeting(engine, meeting.id)] == ["organiser:Peace Network"]


def test_a_dismissal_holds_for_its_text_only(engine, roundtable):
    meeting, discussion = roundtable
    first = services.add_note(engine, meeting.id, "The Balkan Peace Forum published data.", item_id=discussion.id)
    [flag] = audit_service.audit_meeting(engine, meeting.id)
    audit_service.dismiss(engine, meeting.id, flag)
    assert audit_service.audit_meeting(engine, meeting.id) == []
    # The same name typed into another field later is flagged ...
    services.add_note(engine, meeting.id, "The Balkan Peace Forum again.", item_id=discussion.id)
    assert len(audit_service.audit_meeting(engine, meeting.id)) == 1
    # ... and so is the dismissed text once it is edited.
    services.update_note(engine, first.id, text="The Balkan Peace Forum published new data.")
    assert len(audit_service.audit_meeting(engine, meeting.id)) == 2


def test_being_named_on_the_record_does_not_free_a_name_elsewhere(engine, roundtable):
    meeting, discussion = roundtable
    keynote = next(i for i in services.list_items(engine, meeting.id) if i.rule == "on-the-record")
    services.add_note(engine, meeting.id, "Dupont-Aignan opened the meeting.", item_id=keynote.id)
    services.add_note(engine, meeting.id, "Ms Dupont later warned of complacency.", item_id=discussion.id)
    assert {f.matched for f in audit_service.audit_meeting(engine, meeting.id)} == {"Dupont-Aignan", "Ms Dupont"}


def test_delegations_are_never_protected_and_never_anonymised(engine):
    meeting = services.create_meeting(engine, "breakfast", title="Breakfast", date=dt.date(2017, 9, 7))
    speakers.add_speaker(engine, meeting.id, "Norway", category="member-state")
    speakers.add_speaker(engine, meeting.id, "European Union", category="regional-organisation")
    services.add_participant(engine, meeting.id, "Kenya", category="member-state")
    note = services.add_note(engine, meeting.id, "Fund early warning in Norway, as the European Union and Kenya do.")
    assert audit_service.audit_meeting(engine, meeting.id) == []
    audit_service.anonymise(engine, meeting.id)
    assert services.get_note(engine, note.id).text == note.text
    kinds = {p.name: p.kind for p in services.list_participants(engine, meeting.id)}
    assert kinds == {"Norway": "delegation", "European Union": "delegation", "Kenya": "delegation"}


def test_note_speaker_is_refused_under_a_protected_rule_from_the_cli_too(run, engine, breakfast):
    result = run("note", breakfast.id[:8], "We must act.", "--speaker", "Ana García", "--item", "4")
    assert result.exit_code == 2
    assert "speakers are not recorded" in result.stderr
    assert services.list_notes(engine, breakfast.id) == []
    assert services.list_participants(engine, breakfast.id) == []


def test_switching_to_a_protected_rule_protects_speakers_registered_automatically(run, engine):
    meeting = services.create_meeting(engine, "dialogue", title="Dialogue", date=dt.date(2017, 9, 6))
    speakers.add_speaker(engine, meeting.id, "Ivan Petrov", category="panelist")
    services.add_participant(engine, meeting.id, "Guest Speaker", attributable=True)
    assert all(p.attributable for p in services.list_participants(engine, meeting.id))
    result = run("edit", meeting.id[:8], "--rule", "chatham-house")
    assert result.exit_code == 0, result.output
    assert "No longer attributable" in result.stderr and "Ivan Petrov" in result.stderr
    people = {p.name: p.attributable for p in services.list_participants(engine, meeting.id)}
    assert people == {"Ivan Petrov": False, "Guest Speaker": True}


def test_carry_forward_takes_protection_into_the_next_meeting(engine):
    first = services.create_meeting(engine, "roundtable", title="First", date=dt.date(2017, 2, 16), series="S")
    services.add_participant(engine, first.id, "Zorana Šimunović", organisation="Balkan Peace Forum")
    rec = services.add_note(engine, first.id, "Back Šimunović's plan for local early warning.",
                            kind="recommendation")
    set_status(engine, rec.id, "taken-up")
    second = services.create_meeting(engine, "dialogue", title="Second", date=dt.date(2018, 2, 16), series="S")
    carry_forward(engine, second.id)  # the second meeting is on the record: protection comes from the first
    carried = [p for p in services.list_participants(engine, second.id) if p.source == "carried"]
    assert [(p.name, p.attributable) for p in carried] == [("Zorana Šimunović", False)]
    assert [f.matched for f in audit_service.audit_meeting(engine, second.id)] == ["Šimunović"]


def test_tracker_tables_for_readers_are_gated(run, engine, roundtable):
    meeting, discussion = roundtable
    services.add_note(engine, meeting.id, "Adopt the Balkan Peace Forum's early-warning model.",
                      kind="recommendation", item_id=discussion.id)
    for fmt in ("md", "csv"):
        result = run("followup", "list", "--format", fmt)
        assert result.exit_code == 2, fmt
        assert "would name Balkan Peace Forum" in result.stderr and result.stdout == ""
    assert run("followup", "list").exit_code == 0  # the terminal table is for the rapporteur


def test_speakers_statistics_of_a_protected_meeting_stay_in_the_room(run, engine):
    meeting = services.create_meeting(engine, "breakfast", title="Breakfast", date=dt.date(2017, 9, 7))
    speakers.add_speaker(engine, meeting.id, "Ana García", category="civil-society")
    speakers.call_next(engine, meeting.id)
    speakers.call_next(engine, meeting.id)
    result = run("speakers", "stats", meeting.id[:8], "--format", "csv")
    assert result.exit_code == 2 and "stays in the room" in result.stderr
    assert "Ana" not in result.stdout


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_no_csv_cell_can_run_as_a_formula(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("Member States") == "Member States"


def test_csv_outputs_are_spreadsheet_safe_end_to_end(run, engine):
    meeting = services.create_meeting(engine, "dialogue", title="=cmd|' /C calc'!A0", date=dt.date(2017, 9, 6))
    speakers.add_speaker(engine, meeting.id, "@Delegation", category="member-state")
    speakers.call_next(engine, meeting.id)
    speakers.call_next(engine, meeting.id)
    services.add_note(engine, meeting.id, "-1 is not a plan", kind="recommendation", addressee="+Member States")
    for args in (("speakers", "stats", meeting.id[:8], "--format", "csv"), ("followup", "list", "--format", "csv")):
        result = run(*args)
        assert result.exit_code == 0, result.output
        for row in csv.reader(io.StringIO(result.stdout)):
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row


def test_anonymise_from_the_cli_shows_every_change_and_asks(run, engine, roundtable):
    meeting, discussion = roundtable
    note = services.add_note(engine, meeting.id, "Ms Dupont proposed a fund.", item_id=discussion.id)
    declined = run("audit", meeting.id[:8], "--anonymise", input="n\n")
    assert declined.exit_code == 1
    assert "- Ms Dupont proposed a fund." in declined.stdout
    assert "+ A participant proposed a fund." in declined.stdout
    assert services.get_note(engine, note.id).text == "Ms Dupont proposed a fund."
    accepted = run("audit", meeting.id[:8], "--anonymise", "--yes")
    assert accepted.exit_code == 0, accepted.output
    assert services.get_note(engine, note.id).text == "A participant proposed a fund."
    assert run("audit", meeting.id[:8]).exit_code == 0


def test_a_dismissed_mention_passes_the_gate_and_only_that_one(engine, roundtable, tmp_path):
    from facilitator.errors import ExportError
    from facilitator.services.exporting import export_meeting

    meeting, discussion = roundtable
    services.add_note(engine, meeting.id, "Adopt the Balkan Peace Forum's data standard.", kind="recommendation",
                      item_id=discussion.id)
    with pytest.raises(ExportError, match="1 passage"):
        export_meeting(engine, meeting.id, "report", "md", tmp_path / "r.md")
    [flag] = audit_service.audit_meeting(engine, meeting.id)
    audit_service.dismiss(engine, meeting.id, flag)
    written = export_meeting(engine, meeting.id, "report", "md", tmp_path / "r.md")
    assert "Balkan Peace Forum" in written.read_text()  # the rapporteur judged it not identifying
    services.update_meeting(engine, meeting.id, participants_text="experts, some from the Balkan Peace Forum")
    with pytest.raises(ExportError, match="1 passage"):
        export_meeting(engine, meeting.id, "report", "md", tmp_path / "r2.md")
    assert not (tmp_path / "r2.md").exists()


def test_the_gate_reads_the_written_file_itself(engine, roundtable, tmp_path, monkeypatch):
    """Whatever path a name takes into a document — here a house style that prints a participant's
    organisation without asking the audit — the gate finds it in the file and nothing is written."""
    import exports.styles.report as report
    from facilitator.errors import ExportError
    from facilitator.services.exporting import export_meeting

    meeting, _ = roundtable
    real = report.build

    def leaky(detail):
        document = real(detail)
        document.author = detail.participants[0].organisation  # into the file's properties only
        return document

    monkeypatch.setattr(report, "build", leaky)  # the registry looks the builder up in its module
    refused = []
    for fmt in ("docx", "pdf", "html", "md"):
        try:
            export_meeting(engine, meeting.id, "report", fmt, tmp_path / f"r.{fmt}")
        except ExportError as exc:
            assert "Balkan Peace Forum" in str(exc) and "document properties" in str(exc) or "metadata" in str(exc)
            assert not (tmp_path / f"r.{fmt}").exists()
            refused.append(fmt)
        else:  # a format that has nowhere to put an author (Markdown) is written, without the name
            assert b"Balkan" not in (tmp_path / f"r.{fmt}").read_bytes(), fmt
    assert {"docx", "pdf"} <= set(refused)


def test_in_an_on_the_record_dialogue_a_protected_items_speakers_stay_out_of_the_annex(engine):
    from facilitator.services.exporting import preview_markdown
    from facilitator.models import AgendaItem
    from facilitator.services._db import transaction

    meeting = services.create_meeting(engine, "dialogue", title="Dialogue", date=dt.date(2017, 9, 6))
    items = services.list_items(engine, meeting.id)
    closed = items[-2]
    with transaction(engine) as session:
        row = session.get(AgendaItem, closed.id)
        row.rule = "chatham-house"
        session.add(row)
    speakers.add_speaker(engine, meeting.id, "Ghana", category="member-state")
    speakers.add_speaker(engine, meeting.id, "Quiet Voices Network", category="civil-society", item_id=closed.id)
    for _ in range(3):
        speakers.call_next(engine, meeting.id)
    shown = preview_markdown(engine, meeting.id, "dialogue")
    assert "Ghana" in shown and "Quiet Voices" not in shown


def test_the_policy_spells_identity_kinds_as_the_matcher_does():
    """policy.py names the kinds without importing the matcher (kept out of quick commands)."""
    from facilitator import names, policy

    assert (policy.PERSON_KIND, policy.ORG_KIND) == (names.PERSON, names.ORGANISATION)


def test_the_audit_says_where_a_name_is_in_the_drafting_texts(engine, roundtable, run):
    """Headings, introductions, footnotes and attachments reach readers: a name in them is flagged, and the
    audit names the place in words rather than as a stored key."""
    meeting, _ = roundtable
    services.update_meeting(engine, meeting.id, headings={"recommendations": "What Dupont-Aignan asked for"},
                            intros={"recommendations": "Ms Dupont-Aignan opened the round."},
                            footnotes={"lead": "As Dupont-Aignan said."},
                            attachments=["Paper by Anne-Marie Dupont-Aignan"])
    result = run("audit", meeting.id[:8])
    assert result.exit_code == 1
    for place in ("heading of recommendations", "introduction to recommendations", "footnote on lead", "attachment"):
        assert place in result.output
    for raw in ("headings:", "intros:", "footnotes:", "attachment:0"):
        assert raw not in result.output


@pytest.mark.parametrize(("officials", "flagged"), [(4, True), (5, False)])
def test_an_institution_many_participants_come_from_identifies_none_of_them(engine, run, officials, flagged):
    """"30 participants: 18 civil society experts and 10 officials of the European Commission" is how
    Chatham House reports count: with five or more registered from one institution, naming it identifies
    none of them, so it is not flagged; each of them by name still is."""
    meeting = services.create_meeting(engine, "roundtable", title="Counted", date=dt.date(2017, 2, 16))
    for n in range(officials):
        services.add_participant(engine, meeting.id, f"Official Number{n} Smithson", organisation="European Commission")
    services.add_participant(engine, meeting.id, "Zorana Šimunović", organisation="Balkan Peace Forum")
    line = "30 participants: 18 civil society experts and 10 officials of the European Commission"
    services.update_meeting(engine, meeting.id, participants_text=line)
    result = run("audit", meeting.id[:8])
    assert ("European Commission" in result.output) is flagged
    services.update_meeting(engine, meeting.id, participants_text=line + ", among them Mr Number1 Smithson")
    named = run("audit", meeting.id[:8])
    assert named.exit_code == 1 and "name of Official Number1 Smithson" in named.output
    services.update_meeting(engine, meeting.id, participants_text=line + " and the Balkan Peace Forum")
    assert "Balkan Peace Forum" in run("audit", meeting.id[:8]).output  # one participant's institution
