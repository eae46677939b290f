"""Markdown exports read back with markdown-it-py: the report of the Brussels
demo has seed 000's shape, the memo of the New York demo seed 001's parts in
order; speakers appear only on the record; note text never becomes markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exports import STYLES, render_markdown
from exports.document import BulletList, Document, Heading, Paragraph, Run
from exports.styles import SECTIONS
from facilitator import services
from facilitator.services.demo import BRUSSELS_QUESTIONS, load_demo
from facilitator.services.exporting import preview_markdown
from facilitator.text import fold
from facilitator.vocab import NOTE_KINDS

from .exporting_helpers import on_the_record_for_a_while

MD = MarkdownIt("commonmark")
#: Token types a literal text may produce inside a paragraph, besides the document's own emphasis.
TEXT_TOKENS = {"text", "softbreak", "hardbreak", "strong_open", "strong_close", "em_open", "em_close"}


def read(markdown: str) -> list[tuple[str, str, str]]:
    """[(kind, text, emphasis)] for each heading, paragraph and list item.

    kind: "h1".."h4", "p", "li", "hr", or "quote:p" inside a block quote;
    emphasis: "strong" / "em" when the whole paragraph is one such span, else "".
    """
    tokens = MD.parse(markdown)
    out, lists, quotes = [], 0, 0
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif tok.type == "blockquote_open":
            quotes += 1
        elif tok.type == "blockquote_close":
            quotes -= 1
        elif tok.type == "hr":
            out.append(("hr", "", ""))
        elif tok.type == "inline":
            kind = tokens[i - 1].tag if tokens[i - 1].type == "heading_open" else ("li" if lists else "p")
            children = tok.children or []
            text = "".join(c.content if c.type == "text" else " " if c.type.endswith("break") else "" for c in children)
            whole = [c.type for c in children if c.type != "text" or c.content]
            emphasis = ("strong" if whole[:1] == ["strong_open"] and whole[-1:] == ["strong_close"]
                        and whole.count("strong_open") == 1 else
                        "em" if whole[:1] == ["em_open"] and whole[-1:] == ["em_close"] else "")
            out.append((f"quote:{kind}" if quotes else kind, text, emphasis))
    return out


def shape(outline: list[tuple[str, str, str]]) -> list[str]:
    """Kinds in order, runs of list items counted: ["h2", "p", "li×5", ...]."""
    kinds: list[str] = []
    for kind, _, _ in outline:
        if kind == "li" and kinds and kinds[-1].startswith("li"):
            count = int(kinds[-1].partition("×")[2] or 1) + 1
            kinds[-1] = f"li×{count}"
        else:
            kinds.append(kind)
    return [k if k != "li×1" else "li" for k in kinds]


def texts(outline, kind: str) -> list[str]:
    return [t for k, t, _ in outline if k == kind]


@pytest.fixture
def demo(engine):
    brussels, new_york = load_demo(engine)
    return brussels, new_york


def test_report_has_seed_000_shape(engine, demo):
    brussels, _ = demo
    outline = read(preview_markdown(engine, brussels.id, "report"))
    assert shape(outline) == [
        "p", "h1",  # kicker, title
        "p",  # opening paragraph
        "h2", "p", "li×5",  # Key reflections, intro line, bullets
        "h2", "p",  # Key recommendations, intro line
        "h3", "li×2", "h3", "li×4", "h3", "li×4",  # grouped under the three guiding questions
        "h2", "li",  # Next steps: the action agreed at the wrap-up
        "quote:p", "quote:p",  # the closing box: its title, then the network's profile
    ]
    assert texts(outline, "h2") == ["Key reflections", "Key recommendations", "Next steps"]
    assert texts(outline, "h3") == BRUSSELS_QUESTIONS
    opening = outline[2][1]
    for fact in ("Civil Society Dialogue Network", "Thursday 16 February 2017", "Brussels",
                 "Responsibility to Protect", "Ivan Šimonović", "Special Adviser on the Responsibility to Protect",
                 "civil society specialists in peacebuilding", "Chatham House rule"):
        assert fact in opening, fact
    intro = outline[4][1]
    assert "participants" in intro.lower()
    assert opening.startswith("The Civil Society Dialogue Network convened a roundtable in Brussels")
    box_title, box_text = outline[-2], outline[-1]
    assert box_title == ("quote:p", "The Civil Society Dialogue Network", "strong")
    assert "European Peacebuilding Liaison Office" in box_text[1] and "https://eplo.org" in box_text[1]


def test_report_groups_each_recommendation_under_its_guiding_question(engine, demo):
    brussels, _ = demo
    outline = read(preview_markdown(engine, brussels.id, "report"))
    groups: dict[str, list[str]] = {}
    current = None
    for kind, text, _ in outline:
        if kind == "h3":
            current = groups.setdefault(text, [])
        elif kind == "h2":
            current = None
        elif kind == "li" and current is not None:
            current.append(text)
    items = {i.title: i.id for i in services.list_items(engine, brussels.id)}
    notes = services.get_detail(engine, brussels.id).notes
    for question in BRUSSELS_QUESTIONS:
        expected = [n.text for n in notes if n.item_id == items[question] and n.kind == "recommendation"]
        assert [g.removesuffix(" Addressed to the United Nations.") for g in groups[question]] == expected


def test_report_puts_actions_under_next_steps_and_key_points_first_in_their_item(engine, demo):
    brussels, _ = demo
    items = services.list_items(engine, brussels.id)
    question = next(i for i in items if i.title == BRUSSELS_QUESTIONS[2])
    services.add_note(engine, brussels.id, "Fund local early-warning networks for the long term.",
                      kind="recommendation", item_id=question.id, key=True)
    outline = read(preview_markdown(engine, brussels.id, "report"))
    last_group = [t for k, t, _ in outline[outline.index(("h3", BRUSSELS_QUESTIONS[2], "")):
                                           outline.index(("h2", "Next steps", ""))] if k == "li"]
    assert last_group[0] == "Fund local early-warning networks for the long term."
    assert len(last_group) == 5
    first_question = outline.index(("h3", BRUSSELS_QUESTIONS[0], ""))
    assert outline[first_question + 1][1].startswith("The UN should share")  # a key point jumps no earlier item
    steps = outline[outline.index(("h2", "Next steps", "")) + 1]
    assert steps[0] == "li" and steps[1].startswith("Circulate the outcome report")  # the demo's action


def test_report_recommendations_outside_the_questions_come_last_under_one_heading(engine, demo):
    brussels, _ = demo
    discussion = next(i for i in services.list_items(engine, brussels.id) if i.kind == "discussion")
    services.add_note(engine, brussels.id, "Hold this dialogue every year.", kind="recommendation",
                      item_id=discussion.id)
    outline = read(preview_markdown(engine, brussels.id, "report"))
    assert texts(outline, "h3") == [*BRUSSELS_QUESTIONS, "Other recommendations"]
    recommendations = outline[:outline.index(("h2", "Next steps", ""))]
    assert [t for k, t, _ in recommendations if k == "li"][-1] == "Hold this dialogue every year."


def test_report_without_guiding_questions_lists_recommendations_without_subheadings(engine, breakfast):
    item = next(i for i in services.list_items(engine, breakfast.id) if i.default_kind == "recommendation")
    services.add_note(engine, breakfast.id, "Strengthen regional early warning.", item_id=item.id)
    outline = read(preview_markdown(engine, breakfast.id, "report"))
    assert texts(outline, "h3") == []
    assert shape(outline)[-3:] == ["h2", "p", "li"]


def test_memo_has_seed_001_parts_in_order(engine, demo):
    _, new_york = demo
    outline = read(preview_markdown(engine, new_york.id, "memo"))
    point = ["p", "p"]  # a bold headline, then its paragraph
    assert shape(outline) == [
        "p", "h1",  # kicker "Policy Memo", title
        "p", "hr",  # DATE / SUBJECT, rule
        "p",  # lead
        "h2", *point * 2,  # Reflections
        "h2", *point * 6,  # Recommendations for the United Nations
        "h2", *point * 2,  # Recommendations for mobilising implementation
        "p",  # disclaimer
        "h3", "p", "h3", "p", "h3", "p",  # About ..., one per organiser
    ]
    assert outline[0] == ("p", "Policy Memo", "em")
    header = outline[2][1]
    assert header.startswith("DATE: September 7, 2017 SUBJECT: How the UN and civil society")  # a US house
    lead = outline[4][1]
    assert lead.startswith("The Stanley Foundation, the International Coalition for the Responsibility to Protect "
                           "and the Friedrich-Ebert-Stiftung co-organised a breakfast meeting in New York on "
                           "September 7, 2017, at which 15 civil society organisations from every continent met "
                           "Dr. Ivan Šimonović, UN Special Adviser")
    for fact in ("not for attribution", "accountability and prevention under RtoP",
                 "previous day's UN Informal Interactive Dialogue on the Responsibility to Protect", "This memo"):
        assert fact in lead, fact
    assert texts(outline, "h2") == [
        "Reflections on the annual dialogue",  # the rapporteur's own heading
        "Recommendations for the United Nations", "Recommendations for mobilising implementation"]
    disclaimer = outline[-7]
    assert disclaimer[2] == "em" and "neither reviewed nor approved" in disclaimer[1]
    assert "not necessarily" in disclaimer[1]
    assert texts(outline, "h3") == ["About the Stanley Foundation",
                                    "About the International Coalition for the Responsibility to Protect",
                                    "About the Friedrich-Ebert-Stiftung"]
    assert "https://www.responsibilitytoprotect.org" in outline[-3][1]


def test_memo_points_are_bold_headlines_followed_by_a_plain_paragraph(engine, demo):
    _, new_york = demo
    outline = read(preview_markdown(engine, new_york.id, "memo"))
    body = outline[outline.index(next(o for o in outline if o[0] == "h2")):-7]
    points = [(body[i], body[i + 1]) for i in range(len(body) - 1) if body[i][2] == "strong"]
    assert len(points) == 2 + 6 + 2
    assert all(paragraph == ("p", paragraph[1], "") and paragraph[1] for _, paragraph in points)
    assert ("p", "Apply a gender lens to every effort on RtoP.", "strong") in body


def test_memo_headline_defaults_to_the_first_sentence(engine, breakfast):
    item = next(i for i in services.list_items(engine, breakfast.id) if i.default_kind == "recommendation")
    services.add_note(engine, breakfast.id, "Dr. Šimonović's office should publish its panels. Civil society "
                      "would then prepare better.", item_id=item.id)
    outline = read(preview_markdown(engine, breakfast.id, "memo"))
    at = outline.index(("p", "Dr. Šimonović's office should publish its panels.", "strong"))
    assert outline[at + 1] == ("p", "Civil society would then prepare better.", "")


def test_every_note_kind_has_a_fate_in_every_style():
    for style in STYLES:
        assert set(SECTIONS[style]) == set(NOTE_KINDS), style


# --- attribution ------------------------------------------------------------------


def plant_speaker(engine, meeting_id: str, *items, attributable: bool = False) -> None:
    """Notes by one speaker in each item, recorded while the meeting was on the record."""
    services.add_participant(engine, meeting_id, "Zorana Šimunović", organisation="Balkan Peace Forum",
                             attributable=attributable)
    with on_the_record_for_a_while(engine, meeting_id):
        for n, item in enumerate(items):
            services.add_note(engine, meeting_id, f"Point {n} made by the planted speaker.", item_id=item.id,
                              kind="recommendation" if item.default_kind == "recommendation" else "reflection",
                              speaker="Zorana Šimunović", headline=f"Planted point {n}.")


@pytest.mark.parametrize("style", ["report", "memo"])
def test_speaker_never_appears_under_not_for_attribution(engine, demo, style):
    _, new_york = demo
    items = services.list_items(engine, new_york.id)
    plant_speaker(engine, new_york.id, *[i for i in items if i.kind in ("keynote", "discussion")])
    shown = fold(preview_markdown(engine, new_york.id, style))
    assert "planted point 0." in shown and "point 3 made by the planted speaker" in shown
    assert "simunovic" not in shown and "zorana" not in shown and "balkan peace forum" not in shown


def test_speaker_appears_only_on_the_on_the_record_item(engine, demo):
    brussels, _ = demo
    items = services.list_items(engine, brussels.id)
    keynote = next(i for i in items if i.kind == "keynote")  # the roundtable's on-the-record remarks
    discussion = next(i for i in items if i.kind == "discussion")  # under the Chatham House rule
    assert keynote.rule == "on-the-record"
    plant_speaker(engine, brussels.id, keynote, discussion, attributable=True)  # a keynote speaker, named
    outline = read(preview_markdown(engine, brussels.id, "report"))
    bullets = texts(outline, "li")
    assert "Planted point 0. Zorana Šimunović noted that point 0 made by the planted speaker." in bullets
    assert "Planted point 1. Point 1 made by the planted speaker." in bullets
    assert sum("Šimunović" in t for _, t, _ in outline) == 1


# --- escaping -----------------------------------------------------------------------

HOSTILE = [
    "# not a heading",
    "*not emphasis* and __not strong__",
    "<script>alert(1)</script>",
    "[a link](http://example.invalid) and ![an image](x.png)",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "`not code` and ```not a fence```",
    "&copy; &#42; stay as typed",
    "line one\nline two\n\n    not code",
    "trailing backslash \\",
    "<http://example.invalid> is not a link",
    "| not | a | table |",
    "---",
]


def headings(markdown: str) -> list[tuple[str, str]]:
    return [(k, t) for k, t, _ in read(markdown) if k.startswith("h")]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_note_text_stays_literal(engine, demo, payload):
    brussels, new_york = demo
    before = {m.id: headings(preview_markdown(engine, m.id, s)) for m, s in ((brussels, "report"), (new_york, "memo"))}
    discussion = next(i for i in services.list_items(engine, brussels.id) if i.kind == "discussion")
    services.add_note(engine, brussels.id, payload, item_id=discussion.id, kind="reflection")
    un_item = next(i for i in services.list_items(engine, new_york.id) if i.title.endswith("United Nations"))
    services.add_note(engine, new_york.id, f"Body: {payload}", item_id=un_item.id, headline=payload)
    literal = " ".join(payload.split())
    if literal[-1] not in ".!?":
        literal += "."  # every note is written as a finished sentence, starting with a capital
    literal = literal[0].upper() + literal[1:]
    for meeting, style, kind in ((brussels, "report", "li"), (new_york, "memo", "p")):
        markdown = preview_markdown(engine, meeting.id, style)
        tokens = MD.parse(markdown)
        assert not {t.type for t in tokens} & {"html_block", "code_block", "fence"}
        for token in tokens:
            assert all(c.type in TEXT_TOKENS for c in token.children or []), (payload, markdown)
        assert headings(markdown) == before[meeting.id]  # no heading made, none lost
        assert any(k == kind and " ".join(t.split()) == literal for k, t, _ in read(markdown)), (payload, markdown)


def _literal(text: str) -> str:
    """What a paragraph shows of `text`: one line, no control characters, outer spaces trimmed."""
    text = re.sub(r"[\t\n\r\f\v\x1c-\x1f ]+", " ", text)
    return " ".join("".join(c for c in text if c >= " " and c != "\x7f").split())


markup = st.sampled_from(list("\\`*_[]<>#!|~&-+=.)(0123456789 \n:/\"'") + ["1.", "- ", "```", "<a>", "&amp;"])
note_text = st.lists(st.one_of(markup, st.text(max_size=4)), max_size=10).map("".join)
formatting = st.tuples(st.booleans(), st.booleans(), st.booleans())  # bold, italic, footnote


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(note_text, formatting), min_size=1, max_size=3))
def test_any_text_in_any_emphasis_reads_back_as_itself(parts):
    """Whatever the text and its emphasis, a reader gets the same words back
    (on one line), with footnote markers where they belong and no markup."""
    runs = [Run(text, bold=bold, italic=italic, footnote="a note" if note else None)
            for text, (bold, italic, note) in parts]
    joined = "".join(text for text, _ in parts)
    document = Document(title=joined, blocks=[Heading(1, joined), Paragraph(runs), BulletList([runs])])
    markdown = render_markdown(document)
    for token in MD.parse(markdown):
        assert all(c.type in TEXT_TOKENS for c in token.children or []), markdown

    def with_markers(first: int) -> str:
        numbers = iter(range(first, 100))
        return "".join(text + (f"[^{next(numbers)}]" if note else "") for text, (_, _, note) in parts)

    notes = sum(note for _, (_, _, note) in parts)
    expected = [_literal(joined), _literal(joined), _literal(with_markers(1)), _literal(with_markers(1 + notes))]
    shown = [" ".join(t.split()) for k, t, _ in read(markdown)][:4]
    assert shown == expected, markdown


def test_footnotes_are_markers_and_definitions_as_pandoc_and_github_read_them():
    document = Document(title="Notes test", blocks=[
        Paragraph([Run("Accountability is prevention", footnote="Said in the panel of 6 September."),
                   Run(" and more", footnote="See the annex.")]),
        BulletList([[Run("A bullet [3] with brackets")]]),
        Paragraph([Run("Before a bracket", footnote="One."), Run("(and a parenthesis)")]),
    ])
    markdown = render_markdown(document)
    outline = read(markdown)
    assert outline[1] == ("p", "Accountability is prevention[^1] and more[^2]", "")
    assert outline[2] == ("li", "A bullet [3] with brackets", "")
    assert outline[3] == ("p", "Before a bracket[^3](and a parenthesis)", "")  # text, never a link
    assert outline[4:] == [("p", "[^1]: Said in the panel of 6 September.", ""), ("p", "[^2]: See the annex.", ""),
                           ("p", "[^3]: One. \u200b", "")]  # one word would be a link definition without it
    assert markdown.count("[^1]") == 2 and "## Notes" not in markdown
