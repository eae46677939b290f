"""A policy memo (the shape of seed 001) rebuilt through the command line as
live capture would give it — capture-grammar lines, no headlines for most
reflections, procedural remarks and actions among them — exported in every
format and read back."""

from __future__ import annotations

import re

import pytest

from .documents_cli import Cli, export_all, flat, in_order, lint_all

ORGANISERS = ["Stanley Foundation", "the International Coalition for the Responsibility to Protect",
              "Friedrich-Ebert-Stiftung"]


@pytest.fixture
def cli(db_path, tmp_path):
    return Cli(db_path, tmp_path)


def breakfast(cli: Cli) -> str:
    meeting = cli.out("new", "breakfast", "--title", "UN–civil society cooperation on prevention", "--date",
                      "2017-09-07", "--place", "New York")
    cli("edit", meeting, *[a for o in ORGANISERS for a in ("--organiser", o)],
        *[a for o in ORGANISERS for a in ("--role", f"{o}=co-organised")],
        "--subject", "Reflections and recommendations on UN–civil society cooperation",
        "--topic", "how the UN and civil society can strengthen accountability and prevention",
        "--guest", "Ivan Šimonović, UN Special Adviser on the Responsibility to Protect",
        "--participants-text", "15 civil society organisations from all continents",
        "--preceded-by", "the General Assembly's informal interactive dialogue on RtoP",
        "--theme", "Engagement", "--theme", "Positions", "--grouping", "addressee")
    cli("organiser", "Stanley Foundation", "--date-format", "month-day", "--about",
        "The Stanley Foundation works for multilateral solutions to problems of peace and security.")
    cli("organiser", "Friedrich-Ebert-Stiftung", "--about", "The oldest political foundation in Germany.")
    cli("agenda", "heading", meeting, "reflections", "Reflections on the dialogue")
    cli("agenda", "clock", meeting, 2)
    cli("note", meeting, "Participants were reminded that the meeting is held not for attribution")
    cli("agenda", "clock", meeting, 4)
    for line in ("Civil society spoke mid-programme this year +Engagement",
                 "The Special Adviser's office held open panels in two cities +Engagement",
                 "Positions are hardening :: Some states moved towards RtoP while others dug in +Positions",
                 '"Sovereignty is used as a shield"'):
        cli("note", meeting, line)
    cli("agenda", "clock", meeting, 5)
    cli("note", meeting, "rec: Use the joint office for coherent early warning :: It can lead on messaging and "
                         "strategy across the system >UN !")
    cli("note", meeting, "rec: Include RtoP in the Universal Periodic Review >UN", "--addressee", "Member States")
    cli("note", meeting, "rec: Report to the Peacebuilding Commission every year >\"Peacebuilding Commission\"")
    cli("note", meeting, "rec: Keep RtoP on the formal agenda", "--addressee", "General Assembly",
        "--footnote", "The General Assembly voted to do so on 15 September 2017.")
    cli("note", meeting, "rec: Strengthen international law")
    cli("agenda", "clock", meeting, 7)
    cli("note", meeting, "Hold the next breakfast after the 2018 dialogue")  # the closing item's default: action
    return meeting


