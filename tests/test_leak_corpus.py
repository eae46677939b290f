"""The data of the leak benchmark (bench/leaks.py, `python -m bench leaks`) is
well formed: the hand-written corpus of ordinary meeting-report sentences
(tests/fixtures/ordinary_sentences.txt) and the name lists
(bench/leak_names/*.tsv). The matcher's rates are not asserted here: the bench
prints them."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "ordinary_sentences.txt"
NAMES = ROOT / "bench" / "leak_names"
ORGANISATIONS = "organisations.tsv"
PERSON_COLUMNS = 7  # registered, surname, organisation, role, region, other spellings, called-by
ORGANISATION_COLUMNS = 4  # name, acronym, short forms, kind


def rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    comments, found = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#"):
            comments.append(line)
        elif line.strip():
            found.append((number, line.split("\t")))
    return comments, found


def name_files() -> list[Path]:
    return [p for p in sorted(NAMES.glob("*.tsv")) if p.name != ORGANISATIONS]


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def test_the_corpus_has_a_thousand_distinct_sentences():
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), "the corpus says what it is in a comment"
    sentences = [line for line in lines if not line.startswith("#")]
    assert all(s.strip() for s in sentences), "no empty lines among the sentences"
    assert all(s == s.strip() for s in sentences), "no stray spaces around a sentence"
    assert len(sentences) >= 1000
    assert len(set(sentences)) == len(sentences), "every sentence once"


def test_there_are_ten_origins_and_two_hundred_names():
    origins, names = set(), 0
    for path in name_files():
        comments, found = rows(path)
        origins.add(next((c.split(":", 1)[1].strip() for c in comments if c.lower().startswith("# origin:")),
                         path.stem))
        names += len(found)
        assert len(found) >= 15, f"{path.name} has {len(found)} names, fewer than 15"
    assert len(origins) >= 10
    assert names >= 200


@pytest.mark.parametrize("path", [*name_files(), NAMES / ORGANISATIONS], ids=lambda p: p.name)
def test_every_file_says_where_its_names_come_from(path):
    comments, _ = rows(path)
    assert any("source" in c.lower() for c in comments), f"{path.name} has no source comment"
    assert any("not generated" in c.lower() or "general knowledge" in c.lower() for c in comments), \
        f"{path.name} does not say how it was written"


@pytest.mark.parametrize("path", name_files(), ids=lambda p: p.name)
def test_every_name_row_is_well_formed(path):
    _, found = rows(path)
    registered = set()
    for number, cells in found:
        where = f"{path.name}:{number}"
        assert len(cells) == PERSON_COLUMNS, f"{where}: {len(cells)} columns, not {PERSON_COLUMNS}"
        assert all(c == c.strip() for c in cells), f"{where}: spaces around a cell"
        name, surname, organisation, role, region, others, called_by = cells
        assert name and organisation and role and region, f"{where}: an empty required cell"
        assert name not in registered, f"{where}: {name} twice"
        registered.add(name)
        if surname:
            assert fold(surname) in fold(name), f"{where}: the surname {surname!r} is not part of {name!r}"
            assert not name.endswith(" " + surname) or " " in surname, \
                f"{where}: the surname column is for a surname that is not the last word"
        spellings = others.split("|")
        assert spellings and all(s and s == s.strip() for s in spellings), f"{where}: an empty other spelling"
        assert len(set(spellings)) == len(spellings), f"{where}: an other spelling twice"
        assert name not in spellings, f"{where}: the registered name among its other spellings"
        if called_by:
            assert all(c and c == c.strip() for c in called_by.split("|")), f"{where}: an empty called-by name"


def test_every_organisation_row_is_well_formed():
    _, found = rows(NAMES / ORGANISATIONS)
    assert len(found) >= 30
    for number, cells in found:
        where = f"{ORGANISATIONS}:{number}"
        assert len(cells) == ORGANISATION_COLUMNS, f"{where}: {len(cells)} columns, not {ORGANISATION_COLUMNS}"
        name, acronym, short_forms, kind = cells
        assert name and acronym and short_forms, f"{where}: an empty cell"
        assert acronym.isupper() and acronym not in name, f"{where}: the acronym must not be registered"
        assert all(s.strip() for s in short_forms.split("|")), f"{where}: an empty short form"
        assert kind in ("real", "invented"), f"{where}: kind {kind!r}"


def test_the_bench_reads_the_same_names():
    from bench.leaks import all_pairs, load_organisations, load_people

    people, organisations = load_people(), load_organisations()
    assert len(people) == sum(len(rows(p)[1]) for p in name_files())
    assert len(organisations) == len(rows(NAMES / ORGANISATIONS)[1])
    assert {p.cls for p in all_pairs(people, organisations)} >= {"registered", "romanisation", "org-short"}
