"""Property: whoever is protected, in whichever script, and however their name
is written into a sentence, `Matcher.find` returns a hit for them covering
the name as written.

Names are drawn from realistic pools (Latin with diacritics, Polish, Nordic,
Turkish, Vietnamese, Cyrillic, Greek, Arabic, Chinese; compound, hyphenated
and particle surnames; two-letter surnames) and from made-up names built of
syllables with diacritics. A mention is the full name, the surname, one half
of a compound surname, a given name with a surname part, a title with the
surname, or (for a two-letter surname) the surname before ", Minister ...";
it is then varied: case, accents removed or added, possessive, underscores
and digits around it, invisible and control characters inside it, line
breaks, look-alike letters.

Examples per run: FACILITATOR_PROPERTY_EXAMPLES (default below, sized to stay
well inside 60 s on two cores); set it to 20000 or more to hunt by hand.
"""

from __future__ import annotations

import os
import unicodedata

import regex
from anyascii import anyascii
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.names import Matcher, Protected

EXAMPLES = int(os.environ.get("FACILITATOR_PROPERTY_EXAMPLES", "5000"))

# --- name pools -------------------------------------------------------------------------------------------

POOLS = {
    "latin": (["Ana", "José", "María", "João", "Inês", "François", "Hélène", "Zoë", "Jiří", "Tomáš", "Dragana",
               "Ivana", "Zoran", "Siobhán", "Niamh", "Kwame", "Aisha", "Chiamaka", "Renée", "Dóra"],
              ["García", "Márquez", "Núñez", "Peña", "Gonçalves", "Simões", "Müller", "Dvořák", "Šimonović",
               "Kovačević", "Lefèvre", "Mensah", "Okonkwo", "Abdullahi", "Horváth", "Ibáñez", "Štěpánek",
               "Brâncuși", "Ţurcanu", "Krasniqi"]),
    "polish": (["Małgorzata", "Łukasz", "Wojciech", "Grzegorz", "Agnieszka", "Żaneta", "Józef"],
               ["Wałęsa", "Wiśniewska", "Żółkiewski", "Łęcka", "Ćwikła", "Szczęsny", "Kałuża", "Brzęczyszczykiewicz"]),
    "nordic": (["Søren", "Åsa", "Bjørn", "Þórunn", "Ævar", "Sigríður", "Jónas", "Øystein"],
               ["Østergaard", "Ødegård", "Guðmundsdóttir", "Sæther", "Lindqvist", "Åberg", "Þorsteinsson",
                "Kjærsgaard"]),
    "turkish": (["Ayşe", "İlker", "Gülşen", "Çağla", "Ömer", "Işıl", "Barış"],
                ["Yıldırım", "Işık", "Öztürk", "Çelik", "Aydın", "Şahin", "Doğan", "Güneş"]),
    "cyrillic": (["Наталья", "Олександр", "Дмитрий", "Ирина", "Сергей", "Євгенія"],
                 ["Петрова", "Шевчук", "Иванов", "Кузнецова", "Смирнов", "Ковальчук", "Ёлкина"]),
    "greek": (["Γιώργος", "Ελένη", "Νίκος", "Μαρία", "Δημήτρης", "Σοφία"],
              ["Παπαδόπουλος", "Κωνσταντίνου", "Οικονόμου", "Γεωργίου", "Αθανασίου", "Νικολαΐδης"]),
    "arabic": (["محمد", "فاطمة", "أحمد", "ليلى", "يوسف", "مريم"],
               ["العلي", "حداد", "الخطيب", "منصور", "الزهراني", "عبدالله"]),
}
VIETNAMESE = (["Nguyễn", "Trần", "Phạm", "Đặng", "Huỳnh", "Lê", "Võ"], ["Thị", "Văn", "Đức", "Ngọc"],
              ["Minh", "Hồng", "Khải", "Thảo", "Dũng", "Hương"])
CHINESE = (["李", "王", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "欧阳", "司马"],
           ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"])
SHORT = (["Wei", "Mei", "Kevin", "Grace", "Jun", "Hui", "Thanh", "Minh"],
         ["Li", "Wu", "Ng", "Ho", "Xu", "Yu", "Ma", "Lo", "Su"])
PARTICLE_SURNAMES = ["van der Berg", "van den Broek", "de la Cruz", "von Weizsäcker", "da Silva", "de Souza",
                     "O'Brien", "O'Sullivan", "dos Santos", "ter Horst", "al-Hashimi", "Mc Carthy", "di Stefano"]
SYLLABLES = ["ka", "lo", "mi", "šo", "ře", "ná", "vi", "ło", "ge", "tü", "ør", "ðu", "ça", "ñe", "zä", "bú",
             "ţi", "dă", "ků", "rø"]
TITLES = ["Ms ", "Mr ", "Mrs ", "Dr ", "Dr. ", "Prof. ", "H.E. ", "Ambassador ", "Minister ", "Mme "]
CJK_TITLES = ["先生", "女士", "教授", "大使", "部长"]
ROLES = [", Minister of Finance", ", director of the centre", ", Ambassador to Kenya", ", senior adviser"]
# Every format character (Cf: soft hyphen, zero-width joiners, bidi controls ...), every control
# character (Cc) that is not a line break or tab, and the other default-ignorables of the BMP.
INVISIBLES = regex.findall(r"[[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]--[\t\n\v\f\r\x85]]",
                           "".join(map(chr, [*range(0x10000), *range(0xE0000, 0xE0080)])), flags=regex.V1)
LOOKALIKES = {"a": "аɑ", "e": "е", "o": "оο", "p": "р", "c": "с", "y": "у", "x": "х", "i": "іι", "j": "ј", "s": "ѕ",
              "A": "АΑ", "B": "ВΒ", "E": "ЕΕ", "H": "НΗ", "I": "ІΙ", "K": "КΚ", "M": "МΜ", "N": "Ν", "O": "ОΟ",
              "P": "РΡ", "T": "ТΤ", "X": "ХΧ", "Y": "Υ", "Z": "Ζ"}
LATIN_LOOKALIKES = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ο": "o", "Ο": "O",
                    "Α": "A", "Ε": "E", "Κ": "K", "Μ": "M", "Τ": "T"}
