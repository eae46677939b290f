"""The prose linter (tests/prose_lint.py) over every export of every demo and
test meeting, in every house style and format; and the linter itself, shown
catching each fault it looks for."""

from __future__ import annotations

import pytest

from exports import FORMATS, STYLES, build_document, render
from exports.document import Document, Paragraph, Run
from facilitator import services
from facilitator.models import MeetingDetail, MeetingPublic, OrganiserPublic
from facilitator.services.demo import load_demos

from .fixtures_meetings import dialogue_meeting, workshop_meeting
from .prose_lint import Block, lint_blocks, lint_export, markdown_blocks


@pytest.fixture
def meetings(engine, tmp_path):
    demos = load_demos(engine)
    found = {m.id: m for m in demos.values()}
    for meeting in (workshop_meeting(engine), dialogue_meeting(engine, tmp_path)):
        found[meeting.id] = meeting
    return list(found.values())


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_export_of_every_demo_and_test_meeting_passes_the_linter(engine, meetings, fmt):
    problems = []
    for meeting in meetings:
        detail = services.get_detail(engine, meeting.id)
        for style in STYLES:
            document = build_document(detail, style)
            problems += [f"{meeting.title} / {style}: {p}"
                         for p in lint_export(fmt, render(document, fmt), detail, document)]
    assert not problems, "\n".join(problems)


def _detail(organisers: list[str]) -> MeetingDetail:
    import datetime as dt

    now = dt.datetime(2017, 9, 7, tzinfo=dt.UTC)
    meeting = MeetingPublic(id="m", title="T", date=dt.date(2017, 9, 7), organisers=organisers, created_at=now,
                            updated_at=now)
    return MeetingDetail(meeting=meeting, items=[], participants=[], notes=[],
                         organisers=[OrganiserPublic(id="", name=n) for n in organisers])


@pytest.mark.parametrize(("text", "rule"), [
    ("15 organisations met the Special Adviser.", "digit-start"),
    ("They met. 15 of them spoke.", "digit-start"),
    ("Participants thanked the The Stanley Foundation.", "the-the"),
    ("Stanley Foundation hosted the meeting.", "article"),
    ("About Stanley Foundation.", "article"),
    ("The meeting ended without a full stop", "punctuation"),
    ("It brought together the adviser and officials and experts.", "double-and"),
    ("Points: (1) a; (2) b; (3) c; (4) d; (5) e; (6) f; and (7) g.", "run-on"),
])
def test_the_linter_catches_each_fault(text, rule):
    from .prose_lint import organisations_with_article

    organisations = organisations_with_article(_detail(["Stanley Foundation", "Oxfam"]))
    assert organisations == ["Stanley Foundation"]
    found = {p.rule for p in lint_blocks([Block("paragraph", text)], organisations)}
    assert rule in found


def test_the_linter_passes_good_prose_and_reads_markdown_blocks():
    document = Document(title="T", kicker="Policy Memo").add(
        Paragraph([Run("The Stanley Foundation and Oxfam met on 7 September 2017.")]),
        Paragraph([Run("Fifteen organisations took part: (1) a; and (2) b.")]))
    data = render(document, "md")
    blocks = markdown_blocks(data)
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph", "paragraph"]
    assert lint_export("md", data, _detail(["Stanley Foundation"]), document) == []
