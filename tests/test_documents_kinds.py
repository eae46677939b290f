"""Three more kinds of outcome document, rebuilt through the command line and
read back in every format with their sections in order: a network's
policy-meeting report with participants counted by category; a
not-for-attribution policy dialogue brief with a chair and a rapporteur; and
a three-day Chatham House workshop report with plenaries, working groups and
a numbered table of contents."""

from __future__ import annotations

import re

import pytest

from .documents_cli import Cli, export_all, flat, in_order, lint_all


@pytest.fixture
def cli(db_path, tmp_path):
    return Cli(db_path, tmp_path)


def test_policy_meeting_report_counts_participants_by_category_and_keeps_its_framing(cli, tmp_path):
    meeting = cli.out("new", "roundtable", "--title", "Prevention in EU external action", "--date", "2019-05-14",
                      "--end-date", "2019-05-15", "--place", "Brussels")
    people = tmp_path / "people.csv"
    people.write_text("name,organisation,category\n" + "".join(
        f"Expert {n},Network member {n},civil-society\n" for n in range(18)) + "".join(
        f"Official {n},European Commission,other\n" for n in range(10)), encoding="utf-8")
    cli("participants", "import", meeting, people)
    cli("edit", meeting, "--kicker", "Policy meeting report", "--organiser", "Civil Society Dialogue Network",
        "--topic", "conflict prevention in the EU's external action",
        "--count-as", "civil-society=civil society expert|civil society experts",
        "--count-as", "other=EU official|EU officials",
        "--consensus", "The meeting did not seek consensus, and this report does not claim one",
        "--summary", "Participants agreed that prevention needs money and attention early.",
        "--attachment", "The full agenda", "--attachment", "the list of background papers",
        "--about", "About the meeting series=The network holds such meetings four times a year.")
    cli("agenda", "intro", meeting, "recommendations",
        "The recommendations below were put forward by the civil society participants, not by the officials "
        "present.")
    cli("note", meeting, "Prevention needs a budget line of its own", "--item", 3)
    cli("note", meeting, "Fund regional early-warning networks :: One-year grants leave them short", "--item", 5,
        "--kind", "rec")
    cli("note", meeting, "Meet again after the summer", "--item", 8)
    exports = export_all(cli, meeting)
    tree = [(1, "Summary"), (1, "Key reflections"), (1, "Key recommendations"), (2, "How can the two institutions "
            "learn from each other?"), (1, "Next steps"), (1, "Attachments")]
    for fmt in ("md", "docx", "html"):
        assert exports.headings(fmt) == tree, fmt
    outline = exports.paragraphs()
    assert outline[0] == ("p", "Policy meeting report")  # the network's own document type
    lead, framing = outline[2][1], outline[3][1]
    assert lead.startswith("The Civil Society Dialogue Network convened a two-day roundtable in Brussels on "
                           "14–15 May 2019 to discuss conflict prevention in the EU's external action.")
    assert framing == ("Twenty-eight participants took part: 18 civil society experts and ten EU officials. The "
                       "meeting was held under the Chatham House rule. The "
                       "meeting did not seek consensus, and this report does not claim one.")
    assert "European Commission" not in exports.text("md")  # counted, never named
    recommendations = outline[outline.index(("h2", "Key recommendations")) + 1:]
    assert recommendations[0] == ("p", "The recommendations below were put forward by the civil society "
                                       "participants, not by the officials present.")
    assert ("li", "Fund regional early-warning networks. One-year grants leave them short.") in recommendations
    assert "Fund regional early-warning networks. One-year grants" in flat(exports.text("pdf"))  # plain readers
    assert ("li", "Meet again after the summer.") in outline  # the action is no longer dropped
    assert ("li", "The full agenda.") in outline and ("li", "The list of background papers.") in outline
    assert outline[-2:] == [("p", "About the meeting series"),
                            ("p", "The network holds such meetings four times a year.")]
    assert lint_all(cli, meeting, exports, "report") == []


