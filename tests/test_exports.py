"""Report and memo exports of the two demo meetings (rebuilt from the seeds'
facts), read back with real readers, in the seeds' section order."""

import datetime as dt

import pytest

from exports import build_document, render
from facilitator import services
from facilitator.errors import ExportError
from facilitator.services.demo import load_demo
from facilitator.services.exporting import export_meeting, preview_markdown

from .exporting_helpers import docx_paragraphs, docx_text, markdown_outline, on_the_record_for_a_while


@pytest.fixture
def demo(engine):
    brussels, new_york = load_demo(engine)
    return brussels, new_york


def test_report_markdown_has_seed_000_shape(engine, demo):
    brussels, _ = demo
    outline = markdown_outline(render(build_document(services.get_detail(engine, brussels.id), "report"), "md")
                               .decode())
    headings = [(k, t) for k, t in outline if k.startswith("h")]
    assert headings == [
        ("h1", "Civil society perspectives on RtoP and conflict prevention"),
        ("h2", "Key reflections"),
        ("h2", "Key recommendations"),
        ("h3", "How can the EU and the UN learn from each other?"),
        ("h3", "How can RtoP be mainstreamed in practice?"),
        ("h3", "What role for local actors and civil society?"),
        ("h2", "Next steps"),
    ]
    first_paragraph = next(t for k, t in outline if k == "p" and "Brussels" in t)
    assert "Thursday 16 February 2017" in first_paragraph and "Ivan Šimonović" in first_paragraph
    kinds = [k for k, _ in outline]
    reflections = kinds.index("h2")
    assert kinds[reflections + 2: reflections + 7] == ["li"] * 5  # five reflection bullets after the intro line
    assert outline[-1][1].startswith("The Civil Society Dialogue Network is a forum")  # the closing box


def test_report_docx_groups_recommendations_under_guiding_questions(engine, demo, tmp_path):
    brussels, _ = demo
    path = export_meeting(engine, brussels.id, "report", "docx", tmp_path / "report.docx")
    paragraphs = docx_paragraphs(path.read_bytes())
    styles = [s for s, _, _ in paragraphs]
    assert styles[:2] == ["Subtitle", "Title"]
    h2 = [i for i, (s, _, _) in enumerate(paragraphs) if s == "Heading 2"]
    groups = {paragraphs[i][1]: [] for i in h2}
    ends = [i for i, (s, _, _) in enumerate(paragraphs) if s.startswith("Heading")] + [len(paragraphs)]
    for start in h2:
        end = next(e for e in ends if e > start)
        groups[paragraphs[start][1]] = [t for s, t, _ in paragraphs[start + 1:end] if s == "List Bullet"]
    assert [len(groups[q]) for q in ("How can the EU and the UN learn from each other?",
                                     "How can RtoP be mainstreamed in practice?",
                                     "What role for local actors and civil society?")] == [2, 4, 4]
    assert any("due diligence" in t for t in groups["How can the EU and the UN learn from each other?"])


def test_memo_docx_has_seed_001_parts_in_order(engine, demo, tmp_path):
    _, new_york = demo
    data = export_meeting(engine, new_york.id, "memo", "docx", tmp_path / "memo.docx").read_bytes()
    paragraphs = docx_paragraphs(data)
    texts = [t for _, t, _ in paragraphs]

    def at(prefix):
        return next(i for i, t in enumerate(texts) if t.startswith(prefix))

    order = [at("DATE: September 7, 2017"), at("SUBJECT: How the UN and civil society"),
             at("The Stanley Foundation, the International Coalition"), at("Reflections on the annual dialogue"),
             at("Recommendations for the United Nations"), at("Recommendations for mobilising implementation"),
             at("This memo summarises"), at("About the Stanley Foundation"), at("About the Friedrich-Ebert-Stiftung")]
    assert order == sorted(order)
    headlines = [t for s, t, bold in paragraphs if bold and s == "Normal" and not t.startswith(("DATE", "SUBJECT"))]
    assert len(headlines) == 2 + 6 + 2
    assert "Apply a gender lens to every effort on RtoP." in headlines
    from docx import Document
    import io
    props = Document(io.BytesIO(data)).core_properties
    assert props.author.startswith("Stanley Foundation")
    assert props.created == props.modified and props.created.date() >= dt.date(2024, 1, 1)  # written now
    assert "PAGE" in Document(io.BytesIO(data)).sections[0].footer._element.xml


def test_speaker_never_appears_under_protected_rule(engine, demo, tmp_path):
    _, new_york = demo
    items = services.list_items(engine, new_york.id)
    services.add_participant(engine, new_york.id, "Zorana Šimunović", organisation="Balkan Peace Forum")
    with on_the_record_for_a_while(engine, new_york.id):
        services.add_note(engine, new_york.id, "Regional bodies need backing.", kind="reflection",
                          item_id=items[3].id, speaker="Zorana Šimunović", headline="Back regional bodies.")
    for fmt in ("md", "docx"):
        data = (tmp_path / f"m.{fmt}")
        export_meeting(engine, new_york.id, "memo", fmt, data)
        text = data.read_text(errors="ignore") if fmt == "md" else docx_text(data.read_bytes())
        assert "Back regional bodies." in text
        assert "Šimunović" not in text and "Balkan Peace Forum" not in text


def test_export_refused_while_audit_has_flags(engine, demo, tmp_path):
    _, new_york = demo
    services.add_participant(engine, new_york.id, "Zorana Šimunović", region="the Western Balkans")
    item = services.list_items(engine, new_york.id)[3]
    services.add_note(engine, new_york.id, "Simunovic urged a regional approach.", item_id=item.id)
    with pytest.raises(ExportError, match="1 passage"):
        export_meeting(engine, new_york.id, "memo", "docx", tmp_path / "m.docx")
    assert not (tmp_path / "m.docx").exists()
    written = export_meeting(engine, new_york.id, "memo", "md", tmp_path / "m.md", allow_attribution=True)
    assert "Simunovic" in written.read_text()


def test_markdown_escapes_hostile_note_text(engine, demo):
    brussels, _ = demo
    item = next(i for i in services.list_items(engine, brussels.id) if i.kind == "discussion")
    hostile = "# not a heading *not bold* [link](http://x) <script>alert(1)</script> 1. not a list"
    services.add_note(engine, brussels.id, hostile, item_id=item.id)
    outline = markdown_outline(preview_markdown(engine, brussels.id, "report"))
    assert ("li", "# not a heading *not bold* [link](http://x) <script>alert(1)</script> 1. not a list.") in outline
    assert not any(k == "h2" and "not a heading" in t for k, t in outline)


def test_export_never_overwrites_silently(engine, demo, tmp_path):
    brussels, _ = demo
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "report.docx"
    target.write_bytes(b"the rapporteur's edited draft")
    with pytest.raises(ExportError, match="already exists"):
        export_meeting(engine, brussels.id, "report", "docx", target)
    assert target.read_bytes() == b"the rapporteur's edited draft"
    export_meeting(engine, brussels.id, "report", "docx", target, force=True)
    assert target.read_bytes().startswith(b"PK")
    with pytest.raises(ExportError, match="does not exist"):
        export_meeting(engine, brussels.id, "report", "docx", tmp_path / "missing" / "r.docx")
    with pytest.raises(ExportError, match="Unknown style"):
        export_meeting(engine, brussels.id, "minutes", "docx", tmp_path / "x.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]  # no temporary files left


def test_demo_loads_once(engine):
    first = load_demo(engine)
    again = load_demo(engine)
    assert [m.id for m in first] == [m.id for m in again]
    assert len(services.list_meetings(engine)) == 2
