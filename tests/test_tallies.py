"""Theme tallies of a small dialogue, checked against counts computed here
independently from the CSV rows and the tags the test itself assigned."""

import datetime as dt
import random

from facilitator import services
from facilitator.services import roster, speakers
from facilitator.tallies import describe_counts, tally

THEMES = ["Prevention", "Accountability", "Regional bodies"]


def test_tallies_match_an_independent_count(engine, tmp_path):
    meeting = services.create_meeting(engine, "dialogue", title="Annual dialogue", date=dt.date(2017, 9, 6))
    services.update_meeting(engine, meeting.id, themes=THEMES)
    rng = random.Random(3)
    rows = []
    for i in range(30):
        category = rng.choice(["member-state", "member-state", "member-state", "civil-society",
                               "regional-organisation"])
        members = rng.choice([0, 0, 0, 12, 28]) if category != "civil-society" else 0
        rows.append((f"Speaker {i:02d}", category, "a group" if members else "", members))
    rows.append(("Speaker 03", rows[3][1], "", 0))  # a second statement by the same delegation
    csv = tmp_path / "speakers.csv"
    csv.write_text("name,category,on_behalf_of,members,language\n" +
                   "".join(f"{n},{c},{b},{m or ''},English\n" for n, c, b, m in rows))
    roster.import_speakers(engine, meeting.id, csv)
    item = services.list_items(engine, meeting.id)[2]
    tags = []
    for name, category, _, members in rows:
        speakers.call_next(engine, meeting.id)
        themes = rng.sample(THEMES, rng.randint(0, 2))
        tags.append((name, category, members, themes))
        services.add_note(engine, meeting.id, f"{name} spoke.", item_id=item.id, speaker=name, themes=themes)

    result = {t.theme: t for t in tally(services.get_detail(engine, meeting.id))}
    for theme in THEMES:
        raised = [(n, c, m) for n, c, m, ts in tags if theme in ts]
        if not raised:
            assert theme not in result
            continue
        expected_states = sum(m if m else (1 if c == "member-state" else 0) for _, c, m in raised)
        row = result[theme]
        assert row.statements == len(raised)
        assert row.states_represented == expected_states
        for category in ("member-state", "civil-society", "regional-organisation"):
            assert row.count(category) == len({n for n, c, _ in raised if c == category})
        states = len({n for n, c, _ in raised if c == "member-state"})
        if states:
            assert f"{states} Member State" in describe_counts(row)
