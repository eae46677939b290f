"""Every way a protected name or organisation can be written in a text.

Under the Chatham House rule and not-for-attribution, nothing the program
writes for readers may name a protected person or organisation, whatever was
typed (DESIGN.md, "Attribution rules are data"). This module is the matching
engine behind that promise. Given the protected identities of a meeting, it
finds their mentions in a text and returns spans in the ORIGINAL text, so a
caller can flag or replace them. It is pure: no database, no screen.

A text is read in four steps.

1. Clean (`_clean`). Characters a reader does not see are dropped: format
   characters (soft hyphen, zero-width space and joiners, word joiner, BOM,
   bidi controls), control characters other than line breaks, and Unicode's
   other default-ignorable code points. Every other character is put in NFKC
   form (fullwidth and mathematical letters become plain ones). A map from
   each cleaned character back to the original is kept. A run under a bidi
   override (RLO, LRO) is displayed reversed, so it is read reversed as well.
2. Split into tokens (`_Tokens`). A word is a run of letters and combining
   marks; a number is a token of its own; "_", apostrophes and punctuation
   separate words. In scripts
   written without spaces between words (Chinese, Japanese, Korean, Thai, Lao,
   Khmer, Burmese) every character is a token, so a name is found inside a
   longer run of text.
3. Fold every word to one or more keys (`_word_keys`): case folded, marks
   removed, transliterated to ASCII with anyascii (ł→l, ø→o, ß→ss, þ→th,
   Петрова→petrova). A word that mixes Latin letters with look-alikes from
   another script, and every Cyrillic or Greek word, also gets its skeleton
   from Unicode's confusables data (Cyrillic "а" → "a"). Arabic and Hebrew keep
   their own letters (their romanisation drops vowels, so it would only make
   collisions) and also get keys without a one-letter prefix ("wa-", "al-").
4. Match token sequences against the patterns of every protected identity
   (`_person_patterns`, `_organisation_patterns`) with spaces, line breaks,
   hyphens, dots, apostrophes and "_" allowed between tokens, then apply the
   context rules that stop short names from matching ordinary words
   (`Matcher._accepts`). Overlapping hits are resolved longest first.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

import regex
from anyascii import anyascii

from .name_words import (
    COMMON_WORD_NAMES,
    KNOWN_ACRONYMS,
    NOT_BEFORE_A_NAME,
    ORGANISATION_WORDS,
    SHORT_WORDS,
    SPEECH_VERBS,
    TRADITIONAL_TO_SIMPLIFIED,
    is_place,
)

# `regex` knows Unicode properties and scripts, but searching a text with it costs several times what the
# standard library's `re` costs. The hot paths therefore ask `re` first, with classes computed from `regex`
# for the Basic Multilingual Plane; a character beyond it always sends the text down the exact path.
_BMP = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)


def _fast_class(pattern: str) -> re.Pattern:
    """A standard-library pattern for one BMP character of the `regex` class
    `pattern`, or any character beyond the BMP."""
    ranges: list[list[int]] = []
    for code in map(ord, regex.findall(pattern, _BMP, flags=regex.V1)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    body = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    return re.compile(f"[{body}\\U00010000-\\U0010ffff]")


PERSON = "person"
ORGANISATION = "organisation"
WHATS = ("name", "surname", "organisation", "part", "given", "role", "possible")  # best first, for equal spans


@dataclass(frozen=True)
class Protected:
    """One protected identity.

    `surname` names the family name where it is not the last word (Vietnamese,
    Chinese, Hungarian or Japanese order: "Nguyễn", "田中"). `acronym` is an
    organisation's short form (a trailing "(FES)" in `name` is read as one).
    `aliases` are other spellings the caller knows ("Li Wei" for "李伟");
    other common romanisations are generated (facilitator.romanise).
    `called_by` is a given name that is how the person is called (Ethiopian,
    Icelandic, Thai and Indonesian custom): it is flagged on its own.
    `phrases` are descriptions that point at this one identity (a role only
    they hold: "Foreign Minister of Ghana"). A `public` identity is never
    reported: it only shadows protected words inside its own name (an
    organiser "Young Peacebuilders Network" and a participant Grace Young)."""

    key: str
    name: str
    kind: str = PERSON
    surname: str | None = None
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    called_by: str | None = None
    phrases: tuple[str, ...] = ()
    public: bool = False


@dataclass(frozen=True)
class Hit:
    """A mention of `key` at text[start:end].

    `what` is "name" (given name and surname), "surname" (the whole surname),
    "part" (one part of a compound surname, or any part of the name after a
    title), "given" (a given name alone, only when asked for) or
    "organisation" (its name or acronym). The span of a person's hit includes
    a title written just before the name ("Ms Li", "H.E. Ambassador Wu"), so
    that replacing the span leaves no dangling title; likewise a Chinese,
    Japanese or Korean title after it ("李先生", "田中さん")."""

    key: str
    start: int
    end: int
    matched: str
    what: str


# --- step 1: clean ---------------------------------------------------------------------------------------

_NOT_SHOWN = r"\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}"
_KEPT_CONTROLS = r"\t\n\v\f\r\x85"  # line breaks and tabs are white space, not hiding places
_INVISIBLE = regex.compile(rf"[[{_NOT_SHOWN}]--[{_KEPT_CONTROLS}]]", regex.V1)
_SPECIAL = regex.compile(
    rf"[[{_NOT_SHOWN}\p{{NFKC_Quick_Check=No}}\p{{NFKC_Quick_Check=Maybe}}]--[{_KEPT_CONTROLS}]]", regex.V1
)
_MAYBE_SPECIAL = _fast_class(_SPECIAL.pattern)
_BIDI_OPENERS = {"\u202a": False, "\u202b": False, "\u202d": True, "\u202e": True}  # True: an override
_BIDI_POP = "\u202c"
_PARAGRAPH_END = regex.compile(r"[\n\r\x85\u2029]")


def _clean(text: str) -> tuple[str, list[int] | None]:
    """The text a reader sees, and for each of its characters the index in
    `text` it came from (None when nothing changed)."""
    if not _MAYBE_SPECIAL.search(text):
        return text, None
    pieces: list[str] = []
    index: list[int] = []
    openers: list[tuple[bool, int]] = []
    overrides: list[tuple[int, int]] = []
    last = 0
    for m in _SPECIAL.finditer(text):
        i, ch = m.start(), m.group()
        pieces.append(text[last:i])
        index.extend(range(last, i))
        last = i + 1
        if ch in _BIDI_OPENERS:
            openers.append((_BIDI_OPENERS[ch], len(index)))
        elif ch == _BIDI_POP:
            if openers:
                _close_run(openers.pop(), len(index), overrides)
        elif not _INVISIBLE.match(ch):
            normal = unicodedata.normalize("NFKC", ch)
            pieces.append(normal)
            index.extend([i] * len(normal))
    pieces.append(text[last:])
    index.extend(range(last, len(text)))
    for opener in reversed(openers):
        _close_run(opener, len(index), overrides)
    cleaned = "".join(pieces)
    if overrides:
        return _add_reversed_runs(cleaned, index, overrides)
    return cleaned, index


def _close_run(opener: tuple[bool, int], end: int, overrides: list[tuple[int, int]]) -> None:
    is_override, start = opener
    if is_override and end > start:
        overrides.append((start, end))


def _add_reversed_runs(cleaned: str, index: list[int], overrides: list[tuple[int, int]]):
    """Append each override run, reversed, after the text: that is the order in
    which a reader sees its letters ("\u202eaćivonomiŠ" shows "Šimonovića").
    A run ends at the end of its paragraph, as in the Unicode bidi algorithm."""
    pieces, mapped = [cleaned], list(index)
    for start, end in overrides:
        stop = _PARAGRAPH_END.search(cleaned, start, end)
        end = stop.start() if stop else end
        if end - start < 2:
            continue
        pieces.append("\n" + cleaned[start:end][::-1])
        mapped.append(index[start])
        mapped.extend(reversed(index[start:end]))
    return "".join(pieces), mapped


# --- steps 2 and 3: tokens and their keys ------------------------------------------------------------------

# Scripts written without spaces between words; U+3005-7, U+303B, U+309D-E, U+30FC-E are their iteration
# and length marks, which Unicode puts in the Common script.
_NO_SPACE = (r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
             r"\u3005-\u3007\u303b\u309d\u309e\u30fc-\u30fe")
_APOSTROPHE_LETTERS = r"\u02b9-\u02bf"  # modifier letters that stand for an apostrophe: they separate
_NO_SPACE_CHAR = regex.compile(rf"[[{_NO_SPACE}]--\p{{M}}]", regex.V1)
_TOKEN = regex.compile(
    rf"(?P<char>[[{_NO_SPACE}]--\p{{M}}]\p{{M}}*)|(?P<amp>&)|\d+|[[\p{{L}}\p{{M}}]--[{_NO_SPACE}{_APOSTROPHE_LETTERS}]]+",
    regex.V1,
)
# Without combining marks or space-less scripts, a word is a run of letters: the standard library finds
# those faster than `regex` with its set operations.
_SIMPLE_TOKEN = re.compile(r"[^\W\d_\u02b9-\u02bf]+|\d+|&")
_NEEDS_FULL_TOKENISER = _fast_class(rf"[\p{{M}}{_NO_SPACE}]")
_LINE_END_HYPHEN = re.compile(r"[-\u2010\u2011][ \t]*(?:\r\n|[\n\r\x85\u2028\u2029])[ \t]*")
_NOT_KEY = regex.compile(r"[^a-z]+")
_ABJADS = {"ARABIC", "HEBREW", "SYRIAC", "THAANA"}
_LOOKALIKE_SCRIPTS = {"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"}  # whole words can pass as Latin
# Arabic letters written interchangeably across countries: Persian yeh and alef maksura, keheh, teh marbuta.
_ARABIC_VARIANTS = str.maketrans({"\u06cc": "\u064a", "\u0649": "\u064a", "\u06a9": "\u0643", "\u0629": "\u0647"})
_ARABIC_PREFIXES = "\u0648\u0641\u0628\u0643\u0644"  # wa-, fa-, bi-, ka-, li-
_ARABIC_ARTICLE = "\u0627\u0644"  # al-
_HEBREW_PREFIXES = "\u05d5\u05d4\u05d1\u05dc\u05de\u05e9\u05db"  # ve-, ha-, be-, le-, mi-, she-, ke-


@cache
def _script(ch: str) -> str:
    """The first word of a character's Unicode name: LATIN, CYRILLIC, GREEK, ARABIC ..."""
    return unicodedata.name(ch, "").split(" ", 1)[0]


