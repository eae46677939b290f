"""Property: whoever is protected and however their name is written into
whichever text of a meeting, nothing the program writes for readers names
them — every channel either refuses or leaves the name out.

Names and their written variants come from the matcher's own property test
(realistic pools in many scripts; case, accents, look-alike letters,
invisible and control characters, line breaks, underscores, digits,
possessives, halves of compound names). Each example plants one to three
mentions into random reader-facing fields of a Chatham House meeting (note
text, headline, addressee, the lead, the place, the series, a theme, an
agenda title, a guiding question, an organiser's About text), anonymises
what the audit finds, and writes every channel: the memo, the report and the
update in Markdown, the tracker in Markdown and CSV — and, in the smaller
test below, every style in Word, HTML and PDF, read back with real readers.

The oracle does not use facilitator.names: it reduces the output and the
name to lower-case ASCII words (NFKC, invisible characters dropped,
anyascii) and looks for the name's words in order.

Examples: FACILITATOR_ATTRIBUTION_EXAMPLES (default 1000, about a minute and
a half on two cores) for the Markdown channels, a tenth of it for the others;
the same examples every run unless FACILITATOR_ATTRIBUTION_RANDOM is set.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata

from anyascii import anyascii
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator import services
from facilitator.db import close_engine, open_engine
from facilitator.errors import ExportError
from facilitator.services import audit as audit_service
from facilitator.services.exporting import export_meeting, render_checked
from facilitator.services.followup import tracker_text

from .exporting_helpers import text_of
from .test_names_property import mention, person, variant

EXAMPLES = int(os.environ.get("FACILITATOR_ATTRIBUTION_EXAMPLES", "1000"))
#: The same examples on every run in CI; FACILITATOR_ATTRIBUTION_RANDOM=1 draws new ones (by hand).
DERANDOMIZE = not os.environ.get("FACILITATOR_ATTRIBUTION_RANDOM")
FIELDS = ["note", "note", "note", "headline", "addressee", "lead", "place", "series", "theme", "item", "question",
          "about"]


PARTICLES = {"van", "der", "den", "von", "dos", "ter"}


def _shown(text: str) -> str:
    """The text as a reader sees it: NFKC, without invisible format and control characters."""
    return "".join(c for c in unicodedata.normalize("NFKC", text)
                   if unicodedata.category(c) not in ("Cf", "Cc") or c in "\n\t")


def words(text: str) -> list[str]:
    """Lower-case ASCII words, independent of the matcher: what a reader would recognise as a name."""
    return re.findall(r"[a-z]+", anyascii(_shown(text)).lower())


def names_it(output: str, who: dict) -> bool:
    """Does a reader of `output` read this person's name? Any surname part of four letters or more, as a
    word; for shorter surnames the whole name in order; for Chinese names the characters themselves."""
    if who["script"] == "chinese":
        return who["family"][0] + who["given"][0] in _shown(output).replace("\n", "")
    tokens = words(output)
    parts = [w for w in words(" ".join(who["family"])) if len(w) >= 4 and w not in PARTICLES]
    if parts:
        return any(part in tokens for part in parts)
    needle = words(" ".join([*who["given"], *who["family"]]))
    return any(tokens[i:i + len(needle)] == needle for i in range(len(tokens) - len(needle) + 1))


@st.composite
def scenario(draw):
    people = [draw(person(f"p{n}")) for n in range(draw(st.integers(1, 3)))]
    plants = []
    for _ in range(draw(st.integers(1, 3))):
        who = draw(st.sampled_from(people))
        before, name, after = draw(variant(who, *draw(mention(who))))
        plants.append((draw(st.sampled_from(FIELDS)), f"Noted: {before}{name}{after} on early warning"))
    return people, plants


def plant(engine, meeting, field: str, text: str) -> None:
    items = services.list_items(engine, meeting.id)
    discussion = next(i for i in items if i.kind == "discussion")
    if field in ("note", "headline", "addressee"):
        values = {"note": dict(text=text), "headline": dict(text="Fund prevention.", headline=text),
                  "addressee": dict(text="Fund prevention.", addressee=text)}[field]
        services.add_note(engine, meeting.id, kind="recommendation", item_id=discussion.id,
                          **{"text": "", **values})
    elif field == "theme":
        services.update_meeting(engine, meeting.id, themes=[text[:60]])
    elif field in ("item", "question"):
        from facilitator.models import AgendaItem
        from facilitator.services._db import transaction

        with transaction(engine) as session:  # agenda texts are set by templates: write them as one would
            row = session.get(AgendaItem, discussion.id)
            if field == "item":
                row.title = text
            else:
                row.guiding_questions = [text]
            session.add(row)
    elif field == "about":
        services.save_organiser(engine, "Peace Network", about=text)
        services.update_meeting(engine, meeting.id, organisers=["Peace Network"])
    else:
        services.update_meeting(engine, meeting.id, **{field: text})


def build(tmp_path_factory, people, plants):
    folder = tmp_path_factory.mktemp("attribution")
    engine = open_engine(folder / "db.sqlite")
    meeting = services.create_meeting(engine, "roundtable", title="Roundtable", date=dt.date(2017, 2, 16))
    for who in people:
        services.add_participant(engine, meeting.id, who["p"].name, surname=who["p"].surname or "")
    services.add_note(engine, meeting.id, "Fund early warning.", kind="recommendation")
    for field, text in plants:
        plant(engine, meeting, field, text)
    changes = audit_service.anonymise_preview(engine, meeting.id)
    audit_service.anonymise(engine, meeting.id)
    return folder, engine, meeting, changes


def refused_or_clean(produce, people, where: str) -> None:
    try:
        output = produce()
    except ExportError:
        return  # refused: nothing reached a reader
    for who in people:
        assert not names_it(output, who), (where, who["p"].name, output)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(scenario())
def test_no_protected_name_reaches_a_reader_in_markdown_or_the_tracker(tmp_path_factory, case):
    people, plants = case
    folder, engine, meeting, _ = build(tmp_path_factory, people, plants)
    try:
        for style in ("memo", "report", "update"):
            refused_or_clean(lambda: render_checked(engine, meeting.id, style, "md").decode(), people, style)
        for fmt in ("md", "csv"):
            refused_or_clean(lambda: tracker_text(engine, fmt), people, f"tracker {fmt}")
    finally:
        close_engine(engine)


@settings(max_examples=max(10, EXAMPLES // 10), deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(scenario(), st.sampled_from(["report", "memo", "workshop", "dialogue", "update"]),
       st.sampled_from(["docx", "html", "pdf"]))
def test_no_protected_name_reaches_a_reader_in_any_format(tmp_path_factory, case, style, fmt):
    people, plants = case
    folder, engine, meeting, _ = build(tmp_path_factory, people, plants)
    try:
        path = folder / f"out.{fmt}"

        def written() -> str:
            export_meeting(engine, meeting.id, style, fmt, path)
            return text_of(fmt, path.read_bytes())

        refused_or_clean(written, people, f"{style}.{fmt}")
        if not path.exists():
            assert not list(folder.glob("out*")), "a refused export left a file behind"
    finally:
        close_engine(engine)


def test_the_oracle_sees_a_name_left_in(tmp_path):
    """With the gate switched off, the oracle does catch the planted name: the property is not empty."""
    engine = open_engine(tmp_path / "db.sqlite")
    meeting = services.create_meeting(engine, "roundtable", title="Roundtable", date=dt.date(2017, 2, 16))
    services.add_participant(engine, meeting.id, "Ana García Márquez")
    services.add_note(engine, meeting.id, "Ms GARCI\u00adA said so.", kind="recommendation")
    who = {"script": "latin", "given": ["Ana"], "family": ["García", "Márquez"]}
    assert names_it(render_checked(engine, meeting.id, "memo", "md", allow_attribution=True).decode(), who)
    refused = False
    try:
        render_checked(engine, meeting.id, "memo", "md")
    except ExportError:
        refused = True
    assert refused
    close_engine(engine)
