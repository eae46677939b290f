"""Follow-up: status history, links both ways, the tracker, carrying forward,
and that all of it survives a bundle round-trip."""

import datetime as dt

import pytest

pytestmark = pytest.mark.both_databases

from facilitator import services
from facilitator.db import open_engine
from facilitator.errors import InvalidInput
from facilitator.services import followup
from facilitator.services.bundles import import_bundle, write_bundle
from facilitator.tracker_format import render_tracker


@pytest.fixture
def series(engine):
    first = services.create_meeting(engine, "breakfast", title="Breakfast 2017", date=dt.date(2017, 9, 7),
                                    series="RtoP breakfast")
    item = services.list_items(engine, first.id)[4]
    rec = services.add_note(engine, first.id, "Put RtoP on the General Assembly's formal agenda.", kind="rec",
                            addressee="General Assembly", item_id=item.id)
    other = services.add_note(engine, first.id, "Include a gender lens.", kind="rec", addressee="UN",
                              item_id=item.id)
    return first, rec, other


def test_status_history_and_tracker(engine, series):
    first, rec, other = series
    assert rec.status == "proposed"
    followup.set_status(engine, rec.id, "taken-up", comment="adopted on the formal agenda of the 72nd session",
                        date=dt.date(2017, 9, 15))
    followup.set_status(engine, other.id, "achieved", date=dt.date(2018, 1, 10))
    assert [(c.status, c.comment) for c in followup.history(engine, rec.id)] == [
        ("taken-up", "adopted on the formal agenda of the 72nd session")]
    rows = followup.tracker(engine, today=dt.date(2018, 9, 7))
    assert [r.note.id for r in rows] == [rec.id]  # achieved is no longer open
    assert rows[0].age_days == 365 and rows[0].last_change == dt.date(2017, 9, 15)
    assert [r.note.id for r in followup.tracker(engine, status="achieved")] == [other.id]
    assert followup.tracker(engine, addressee="un") == []
    md = render_tracker(rows, "md")
    assert md.splitlines()[2].startswith("| 2017-09-07 | Breakfast 2017 | General Assembly |")
    with pytest.raises(InvalidInput):
        followup.set_status(engine, rec.id, "forgotten")


def test_links_visible_from_both_sides_and_carry_forward(engine, series):
    first, rec, other = series
    second = services.create_meeting(engine, "breakfast", title="Breakfast 2018", date=dt.date(2018, 9, 7),
                                      series="RtoP breakfast")
    review = followup.carry_forward(engine, second.id)
    carried = services.list_notes(engine, second.id, review.id)
    assert len(carried) == 2
    items = services.list_items(engine, second.id)
    assert items[2].id == review.id  # after the breakfast and the welcome
    earlier, later = followup.links_of(engine, rec.id)
    assert earlier == [] and {n.id for n in later} & {n.id for n in carried}
    update = services.add_note(engine, second.id, "The GA debated RtoP formally for the first time.")
    followup.link(engine, update.id, rec.id)
    assert rec.id in {n.id for n in followup.links_of(engine, update.id)[0]}


def test_history_and_links_survive_bundle_round_trip(engine, series, tmp_path):
    first, rec, other = series
    followup.set_status(engine, rec.id, "in-progress", comment="under discussion", date=dt.date(2017, 10, 1))
    second = services.create_meeting(engine, "breakfast", title="Breakfast 2018", date=dt.date(2018, 9, 7))
    later = services.add_note(engine, second.id, "Progress reported.")
    followup.link(engine, later.id, rec.id)  # a report is a note of a later meeting
    paths = [write_bundle(engine, m.id, tmp_path / f"{n}.json") for n, m in enumerate((first, second))]
    other_db = open_engine(tmp_path / "other.db")
    for path in paths:
        import_bundle(other_db, path)
    for path in paths:
        report = import_bundle(other_db, path)
        assert report.added == 0 and report.updated == 0
    assert [(c.status, c.comment) for c in followup.history(other_db, rec.id)] == [("in-progress", "under discussion")]
    assert [n.id for n in followup.links_of(other_db, rec.id)[1]] == [later.id]
    assert services.get_note(other_db, rec.id).status == "in-progress"


def test_a_recommendation_to_several_addressees_is_found_under_each(engine):
    """The tracker and search filter by one addressee among a note's several ("UN; Member States"), in any
    case, and never by a name that only starts the same ("UN" is not "UNDP"); LIKE's wildcards typed as an
    addressee are letters."""
    from facilitator.services.search import search

    meeting = services.create_meeting(engine, "breakfast", title="Addressees", date=dt.date(2017, 9, 7))
    both = services.capture_note(engine, meeting.id, None, "rec: Report on prevention every year >ms >UN")
    services.add_note(engine, meeting.id, "Report on development every year", kind="rec", addressee="UNDP")
    services.add_note(engine, meeting.id, "Report on the 100% target every year", kind="rec", addressee="U_N")
    assert both.addressee == "Member States; UN"
    for name in ("UN", "un", "member states", " Member States "):
        assert [r.note.id for r in followup.tracker(engine, addressee=name)] == [both.id], name
        assert [h.note_id for h in search(engine, "report", addressee=name)] == [both.id], name
    assert followup.tracker(engine, addressee="Member") == []
    assert [r.note.addressee for r in followup.tracker(engine, addressee="U_N")] == ["U_N"]
    assert followup.tracker(engine, addressee="U%") == []
