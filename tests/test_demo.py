"""The demo meetings: the facts of the two seed documents, built through the
services, loaded once however often asked, and written in the project's own
words (no run of seven words shared with the seeds, names and titles aside)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from facilitator import services
from facilitator.services.demo import BRUSSELS_QUESTIONS, ORGANISERS, load_demo
from facilitator.services.exporting import export_meeting

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture
def demo(engine):
    return load_demo(engine)


def notes_by_item(engine, meeting_id):
    detail = services.get_detail(engine, meeting_id)
    titles = {i.id: i.title for i in detail.items}
    grouped: dict[str, list] = {}
    for note in detail.notes:
        grouped.setdefault(titles[note.item_id], []).append(note)
    return detail, grouped


def test_brussels_roundtable(engine, demo):
    brussels, _ = demo
    detail, grouped = notes_by_item(engine, brussels.id)
    m = detail.meeting
    assert (m.date, m.date.strftime("%A"), m.place, m.rule) == (dt.date(2017, 2, 16), "Thursday", "Brussels",
                                                              "chatham-house")
    assert m.organisers == ["Civil Society Dialogue Network"]
    assert m.guests == [{"name": "Ivan Šimonović",
                         "role": "the UN Secretary-General's Special Adviser on the Responsibility to Protect"}]
    assert "Responsibility to Protect" in m.subject and m.participants_text
    assert [i.title for i in detail.items if i.kind == "guiding-question"] == BRUSSELS_QUESTIONS
    discussion = next(i.title for i in detail.items if i.kind == "discussion")
    assert [n.kind for n in grouped[discussion]] == ["challenge", "reflection", "observation", "best-practice",
                                                     "reflection"]
    assert [len(grouped[q]) for q in BRUSSELS_QUESTIONS] == [2, 4, 4]
    assert {n.kind for q in BRUSSELS_QUESTIONS for n in grouped[q]} == {"recommendation"}
    (guest,) = detail.participants
    assert guest.name == "Ivan Šimonović" and guest.attributable


def test_new_york_breakfast(engine, demo):
    _, new_york = demo
    detail, grouped = notes_by_item(engine, new_york.id)
    m = detail.meeting
    assert (m.date, m.place, m.format, m.rule) == (dt.date(2017, 9, 7), "New York", "breakfast",
                                                   "not-for-attribution")
    assert m.organisers == ["Stanley Foundation", "International Coalition for the Responsibility to Protect",
                            "Friedrich-Ebert-Stiftung"]
    assert m.guests[0]["name"] == "Dr. Ivan Šimonović" and "Special Adviser" in m.guests[0]["role"]
    assert "Informal Interactive Dialogue" in m.preceded_by and "previous day" in m.preceded_by
    assert m.participants_text.startswith("15 civil society organisations")
    reflections = grouped["Reflections on the preceding dialogue"]
    united_nations = grouped["Recommendations for the United Nations"]
    mobilising = grouped["Recommendations for mobilising implementation"]
    assert [n.kind for n in reflections] == ["reflection"] * 2
    assert [n.kind for n in united_nations + mobilising] == ["recommendation"] * 8
    assert (len(united_nations), len(mobilising)) == (6, 2)
    assert {n.addressee for n in united_nations} == {"UN"}
    assert all(n.headline.endswith(".") and n.text for n in detail.notes)


def test_organiser_profiles_have_about_texts_and_web_addresses(engine, demo):
    profiles = {o.name: o for o in services.list_organisers(engine)}
    assert set(ORGANISERS) <= set(profiles)
    for name in ORGANISERS:
        assert len(profiles[name].about) > 100
        assert profiles[name].url.startswith("https://") or name == "Field Practice Network"  # an invented one
    assert profiles["Stanley Foundation"].date_format == "month-day"  # a US house


def test_loading_twice_creates_nothing_new_and_keeps_edited_profiles(engine, demo):
    services.save_organiser(engine, "Stanley Foundation", about="Our own rewrite.", url="https://example.org")
    counts = [(m.id, m.note_count, m.item_count) for m in services.list_meetings(engine)]
    participants = {m.id: len(services.list_participants(engine, m.id)) for m in demo}
    again = load_demo(engine)
    assert [m.id for m in again] == [m.id for m in demo]
    assert [(m.id, m.note_count, m.item_count) for m in services.list_meetings(engine)] == counts
    assert {m.id: len(services.list_participants(engine, m.id)) for m in again} == participants
    stanley = next(o for o in services.list_organisers(engine) if o.name == "Stanley Foundation")
    assert (stanley.about, stanley.url) == ("Our own rewrite.", "https://example.org")


@pytest.mark.parametrize(("which", "style"), [(0, "report"), (1, "memo")])
def test_demo_exports_pass_the_attribution_audit(engine, demo, tmp_path, which, style):
    path = export_meeting(engine, demo[which].id, style, "docx", tmp_path / f"{style}.docx")
    assert path.stat().st_size > 10_000


#: Names and official titles, which the demo may share with the seeds word for word.
NAMES = [
    "International Coalition for the Responsibility to Protect",
    "Special Adviser to the Secretary-General on the Responsibility to Protect",
    "Secretary-General's Special Adviser on the Responsibility to Protect",
    "Informal Interactive Dialogue on the Responsibility to Protect", "Civil Society Dialogue Network",
    "European Peacebuilding Liaison Office", "European Commission", "European External Action Service",
    "Friedrich-Ebert-Stiftung", "Responsibility to Protect", "European Consensus on Development",
    "Joint Office of the Special Advisers",
    *BRUSSELS_QUESTIONS, "How to mainstream RtoP in practice?",
]


def words(text: str) -> list[str]:
    for name in sorted(NAMES, key=len, reverse=True):
        text = re.sub(re.escape(name), " NAME ", text, flags=re.IGNORECASE)
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents live outside the repository")
def test_demo_texts_are_in_the_projects_own_words(engine, demo):
    """The demo meetings' texts, and every document drafted from them, share no run of seven words with the
    seeds (names and titles aside)."""
    from exports import build_document, render_markdown
    from facilitator.services.demo import load_demos

    seeds = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    written = []
    for style, meeting in load_demos(engine).items():
        detail = services.get_detail(engine, meeting.id)
        written += [detail.meeting.subject, detail.meeting.topic, detail.meeting.participants_text,
                    detail.meeting.preceded_by]
        written += [f"{n.headline} {n.text}" for n in detail.notes]
        written.append(render_markdown(build_document(detail, style)))
    written += [o.about for o in services.list_organisers(engine)]
    shared = {" ".join(s) for text in written for s in shingles(text) & seeds}
    assert not shared
