"""The projector view: the current item and its clock, the speaker and their
time left, the next three, names only where the item's rule allows; a
read-only window that cannot write."""

import datetime as dt

import pytest
from sqlalchemy.exc import OperationalError
from textual.widgets import Digits, Static
from typer.testing import CliRunner

from facilitator import services
from facilitator.cli import app as cli
from facilitator.cli.projector import read_only
from facilitator.errors import FacilitatorError
from facilitator.services import clock, speakers
from screens.app import make_projector_app

T0 = dt.datetime(2017, 9, 6, 15, 0, tzinfo=dt.UTC)


def text(screen, selector) -> str:
    widget = screen.query_one(selector)
    return widget.value if isinstance(widget, Digits) else str(widget.render())


def running_dialogue(engine, rule_of_item=None):
    meeting = services.create_meeting(engine, "dialogue", title="Annual dialogue", date=dt.date(2017, 9, 6))
    services.update_meeting(engine, meeting.id, speaker_limit=180)
    services.add_participant(engine, meeting.id, "Ivan Šimonović", attributable=True, category="panelist")
    services.add_participant(engine, meeting.id, "Ana García", category="civil-society")
    for name, category in (("Ghana", "member-state"), ("Ana García", ""), ("Ivan Šimonović", ""),
                           ("Kenya", "member-state"), ("Peru", "member-state"), ("Chile", "member-state")):
        speakers.add_speaker(engine, meeting.id, name, category=category)
    item = services.list_items(engine, meeting.id)[2]
    if rule_of_item:
        from facilitator.models import AgendaItem
        from facilitator.services._db import transaction

        with transaction(engine) as session:
            session.get(AgendaItem, item.id).rule = rule_of_item
    clock.advance_to(engine, meeting.id, item.id, now=T0)
    speakers.call_next(engine, meeting.id, now=T0 + dt.timedelta(minutes=1))
    return meeting, item


async def test_item_clock_speaker_countdown_and_the_next_three(engine):
    meeting, item = running_dialogue(engine)
    now = {"t": T0 + dt.timedelta(minutes=2, seconds=20)}
    app = make_projector_app(meeting.id, engine=engine, clock=lambda: now["t"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert f"{item.position}. {item.title}" in text(screen, "#projector-item")
        assert text(screen, "#projector-item-digits") == "2:20"
        assert f"of {item.planned_minutes}′" in text(screen, "#projector-item-state")
        assert "Ghana" in text(screen, "#projector-speaker")
        assert text(screen, "#projector-speaker-digits") == "1:40"  # 80 s spoken of 180
        assert text(screen, "#projector-speaker-state") == "left"
        waiting = text(screen, "#projector-next")
        assert "1. Ana García" in waiting and "2. Ivan Šimonović" in waiting and "3. Kenya" in waiting
        assert "Peru" not in waiting and "and 2 more" in waiting
        now["t"] = T0 + dt.timedelta(minutes=4, seconds=5)  # the speaker is 5 s over
        screen.refresh_view()
        assert text(screen, "#projector-speaker-digits") == "0:05"
        assert text(screen, "#projector-speaker-state") == "OVER TIME"
        assert screen.query_one("#projector-speaker-clock").has_class("-over")
        now["t"] = T0 + dt.timedelta(minutes=item.planned_minutes, seconds=30)
        screen.refresh_view()
        assert "0:30 OVER TIME" in text(screen, "#projector-item-state")


@pytest.mark.parametrize("meeting_rule, item_rule", [("chatham-house", None), ("on-the-record", "chatham-house")])
async def test_names_only_where_the_items_rule_allows(engine, meeting_rule, item_rule):
    meeting, _ = running_dialogue(engine, rule_of_item=item_rule)
    services.update_meeting(engine, meeting.id, rule=meeting_rule)
    app = make_projector_app(meeting.id, engine=engine, clock=lambda: T0 + dt.timedelta(minutes=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "Chatham House rule" in text(screen, "#projector-title")
        assert "Ghana" in text(screen, "#projector-speaker")  # a delegation is public by nature
        waiting = text(screen, "#projector-next")
        assert "Ana García" not in waiting and "1. a participant" in waiting  # a protected person
        assert "2. Ivan Šimonović" in waiting  # marked attributable (the guest of honour)


def test_the_projector_cannot_write(engine, breakfast):
    read_only(engine)
    services.get_meeting(engine, breakfast.id)  # reading works
    with pytest.raises((FacilitatorError, OperationalError)):
        services.add_note(engine, breakfast.id, "written from the projector")
    assert services.list_notes(engine, breakfast.id) == []


def test_the_projector_command_says_what_is_wrong_in_one_line(db_path, engine, breakfast):
    runner = CliRunner()
    unknown = runner.invoke(cli, ["--db", str(db_path), "projector", "nosuch"])
    assert unknown.exit_code == 2 and unknown.stderr.count("\n") == 1 and "nosuch" in unknown.stderr
    no_terminal = runner.invoke(cli, ["--db", str(db_path), "projector", breakfast.id[:8]])
    assert no_terminal.exit_code == 2 and "needs a terminal" in no_terminal.stderr
    assert no_terminal.stderr.count("\n") == 1
