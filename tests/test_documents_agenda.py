"""The agenda without a template file, through the command line: items,
breakout groups, themes and section headings; notes read with the capture
grammar and sent where the clock stands; and the one registry of styles and
formats that the command line and the screens share."""

from __future__ import annotations

import pytest

from exports import FORMATS, default_style

from .documents_cli import Cli


@pytest.fixture
def cli(db_path, tmp_path):
    return Cli(db_path, tmp_path)


def one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    return lines[0]


def test_items_are_added_renamed_moved_and_removed_without_losing_a_note(cli):
    meeting = cli.out("new", "breakfast", "--title", "Agenda", "--date", "2017-09-07")
    assert cli.out("agenda", "add", meeting, "Regional perspectives", "--at", 5, "--kind", "discussion",
                   "--default-kind", "rec", "--minutes", 20) == "5. Regional perspectives"
    cli("agenda", "rename", meeting, 6, "Recommendations for the UN system")
    cli("agenda", "move", meeting, 5, 7)
    titles = [i.title for i in cli.detail(meeting).items]
    assert titles[4:7] == ["Recommendations for the UN system", "Recommendations for mobilising implementation",
                           "Regional perspectives"]
    note = cli.out("note", meeting, "Regional bodies need backing", "--item", 7)
    refused = one_line_error(cli("agenda", "remove", meeting, 7, ok=False))
    assert refused == ("facilitator: Item 7 (Regional perspectives) holds 1 note(s); say where they go "
                       "(--notes-to N) before removing it.")
    assert cli.out("agenda", "remove", meeting, 7, "--notes-to", 6) == "removed item 7; 1 note(s) moved to item 6"
    detail = cli.detail(meeting)
    assert [n.item_id for n in detail.notes if n.id == note] == [detail.items[5].id]
    assert len(detail.items) == 7 and [i.position for i in detail.items] == list(range(1, 8))
    assert "No agenda item 9" in one_line_error(cli("agenda", "rename", meeting, 9, "x", ok=False))
    assert "Unknown item kind" in one_line_error(cli("agenda", "add", meeting, "x", "--kind", "party", ok=False))


def test_groups_and_themes_are_renamed_on_their_notes_and_kept_while_used(cli):
    meeting = cli.out("new", "workshop", "--title", "Groups", "--date", "2024-03-05")
    cli("note", meeting, "ch: Analysis waits", "--item", 5, "--group", "A", "--theme", "Information")
    assert "1 note(s) follow" in cli.out("agenda", "group-rename", meeting, "Group A", "Working group on strategy")
    detail = cli.detail(meeting)
    assert detail.notes[0].group == "Working group on strategy"
    assert all("Working group on strategy" in i.groups for i in detail.items if i.kind == "breakout")
    used = one_line_error(cli("agenda", "group-remove", meeting, "Working group on strategy", ok=False))
    assert "1 note(s) are in 'Working group on strategy'" in used
    cli("agenda", "group-remove", meeting, "Group C")
    assert not any("Group C: no field presence" in i.groups for i in cli.detail(meeting).items)
    cli("agenda", "group-add", meeting, 5, "Group D: regional offices")
    cli("agenda", "theme-rename", meeting, "Information", "Information flows")
    assert cli.detail(meeting).notes[0].themes == ["Information flows"]
    assert "tagged with a theme" in one_line_error(cli("agenda", "theme-remove", meeting, "Information flows",
                                                       ok=False))
    cli("agenda", "theme-add", meeting, "Leadership", "--at", 1)
    assert cli.detail(meeting).meeting.themes == ["Leadership", "Information flows"]


def test_section_headings_and_intros_are_checked_and_stored(cli):
    meeting = cli.out("new", "roundtable", "--title", "Headings", "--date", "2017-02-16")
    cli("agenda", "heading", meeting, "reflections", "What we heard")
    cli("agenda", "intro", meeting, "recommendations", "The civil society participants put forward these.")
    cli("agenda", "heading", meeting, "5", "On learning from each other")
    wrong = one_line_error(cli("agenda", "heading", meeting, "reflexions", "x", ok=False))
    assert wrong.startswith("facilitator: Unknown section 'reflexions'; use an item number") and \
        "reflections (report, memo, update)" not in wrong and "reflections (report, memo)" in wrong
    cli("note", meeting, "A reflection", "--item", 3)
    cli("note", meeting, "Share findings", "--item", 5)
    outline = _markdown(cli, meeting)
    assert ("h2", "What we heard") in outline and ("h3", "On learning from each other") in outline
    assert outline[outline.index(("h2", "Key recommendations")) + 1] == (
        "p", "The civil society participants put forward these.")
    cli("agenda", "heading", meeting, "reflections", "")  # back to the style's own
    assert ("h2", "Key reflections") in _markdown(cli, meeting)


def _markdown(cli: Cli, meeting: str):
    from .exporting_helpers import markdown_outline

    data, _ = cli.export(meeting, "md")
    return markdown_outline(data.decode())


