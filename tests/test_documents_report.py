"""A network meeting report (the shape of seed 000) and a newsletter update,
rebuilt through the command line from a roundtable, exported in every format
and read back: heading tree, section order, the opening paragraph's
sentences, reflections joined into paragraphs, recommendations under their
guiding questions, the closing box, and the prose linter."""

from __future__ import annotations

import re

import pytest

from .documents_cli import FORMATS, Cli, export_all, flat, in_order, lint_all

QUESTIONS = ["How can the EU and the UN learn from each other?", "How can RtoP be mainstreamed in practice?",
             "What role for local actors and civil society?"]


@pytest.fixture
def cli(db_path, tmp_path):
    return Cli(db_path, tmp_path)


def roundtable(cli: Cli) -> str:
    meeting = cli.out("new", "roundtable", "--title", "Civil society, RtoP and conflict prevention", "--date",
                      "2017-02-16", "--place", "Brussels")
    for number, question in zip((5, 6, 7), QUESTIONS, strict=True):
        cli("agenda", "rename", meeting, number, question)
    cli("edit", meeting, "--organiser", "the Civil Society Dialogue Network", "--role",
        "Civil Society Dialogue Network=convened", "--topic",
        "how civil society reads the Responsibility to Protect (RtoP) and conflict prevention",
        "--guest", "Ivan Šimonović, the UN Secretary-General's Special Adviser on RtoP",
        "--participants-text", "EU policy-makers and civil society experts in peacebuilding",
        "--theme", "Implementation", "--theme", "Accountability")
    cli("organiser", "Civil Society Dialogue Network", "--about",
        "The Civil Society Dialogue Network links civil society with EU policy-makers on peace and conflict.",
        "--url", "https://eplo.org")
    cli("agenda", "clock", meeting, 3)  # the open discussion: notes without --item go there
    for line in ("r: Agreeing on RtoP in principle is easy; applying it is hard +Implementation",
                 "Mainstreaming lags behind the consensus +Implementation",
                 "ch: Accountability links the principle to its practice +Accountability",
                 "bp: The EEAS named its first regional contact point for RtoP"):
        cli("note", meeting, line)
    cli("note", meeting, "o: One participant noted that the draft European Consensus on Development mentions RtoP")
    cli("note", meeting, "The UN should share due-diligence findings with the EU >EU", "--item", 5)
    cli("note", meeting, "rec: Pool early-warning findings between the two institutions", "--item", 5)
    cli("note", meeting, "rec: Build tools for every phase of conflict >UN", "--item", 6, "--addressee", "EU")
    cli("note", meeting, "Fund community-led early warning", "--item", 7, "--key")
    cli("note", meeting, "Civil society should feed into the Special Adviser's panels >cs", "--item", 7)
    cli("note", meeting, "a: Circulate the report to participants", "--item", 8)
    return meeting


