"""A dialogue summary rebuilt through the command line from a speakers list,
its groups of states and a presenter, exported in every format and read
back; the tallies in the text are checked against counts made here, from the
rows this test wrote."""

from __future__ import annotations

import pytest

from .documents_cli import Cli, export_all, flat, in_order, lint_all

#: name, category, on behalf of, language, themes, kind, text, example
ROWS = [
    ("Ivan Šimonović", "panelist", "", "English", [], "quote", "Prevention starts with accountability", False),
    ("Ghana", "member-state", "African Group", "English", ["Accountability", "Prevention"], "reflection",
     "Called for national focal points", True),
    ("European Union", "regional-organisation", "", "English", ["Prevention"], "reflection",
     "Stressed early warning", False),
    ("Côte d'Ivoire", "member-state", "", "French", ["Accountability"], "reflection",
     "Supported a formal agenda item", False),
    ("Group of Friends of RtoP", "member-state", "", "English", ["Accountability"], "reflection",
     "Asked for a standing agenda item", False),
    ("Brazil", "member-state", "", "Portuguese", ["Accountability"], "reflection",
     "Prevention needs resources as much as resolve", False),
    ("Venezuela", "member-state", "", "Spanish", [], "challenge",
     "Warned against interference in internal affairs", False),
    ("Global Centre for RtoP", "civil-society", "", "English", ["Accountability"], "reflection",
     "Asked for civil society access", False),
]
GROUPS = {"African Group": 54, "Group of Friends of RtoP": 50}
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@pytest.fixture
def cli(db_path, tmp_path):
    return Cli(db_path, tmp_path)


def dialogue(cli: Cli, tmp_path) -> str:
    meeting = cli.out("new", "dialogue", "--title", "Annual dialogue on RtoP", "--date", "2017-09-06", "--place",
                      "New York")
    cli("edit", meeting, "--organiser", "President of the General Assembly", "--role",
        "President of the General Assembly=convened", "--organiser", "Global Centre for RtoP", "--role",
        "Global Centre for RtoP=reported", "--topic", "the Secretary-General's report on accountability",
        "--theme", "Accountability", "--theme", "Prevention")
    cli("organiser", "President of the General Assembly", "--running", "the President of the General Assembly")
    csv = tmp_path / "speakers.csv"
    csv.write_text("name,category,on_behalf_of,members,language\n" + "".join(
        f"{name},{category},{behalf},,{language}\n" for name, category, behalf, language, *_ in ROWS),
        encoding="utf-8")
    cli("speakers", "import", meeting, csv)
    for group, count in GROUPS.items():
        cli("dialogue", "group", meeting, group, "--count", count)
    cli("dialogue", "presenter", meeting, 5, "Netherlands")  # the Group of Friends' statement, read by a member
    items = {"panelist": 2}
    for name, category, _, _, themes, kind, text, example in ROWS:
        line = f"{kind}: {text} " + " ".join(f"+{t}" for t in themes)
        args = ["note", meeting, line, "--speaker", name, "--item", items.get(category, 3)]
        cli(*args, *(["--example"] if example else []))
    cli("note", meeting, "The President closed the dialogue", "--item", 4)
    return meeting