def test_note_reads_the_capture_grammar_goes_where_the_clock_is_and_keeps_raw_text_raw(cli):
    meeting = cli.out("new", "dialogue", "--title", "Grammar", "--date", "2017-09-06")
    cli("edit", meeting, "--theme", "Prevention")
    refused = one_line_error(cli("note", meeting, "Before the clock", ok=False))
    assert "The meeting's clock is on no item yet: give --item N (1. Opening remarks;" in refused
    cli("agenda", "clock", meeting, 3)
    parsed = cli.out("note", meeting, "rec: Fund early warning :: Budgets lag behind words >UN +1 !",
                     "--addressee", "Member States")
    raw = cli.out("note", meeting, "rec: Fund early warning :: literally >UN", "--raw")
    by_id = {n.id: n for n in cli.detail(meeting).notes}
    note = by_id[parsed]
    assert (note.kind, note.headline, note.text, note.addressee, note.themes, note.key) == (
        "recommendation", "Fund early warning", "Budgets lag behind words", "UN; Member States", ["Prevention"],
        True)
    assert note.item_id == cli.detail(meeting).items[2].id  # the item the clock is on, not item 1
    assert note.kind != "quote"  # item 1's default kind is quote: a paraphrase is not printed as one
    kept = by_id[raw]
    assert (kept.text, kept.headline, kept.addressee, kept.kind) == (
        "rec: Fund early warning :: literally >UN", "", "", "observation")


def test_two_addressees_through_the_grammar_and_the_option(cli):
    meeting = cli.out("new", "breakfast", "--title", "Addressees", "--date", "2017-09-07")
    note = cli.out("note", meeting, "rec: Report every year >UN", "--addressee", "Member States", "--item", 5)
    assert {n.id: n.addressee for n in cli.detail(meeting).notes}[note] == "UN; Member States"
    assert f"   - {note[:8]} [recommendation] -> UN; Member States Report every year" in cli.out("show", meeting)
    cli("annotate", meeting, note[:6], "--addressee", "General Assembly", "--footnote", "As agreed.", "--join")
    changed = {n.id: n for n in cli.detail(meeting).notes}[note]
    assert (changed.addressee, changed.footnote, changed.joined) == ("General Assembly", "As agreed.", True)


@pytest.mark.parametrize(("template", "style"), [("roundtable", "report"), ("breakfast", "memo"),
                                                  ("workshop", "workshop"), ("dialogue", "dialogue")])
def test_the_cli_exports_in_the_style_the_template_names_as_the_screen_does(cli, template, style, monkeypatch,
                                                                           tmp_path):
    monkeypatch.chdir(tmp_path)
    meeting = cli.out("new", template, "--title", "Defaults", "--date", "2017-09-07")
    detail = cli.detail(meeting)
    assert default_style(detail.meeting) == style
    result = cli("export", meeting, "--format", "md", "-o", cli.folder / "out.md")
    assert result.stdout.strip().endswith("out.md")
    written = cli("export", meeting, "--format", "html")  # the default name carries the style and suffix
    assert written.stdout.strip().endswith(f"-{style}{FORMATS['html'].suffix}")


def test_edit_refuses_bad_choices_in_one_line(cli):
    meeting = cli.out("new", "breakfast", "--title", "Choices", "--date", "2017-09-07")
    cases = [(("--style", "minutes"), "Unknown style 'minutes'"),
             (("--date-format", "year-first"), "Bad date format 'year-first'"),
             (("--grouping", "colour"), "Bad grouping 'colour'"),
             (("--role", "Oxfam=hosted"), "Oxfam is not an organiser of this meeting"),
             (("--role", "nonsense"), "Bad --role 'nonsense': use NAME=VALUE."),
             (("--footnote", "title=x"), "Bad --footnote field 'title'"),
             (("--numbered", "perhaps"), "Bad --numbered 'perhaps': use yes or no.")]
    before = cli.detail(meeting).meeting
    for args, message in cases:
        assert message in one_line_error(cli("edit", meeting, *args, ok=False)), args
    assert cli.detail(meeting).meeting == before  # nothing changed


def test_every_new_text_a_reader_reads_is_audited_anonymised_and_gated(cli):
    meeting = cli.out("new", "roundtable", "--title", "Audited", "--date", "2017-02-16")
    cli("participants", "add", meeting, "Zorana Šimunović", "--org", "Balkan Peace Forum", "--region",
        "the Western Balkans")
    note = cli.out("note", meeting, "Fund local networks", "--item", 5, "--footnote", "As Šimunović put it.")
    cli("note", meeting, "Prevention is underfunded", "--item", 3)
    cli("agenda", "heading", meeting, "reflections", "What the Balkan Peace Forum heard")
    cli("agenda", "intro", meeting, "recommendations", "Zorana Šimunović proposed these.")
    cli("edit", meeting, "--topic", "prevention, with Šimunović", "--attachment", "Šimunović's paper",
        "--summary", "A summary.", "--footnote", "summary=From the Balkan Peace Forum.")
    audit = cli("audit", meeting, ok=False)
    assert audit.exit_code == 1
    for where in (f"note {note[:8]} (footnote)", "meeting heading of reflections",
                  "meeting introduction to recommendations", "meeting topic", "meeting attachment",
                  "meeting footnote on summary"):
        assert where in audit.stdout, where
    refused = cli("export", meeting, "--format", "md", "-o", cli.folder / "r.md", ok=False)
    assert refused.exit_code == 2 and "6 passage(s) name participants" in refused.stderr
    assert not (cli.folder / "r.md").exists()
    cli("audit", meeting, "--anonymise", "--yes")
    data, _ = cli.export(meeting, "md")
    text = data.decode()
    assert "imunovi" not in text and "Balkan Peace Forum" not in text
    assert "What a participating organisation heard" in text and "A participant " \
        "proposed these." in text
