"""Issue 22's targets for the name gate, asserted on the benchmark's data (bench/leak_names, written by hand
from real naming conventions, and the ordinary-sentence corpora):

- every registered name and surname, every alias, every generated romanisation, the initials and the
  address and handle forms of a name, and a role one person holds are found (100%), drawn at random by
  property tests over people of sixteen origins;
- a one-letter slip in a surname of six letters or more is found as "possible" (100%);
- ordinary prose against registers of common-word surnames and large institutions is flagged in at
  most 1% of sentences;
- a sample of the probes goes through a real export, which is refused and writes nothing.

`python -m bench leaks` measures the same classes through every channel and prints the figures."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.leaks import Person, load_people
from facilitator import services
from facilitator.errors import ExportError
from facilitator.models import MeetingDetail, MeetingPublic, ParticipantPublic
from facilitator.policy import Register
from facilitator.romanise import spelling_pairs
from facilitator.services.exporting import export

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = load_people()
FIXTURES = ROOT / "tests" / "fixtures"


def _register(person: Person, aliases: tuple[str, ...] = (), *, others: int = 3,
              extra: list[ParticipantPublic] = (), organisers: list[str] = ()) -> Register:
    now = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)
    meeting = MeetingPublic(id="m", title="T", date=dt.date(2026, 12, 5), created_at=now, updated_at=now,
                            rule="chatham-house", organisers=list(organisers))
    people = [ParticipantPublic(id="p", meeting_id="m", name=person.registered, surname=person.surname,
                                aliases=list(aliases), role=person.role, region=person.region,
                                organisation=person.organisation)] if person else []
    people += [ParticipantPublic(id=f"o{n}", meeting_id="m", name=f"Kofi Mensah{'abc'[n]}", region=f"Region {n}",
                                 role=f"Role {n}") for n in range(others)]
    return Register(MeetingDetail(meeting=meeting, items=[], participants=[*people, *extra], notes=[], organisers=[]))


def _found(register: Register, form: str, *, what: str | None = None) -> bool:
    text = f"In the closed session {form} argued for a regional fund."
    start, end = text.index(form), text.index(form) + len(form)
    return any(h.start < end and start < h.end and h.key == "p" and (what is None or h.what == what)
               for h in register.find(text))


def _latin(person: Person) -> tuple[str, str | None]:
    """The person's name in Latin letters: as registered, else its likeliest romanisation."""
    if all(c.isascii() or not c.isalpha() or ord(c) < 0x250 for c in person.registered):
        return person.registered, person.surname or None
    pairs = spelling_pairs(person.registered, person.surname or None)
    return pairs[0] if pairs else ("", None)  # a script romanise does not know (the matcher folds it itself)


def _given_and_surname(person: Person) -> tuple[list[str], str]:
    name, family = _latin(person)
    words = name.split() or [""]
    if family and family in words:
        given, surname = [w for w in words if w != family], family
    else:
        given, surname = words[:-1], words[-1]
    return [g for g in given if len(g) > 1], surname  # Balinese "I", "Ni" are prefixes, not initials


people = st.sampled_from(PEOPLE)
#: The same examples at every run, so that the suite's verdict does not depend on chance; set
#: FACILITATOR_GATE_RANDOM=1 (and raise FACILITATOR_GATE_EXAMPLES) to hunt by hand.
EXAMPLES = settings(max_examples=int(os.environ.get("FACILITATOR_GATE_EXAMPLES", "150")), deadline=None,
                    derandomize=not os.environ.get("FACILITATOR_GATE_RANDOM"),
                    suppress_health_check=[HealthCheck.too_slow])


@EXAMPLES
@given(people)
def test_the_registered_name_and_its_romanisations_are_found(person):
    register = _register(person)
    assert _found(register, person.registered)
    for form, _ in spelling_pairs(person.registered, person.surname or None)[:6]:
        assert _found(register, form), form


@EXAMPLES
@given(people, st.data())
def test_an_alias_is_found(person, data):
    alias = data.draw(st.sampled_from(person.others))
    assert _found(_register(person, (alias,)), alias)


@EXAMPLES
@given(people)
def test_initials_addresses_and_handles_are_found(person):
    given_names, surname = _given_and_surname(person)
    if not given_names or not surname.isascii() or not given_names[0].isascii():
        return  # "ÞG": initials of letters beyond ASCII are not generated
    register = _register(person)
    compact = surname.replace("-", "").replace("'", "")
    first = given_names[0]
    for form in (f"{first[0]}{surname[0]}".upper(), f"{first[0].lower()}{compact.lower()}@example.org",
                 f"@{first[0].upper()}{compact}", f"#{compact}", f"{first.lower()}.{compact.lower()}@example.org"):
        assert _found(register, form), form