MARKS = ["\u0301", "\u0300", "\u0308", "\u0303", "\u030c", "\u0327", "\u0323"]
ARABIC_MARKS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640"]
FILLER = ["In the second session", "Speaking on early warning", "The rapporteur noted that", "As agreed,",
          "Several participants said", "On funding,"]
ENDINGS = ["argued for regional ownership.", "called for more funding.", "disagreed.", "spoke next.",
           "asked about the mandate."]


# --- people ----------------------------------------------------------------------------------------------

@st.composite
def made_up(draw) -> str:
    name = "".join(draw(st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=4)))
    return name[0].upper() + name[1:]


@st.composite
def person(draw, key: str) -> dict:
    """A protected person: the Protected entry and the parts a writer may use."""
    kind = draw(st.sampled_from([*POOLS, "vietnamese", "chinese", "short", "particle", "compound", "made-up"]))
    if kind == "vietnamese":
        family, middle, given = (draw(st.sampled_from(pool)) for pool in VIETNAMESE)
        return {"p": Protected(key, f"{family} {middle} {given}", surname=family), "script": "latin",
                "given": [given], "family": [family], "order": "family-first"}
    if kind == "chinese":
        family = draw(st.sampled_from(CHINESE[0]))
        given = "".join(draw(st.lists(st.sampled_from(CHINESE[1]), min_size=1, max_size=2)))
        surname = family if len(family) > 1 else None
        return {"p": Protected(key, family + given, surname=surname), "script": "chinese",
                "given": [given], "family": [family], "order": "family-first"}
    if kind == "short":
        given, family = draw(st.sampled_from(SHORT[0])), draw(st.sampled_from(SHORT[1]))
        return {"p": Protected(key, f"{given} {family}"), "script": "latin", "given": [given],
                "family": [family], "order": "given-first"}
    pool = POOLS.get(kind, POOLS["latin"])
    script = kind if kind in POOLS else "latin"
    given = draw(st.sampled_from(pool[0])) if kind != "made-up" else draw(made_up())
    if kind == "particle":
        family = [draw(st.sampled_from(PARTICLE_SURNAMES))]
    elif kind == "compound":
        first, second = draw(st.lists(st.sampled_from(pool[1]), min_size=2, max_size=2, unique=True))
        family = [first, second] if draw(st.booleans()) else [f"{first}-{second}"]
    elif kind == "made-up":
        family = [draw(made_up())]
    else:
        family = [draw(st.sampled_from(pool[1]))]
    return {"p": Protected(key, " ".join([given, *family])), "script": script, "given": [given], "family": family,
            "order": "given-first"}


# --- mentions ----------------------------------------------------------------------------------------------

def surname_parts(who: dict) -> list[str]:
    """Halves of a compound surname that stand alone (no particles, not two letters)."""
    words = [w for f in who["family"] for w in f.replace("-", " ").replace("'", " ").split()]
    if len(words) < 2:
        return []
    return [w for w in words if len(w) > 2 and w.lower() not in {"van", "der", "den", "de", "la", "von", "da", "dos",
                                                                   "ter", "al", "mc", "di", "o"}]


@st.composite
def mention(draw, who: dict) -> tuple[str, str, str]:
    """(before, name as written, after): the writer's words around and for the name."""
    given, family = " ".join(who["given"]), " ".join(who["family"])
    short = all(len(w) <= 2 for w in family.split())
    if who["script"] == "chinese":
        form = draw(st.sampled_from(["full", "full", "surname-title"]))
        if form == "surname-title":
            return "", family, draw(st.sampled_from(CJK_TITLES))
        return "", family + given, ""
    forms = ["full", "given+part", "title"]
    if not short:
        forms += ["surname", "surname"]
    if surname_parts(who):
        forms += ["half", "half"]
    if short:
        forms += ["role"]
    form = draw(st.sampled_from(forms))
    full = f"{family} {given}" if who["order"] == "family-first" else f"{given} {family}"
    if form == "full":
        return "", full, ""
    if form == "surname":
        return "", family, ""
    if form == "half":
        return "", draw(st.sampled_from(surname_parts(who))), ""
    if form == "given+part":
        part = draw(st.sampled_from(surname_parts(who) or [family]))
        return "", f"{given} {part}", ""
    if form == "role":
        return "", family, draw(st.sampled_from(ROLES))
    return draw(st.sampled_from(TITLES)), family, ""


