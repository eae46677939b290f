"""Other Latin spellings of a registered name, as a note-taker may type them.

The register holds one spelling per person; a note-taker types the one they know: "Natalia
Kouznetsova" from a French paper, "Kusnezowa" from a German one, "Tse-tung" from an old book,
"Kim Min-su" for 김민수. `spellings` returns those other spellings so the name matcher
(facilitator.names) can flag them too. It is pure: no database, no screen, and cheap to import
(pykakasi is loaded on first use, and only for Japanese).

What each script gets (the tables and their sources are in facilitator/romanise_tables.py):

- Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian): the national or
  BGN/PCGN system, ALA-LC, ISO 9 and the scholarly transliteration without diacritics, French and
  German usage, and the common English forms (Natalia/Natalya/Nataliya, -y/-iy/-ii/-i).
- Greek: ELOT 743 and the usual phonetic spellings (Yiorgos, Hristos, Kiriakos).
- Arabic script: a table of common names with their usual spellings (short vowels are not written,
  so no letter table can spell a name), the article as al-/el-/Al /joined/dropped/assimilated, and a
  consonant skeleton for other words.
- Chinese: pinyin (anyascii's readings, with the family-name readings fixed), Wade–Giles, and the
  Cantonese, Hokkien and Teochew spellings of common family names.
- Korean: Revised Romanisation, McCune–Reischauer without diacritics, the usual spellings of family
  names and of given-name syllables (Young-hee, Min-soo).
- Japanese: Hepburn from pykakasi, with long vowels as ou/o/oh, and the readings of common family
  names from a table.
- Latin: Arabic names (al-/el-, q/k, ou/u/oo, sh/ch, i/e), Slavic endings (-ov/-off, -sky/-ski,
  Andreev/Andreyev, ks/x), Mac/Mc, -ić/-ich. Only words that look Arabic or Slavic get those rules.
- Thai: a table of common name elements (given names and surname parts, with the Sanskrit-style
  spellings: Sri, Prasert, Suwanna), compounds spelled element by element, and for other words a
  rule-based reading (lead vowels, inherent o and a, final values, thanthakhat, ห นำ, clusters) in
  RTGS with the changes usual in passports (ph/p, th/t, ch/j, ee, oo, -orn, ae/ea, oe/er). Given name
  first; the family-name-first order too.
- Ethiopic (Amharic, Tigrinya): a table of common Ethiopian and Eritrean names and name elements
  (Gebre-, Wolde-, -mariam, -michael), and for other words the syllabary read by rule (the sixth
  order with or without a vowel, ä as e or a, ቀ k/q, ጸ ts/s, ኘ ny/gn).

Every form is a guess that a human might type; every form is also a name the matcher will flag
anywhere, so the rules stay conservative: at most MAX_FORMS forms, the likeliest first.

pykakasi is GPL-3.0-or-later while this project is MIT: a distribution that bundles it (a frozen
binary, an installer) must meet the GPL. Without it (uninstalled, or dropped from pyproject.toml)
this module still works: kana names and the family names of JAPANESE_SURNAMES are read from tables,
and a name with other kanji gets no Japanese spellings.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
import unicodedata

from . import romanise_tables as T

MAX_FORMS = 40

Options = list[tuple[str, int]]  # spellings of one piece with their cost (0 = most usual)


def spellings(name: str, surname: str | None = None) -> list[str]:
    """Other full-name spellings of `name` (never `name` itself), likeliest first.

    `surname` is the family name where it is not the last word (Chinese, Japanese, Korean; a
    two-character Chinese family name). Names in Chinese, Korean and Japanese come in both orders
    (family name first, and given name first), Thai names too (given name first, then family name
    first). Unknown scripts give []."""
    return [form for form, _ in _spelling_pairs(name or "", surname or None)]


def spelling_pairs(name: str, surname: str | None = None) -> list[tuple[str, str | None]]:
    """The forms of `spellings`, each with its family name where that is not the last word (Chinese,
    Korean and Japanese forms put it first, "Park Chi-hun", or last, "Chi-hun Park": both name it),
    else None. A matcher that reads the first word as the given name needs it: without it, "Chi-hun"
    would be taken for the surname of "Park Chi-hun"."""
    return list(_spelling_pairs(name or "", surname or None))


def surname_spellings(surname: str) -> list[str]:
    """Other spellings of a family name written alone (never `surname` itself)."""
    return list(_surname_spellings(surname or ""))


def _spellings(name: str, surname: str | None) -> tuple[str, ...]:
    return tuple(form for form, _ in _spelling_pairs(name, surname))


@functools.lru_cache(maxsize=8192)  # a register is built once per meeting; names repeat across meetings
def _spelling_pairs(name: str, surname: str | None) -> tuple[tuple[str, str | None], ...]:
    # The public functions copy the cached tuple into a new list, so a caller cannot change the cache.
    name = " ".join(unicodedata.normalize("NFC", name).split())
    surname = " ".join(unicodedata.normalize("NFC", surname).split()) if surname else None
    script = _script_of(name)
    if script == "cyrillic":
        forms = _cyrillic_name(name)
    elif script == "greek":
        forms = _greek_name(name)
    elif script == "arabic":
        forms = _arabic_name(name)
    elif script == "latin":
        forms = _latin_name(name)
    elif script == "kana" or script == "han" and _looks_japanese(name, surname):
        forms = _japanese_name(name, surname)
    elif script == "han" and _maybe_japanese(name, surname):  # 菅義偉 or 林志玲: both readings, alternately
        forms = [f for pair in itertools.zip_longest(_chinese_name(name, surname), _japanese_name(name, surname))
                 for f in pair if f]
    elif script == "han":
        forms = _chinese_name(name, surname)
    elif script == "hangul":
        forms = _korean_name(name, surname)
    elif script == "thai":
        forms = _thai_name(name)
    elif script == "ethiopic":
        forms = _ethiopic_name(name)
    else:
        forms = []
    return _finish_pairs(forms, name)


@functools.lru_cache(maxsize=4096)
def _surname_spellings(surname: str) -> tuple[str, ...]:
    surname = " ".join(unicodedata.normalize("NFC", surname).split())
    script = _script_of(surname)
    if script == "han" and not _looks_japanese(surname, surname):
        return _finish(_chinese_surname(surname.replace(" ", "")), surname)
    if script in ("han", "kana"):
        return _finish([f for f, _ in _japanese_reading_forms(surname.replace(" ", ""), family=True)], surname)
    if script == "hangul":
        return _finish([f for f, _ in _korean_surname(surname.replace(" ", ""))], surname)
    return _spellings(surname, None)


# --- shared machinery ---------------------------------------------------------------------------------------

def _script_of(text: str) -> str:
    """The script of the letters of `text`: one of latin, cyrillic, greek, arabic, han, kana, hangul,
    thai, ethiopic;
    "" for no letters; "other" for any other script or a mixture that no rule here reads."""
    found = set()
    for ch in text:
        if not ch.isalpha():
            continue
        code = ord(ch)
        if code < 0x250 or 0x1E00 <= code < 0x1F00:
            found.add("latin")
        elif 0x400 <= code < 0x530:
            found.add("cyrillic")
        elif 0x370 <= code < 0x400 or 0x1F00 <= code < 0x2000:
            found.add("greek")
        elif 0x600 <= code < 0x700 or 0x750 <= code < 0x780 or 0x8A0 <= code < 0x900 or 0xFB50 <= code < 0xFF00:
            found.add("arabic")
        elif 0x3040 <= code < 0x3100 or 0x31F0 <= code < 0x3200 or 0xFF66 <= code < 0xFFA0:
            found.add("kana")
        elif 0xAC00 <= code < 0xD7A4:
            found.add("hangul")
        elif 0xE00 <= code < 0xE80:
            found.add("thai")
        elif 0x1200 <= code < 0x13A0 or 0x2D80 <= code < 0x2DE0 or 0xAB00 <= code < 0xAB30:
            found.add("ethiopic")
        elif 0x4E00 <= code < 0xA000 or 0x3400 <= code < 0x4DC0 or 0xF900 <= code < 0xFB00 \
                or 0x20000 <= code < 0x30000 or code == 0x3005:
            found.add("han")
        else:
            return "other"
    if not found:
        return ""
    if found == {"han", "kana"}:
        return "kana"
    for script in ("cyrillic", "greek", "arabic", "thai", "ethiopic"):  # with a Latin word or two (an initial)
        if found <= {script, "latin"} and script in found:
            return script
    return found.pop() if len(found) == 1 else "other"


def _ranked(slots: list[Options], cap: int) -> list[tuple[tuple[str, ...], int]]:
    """The combinations of one option per slot, cheapest first (ties in a fixed order), at most
    `cap`. Each slot's options must be sorted by cost."""
    if not slots:
        return [((), 0)]
    if any(not s for s in slots):
        return []
    start = (0,) * len(slots)
    heap = [(sum(s[0][1] for s in slots), start)]
    seen = {start}
    out = []
    while heap and len(out) < cap:
        cost, index = heapq.heappop(heap)
        out.append((tuple(slots[k][i][0] for k, i in enumerate(index)), cost))
        for k, i in enumerate(index):
            if i + 1 < len(slots[k]):
                following = index[:k] + (i + 1,) + index[k + 1:]
                if following not in seen:
                    seen.add(following)
                    heapq.heappush(heap, (cost - slots[k][i][1] + slots[k][i + 1][1], following))
    return out


def _choices(options: tuple[str, ...] | list[str], start: int = 0) -> Options:
    """Options with costs start, start+1, ... in their order, without repeats."""
    return [(o, start + i) for i, o in enumerate(dict.fromkeys(options))]


def _dedupe(options: Options) -> Options:
    """Keep the cheapest of equal spellings (case-insensitively), sorted by cost."""
    best: dict[str, tuple[int, int, str]] = {}
    for order, (form, cost) in enumerate(options):
        key = form.casefold()
        if key not in best or cost < best[key][0]:
            best[key] = (cost, best[key][1] if key in best else order, form)
    return [(form, cost) for cost, _, form in sorted(best.values())]


def _joined_forms(slots: list[Options], cap: int, sep: str = " ") -> Options:
    return _dedupe([(sep.join(parts), cost) for parts, cost in _ranked(slots, cap)])


def _cap(word: str) -> str:
    """Upper-case the first letter of each part of a word separated by a hyphen or a space."""
    return re.sub(r"(^|[\s-])([a-z])", lambda m: m.group(1) + m.group(2).upper(), word)


def _cap_first(word: str) -> str:
    return word[:1].upper() + word[1:]


# Two-letter English function words: never offered as a family name ("No" for 노, "An" for 안, "So"
# for 蘇, "Go" for 고, "To" for 杜): the matcher would have to tell the name from the word.
_FUNCTION_WORDS = frozenset("no do so to or in an go on as at be by if is it me my of up us we am".split())