@EXAMPLES
@given(people, st.data())
def test_a_slip_in_a_long_surname_is_a_possible_mention(person, data):
    _, surname = _given_and_surname(person)
    if len(surname) < 6 or not surname.isalpha() or not surname.isascii():
        return
    k = data.draw(st.integers(1, len(surname) - 2))
    slip = surname[:k] + surname[k + 1] + surname[k] + surname[k + 2:]  # two letters swapped
    if slip.casefold() == surname.casefold():
        return
    assert _found(_register(person), slip), slip


@EXAMPLES
@given(people)
def test_a_role_one_person_holds_is_found(person):
    assert _found(_register(person), f"the {person.role} from {person.region}".replace(",", ""))


def _sentences() -> list[str]:
    found = []
    for name in ("ordinary_sentences.txt", "roundtable_sentences.txt"):
        lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
        found += [line for line in lines if line.strip() and not line.startswith("#")]
    return found


COMMON_WORD_PEOPLE = ["Theresa May", "Grace Young", "Edward Said", "Samantha Power", "Grace Long", "Hugh Field",
                      "Ruth Strong", "Anna Grant", "Bob Hope", "Mary Little", "Adrienne Rich", "Ann Wood", "Tom Hill",
                      "Mark Rose", "Frank King", "Joy Bishop", "Sam Cook", "Ed Price", "Susan Rice", "Jon Ward",
                      "Liam Fox", "Dan Page", "Jim Best", "Kate Moss", "Lou Reed", "Amy Swift", "Sue Sharp",
                      "Ken Wise", "Jo Hunt", "Pat Chase", "Ed Mills", "Ty Banks", "Al Hall", "Emma Stone",
                      "Jo Black", "Tim Green", "Ed Brown", "Kim English", "Dawn French", "Jane Law", "Ann Summer"]


def test_ordinary_prose_is_flagged_in_at_most_one_percent_of_sentences():
    """The registers issue 22 names: common-word surnames, a participant of the United Nations, an organiser
    named like a participant; and the benchmark's 269 people of sixteen origins."""
    institutions = [ParticipantPublic(id=f"u{n}", meeting_id="m", name=f"Official Number{n}", organisation=org)
                    for n, org in enumerate(["United Nations (UN)", "European Union", "World Bank", "Ghana"])]
    common = [ParticipantPublic(id=f"c{n}", meeting_id="m", name=name) for n, name in enumerate(COMMON_WORD_PEOPLE)]
    everyone = [ParticipantPublic(id=f"b{n}", meeting_id="m", name=p.registered, surname=p.surname, role=p.role,
                                  region=p.region) for n, p in enumerate(PEOPLE)]
    sentences = _sentences()
    assert len(sentences) >= 1400
    for register in (_register(None, others=0, extra=[*common, *institutions],
                               organisers=["Young Peacebuilders Network"]),
                     _register(None, others=0, extra=everyone)):
        flagged = [s for s in sentences if register.find(s)]
        assert len(flagged) / len(sentences) <= 0.01, flagged[:20]


@pytest.mark.parametrize("form", ["Natalia Kouznetsova", "NK", "nkuznetsova@example.org", "Kuznestova",
                                  "the Senior Research Fellow from Russia"])
def test_a_probe_through_a_real_export_is_refused(engine, tmp_path, form):
    meeting = services.create_meeting(engine, "roundtable", title="Probe", date=dt.date(2026, 12, 5))
    services.add_participant(engine, meeting.id, "Наталья Кузнецова", organisation="Moscow Centre for Conflict "
                             "Studies", role="Senior Research Fellow", region="Russia")
    for n, name in enumerate(("Kofi Mensah", "Ines Duarte", "Ola Nordmann")):
        services.add_participant(engine, meeting.id, name, region=f"Region {n}", role=f"Adviser {n}")
    discussion = next(i for i in services.list_items(engine, meeting.id) if i.kind == "discussion")
    services.add_note(engine, meeting.id, f"In the closed session {form} argued for a regional fund.",
                      kind="recommendation", item_id=discussion.id)
    for fmt in ("md", "pdf"):
        with pytest.raises(ExportError):
            export(engine, meeting.id, "report", fmt, tmp_path / f"probe.{fmt}")
        assert not (tmp_path / f"probe.{fmt}").exists()
