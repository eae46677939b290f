"""Agenda templates: the bundled ones load; broken ones name file, line and field."""

import pytest

from facilitator.errors import TemplateError
from facilitator.templates import bundled_keys, load_template, parse_template


def test_four_bundled_templates_load_with_realistic_times():
    assert set(bundled_keys()) >= {"roundtable", "breakfast", "workshop", "dialogue"}
    breakfast = load_template("breakfast")
    assert breakfast.rule == "not-for-attribution" and 60 <= breakfast.planned_minutes <= 120
    roundtable = load_template("roundtable")
    assert sum(i.kind == "guiding-question" for i in roundtable.items) == 3
    workshop = load_template("workshop")
    assert {i.day for i in workshop.items} == {1, 2}
    assert all(len(i.groups) == 3 for i in workshop.items if i.kind == "breakout")
    dialogue = load_template("dialogue")
    assert dialogue.rule == "on-the-record"


BASE = 'name = "T"\n\n[[items]]\ntitle = "Opening"\n'


@pytest.mark.parametrize(
    "text, expected",
    [
        ('name = "T"\nitems = [\n', "mine.toml:2: not valid TOML"),
        ('name = "T"\ntitle = \n\n[[items]]\ntitle = "x"\n', "mine.toml:2: not valid TOML: Invalid value"),
        (BASE + 'kind = "party"\n', "mine.toml:5: field 'items[1].kind' must be one of"),
        (BASE + 'minutes = -5\n', "mine.toml:5: field 'items[1].minutes' must be between"),
        (BASE + 'colour = "red"\n', "mine.toml:5: unknown field 'items[1].colour'"),
        ('name = "T"\nrule = "secret"\n\n[[items]]\ntitle = "x"\n', "mine.toml:2: field 'rule' must be one of"),
        ('name = "T"\n', "the template has no agenda items"),
        ('description = "no name"\n[[items]]\ntitle = "x"\n', "field 'name' is required"),
        (BASE + '\n[[items]]\nminutes = 10\n', "mine.toml:6: field 'items[2].title' is required"),
        (BASE + 'questions = "why?"\n', "mine.toml:5: field 'items[1].questions' must be a list"),
    ],
)
def test_malformed_template_names_file_line_and_field(text, expected):
    with pytest.raises(TemplateError) as caught:
        parse_template(text.encode(), source="mine.toml", key="mine")
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_invalid_utf8_template():
    with pytest.raises(TemplateError, match="not valid UTF-8"):
        parse_template(b'name = "\xff"\n', source="bad.toml", key="bad")


def test_unknown_template_lists_bundled(tmp_path):
    with pytest.raises(TemplateError, match="breakfast"):
        load_template("nonexistent")
    with pytest.raises(TemplateError, match="no such template file"):
        load_template(str(tmp_path / "missing.toml"))