def _finish(forms: list[str], name: str) -> tuple[str, ...]:
    return tuple(form for form, _ in _finish_pairs(forms, name))


def _finish_pairs(forms: list, name: str) -> tuple[tuple[str, str | None], ...]:
    """Clean forms (a form, or a form and its family name): single spaces, no one-letter word, no
    repeat (case-insensitive), not `name`."""
    seen = {name.casefold(), name.replace(" ", "").casefold()} if name else set()
    out: list[tuple[str, str | None]] = []
    for item in forms:
        form, family = (item, None) if isinstance(item, str) else item
        form = " ".join(form.split())
        words = form.split()
        if not words or any(len(w.strip("-'")) < 2 for w in words):
            continue
        if any(len(part) < 2 and len(words) == 1 for part in form.split("-")):
            continue
        key = form.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append((form, family))
        if len(out) >= MAX_FORMS:
            break
    return tuple(out)


def _order_by_cost(candidates: list[tuple[str, int]]) -> list[str]:
    """The forms, cheapest first; equal costs keep their order."""
    return [form for _, (form, _cost) in sorted(enumerate(candidates), key=lambda x: (x[1][1], x[0]))]


def _both_orders(family_given: list[tuple[tuple[str, str], int]]) -> list[tuple[str, str]]:
    """Family name first (cost as given) and given name first (one dearer), cheapest first; each form
    with its family name."""
    candidates = []
    for (family, given), cost in family_given:
        if given:
            candidates += [((f"{family} {given}", family), cost), ((f"{given} {family}", family), cost + 1)]
        else:
            candidates.append(((family, family), cost))
    return [pair for _, (pair, _cost) in sorted(enumerate(candidates), key=lambda x: (x[1][1], x[0]))]


# --- 1. Cyrillic ----------------------------------------------------------------------------------------

_CYR_VOWELS = set("аеёиоуыэюяіїєў")
_CYR_AFTER_VOWEL = _CYR_VOWELS | set("ьъй")
_CYR_HUSHING = set("жчшщц")


@functools.cache
def _scheme(text: str) -> dict[str, tuple[str, ...]]:
    """Parse a scheme string of romanise_tables ("а a  ^е ye|e  ъ -")."""
    items = text.split()
    return {key: tuple("" if o == "-" else o for o in value.split("|")) for key, value in zip(items[::2], items[1::2])}


def _transliterate(word: str, scheme: dict[str, tuple[str, ...]], cap: int) -> Options:
    """Spellings of one lower-case word by a scheme, cheapest first."""
    slots: list[Options] = []
    i, n = 0, len(word)
    while i < n:
        for length in (3, 2, 1):
            seg = word[i:i + length]
            if len(seg) < length:
                continue
            prev = word[i - 1] if i else ""
            after = word[i + length] if i + length < n else ""
            keys = []
            if i + length == n:
                keys.append(seg + "$")
            if i == 0:
                keys.append("^" + seg)
            if prev in _CYR_VOWELS and after in _CYR_VOWELS:
                keys.append("~" + seg)
            if prev and prev in _CYR_HUSHING:
                keys.append("*" + seg)
            if prev and prev in _CYR_AFTER_VOWEL:
                keys.append("+" + seg)
            keys.append(seg)
            hit = next((scheme[k] for k in keys if k in scheme), None)
            if hit is not None:
                slots.append(_choices(hit))
                i += length
                break
        else:
            ch = word[i]
            if ch.isascii():
                slots.append([(ch, 0)])
            elif unicodedata.category(ch).startswith("L"):
                return []  # a letter this scheme does not know
            i += 1
    return _joined_forms(slots, cap, sep="")


def _cyrillic_language(text: str) -> str:
    letters = set(text.lower())
    if letters & set(T.SERBIAN_LETTERS) or re.search(r"ић\b", text.lower()):
        return "sr"
    if letters & set(T.BELARUSIAN_LETTERS) or ("і" in letters and "и" not in letters and letters & set("ыэ")):
        return "be"
    if letters & set(T.UKRAINIAN_LETTERS) or "і" in letters:
        return "uk"
    if re.search(r"[сц]ьк|енко\b|чук\b|юк\b|[бвгджзклмнпрстфхцчшщ]ко\b|[дт]ро\b", text.lower()):
        return "ru+uk"  # no Ukrainian letter, but Ukrainian spelling (-ський, -енко, -чук): read both ways
    return "ru"


def _cyrillic_schemes(language: str, text: str) -> list[tuple[str, int]]:
    """(scheme, base cost) for a language, most usual first."""
    if language == "sr":
        return [(T.SR_LATIN, 0)]
    if language == "uk":
        return [(T.UK_ENGLISH, 0), (T.UK_NATIONAL, 0), (T.UK_FRENCH, 1), (T.UK_GERMAN, 1), (T.UK_SCHOLARLY, 2),
                (T.UK_POLISH, 2)]
    if language == "be":
        return [(T.BE_NATIONAL, 0), (T.BE_BGN, 0), (T.BE_FRENCH, 1), (T.BE_GERMAN, 1)]
    if language == "ru+uk":
        return [(T.UK_ENGLISH, 0), (T.UK_NATIONAL, 0), (T.RU_ENGLISH, 1), (T.UK_FRENCH, 1), (T.UK_GERMAN, 1),
                (T.RU_BGN, 1), (T.UK_SCHOLARLY, 2), (T.UK_POLISH, 2), (T.RU_FRENCH, 2), (T.RU_GERMAN, 2)]
    schemes = [(T.RU_ENGLISH, 0), (T.RU_BGN, 0), (T.RU_ALA_LC, 1), (T.RU_FRENCH, 1), (T.RU_GERMAN, 1)]
    if not set(text.lower()) & set(T.RUSSIAN_ONLY_LETTERS):  # could be Bulgarian
        schemes.append((T.BG_STREAMLINED, 1))
    return schemes + [(T.RU_ISO9, 2), (T.RU_SCHOLARLY, 2), (T.RU_POLISH, 2)]


def _pieces(name: str) -> list[str]:
    """Words and hyphens of a name: "Римский-Корсаков Н" -> ["Римский", "-", "Корсаков", " ", "Н"]."""
    return [p for p in re.split(r"(\s+|-)", name) if p]


def _per_piece_name(name: str, spell) -> list[str]:
    """Forms of a name whose words are spelled one by one: `spell(word)` gives (scheme, options)
    lists; whole names keep one scheme (cheapest first), then mix schemes across words."""
    pieces = _pieces(name)
    words = [p for p in pieces if p.strip() and p != "-"]
    if not words:
        return []
    per_word = [spell(w) for w in words]  # per word: {scheme index: options}
    schemes = sorted({k for d in per_word for k in d})
    candidates: list[tuple[str, int]] = []

    def assemble(chosen: tuple[str, ...]) -> str:
        it = iter(chosen)
        return "".join(next(it) if p.strip() and p != "-" else (" " if p.isspace() else p) for p in pieces)

    for k in schemes:
        slots = [d.get(k) or d.get(-1) or [] for d in per_word]
        candidates += [(assemble(c), cost) for c, cost in _ranked(slots, 12)]
    union = [_dedupe([o for opts in d.values() for o in opts]) for d in per_word]
    candidates += [(assemble(c), cost + 2) for c, cost in _ranked(union, 30)]
    return _order_by_cost(candidates)


def _cyrillic_name(name: str) -> list[str]:
    language = _cyrillic_language(name)
    schemes = _cyrillic_schemes(language, name)

    def spell(word: str) -> dict[int, Options]:
        if not re.search(r"[\u0400-\u052f]", word):
            return {-1: [(word, 0)]}
        found = {}
        for k, (text, base) in enumerate(schemes):
            options = _transliterate(word.lower(), _scheme(text), 6)
            if options:
                found[k] = [(_cap(form), cost + base) for form, cost in options]
        return found

    return _per_piece_name(name, spell)


# --- 2. Greek -------------------------------------------------------------------------------------------

def _greek_letters(word: str) -> list[tuple[str, bool]]:
    """Lower-case base letters, each with whether it carries a diaeresis (which splits a digraph)."""
    out: list[tuple[str, bool]] = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch == "\u0308" and out:
            out[-1] = (out[-1][0], True)
        elif not unicodedata.combining(ch):
            out.append((ch, False))
    return out


def _greek_word(word: str, anglicised: bool = False) -> Options:
    letters = _greek_letters(word)
    pairs = {**T.GREEK_PAIRS, **{k: v for k, v in T.GREEK_ANGLICISED.items() if len(k) == 2}} if anglicised \
        else T.GREEK_PAIRS
    singles = {**T.GREEK_LETTERS, **{k: v for k, v in T.GREEK_ANGLICISED.items() if len(k) == 1}} if anglicised \
        else T.GREEK_LETTERS
    slots: list[Options] = []
    i, n = 0, len(letters)
    while i < n:
        ch = letters[i][0]
        nxt, nxt_split = letters[i + 1] if i + 1 < n else ("", False)
        pair = ch + nxt
        if pair in T.GREEK_NASAL_PAIRS:
            slots.append(_choices(T.GREEK_NASAL_PAIRS[pair][0 if i == 0 else 1]))
            i += 2
        elif ch in "αεη" and nxt == "υ" and not nxt_split:
            after = letters[i + 2][0] if i + 2 < n else ""
            voiceless = not after or after in T.GREEK_VOICELESS
            slots.append([({"α": "a", "ε": "e", "η": "i"}[ch] + ("f" if voiceless else "v"), 0)])
            i += 2
        elif pair == "γι" and not nxt_split and i + 2 < n and letters[i + 2][0] in T.GREEK_VOWELS:
            slots.append(_choices(("gi", "yi", "y")))  # Giorgos, Yiorgos, Yorgos
            i += 2
        elif pair in pairs and not nxt_split:
            slots.append(_choices(pairs[pair]))
            i += 2
        elif ch in singles:
            slots.append(_choices(singles[ch]))
            i += 1
        elif ch.isascii():
            slots.append([(ch, 0)])
            i += 1
        else:
            return []
    if anglicised:
        slots = [s[:1] for s in slots]
    return [(_cap(f), c) for f, c in _joined_forms(slots, 8, sep="")]


def _greek_name(name: str) -> list[str]:
    def spell(word: str) -> dict[int, Options]:
        if not re.search(r"[\u0370-\u03ff\u1f00-\u1fff]", word):
            return {-1: [(word, 0)]}
        return {0: _greek_word(word), 1: [(f, c + 1) for f, c in _greek_word(word, anglicised=True)]}

    return _per_piece_name(name, spell)


# --- 3. Arabic ------------------------------------------------------------------------------------------