@cache
def _fold_char(ch: str) -> str:
    """One character's key piece: case folded, marks removed, romanised (abjads kept)."""
    pieces = []
    for c in unicodedata.normalize("NFKD", ch.casefold()):
        if unicodedata.category(c)[0] == "M":
            continue
        if _script(c) in _ABJADS:
            pieces.append(c.translate(_ARABIC_VARIANTS) if unicodedata.category(c) == "Lo" else "")
        else:
            pieces.append(_NOT_KEY.sub("", anyascii(c).lower()))
    return "".join(pieces)


@lru_cache(maxsize=1 << 16)
def _token_keys(word: str) -> tuple[str, ...]:
    """The keys of a token: "&" is "and"; a number is its ASCII digits (names
    of organisations may have them: "G7", "Group of 77"); a character of a
    script without spaces is itself; a word has `_word_keys`. Empty if it has
    no letters."""
    if word == "&":
        return ("and",)
    if word.isdecimal():
        return ("".join(str(unicodedata.decimal(c)) for c in word),)
    if _NO_SPACE_CHAR.match(word):
        key = _char_key(word)
        return (key,) if key else ()
    return _word_keys(word)


@cache
def _char_key(token: str) -> str:
    """The key of a character from a script without spaces (with its marks); a traditional Chinese
    character of a name is keyed as its simplified form, so that 陳靜 and 陈静 agree."""
    base = "".join(c for c in unicodedata.normalize("NFD", token) if unicodedata.category(c)[0] != "M")
    key = unicodedata.normalize("NFC", base).casefold()
    return TRADITIONAL_TO_SIMPLIFIED.get(key, key)


def _confusables() -> dict:
    from confusable_homoglyphs import (
        confusables,  # loads Unicode's confusables data, shipped in the package
    )

    return confusables.confusables_data


@cache
def _prototype(ch: str) -> str | None:
    """The Latin letter(s) a non-Latin letter is confusable with (Cyrillic "а" → "a",
    Greek "Ι" → "I"), or None. The data maps a letter to its prototype and a
    prototype to its look-alikes; an upper-case letter whose prototype is lower
    case ("Ι" → "l") takes the upper-case look-alike of that prototype ("I")."""
    if _script(ch) == "LATIN" or not ch.isalpha():
        return None
    data = _confusables()
    for entry in data.get(ch, ()):
        proto = entry["c"]
        latin = (proto.isascii() and proto.isalpha()) or (len(proto) == 1 and _script(proto) == "LATIN")
        if not latin:
            continue
        if ch.isupper() and proto.islower():
            upper = [e["c"] for e in data.get(proto, ()) if e["c"].isascii() and e["c"].isupper()]
            return upper[0] if upper else proto
        return proto
    return None


@cache
def _skeleton_char(ch: str) -> str:
    """A character's key piece through its Latin look-alike. Capitals are the
    forms that look most Latin (Cyrillic "М", "Н", "В"), and skeletons depend
    on case, so the capital of the letter without accents is looked up: "м",
    "М", "й" and "и" then agree."""
    pieces = []
    for c in ch.upper():
        proto = _prototype(unicodedata.normalize("NFD", c)[:1])
        pieces.append(_fold_char(proto) if proto else _fold_char(c))
    return "".join(pieces)


def _fold_pieces(word: str, skeleton: bool) -> list[str]:
    """The key piece of each character of a word (its skeleton if asked)."""
    if skeleton:
        return [_skeleton_char(c) for c in word]
    return [_fold_char(c) for c in word]


def _letter_scripts(word: str) -> set[str]:
    return {_script(c) for c in word if unicodedata.category(c)[0] == "L"} - {"MODIFIER"}


def _is_spoof(word: str, scripts: set[str]) -> bool:
    """Latin letters mixed with look-alikes of another script."""
    return "LATIN" in scripts and len(scripts) > 1


@lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, ...]:
    """Every key a word may stand for; the first is its plain fold."""
    scripts = _letter_scripts(word)
    keys = [_fold_word(word)]
    if _is_spoof(word, scripts) or scripts & _LOOKALIKE_SCRIPTS:
        keys.append("".join(_fold_pieces(word, skeleton=True)))
    if scripts & {"ARABIC", "HEBREW"}:
        keys.extend(_fold_word(alt) for alt in _without_prefixes(word, scripts))
    return tuple(dict.fromkeys(k for k in keys if k))


def _fold_word(word: str) -> str:
    return "".join(_fold_pieces(word, skeleton=False))


def _without_prefixes(word: str, scripts: set[str]) -> list[str]:
    """Arabic and Hebrew write "and", "the", "to" ... as a letter joined to the
    next word: "والعلي" is "and al-Ali". Return the word without them."""
    base = "".join(c for c in word if unicodedata.category(c)[0] == "L" and c != "\u0640")  # no tatweel
    alts = []
    if "ARABIC" in scripts:
        if base[:1] and base[0] in _ARABIC_PREFIXES:
            alts.append(base[1:])
        if base.startswith("\u0644\u0644"):  # li- + al- is written "lil-"
            alts.append(_ARABIC_ARTICLE + base[2:])
        alts += [a[2:] for a in [base, *alts] if a.startswith(_ARABIC_ARTICLE)]
    else:
        if base[:1] and base[0] in _HEBREW_PREFIXES:
            alts.append(base[1:])
            if base[1:2] and base[1] in _HEBREW_PREFIXES:
                alts.append(base[2:])
    return [a for a in alts if len(a) >= 2]