def strip_accents(value: str, script: str) -> str:
    if script == "latin" or script in ("polish", "nordic", "turkish"):
        return anyascii(value)
    decomposed = unicodedata.normalize("NFD", value)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@st.composite
def variant(draw, who: dict, before: str, name: str, after: str) -> tuple[str, str, str]:
    """The mention varied as writers (and attackers) vary it."""
    script = who["script"]
    letters_only = who["script"] not in ("arabic", "chinese")
    titled = bool(before) or after.startswith(",")
    if letters_only and draw(st.booleans()):
        case = draw(st.sampled_from(["upper", "lower", "title"]))
        if case == "lower" and (after.startswith(",") or before.strip() in ("Ambassador", "Minister")):
            case = "upper"  # a role after a lower-case name, or a title word, is ordinary text
        name = {"upper": name.upper(), "lower": name.lower(), "title": name.title()}[case]
        before = before.upper() if case == "upper" and before else before
    if draw(st.integers(0, 3)) == 0:
        name = strip_accents(name, script)
    if draw(st.integers(0, 3)) == 0:
        name = add_marks(draw, name, ARABIC_MARKS if script == "arabic" else MARKS)
    if draw(st.integers(0, 3)) == 0 and script in ("latin", "polish", "nordic", "turkish"):
        name = swap_letters(draw, name, LOOKALIKES)
    if draw(st.integers(0, 5)) == 0 and script in ("cyrillic", "greek"):
        name = swap_letters(draw, name, LATIN_LOOKALIKES)
    if draw(st.integers(0, 5)) == 0 and script != "arabic":
        name = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() and draw(st.booleans()) else c
                       for c in name)
    if " " in name and draw(st.booleans()):
        name = name.replace(" ", draw(st.sampled_from(["\n", "\r\n", "\n  ", "_", "-"])), 1)
    if draw(st.booleans()):
        name = insert_invisible(draw, name)
    if script == "arabic" and not titled and draw(st.integers(0, 3)) == 0:
        before = before + "و"
    decoration = draw(st.sampled_from(["", "", "possessive", "underscores", "digits", "hashtag", "quotes"]))
    if decoration == "possessive" and script not in ("arabic", "chinese") and not after:
        after = draw(st.sampled_from(["'s", "’s", "'"]))
    elif decoration == "underscores":
        before, after = "_" + before, after + "_"
    elif decoration == "digits":
        before, after = "2017" + before if not before else before, after + "2"
    elif decoration == "hashtag":
        before = "#" + before
    elif decoration == "quotes":
        before, after = "“" + before, after + "”"
    return before, name, after


def add_marks(draw, name: str, marks: list[str]) -> str:
    spots = [i for i, c in enumerate(name) if c.isalpha()]
    for i in sorted(draw(st.lists(st.sampled_from(spots), min_size=1, max_size=2, unique=True)), reverse=True):
        name = name[:i + 1] + draw(st.sampled_from(marks)) + name[i + 1:]
    return name


def swap_letters(draw, name: str, table: dict[str, str]) -> str:
    spots = [i for i, c in enumerate(name) if c in table]
    if not spots:
        return name
    chars = list(name)
    for i in draw(st.lists(st.sampled_from(spots), min_size=1, max_size=len(spots), unique=True)):
        chars[i] = draw(st.sampled_from(table[chars[i]]))
    return "".join(chars)


def insert_invisible(draw, name: str) -> str:
    """One to three invisible or control characters strictly inside the name."""
    for _ in range(draw(st.integers(1, 3))):
        if len(name) < 2:
            return name
        at = draw(st.integers(1, len(name) - 1))
        name = name[:at] + draw(st.sampled_from(INVISIBLES)) + name[at:]
    return name


@st.composite
def scenario(draw):
    people = [draw(person(f"p{n}")) for n in range(draw(st.integers(1, 4)))]
    who = draw(st.sampled_from(people))
    before, name, after = draw(variant(who, *draw(mention(who))))
    if who["script"] == "chinese":
        left = draw(st.sampled_from(["我们和", "会上", "", "In Beijing, "]))
        right = draw(st.sampled_from(["说", "见面了", " said"]))
    else:
        left, right = draw(st.sampled_from(FILLER)) + " ", " " + draw(st.sampled_from(ENDINGS))
    text = left + before + name + after + right
    start = len(left + before)
    return [p["p"] for p in people], who["p"].key, text, start, start + len(name)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario())
def test_every_written_variant_of_a_protected_name_is_found(case):
    register, key, text, start, end = case
    found = Matcher(register).find(text)
    assert any(h.key == key and h.start <= start and h.end >= end for h in found), (text, text[start:end], found)
