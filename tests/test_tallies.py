"""Theme tallies of a small dialogue, checked against counts computed here
independently from the CSV rows and the tags the test itself assigned: each
delegation counted once, panellists apart, states behind overlapping groups
counted once, and a bound ("over 70") or a lower bound ("at least 52") where
only counts are known."""

import datetime as dt
import random

from facilitator import services
from facilitator.services import roster, speakers
from facilitator.tallies import describe_counts, states_of, tally

THEMES = ["Prevention", "Accountability", "Regional bodies"]
STATES = [f"State {n:02d}" for n in range(40)]


def _dialogue(engine, tmp_path, rows, groups):
    meeting = services.create_meeting(engine, "dialogue", title="Annual dialogue", date=dt.date(2017, 9, 6))
    services.update_meeting(engine, meeting.id, themes=THEMES, state_groups=groups)
    csv = tmp_path / "speakers.csv"
    csv.write_text("name,category,on_behalf_of,members,language\n" +
                   "".join(f"{n},{c},{b},,English\n" for n, c, b in rows))
    roster.import_speakers(engine, meeting.id, csv)
    return meeting


def test_tallies_match_an_independent_count(engine, tmp_path):
    rng = random.Random(3)
    groups = {"Group of Friends": {"members": STATES[:20]}, "Southern group": {"members": STATES[15:30]}}
    rows = [("Ivan Šimonović", "panelist", "")]
    for i in range(24):
        category = rng.choice(["member-state", "member-state", "member-state", "civil-society",
                               "regional-organisation"])
        behalf = rng.choice(["", "", "Group of Friends", "Southern group"]) if category == "member-state" else ""
        name = STATES[i] if category == "member-state" else f"{category.title()} {i:02d}"
        rows.append((name, category, behalf))
    rows.append((rows[3][0], rows[3][1], ""))  # a second statement by the same delegation
    meeting = _dialogue(engine, tmp_path, rows, groups)
    item = services.list_items(engine, meeting.id)[2]
    tags = []
    for name, category, behalf in rows:
        speakers.call_next(engine, meeting.id)
        themes = rng.sample(THEMES, rng.randint(0, 2))
        tags.append((name, category, behalf, themes))
        services.add_note(engine, meeting.id, f"{name} spoke.", item_id=item.id, speaker=name, themes=themes)

    result = {t.theme: t for t in tally(services.get_detail(engine, meeting.id))}
    for theme in THEMES:
        raised = [(n, c, b) for n, c, b, ts in tags if theme in ts and c != "panelist"]
        if not raised:
            assert theme not in result
            continue
        row = result[theme]
        assert row.statements == len(raised)
        states = set()
        for name, category, behalf in raised:
            if behalf:
                states |= set(groups[behalf]["members"])
            elif category == "member-state":
                states.add(name)
        assert (row.states.number, row.states.exact) == (len(states), True)  # overlapping groups counted once
        for category in ("member-state", "civil-society", "regional-organisation"):
            assert row.count(category) == len({n for n, c, _ in raised if c == category})
        assert row.count("panelist") == 0  # panellists are counted apart
        count = len({n for n, c, _ in raised if c == "member-state"})
        if count:
            assert f"{count} Member State" in describe_counts(row)


def test_groups_known_only_by_their_counts_give_a_bound_never_a_sum(engine, tmp_path):
    rows = [("Ghana", "member-state", "Group of Friends"), ("Norway", "member-state", "Nordic group"),
            ("Group of 77", "member-state", "")]
    meeting = _dialogue(engine, tmp_path, rows, {"Group of Friends": {"count": 52},
                                                 "Nordic group": {"count": 5},
                                                 "Group of 77": {"count": 70, "over": True}})
    detail = services.get_detail(engine, meeting.id)
    entries = detail.interventions
    first, nordic, g77 = entries
    assert states_of([first], detail).phrase(str) == "52 states"
    assert states_of([g77], detail).phrase(str) == "over 70 states"
    both = states_of([first, nordic], detail)
    assert (both.number, both.exact) == (52, False) and both.phrase(str) == "at least 52 states"  # not 57
    from facilitator.tallies import category_of

    assert [category_of(e, detail) for e in entries] == ["member-state", "member-state", "group"]
