"""A two-day workshop outcome rebuilt through the command line — working
groups renamed, notes taken where the clock stood, a keynote, plenaries
between the groups — exported in every format and read back; and the
breakout-group checks that keep notes from vanishing."""

from __future__ import annotations

import pytest

from .documents_cli import Cli, export_all, flat, in_order, lint_all

GROUPS = ["Working Group 1: strategic level", "Working Group 2: operational level",
          "Working Group 3: tactical level"]
KEYNOTE = ["Early warning fails when nobody's job is to act on it.",
           "Field presences see the signs first and are asked last."]


@pytest.fixture
def cli(db_path, tmp_path):
    return Cli(db_path, tmp_path)


def workshop(cli: Cli) -> str:
    meeting = cli.out("new", "workshop", "--title", "What field presences know", "--date", "2024-03-05",
                      "--place", "Geneva")
    cli("edit", meeting, "--organiser", "Global Centre for Field Practice", "--organiser", "Oxfam",
        "--role", "Oxfam=supported", "--topic", "how field presences detect early signs of atrocity risk",
        "--participants-text", "UN headquarters, field offices and regional organisations",
        "--keynote", "Amara Okafor, head of the field unit of the Office of the Special Adviser",
        "--theme", "Information", "--theme", "Leadership", "--theme", "Politics")
    cli("organiser", "Global Centre for Field Practice", "--about", "The Global Centre brings field practice "
        "into policy.")
    for old, new in zip("ABC", GROUPS, strict=True):
        cli("agenda", "group-rename", meeting, f"Group {old}", new)
    cli("agenda", "intro", meeting, "group:Working Group 1", "The group brought together heads of mission.")
    cli("agenda", "clock", meeting, 2)
    for text in KEYNOTE:
        cli("note", meeting, text)
    cli("agenda", "clock", meeting, 3)
    cli("note", meeting, "Field information rarely reaches those who decide +Information")
    cli("note", meeting, "Reports written for everyone alert no one +Information")
    cli("note", meeting, "Senior managers avoid naming risks +Leadership", "--footnote",
        "A point made in all three groups.")
    cli("note", meeting, "Host governments read warnings as accusations +Politics")
    cli("agenda", "clock", meeting, 5)
    for n, level in enumerate(("strategic", "operational", "tactical"), start=1):
        cli("note", meeting, f"ch: Analysis at the {level} level waits behind reporting", "--group",
            f"Working Group {n}")
        cli("note", meeting, f"bp: A weekly risk meeting helps at the {level} level", "--group", f"WORKING GROUP {n}")
    cli("agenda", "clock", meeting, 6)
    cli("note", meeting, "The groups' reports converged on the need for analysts")
    cli("agenda", "clock", meeting, 7)
    for n, level in enumerate(("strategic", "operational", "tactical"), start=1):
        cli("note", meeting, f"Give the {level} level a risk analyst >UN", "--group", f"Working Group {n}")
    cli("agenda", "clock", meeting, 8)
    cli("note", meeting, "Make risk analysis part of every country strategy")
    cli("note", meeting, "Share assessments with regional organisations >rb")
    cli("agenda", "clock", meeting, 9)
    cli("note", meeting, "Circulate the summary to participants")
    return meeting


def test_workshop_outcome_rebuilt_through_the_cli(cli):
    meeting = workshop(cli)
    exports = export_all(cli, meeting)  # the workshop template's style
    tree = [(1, "Introduction"), *[(1, g) for g in GROUPS], (1, "Breakout reports to plenary"),
            (1, "Common challenges"), (2, "Information"), (2, "Leadership"), (2, "Politics"),
            (1, "Recommendations"), (1, "Next steps"), (2, "About the Global Centre for Field Practice")]
    for fmt in ("md", "docx"):
        assert exports.headings(fmt) == tree, fmt
    assert exports.headings("html") == tree + [(1, "Notes")]
    assert in_order(flat(exports.text("pdf")), "Introduction", *GROUPS, "Common challenges", "Recommendations")

    outline = exports.paragraphs()
    assert outline[0] == ("p", "Workshop outcome | March 2024")
    intro = [t for k, t in outline[outline.index(("h2", "Introduction")) + 1:
                                   outline.index(("h2", GROUPS[0]))]]
    assert intro[0] == ("The Global Centre for Field Practice hosted a two-day workshop in Geneva on 5–6 March 2024 "
                        "on how field presences detect early signs of atrocity risk. It was held with the support "
                        "of Oxfam. Participants came from UN headquarters, field offices and regional "
                        "organisations.")
    assert intro[1] == ("Amara Okafor, head of the field unit of the Office of the Special Adviser, gave the "
                        "keynote address. The address argued that early warning fails when nobody's job is to act "
                        "on it. " + KEYNOTE[1])
    assert intro[2] == "Participants then split into three breakout groups, whose discussions are summarised below."
    assert intro[3].startswith("The workshop was held under the Chatham House rule[^1]. This summary")
    text = exports.text("md")
    assert text.count("early warning fails when") == 1 and text.count(KEYNOTE[1]) == 1  # the keynote, once

    first = outline[outline.index(("h2", GROUPS[0])) + 1:outline.index(("h2", GROUPS[1]))]
    assert first == [("p", "The group brought together heads of mission."),
                     ("p", "Challenges. Analysis at the strategic level waits behind reporting."),
                     ("p", "Best practices. A weekly risk meeting helps at the strategic level."),
                     ("p", "Recommendations. Give the strategic level a risk analyst. Addressed to the United "
                           "Nations.")]  # prose, not bullets
    final = outline[outline.index(("h2", "Recommendations")) + 1:outline.index(("h2", "Next steps"))]
    assert final == [("li", "Make risk analysis part of every country strategy."),
                     ("li", "Share assessments with regional organisations. Addressed to regional bodies.")]
    information = outline[outline.index(("h3", "Information")) + 1]
    assert information == ("p", "Field information rarely reaches those who decide. Reports written for everyone "
                                "alert no one.")
    assert "A point made in all three groups." in flat(exports.text("pdf"))
    from exports.readback import read_docx

    assert dict(read_docx(exports.files["docx"]))["footnotes"].splitlines()[1] == "A point made in all three groups."
    assert lint_all(cli, meeting, exports, "workshop") == []


def test_a_note_for_a_group_that_does_not_exist_is_refused_with_the_list(cli):
    meeting = workshop(cli)
    cli("agenda", "clock", meeting, 5)
    wrong = cli("note", meeting, "Lost?", "--group", "Working Group 4", ok=False)
    assert wrong.exit_code == 2
    assert wrong.stderr.strip() == (f"facilitator: No breakout group 'Working Group 4' in 'Breakout session I: "
                                    f"challenges and best practices'; its groups are: {', '.join(GROUPS)}.")
    elsewhere = cli("note", meeting, "Lost?", "--group", "Working Group 1", "--item", 3, ok=False)
    assert elsewhere.exit_code == 2 and "meets under item 5" in elsewhere.stderr
    nowhere = cli("note", "--help")
    assert "--group" in nowhere.stdout
    assert "Lost?" not in cli.out("show", meeting)  # nothing stored