_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي",
                              "ؤ": "و", "ئ": "ي", "ھ": "ه"})


def _arabic_key(word: str) -> str:
    return _ARABIC_MARKS.sub("", word).translate(_ARABIC_FOLD)


@functools.cache
def _arabic_table() -> dict[str, tuple[str, ...]]:
    return {_arabic_key(k): v for k, v in T.ARABIC_NAMES.items()}


@functools.cache
def _arabic_latin_index() -> dict[str, tuple[str, ...]]:
    """Latin spelling (case-folded) -> all the spellings of the names it spells."""
    index: dict[str, list[str]] = {}
    for forms in T.ARABIC_NAMES.values():
        for form in forms:
            if " " not in form and "-" not in form:
                index.setdefault(form.casefold(), []).extend(forms)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


def _arabic_skeleton(word: str) -> Options:
    """A consonant skeleton (long vowels written, short ones unknown): a guess by construction."""
    slots: list[Options] = []
    chars = _ARABIC_MARKS.sub("", word)
    for i, ch in enumerate(chars):
        prev = chars[i - 1] if i else ""
        if ch in "اأآإ" and i == 0:
            slots.append([("i", 0), ("e", 1)] if ch == "إ" else [("a", 0)])
        elif ch == "ع" and i == 0:
            slots.append([("a", 0)])
        elif ch == "و" and (i == 0 or prev in "او" or i + 1 < len(chars) and chars[i + 1] in "اى"):
            slots.append([("w", 0)])
        elif ch in "يی" and (i == 0 or i + 1 < len(chars) and chars[i + 1] in "او"):
            slots.append([("y", 0)])
        elif ch in "يی" and i == len(chars) - 1:
            slots.append([("i", 0), ("y", 1)])
        elif ch in T.ARABIC_LETTERS:
            slots.append(_choices(T.ARABIC_LETTERS[ch]))
        elif ch in "أإآؤئ":
            slots.append([("", 0)])
        else:
            return []
    return [(_cap_first(f), c) for f, c in _joined_forms(slots, 4, sep="") if len(f) > 1]


def _arabic_base(word: str) -> Options:
    forms = _arabic_table().get(_arabic_key(word))
    if forms:
        return [(f, min(i, 1)) for i, f in enumerate(forms)]
    return [(f, c + 1) for f, c in _arabic_skeleton(word)]


def _assimilated(base: str) -> str | None:
    """The article assimilated to a sun letter: "ash-" for "Shami"."""
    m = re.match(r"(sh|th|dh|[tdrzsnl])", base.lower())
    return f"a{m.group(1)}-" if m and m.group(1) != "l" else None


def _with_article(bases: Options, sun: bool, first_style: str = "al-") -> Options:
    """A family name with the article: al-X, X, el-X, Al X, AlX, ash-X (sun letters), El X."""
    out: Options = []
    for base, cost in bases:
        if " " in base:
            out.append((f"al-{base}", cost))
            continue
        styles = [(f"al-{base}", 0), (base, 1), (f"el-{base}", 1), (f"Al {base}", 1), (f"Al{base.lower()}", 1),
                  (f"El {base}", 2), (f"El{base.lower()}", 2)]
        if sun and _assimilated(base):
            styles.insert(2, (f"{_assimilated(base)}{base}", 1))
        out += [(form, cost + extra) for form, extra in styles]
    return _dedupe(out)[:16]


def _arabic_words(name: str) -> list[str]:
    """Words of an Arabic name, with "عبد ال..." and "عبدال..." kept as one name."""
    words: list[str] = []
    for word in name.split():
        key = _arabic_key(word)
        if key.startswith("عبدال") and len(key) > 5:
            words += ["عبد", word[3:]]
        else:
            words.append(word)
    merged: list[str] = []
    for word in words:
        previous = _arabic_key(merged[-1]) if merged else ""
        if previous == "عبد" and _arabic_key(word).startswith("ال") or previous == "ابو":
            merged[-1] = f"{merged[-1]} {word}"
        else:
            merged.append(word)
    return merged


def _arabic_word(word: str) -> Options:
    if re.fullmatch(r"[A-Za-z.'-]+", word):
        return [(word, 0)]
    key = _arabic_key(word)
    table = _arabic_table()
    if key in table:  # a whole entry ("عبد الرحمن", "نصر الله")
        return [(f, min(i, 1)) for i, f in enumerate(table[key])]
    if " " in word:
        head, tail = word.split(" ", 1)
        tail_key = _arabic_key(tail)
        if _arabic_key(head) == "عبد":
            rest = tail_key[2:]
            bases = _arabic_base(rest)
            sun = rest[:1] in T.ARABIC_SUN_LETTERS
            out: Options = []
            for base, cost in bases:
                out += [(f"Abdul{base.lower()}", cost), (f"Abdel{base.lower()}", cost + 1),
                        (f"Abd al-{base}", cost + 1), (f"Abdul {base}", cost + 1), (f"Abdel {base}", cost + 1)]
                if sun and _assimilated(base):
                    out.append((f"Abd {_assimilated(base)}{base}", cost + 2))
            return _dedupe(out)[:12]
        bases = _arabic_word(tail)  # Abu ...
        return _dedupe([(f"{abu} {b}", c + i) for b, c in bases for i, abu in enumerate(T.ARABIC_ABU)])[:12]
    if key in T.ARABIC_BIN:
        return _choices(T.ARABIC_BIN[key])
    if key.startswith("ال") and len(key) > 3:
        rest = key[2:]
        return _with_article(_arabic_base(rest), rest[:1] in T.ARABIC_SUN_LETTERS)
    return _arabic_base(word)


def _arabic_name(name: str) -> list[str]:
    words = _arabic_words(name)
    slots = [_arabic_word(w) for w in words]
    if any(not s for s in slots):
        return []
    forms = [(" ".join(parts), cost) for parts, cost in _ranked(slots, 60)]
    return [_cap_first(f) for f, _ in forms]


# --- 3b. Arabic names written in Latin letters -------------------------------------------------------------

_LATIN_ARTICLE = re.compile(r"^(?P<art>(?:al|el|ul|ad|ar|as|at|az|an|ash|ath|adh|ed|er|es|et|ez|en|ech))"
                            r"(?P<sep>[-‐'’])(?P<base>[^\W\d_]{2,})$", re.IGNORECASE)
_ARABIC_LOOKING = re.compile(r"q(?!u)|(?:awi|aoui|oun)$|^(?:abd|abu|abou)[a-z]", re.IGNORECASE)
_ARABIC_CLUSTERS = re.compile(r"kh|dh|gh|ou|oo|aa|q", re.IGNORECASE)


# A word made of Hepburn syllables only ("Kouichi", "Hiroshi") is read as Japanese, not Arabic.
_JAPANESE_ROMAJI = re.compile(r"(?:(?:[kgsztdnhbpmr]y?|sh|ch|j|ts|f|w|y)?[aiueo]|n)+", re.IGNORECASE)


def _looks_arabic(word: str) -> bool:
    """An Arabic name in Latin letters: one of the table's spellings, a q not followed by u, an
    ending -awi/-aoui/-oun, a prefix Abd/Abu, or an ending -i/-y with kh dh gh ou oo aa in the word."""
    lower = word.lower()
    if lower in _arabic_latin_index():
        return True
    if _ARABIC_LOOKING.search(lower):
        return True
    if _JAPANESE_ROMAJI.fullmatch(lower):
        return False
    return lower[-1:] in ("i", "y") and bool(_ARABIC_CLUSTERS.search(lower))


def _arabic_latin_rules(word: str) -> Options:
    """Spellings of an Arabic-looking Latin word by the usual alternations, cheapest first."""
    lower = word.lower()
    slots: list[Options] = []
    last_inner = max((m.start() for m in re.finditer(r"[ie](?=[^aeiouy]+[iy]$)", lower)), default=-1)
    i, n = 0, len(lower)
    while i < n:
        two = lower[i:i + 2]
        ch = lower[i]
        if ch == "q" and two != "qu":
            slots.append([("q", 0), ("k", 1)])
        elif two in ("ou", "oo"):
            slots.append(_choices((two, "u", "oo" if two == "ou" else "ou")))
            i += 1
        elif ch == "u" and i and lower[i - 1] not in "aeiouq":
            slots.append(_choices(("u", "ou")))
        elif two in ("sh", "ch"):
            slots.append(_choices((two, "ch" if two == "sh" else "sh")))
            i += 1
        elif two == "dh":
            slots.append(_choices(("dh", "z")))
            i += 1
        elif two in ("kh", "gh", "th"):
            slots.append([(two, 0)])
            i += 1
        elif two == "ee":
            slots.append(_choices(("ee", "i")))
            i += 1
        elif len(two) == 2 and two[0] == two[1] and two[0] not in "aeiouy":
            slots.append(_choices((two, two[0])))
            i += 1
        elif i == last_inner:
            slots.append(_choices((ch, "e" if ch == "i" else "i")))
        elif i == n - 1 and ch == "y":
            slots.append(_choices(("y", "i")))  # Masry / Masri
        else:
            slots.append([(ch, 0)])
        i += 1
    forms = _joined_forms(slots, 8, sep="")
    return [(_cap_first(f) if word[:1].isupper() else f, c) for f, c in forms]


def _arabic_latin_base(base: str) -> Options:
    """Spellings of a Latin word of an Arabic name: the table's, else the rules'."""
    table = _arabic_latin_index().get(base.casefold())
    if table:
        return _dedupe([(base, 0)] + [(f, 1) for f in table])
    return _arabic_latin_rules(base)


def _latin_article_forms(art: str, sep: str, base: str) -> Options:
    upper = art[:1].isupper()
    a_word, e_word = ("Al", "El") if upper else ("al", "el")
    bases = _arabic_latin_base(base)
    out: Options = []
    own = f"{art}{sep}"
    for b, cost in bases:
        styles = [(f"{own}{b}", 0), (f"{e_word if art.lower() == 'al' else a_word}-{b}", 1), (b, 1),
                  (f"Al {b}", 1), (f"El {b}", 1), (f"Al{b.lower()}", 1), (f"{a_word}-{b}", 1)]
        sun = _assimilated(b)
        if sun and art.lower() in ("al", "el"):
            styles.append(((sun[:1].upper() + sun[1:] if upper else sun) + b, 2))
        out += [(f, cost + extra) for f, extra in styles]
    return _dedupe(out)[:20]


# --- 7. Latin names --------------------------------------------------------------------------------------

@functools.cache
def _slavic_given_index() -> dict[str, tuple[str, ...]]:
    return {form.casefold(): group for group in T.SLAVIC_GIVEN_NAMES for form in group}