def test_memo_rebuilt_from_live_capture(cli):
    meeting = breakfast(cli)
    exports = export_all(cli, meeting)  # the breakfast template's style: the memo
    assert "left out: 1 procedural observation(s)" in exports.stderr
    parts = ["Reflections on the dialogue", "Recommendations for the United Nations",
             "Recommendations for the Peacebuilding Commission",
             "Recommendations for the General Assembly", "Further recommendations", "Next steps"]
    abouts = ["About the Stanley Foundation", "About the Friedrich-Ebert-Stiftung"]
    for fmt in ("md", "docx", "html"):
        notes = [(1, "Notes")] if fmt == "html" else []  # HTML lists its footnotes at the end
        assert exports.headings(fmt) == [(1, p) for p in parts] + [(2, a) for a in abouts] + notes, fmt
    assert "<title>UN–civil society cooperation on prevention</title>" in exports.files["html"].decode()

    outline = exports.paragraphs()
    assert outline[:2] == [("p", "Policy Memo"), ("h1", "UN–civil society cooperation on prevention")]
    assert outline[2][1].startswith("DATE: September 7, 2017")  # a US house writes month-day
    assert outline[2][1].endswith("SUBJECT: Reflections and recommendations on UN–civil society cooperation")
    lead = outline[3][1]
    assert re.fullmatch(
        r"The Stanley Foundation, the International Coalition for the Responsibility to Protect and the "
        r"Friedrich-Ebert-Stiftung co-organised a breakfast meeting in New York on September 7, 2017, at which 15 "
        r"civil society organisations from all continents met Ivan Šimonović, UN Special Adviser on the "
        r"Responsibility to Protect\. In an informal setting, not for attribution, participants put forward "
        r"recommendations after discussing how the UN and civil society can strengthen accountability and "
        r"prevention\. The meeting followed the General Assembly's informal interactive dialogue on RtoP, which "
        r"informed the discussion\. This memo sets out .+\.", lead), lead
    reflections = outline[outline.index(("h2", "Reflections on the dialogue")) + 1:
                          outline.index(("h2", "Recommendations for the United Nations"))]
    assert reflections == [
        ("p", "Civil society spoke mid-programme this year. The Special Adviser's office held open panels in two "
              "cities."),  # one theme, one paragraph: not a bold line per note
        ("p", "Positions are hardening."), ("p", "Some states moved towards RtoP while others dug in."),
        ("p", "“Sovereignty is used as a shield.”"),  # a quote keeps its quotation marks
    ]
    assert "reminded" not in exports.text("md")  # the procedural remark is left out
    un = outline[outline.index(("h2", "Recommendations for the United Nations")) + 1:][:4]
    assert un == [("p", "Use the joint office for coherent early warning."),
                  ("p", "It can lead on messaging and strategy across the system."),
                  ("p", "Include RtoP in the Universal Periodic Review."),
                  ("p", "Addressed to Member States.")]  # a second addressee, printed
    steps = outline[outline.index(("h2", "Next steps")) + 1]
    assert steps == ("li", "Hold the next breakfast after the 2018 dialogue.")
    md = exports.files["md"].decode()
    assert "Keep RtoP on the formal agenda.**[^1]" in md and "[^1]: The General Assembly voted" in md
    from docx.oxml.ns import qn

    assert qn("w:footnoteReference") in _docx_xml(exports.files["docx"])
    assert in_order(flat(exports.text("pdf")), "DATE: SEPTEMBER 7, 2017".title()[:0], "Reflections on the dialogue",
                    "Recommendations for the United Nations", "Next steps", "neither reviewed nor approved",
                    "About the Stanley Foundation")
    assert lint_all(cli, meeting, exports, "memo") == []


def _docx_xml(data: bytes) -> str:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode().replace(
        "w:footnoteReference", "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}footnoteReference")


def test_memo_grouped_by_agenda_item_prints_every_addressee_the_part_does_not_name(cli):
    meeting = breakfast(cli)
    cli("edit", meeting, "--grouping", "item", "--kicker", "Dialogue brief", "--series", "RtoP breakfasts")
    outline = export_all(cli, meeting).paragraphs()
    assert outline[0] == ("p", "Dialogue brief")
    assert outline[2][1].endswith("SERIES: RtoP breakfasts")
    assert "This brief sets out" in outline[3][1]  # the document names itself as its kicker does
    part = outline.index(("h2", "Recommendations for the United Nations"))
    assert outline[part + 1:part + 5] == [
        ("p", "Use the joint office for coherent early warning."),
        ("p", "It can lead on messaging and strategy across the system."),
        ("p", "Include RtoP in the Universal Periodic Review."),
        ("p", "Addressed to Member States."),  # the part names the UN; Member States it does not
    ]
    assert ("p", "Addressed to the General Assembly.") in outline
    assert not any("Addressed to the Peacebuilding Commission" in t for _, t in outline)  # its text names it


def test_a_multi_paragraph_lead_and_disclaimer_stay_paragraphs_in_every_format(cli):
    meeting = breakfast(cli)
    cli("edit", meeting, "--lead", "First paragraph.\\nSecond paragraph.", "--disclaimer",
        "Not reviewed by participants.\\nNot the organisers' views.")
    exports = export_all(cli, meeting)
    body = [t for k, t in exports.paragraphs() if k == "p"]
    assert "First paragraph." in body and "Second paragraph." in body
    assert "Not reviewed by participants." in body and "Not the organisers' views." in body
    from .exporting_helpers import docx_paragraphs

    texts = [t for _, t, _ in docx_paragraphs(exports.files["docx"])]
    assert "First paragraph." in texts and "Second paragraph." in texts
    assert not any("\n" in t for t in texts)