def counted(rows) -> str:
    """ "two Member States and one civil society organisation", counted here from the rows."""
    by = {}
    for name, category, *_ in rows:
        if category == "member-state" and name in GROUPS:
            category = "group"
        by.setdefault(category, set()).add(name)
    nouns = {"member-state": ("Member State", "Member States"), "group": ("group of states", "groups of states"),
             "regional-organisation": ("regional organisation", "regional organisations"),
             "civil-society": ("civil society organisation", "civil society organisations")}
    parts = [f"{WORDS[len(by[c])]} {nouns[c][len(by[c]) > 1]}" for c in nouns if c in by]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def test_dialogue_summary_rebuilt_through_the_cli(cli, tmp_path):
    meeting = dialogue(cli, tmp_path)
    exports = export_all(cli, meeting)  # the dialogue template's style
    tree = [(1, "Introduction"), (1, "Opening remarks and panel"), (1, "Interactive dialogue"),
            (2, "Accountability"), (2, "Prevention"), (1, "Concerns and dissenting views"),
            (1, "Civil society statements"), (1, "Closing remarks"), (1, "Annex: interventions in speaking order"),
            (2, "Panellists"), (2, "Regional organisations"), (2, "Member States"), (2, "Groups of states"),
            (2, "Civil society organisations")]
    for fmt in ("md", "docx", "html"):
        assert exports.headings(fmt) == tree, fmt
    outline = exports.paragraphs()
    intro = outline[outline.index(("h2", "Introduction")) + 1][1]
    assert intro == ("The President of the General Assembly convened a dialogue in New York on 6 September 2017 on "
                     "the Secretary-General's report on accountability. The dialogue was held on the record. This "
                     "summary was prepared by the Global Centre for RtoP.")
    assert outline[outline.index(("h2", "Opening remarks and panel")) + 1] == (
        "p", "Ivan Šimonović said: “Prevention starts with accountability.”")

    floor = [r for r in ROWS if r[1] not in ("panelist", "civil-society")]
    civil = [r for r in ROWS if r[1] == "civil-society"]
    participation = outline[outline.index(("h2", "Interactive dialogue")) + 1][1]
    expected = (f"{counted(floor)[0].upper()}{counted(floor)[1:]} took the floor, some of them on behalf of groups, "
                f"speaking in all for at least {max(GROUPS.values())} states. {counted(civil).capitalize()} also "
                f"spoke. The panel comprised Ivan Šimonović.")
    assert participation == expected

    for theme in ("Accountability", "Prevention"):
        raised = [r for r in ROWS if theme in r[4] and r[1] != "panelist"]
        section = outline[outline.index(("h3", theme)) + 1:]
        sentence = section[0][1]
        groups = {r[2] or r[0] for r in raised if r[2] or r[0] in GROUPS}
        alone = {r[0] for r in raised if r[1] == "member-state" and not r[2] and r[0] not in GROUPS}
        # Only counts are known: one group alone is its count; anything more is a lower bound, never a sum.
        states = (f"{GROUPS[groups.pop()]} states" if len(groups) == 1 and not alone
                  else f"at least {max(GROUPS[g] for g in groups)} states")
        assert sentence == f"{counted(raised)[0].upper()}{counted(raised)[1:]} spoke about {theme.lower()}; " \
                           f"their statements represented {states}.", sentence
    accountability = outline[outline.index(("h3", "Accountability")) + 2:outline.index(("h3", "Prevention"))]
    assert accountability == [("p", "Ghana, on behalf of the African Group, called for national focal points.")]
    prevention = outline[outline.index(("h3", "Prevention")) + 2:outline.index(("h2", "Concerns and dissenting views"))]
    assert prevention == [("p", "The European Union stressed early warning.")]  # Ghana is written up once only
    assert "left out: 3 statement(s) counted in the tallies but not written up as examples" in exports.stderr
    concerns = outline[outline.index(("h2", "Concerns and dissenting views")) + 1]
    assert concerns == ("p", "Venezuela warned against interference in internal affairs.")
    assert outline[outline.index(("h2", "Civil society statements")) + 1] == (
        "p", "The Global Centre for RtoP asked for civil society access.")
    annex = [t for k, t in outline if k == "li"]
    assert "Group of Friends of RtoP, read by the Netherlands — English" in annex
    assert "Ghana, on behalf of the African Group — English" in annex
    text = exports.text("md")
    assert text.count("called for national focal points") == 1
    assert in_order(flat(exports.text("pdf")), "Interactive dialogue", "Accountability", "Prevention",
                    "Concerns and dissenting views", "Annex: interventions in speaking order")
    assert lint_all(cli, meeting, exports, "dialogue") == []


def test_a_dialogue_may_have_more_than_nine_themes(cli, tmp_path):
    meeting = cli.out("new", "dialogue", "--title", "Themes", "--date", "2017-09-06")
    themes = [f"Theme {n}" for n in range(1, 13)]
    cli("edit", meeting, *[a for t in themes for a in ("--theme", t)])
    cli("note", meeting, "A point on the twelfth +Theme_12 +2", "--item", 3)
    listed = cli.out("agenda", "list", meeting)
    assert "9. Theme 9; Theme 10; Theme 11; Theme 12" in listed  # number keys for the first nine only
    assert "themes" in listed
    shown = cli.detail(meeting)
    assert shown.notes[0].themes == ["Theme 12", "Theme 2"]