def _looks_slavic(word: str) -> bool:
    lower = word.lower()
    return len(lower) >= 5 and lower.isascii() and lower.endswith(T.SLAVIC_ENDINGS)


def _slavic_rules(word: str) -> Options:
    lower = word.lower()
    slots: list[Options] = []
    ending = ""
    for group in T.SLAVIC_ENDING_GROUPS:
        hit = next((e for e in sorted(group, key=len, reverse=True) if lower.endswith(e)), None)
        if hit:
            ending = hit
            lower = lower[:-len(hit)]
            ending_slot = _dedupe([(hit, 0)] + [(e, 1) for e in group if e != hit])
            break
    i, n = 0, len(lower)
    while i < n:
        three = lower[i:i + 3]
        two = lower[i:i + 2]
        if i == n - 1 and lower[i] == "v" and n > 3 and lower[i - 1] in "oe":
            slots.append([("v", 0), ("ff", 2)])  # Smirnov / Smirnoff (the émigré spelling, less usual)
            i += 1
        elif i == n - 2 and two == "ff" and n > 4 and lower[i - 1] in "oe":
            slots.append([("ff", 0), ("v", 1)])
            i += 2
        elif i and lower[i - 1] in "aeo" and three[:2] == "ye" and len(three) == 3 and three[2] not in "aeiouy":
            slots.append(_choices(("ye", "e")))  # Andreyev / Andreev
            i += 2
        elif i and lower[i - 1] in "aeo" and two[:1] == "e" and len(two) == 2 and two[1] not in "aeiouy":
            slots.append(_choices(("e", "ye")))
            i += 1
        elif two == "ks":
            slots.append(_choices(("ks", "x")))
            i += 2
        elif lower[i] == "x":
            slots.append(_choices(("x", "ks")))
            i += 1
        else:
            slots.append([(lower[i], 0)])
            i += 1
    if ending:
        slots.append(ending_slot)
    return [(_cap_first(f), c) for f, c in _joined_forms(slots, 8, sep="")]


def _latin_word(word: str, slavic_context: bool) -> Options:
    """Spellings of one Latin word (the word itself first, at cost 0)."""
    options: Options = [(word, 0)]
    lower = word.lower()
    group = _slavic_given_index().get(lower)
    if group and (slavic_context or lower not in T.WESTERN_GIVEN_NAMES):
        options += [(g, 1) for g in group]
    if _looks_slavic(word):
        options += _slavic_rules(word)
    m = re.fullmatch(r"(Mc|Mac)([A-Za-z]{3,})", word)
    if m and (m.group(1) == "Mc" or m.group(2)[0].isupper() or m.group(2).lower() in T.GAELIC_MAC_NAMES):
        rest = m.group(2)
        if m.group(1) == "Mc" or rest[0].isupper() or rest.lower() in T.GAELIC_MAC_NAMES:
            options += [(f"Mc{_cap_first(rest)}", 1), (f"Mac{_cap_first(rest)}", 1),
                        (f"Mac {_cap_first(rest)}", 2), (f"Mc {_cap_first(rest)}", 2)]  # "Mac Mahon"
    if re.search(r"[ićč]ć$|ić$|ič$", word):
        options.append((word[:-1] + "ch", 1))  # Petrović -> Petrovich
    if _looks_arabic(word) and not group:
        options += _arabic_latin_base(word)
    ben = re.fullmatch(r"(Ben|Bin|Ibn)([A-Z]?[a-z]{3,})", word)
    if ben and _looks_arabic(ben.group(2)):  # Benjelloun / Ben Jelloun; not Benjamin, Bennett
        rest = _cap_first(ben.group(2))
        options += [(f"{ben.group(1)} {rest}", 1), (f"{ben.group(1)}-{rest}", 1)]
    return _dedupe(options)[:14]


def _latin_name(name: str) -> list[str]:
    words = name.split()
    units: list[Options] = []
    slavic_context = any(_looks_slavic(w) for w in words)
    i = 0
    while i < len(words):
        word = words[i]
        m = _LATIN_ARTICLE.match(word)
        if m:
            units.append(_latin_article_forms(m.group("art"), m.group("sep"), m.group("base")))
        elif word.lower() in ("al", "el") and i + 1 < len(words) and words[i + 1][:1].isupper():
            units.append(_latin_article_forms(word, " ", words[i + 1]))
            i += 1
        elif word in ("Ben", "Bin") and i + 1 < len(words) and _looks_arabic(words[i + 1]):
            following = words[i + 1]  # Ben Salem / Bensalem
            units.append(_dedupe([(f"{word} {following}", 0), (f"{word}{following.lower()}", 1),
                                  (f"{word}-{following}", 1)] +
                                 [(f"{word} {f}", c) for f, c in _arabic_latin_base(following)[1:]]))
            i += 1
        else:
            joined = re.fullmatch(r"(al|el)([a-z]{3,})", word, re.IGNORECASE)
            if joined and joined.group(2).casefold() in _arabic_latin_index():
                units.append(_dedupe([(word, 0)] + _latin_article_forms(
                    joined.group(1), "-", _cap_first(joined.group(2)))))
            else:
                units.append(_latin_word(word, slavic_context))
        i += 1
    if all(len(u) == 1 for u in units):
        return []
    return [" ".join(parts) for parts, cost in _ranked(units, 60) if cost > 0]


# --- 4. Chinese -----------------------------------------------------------------------------------------

# Characters of given names with two common readings (the second is also offered).
_HAN_TWO_READINGS = {"长": "zhang", "長": "zhang", "朝": "zhao", "乐": "yue", "樂": "yue", "行": "hang",
                     "重": "chong", "觉": "jiao", "覺": "jiao", "都": "dou", "和": "he"}


def _anyascii(text: str) -> str:
    from anyascii import anyascii  # already a dependency of the matcher; imported on first use

    return anyascii(text)


def _pinyin(char: str) -> str:
    reading = _anyascii(char).lower()
    return reading if reading.isalpha() and reading.isascii() else ""


def _wade_giles(syllable: str) -> str:
    """Pinyin syllable (no tone) -> Wade–Giles without apostrophes and umlauts ("xiao" -> "hsiao")."""
    s = syllable.replace("v", "ü")
    if s in T.WADE_GILES_SYLLABLES:
        out = T.WADE_GILES_SYLLABLES[s]
    else:
        initial = s[:2] if s[:2] in ("zh", "ch", "sh") else s[:1] if s[:1] in T.WADE_GILES_INITIALS else ""
        final = s[len(initial):]
        if initial in ("j", "q", "x") and final.startswith("u"):
            final = "ü" + final[1:]
        if initial in ("g", "k") and final == "ui":
            final = "uei"
        elif final in T.WADE_GILES_FINALS and not (final == "uo" and initial in ("g", "k", "h", "sh")):
            final = T.WADE_GILES_FINALS[final]
        out = T.WADE_GILES_INITIALS.get(initial, initial) + final
    return out.replace("'", "").replace("ü", "u")


def _chinese_split(chars: str, surname: str | None) -> tuple[str, str]:
    if surname and chars.startswith(surname.replace(" ", "")):
        n = len(surname.replace(" ", ""))
    elif chars[:2] in T.CHINESE_COMPOUND_SURNAMES and len(chars) > 2:
        n = 2
    else:
        n = 1
    return chars[:n], chars[n:]


def _chinese_surname_options(family: str) -> Options:
    if family in T.CHINESE_SURNAME_PINYIN and len(family) == 2:  # 尉迟 yuchi: split by the characters' readings
        syllables = _split_pinyin(T.CHINESE_SURNAME_PINYIN[family], [_pinyin(c) for c in family])
    else:
        syllables = [T.CHINESE_SURNAME_PINYIN.get(c) or _pinyin(c) for c in family]
    if not all(syllables):
        return []
    syllables = [s.replace("ü", "u") if s != "lü" else "lu" for s in syllables]
    pinyin = _cap_first("".join(syllables))
    wade = "-".join(_wade_giles(s) for s in syllables)
    out = [(pinyin, 0), (_cap_first(wade), 1), (_cap_first(wade.replace("-", "")), 2)]
    if family in ("吕", "呂"):
        out.append(("Lyu", 1))
    out += [(form, 1 if i == 0 else 2) for i, form in enumerate(T.CHINESE_SURNAME_SPELLINGS.get(family, ()))]
    return _dedupe([(f, c) for f, c in out if f.lower() not in _FUNCTION_WORDS])


def _split_pinyin(joined: str, guesses: list[str]) -> list[str]:
    """Split a two-syllable pinyin ("yuchi") using the characters' own readings as a guide."""
    first = guesses[0]
    if joined.startswith(first):
        return [first, joined[len(first):]]
    for k in range(1, len(joined)):
        if joined[k:] == guesses[1]:
            return [joined[:k], joined[k:]]
    return [joined]


def _chinese_given_options(given: str) -> Options:
    slots: list[Options] = []
    for char in given:
        reading = _pinyin(char)
        if not reading:
            return []
        options = [(reading, 0)]
        if char in _HAN_TWO_READINGS and _HAN_TWO_READINGS[char] != reading:
            options.append((_HAN_TWO_READINGS[char], 2))
        slots.append(options)
    out: Options = []
    for syllables, cost in _ranked(slots, 4):
        wade = [_wade_giles(s) for s in syllables]
        if len(syllables) == 1:
            out += [(_cap_first(syllables[0]), cost), (_cap_first(wade[0]), cost + 1)]
            continue
        out += [(_cap_first("".join(syllables)), cost), (_cap_first("-".join(syllables)), cost + 1),
                (" ".join(map(_cap_first, syllables)), cost + 1), (_cap_first("-".join(wade)), cost + 1),
                (_cap_first("".join(wade)), cost + 1), (" ".join(map(_cap_first, wade)), cost + 2)]
    return _dedupe(out)


def _chinese_surname(family: str) -> list[str]:
    return [f for f, _ in _chinese_surname_options(family)]


def _chinese_name(name: str, surname: str | None) -> list[str | tuple[str, str]]:
    chars = name.replace(" ", "")
    family, given = _chinese_split(chars, surname)
    families = _chinese_surname_options(family)
    if not given:
        return [f for f, _ in families]
    givens = _chinese_given_options(given)
    if not families or not givens:
        return []
    return _both_orders([((f, g), c) for (f, g), c in _ranked([families, givens], 30)])


# --- 5. Korean ------------------------------------------------------------------------------------------

