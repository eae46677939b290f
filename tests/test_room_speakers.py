"""The speakers list as a chair uses it: nobody who has spoken can be withdrawn,
every change can be undone, replies and points of order jump the queue, and
the statistics count turns timed on the list and statements kept as notes."""

import datetime as dt

import pytest

from facilitator import services
from facilitator.errors import InvalidInput
from facilitator.services import speakers

T0 = dt.datetime(2017, 9, 6, 15, 0, tzinfo=dt.UTC)


def later(seconds):
    return T0 + dt.timedelta(seconds=seconds)


@pytest.fixture
def dialogue(engine):
    return services.create_meeting(engine, "dialogue", title="Informal interactive dialogue",
                                   date=dt.date(2017, 9, 6), place="New York")


def states(engine, meeting_id):
    return [(e.name, e.status) for e in speakers.list_queue(engine, meeting_id)]


def test_who_has_spoken_or_has_the_floor_cannot_withdraw(engine, dialogue):
    ghana = speakers.add_speaker(engine, dialogue.id, "Ghana", category="member-state")
    kenya = speakers.add_speaker(engine, dialogue.id, "Kenya", category="member-state")
    speakers.call_next(engine, dialogue.id, now=T0)
    with pytest.raises(InvalidInput, match="Ghana has the floor"):
        speakers.withdraw(engine, ghana.id)
    speakers.call_next(engine, dialogue.id, now=later(4))
    with pytest.raises(InvalidInput, match="already marked spoken"):
        speakers.withdraw(engine, ghana.id)
    with pytest.raises(InvalidInput, match="already marked spoken"):
        speakers.mark_spoken(engine, ghana.id, now=later(9))
    assert states(engine, dialogue.id) == [("Ghana", "spoken"), ("Kenya", "speaking")]
    assert speakers.list_queue(engine, dialogue.id)[0].seconds == 4
    assert kenya.status == "queued"


def test_every_change_can_be_undone(engine, dialogue):
    speakers.add_speaker(engine, dialogue.id, "Ghana", category="member-state")
    speakers.add_speaker(engine, dialogue.id, "Kenya", category="member-state")
    first = speakers.list_queue(engine, dialogue.id)
    called, before = speakers.undoable(engine, dialogue.id, speakers.call_next, dialogue.id, now=T0)
    assert called.name == "Ghana" and before == first
    speakers.restore(engine, dialogue.id, before)
    assert speakers.list_queue(engine, dialogue.id) == first

    added, before = speakers.undoable(engine, dialogue.id, speakers.add_speaker, dialogue.id, "Ghanna")
    assert "Ghanna" in [p.name for p in services.list_participants(engine, dialogue.id)]
    speakers.restore(engine, dialogue.id, before)
    assert states(engine, dialogue.id) == [("Ghana", "queued"), ("Kenya", "queued")]
    # the name typed by mistake is not left on the register either
    assert "Ghanna" not in [p.name for p in services.list_participants(engine, dialogue.id)]

    kenya = speakers.list_queue(engine, dialogue.id)[1]
    _, before = speakers.undoable(engine, dialogue.id, speakers.move, kenya.id, -1)
    assert states(engine, dialogue.id)[0] == ("Kenya", "queued")
    speakers.restore(engine, dialogue.id, before)
    assert states(engine, dialogue.id) == [("Ghana", "queued"), ("Kenya", "queued")]


def test_reply_and_point_of_order_take_the_floor_next(engine, dialogue):
    for name in ("Ghana", "Kenya", "Peru"):
        speakers.add_speaker(engine, dialogue.id, name, category="member-state")
    speakers.call_next(engine, dialogue.id, now=T0)  # Ghana speaks
    speakers.add_speaker(engine, dialogue.id, "Ivan Šimonović", category="panelist", waiting_index=0)
    speakers.add_speaker(engine, dialogue.id, "Peru", waiting_index=1)  # a second reply, after the first
    assert [name for name, status in states(engine, dialogue.id) if status == "queued"] == [
        "Ivan Šimonović", "Peru", "Kenya", "Peru"]
    assert speakers.call_next(engine, dialogue.id, now=later(60)).name == "Ivan Šimonović"
    positions = [e.position for e in speakers.list_queue(engine, dialogue.id)]
    assert positions == sorted(set(positions))  # still one place each


def test_stats_count_timed_turns_and_statements_kept_as_notes(engine, dialogue):
    item = services.list_items(engine, dialogue.id)[2]
    speakers.add_speaker(engine, dialogue.id, "Ghana", category="member-state")
    speakers.call_next(engine, dialogue.id, now=T0)
    speakers.call_next(engine, dialogue.id, now=later(95))
    # statements recorded with `note --speaker`: two notes in a row are one statement
    for speaker, text in (("Kenya", "Kenya called for early warning."), ("Kenya", "It offered to host a meeting."),
                          ("Ghana", "Ghana replied."), ("Kenya", "Kenya thanked the panel.")):
        services.add_note(engine, dialogue.id, text, speaker=speaker, item_id=item.id)
    services.add_note(engine, dialogue.id, "A note without a speaker.", item_id=item.id)
    rows = {r.name: r for r in speakers.stats(engine, dialogue.id)}
    # Ghana's note belongs to its turn on the list (the notes service links it), so it is not counted twice
    assert (rows["Ghana"].timed, rows["Ghana"].noted, rows["Ghana"].interventions, rows["Ghana"].seconds) == (
        1, 0, 1, 95)
    assert (rows["Kenya"].timed, rows["Kenya"].noted, rows["Kenya"].interventions) == (0, 2, 2)


def test_stats_of_a_list_nobody_has_spoken_on_yet(engine, dialogue):
    speakers.add_speaker(engine, dialogue.id, "Ghana", category="member-state")
    assert speakers.stats(engine, dialogue.id) == []