def test_report_rebuilt_through_the_cli_has_the_shape_of_seed_000(cli):
    meeting = roundtable(cli)
    exports = export_all(cli, meeting)  # the roundtable template's style: the report
    tree = [(1, "Key reflections"), (1, "Key recommendations"), *[(2, q) for q in QUESTIONS], (1, "Next steps")]
    for fmt in ("md", "docx", "html"):
        assert exports.headings(fmt) == tree, fmt
    assert in_order(flat(exports.text("pdf")), "Key reflections", "Key recommendations", *QUESTIONS, "Next steps",
                    "The Civil Society Dialogue Network")

    outline = exports.paragraphs()
    opening = next(t for k, t in outline if k == "p" and "Brussels" in t)
    assert re.fullmatch(
        r"The Civil Society Dialogue Network convened a roundtable in Brussels on Thursday 16 February 2017 to "
        r"discuss how civil society reads the Responsibility to Protect \(RtoP\) and conflict prevention\. It "
        r"brought together Ivan Šimonović, the UN Secretary-General's Special Adviser on RtoP, with EU "
        r"policy-makers and civil society experts in peacebuilding\. The meeting was held under the Chatham "
        r"House rule\.", opening), opening  # the on-the-record keynote item holds no note: no "save for …"

    reflections = outline[outline.index(("h2", "Key reflections")) + 2:outline.index(("h2", "Key recommendations"))]
    # Two notes on one theme make one bullet; each ends with a full stop; nothing is left unpunctuated.
    assert reflections[0] == ("li", "Agreeing on RtoP in principle is easy; applying it is hard. Mainstreaming "
                                    "lags behind the consensus.")
    assert [k for k, _ in reflections] == ["li"] * 4
    assert reflections[3][1].startswith("One participant noted that the draft European Consensus")

    under = outline[outline.index(("h3", QUESTIONS[2])) + 1:outline.index(("h2", "Next steps"))]
    assert under[0] == ("li", "Fund community-led early warning.")  # the key point leads its question
    assert under[1] == ("li", "Civil society should feed into the Special Adviser's panels.")  # names its addressee
    second = outline[outline.index(("h3", QUESTIONS[1])) + 1]
    assert second == ("li", "Build tools for every phase of conflict. Addressed to the United Nations and the "
                            "European Union.")  # two addressees, neither named in the text
    assert outline[-2:] == [("p", "The Civil Society Dialogue Network"),
                            ("p", "The Civil Society Dialogue Network links civil society with EU policy-makers on "
                                  "peace and conflict. Online at https://eplo.org.")]
    assert lint_all(cli, meeting, exports, "report") == []


def test_report_keeps_date_place_and_rule_when_the_rapporteur_writes_the_lead(cli):
    meeting = roundtable(cli)
    cli("edit", meeting, "--lead", "Participants met to take stock of prevention.\\nA second paragraph follows.")
    outline = export_all(cli, meeting).paragraphs()
    body = [t for k, t in outline if k == "p"]
    assert body[1:4] == ["Participants met to take stock of prevention.", "A second paragraph follows.",
                         "The roundtable took place in Brussels on 16 February 2017 under the Chatham House rule."]


def test_update_rebuilt_through_the_cli(cli):
    meeting = roundtable(cli)
    cli("edit", meeting, "--byline", "By the rapporteur", "--kicker", "Network news", "--outlook",
        "The network will take these recommendations to the EU's spring meetings.")
    cli("agenda", "heading", meeting, "what-happened", "The roundtable")
    exports = export_all(cli, meeting, "update")
    tree = [(1, "The roundtable"), (1, "Outlook"), (2, "About the Civil Society Dialogue Network")]
    for fmt in ("md", "docx", "html"):
        assert exports.headings(fmt) == tree, fmt
    outline = exports.paragraphs()
    assert outline[0] == ("p", "Network news") and outline[2] == ("p", "By the rapporteur")
    points = next(t for k, t in outline if k == "p" and t.startswith("Participants came back to"))
    # Four points, written as sentences (one holds a semicolon): never "Participants made 18 points: 1) …".
    assert points.startswith("Participants came back to four points in particular. First, agreeing on RtoP")
    assert "Finally, one participant noted that" in points
    outlook = outline[outline.index(("h2", "Outlook")) + 1:]
    assert outlook[0] == ("p", "The network will take these recommendations to the EU's spring meetings.")
    assert outlook[1] == ("p", "Participants put forward five recommendations; among them:")
    assert [k for k, _ in outlook[2:5]] == ["li"] * 3
    assert ("p", "As next steps, participants noted the following:") in outlook
    assert lint_all(cli, meeting, exports, "update") == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_export_says_what_the_style_left_out(cli, fmt):
    meeting = roundtable(cli)
    cli("note", meeting, "o: Participants were reminded that the meeting is held under the Chatham House rule",
        "--item", 1)
    _, stderr = cli.export(meeting, fmt)
    assert "left out: 1 procedural observation(s) taken during an opening, break or closing" in stderr
