"""Agenda templates: plain TOML files a facilitator can read and edit.

Bundled templates live in the `data` package (`data/templates/*.toml`) and
are found with `importlib.resources`, so an installed copy finds them from any
directory. A template can also be given as a path to a `.toml` file.

A template is validated completely before anything is created. Every problem
is reported as one line naming the file, the line (when it can be found) and
the field.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from .errors import TemplateError
from .inputs import check_regular, user_path
from .vocab import ITEM_KINDS, RULES, normalise_kind

TOP_KEYS = {
    "name": str, "description": str, "format": str, "rule": str, "style": str,
    "start": str, "title": str, "subject": str, "participants": str,
    "organisers": list, "items": list,
    # How the house writes it up (see exports): copied onto each new meeting, changeable there.
    "kicker": str, "format_noun": str, "date_format": str, "grouping": str, "paper": str,
    "numbered": bool, "contents": bool, "masthead": bool, "headings": dict, "intros": dict,
}
#: Choices of the house-style settings a template (and `facilitator edit`) may make.
OPTION_CHOICES = {
    "date_format": ("day-month", "month-day"),
    "grouping": ("question", "item", "addressee"),
    "paper": ("a4", "letter"),
}
ITEM_KEYS = {
    "title": str, "kind": str, "minutes": int, "questions": list, "rule": str,
    "default_kind": str, "day": int, "groups": list,
}
FORMATS = ("roundtable", "breakfast", "workshop", "dialogue", "meeting")
MAX_TEMPLATE_BYTES = 1_000_000


@dataclass
class ItemSpec:
    title: str
    kind: str = "discussion"
    minutes: int = 30
    questions: list[str] = field(default_factory=list)
    rule: str | None = None
    default_kind: str = "reflection"
    day: int = 1
    groups: list[str] = field(default_factory=list)


@dataclass
class Template:
    key: str
    name: str
    description: str
    format: str
    rule: str
    style: str
    start: str
    title: str
    subject: str
    participants: str
    organisers: list[str]
    items: list[ItemSpec]
    source: str
    kicker: str = ""
    format_noun: str = ""
    #: House-style settings (date_format, grouping, paper, numbered, contents) for new meetings.
    options: dict = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)
    intros: dict[str, str] = field(default_factory=dict)

    @property
    def planned_minutes(self) -> int:
        return sum(item.minutes for item in self.items)


def _bundled_dir():
    return resources.files("data").joinpath("templates")


def bundled_keys() -> list[str]:
    return sorted(p.name[:-5] for p in _bundled_dir().iterdir() if p.name.endswith(".toml"))


def list_templates() -> list[Template]:
    return [load_template(key) for key in bundled_keys()]


def load_template(name: str) -> Template:
    """Load a bundled template by key (`breakfast`) or a template file by path."""
    if name.endswith(".toml") or "/" in name or "\\" in name:
        path = user_path(name, TemplateError)
        check_regular(path, "The template", TemplateError)
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            raise TemplateError(f"{name}: no such template file.") from None
        except OSError as exc:  # a name too long, no permission...
            raise TemplateError(f"{name}: cannot read the file ({exc.strerror}).") from None
        return parse_template(raw, source=str(path), key=path.stem)
    resource = _bundled_dir().joinpath(f"{name}.toml")
    if not resource.is_file():
        known = ", ".join(bundled_keys())
        raise TemplateError(f"Unknown template {name!r}; the bundled templates are: {known}.")
    return parse_template(resource.read_bytes(), source=f"data/templates/{name}.toml", key=name)


class _Locator:
    """Finds the line of a field in the TOML text, for error messages."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line_of(self, key: str, item_index: int | None = None) -> int | None:
        start, end = 0, len(self.lines)
        if item_index is not None:
            headers = [i for i, line in enumerate(self.lines) if re.match(r"\s*\[\[\s*items\s*\]\]", line)]
            if item_index < len(headers):
                start = headers[item_index]
                end = headers[item_index + 1] if item_index + 1 < len(headers) else end
            else:
                return None
        else:
            first_table = next((i for i, line in enumerate(self.lines) if line.lstrip().startswith("[")), end)
            end = first_table
        pattern = re.compile(rf"\s*\"?{re.escape(key)}\"?\s*=")
        for i in range(start, end):
            if pattern.match(self.lines[i]):
                return i + 1
        return start + 1 if item_index is not None else None


