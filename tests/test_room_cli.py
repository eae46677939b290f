"""Command-line fixes from the room: speakers statistics, follow-up filters
and links. Every mistake is one line and a non-zero exit."""

import datetime as dt

import pytest

from facilitator import services
from facilitator.services import followup, speakers



@pytest.fixture
def dialogue(engine):
    return services.create_meeting(engine, "dialogue", title="Annual dialogue", date=dt.date(2017, 9, 6))


def one_line_error(result, words):
    assert result.exit_code != 0
    assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr


def test_speakers_stats_says_when_nobody_has_spoken(run, dialogue):
    result = run("speakers", "stats", dialogue.id[:8])
    assert result.exit_code == 0
    assert "Nobody has spoken yet" in result.stdout


def test_speakers_stats_counts_notes_with_a_speaker(run, engine, dialogue):
    speakers.add_speaker(engine, dialogue.id, "Ghana", category="member-state")
    speakers.call_next(engine, dialogue.id, now=dt.datetime(2017, 9, 6, 15, 0, tzinfo=dt.UTC))
    speakers.call_next(engine, dialogue.id, now=dt.datetime(2017, 9, 6, 15, 3, tzinfo=dt.UTC))
    assert run("note", dialogue.id[:8], "Kenya asked for a standing capacity.", "--speaker", "Kenya",
               "--item", "3").exit_code == 0
    result = run("speakers", "stats", dialogue.id[:8])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    ghana = next(line for line in lines if line.startswith("Ghana"))
    kenya = next(line for line in lines if line.startswith("Kenya"))
    assert ghana.split()[-3:] == ["1", "0", "3:00"] and kenya.split()[-3:] == ["0", "1", "0:00"]
    assert "2 intervention(s) by 2 speaker(s)" in result.stdout
    csv = run("speakers", "stats", dialogue.id[:8], "--format", "csv")
    assert csv.stdout.splitlines()[0] == "name,category,interventions,seconds,timed_turns,noted_statements"
    assert "Kenya,,1,0,0,1" in csv.stdout.splitlines()


def recommendation(engine, title, date):
    meeting = services.create_meeting(engine, "breakfast", title=title, date=date)
    note = services.add_note(engine, meeting.id, f"A recommendation of {title}.", kind="rec", addressee="UN")
    return meeting, note


def test_followup_list_by_status(run, engine):
    _, first = recommendation(engine, "2017", dt.date(2017, 9, 7))
    empty = run("followup", "list", "--status", "taken-up")
    assert empty.exit_code == 0 and empty.stdout == "No recommendations or actions with status taken-up.\n"
    assert run("followup", "set", first.id[:8], "taken up").exit_code == 0
    listed = run("followup", "list", "--status", "taken-up")
    assert listed.exit_code == 0 and first.id[:8] in listed.stdout and "taken-up" in listed.stdout
    one_line_error(run("followup", "list", "--status", "forgotten"), "Unknown status 'forgotten'")


def test_followup_link_needs_a_later_meeting(run, engine):
    first_meeting, first = recommendation(engine, "2017", dt.date(2017, 9, 7))
    same = services.add_note(engine, first_meeting.id, "Progress reported in the same breakfast.")
    one_line_error(run("followup", "link", same.id[:8], first.id[:8]), "same meeting")
    _, second = recommendation(engine, "2018", dt.date(2018, 9, 7))
    one_line_error(run("followup", "link", first.id[:8], second.id[:8]), "older than the recommendation")
    assert followup.links_of(engine, first.id) == ([], [])
    result = run("followup", "link", second.id[:8], first.id[:8])
    assert result.exit_code == 0 and f"{second.id[:8]} reports on {first.id[:8]}" in result.stdout


@pytest.mark.parametrize("args, sentence", [
    ((), "No open recommendations or actions.\n"),
    (("--addressee", "UN"), "No open recommendations or actions addressed to UN.\n"),
])
def test_an_empty_tracker_says_so_in_a_sentence_by_either_path(run, engine, monkeypatch, args, sentence):
    import facilitator.quickread

    services.create_meeting(engine, "breakfast", title="Nothing followed yet", date=dt.date(2017, 9, 7))
    assert run("followup", "list", *args).stdout == sentence
    monkeypatch.setattr(facilitator.quickread, "read_tracker", lambda *_a, **_kw: None)  # the service layer
    assert run("followup", "list", *args).stdout == sentence