class _Tokens:
    """The tokens of a cleaned text: where each starts and ends, its keys, and
    the word as written (for the capital-letter rules)."""

    __slots__ = ("ends", "keys", "starts", "text", "words")

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.keys: list[tuple[str, ...]] = []
        self.words: list[str] = []
        matches = list((_TOKEN if _NEEDS_FULL_TOKENISER.search(text) else _SIMPLE_TOKEN).finditer(text))
        words = [m.group() for m in matches]
        keys = list(map(_token_keys, words))
        if _LINE_END_HYPHEN.search(text) or not all(keys):
            for m, word, word_keys in zip(matches, words, keys, strict=True):
                if word_keys and not self._joins_hyphenated(m.start(), word, word_keys):
                    self._append(m.start(), m.end(), word_keys, word)
            return
        self.words, self.keys = words, keys  # the common case, without a loop in Python
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def _append(self, start: int, end: int, keys: tuple[str, ...], word: str) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.keys.append(keys)
        self.words.append(word)

    def _joins_hyphenated(self, start: int, word: str, keys: tuple[str, ...]) -> bool:
        """A word broken by a hyphen at a line end ("Šimo-\\nnović") is one word."""
        if not self.words or not word[0].islower() or not self.words[-1][-1].islower():
            return False
        if not _LINE_END_HYPHEN.fullmatch(self.text, self.ends[-1], start):
            return False
        self.keys[-1] = tuple(dict.fromkeys(a + b for a in self.keys[-1] for b in keys))
        self.words[-1] += word
        self.ends[-1] = start + len(word)
        return True

    def __len__(self) -> int:
        return len(self.starts)

    def gap(self, k: int) -> str:
        """The text between token k and token k + 1."""
        return self.text[self.ends[k]:self.starts[k + 1]]


def normalise(text: str) -> tuple[str, list[int]]:
    """The folded text the matcher reads, and for each of its characters the
    index of the original character it came from. Letters become their keys
    (lower-case ASCII; characters of scripts without spaces stay themselves),
    everything else is kept as cleaned."""
    cleaned, index = _clean(text)
    index = index if index is not None else list(range(len(text)))
    out: list[str] = []
    mapped: list[int] = []
    last = 0
    for m in _TOKEN.finditer(cleaned):
        out.append(cleaned[last:m.start()])
        mapped.extend(index[last:m.start()])
        word = m.group()
        if m.group("char") is not None:
            pieces = [_char_key(word)] + [""] * (len(word) - 1)
        elif m.group("amp") is not None:
            pieces = ["&"]
        else:
            pieces = _fold_pieces(word, skeleton=_is_spoof(word, _letter_scripts(word)))
        for k, piece in enumerate(pieces):
            out.append(piece)
            mapped.extend([index[m.start() + k]] * len(piece))
        last = m.end()
    out.append(cleaned[last:])
    mapped.extend(index[last:])
    return "".join(out), mapped


# --- step 4: patterns ---------------------------------------------------------------------------------------

# Particles of surnames: never a name on their own ("van" is not a hit; "Van der Berg" and "Berg" are).
PARTICLES = frozenset(
    "a al ap abu af av bat ben bin bint d da das de dei del della der des di do dos du e el i ibn l la le les "
    "lo mac mc o st te ten ter ul van vande vander von y z zu zum zur".split()
)
# Titles before a name. Honorifics count in any case ("ms li"); title words only with a capital
# ("Minister Li", not "the minister li"). "m" needs its dot: "M. Dupont".
HONORIFICS = frozenset(
    "amb capt cllr col dame dr dott dra fr frau gen herr hon hr lt m mlle mme mr mrs ms msgr mx prof rep "
    "rev sen sig sir sr sra srta "
    # Amharic (Ato, Weizero), Thai (Khun), Indonesian and Malay (Bapak, Pak, Ibu, Bu, Tuan, Puan, Dato'),
    # Indian (Shri, Smt): the titles before a given name where custom calls people by it.
    "ato wro weizero woizero khun bapak pak ibu bu tuan puan dato datuk shri smt".split()
)
TITLE_WORDS = frozenset(
    "admiral ambassador archbishop bishop brother captain cardinal chair chairman chairperson chairwoman "
    "colonel commissioner commander congressman congresswoman councillor counsellor deputy director doctor "
    "doktor don doña emir envoy excellency father general governor imam judge justice king lady lord madam "
    "madame major mayor minister monsieur mufti president prime prince princess professor queen rabbi "
    "rapporteur representative secretary senator senora señor señora sheikh sheikha sister speaker "
    "sultan".split()
)
# Role words that may follow "Li, ..." and make a two-letter name a name.
ROLE_WORDS = (
    "adviser|advisor|ambassador|analyst|chair|chairman|chairperson|chairwoman|chief|commissioner|coordinator|"
    "counsellor|delegate|deputy|director|editor|envoy|executive|fellow|founder|governor|head|lecturer|"
    "manager|mayor|member|minister|officer|president|professor|rapporteur|representative|researcher|"
    "secretary|senator|spokesperson|spokesman|spokeswoman|vice-president|ceo"
)
_ROLE_AFTER = regex.compile(
    rf"\s*,\s*(?:(?:the|a|an|former|senior|deputy|vice|acting|assistant|chief|special|regional|executive)"
    rf"[\s-]+)*(?:{ROLE_WORDS})(?![^\W\d_])",
    regex.IGNORECASE,
)
_TITLE_GAP = regex.compile(r"\.?\s{1,3}|\.")
# Titles and forms of address that follow a name in Chinese, Japanese and Korean ("李先生", "田中さん",
# "김 대사"), and the familiar prefixes 老 and 小 ("老李").
CJK_TITLES = (
    "先生|女士|小姐|夫人|太太|教授|博士|部长|部長|大使|主任|总统|總統|主席|总理|總理|老师|老師|同志|局长|局長|"
    "司长|司長|处长|處長|经理|經理|律师|律師|医生|醫生|议员|議員|院长|院長|会长|會長|秘书长|秘書長|委员|委員|"
    "总|總|さん|さま|様|氏|君|くん|ちゃん|大臣|議員|씨|님|대사|교수|장관|박사|의원|대표|선생|총리|대통령"
)
_CJK_TITLE_AFTER = regex.compile(rf"\s?(?:{CJK_TITLES})")
_CJK_FAMILIAR = "老小"
_ARTICLES = frozenset("the a an la le les el los las l der die das de het".split())
_HAN_ONLY = regex.compile(r"\p{Han}+")
_SPACELESS_WITH_GIVEN_NAMES = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_ACRONYM_IN_NAME = regex.compile(r"\(([^()]*)\)\s*$")
# Inflected surnames (Croatian "Šimonovića", Polish "Wałęsy", Russian "Петровой", Greek
# "Παπαδόπουλου", plural "Garcías"): a stem of at least four letters, then one of these endings.
_STEM_ENDINGS = ("os", "as", "is", "us", "es", "a", "e", "i", "o", "u", "y")
_INFLECTIONS = (
    "a e i o u y s ie ia iu em om ou ov ow oj oi oy ej ei ey ym im ih yh ach ami ovi owi ova ovu ove os es "
    "as is us oyu oiu"
).split()
_MIN_INFLECTED = 5


@dataclass(frozen=True)
class _Pattern:
    """Token keys in order that name `key`, with the rule that must hold around them.

    Rules: "plain" (always), "short" (a two-letter name: after a title, or
    capitalised before ", Minister ..."), "title" (after a title), "caps"
    (every token capitalised), "acronym" (written in capitals, or exactly as
    given), "initial" ("A. García"), "cjk-title" (one character of a Chinese
    or Korean surname: with a title after it or 老/小 before it),
    "titled" (an organisation's short form: every word capitalised but the
    linking ones), "name-like" (an ordinary English word: where it stands as a name,
    `_stands_as_name`), "initials" ("NK", "N.K.": `_written_as_initials`),
    "joined" (an initial run into the surname, "nkuznetsova": always, but
    never the stem of an inflected form)."""

    key: str
    what: str
    tokens: tuple[str, ...]
    rule: str = "plain"
    acronym: str = ""
    inflects: bool = True  # its words may be the stems of inflected forms ("Šimonovića")


def _keys_of(text: str, skeleton: bool = False) -> list[str]:
    """The key of each token of a protected name: its plain fold, or its
    look-alike skeleton where it has one (Cyrillic and Greek words)."""
    tokens = _Tokens(_clean(text)[0])
    index = 1 if skeleton else 0
    return [keys[index] if len(keys) > index and keys[index].isascii() else keys[0] for keys in tokens.keys]