def test_policy_dialogue_brief_with_a_chair_and_a_rapporteur(cli):
    meeting = cli.out("new", "breakfast", "--title", "Financing prevention", "--date", "2018-03-20", "--place",
                      "Berlin")
    cli("edit", meeting, "--kicker", "Dialogue brief", "--format-noun", "policy dialogue",
        "--organiser", "Friedrich-Ebert-Stiftung", "--organiser", "Oxfam", "--role", "Oxfam=supported",
        "--chair", "Anna Berg, director of the foundation's peace programme",
        "--rapporteur", "Tom Lee", "--participants-text", "officials and researchers from nine countries",
        "--topic", "how prevention can be paid for", "--masthead", "yes", "--series", "Berlin dialogues")
    cli("organiser", "Friedrich-Ebert-Stiftung", "--about", "The oldest political foundation in Germany.",
        "--short", "FES")
    cli("edit", meeting, "--footnote", "lead=The rapporteur's notes are kept by the foundation.")
    cli("note", meeting, "r: Money follows crises, not their prevention", "--item", 4)
    cli("note", meeting, "rec: Ring-fence a share of aid for prevention", "--item", 5, "--key")
    cli("note", meeting, "rec: Report on prevention spending every year", "--item", 5)
    cli("note", meeting, "The chair will send the brief to participants", "--item", 7)
    exports = export_all(cli, meeting)
    tree = [(1, "Reflections"), (1, "Recommendations for the United Nations"), (1, "Next steps"),
            (2, "About the Friedrich-Ebert-Stiftung")]
    for fmt in ("md", "docx", "html"):
        assert exports.headings(fmt) == tree + ([(1, "Notes")] if fmt == "html" else []), fmt
    outline = exports.paragraphs()
    assert outline[0] == ("p", "Dialogue brief") and outline[1] == ("h1", "Financing prevention")
    header = outline[2][1]
    for line in ("DATE: 20 March 2018", "PLACE: Berlin", "SUBJECT: Financing prevention",
                 "ORGANISERS: The Friedrich-Ebert-Stiftung", "WITH THE SUPPORT OF: Oxfam", "SERIES: Berlin dialogues"):
        assert line in header, line
    lead = outline[3][1]
    assert re.fullmatch(
        r"The Friedrich-Ebert-Stiftung \(FES\) hosted a policy dialogue in Berlin on 20 March 2018 for officials "
        r"and researchers from nine countries\. It was held with the support of Oxfam\. Anna Berg, director of the "
        r"foundation's peace programme, chaired the meeting\. Tom Lee was the rapporteur\. In an informal "
        r"setting, not for attribution, participants put forward recommendations after discussing how prevention "
        r"can be paid for\. This brief sets out .+\.\[\^1\]", lead), lead  # a chair is no guest of honour
    assert ("p", "[^1]: The rapporteur's notes are kept by the foundation.") in outline  # a footnote on the lead
    disclaimer = next(t for k, t in outline if k == "p" and t.startswith("This brief summarises"))
    assert "neither reviewed nor approved" in disclaimer
    assert lint_all(cli, meeting, exports, "memo") == []


def test_three_day_workshop_report_with_plenaries_working_groups_and_numbered_contents(cli):
    meeting = cli.out("new", "workshop", "--title", "Atrocity prevention in practice", "--date", "2019-10-01",
                      "--place", "Wilton Park")
    cli("edit", meeting, "--end-date", "2019-10-03", "--kicker", "Summary report", "--format-noun", "conference",
        "--organiser", "Global Centre for Field Practice", "--numbered", "yes", "--contents", "yes",
        "--about", "About the conference=The conference is held every year under the Chatham House rule.")
    for old, new in zip("ABC", ("Working Group 1: strategic level", "Working Group 2: operational level",
                                "Working Group 3: tactical level"), strict=True):
        cli("agenda", "group-rename", meeting, f"Group {old}", new)
    cli("agenda", "rename", meeting, 3, "Plenary 1: the state of prevention")
    cli("note", meeting, "o: The plenary heard that early warning is rarely the problem !", "--item", 3)
    cli("note", meeting, "ch: Analysis waits behind reporting", "--item", 5, "--group", "Working Group 1")
    cli("note", meeting, "ch: Staff rotate too fast", "--item", 5, "--group", "Working Group 2")
    cli("note", meeting, "ch: Nobody owns the warning", "--item", 5, "--group", "Working Group 3")
    cli("note", meeting, "Interviews with three missions followed the conference", "--item", 9)
    exports = export_all(cli, meeting)
    tree = [(1, "1 Introduction"), (1, "2 Plenary 1: the state of prevention"),
            (1, "3 Working Group 1: strategic level"), (1, "4 Working Group 2: operational level"),
            (1, "5 Working Group 3: tactical level"), (1, "6 Next steps"), (2, "About the conference")]
    for fmt in ("md", "docx", "html"):
        notes = [(1, "Notes")] if fmt == "html" else []  # HTML lists its footnotes at the end
        assert exports.headings(fmt) == tree + notes, fmt  # plenary content where the agenda has it
    outline = exports.paragraphs()
    assert outline[0] == ("p", "Summary report")
    assert outline[2][0] == "p" and outline[2][1] == "Contents"
    intro = outline[outline.index(("h2", "1 Introduction")) + 1][1]
    assert intro.startswith("The Global Centre for Field Practice hosted a three-day conference in Wilton Park "
                            "on 1–3 October 2019.")  # the rapporteur's noun for it, and every day of it
    groups = next(t for k, t in outline if k == "p" and "breakout groups" in t)
    assert groups == "Participants then split into three breakout groups, whose discussions are summarised below."
    plenary = outline[outline.index(("h2", "2 Plenary 1: the state of prevention")) + 1]
    assert plenary == ("p", "The plenary heard that early warning is rarely the problem.")  # not "Other challenges"
    assert ("li", "Interviews with three missions followed the conference.") in outline
    from .exporting_helpers import docx_paragraphs

    paragraphs = docx_paragraphs(exports.files["docx"])
    assert ("TOC Heading", "Contents", False) in paragraphs  # Word's own table of contents field
    pdf = flat(exports.text("pdf"))
    assert in_order(pdf, "Contents", "1 Introduction", "2 Plenary 1", "1 Introduction", "2 Plenary 1",
                    "3 Working Group 1")
    assert lint_all(cli, meeting, exports, "workshop") == []