def _jamo(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _rr(syllable: str) -> str:
    jamo = _jamo(syllable)
    if jamo is None:
        return ""
    lead, vowel, tail = jamo
    return T.RR_INITIALS[lead] + T.RR_VOWELS[vowel] + T.RR_FINALS[tail]


def _popular(syllable: str) -> str:
    """The spelling usual in passports and the press (Young, Hee, Soo, Jung, Hyun, Kyung)."""
    jamo = _jamo(syllable)
    if jamo is None:
        return ""
    lead, vowel, tail = jamo
    initial = "k" if lead == 0 else T.RR_INITIALS[lead]
    v = T.RR_VOWELS[vowel]
    if tail and vowel == 4:  # ㅓ in a closed syllable: jeong -> jung, seok -> suk
        v = "u"
    elif tail and vowel == 6:  # ㅕ in a closed syllable: hyeon -> hyun; 영 -> young
        v = "you" if lead == 11 and tail == 21 else "yu"
    elif vowel == 13:  # ㅜ: su -> soo, 우 -> woo
        v = "woo" if lead == 11 else "oo"
    elif vowel == 17 and lead == 11:  # 유 -> yoo
        v = "yoo"
    elif vowel == 19 and lead == 18:  # 희 -> hee
        v = "ee"
    return initial + v + T.RR_FINALS[tail]


def _mr_given(syllables: str) -> str:
    """McCune–Reischauer without diacritics, syllables joined by hyphens, voicing inside the name."""
    out = []
    voiced = False
    for syllable in syllables:
        jamo = _jamo(syllable)
        if jamo is None:
            return ""
        lead, vowel, tail = jamo
        initial = T.MR_INITIALS[lead]
        if lead == 12 and voiced:  # ㅈ
            initial = "j"
        elif voiced and lead in (0, 3, 7):  # ㄱ ㄷ ㅂ
            initial = T.MR_VOICED[initial]
        if lead == 9 and vowel in (16, 20):  # 시, 쉬
            initial = "sh"
        out.append(initial + T.MR_VOWELS[vowel] + T.MR_FINALS[tail])
        voiced = tail in (0, 4, 8, 16, 21)  # after a vowel, n, l, m, ng
    return "-".join(out)


def _korean_surname(family: str) -> Options:
    table = T.KOREAN_SURNAMES.get(family, ())
    out = [(form, min(i, 2)) for i, form in enumerate(table)]
    rr = _cap_first("".join(_rr(s) for s in family))
    mr = _cap_first(_mr_given(family).replace("-", "")) if len(family) == 1 else ""
    out += [(rr, 1 if table else 0), (mr, 2)]
    return _dedupe([(f, c) for f, c in out if len(f) > 1 and f.lower() not in _FUNCTION_WORDS])


def _korean_given(given: str) -> Options:
    slots = [_dedupe([(_rr(s), 0), (_popular(s), 1)]) for s in given]
    if any(not s[0][0] for s in slots):
        return []
    out: Options = []
    for parts, cost in _ranked(slots, 4):
        if len(parts) == 1:
            out.append((_cap_first(parts[0]), cost))
            continue
        out += [(_cap_first("".join(parts)), cost), (_cap_first("-".join(parts)), cost),
                (" ".join(map(_cap_first, parts)), cost + 1)]
    mr = _mr_given(given)
    if mr:
        out += [(_cap_first(mr), 1), (_cap_first(mr.replace("-", "")), 2)]
    return _dedupe([(f, c) for f, c in out if all(len(w) > 1 for w in f.split())])


def _korean_name(name: str, surname: str | None) -> list[str | tuple[str, str]]:
    chars = name.replace(" ", "")
    if surname and chars.startswith(surname.replace(" ", "")):
        n = len(surname.replace(" ", ""))
    elif " " in name:
        n = len(name.split()[0])
    else:
        n = 2 if chars[:2] in T.KOREAN_COMPOUND_SURNAMES and len(chars) > 2 else 1
    family, given = chars[:n], chars[n:]
    families = _korean_surname(family)
    if not given:
        return [f for f, _ in families]
    givens = _korean_given(given)
    if not families or not givens:
        return []
    return _both_orders([((f, g), c) for (f, g), c in _ranked([families, givens], 30)])


# --- 6. Japanese ----------------------------------------------------------------------------------------

@functools.cache
def _kakasi():
    """pykakasi's converter (its dictionary ships in the package), or None where it is not installed."""
    try:
        import pykakasi
    except ImportError:
        return None
    return pykakasi.kakasi()


def _looks_japanese(name: str, surname: str | None) -> bool:
    """Whether a name in Han characters only is Japanese rather than Chinese: a space between family
    and given name, a Japanese family name from the table, 々, or four characters or more."""
    chars = name.replace(" ", "")
    family = (surname or "").replace(" ", "")
    if "々" in chars:
        return True
    if family:  # one character (林, 王) is Chinese, unless _maybe_japanese says either
        return len(family) >= 2 and family not in T.CHINESE_COMPOUND_SURNAMES
    if " " in name.strip():
        first = name.split()[0]
        return first in T.JAPANESE_SURNAMES or (len(first) >= 2 and first not in T.CHINESE_COMPOUND_SURNAMES)
    if any(chars.startswith(k) and len(k) >= 2 for k in T.JAPANESE_SURNAMES) and len(chars) >= 3:
        return True
    return len(chars) >= 4 and chars[:2] not in T.CHINESE_COMPOUND_SURNAMES


def _maybe_japanese(name: str, surname: str | None) -> bool:
    """Three characters whose first is a one-character family name common in Japan and rare in China
    (菅, 森, 原): either."""
    chars = name.replace(" ", "")
    family = (surname or chars[:1]).replace(" ", "")
    return len(chars) == 3 and family == chars[:1] and family in T.JAPANESE_NOT_CHINESE_SURNAMES


@functools.cache
def _kana_table() -> dict[str, str]:
    items = T.KANA_HEPBURN.split()
    return dict(zip(items[::2], items[1::2]))


def _kana_to_hepburn(text: str) -> str:
    """Hepburn for hiragana and katakana ("ゆうこ" -> "yuuko"), or "" for anything else."""
    hira = "".join(chr(ord(c) - 0x60) if 0x30A1 <= ord(c) <= 0x30F6 else c for c in text)
    table = _kana_table()
    out = ""
    double = False
    i = 0
    while i < len(hira):
        ch = hira[i]
        if ch == "っ":
            double = True
            i += 1
            continue
        if ch == "ー":
            out += out[-1:] if out and out[-1] in "aeiou" else ""
            i += 1
            continue
        piece = table.get(hira[i:i + 2]) if i + 1 < len(hira) else None
        step = 2 if piece else 1
        piece = piece or table.get(ch)
        if piece is None:
            return ""
        if double:
            out += "t" if piece.startswith("ch") else piece[0]
            double = False
        out += piece
        i += step
    return out


def _japanese_reading(text: str) -> str:
    """Hepburn with long vowels written as typed (ou, oo, uu): pykakasi, or the kana table."""
    text = "".join(T.JAPANESE_ITAIJI.get(c, c) for c in unicodedata.normalize("NFKC", text))
    converter = _kakasi()
    if converter is not None:
        items = converter.convert(text)
        if any(item["orig"].strip() and not item["hepburn"] for item in items):
            return ""
        return "".join(item["hepburn"] for item in items).replace("'", "").lower()
    return _kana_to_hepburn(text)


def _long_vowel_forms(reading: str) -> Options:
    """Satou -> Sato, Satou, Satoh; Honma -> Homma. An "ou" before a vowel (Inoue) is two vowels."""
    short = re.sub(r"(?<=o)[ou](?![aeiou])", "", reading)
    short = re.sub(r"(?<=u)u(?![aeiou])", "", short)
    oh = re.sub(r"o[ou](?![aeiou])", "oh", reading)
    homma = re.sub(r"n(?=[bmp])", "m", short)
    return _dedupe([(_cap_first(f), c) for f, c in ((short, 0), (reading, 1), (oh, 1), (homma, 1)) if f])


def _japanese_reading_forms(text: str, family: bool) -> Options:
    key = "".join(T.JAPANESE_ITAIJI.get(c, c) for c in text)
    readings = list(T.JAPANESE_SURNAMES.get(key, ())) if family else []
    own = _japanese_reading(text)
    if own and own not in readings:
        readings.append(own)
    out: Options = []
    for i, reading in enumerate(readings):
        out += [(f, c + min(i, 1) * 2) for f, c in _long_vowel_forms(reading)]
    return _dedupe(out)


def _japanese_split(name: str, surname: str | None) -> tuple[str, str]:
    if surname and name.replace(" ", "").startswith(surname.replace(" ", "")):
        chars = name.replace(" ", "")
        n = len(surname.replace(" ", ""))
        return chars[:n], chars[n:]
    parts = re.split(r"[\s・･]+", name.strip())
    if len(parts) > 1:
        return parts[0], "".join(parts[1:])
    chars = parts[0]
    key = "".join(T.JAPANESE_ITAIJI.get(c, c) for c in chars)
    known = [k for k in T.JAPANESE_SURNAMES if key.startswith(k) and len(k) < len(key)]
    if known:
        n = len(max(known, key=len))
        return chars[:n], chars[n:]
    converter = _kakasi()
    if converter is not None and _script_of(chars) in ("han", "kana"):
        items = converter.convert(chars)
        if len(items) > 1 and any(_script_of(c) == "han" for c in chars):
            first = items[0]["orig"]
            return chars[:len(first)], chars[len(first):]
    return chars, ""


def _japanese_name(name: str, surname: str | None) -> list[str | tuple[str, str]]:
    family, given = _japanese_split(name, surname)
    families = _japanese_reading_forms(family, family=True)
    if not given:
        return [f for f, _ in families]
    givens = _japanese_reading_forms(given, family=False)
    if not families or not givens:
        return []
    return _both_orders([((f, g), c) for (f, g), c in _ranked([families, givens], 30)])


# --- shared by Thai and Ethiopic -----------------------------------------------------------------------------

def _covering(slots: list[Options], cap: int) -> list[tuple[tuple[str, ...], int]]:
    """The cheapest combinations of one option per slot (at most `cap`), where every option of every
    slot appears at least once, with the cheapest options of the others: the matcher also finds each
    word of a form alone (a family name), so a spelling of one word missing from every form would be
    lost, while a spelling missing in one combination is not."""
    ranked = _ranked(slots, cap)
    have = {parts for parts, _ in ranked}
    extra = []
    for k, slot in enumerate(slots):
        for option, cost in slot[1:]:
            parts = tuple(option if m == k else s[0][0] for m, s in enumerate(slots))
            if parts not in have:
                have.add(parts)
                extra.append((parts, cost + sum(s[0][1] for m, s in enumerate(slots) if m != k)))
    extra = extra[:cap // 2]
    chosen = ranked[:cap - len(extra)] + extra
    return [item for _, item in sorted(enumerate(chosen), key=lambda x: (x[1][1], x[0]))]


def _segmented(word: str, table: dict, cuts: set[int]) -> list[tuple[str, bool]]:
    """`word` cut, only at `cuts`, into elements of `table` (flagged True) and stretches between them
    (flagged False): the fewest letters outside the table first, then the fewest pieces."""
    n = len(word)
    best: list[tuple[int, int, list[tuple[str, bool]]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    ends = sorted(c for c in cuts if 0 < c <= n)
    for start in [0] + ends:
        if start >= n or best[start] is None:
            continue
        outside, pieces, parts = best[start]
        moves = [(start + len(k), k, True) for k in table if word.startswith(k, start) and start + len(k) in cuts]
        following = next((c for c in ends if c > start), None)
        if following is not None:
            moves.append((following, word[start:following], False))
        for end, piece, known in moves:
            cost = (outside + (0 if known else end - start), pieces + 1)
            if best[end] is None or cost < best[end][:2]:
                if not known and parts and not parts[-1][1]:  # one stretch, not two
                    new = parts[:-1] + [(parts[-1][0] + piece, False)]
                    cost = (cost[0], pieces)
                else:
                    new = parts + [(piece, known)]
                if best[end] is None or cost < best[end][:2]:
                    best[end] = (cost[0], cost[1], new)
    if best[n] is None:
        return []
    return best[n][2]


def _name_table(text: str, key) -> dict[str, tuple[Options, Options, Options]]:
    """A table of romanise_tables ("word Spelling Spelling+ Spelling= ..."): for each word (as `key`
    gives it), its spellings as a whole word, before another element (+), and after one or last in a
    compound; cost 0 for the first two, 1 for the next two, then 2."""
    table = {}
    for line in text.strip().splitlines():
        word, *forms = line.split()
        costed = [(f, 0 if i < 2 else 1 if i < 4 else 2) for i, f in enumerate(forms)]
        alone = [(f.rstrip("+="), c) for f, c in costed if not f.endswith("+")]
        before = [(f.rstrip("+="), c) for f, c in costed if not f.endswith("=")]
        after = [(f, c) for f, c in costed if not f.endswith(("+", "="))]
        table[key(word)] = (alone, before, after)
    return table


def _joined_pieces(pieces: list[Options], cap: int) -> Options:
    """One word from pieces spelled separately: "Phong" + "Phaibun" -> "Phongphaibun"."""
    if len(pieces) == 1:
        return pieces[0][:cap]
    out = [(_cap_first("".join(p.lower() for p in parts)), cost) for parts, cost in _covering(pieces, cap)]
    return _dedupe(out)[:cap]


# --- 8. Thai --------------------------------------------------------------------------------------------------

_TH_CONSONANTS = frozenset(chr(c) for c in range(0x0E01, 0x0E2F))  # ก .. ฮ
_TH_LEAD = frozenset("เแโใไ")  # written before the consonant they follow in speech
_TH_SIGNS = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47")  # ะ ั า ำ ิ ี ึ ื ุ ู ็
_TH_UNWRITTEN = re.compile("[\u0e48-\u0e4b\u0e3a\u0e4d\u0e4e\u0e45]")  # tone marks, phinthu, nikhahit, yamakkan, ๅ
_TH_KARAN = "\u0e4c"  # thanthakhat: the consonant under it is silent
_TH_SONORANTS = frozenset("งญนมยรลว")
_TH_SHORT = frozenset(("a", "i", "u", "ue", "e", "o"))

# The ways people change an RTGS spelling (a word keeps one choice throughout), with the cost of
# each: 0 for the usual passport spellings, 1 for rarer ones.
#   P T K: ph th kh -> p t k (Pong, Tongdee, Kanya)     J: จ ch -> j (Jaidee)     V: ว w -> v (Vichai)
#   EE: long i -> ee (Malee)   OO: long u, and u in a closed syllable -> oo (Boon, Sook)
#   AA: a final long a -> aa (Boonmaa)   RN: a final ร -> rn (Porn, Suntorn)   L: a final ล -> l (Wimol)
#   UA: uea -> ua, ue -> eu (Rungruang)   ER: oe -> er (Prasert, Chalerm)   OE: oe -> e
#   EA: ae -> ea (Seangtong)   IE: ia -> ie (Somkiet)   WY: final ย ว -> y w (Kaew, Chay)
#   SR: the silent ร of ศร written (Sri)   SRC: a last final written after its letter (Sawad, Panich)
#   LINK: a final stop said again with a (Rattana, Natthaphon: Pali and Sanskrit compounds)
_TH_VARIANTS = {"P": 0, "T": 0, "K": 0, "J": 0, "EE": 0, "OO": 0, "RN": 0, "L": 0, "UA": 0, "ER": 0, "SR": 0,
                "AA": 1, "OE": 1, "EA": 1, "IE": 1, "WY": 1, "V": 1, "SRC": 1, "LINK": 1}
_TH_ASPIRATES = {"P": frozenset("ผพภ"), "T": frozenset("ฐฑฒถทธ"), "K": frozenset("ขฃคฅฆ")}

_ThSyllable = tuple[int, str, str, str]  # start (in the word), initial letters, vowel, final letter


def _th_word(word: str) -> tuple[str, list[int]]:
    """The letters that are read (tone marks and letters under a thanthakhat removed), each with its
    place in `word`."""
    silent: set[int] = set()
    for p, ch in enumerate(word):
        if ch != _TH_KARAN:
            continue
        silent.add(p)
        q = p - 1
        if q >= 0 and word[q] in "\u0e34\u0e38":  # ดิ์ ธุ์: the vowel goes with its consonant
            silent.add(q)
            q -= 1
        if q >= 0 and word[q] in _TH_CONSONANTS:
            silent.add(q)
            if q >= 2 and word[q - 1:q + 1] in T.THAI_SILENT_PAIRS and word[q - 2] in _TH_CONSONANTS \
                    and word[q - 2] != "ฤ":
                silent.add(q - 1)  # จันทร์ chan, ลักษณ์ lak; not กฤษณ์ krit
    kept = [(ch, p) for p, ch in enumerate(word) if p not in silent]
    return "".join(ch for ch, _ in kept), [p for _, p in kept]


def _th_vowel_after(s: str, x: int) -> bool:
    """Whether the consonant at x is followed by a written vowel: a sign, อ or ว read as a vowel
    (ทอง thong, สวน suan), รร (สรร san), ฤ."""
    nxt = s[x + 1:x + 2]
    if nxt and nxt in _TH_SIGNS or nxt == "ฤ" or s[x + 1:x + 3] == "รร":
        return True
    after = s[x + 2:x + 3]
    if nxt == "อ":
        return not after or after not in _TH_SIGNS
    if nxt == "ว" and after and after in _TH_CONSONANTS and after != "อ" and s[x + 2:x + 4] != "รร":
        return not s[x + 3:x + 4] or s[x + 3] not in _TH_SIGNS
    return False


def _th_pair(s: str, x: int) -> str | None:
    """The two-letter onset at x whose second letter carries the vowel: a cluster (ปร), a ห นำ (หม)
    or อย, else None."""
    pair = s[x:x + 2]
    if len(pair) < 2 or not _th_vowel_after(s, x + 1):
        return None
    if pair in T.THAI_CLUSTERS or pair in T.THAI_SILENT_R_CLUSTERS or pair == "อย" \
            or pair[0] == "ห" and pair[1] in _TH_SONORANTS:
        return pair
    return None


def _th_marked(s: str, x: int) -> bool:
    """Whether the consonant at x begins a syllable with a written vowel."""
    if x >= len(s) or s[x] not in _TH_CONSONANTS:
        return False
    return s[x] == "ฤ" or _th_vowel_after(s, x) or _th_pair(s, x) is not None


def _th_bare_run(s: str, x: int) -> int:
    """The end of the consonants from x that carry no vowel of their own."""
    while x < len(s) and s[x] in _TH_CONSONANTS and not _th_marked(s, x):
        x += 1
    return x


def _th_unmarked_syllables(s: str, pos: list[int], run: range) -> list[_ThSyllable]:
    """Syllables of consonants without a written vowel: pairs read C-o-C (สม som, พร phon), an odd
    first one read C-a (อนงค์ a-nong, ณรงค์ na-rong)."""
    out: list[_ThSyllable] = []
    letters = [s[k] for k in run]
    a = 0
    while a < len(letters):
        left = len(letters) - a
        start = pos[run[a]]
        if left >= 3 and letters[a + 1] == "ว":  # ควร khuan
            out.append((start, letters[a], "ua", letters[a + 2]))
            a += 3
        elif left % 2 and left >= 3 and letters[a] == "ห" and letters[a + 1] in _TH_SONORANTS:
            out.append((start, letters[a + 1], "o", letters[a + 2]))
            a += 3
        elif left % 2:
            out.append((start, letters[a], "a", ""))
            a += 1
        elif letters[a + 1] in "วอ":  # ชวลิต cha-wa-lit
            out += [(start, letters[a], "a", ""), (pos[run[a + 1]], letters[a + 1], "a", "")]
            a += 2
        else:
            out.append((start, letters[a], "o", letters[a + 1]))
            a += 2
    return out


def _th_final(s: str, pos: list[int], j: int, start: int, initial: str, vowel: str, mode: str,
              ) -> tuple[list[_ThSyllable], int]:
    """The syllable ending after its vowel, with a final consonant where the letters after it call
    for one (mode "can"), must have one ("need": ั ็), cannot ("none"), or รร ("rr": a final, else n)."""
    end = _th_bare_run(s, j)
    k = end - j
    n = len(s)
    final, rest = "", j
    long = vowel.endswith(":") or vowel in ("ia", "uea", "ae")
    if k == 2 and end == n and s[j:end] in T.THAI_SILENT_SECOND and mode in ("can", "need") and vowel != "a:":
        final, rest = s[j], end  # บุตร but, เพชร phet, ประยุทธ prayut
    elif k and mode == "need" or mode in ("can", "rr") and (k % 2 or k and end < n):
        final, rest = s[j], j + 1  # กาญจนา kan-cha-na: a final, then an open syllable
    elif mode == "rr":
        final = "น"
    elif not k and j + 2 == n and s[j] in "ตทธถ" and s[j + 1] in "\u0e34\u0e38" and (long or mode == "need"):
        final, rest, end = s[j], n, n  # ชาติ chat, สมบัติ sombat, โชติ chot: the last vowel is silent
    elif not k and mode == "need" and j < n and s[j] in T.THAI_FINALS:
        final = s[j]  # สุพัตรา su-phat-tra: the next syllable's consonant closes this one too
    if final == "ร" and s.startswith("ติ", j + 1):  # เกียรติ kiat, เกียรติศักดิ์ kiat-ti-sak
        final, rest = "ต", j + 1
        if j + 3 == n:
            rest = end = n
    elif final == "ร" and rest < n and vowel.rstrip(":") not in ("a", "o", "O"):
        final, rest = "", j  # สุรชัย su-ra-chai, วีรกุล wi-ra-kun: a ร inside a word after i u e begins one
    elif final == "ย" and vowel.rstrip(":") in ("i", "ue"):
        final, rest = "", j  # ปิยบุตร pi-ya-but: no syllable ends in -iy
    if final and final not in T.THAI_FINALS:
        final, rest = "", j
    return [(start, initial, vowel, final)] + _th_unmarked_syllables(s, pos, range(rest, end)), end


_TH_LEAD_VOWELS = {  # lead vowel -> (signs after the consonant, vowel, mode), longest first
    "เ": (("ีย", "ia", "can"), ("ือ", "uea", "can"), ("าะ", "o", "none"), ("า", "ao", "none"),
          ("อะ", "oe", "none"), ("อ", "oe", "can"), ("ิ", "oe", "need"), ("็", "e", "need"), ("ะ", "e", "none"),
          ("", "e:", "can")),
    "แ": (("็", "ae", "need"), ("ะ", "ae", "none"), ("", "ae", "can")),
    "โ": (("ะ", "o", "none"), ("", "o:", "can")),
    "ใ": (("", "ai", "none"),),
    "ไ": (("", "ai", "none"),),
}
_TH_VOWELS = (("ัว", "ua", "can"), ("ั", "a", "need"), ("ะ", "a", "none"), ("ำ", "am", "none"), ("า", "a:", "can"),
              ("ิ", "i", "can"), ("ี", "i:", "can"), ("ึ", "ue", "can"), ("ือ", "ue:", "can"), ("ื", "ue:", "can"),
              ("ุ", "u", "can"), ("ู", "u:", "can"), ("็อ", "O", "can"), ("อ", "O:", "can"), ("รร", "a", "rr"),
              ("ว", "ua", "can"))


def _th_lead_syllable(s: str, pos: list[int], i: int) -> tuple[list[_ThSyllable], int] | None:
    lead = s[i]
    j = i + 1
    if j >= len(s) or s[j] not in _TH_CONSONANTS:
        return None
    first: list[_ThSyllable] = []
    pair = s[j:j + 2]
    signs = [sign for sign, _, _ in _TH_LEAD_VOWELS[lead] if sign]
    closing_w = pair[1:] == "ว" and not _th_vowel_after(s, j + 1) and not s.startswith("ีย", j + 2)
    bare_two = _th_bare_run(s, j + 1) == len(s) == j + 3 and s[j + 1:] not in T.THAI_SILENT_SECOND
    if len(pair) == 2 and pair[1] in _TH_CONSONANTS and not closing_w and (
            pair[0] == "ห" and pair[1] in _TH_SONORANTS or pair in T.THAI_CLUSTERS
            or pair in ("ศร", "สร", "ทร")):
        initial = pair if pair[0] != "ห" else pair[1]  # เปรม prem, เหมือน muean, เสริม soem; not แก้ว kaeo
        j += 2
    elif len(pair) == 2 and pair[1] in _TH_CONSONANTS and (
            any(s.startswith(sign, j + 2) for sign in signs) or bare_two):
        first = [(pos[i], pair[0], "a", "")]  # เฉลิม cha-loem, เจริญ cha-roen, เกษม ka-sem: the vowel is
        initial = pair[1]                      # the second consonant's
        j += 2
    else:
        initial = pair[0]
        j += 1
    for sign, vowel, mode in _TH_LEAD_VOWELS[lead]:
        if s.startswith(sign, j):
            j += len(sign)
            break
    if lead in "ใไ" and s[j:j + 1] == "ย" and not _th_marked(s, j) and not _th_vowel_after(s, j):
        j += 1  # ไทย thai
    syllables, end = _th_final(s, pos, j, pos[i], initial, vowel, mode)
    return first + syllables, end


def _th_syllables(word: str) -> list[_ThSyllable] | None:
    """The syllables of a Thai word (tone marks removed), or None where a letter is not read here. A
    thanthakhat ends a syllable: the word is read in parts ending with one (วงศ์|สวัสดิ์)."""
    out: list[_ThSyllable] = []
    offset = 0
    for part in re.findall("[^\u0e4c]*\u0e4c|[^\u0e4c]+", word):
        syllables = _th_part_syllables(part)
        if syllables is None:
            return None
        out += [(start + offset, *rest) for start, *rest in syllables]
        offset += len(part)
    return out


def _th_part_syllables(word: str) -> list[_ThSyllable] | None:
    s, pos = _th_word(word)
    out: list[_ThSyllable] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in _TH_LEAD:
            found = _th_lead_syllable(s, pos, i)
            if found is None:
                return None
            syllables, i = found
            out += syllables
        elif ch in _TH_CONSONANTS and _th_marked(s, i):
            if s[i + 1:i + 2] == "ฤ" and ch not in "กขคตทปผพศส":  # นฤมล na-rue-mon
                out.append((pos[i], ch, "a", ""))
                i += 1
                continue
            if ch == "ฤ" or s[i + 1:i + 2] == "ฤ":  # ฤทธิ์ rit, พฤกษ์ phruek, กฤษณ์ krit
                initial = ch + "ฤ" if ch != "ฤ" else "ฤ"
                vowel = "i" if ch in "กตทปศส" or ch == "ฤ" and s[i + 1:i + 2] in ("ท", "ธ") else "ue"
                syllables, i = _th_final(s, pos, i + (1 if ch == "ฤ" else 2), pos[i], initial, vowel, "can")
                out += syllables
                continue
            pair = _th_pair(s, i)
            initial = pair if pair and pair[0] not in "หอ" else pair[1] if pair else ch
            j = i + (2 if pair else 1)
            for sign, vowel, mode in _TH_VOWELS:
                if s.startswith(sign, j):
                    break
            else:
                return None
            syllables, i = _th_final(s, pos, j + len(sign), pos[i], initial, vowel, mode)
            out += syllables
        elif ch in _TH_CONSONANTS:
            end = _th_bare_run(s, i)
            out += _th_unmarked_syllables(s, pos, range(i, end))
            i = end
        else:
            return None
    return out


def _th_initial(letters: str, on: frozenset[str], first: bool = True) -> str:
    if len(letters) == 2 and letters[1] == "ฤ":
        return _th_initial(letters[0], on) + "r"
    if letters in T.THAI_SILENT_R_CLUSTERS:
        if letters == "ทร":
            return "s" if first else _th_initial("ท", on) + "r"  # ทรัพย์ sap; จันทรา chanthra
        return _th_initial(letters[0], on) + ("r" if "SR" in on and letters[0] == "ศ" else "")
    if len(letters) == 2:
        return _th_initial(letters[0], on) + _th_initial(letters[1], on)
    value = T.THAI_INITIALS[letters]
    for key, group in _TH_ASPIRATES.items():
        if key in on and letters in group:
            return value[0]
    if "J" in on and letters == "จ":
        return "j"
    if "V" in on and letters == "ว":
        return "v"
    return value


def _th_vowel(vowel: str, closed: bool, word_final: bool, on: frozenset[str]) -> str:
    base = vowel.rstrip(":")
    long = vowel.endswith(":")
    if base == "i" and long and "EE" in on:
        return "ee"
    if base == "u" and (long or closed) and "OO" in on:
        return "oo"
    if base == "a" and long and word_final and not closed and "AA" in on:
        return "aa"
    if base == "ue":
        return "eu" if "UA" in on else "ue"
    if base == "uea":
        return "ua" if "UA" in on else "uea"
    if base == "oe":
        return "er" if "ER" in on else "e" if "OE" in on and closed else "oe"
    if base == "ae":
        return "ea" if "EA" in on else "ae"
    if base == "ia":
        return "ie" if "IE" in on else "ia"
    return {"O": "o"}.get(base, base)


def _th_final_spelling(final: str, vowel: str, on: frozenset[str], word_final: bool = True) -> str:
    if not final:
        return ""
    if final == "ร" and "RN" in on and vowel.rstrip(":") in ("a", "o", "O"):
        return "rn"
    if final in "ลฬ" and "L" in on:
        return "l"
    if final in "ยว" and "WY" in on:
        return "y" if final == "ย" else "w"
    if "SRC" in on and word_final and final in T.THAI_FINALS_AS_WRITTEN:
        return T.THAI_FINALS_AS_WRITTEN[final]
    return T.THAI_FINALS[final]


def _th_spell(syllables: list[_ThSyllable], on: frozenset[str]) -> str:
    out = []
    for k, (_, initial, vowel, final) in enumerate(syllables):
        word_final = k == len(syllables) - 1
        out.append(_th_initial(initial, on, k == 0) + _th_vowel(vowel, bool(final), word_final, on)
                   + _th_final_spelling(final, vowel, on, word_final))
        if "LINK" in on and not word_final and final in T.THAI_LINKING_FINALS \
                and vowel in _TH_SHORT and syllables[k + 1][1][:1] != final:
            out.append(_th_initial(final, on, False) + "a")  # รัตนา rat-ta-na, ณัฐพล nat-tha-phon
    return "".join(out)


@functools.lru_cache(maxsize=2048)
def _thai_rule_forms(word: str) -> tuple[tuple[str, int], ...]:
    """RTGS (cost 0), and the usual changes of it, for a word outside the table."""
    syllables = _th_syllables(_thai_key(word))
    if not syllables:
        return ()
    rtgs = _th_spell(syllables, frozenset())
    relevant = [v for v in _TH_VARIANTS if _th_spell(syllables, frozenset((v,))) != rtgs][:9]
    free = [v for v in relevant if _TH_VARIANTS[v] == 0]
    out: Options = []
    for n in range(len(relevant) + 1):
        for chosen in itertools.combinations(relevant, n):
            if "ER" in chosen and "OE" in chosen:
                continue
            on = frozenset(chosen)
            usual = sum(1 for v in free if v in on)
            cost = sum(_TH_VARIANTS[v] for v in on) + min(usual, len(free) - usual)
            out.append((_cap_first(_th_spell(syllables, on)), cost))
    return tuple(_dedupe(out))


def _thai_key(word: str) -> str:
    return _TH_UNWRITTEN.sub("", unicodedata.normalize("NFC", word))


@functools.cache
def _thai_table() -> dict[str, tuple[Options, Options, Options]]:
    return _name_table(T.THAI_NAME_ELEMENTS, _thai_key)


def _table_pieces(pieces: list[tuple[str, bool]], table: dict[str, tuple[Options, Options, Options]],
                  rule) -> list[Options]:
    """Spellings of each piece of a word: an element of the table in its place, or by `rule`."""
    return [(table[piece][1] if k + 1 < len(pieces) else table[piece][2]) if known else list(rule(piece))
            for k, (piece, known) in enumerate(pieces)]


def _thai_cuts(word: str) -> set[int]:
    """Where a word may be cut into elements: between syllables as the rules read them, and before
    a lead vowel."""
    syllables = _th_syllables(word)
    cuts = {len(word)} | {k for k, ch in enumerate(word) if ch in _TH_LEAD}
    if syllables:
        cuts |= {start for start, _, _, _ in syllables}
    return cuts


@functools.lru_cache(maxsize=2048)
def _thai_word(word: str) -> tuple[tuple[str, int], ...]:
    if re.fullmatch(r"[A-Za-z.'-]+", word):
        return ((word, 0),)
    key = _thai_key(word)
    table = _thai_table()
    if key in table:
        forms = list(table[key][0])
        rules = _thai_rule_forms(key)
        if rules and rules[0][0].casefold() == forms[0][0].casefold():  # the rules read this word right
            forms += [(f, 1) for f, c in rules if c == 0]
        out = _dedupe(forms)
    else:
        pieces = _segmented(key, table, _thai_cuts(key))
        slots = _table_pieces(pieces, table, _thai_rule_forms)
        if not slots or any(not slot for slot in slots):
            return ()
        out = _joined_pieces([slot[:8] for slot in slots], 14)
    return tuple((f, c) for f, c in out if f.lower() not in _FUNCTION_WORDS and len(f) > 1)[:12]


def _thai_name(name: str) -> list[str | tuple[str, str]]:
    """Given name first, family name last (and the other order, naming the family name)."""
    words = name.split()
    slots = [list(_thai_word(w)) for w in words]
    if not slots or any(not slot for slot in slots):
        return []
    candidates: list[tuple[str | tuple[str, str], int]] = [
        (" ".join(parts), cost) for parts, cost in _covering(slots, 30)]
    if len(words) > 1:
        candidates += [((" ".join((parts[-1], *parts[:-1])), parts[-1]), cost + 2)
                       for parts, cost in _ranked(slots, 10)]
    return [form for _, (form, _cost) in sorted(enumerate(candidates), key=lambda x: (x[1][1], x[0]))]


# --- 9. Ethiopic ----------------------------------------------------------------------------------------------

_ETH_VOWELS = {1: "u", 2: "i", 3: "a", 4: "e", 6: "o", 7: "wa"}  # the orders; 0 (ä) and 5 (ə) by rule
_ETH_PUNCTUATION = re.compile("[\u1361-\u1368]")  # ፡ word space, ። full stop, ፣ comma ...


def _eth_letter(ch: str) -> tuple[int, int] | None:
    """The series (its first code point) and order (0-7) of a fidel."""
    code = ord(ch)
    for base in T.ETHIOPIC_LABIALISED:
        if base <= code < base + 6:
            return base, code - base
    base = code - (code - 0x1200) % 8
    return (base, code - base) if code >= 0x1200 and base in T.ETHIOPIC_CONSONANTS else None


def _eth_consonant(base: int, vowel: str, first: bool = False) -> Options:
    spellings = (T.ETHIOPIC_LABIALISED.get(base) or T.ETHIOPIC_CONSONANTS[base]).split("|")
    if base == 0x1308 and (not first or vowel[:1] not in ("e", "i")):
        spellings = ["g"]  # Ghebre, Ghirmay: gh at the start of a word, before e and i
    return [] if spellings == ["-"] else _choices(spellings)


_ETH_SONORANTS = frozenset((0x1208, 0x1228, 0x1290, 0x1218))  # ለ ረ ነ መ


def _eth_optional_cluster(letters: list[tuple[int, int]]) -> bool:
    """Whether a word ends in a sonorant and another consonant, both of the sixth order, said with or
    without a vowel between (ወርቅ werk, werek; ሽመልስ shimelis, shimels)."""
    return len(letters) >= 3 and letters[-1][1] == letters[-2][1] == 5 and letters[-3][1] != 5 \
        and letters[-2][0] in _ETH_SONORANTS and letters[-1][0] != letters[-2][0] \
        and T.ETHIOPIC_CONSONANTS.get(letters[-1][0]) != "t"


def _eth_vowelless(letters: list[tuple[int, int]]) -> list[bool]:
    """Which sixth-order fidels (ə) are said without a vowel. Read from the end, as Amharic inserts
    its ɨ: a word may end in two consonants where the last is t (ትግስት tɨ-gɨst, ሰናይት se-nayt), or the
    first l m n r (ወርቅ, said either way: _eth_optional_cluster), else in one (ጴጥሮስ pet-ros); inside a
    word one consonant closes a syllable (ግርማ gɨr-ma); the first
    letter of a word always has a vowel; of two equal consonants the first has one (መኮንን me-kon-nɨn)."""
    vowelless = [False] * len(letters)
    pending = 0
    limit = 2 if T.ETHIOPIC_CONSONANTS.get(letters[-1][0]) == "t" else 1
    if limit == 1 and _eth_optional_cluster(letters):
        limit = 2
    for index in range(len(letters) - 1, -1, -1):
        base, order = letters[index]
        if order != 5:
            pending, limit = 0, 1
            continue
        same = index + 1 < len(letters) and vowelless[index + 1] and letters[index + 1][0] == base
        if index and pending < limit and not same:
            vowelless[index] = True
            pending += 1
        else:
            pending, limit = 0, 1
    return vowelless


def _eth_slots(word: str, a_for_first_order: bool) -> list[Options] | None:
    """Spelling slots of a word: each fidel is a consonant and a vowel; the sixth order is i or e
    where it is said (_eth_vowelless), the first order ä is e (a after h and the glottal letters), or
    a throughout (a_for_first_order: Makonnen, Tafari), and o after w (Wolde, Worku)."""
    letters = [_eth_letter(ch) for ch in word]
    if not letters or any(letter is None for letter in letters):
        return None
    vowelless = _eth_vowelless(letters)
    slots: list[Options] = []
    for index, (base, order) in enumerate(letters):
        last = index == len(letters) - 1
        carrier = base in T.ETHIOPIC_CARRIERS
        if order == 0:
            vowel = "a" if a_for_first_order or base in T.ETHIOPIC_GUTTURALS else "e"
            vowels = [(vowel, 0), ("o", 1)] if base == 0x12C8 else [(vowel, 0)]
            if base in T.ETHIOPIC_GUTTURALS and not carrier and not a_for_first_order:
                vowels.append(("e", 1))  # በርሀ Berha, Berhe (Tigrinya)
        elif order != 5:
            vowels = [(_ETH_VOWELS[order], 0)]
        elif index == 0 and carrier:
            vowels = _choices(("e", "i"))  # እስክንድር Eskinder
        elif vowelless[index] and index == len(letters) - 2 and _eth_optional_cluster(letters):
            vowels = [("e", 0), ("i", 0), ("", 1)]  # ሽመልስ Shimeles, Shimelis, Shimels
        elif vowelless[index]:
            vowels = []
        else:  # i, or e before the last consonant (Mekonnen, Yohannes, Eskinder)
            vowels = _choices(("e", "i") if index == len(letters) - 2 and vowelless[-1] else ("i", "e"))
        if base == 0x12E8 and order == 5 and vowelless[index] and index:  # ይ after a vowel
            if letters[index - 1][1] == 5 and not vowelless[index - 1]:
                slots[-1] = _choices(("iy", "i", "ey") if last else ("i", "ey", "iy"))  # ዓብይ Abiy, ሕይወት Hiwot
            elif letters[index - 1][1] == 2:
                slots.append([("y", 0)])  # አቢይ Abiy
            else:
                slots.append(_choices(("i", "y")))  # ሰናይት Senait, ተስፋይ Tesfay
            continue
        consonant = _eth_consonant(base, vowels[0][0] if vowels else "", index == 0)
        if order == 5 and not vowelless[index] and index + 1 < len(letters) and vowelless[index + 1] \
                and letters[index + 1][0] == base and index and consonant:
            consonant = _dedupe([(c * 2 if len(c) == 1 else c[0] + c, k) for c, k in consonant] + consonant)
        slots += [s for s in (consonant, vowels) if s]
    return slots


@functools.lru_cache(maxsize=2048)
def _ethiopic_rule_forms(word: str) -> tuple[tuple[str, int], ...]:
    """Spellings of a word by the syllabary, ä as e first (cost 0), as a (cost 1), with a doubled
    consonant written once and y between a consonant and a vowel written i (Mariam) as variants."""
    out: Options = []
    for a_scheme, extra in ((False, 0), (True, 1)):
        slots = _eth_slots(word, a_scheme)
        if slots is None:
            return ()
        out += [(_cap_first(f), c + extra) for f, c in _joined_forms(slots, 6, sep="")]
    out += [(re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", f), c + 1) for f, c in out]  # Mekonnen, Mekonen
    out += [(re.sub(r"(?<=[^aeiou])y(?=[aeo])|(?<=i)y(?=[aeou])", "i", f), c + 1) for f, c in out]  # Mariam
    return tuple(_dedupe(out)[:8])


@functools.cache
def _ethiopic_table() -> dict[str, tuple[Options, Options, Options]]:
    return _name_table(T.ETHIOPIC_NAMES, str)


@functools.lru_cache(maxsize=2048)
def _ethiopic_word(word: str) -> tuple[tuple[str, int], ...]:
    if re.fullmatch(r"[A-Za-z.'-]+", word):
        return ((word, 0),)
    head, slash, rest = word.partition("/")
    if slash and head in T.ETHIOPIC_ABBREVIATIONS and rest:  # ወ/ማርያም: ወልደማርያም
        word = T.ETHIOPIC_ABBREVIATIONS[head] + rest
    table = _ethiopic_table()
    if word in table:
        out = list(table[word][0])
        rules = _ethiopic_rule_forms(word)
        if {f.casefold() for f, _ in rules[:4]} & {f.casefold() for f, _ in out}:  # the rules read it right
            out += [(f, 1) for f, c in rules if c == 0]
        out = _dedupe(out)
    else:
        pieces = _segmented(word, table, set(range(1, len(word) + 1)))
        slots = _table_pieces(pieces, table, _ethiopic_rule_forms)
        if not slots or any(not slot for slot in slots):
            return ()
        out = _joined_pieces([slot[:6] for slot in slots], 12)
    return tuple((f, c) for f, c in out if f.lower() not in _FUNCTION_WORDS and len(f) > 1)[:10]


def _ethiopic_name(name: str) -> list[str]:
    """Given name, father's name (and grandfather's): no family name, so one order."""
    words = [w for w in _ETH_PUNCTUATION.sub(" ", name).split() if w not in T.ETHIOPIC_TITLES]
    slots = [list(_ethiopic_word(w)) for w in words]
    if not slots or any(not slot for slot in slots):
        return []
    return [" ".join(parts) for parts, _ in _covering(slots, MAX_FORMS)]
