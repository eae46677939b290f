"""Speakers list: queue operations, timings, CSV import all-or-nothing."""

import datetime as dt

import pytest

from facilitator import services
from facilitator.errors import InvalidInput
from facilitator.services import roster, speakers

T0 = dt.datetime(2017, 9, 6, 15, 0, tzinfo=dt.UTC)


@pytest.fixture
def dialogue(engine):
    return services.create_meeting(engine, "dialogue", title="Informal interactive dialogue",
                                   date=dt.date(2017, 9, 6), place="New York")


def test_queue_call_next_reorder_withdraw_and_stats(engine, dialogue):
    services.add_participant(engine, dialogue.id, "Ivan Šimonović", attributable=True, category="panelist")
    a = speakers.add_speaker(engine, dialogue.id, "simonovic")
    b = speakers.add_speaker(engine, dialogue.id, "Ghana", category="member-state")
    c = speakers.add_speaker(engine, dialogue.id, "European Union", category="regional-organisation")
    assert a.name == "Ivan Šimonović"  # completed from the registered participant
    speakers.move(engine, c.id, -1)
    assert [e.name for e in speakers.list_queue(engine, dialogue.id)] == ["Ivan Šimonović", "European Union", "Ghana"]
    assert speakers.call_next(engine, dialogue.id, now=T0).id == a.id
    assert speakers.call_next(engine, dialogue.id, now=T0 + dt.timedelta(seconds=200)).id == c.id
    speakers.withdraw(engine, b.id)
    assert speakers.call_next(engine, dialogue.id, now=T0 + dt.timedelta(seconds=290)) is None
    speakers.add_speaker(engine, dialogue.id, "Ivan Šimonović")
    speakers.call_next(engine, dialogue.id, now=T0 + dt.timedelta(seconds=300))
    speakers.call_next(engine, dialogue.id, now=T0 + dt.timedelta(seconds=360))
    rows = {r.name: r for r in speakers.stats(engine, dialogue.id)}
    assert (rows["Ivan Šimonović"].interventions, rows["Ivan Šimonović"].seconds) == (2, 260)
    assert (rows["European Union"].interventions, rows["European Union"].seconds) == (1, 90)
    assert "Ghana" not in rows


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_speakers_csv_import(engine, dialogue, tmp_path):
    path = write(tmp_path, "speakers.csv",
                 "name,category,on_behalf_of,members,language\n"
                 "Ivan Šimonović,panelist,,,English\n"
                 "Ghana,member-state,Group of Friends of RtoP,52,English\n"
                 "Côte d'Ivoire,member state,,,French\n"
                 "Global Centre for RtoP,civil society,,,English\n")
    assert roster.import_speakers(engine, dialogue.id, path) == 4
    queue = speakers.list_queue(engine, dialogue.id)
    assert [(e.name, e.category, e.members) for e in queue] == [
        ("Ivan Šimonović", "panelist", 0), ("Ghana", "member-state", 52), ("Côte d'Ivoire", "member-state", 0),
        ("Global Centre for RtoP", "civil-society", 0)]
    assert queue[1].on_behalf_of == "Group of Friends of RtoP" and queue[2].language == "French"


@pytest.mark.parametrize(
    "content, message",
    [
        ("name,colour\nGhana,red\n", "unknown column 'colour'"),
        ("category\nmember-state\n", "missing column(s) name"),
        ("", "the file is empty"),
        ("name,category\n", "a header but no rows"),
        ("name,category\nGhana,member-state\n,member-state\nKenya,planet\n", "2 bad row(s)"),
        ("name,category\nGhana,member-state,extra\n", "line 2: 3 values for 2 columns"),
        ("name,category,members\nGhana,member-state,many\n", "members must be a whole number"),
        (b"name,category\nC\xf4te,member-state\n", "not UTF-8"),
    ],
)
def test_bad_speakers_csv_imports_nothing(engine, dialogue, tmp_path, content, message):
    path = write(tmp_path, "speakers.csv", content)
    with pytest.raises(InvalidInput) as caught:
        roster.import_speakers(engine, dialogue.id, path)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert speakers.list_queue(engine, dialogue.id) == []
    assert services.list_participants(engine, dialogue.id) == []


def test_huge_csv_is_refused(engine, dialogue, tmp_path):
    row = "Delegation of a very long name,member-state,,,English\n"
    path = write(tmp_path, "big.csv", "name,category,on_behalf_of,members,language\n" + row * (10 * 2**20 // len(row)))
    assert path.stat().st_size > 10 * 10**6
    with pytest.raises(InvalidInput, match="larger than"):
        roster.import_speakers(engine, dialogue.id, path)
    assert speakers.list_queue(engine, dialogue.id) == []


def test_participants_csv_import_and_duplicates(engine, dialogue, tmp_path):
    good = write(tmp_path, "people.csv", "\ufeffName;Organisation;Region;Attributable\n"
                 "Zorana Šimunović;Balkan Peace Forum;Western Balkans;no\n"
                 "Ivan Šimonović;United Nations;;yes\n")
    assert roster.import_participants(engine, dialogue.id, good) == 2
    assert roster.import_participants(engine, dialogue.id, good) == 0  # importing again adds nobody
    people = {p.name: p for p in services.list_participants(engine, dialogue.id)}
    assert people["Ivan Šimonović"].attributable and not people["Zorana Šimunović"].attributable
    dup = write(tmp_path, "dup.csv", "name,attributable\nA B,yes\nA B,yes\nC D,perhaps\n")
    with pytest.raises(InvalidInput, match="line 3: A B is listed twice; line 4: attributable must be yes or no"):
        roster.import_participants(engine, dialogue.id, dup)
    assert len(services.list_participants(engine, dialogue.id)) == 2