# Spellings people use without a keyboard for a letter: ä ö ü → ae oe ue, ø → oe, å → aa, đ → dj.
# (The plain folds ä → a, ø → o, đ → d come from anyascii.)
_KEYBOARD_SPELLINGS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa", "đ": "dj",
                                     "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "Ø": "Oe", "Å": "Aa", "Đ": "Dj",
                                     "ð": "th", "Ð": "Th"})  # Icelandic ð as English writes it: Guthjonsson


def _spellings(name: str, surname: str | None = None) -> list[tuple[str, str | None]]:
    """The name (and surname) as given, and as typed on a keyboard without its letters."""
    other = (_keyboard_spelling(name), _keyboard_spelling(surname) if surname else surname)
    return [(name, surname)] if other[0] == unicodedata.normalize("NFC", name) else [(name, surname), other]


def _keyboard_spelling(value: str) -> str:
    return unicodedata.normalize("NFC", value).translate(_KEYBOARD_SPELLINGS)


def _folds(name: str) -> tuple[bool, ...]:
    """Plain keys, and skeleton keys too for a name with Cyrillic or Greek
    letters: typed half on a Latin keyboard layout, "Петрова" becomes
    "Пeтpова", whose words only agree with the name through the skeleton."""
    return (False, True) if any(_script(c) in _LOOKALIKE_SCRIPTS for c in name) else (False,)


