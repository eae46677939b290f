"""Every house style in every format, from realistic fixture meetings, read
back with real readers; section order, grouping and key content per style."""

import pytest

from facilitator.services.demo import load_demo
from facilitator.services.exporting import export_meeting

from .exporting_helpers import docx_paragraphs, html_text, markdown_outline, pdf_text, text_of
from .fixtures_meetings import dialogue_meeting, workshop_meeting

EXPECTED = {
    "report": ["Key reflections", "Key recommendations", "How can the EU and the UN learn from each other?",
               "How can RtoP be mainstreamed in practice?", "What role for local actors and civil society?",
               "Next steps"],
    "memo": ["Reflections on the annual dialogue", "Recommendations for the United Nations",
             "Recommendations for mobilising implementation", "About the Stanley Foundation",
             "About the International Coalition", "About the Friedrich-Ebert-Stiftung"],
    "workshop": ["Introduction", "Group A: large field presence", "Group B: small field presence",
                 "Group C: no field presence", "Common challenges", "Information", "Leadership", "Politics",
                 "Recommendations"],
    "dialogue": ["Introduction", "Opening remarks and panel", "Interactive dialogue", "Accountability", "Prevention",
                 "Concerns and dissenting views", "Civil society statements", "Closing remarks",
                 "Annex: interventions in speaking order", "Panellists", "Regional organisations", "Member States",
                 "Civil society organisations"],
    "update": ["What happened", "Outlook"],
}
CONTENT = {
    "report": ["Thursday 16 February 2017", "due diligence policy"],
    "memo": ["DATE", "September 7, 2017", "Apply a gender lens to every effort on RtoP.",
             "neither reviewed nor approved"],
    "workshop": ["Workshop outcome", "March 2024", "Amara Okafor", "three breakout groups", "Chatham House rule",
                 "Weekly risk huddles work in small-presence settings.", "Addressed to the United Nations."],
    "dialogue": ["Two Member States and one civil society organisation spoke about accountability; their "
                 "statements represented at least 52 states.", "Ivan Šimonović said: “Prevention starts with accountability.”",
                 "Ghana, on behalf of the Group of Friends of RtoP, called for national focal points.",
                 "Ghana, on behalf of the Group of Friends of RtoP (52 states) — English", "Côte d'Ivoire — French"],
    "update": ["Participants came back to five points in particular", "Participants put forward ten recommendations"],
}


@pytest.fixture
def meetings(engine, tmp_path):
    brussels, new_york = load_demo(engine)
    return {"report": brussels, "memo": new_york, "update": brussels,
            "workshop": workshop_meeting(engine), "dialogue": dialogue_meeting(engine, tmp_path)}


def headings(fmt: str, data: bytes) -> list[str]:
    if fmt == "md":
        return [t for k, t in markdown_outline(data.decode()) if k in ("h2", "h3", "h4")]
    if fmt == "docx":
        return [t for s, t, _ in docx_paragraphs(data) if s.startswith("Heading")]
    if fmt == "html":
        return [t for tag, t in html_text(data)[1] if tag in ("h2", "h3", "h4")]
    text = pdf_text(data)
    return [line.strip() for line in text.splitlines()]


def in_order(found: list[str], expected: list[str]) -> bool:
    position = 0
    for want in expected:
        while position < len(found) and not found[position].startswith(want):
            position += 1
        if position == len(found):
            return False
        position += 1
    return True


@pytest.mark.parametrize("fmt", ["md", "docx", "html", "pdf"])
@pytest.mark.parametrize("style", ["report", "memo", "workshop", "dialogue", "update"])
def test_style_in_format(engine, meetings, tmp_path, style, fmt):
    path = export_meeting(engine, meetings[style].id, style, fmt, tmp_path / f"{style}.{fmt}")
    data = path.read_bytes()
    assert in_order(headings(fmt, data), EXPECTED[style]), headings(fmt, data)
    text = " ".join(text_of(fmt, data).split()).casefold()  # the PDF sets its kicker in capitals
    for snippet in CONTENT[style]:
        assert snippet.casefold() in text, snippet