def parse_template(raw: bytes, *, source: str, key: str) -> Template:
    def fail(message: str, line: int | None = None) -> TemplateError:
        where = f"{source}:{line}" if line else source
        return TemplateError(f"{where}: {message}")

    if len(raw) > MAX_TEMPLATE_BYTES:
        raise fail(f"the file is larger than {MAX_TEMPLATE_BYTES // 1000} kB; is it really a template?")
    raw = raw.removeprefix(codecs.BOM_UTF8)  # Windows editors start a UTF-8 file with a byte-order mark
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail("the file is not valid UTF-8 text.", line) from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else None
        if "(at end of document)" in message:
            line = text.count("\n") or 1
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        raise fail(f"not valid TOML: {message}.", line) from None
    except RecursionError:
        raise fail("nested too deeply to be a template.") from None

    loc = _Locator(text)

    def check_type(value, expected, name, item_index=None):
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if not ok:
            kind = {str: "text", int: "a whole number", list: "a list", bool: "true or false",
                    dict: "a table of texts"}[expected]
            raise fail(f"field '{name}' must be {kind}.", loc.line_of(name.split(".")[-1], item_index))

    for name, value in doc.items():
        if name not in TOP_KEYS:
            raise fail(f"unknown field '{name}' (known: {', '.join(sorted(TOP_KEYS))}).", loc.line_of(name))
        check_type(value, TOP_KEYS[name], name)

    if not doc.get("name", "").strip():
        raise fail("field 'name' is required.")
    fmt = doc.get("format", "meeting")
    if fmt not in FORMATS:
        raise fail(f"field 'format' must be one of {', '.join(FORMATS)}, not {fmt!r}.", loc.line_of("format"))
    rule = doc.get("rule", "chatham-house")
    if rule not in RULES:
        raise fail(f"field 'rule' must be one of {', '.join(RULES)}, not {rule!r}.", loc.line_of("rule"))
    style = doc.get("style", "")
    from exports import STYLE_OF_FORMAT, STYLES  # the one registry of house styles

    if style and style not in STYLES:
        raise fail(f"field 'style' must be one of {', '.join(STYLES)}, not {style!r}.", loc.line_of("style"))
    style = style or STYLE_OF_FORMAT.get(fmt, "report")
    options = {}
    for name, choices in OPTION_CHOICES.items():
        value = doc.get(name)
        if value is not None and value not in choices:
            raise fail(f"field '{name}' must be one of {', '.join(choices)}, not {value!r}.", loc.line_of(name))
        if value is not None:
            options[name] = value
    for name in ("numbered", "contents", "masthead"):
        if name in doc:
            options[name] = doc[name]
    texts = {}
    for name in ("headings", "intros"):
        table = doc.get(name, {})
        if not all(isinstance(v, str) for v in table.values()):
            raise fail(f"field '{name}' must be a table of texts (key = \"text\").", loc.line_of(name))
        texts[name] = {k: v.strip() for k, v in table.items() if v.strip()}
    start = doc.get("start", "")
    if start and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", start):
        raise fail(f"field 'start' must be a time as HH:MM, not {start!r}.", loc.line_of("start"))
    organisers = doc.get("organisers", [])
    if not all(isinstance(o, str) for o in organisers):
        raise fail("field 'organisers' must be a list of names.", loc.line_of("organisers"))

    raw_items = doc.get("items", [])
    if not raw_items:
        raise fail("the template has no agenda items; add at least one [[items]] table.")
    items: list[ItemSpec] = []
    for index, entry in enumerate(raw_items):
        label = f"items[{index + 1}]"
        if not isinstance(entry, dict):
            raise fail(f"{label} must be a table ([[items]]).")
        for name, value in entry.items():
            if name not in ITEM_KEYS:
                raise fail(
                    f"unknown field '{label}.{name}' (known: {', '.join(sorted(ITEM_KEYS))}).",
                    loc.line_of(name, index),
                )
            check_type(value, ITEM_KEYS[name], f"{label}.{name}", index)
        title = entry.get("title", "").strip()
        if not title:
            raise fail(f"field '{label}.title' is required.", loc.line_of("title", index))
        kind = entry.get("kind", "discussion")
        if kind not in ITEM_KINDS:
            raise fail(
                f"field '{label}.kind' must be one of {', '.join(ITEM_KINDS)}, not {kind!r}.",
                loc.line_of("kind", index),
            )
        minutes = entry.get("minutes", 30)
        if not 0 < minutes <= 24 * 60:
            raise fail(f"field '{label}.minutes' must be between 1 and 1440.", loc.line_of("minutes", index))
        item_rule = entry.get("rule")
        if item_rule is not None and item_rule not in RULES:
            raise fail(
                f"field '{label}.rule' must be one of {', '.join(RULES)}, not {item_rule!r}.",
                loc.line_of("rule", index),
            )
        default_kind = entry.get("default_kind", "reflection")
        if normalise_kind(default_kind) is None:
            raise fail(f"field '{label}.default_kind': unknown note kind {default_kind!r}.",
                       loc.line_of("default_kind", index))
        day = entry.get("day", 1)
        if not 1 <= day <= 14:
            raise fail(f"field '{label}.day' must be between 1 and 14.", loc.line_of("day", index))
        for list_name in ("questions", "groups"):
            values = entry.get(list_name, [])
            if not all(isinstance(v, str) and v.strip() for v in values):
                raise fail(f"field '{label}.{list_name}' must be a list of non-empty texts.",
                           loc.line_of(list_name, index))
        items.append(
            ItemSpec(
                title=title, kind=kind, minutes=minutes, questions=list(entry.get("questions", [])),
                rule=item_rule, default_kind=normalise_kind(default_kind), day=day,
                groups=list(entry.get("groups", [])),
            )
        )

    return Template(
        key=key, name=doc["name"].strip(), description=doc.get("description", "").strip(), format=fmt,
        rule=rule, style=style, start=start, title=doc.get("title", "").strip(),
        subject=doc.get("subject", "").strip(), participants=doc.get("participants", "").strip(),
        organisers=organisers, items=items, source=source, kicker=doc.get("kicker", "").strip(),
        format_noun=doc.get("format_noun", "").strip(), options=options, headings=texts["headings"],
        intros=texts["intros"],
    )
