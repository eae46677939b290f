"""Note text is data in every format: markup, Typst and LaTeX commands,
control characters and right-to-left marks come out as literal text and
nothing is executed or read."""

import pytest

from facilitator import services
from facilitator.services.exporting import export_meeting

from .exporting_helpers import text_of

PAYLOADS = [
    '#read("/etc/passwd")',
    '#import "/etc/hostname": *',
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[a link](http://example.invalid) and **not bold**",
    r"\input{/etc/passwd} \write18{ls}",
    "$x^2$ @label <ref>",
]


@pytest.mark.parametrize("fmt", ["md", "docx", "html", "pdf"])
def test_payloads_are_literal(engine, breakfast, tmp_path, fmt):
    item = services.list_items(engine, breakfast.id)[3]
    for payload in PAYLOADS:
        services.add_note(engine, breakfast.id, f"Quoted: {payload} end.", item_id=item.id)
    services.add_note(engine, breakfast.id, "Bell\x07 and \u202eright-to-left\u202c text.", item_id=item.id)
    path = export_meeting(engine, breakfast.id, "report", fmt, tmp_path / f"out.{fmt}")
    data = path.read_bytes()
    shown = " ".join(text_of(fmt, data).split())
    for payload in PAYLOADS:
        assert " ".join(payload.split()) in shown, payload
    assert "root:x:0:0" not in shown and b"root:x:0:0" not in data
    if fmt == "html":
        assert b"<script>" not in data and b"<img" not in data
    # The override is kept as the character it is; a PDF reader then shows that run in visual order.
    assert "right-to-left" in shown or "tfel-ot-thgir" in shown
