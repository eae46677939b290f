"""Property: whatever protected participants a rapporteur's texts name (full
names, surnames, organisations; Unicode, any case, accents dropped or not),
export is refused until the audit is resolved, and after anonymisation no
export in any format, read back with a real reader, contains any of them."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator import services
from facilitator.db import open_engine
from facilitator.errors import ExportError
from facilitator.services import audit as audit_service
from facilitator.services.exporting import export_meeting
from facilitator.text import fold

from .exporting_helpers import text_of

LETTERS = "abcdefghijklmnoprstuvzšćčžđłőűçãñéèöüåøæ"
FILLER = "The group discussed prevention and said that early warning matters for the region".split()


names = st.text(alphabet=LETTERS, min_size=5, max_size=10).map(str.capitalize)
person = st.tuples(names, names, st.lists(names, min_size=2, max_size=3))


def strip_accents(value: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


@st.composite
def mention(draw, people):
    first, last, org = draw(st.sampled_from(people))
    form = draw(st.sampled_from(["full", "surname", "org"]))
    text = {"full": f"{first} {last}", "surname": last, "org": " ".join(org)}[form]
    return draw(st.sampled_from([text, text.upper(), strip_accents(text), text.lower()]))


@st.composite
def scenario(draw):
    people = draw(st.lists(person, min_size=1, max_size=3, unique_by=lambda p: (p[1], tuple(p[2]))))
    texts = []
    for _ in range(draw(st.integers(1, 4))):
        before = " ".join(draw(st.lists(st.sampled_from(FILLER), min_size=1, max_size=5)))
        texts.append(f"{before} {draw(mention(people))} {FILLER[-1]}.")
    headline = f"{draw(mention(people))} spoke."
    lead = f"Organised with {draw(mention(people))} in the room."
    return people, texts, headline, lead


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenario())
def test_no_protected_name_survives_into_any_format(tmp_path_factory, case):
    people, texts, headline, lead = case
    folder = tmp_path_factory.mktemp("prop")
    engine = open_engine(folder / "db.sqlite")
    meeting = services.create_meeting(engine, "breakfast", title="Breakfast", date=dt.date(2017, 9, 7))
    services.update_meeting(engine, meeting.id, lead=lead)
    for first, last, org in people:
        services.add_participant(engine, meeting.id, f"{first} {last}", organisation=" ".join(org))
    items = services.list_items(engine, meeting.id)
    for n, text in enumerate(texts):
        services.add_note(engine, meeting.id, text, item_id=items[3 + n % 3].id, kind="reflection",
                          headline=headline if n == 0 else "")

    with pytest.raises(ExportError):
        export_meeting(engine, meeting.id, "memo", "md", folder / "refused.md")
    assert not (folder / "refused.md").exists()
    forced = export_meeting(engine, meeting.id, "memo", "md", folder / "forced.md", allow_attribution=True)
    leaked = fold(forced.read_text())
    assert any(fold(last) in leaked or fold(" ".join(org)) in leaked
               for _, last, org in people)  # the planted names really were there to catch

    audit_service.anonymise(engine, meeting.id)
    assert audit_service.audit_meeting(engine, meeting.id) == []
    for fmt in ("md", "docx", "html", "pdf"):
        path = export_meeting(engine, meeting.id, "memo", fmt, folder / f"memo.{fmt}")
        shown = fold(" ".join(text_of(fmt, path.read_bytes()).split()))
        for first, last, org in people:
            for forbidden in (last, " ".join(org)):
                assert fold(forbidden) not in shown, (fmt, forbidden)
    engine.dispose()