def _is_spaceless(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(regex.match(rf"[{_NO_SPACE}]", c) for c in letters)


def _part_rule(token: str, core: tuple[str, ...]) -> str:
    """One part of a surname of several words: a short one among three or more ("Made" of "Ni Made Ayu
    Lestari", where the split guessed the family name) is flagged written with its capital only."""
    rule = _rule_for((token,))
    return "caps" if rule == "plain" and len(core) >= 3 and len(token) <= 4 else rule


def _rule_for(tokens: tuple[str, ...]) -> str:
    """"short" for two-letter names, "name-like" for a single ordinary English word ("May", "Young"),
    "caps" for several short or ordinary words, else "plain"."""
    if all(len(t) < 3 for t in tokens):
        return "short" if len(tokens) == 1 else "caps"
    if len(tokens) == 1 and tokens[0] in KNOWN_ACRONYMS:
        return "not-acronym"  # "Ngô", not "NGO"
    if all(t in COMMON_WORD_NAMES for t in tokens):  # see also _spelling_patterns: "Viñe" is not "vine"
        return "name-like" if len(tokens) == 1 else "caps"
    return "plain"


def _split_name(words: list[str], surname: str | None) -> tuple[list[str], list[str]]:
    """Given names and surname words. Without a surname from the caller, the first
    word is the given name and the rest the surname: that over-flags a middle
    name ("Mary Ann Smith" flags "Ann"), which is the safe side."""
    if surname:
        wanted = [_keys_of(w) for w in surname.split()]
        keyed = [_keys_of(w) for w in words]
        for start in range(len(words) - len(wanted) + 1):
            if keyed[start:start + len(wanted)] == wanted:
                return words[:start] + words[start + len(wanted):], words[start:start + len(wanted)]
        return [w for w in words if w not in surname.split()], surname.split()
    if len(words) == 1:
        return [], words
    return words[:1], words[1:]


def _flat(words: list[str], skeleton: bool = False) -> tuple[str, ...]:
    return tuple(k for w in words for k in _keys_of(w, skeleton))


def _person_patterns(p: Protected, given_names: bool) -> list[_Pattern]:
    """The patterns of the name as registered, of each alias, and of the other spellings generated for
    them (facilitator.romanise); the called-by name on its own; the identifying phrases."""
    found: list[_Pattern] = []
    given_by_user = [(p.name, p.surname, True), *((a, _surname_in(a, p.surname), False) for a in p.aliases)]
    for name, family_name, registered in given_by_user:
        found += _spelling_patterns(p, name, family_name, given_names, initials=registered)
    # Initials come from the registered name and its romanisations (a name in another script has no Latin
    # initials of its own: "HS" and "GS" for Ганна Шевчук), not from the aliases' guesses.
    generated = [pattern for name, family_name, registered in given_by_user
                 for other, other_family in _generated_spellings(name, family_name)
                 for pattern in _spelling_patterns(p, other, other_family, given_names, initials=registered)]
    # A generated spelling is a guess: it is matched as written, never as the stem of an inflected word
    # ("Chang", the Wade–Giles spelling of 张, is not in "change").
    found += [replace(pattern, inflects=False) for pattern in generated]
    if p.called_by:
        for spelling in (p.called_by, *(s for s, _ in _generated_spellings(p.called_by, None))):
            tokens = _flat(spelling.split())
            if tokens:  # a given name is written with its capital ("Made" is a Balinese name, "made" a verb)
                rule = _rule_for(tokens)
                found.append(_Pattern(p.key, "name", tokens, "caps" if rule == "plain" else rule))
    return found + _phrase_patterns(p)


def _spelling_patterns(p: Protected, name: str, family_name: str | None, given_names: bool, *,
                       initials: bool) -> list[_Pattern]:
    found: list[_Pattern] = []
    for spelling, surname in _spellings(name, family_name):
        words = spelling.split()
        if _is_spaceless(spelling):
            found += _spaceless_patterns(p, words, given_names)
        elif words:
            given, family = _split_name(words, surname)
            for skeleton in _folds(spelling):
                found += _name_patterns(p.key, _flat(given, skeleton), _flat(family, skeleton), given_names,
                                        initials=initials)
    # "Viñe" is no English word though it folds to "vine": a word registered with letters beyond ASCII
    # is matched as a name wherever it stands.
    foreign = {k for w in name.split() if not w.isascii() for k in _keys_of(w)}
    return [replace(f, rule="plain") if f.rule in ("name-like", "caps") and foreign & set(f.tokens)
            and not all(len(t) < 3 for t in f.tokens) else f for f in found]


def other_spellings(p: Protected) -> list[str]:
    """The spellings of a person's name that are matched besides the registered name and aliases: those
    generated for them (facilitator.romanise), for showing to the user."""
    given = {p.name.casefold(), *(a.casefold() for a in p.aliases)}
    found = [other for name, family in [(p.name, p.surname), *((a, _surname_in(a, p.surname)) for a in p.aliases)]
             for other, _ in _generated_spellings(name, family)]
    return [s for s in dict.fromkeys(found) if s.casefold() not in given]


def _surname_in(name: str, surname: str | None) -> str | None:
    """The registered surname, where this other spelling of the name contains it."""
    if surname and _keys_of(surname) and " ".join(_keys_of(surname)) in " ".join(_keys_of(name)):
        return surname
    return None


def _generated_spellings(name: str, surname: str | None) -> list[tuple[str, str | None]]:
    """Other spellings of a name, each with its family name where that is not the last word."""
    from .romanise import (
        spelling_pairs,  # its tables and libraries load when a register is first matched
    )

    return spelling_pairs(name, surname)


def _phrase_patterns(p: Protected) -> list[_Pattern]:
    """Descriptions that point at one identity ("Foreign Minister of Ghana"), without a leading article,
    in any case when they have two words or more."""
    found = []
    # "participant from Hong Kong, China": the text's comma breaks the words apart, so the phrase up to its
    # first comma is one too.
    for phrase in dict.fromkeys(f for whole in p.phrases for f in (whole, whole.split(",")[0])):
        tokens = _keys_of(phrase)
        while len(tokens) > 1 and tokens[0] in _ARTICLES:
            tokens = tokens[1:]
        if tokens:
            found.append(_Pattern(p.key, "role", tuple(tokens), "plain" if len(tokens) > 1 else "caps"))
    return found


def _name_patterns(key: str, given: tuple[str, ...], family: tuple[str, ...],
                   given_names: bool, initials: bool = True) -> list[_Pattern]:
    """Full name (either order), surname, every part of a compound surname,
    given name + any surname part, an initial + surname; a given name only
    after a title (or alone, if asked)."""
    if not family:
        family, given = given, ()
    if not family:
        return []
    core = tuple(t for t in family if t not in PARTICLES) or family
    found = [_Pattern(key, "surname", family, _rule_for(family))]
    if len(family) > 1:
        found.append(_Pattern(key, "surname", ("".join(family),)))
        found += [_Pattern(key, "part", (t,), _part_rule(t, core)) for t in core]
    surname_forms = [family, *((t,) for t in core)]
    given_forms = list(dict.fromkeys(given[a:b] for a in range(len(given)) for b in range(len(given), a, -1)))
    for first in given_forms:  # both orders: "Ana García", and "Nguyễn Minh Khai", "Kim Jong-un"
        for last in surname_forms:
            found += [_Pattern(key, "name", t, _rule_for(t)) for t in (first + last, last + first)]
    if given:
        found += [_Pattern(key, "name", (given[0][0],) + last, "initial") for last in surname_forms]
        whole = "".join(given + family)
        if len(whole) >= 6:
            found.append(_Pattern(key, "name", (whole,)))
            found.append(_Pattern(key, "name", ("".join(family + given),)))
        found += _written_forms(key, given, family, core, initials)
    for g in given:
        if g not in PARTICLES:
            found.append(_Pattern(key, "part", (g,), "title"))
            if given_names:
                found.append(_Pattern(key, "given", (g,), _rule_for((g,))))
    if given_names and len(given) > 1:
        found.append(_Pattern(key, "given", given))
    return found


def _written_forms(key: str, given: tuple[str, ...], family: tuple[str, ...],
                   core: tuple[str, ...], initials: bool) -> list[_Pattern]:
    """Forms a note-taker types for speed or finds in an address: an initial run into the surname
    ("nkuznetsova@…", "@NKuznetsova", "KuznetsovaN"), and the person's initials ("NK argued", "N.K.")."""
    found = []
    for last in {"".join(family), *core}:
        # "powers" is Power + S: an ordinary surname runs into an initial after it to make a word
        # the first given name's initial, or the last one's where that is the name used (Vietnamese "Hà")
        initials_of = {given[0][0], given[-1][0]}
        orders = [i + last for i in initials_of] + ([] if last in COMMON_WORD_NAMES else [last + given[0][0]])
        for joined in orders:
            if len(joined) >= 6 and joined.isascii():
                found.append(_Pattern(key, "name", (joined,), "joined"))
            elif len(joined) >= 3 and joined.isascii():  # "mkim@", "@CGuo": only in an address or a handle
                found.append(_Pattern(key, "name", (joined,), "handle"))
    if not initials:
        return found
    first = "".join(g[0] for g in given if g not in PARTICLES)
    # "KH" for Khalid Al-Hashimi, and the article counted as a word, as people write it: "KA", "KAH".
    # Spanish and Portuguese names: the first given name with the first or the last surname ("MF", "MR").
    for letters in {first + "".join(t[0] for t in core), first + family[0][0], first + "".join(t[0] for t in family),
                    first[:1] + core[0][0], first[:1] + core[-1][0]}:
        if 2 <= len(letters) <= 4 and letters.isascii() and letters.isalpha():
            found += [_Pattern(key, "name", (letters,), "initials"), _Pattern(key, "name", tuple(letters), "initials")]
    return found


def _spaceless_patterns(p: Protected, words: list[str], given_names: bool) -> list[_Pattern]:
    """Chinese, Japanese and Korean names put the family name first: without a
    space or a surname from the caller, it is the first character (Japanese
    two-character surnames need the space, "田中 太郎", or `surname`). In Thai,
    Lao, Khmer and Burmese the given name is how people are named, so every
    part is a hit."""
    chars = _flat(words)
    found = [_Pattern(p.key, "name", chars)]
    if _SPACELESS_WITH_GIVEN_NAMES.search("".join(words)):
        return found + [_Pattern(p.key, "part", _flat([w])) for w in words if len(words) > 1]
    if p.surname:
        family = _flat([p.surname])
    elif len(words) > 1:
        family = _flat(words[:1])
    else:
        family = chars[:1]
    given = chars[len(family):] if chars[:len(family)] == family else ()
    found.append(_Pattern(p.key, "surname", family, "cjk-title" if len(family) == 1 else "plain"))
    if given_names and given:
        found.append(_Pattern(p.key, "given", given))
    if _HAN_ONLY.fullmatch("".join(words)):
        found += _pinyin_patterns(p.key, "".join(words)[:len(family)], "".join(words)[len(family):])
    return found


def _pinyin_patterns(key: str, family: str, given: str) -> list[_Pattern]:
    """The Latin spelling of a Chinese name, in both orders ("Li Wei", "Wei Li"),
    from anyascii's pinyin without tones. A guess: characters with two readings
    may get the wrong one, and Japanese kanji names get a Chinese reading, so
    the surname alone needs a context (like a two-letter name)."""
    last = anyascii(family).lower()
    syllables = tuple(s.lower() for s in regex.findall(r"[A-Z][a-z]*", anyascii(given)))
    if not last or not syllables:
        return []
    first_forms = list(dict.fromkeys([("".join(syllables),), syllables]))
    found = [_Pattern(key, "surname", (last,), "short")]
    for first in first_forms:
        for tokens in ((last,) + first, first + (last,)):
            found.append(_Pattern(key, "name", tokens, _rule_for(tokens)))
    found.append(_Pattern(key, "name", (last + "".join(syllables),)))
    return found


def _organisation_patterns(p: Protected) -> list[_Pattern]:
    """The whole name (no leading article, any separators, or run together) and
    the acronym. Never a part: "Foundation" alone is not a hit."""
    name, acronym = p.name, p.acronym
    trailing = _ACRONYM_IN_NAME.search(name)
    if trailing:
        name, acronym = name[:trailing.start()], acronym or trailing.group(1)
    found: list[_Pattern] = []
    for spelling, skeleton in [(s, k) for s, _ in _spellings(name) for k in _folds(s)]:
        tokens = _keys_of(spelling, skeleton)
        while len(tokens) > 1 and tokens[0] in _ARTICLES:
            tokens = tokens[1:]
        if tokens:
            found.append(_Pattern(p.key, ORGANISATION, tuple(tokens), "acronym" if len("".join(tokens)) < 3
                                  else "plain", acronym=spelling.strip()))
        if len(tokens) > 1:
            found.append(_Pattern(p.key, ORGANISATION, ("".join(tokens),)))
    found += _short_forms(p.key, name, acronym)
    tokens = tuple(_keys_of(acronym or ""))  # ("fes",), ("g", "7"), or ("f", "e", "s") for "F.E.S."
    if tokens:
        compact = "".join(c for c in unicodedata.normalize("NFKC", acronym) if c.isalnum())
        letters = "".join(tokens)
        found.append(_Pattern(p.key, ORGANISATION, tokens, "acronym", compact))
        if letters.isalpha() and len(letters) > 1:  # FES, F.E.S.
            found += [_Pattern(p.key, ORGANISATION, (letters,), "acronym", compact),
                      _Pattern(p.key, ORGANISATION, tuple(letters), "acronym", compact)]
    return found


#: Nouns an organisation is called by with its distinctive word, in English whatever its own language
#: ("the Ebert Foundation" for the Friedrich-Ebert-Stiftung).
_ORGANISATION_NOUNS = frozenset("foundation institute centre center network forum academy initiative group "
                                "council society trust".split())
_LINKING_WORDS = frozenset("for of on in and the to at de du des la le les el del della di der die das und et y "
                           "pour para per fur".split())


def _short_forms(key: str, name: str, acronym: str | None) -> list[_Pattern]:
    """How an organisation is called for short: its name up to the first linking word ("the Lindqvist
    Institute" for "Lindqvist Institute for Peace Studies", "the Baltic Centre"), any run of three of its
    words or more, with or without its articles ("Climate Security Observatory", "African Centre for
    Constructive Resolution"), its distinctive words without the generic ones ("Lindqvist"; never a
    place, a generic or an ordinary word), each with a noun such names take ("Bernadotte Academy",
    "Ebert Foundation"), and its initials ("LIPS"). Each written with capitals, as names are."""
    words = _keys_of(name)
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    found = []
    distinctive = tuple(w for w in words if w.isalpha() and len(w) >= 4 and w not in ORGANISATION_WORDS
                        and w not in COMMON_WORD_NAMES and not is_place(w))
    cut = next((k for k, w in enumerate(words) if k and w in _LINKING_WORDS), len(words))
    if 1 < cut < len(words) and any(w not in ORGANISATION_WORDS for w in words[:cut]):
        found.append(_Pattern(key, ORGANISATION, tuple(words[:cut]), "titled"))
    for sequence in {tuple(words), tuple(w for w in words if w not in _ARTICLES)}:
        found += [_Pattern(key, ORGANISATION, sequence[a:b], "titled") for a in range(len(sequence))
                  for b in range(a + 3, len(sequence) + 1) if (a, b) != (0, len(sequence))
                  and _ends_a_run(sequence, a, b) and not all(map(is_place, sequence[a:b]))]  # "Lake Chad Basin"
    if distinctive and len(distinctive) < len(words):
        found.append(_Pattern(key, ORGANISATION, distinctive, "titled"))
        nouns = _ORGANISATION_NOUNS | {w for w in words if w in ORGANISATION_WORDS and w not in _LINKING_WORDS}
        found += [_Pattern(key, ORGANISATION, (d, noun), "titled") for d in distinctive for noun in nouns]
    for significant in ([w for w in words if w not in _LINKING_WORDS], words):
        letters = "".join(w[0] for w in significant if w.isalpha() and len(w) > 1)  # not the "s" of "Women's"
        if len(letters) >= 3 and letters.isascii() and letters not in KNOWN_ACRONYMS \
                and letters != "".join(_keys_of(acronym or "")):
            found.append(_Pattern(key, ORGANISATION, (letters,), "acronym", letters.upper()))
    return found


def _ends_a_run(sequence: tuple[str, ...], a: int, b: int) -> bool:
    """A run of an organisation's words begins and ends with a whole word of its own: not a linking word,
    not a piece of "G77" ("Youth Forum of the G" is no name)."""
    edges = (sequence[a], sequence[b - 1], *sequence[b:b + 1])
    return (all(w not in _LINKING_WORDS and len(w) > 1 and w.isalpha() for w in edges[:2])
            and not (len(edges) > 2 and edges[2].isdecimal()))


def _stem(key: str) -> str:
    for ending in _STEM_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            return key[:-len(ending)]
    return key


# --- the matcher --------------------------------------------------------------------------------------------

class _QuickFold(dict):
    """A `str.translate` table that folds a text the way tokens are folded,
    with every non-letter turned into a space; each character's entry is
    computed the first time it is met. With `skeleton`, letters of look-alike
    scripts fold through their Latin look-alike, as `_word_keys` does."""

    def __init__(self, skeleton: bool):
        super().__init__()
        self.skeleton = skeleton

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        shown = "" if _INVISIBLE.match(ch) else unicodedata.normalize("NFKC", ch)  # as `_clean` leaves it
        value = "".join(map(self._fold, shown))
        self[code] = value
        return value

    def _fold(self, ch: str) -> str:
        category = unicodedata.category(ch)
        if category[0] == "M":
            return ""
        if _NO_SPACE_CHAR.match(ch):
            return f" {_char_key(ch)} "
        if category[0] == "L" and not 0x2B9 <= ord(ch) <= 0x2BF:
            return _skeleton_char(ch) if self.skeleton else _fold_char(ch)
        if category == "Nd":  # digits of one number stay together: see `_quick_words`
            return f"\x02{unicodedata.decimal(ch)}\x02"
        return " and " if ch == "&" else " "


_QUICK_FOLD, _QUICK_SKELETON = _QuickFold(skeleton=False), _QuickFold(skeleton=True)


def _quick_words(text: str, table: _QuickFold) -> list[str]:
    """The folded words of a text, in order, as `str.translate` finds them."""
    return text.translate(table).replace("\x02\x02", "").replace("\x02", " ").split()
_LOOKALIKE_TEXT = _fast_class(r"[\p{Cyrillic}\p{Greek}\p{Armenian}\p{Cherokee}\p{Coptic}]")
_QUICK_CHECK_UNSAFE = _fast_class(r"[\p{Arabic}\p{Hebrew}\u202d\u202e]")
# Words that may stand just before a name that needs a title ("e" of "H.E."), or just after one that
# may be followed by a role ("Li, senior adviser"), for the quick check.
_TITLE_BEFORE = HONORIFICS | TITLE_WORDS | {"e"}
_ROLE_AFTER_WORDS = set(ROLE_WORDS.replace("-", " ").replace("|", " ").split()) | {
    "the", "a", "an", "former", "senior", "deputy", "vice", "acting", "assistant", "chief", "special", "regional",
    "executive"}

_GAP = regex.compile(r"[\s._\-\u2010-\u2015'’ʼ·\u30fb]{0,6}")
_GAP_MARKS = regex.compile(r"[^\s]")


def _joinable(gap: str) -> bool:
    """Separators allowed inside a name: white space (line breaks too), hyphens,
    dots, apostrophes, "_" and the katakana middle dot; at most two non-spaces."""
    return bool(_GAP.fullmatch(gap)) and len(_GAP_MARKS.findall(gap)) <= 2


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


class Matcher:
    """Finds the protected identities of a meeting in texts.

    Build it once per register; `find` may then be called on any number of
    texts. `given_names=True` also flags a given name written alone (off by
    default: it would drown the audit in every "Ana" and "Rose")."""

    def __init__(self, protected: Iterable[Protected], *, given_names: bool = False):
        self._trie: dict = {}
        self._stems: dict[str, set[str]] = {}
        self._needed: dict[str, list[tuple[frozenset[str], str | None]]] = {}
        self._public: set[str] = set()
        self._near: dict[str, set[tuple[str, str]]] = {}  # a protected word and its one-letter deletions
        self._sounds: dict[str, set[tuple[str, str]]] = {}  # a protected word by how it sounds (_sound)
        for p in protected:
            if p.kind not in (PERSON, ORGANISATION):
                raise ValueError(f"kind must be {PERSON!r} or {ORGANISATION!r}, not {p.kind!r}")
            patterns = _organisation_patterns(p) if p.kind == ORGANISATION else _person_patterns(p, given_names)
            if p.public:
                self._public.add(p.key)
            for pattern in dict.fromkeys(patterns):
                self._add(pattern)
                if not p.public and p.kind == PERSON:
                    self._add_near(pattern)
        self._stem_prefixes = {stem[:4] for stem in self._stems}
        self._near_ends = {w[:2] for w in self._near} | {w[-2:] for w in self._near}
        self._sounds.pop("", None)

    def _add(self, pattern: _Pattern) -> None:
        node = self._trie
        for token in pattern.tokens:
            node = node.setdefault(token, {})
        node.setdefault(None, []).append(pattern)
        # A pattern can only match a text that has all its tokens, and a title or role next to it if it needs one.
        in_context = pattern.tokens[0] if pattern.rule in ("short", "title") else None
        self._needed.setdefault(max(pattern.tokens, key=len), []).append((frozenset(pattern.tokens), in_context))
        if pattern.what != ORGANISATION and pattern.inflects and pattern.rule != "joined":  # not "pricee"
            for token in pattern.tokens:
                if len(token) >= _MIN_INFLECTED and token.isascii():
                    self._stems.setdefault(_stem(token), set()).add(token)

    def _add_near(self, pattern: _Pattern) -> None:
        """Index a long protected word for near matches: a word within one typing slip of it (a letter
        wrong, missing, added, or two swapped: "Kuznestova") is a possible mention."""
        if len(pattern.tokens) != 1 or pattern.rule != "plain" or pattern.what == ORGANISATION:
            return
        word = pattern.tokens[0]
        if len(word) < _MIN_NEAR - 1 or not (word.isascii() and word.isalpha()) or word in COMMON_WORD_NAMES:
            return
        self._sounds.setdefault(_sound(word), set()).add((word, pattern.key))
        if len(word) < _MIN_NEAR:
            return
        for variant in {word, *_deletions(word)}:
            self._near.setdefault(variant, set()).add((word, pattern.key))

    def find(self, text: str) -> list[Hit]:
        """Every mention of a protected identity in `text`, in text order.
        Overlapping mentions keep the longest; equal spans keep one hit per key. A mention of a public
        identity (an organiser) is not reported, but hides the protected words inside it; a word one
        slip away from a long protected name is reported as "possible"."""
        if not text or not self._trie or self._cannot_match(text):
            return []
        cleaned, index = _clean(text)
        tokens = _Tokens(cleaned)
        prefixes = self._stem_prefixes
        keys = [self._with_inflections(k) if k[0][:4] in prefixes or len(k) > 1 else k for k in tokens.keys]
        found: list[tuple[int, int, _Pattern]] = []
        for i, token_keys in enumerate(keys):
            for key in token_keys:
                if key in self._trie:
                    self._walk(self._trie[key], tokens, keys, i, i, found)
        hits = [self._hit(text, index, tokens, i, j, p) for i, j, p in found if self._accepts(p, tokens, i, j)]
        if self._near:
            near = self._near_hits(text, index, tokens, {k for i, j, _ in found for k in range(i, j + 1)})
            hits += [h for h in near if not any(o.start < h.end and h.start < o.end for o in hits)]
        return [h for h in _longest_first(hits) if h.key not in self._public]

    def _near_hits(self, text: str, index: list[int] | None, tokens: _Tokens, taken: set[int]) -> list[Hit]:
        found = []
        for i, keys in enumerate(tokens.keys):
            word = keys[0]
            if i in taken or not self._may_be_near(word) or not _capitalised(tokens.words[i]):
                continue
            targets = {t for v in (word, *_deletions(word)) for t in self._near.get(v, ())}
            targets = {(t, key) for t, key in targets if t != word and _one_slip(word, t)}
            if is_place(word):
                continue  # "Sudan" is no other spelling of "Zaidan", nor "Kenya" a slip of a name
            if len(word) >= _MIN_NEAR:
                targets |= {(t, key) for t, key in self._sounds.get(_sound(word), ()) if t != word}
            for target, key in sorted(targets):
                found.append(self._hit(text, index, tokens, i, i, _Pattern(key, "possible", (target,))))
        return found

    def _may_be_near(self, word: str) -> bool:
        return (len(word) >= _MIN_NEAR - 1 and word.isascii() and word not in COMMON_WORD_NAMES
                and (word[:2] in self._near_ends or word[-2:] in self._near_ends or _sound(word) in self._sounds))

    def _cannot_match(self, text: str) -> bool:
        """A quick no, at C speed, for a text that lacks some word of every
        pattern (or a title for those that need one), and has no word that
        could be an inflected name. Not tried where the full reading does more
        than fold words one by one: Arabic and Hebrew prefixes, bidi
        overrides, words broken at a line end."""
        if _QUICK_CHECK_UNSAFE.search(text) or _LINE_END_HYPHEN.search(text):
            return False
        sequence = _quick_words(text, _QUICK_FOLD)
        if _LOOKALIKE_TEXT.search(text):
            sequence += ["\n", *_quick_words(text, _QUICK_SKELETON)]
        words = set(sequence)
        in_context = None
        for word in words.intersection(self._needed):
            for needs, first in self._needed[word]:
                if needs <= words:
                    if first is None:
                        return False
                    in_context = _words_in_context(sequence) if in_context is None else in_context
                    if first in in_context or "@" in text or "#" in text or not text.isascii():
                        return False  # a handle, or a short name written with its accents ("Hồ")
        if any(self._inflected(w) for w in words if len(w) >= _MIN_INFLECTED and w[:4] in self._stem_prefixes):
            return False
        return not any(self._near.get(v) or self._sounds.get(_sound(w)) for w in words if self._may_be_near(w)
                       for v in (w, *_deletions(w)))

    def _with_inflections(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        extra = [k for key in keys if len(key) >= _MIN_INFLECTED and key[:4] in self._stem_prefixes
                 for k in self._inflected(key)]
        return tuple(dict.fromkeys([*keys, *extra])) if extra else keys

    def _inflected(self, key: str) -> list[str]:
        """The protected tokens that `key` may be an inflected form of."""
        return [k for ending in _INFLECTIONS if key.endswith(ending) for k in self._stems.get(key[:-len(ending)], ())]

    def _walk(self, node: dict, tokens: _Tokens, keys: list, i: int, j: int, found: list) -> None:
        for pattern in node.get(None, ()):
            found.append((i, j, pattern))
        if len(node) > (None in node) and j + 1 < len(tokens) and _joinable(tokens.gap(j)):
            for key in keys[j + 1]:
                if key in node:
                    self._walk(node[key], tokens, keys, i, j + 1, found)

    # --- context rules ---

    def _accepts(self, p: _Pattern, tokens: _Tokens, i: int, j: int) -> bool:
        words = tokens.words[i:j + 1]
        if p.rule in ("plain", "joined"):
            return True
        if p.rule == "caps":
            return all(map(_capitalised, words))
        if p.rule == "titled":  # a name in title case: "African Centre for Constructive Resolution"
            return all(_capitalised(w) or w.casefold() in _LINKING_WORDS for w in words) and _capitalised(words[0])
        if p.rule == "acronym":
            return all(w.isupper() or w.isdecimal() for w in words) or "".join(words) == p.acronym
        if p.rule == "initial":
            return len(words[0]) == 1 and words[0].isupper() and tokens.text.startswith(".", tokens.ends[i])
        if p.rule == "cjk-title":
            return (bool(_CJK_TITLE_AFTER.match(tokens.text, tokens.ends[j]))
                    or tokens.text[tokens.starts[i] - 1:tokens.starts[i]] in tuple(_CJK_FAMILIAR)
                    or self._titled(tokens, i) or _standing_alone(tokens, i, j))
        if p.rule == "short":
            return (self._titled(tokens, i) or _after_at(tokens, i) or _before_speech(tokens, i, j)
                    or (_capitalised(words[0]) and not words[0].isascii())  # "Hồ", "Lê": no English word
                    or (_capitalised(words[0]) and bool(_ROLE_AFTER.match(tokens.text, tokens.ends[j]))))
        if p.rule == "handle":
            return _after_at(tokens, i) or tokens.text.startswith("@", tokens.ends[j]) or (
                len(words[0]) > 1 and any(c.isupper() for c in words[0][1:]) and not words[0].isupper())
        if p.rule == "not-acronym":
            return _capitalised(words[0]) and not words[0].isupper()
        if p.rule == "name-like":
            return _stands_as_name(tokens, i, j) or self._titled(tokens, i)
        if p.rule == "initials":
            return _written_as_initials(tokens, i, j)
        return self._titled(tokens, i)  # "title"

    def _titled(self, tokens: _Tokens, i: int) -> bool:
        title = _title_before(tokens, i)
        return title is not None and (title[0] == "honorific" or _capitalised(tokens.words[i]))

    def _hit(self, text: str, index: list[int] | None, tokens: _Tokens, i: int, j: int, p: _Pattern) -> Hit:
        first = i
        while p.what != ORGANISATION and (title := _title_before(tokens, first)) is not None:
            first = title[1]
        start, end = tokens.starts[first], tokens.ends[j]
        after = _CJK_TITLE_AFTER.match(tokens.text, end)
        if after and p.what != ORGANISATION and not tokens.keys[j][0].isascii():
            end = after.end()  # "李先生", "田中さん": the title goes with the name
        if index is not None:  # a reversed run maps backwards: take the extremes
            ends = (index[start], index[end - 1], index[tokens.starts[i]])
            start, end = min(ends), max(ends) + 1
        return Hit(p.key, start, end, text[start:end], p.what)


_POSSESSIVE = regex.compile(r"['’ʼ]s(?![^\W\d_])")
_SENTENCE_END = ".!?:;\n\r\u2029"
_OPENING = " \t\"'“‘«(*•·-–—"


def _starts_sentence(tokens: _Tokens, i: int) -> bool:
    before = tokens.text[:tokens.starts[i]].rstrip(_OPENING)
    return not before or before[-1] in _SENTENCE_END


def _stands_as_name(tokens: _Tokens, i: int, j: int) -> bool:
    """An ordinary word ("May", "Young", "Said") written as a name: capitalised, and possessive
    ("Young's"), or before a speech verb ("Young argued"), or capitalised in mid-sentence where a
    capital has no other reason (not after "in", "the" ..., not in a run of capitalised words such as
    a heading or an institution, not before a number: "in May", "May 2025", "Young Leaders")."""
    word = tokens.words[i]
    if not _capitalised(word) or (word.isupper() and len(word) > 1 and _in_capitals(tokens, i, j)):
        return False
    after = tokens.text[tokens.ends[j]:tokens.ends[j] + 3]
    if _POSSESSIVE.match(after):
        return True
    if _before_speech(tokens, i, j):
        return True
    if _starts_sentence(tokens, i) or (i and tokens.keys[i - 1][0] in NOT_BEFORE_A_NAME):
        return False
    if is_place(tokens.keys[i][0]):  # "in English and French": languages and peoples take a capital anyway
        return False
    if j + 1 < len(tokens) and (_capitalised(tokens.words[j + 1]) or tokens.words[j + 1].isdecimal()) \
            and 0 < len(tokens.gap(j)) <= 2 and not tokens.gap(j).strip(" -"):
        return False
    return not (i and _capitalised(tokens.words[i - 1]) and tokens.gap(i - 1) == " "
                and not _starts_sentence(tokens, i - 1))


def _before_speech(tokens: _Tokens, i: int, j: int) -> bool:
    """A capitalised word a speech verb follows stands as a name ("Li argued", "Young said")."""
    following = tokens.keys[j + 1][0] if j + 1 < len(tokens) and tokens.gap(j).isspace() else None
    return _capitalised(tokens.words[i]) and following in SPEECH_VERBS and tokens.keys[i][0] not in SHORT_WORDS


def _after_at(tokens: _Tokens, i: int) -> bool:
    """A handle or a hashtag: "@Wu", "#Kuznetsova"."""
    return tokens.text[tokens.starts[i] - 1:tokens.starts[i]] in ("@", "#")


def _standing_alone(tokens: _Tokens, i: int, j: int) -> bool:
    """One character of a script without spaces written as a word of its own among words of another
    script ("朱 argued"): a name, not a character of a longer Chinese or Korean text."""
    before, after = tokens.text[tokens.starts[i] - 1:tokens.starts[i]], tokens.text[tokens.ends[j]:tokens.ends[j] + 1]
    return not any(_NO_SPACE_CHAR.match(c) for c in (before, after) if c)


def _in_capitals(tokens: _Tokens, i: int, j: int) -> bool:
    """A word in a run written in capitals (a heading): a neighbour is in capitals too."""
    neighbours = [tokens.words[k] for k in (i - 1, j + 1) if 0 <= k < len(tokens)]
    return any(w.isupper() and len(w) > 1 for w in neighbours)


def _written_as_initials(tokens: _Tokens, i: int, j: int) -> bool:
    """A person's initials: "NK" in capitals, or "N.K." with its dots, not an everyday acronym ("UN",
    "HR") and not in a heading written in capitals."""
    words = tokens.words[i:j + 1]
    if not all(w.isupper() for w in words) or _in_capitals(tokens, i, j):
        return False
    if i == j and tokens.keys[i][0] in KNOWN_ACRONYMS:  # "PM argued", not "the PM argued" or "in the AD era"
        following = tokens.keys[j + 1][0] if j + 1 < len(tokens) else ""
        return following in SPEECH_VERBS and not (i and tokens.keys[i - 1][0] in NOT_BEFORE_A_NAME)
    if i == j:
        return len(words[0]) > 1
    return all(len(w) == 1 for w in words) and all(tokens.gap(k).startswith(".") for k in range(i, j))


_MIN_NEAR = 6  # a slip in a shorter name makes another name or an ordinary word too often


_SOUND_SPELLINGS = (("sch", "s"), ("oe", "u"), ("ij", "iy"), ("j", "y"), ("q", "k"), ("c", "k"), ("x", "ks"),
                    ("z", "s"), ("w", "v"))
_SOUND_H = re.compile(r"(?<=[^aeiouy])h")
_SOUND_VOWELS = re.compile(r"[aeiou]+")
_SOUND_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 16)
def _sound(word: str) -> str:
    """How a romanised word sounds, for spellings that are no slip but another convention: "h" after a
    consonant dropped (Ghebremariam, Thongdee), c, q, z, w and the Dutch oe and ij as their sounds
    (Soeprijadi), doubled letters single (Mekonnen), and each run of vowels one "a" (Boonmaa, Chaiprasoet).
    "" for a word too short to tell by its sound (fewer than five letters)."""
    if len(word) < 5:
        return ""
    for spelling, sound in _SOUND_SPELLINGS:
        word = word.replace(spelling, sound)
    word = _SOUND_DOUBLES.sub(r"\1", _SOUND_VOWELS.sub("a", _SOUND_H.sub("", word)))
    return word if len(word) >= 5 else ""


def _deletions(word: str) -> list[str]:
    return [word[:k] + word[k + 1:] for k in range(len(word))]


def _one_slip(a: str, b: str) -> bool:
    """Damerau–Levenshtein distance of one (for words of different strings)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def fingerprints(protected: Iterable[Protected], salt: str) -> list[list]:
    """The name patterns of `protected` with every word hashed (salted with `salt`): what a purge keeps of a
    register, so that a name typed later is still recognised (`FingerprintMatcher`) though it can no longer
    be read back. Each entry is [index of the identity in `protected`, kind, what, rule, hashed words].
    A dictionary of common names can still test whether one was among them: this keeps names from a
    reader of the file, it is no encryption."""
    found = []
    for n, p in enumerate(protected):
        patterns = _organisation_patterns(p) if p.kind == ORGANISATION else _person_patterns(p, given_names=False)
        for pattern in dict.fromkeys(patterns):
            found.append([n, p.kind, pattern.what, pattern.rule, [_fingerprint(salt, t) for t in pattern.tokens]])
    return found


def _fingerprint(salt: str, word: str) -> str:
    return hashlib.sha256(f"{salt}\x1f{word}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


class FingerprintMatcher(Matcher):
    """A matcher over `fingerprints`: each word of a text is hashed as the patterns' words were, then the
    patterns are walked and their context rules applied as for names in clear. Inflected forms and slips
    are not found (their stems are hashed too)."""

    def __init__(self, prints: Iterable[list], salt: str, key_of: Callable[[int], str]):
        super().__init__(())
        self._salt = salt
        for n, _kind, what, rule, words in prints:
            self._add(_Pattern(key_of(n), what, tuple(words), rule, inflects=False))

    def find(self, text: str) -> list[Hit]:
        if not text or not self._trie:
            return []
        cleaned, index = _clean(text)
        tokens = _Tokens(cleaned)
        keys = [tuple(_fingerprint(self._salt, k) for k in word_keys) for word_keys in tokens.keys]
        found: list[tuple[int, int, _Pattern]] = []
        for i, token_keys in enumerate(keys):
            for key in token_keys:
                if key in self._trie:
                    self._walk(self._trie[key], tokens, keys, i, i, found)
        return _longest_first([self._hit(text, index, tokens, i, j, p) for i, j, p in found
                               if self._accepts(p, tokens, i, j)])


def _words_in_context(sequence: list[str]) -> set[str]:
    """Folded words just after a title, or just before a role word or a speech verb."""
    pairs = list(pairwise(sequence))
    return ({b for a, b in pairs if a in _TITLE_BEFORE} | {a for a, b in pairs if b in _ROLE_AFTER_WORDS}
            | {a for a, b in pairs if b in SPEECH_VERBS})


def _title_before(tokens: _Tokens, i: int) -> tuple[str, int] | None:
    """("honorific" | "word", index of the title's first token) if token i
    follows a title: an honorific in any case ("ms", "Dr.", "H.E.") or a
    capitalised title word ("Minister", "Secretary-General")."""
    k = i - 1
    if k < 0 or not _TITLE_GAP.fullmatch(tokens.gap(k)):
        return None
    key = tokens.keys[k][0]
    dotted = tokens.gap(k).startswith(".")
    if key == "e" and k >= 1 and tokens.keys[k - 1][0] == "h" and tokens.gap(k - 1) == "." and dotted:
        return "honorific", k - 1  # H.E.
    if key in HONORIFICS and (key != "m" or dotted):
        return "honorific", k
    if key in TITLE_WORDS and _capitalised(tokens.words[k]):
        return "word", k
    return None


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Resolve overlaps: the longest span wins; a span equal to a kept one keeps
    one hit per key (the best `what`)."""
    kept: dict[tuple[str, int, int], Hit] = {}
    spans: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start, WHATS.index(h.what))):
        span = (hit.start, hit.end)
        if span not in spans:
            if any(s < hit.end and hit.start < e for s, e in spans):
                continue
            spans.append(span)
        kept.setdefault((hit.key, *span), hit)
    return sorted(kept.values(), key=lambda h: (h.start, h.end, h.key))
