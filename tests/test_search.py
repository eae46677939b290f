"""Full-text search checked against an independent computation: Python's `in`
over the same (accent-folded) texts of a generated archive."""

import datetime as dt
import random

import pytest

pytestmark = pytest.mark.both_databases

from facilitator import services
from facilitator.services.bundles import import_bundle, write_bundle
from facilitator.services.search import reindex, search
from facilitator.text import fold

from .exporting_helpers import on_the_record_for_a_while

WORDS = ("prevention accountability early warning civil society mediation sanctions review periodic universal "
         "resilience gender regional bodies atrocity dialogue capacity training Šimonović Côte d'Ivoire Genève "
         "Friedrich-Ebert-Stiftung").split()


@pytest.fixture
def archive(engine):
    rng = random.Random(7)
    texts = {}
    for m in range(6):
        meeting = services.create_meeting(engine, rng.choice(["roundtable", "breakfast", "dialogue"]),
                                          title=f"Meeting {m}", date=dt.date(2015 + m, 3, 1))
        items = services.list_items(engine, meeting.id)
        for _ in range(40):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
            note = services.add_note(engine, meeting.id, text, item_id=rng.choice(items).id,
                                     kind=rng.choice(["reflection", "recommendation", "challenge"]))
            texts[note.id] = text
    return texts


def words_of(text):
    import re
    return re.findall(r"\w+", fold(text))


def expected_word(texts, word):
    return {nid for nid, t in texts.items() if fold(word) in words_of(t)}


def expected_phrase(texts, phrase):
    target = " ".join(words_of(phrase))
    return {nid for nid, t in texts.items() if f" {target} " in f" {' '.join(words_of(t))} "}


def found(engine, query, **filters):
    return {h.note_id for h in search(engine, query, limit=10_000, **filters)}


@pytest.mark.parametrize("word", ["prevention", "simonovic", "Šimonović", "GENEVE", "stiftung", "ivoire"])
def test_single_words_match_python(engine, archive, word):
    assert found(engine, word) == expected_word(archive, word)


@pytest.mark.parametrize("phrase", ['"early warning"', '"civil society"', '"universal periodic review"',
                                    '"Côte d\'Ivoire"'])
def test_phrases_match_python(engine, archive, phrase):
    assert found(engine, phrase) == expected_phrase(archive, phrase.strip('"'))


def test_prefix_and_conjunction(engine, archive):
    prefix = {nid for nid, t in archive.items() if any(w.startswith("resil") for w in words_of(t))}
    assert found(engine, "resil*") == prefix
    both = expected_word(archive, "gender") & expected_word(archive, "mediation")
    assert found(engine, "gender mediation") == both


def test_hostile_queries_do_not_error(engine, archive):
    for query in ['"unbalanced', "NEAR(", "a OR", "*", "col:on", "-x", "^start"]:
        try:
            search(engine, query)
        except Exception as exc:  # only the one-line 'type a word' error is acceptable
            assert "at least one word" in str(exc)


def test_index_follows_edits_deletes_and_imports(engine, archive, tmp_path):
    note_id = next(iter(archive))
    services.update_note(engine, note_id, text="xylophone diplomacy")
    assert found(engine, "xylophone") == {note_id}
    services.delete_note(engine, note_id)
    assert found(engine, "xylophone") == set()
    services.restore_note(engine, note_id)
    assert found(engine, "xylophone") == {note_id}

    note = services.get_note(engine, note_id)
    bundle = write_bundle(engine, note.meeting_id, tmp_path / "b.json")
    from facilitator.db import open_engine
    other = open_engine(tmp_path / "other.db")
    import_bundle(other, bundle)
    assert found(other, "xylophone") == {note_id}
    assert reindex(engine) == len(archive)
    assert found(engine, "xylophone") == {note_id}


def test_filters_and_speaker_privacy(engine):
    protected = services.create_meeting(engine, "breakfast", title="NFA", date=dt.date(2017, 9, 7))
    public = services.create_meeting(engine, "dialogue", title="OTR", date=dt.date(2017, 9, 6))
    with on_the_record_for_a_while(engine, protected.id):  # named while on the record, protected since
        services.add_note(engine, protected.id, "Sanctions need review", kind="rec", addressee="UN",
                          speaker="Jane Smith", themes=["Politics"])
    services.add_note(engine, public.id, "Sanctions need review too", speaker="Ivan Šimonović")
    hits = {h.meeting_title: h for h in search(engine, "sanctions")}
    assert hits["NFA"].speaker == "" and hits["OTR"].speaker == "Ivan Šimonović"
    assert [h.meeting_title for h in search(engine, "sanctions", addressee="un")] == ["NFA"]
    assert [h.meeting_title for h in search(engine, "sanctions", theme="politics")] == ["NFA"]
    assert [h.meeting_title for h in search(engine, "sanctions", rule="on-the-record")] == ["OTR"]
    assert [h.meeting_title for h in search(engine, "sanctions", since=dt.date(2017, 9, 7))] == ["NFA"]
    assert [h.meeting_title for h in search(engine, "sanctions", kind="recommendation")] == ["NFA"]
    assert "[Sanctions]" in hits["NFA"].snippet
